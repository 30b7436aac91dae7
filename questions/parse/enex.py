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

from questions.parse.spans import block_safe
from questions.parse.xhtml_text import (
    ListLevel,
    MarkedLine,
    XhtmlText,
    escaped,
    fenced,
    noise_text,
    parse_xml,
    pipe_table,
    placed,
)

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
_MAX_STYLE = 1000  # a style's characters read


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
            pieces.append(_Piece(note.title_line, f"## {escaped(note.title)}", "head"))
            used.add(note.title_line)
        first, content = note.content()
        enml = _Enml(first, content, ids)
        enml.read()
        ids = enml.ids
        pieces += enml.pieces
        used |= enml.used
        dropped |= enml.dropped
        table_skips += enml.skipped
    out = placed(pieces, len(lines), _needs_blank)
    reasons: dict[int, str] = {}
    for start, end, reason in furniture:
        for n in range(start, end + 1):
            reasons.setdefault(n, reason)
    skipped = [
        (n + 1, reasons.get(n, "note attachment" if n in dropped else _MARKUP), noise_text(line))
        for n, line in enumerate(lines)
        if line.strip() and n not in used
    ]
    return out, sorted(skipped + table_skips, key=lambda s: s[0])


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


@dataclass
class _Item:
    owner: int
    task: bool | None
    started: bool = False


class _Enml(XhtmlText):
    """A note's ENML read as Markdown pieces, each with the line it was on; a link a Markdown
    link, a `<span>` styled bold, italic or struck through marked so."""

    links = True
    styles = True

    def __init__(self, first: int, content: str, ids: int) -> None:
        super().__init__()
        self.first = first
        self.content = content
        self.pieces: list[_Piece] = []
        self.used: set[int] = set()
        self.dropped: set[int] = set()
        self.skipped: list[tuple[int, str, str]] = []
        self.items: list[_Item] = []
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
        self.add_words(data, line)

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
                self.line = MarkedLine()
            self.line.task = attrs.get("checked", "").lower() == "true"
            self.line.src = line if self.line.src < 0 else self.line.src
        elif void:
            return  # "<div/>", "<ul/>", "<b/>": nothing opens
        elif name == "table":
            self.table_at, self.table_line, self.tables = at, line, 1
        elif name in ("div", "p", "pre") and _CODE_BLOCK.search(style):
            self.code, self.code_line, self.code_start, self.code_divs = [], None, line, 0
        elif name in ("ul", "ol"):
            self.open_list(name == "ol")
        elif name == "li":
            checked = _CHECKED.search(style)
            task = None if checked is None else checked.group("done").lower() == "true"
            self.ids += 1
            self.items.append(_Item(self.ids, task))
            if self.lists:
                self.lists[-1].new_item()
        elif _heading(name):
            self.heading = min(int(name[1]) + 2, 6)
        elif name not in _BLOCKS:
            self.open_inline(name, attrs, style)

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
            self.close_inline(name)

    # what they make

    def _flush(self) -> None:
        """The line being read ends: a piece of Markdown, if it holds words or a checkbox."""
        line = self.take_line()
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
            lst = self.lists[-1] if self.lists else ListLevel(False, 0)
            if item.task is not None and not box:
                box = f"[{'x' if item.task else ' '}] "
            if item.started:
                pad = " " * (lst.indent + lst.width)
                self.pieces.append(_Piece(src, pad + block_safe(words), "cont", item.owner))
            else:
                text = f"{' ' * lst.indent}{lst.marker()} {box}{block_safe(words)}"
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
        fence, code = fenced(self.code or [])
        self.code = None
        if not code:
            return
        self.ids += 1
        start = self.code_start
        self.pieces.append(_Piece(start, fence, "code", group=self.ids))
        for src, text in code:
            self.pieces.append(_Piece(src, text.replace("\xa0", " "), "code", group=self.ids))
        self.pieces.append(_Piece(line, fence, "code", group=self.ids))
        self.used.update(range(start, line + 1))

    def _end_table(self, end: int, line: int) -> None:
        """The table's markup read by the HTML table reader: its pipe table."""
        markup, start, self.table_at = self.content[self.table_at : end], self.table_line, -1
        self.used.update(range(start, line + 1))
        out, skipped = pipe_table(markup, start)
        self.skipped += skipped
        if not out:
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

    if not parse_xml(parser, text, start, end, chars):
        return None
    for note in notes:
        note.title = " ".join(note.title.split())
    return notes, furniture
