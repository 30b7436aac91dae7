"""Notes exported from Evernote (an .enex file): read as the Markdown they stand for.

An export is XML: each note a `<note>` with its `<title>`, its text as ENML (XHTML inside a
CDATA section of `<content>`: a `<div>` a line, `<div><br/></div>` a blank one, `<ul>` lists,
`<b>` bold, `<en-todo checked="true"/>` a checkbox, a `<div>` styled "-en-codeblock:true" a
block of code, HTML tables), then its dates, tags, attributes and attachments (`<resource>`,
the file as base64). Read as Markdown it was one long block of tags, so no question was asked.
Here each note's title is a heading, its text the Markdown it shows (a table the pipe table the
HTML table reader writes of it, a link its words), its dates, tags, attributes and attachments
skipped. Lines of text right under each other are each a note of their own, as a chat's lines
are: Markdown would run them into one sentence.

The XML is read by the standard library's expat parser, the DOCTYPE Evernote writes blanked
first, so nothing is ever fetched; a file declaring an entity (in the export or in a note) or
a DOCTYPE of its own is not read at all (an entity can expand a small file into a huge one),
nor one that does not parse. The ENML is read tag by tag, each tag looked for no further than
the next "<". Each line stays on the line it was on; a block that takes more lines than its
markup did (a code block written on one line) moves what follows down to the next free line.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from xml.parsers import expat

from questions.parse.chat import LINE_NOTE
from questions.parse.html_tables import html_tables_as_markdown
from questions.parse.spans import block_safe, code_span

#: the DOCTYPE Evernote writes: allowed, never fetched (it is blanked before parsing)
_DOCTYPE = r"""<!DOCTYPE\s+en-export\s+SYSTEM\s+"[^"<>\[\]]*evernote-export[^"<>\[\]]*\.dtd"\s*>"""
_ENEX = re.compile(
    rf"^\ufeff?\s*(?:<\?xml[^<>]*\?>\s*)?(?P<doctype>{_DOCTYPE})?\s*<en-export\b", re.I
)
#: what is never read: an entity, or a DOCTYPE with declarations of its own
_DECLARATION = re.compile(r"<!ENTITY|<!DOCTYPE[^<>\[]*\[", re.I)
_HEAD_CHARS = 4096
#: a whole tag: no "<" inside it, so a "<" that opens none is looked past only up to the next
#: (and never twice: nothing gives back what it took)
_TAG = re.compile(r"<(?P<end>/?)(?P<name>[A-Za-z][\w:.-]*+)(?P<attrs>[^<>]*+)>")
_ATTR = re.compile(
    r"""(?<![\w:.-])(?P<name>[\w:.-]++)\s*+=\s*+(?:"(?P<q>[^"]*+)"|'(?P<s>[^']*+)'|(?P<bare>[^\s"'>]++))"""
)
#: what Markdown would read as its own in a note's words: escapes, emphasis, code, a link, a
#: tag, an entity ("MAX_CLUSTER_COUNT" keeps its underscores: inside a word they mark nothing)
_ESCAPE = re.compile(r"[\\`*\[\]]|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])|<(?=[A-Za-z/!?])|&(?=#?\w+;)")
#: a link's address as Markdown writes it: no spaces, no angle brackets
_HREF = re.compile(r"[^\s<>]{1,2000}")
#: what marks a link in a line being read: its address follows
_LINK = "\x00"
_ESCAPED = {"<": "&lt;", "&": "&amp;"}
_TICKS = re.compile(r"`{3,}")
_SPACES = re.compile(r"\s+")
_MARKS = {"b": "**", "strong": "**", "i": "*", "em": "*", "s": "~~", "del": "~~", "strike": "~~"}
_BOLD_STYLE = re.compile(r"font-weight\s*:\s*(?:bold|[6-9]00)", re.I)
_ITALIC_STYLE = re.compile(r"font-style\s*:\s*italic", re.I)
_STRUCK_STYLE = re.compile(r"text-decoration[\w-]*\s*:\s*[^;]*line-through", re.I)
_CODE_BLOCK = re.compile(r"-en-codeblock\s*:\s*true", re.I)
_CHECKED = re.compile(r"--en-checked\s*:\s*(?P<done>true|false)", re.I)
#: tags that hold a block of their own: text inside them is a line of its own
_BLOCKS = frozenset(
    {"div", "p", "blockquote", "center", "section", "article", "header", "footer", "pre", "dl",
     "dt", "dd", "address", "en-note"}
)  # fmt: skip
#: tags whose text is no note's: an attachment, encrypted text, a script
_DROPPED = frozenset({"en-crypt", "object", "script", "style", "template"})
#: tags that hold no text: an attachment shown, an image
_MEDIA = frozenset({"en-media", "img"})
#: furniture of a note, what each is skipped as
_FURNITURE = {
    "created": "note date",
    "updated": "note date",
    "tag": "note tag",
    "note-attributes": "note attributes",
    "resource": "note attachment",
    "task": "note task",
    "reminder": "note reminder",
}
_MARKUP = "evernote markup"
_MAX_MARKS = 16
_MAX_INLINE = 64
_MAX_STYLE = 1000  # a style's characters read
#: deeper lists are read at this depth: Markdown reads a deeper indent as code
_MAX_DEPTH = 6
_MAX_NOISE_TEXT = 200


def _opening(lines: list[str]) -> re.Match[str] | None:
    """The export's opening: its XML declaration, its DOCTYPE, its `<en-export`."""
    return _ENEX.match("\n".join(lines[:5])[:_HEAD_CHARS])


def is_enex(lines: list[str]) -> bool:
    return _opening(lines) is not None


@dataclass
class _Note:
    title: str = ""
    title_line: int = -1  # 0-based
    chunks: list[tuple[int, str]] = field(default_factory=list)  # its content, a line each

    def content(self) -> tuple[int, str]:
        """The content's first line and its text, each of its lines the line it was on."""
        if not self.chunks:
            return 0, ""
        first = at = self.chunks[0][0]
        parts: list[str] = []
        for line, data in self.chunks:
            if line > at:
                parts.append("\n" * (line - at))
                at = line
            parts.append(data)
            at += data.count("\n")
        return first, "".join(parts)


@dataclass(frozen=True)
class _Piece:
    """A line of Markdown and the line of the notes it was on."""

    src: int
    text: str
    kind: str  # para, item, cont, head, table, code, blank
    owner: int = -1  # the list item a line of is its own (-1 for none)
    group: int = -1  # the table or code block it is a line of


def enex_as_markdown(lines: list[str]) -> tuple[list[str], list[tuple[int, str, str]]]:
    """The notes as Markdown, and the lines of the export's own furniture skipped as (line
    number, reason, text); the lines as they were for a file that is no Evernote export."""
    head = _opening(lines)
    if head is None:
        return lines, []
    text = "\n".join(lines)
    if _DECLARATION.search(text):
        return lines, []
    if head.group("doctype"):
        start, end = head.span("doctype")
        text = text[:start] + re.sub(r"[^\n]", " ", text[start:end]) + text[end:]
    read = _read(text)
    if read is None:
        return lines, []
    notes, furniture = read
    pieces: list[_Piece] = []
    used: set[int] = set()  # the lines a note's words were on
    dropped: set[int] = set()  # the lines an attachment was shown on
    table_skips: list[tuple[int, str, str]] = []
    ids = 0  # the list items and the blocks numbered so far
    for note in notes:
        if note.title and note.title_line >= 0:
            pieces.append(_Piece(note.title_line, f"## {_escaped(note.title)}", "head"))
            used.add(note.title_line)
        first, content = note.content()
        enml = _Enml(first, content, ids)
        enml.read()
        ids = enml.ids
        pieces += enml.pieces
        used |= enml.used
        dropped |= enml.dropped
        table_skips += enml.skipped
    out = _placed(pieces, len(lines))
    reasons: dict[int, str] = {}
    for start, end, reason in furniture:
        for n in range(start, end + 1):
            reasons.setdefault(n, reason)
    skipped = [
        (n + 1, reasons.get(n, "note attachment" if n in dropped else _MARKUP), _noise(line))
        for n, line in enumerate(lines)
        if line.strip() and n not in used
    ]
    return out, sorted(skipped + table_skips, key=lambda s: s[0])


def _noise(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _MAX_NOISE_TEXT else text[: _MAX_NOISE_TEXT - 1] + "…"


def _escaped(text: str) -> str:
    return _ESCAPE.sub(lambda m: _ESCAPED.get(m.group(), "\\" + m.group()), text)


def _needs_blank(prev: _Piece, piece: _Piece) -> bool:
    """A blank line must part the two: a paragraph would go on as more of the item or the
    table above it, a line of one item as more of another, a table start inside an item."""
    if prev.kind == "table":
        return piece.group != prev.group
    if prev.kind in ("item", "cont"):
        if piece.kind in ("para", "table"):
            return True
        return piece.kind == "cont" and piece.owner != prev.owner
    return False


def _placed(pieces: list[_Piece], count: int) -> list[str]:
    """The Markdown lines: each piece on its own line, or on the next free one when the
    pieces before it took that one (past the end of the file if need be). Lines of text right
    under each other are each marked a note of its own: a `<div>` is a line of its own, while
    Markdown would run them into one sentence. Two paragraphs a blank line parted stay parted,
    though it moves what follows down a line."""
    out = [""] * count
    at = 0  # the first line free
    prev: _Piece | None = None
    blank = False  # a blank line or a rule since the piece before
    for piece in pieces:
        if piece.kind == "blank":
            blank = True
            continue
        line = max(piece.src, at)
        parted = blank and prev is not None and prev.kind == piece.kind == "para"
        if prev is not None and line == at and (parted or _needs_blank(prev, piece)):
            line += 1
        while line >= len(out):
            out.append("")
        out[line] = piece.text
        if prev is not None and prev.kind == piece.kind == "para" and line == at:
            out[line] = LINE_NOTE + piece.text
            if not out[line - 1].startswith(LINE_NOTE):
                out[line - 1] = LINE_NOTE + out[line - 1]
        at, prev, blank = line + 1, piece, False
    return out


class _Line:
    """A line of a note's words as it is read, with the marks still open and where they
    opened."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.marks: list[tuple[str, int]] = []
        self.code = 0
        self.src = -1  # the line its first word was on
        self.task: bool | None = None  # a checkbox: ticked or not

    def add(self, data: str, line: int) -> None:
        if self.src < 0 and data.strip():
            self.src = line
        self.parts.append(data if self.code else _escaped(data))

    def open(self, mark: str) -> bool:
        if self.code or len(self.marks) >= _MAX_MARKS:
            return False
        self.marks.append((mark, len(self.parts)))
        self.code += mark == "`"
        return True

    def close(self, mark: str) -> None:
        at = next((k for k in range(len(self.marks) - 1, -1, -1) if self.marks[k][0] == mark), None)
        if at is None:
            return
        start = self.marks[at][1]
        del self.marks[at:]
        body = "".join(self.parts[start:])
        if mark == "`":
            self.code = 0
            body = code_span(_SPACES.sub(" ", body))
        elif core := body.strip():
            lead, trail = body[: len(body) - len(body.lstrip())], body[len(body.rstrip()) :]
            if mark.startswith(_LINK):  # a link is its words; its address tells it is one
                href = mark[len(_LINK) :]
                href = f"<{href}>" if "(" in href or ")" in href else href
                body = f"{lead}[{core}]({href}){trail}"
            else:
                body = f"{lead}{mark}{core}{mark}{trail}"
        self.parts[start:] = [body]

    def text(self) -> str:
        while self.marks:
            self.close(self.marks[-1][0])
        return " ".join("".join(self.parts).split())


@dataclass
class _List:
    ordered: bool
    indent: int  # where its items' markers start
    number: int = 0
    width: int = 2  # its current item's marker and the space after it


@dataclass
class _Item:
    owner: int
    task: bool | None
    started: bool = False


class _Enml:
    """A note's ENML read as Markdown pieces, each with the line it was on."""

    def __init__(self, first: int, content: str, ids: int) -> None:
        self.first = first
        self.content = content
        self.pieces: list[_Piece] = []
        self.used: set[int] = set()
        self.dropped: set[int] = set()
        self.skipped: list[tuple[int, str, str]] = []
        self.line: _Line | None = None
        self.lists: list[_List] = []
        self.items: list[_Item] = []
        self.inline: list[tuple[str, str | None]] = []  # open inline tags, the mark each opened
        self.heading = 0
        self.dropping = 0
        self.ids = ids  # the list items and the blocks numbered so far
        # a code block being read: the lines it holds, the one being read, its divs open
        self.code: list[tuple[int, str]] | None = None
        self.code_line: tuple[int, list[str]] | None = None
        self.code_start = 0
        self.code_divs = 0
        # a table being read: where its markup opened, its tables open
        self.table_at = -1
        self.table_line = 0
        self.tables = 0

    def read(self) -> None:
        text = self.content
        i = 0
        line = self.first
        seen = 0  # the offset line was counted up to
        while i < len(text):
            j = text.find("<", i)
            if j < 0:
                j = len(text)
            if j > i:
                self._text(text[i:j], line + text.count("\n", seen, i))
            if j >= len(text):
                break
            line += text.count("\n", seen, j)
            seen = j
            m = _TAG.match(text, j)
            if text.startswith("<!--", j):
                k = text.find("-->", j + 4)
                i = len(text) if k < 0 else k + 3
            elif text.startswith(("<!", "<?"), j):
                k = text.find(">", j)
                i = len(text) if k < 0 else k + 1
            elif m is None:
                self._text("<", line)
                i = j + 1
            else:
                attrs = m.group("attrs")
                name = m.group("name").lower()
                if m.group("end"):
                    self._end(name, line, m.end())
                else:
                    self._start(name, _attributes(attrs), line, j, attrs.endswith("/"))
                i = m.end()
        self._flush()
        if self.code is not None:
            self._end_code(line)
        if self.table_at >= 0:
            self._end_table(len(text), line)

    # the ENML's text and tags

    def _text(self, data: str, line: int) -> None:
        if self.table_at >= 0 or self.dropping:
            return
        words = len(data) - len(data.lstrip())
        line += data.count("\n", 0, words)  # the line its first word is on
        data = html.unescape(data)
        if self.code is not None:
            if self.code_line is None:
                if not data.strip(" \t\n"):
                    return  # the markup's own line breaks
                self.code_line = (line, [])
            self.code_line[1].append(data.replace("\n", " "))
            return
        if self.line is None:
            if not data.strip():
                return
            self.line = _Line()
        self.line.add(data, line)

    def _start(self, name: str, attrs: dict[str, str], line: int, at: int, void: bool) -> None:
        if self.table_at >= 0:
            self.tables += name == "table" and not void
            return
        if name in _MEDIA:
            self.dropped.add(line)
            return
        if self.dropping or name in _DROPPED:
            self.dropping += name in _DROPPED and not void
            return
        style = attrs.get("style", "")[:_MAX_STYLE]
        if self.code is not None:
            if name in ("div", "p", "br"):
                self._code_break(line, name == "br")
                self.code_divs += name != "br" and not void
            return
        if name in _BLOCKS or name in ("ul", "ol", "li", "table", "hr") or _heading(name):
            self._flush()
        if name == "br" and self.line is not None and self.line.src >= 0:
            self._flush()  # a line break ends the line
        elif name in ("br", "hr"):  # a line break with nothing before it: a blank line
            self.line = None
            self.pieces.append(_Piece(line, "", "blank"))
        elif name == "en-todo":
            if self.line is not None and self.line.src >= 0:
                self._flush()
            if self.line is None:
                self.line = _Line()
            self.line.task = attrs.get("checked", "").lower() == "true"
            self.line.src = line if self.line.src < 0 else self.line.src
        elif void:
            return  # "<div/>", "<ul/>", "<b/>": nothing opens
        elif name == "table":
            self.table_at, self.table_line, self.tables = at, line, 1
        elif name in ("div", "p", "pre") and _CODE_BLOCK.search(style):
            self.code, self.code_line, self.code_start, self.code_divs = [], None, line, 0
        elif name in ("ul", "ol"):
            indent = self.lists[-1].indent + self.lists[-1].width if self.lists else 0
            if len(self.lists) >= _MAX_DEPTH:
                indent = self.lists[-1].indent
            self.lists.append(_List(name == "ol", indent))
        elif name == "li":
            checked = _CHECKED.search(style)
            task = None if checked is None else checked.group("done").lower() == "true"
            self.ids += 1
            self.items.append(_Item(self.ids, task))
            if self.lists:
                self.lists[-1].number += 1
        elif _heading(name):
            self.heading = min(int(name[1]) + 2, 6)
        elif name not in _BLOCKS and len(self.inline) < _MAX_INLINE:
            self.inline.append((name, self._mark(name, attrs, style)))

    def _mark(self, name: str, attrs: dict[str, str], style: str) -> str | None:
        """The mark an inline tag opens, if any: bold, italics, strike-through, code, a link."""
        mark: str | None = None
        if name in _MARKS:
            mark = _MARKS[name]
        elif name == "a" and _HREF.fullmatch(href := attrs.get("href", "").strip()):
            mark = _LINK + href
        elif name in ("code", "kbd", "tt", "samp"):
            mark = "`"
        elif name in ("span", "font"):
            if _BOLD_STYLE.search(style):
                mark = "**"
            elif _ITALIC_STYLE.search(style):
                mark = "*"
            elif _STRUCK_STYLE.search(style):
                mark = "~~"
        if mark is None:
            return None
        if self.line is None:
            self.line = _Line()
        return mark if self.line.open(mark) else None

    def _end(self, name: str, line: int, end: int) -> None:
        if self.table_at >= 0:
            if name == "table":
                self.tables -= 1
                if self.tables <= 0:
                    self._end_table(end, line)
            return
        if self.dropping:
            self.dropping -= name in _DROPPED
            return
        if self.code is not None:
            if name in ("div", "p", "pre"):
                self._code_break(line, False)
                self.code_divs -= 1
                if self.code_divs < 0:
                    self._end_code(line)
            return
        if name in _BLOCKS or name in ("ul", "ol", "li") or _heading(name):
            self._flush()
        if name in ("ul", "ol") and self.lists:
            self.lists.pop()
        elif name == "li" and self.items:
            self.items.pop()
        elif _heading(name):
            self.heading = 0
        elif name not in _BLOCKS:
            at = next((k for k in range(len(self.inline) - 1, -1, -1)
                       if self.inline[k][0] == name), None)  # fmt: skip
            if at is not None:
                mark = self.inline[at][1]
                del self.inline[at:]
                if mark is not None and self.line is not None:
                    self.line.close(mark)

    # what they make

    def _flush(self) -> None:
        """The line being read ends: a piece of Markdown, if it holds words or a checkbox."""
        line, self.line = self.line, None
        self.inline = []
        if line is None:
            return
        words = line.text()
        if not words and line.task is None:
            return
        src = line.src
        self.used.add(src)
        box = "" if line.task is None else f"[{'x' if line.task else ' '}] "
        if self.heading:
            self.pieces.append(_Piece(src, f"{'#' * self.heading} {words}", "head"))
        elif self.items:
            item = self.items[-1]
            lst = self.lists[-1] if self.lists else _List(False, 0)
            if item.task is not None and not box:
                box = f"[{'x' if item.task else ' '}] "
            if item.started:
                pad = " " * (lst.indent + lst.width)
                self.pieces.append(_Piece(src, pad + block_safe(words), "cont", item.owner))
            else:
                marker = f"{max(lst.number, 1)}." if lst.ordered else "-"
                lst.width = len(marker) + 1
                text = f"{' ' * lst.indent}{marker} {box}{block_safe(words)}"
                self.pieces.append(_Piece(src, text.rstrip(), "item", item.owner))
                item.started = True
        elif box:
            self.pieces.append(_Piece(src, f"- {box}{block_safe(words)}".rstrip(), "item"))
        else:
            self.pieces.append(_Piece(src, block_safe(words), "para"))

    def _code_break(self, line: int, br: bool) -> None:
        """A line of the code block ends (a "<br/>" with nothing before it: an empty one)."""
        if self.code is None:
            return
        if self.code_line is None and br:
            self.code_line = (line, [])
        if self.code_line is not None:
            self.code.append((self.code_line[0], "".join(self.code_line[1]).rstrip()))
            self.code_line = None

    def _end_code(self, line: int) -> None:
        self._code_break(line, False)
        code, self.code = self.code or [], None
        while code and not code[-1][1].strip():
            code.pop()
        while code and not code[0][1].strip():
            code.pop(0)
        if not code:
            return
        self.ids += 1
        fence = "`" * max([3] + [len(t) + 1 for _, c in code for t in _TICKS.findall(c)])
        start = self.code_start
        self.pieces.append(_Piece(start, fence, "code", group=self.ids))
        for src, text in code:
            self.pieces.append(_Piece(src, text.replace("\xa0", " "), "code", group=self.ids))
        self.pieces.append(_Piece(line, fence, "code", group=self.ids))
        self.used.update(range(start, line + 1))

    def _end_table(self, end: int, line: int) -> None:
        """The table's markup read by the HTML table reader: its pipe table."""
        markup = " ".join(self.content[self.table_at : end].split("\n"))
        start, self.table_at = self.table_line, -1
        self.used.update(range(start, line + 1))
        room = markup.count("<") + 4  # lines enough for any of its rows
        out, skipped = html_tables_as_markdown([markup, *[""] * room])
        self.skipped += [(start + 1, reason, text) for _, reason, text in skipped]
        while out and not out[-1].strip():
            out.pop()
        if not out or out == [markup]:
            return
        self.ids += 1
        self.pieces += [_Piece(start, row, "table", group=self.ids) for row in out]


def _heading(name: str) -> bool:
    return len(name) == 2 and name[0] == "h" and name[1] in "123456"


def _attributes(attrs: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for m in _ATTR.finditer(attrs):
        value = m.group("q") if m.group("q") is not None else m.group("s") or m.group("bare") or ""
        out.setdefault(m.group("name").lower(), html.unescape(value))
    return out


def _read(text: str) -> tuple[list[_Note], list[tuple[int, int, str]]] | None:
    """The export's notes, and its furniture as (first line, last line, reason), 0-based."""
    parser = expat.ParserCreate()
    notes: list[_Note] = []
    furniture: list[tuple[int, int, str]] = []
    stack: list[str] = []
    opened: list[tuple[int, str]] = []  # the furniture open: its first line, its reason

    def start(name: str, attrs: dict[str, str]) -> None:
        line = parser.CurrentLineNumber - 1
        parent = stack[-1] if stack else ""
        if name == "note" and parent == "en-export":
            notes.append(_Note())
        elif parent == "note" and notes:
            if name == "title":
                notes[-1].title_line = line
            elif name != "content":
                opened.append((line, _FURNITURE.get(name, "note metadata")))
        stack.append(name)

    def end(name: str) -> None:
        if stack:
            stack.pop()
        if len(stack) >= 2 and stack[-1] == "note" and name not in ("title", "content") and opened:
            first, reason = opened.pop()
            furniture.append((first, parser.CurrentLineNumber - 1, reason))

    def chars(data: str) -> None:
        if len(stack) < 2 or stack[-2] != "note" or not notes:
            return
        if stack[-1] == "title":
            notes[-1].title += data
        elif stack[-1] == "content":
            notes[-1].chunks.append((parser.CurrentLineNumber - 1, data))

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = chars
    try:
        parser.Parse(text, True)
    except expat.ExpatError:
        return None
    for note in notes:
        note.title = " ".join(note.title.split())
    return notes, furniture
