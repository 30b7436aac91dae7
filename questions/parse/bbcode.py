"""Notes copied raw from a forum post's editor (phpBB, vBulletin, XenForo, SMF) in BBCode: read
as the Markdown they stand for.

BBCode marks text with tags in square brackets, each closed by its "[/…]" twin: bold [b],
italics [i], underline [u] and strike-through [s]; "[size=150]" and "[color=#hex]" set the
text's size and colour; a list is "[list]" ("[list=1]" numbered) with each item opening at a
"[*]" that is never closed; code sits between "[code]" and "[/code]", another member's words
between '[quote="user" post_id=… time=…]' and "[/quote]"; a link is "[url=…]text[/url]" or
"[url]…[/url]", an image "[img]…[/img]", a smiley a code in the words (":D", ":evil:"). The
board adds an "Edited by X on … Edited 3 times in total" line and the member's signature under
a "_________________" rule. Read as Markdown every tag stayed in the words and a list's items
ran together into one paragraph. Read so, each line stays on its line:

- a line that is only large text (a size over the normal one) is a heading, under the larger
  heading before it (the post's title is the largest); a line that is only underlined (or bold
  and underlined) short text is a bold line, the sub-heading Markdown notes write, as a line
  only in bold already is; so is a short bold label over a list or code with a remark after
  it ("OSPF — asked a lot"): it names what follows. A remark after a title (in brackets, or
  after a label's dash) is the writer's aside, dropped as noise, so sections keep short names;
- a list's items are Markdown items, numbered for "[list=1]" and nested as the lists are; a
  line of an item under its "[*]" line goes on with the item; a line right under a list or a
  quote that closed is an item of a list of its own, as the other wiki readers write it, or
  Markdown would run it on into the item or quote above;
- code is fenced code, its lines as they are (a table aligned with spaces stays code); the
  fence takes a blank line beside the block when text shares a line with its tag;
- a quote is a blockquote without its "user", post and time: in a thread it is the question
  or the correction the post answers right under it, so its words are the notes' context and
  may hold a fact; a quote whose words the post says again elsewhere is dropped as noise;
- a link is the words it shows, an image and a smiley nothing (a smiley ending a sentence
  leaves its full stop), size, colour and font tags nothing; the edit line and the signature
  are dropped as noise. A tag left unclosed is dropped, unless it follows a word ("arr[i]").

Only a file of several tags closed by their twins, more of them than Markdown marks, is read
so. Each line is read once and tags are found with one bounded pattern, so the work is
linear in the file; nesting deeper than a few levels is written flat.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field

from questions.parse.spans import code_span

#: a tag: "[b]", "[/list]", "[*]", "[size=150]", '[quote="user" post_id=1]'; its argument runs
#: at most a few hundred characters and never over a bracket, so a start is looked past once
_TAG = re.compile(r"\[(?P<close>/)?(?P<name>[A-Za-z]{1,12}|\*)(?P<arg>[=\s][^\[\]\n]{0,300})?\]")
#: tags of text marks: bold, italics, underline, strike-through, and Markdown's mark for each
_MARK_TAGS = {"b": "**", "i": "*", "u": "*", "s": "~~", "strike": "~~"}
#: tags whose words are no words of the notes: an image, a video, an attachment
_HIDDEN_TAGS = frozenset({"img", "attachment", "attach", "youtube", "video", "media", "flash"})
#: tags that hold code; the text between one and its closing tag is kept as it is
_CODE_TAGS = ("code", "php", "html", "icode")
_CODE_CLOSE = {name: re.compile(rf"\[/{name}\]", re.I) for name in _CODE_TAGS}
_ANY_CODE_CLOSE = re.compile(r"\[/(?P<name>code|php|html|icode)\]", re.I)
#: tags that only lay the words out: dropped, their words kept
_LAYOUT_TAGS = frozenset(
    {
        "color", "colour", "size", "font", "url", "email", "spoiler", "center", "left",
        "right", "justify", "align", "highlight", "sub", "sup", "indent", "table", "tr",
        "td", "th", "user", "mention", "hr",
    }
)  # fmt: skip
_STRUCTURE_TAGS = frozenset({"list", "*", "quote"})
#: tags that come in pairs: an opening one and its "[/…]"
_PAIRED = (
    frozenset(_MARK_TAGS) | _HIDDEN_TAGS | frozenset(_CODE_TAGS) | (_LAYOUT_TAGS - {"hr"})
) | {"list", "quote"}
_KNOWN = _PAIRED | {"*", "hr"}
#: tags a heading's line may hold around its words
_HEADING_TAGS = frozenset(
    {"b", "i", "u", "color", "colour", "size", "font", "url", "center", "left", "right",
     "justify", "align", "highlight"}
)  # fmt: skip

#: marks of a Markdown file: an ATX heading, a fence, a link, a bold span
_FENCE = re.compile(r"^ {0,3}(?:```|~~~)")
_MARKDOWN_MARK = re.compile(r"^#{1,6}\s+\S|^ {0,3}(?:```|~~~)|\]\([^()\s]+\)|\*\*[^*\s][^*\n]*\*\*")
_MIN_PAIRS = 3

#: the board's rule over a member's signature ("_________________")
_SIGNATURE_RULE = re.compile(r"^\s*_{8,}\s*$")
_MAX_SIGNATURE_LINES = 12
#: the board's note of an edit: "Edited by X on Fri …, edited 3 times in total.", "Last edited
#: by X; 02-14-2025 at 09:07 PM."
_EDITED = re.compile(
    r"^(?:last\s+)?edited\s+(?:by\s+[^\s;,]+\s*(?:on\b|;|,|\.|$)|\d+\s+times?\s+in\s+total)",
    re.I,
)
#: a line only of dashes, equals signs or underscores: a rule drawn by hand, no words (in
#: Markdown it would turn the line above into a heading)
_RULE = re.compile(r"^[\s\-=_*~+]+$")

#: the smilies phpBB and vBulletin write as codes, and any ":name:" one
_SMILIES = (
    ":D", ":-D", ":)", ":-)", ";)", ";-)", ":(", ":-(", ":o", ":-o", ":O", ":?", ":-?", "8-)",
    ":x", ":-x", ":P", ":-P", ":p", ":|", ":-|", ":!:", ":?:", ":???:",
)  # fmt: skip
_SMILEY_CODES = "|".join(re.escape(s) for s in sorted(_SMILIES, key=len, reverse=True))
#: a smiley standing alone between spaces, with the one space before it
_SMILEY = re.compile(rf"(?:(?<=\S)[ \t]|(?<!\S))(?:{_SMILEY_CODES}|:[a-z][a-z_]{{1,15}}:)(?!\S)")
#: spaces before a closing bracket, from the first of them (so a run is looked over once)
_SPACE_BEFORE_CLOSE = re.compile(r"(?<![ \t])[ \t]+(?=[)\]])")

_MD_ESCAPE = re.compile(r"[\\`*_~\[]|<(?=[A-Za-z/!?])|&(?=#?\w+;)")
_SPACES = re.compile(r"[ \t]{2,}")
_WORD = re.compile(r"\w+")
_BACKTICKS = re.compile(r"`+")
_LANG = re.compile(r"^[\w+#.-]{1,30}$")
_SIZE = re.compile(r"^(?P<num>\d{1,4}(?:\.\d{1,3})?)\s*(?P<unit>%|pt|px|r?em)?$")
_NAMED_SIZES = {
    "xx-small": 0.6, "x-small": 0.75, "small": 0.89, "medium": 1.0, "large": 1.2,
    "x-large": 1.5, "xx-large": 2.0,
}  # fmt: skip
#: vBulletin's sizes, 1 to 7, as HTML's font sizes (3 the normal one)
_FONT_SIZES = {1: 0.63, 2: 0.82, 3: 1.0, 4: 1.13, 5: 1.5, 6: 2.0, 7: 3.0}
_LARGE = 1.05  # a size over this many times the normal one is a heading's
_MAX_HEADING_WORDS = 15
_MAX_HEADING_CHARS = 150
_MAX_ASIDE_CHARS = 80
#: a bold label that names what follows: a few words, no sentence ("OSPF", "STP toolkit")
_LABEL = re.compile(r"^[^.!?;:,]{1,60}$")
_MAX_LABEL_WORDS = 6
#: a remark after a label: after a dash ("— asked a lot", "- know it cold")
_REMARK = re.compile(r"^[—–-]+\s+\S")
_MAX_DEPTH = 8  # lists and quotes nested deeper are written at this depth
_REPEAT_BUDGET = 20_000_000  # characters a search for quotes the post repeats may read


@dataclass(slots=True)
class _Tok:
    """A piece of a line: text, a tag, inline code ("span"), or a code block's opening tag
    ("open"), one of its lines ("code") or its closing tag ("close")."""

    kind: str
    text: str = ""
    name: str = ""
    closing: bool = False
    arg: str = ""
    paired: bool = False
    after_word: bool = False  # the tag follows a word ("arr[i]")
    repeats: bool = False  # a quote whose words the post says again


@dataclass(slots=True)
class _Box:
    """A list or a quote the line being read is in."""

    kind: str  # "list" | "quote"
    ordered: bool = False
    number: int = 0
    width: int = 0  # the width of its open item's marker: how far the item's lines indent
    item: bool = False  # an item of it is open
    marker: str = ""  # the marker of an item opened and not written yet
    hidden: bool = False  # a quote dropped as noise


@dataclass(slots=True)
class _Mark:
    """Markdown's mark opening or closing bold, italics or strike-through."""

    delim: str
    opening: bool
    pair: int


@dataclass
class _Code:
    """A code block over lines: where it starts and ends, and its lines."""

    start: int
    lang: str
    first: str  # the prefix of its first line (an item's marker when it opens the item)
    cont: str  # the prefix of its other lines
    hidden: bool
    body: list[tuple[int, str]] = field(default_factory=list)  # (line, text)
    end: int = -1


def is_bbcode(lines: list[str]) -> bool:
    """The file marks itself as BBCode: three tags or more closed by their "[/…]" twins (two
    will do when they are of two kinds), and more of them than marks of a Markdown file (a
    post on a board that writes Markdown, quoting in BBCode, is Markdown). Lines in a Markdown
    fence and in code spans are not looked at."""
    if not any("[/" in line for line in lines):
        return False
    opens: dict[str, int] = {}
    closes: dict[str, int] = {}
    markdown = 0
    fenced = False
    for line in lines:
        if _FENCE.match(line):
            fenced, markdown = not fenced, markdown + 1
            continue
        if fenced:
            continue
        text = "".join(line.split("`")[::2]) if "`" in line else line
        markdown += _MARKDOWN_MARK.search(text) is not None
        if "[" not in text:
            continue
        for m in _TAG.finditer(text):
            name = m.group("name").lower()
            if name in _PAIRED:
                counts = closes if m.group("close") else opens
                counts[name] = counts.get(name, 0) + 1
    pairs = [min(n, closes.get(name, 0)) for name, n in opens.items()]
    total = sum(pairs)
    kinds = sum(1 for p in pairs if p)
    return (total >= _MIN_PAIRS or (total >= 2 and kinds >= 2)) and total > markdown


def bbcode_as_markdown(lines: list[str]) -> tuple[list[str], list[tuple[int, str, str]]]:
    """The lines as Markdown (headings, lists, quotes, code fences, bold, italics and code
    spans), and the lines of the board's bookkeeping dropped as (line number, reason, text);
    the lines as they were for a file that is not BBCode."""
    if not is_bbcode(lines):
        return lines, []
    rows = _tokens(lines)
    dropped = _bookkeeping(rows)
    _pair(rows)
    _find_repeated_quotes(rows)
    reader = _Reader(lines, rows, dropped)
    return reader.read(), sorted(reader.skipped)


def _tokens(lines: list[str]) -> list[list[_Tok]]:
    """Each line's pieces. A code block's lines are one piece each, read as they are; a code
    tag with no closing tag after it is no code's."""
    closings: dict[str, list[int]] = {name: [] for name in _CODE_TAGS}
    for n, line in enumerate(lines):
        if "[/" in line:
            for name in {m.group("name").lower() for m in _ANY_CODE_CLOSE.finditer(line)}:
                closings[name].append(n)
    rows: list[list[_Tok]] = []
    open_code = ""  # the tag of the code block the lines are in
    for n, line in enumerate(lines):
        toks: list[_Tok] = []
        at = 0
        if open_code:
            close = _CODE_CLOSE[open_code].search(line)
            if close is None:
                rows.append([_Tok("code", line)])
                continue
            toks += [_Tok("code", line[: close.start()]), _Tok("close")]
            at, open_code = close.end(), ""
        open_code = _scan(line, at, toks, closings, n)
        rows.append(toks)
    return rows


def _scan(line: str, at: int, toks: list[_Tok], closings: dict[str, list[int]], n: int) -> str:
    """The line's pieces from column at; the code tag opened on it and closed on a later
    line, or ""."""
    start = at
    closes: dict[str, re.Match[str] | None] = {}  # the next closing tag of each code tag
    while (m := _TAG.search(line, at)) is not None:
        name = m.group("name").lower()
        at = m.end()
        if name not in _KNOWN:
            continue
        _text(toks, line[start : m.start()])
        start = at
        closing = m.group("close") is not None
        if name in _CODE_TAGS and not closing:
            close = closes.get(name, m)
            if close is not None and close.start() < m.end():  # none looked for past here
                close = closes[name] = _CODE_CLOSE[name].search(line, m.end())
            if close is not None:
                toks.append(_Tok("span", line[m.end() : close.start()]))
                start = at = close.end()
                continue
            later = bisect.bisect_right(closings[name], n)
            if later < len(closings[name]):
                arg = (m.group("arg") or "").lstrip("= ").strip("\"' ")
                toks += [
                    _Tok("open", name=name, arg=arg if _LANG.match(arg) else ""),
                    _Tok("code", line[m.end() :]),
                ]
                return name
        word = m.start() > 0 and line[m.start() - 1].isalnum()
        toks.append(_Tok("tag", m.group(0), name, closing, m.group("arg") or "", after_word=word))
    _text(toks, line[start:])
    return ""


def _text(toks: list[_Tok], text: str) -> None:
    if text:
        if toks and toks[-1].kind == "text":
            toks[-1].text += text
        else:
            toks.append(_Tok("text", text))


def _bookkeeping(rows: list[list[_Tok]]) -> dict[int, str]:
    """The lines the board wrote about the post, by line, with why: the signature under its
    rule (the rule's lines to the end of a short tail, else to the next blank line) and the
    edit notes. Their pieces are dropped."""
    dropped: dict[int, str] = {}
    rule = next(
        (
            n
            for n in range(len(rows) - 1, -1, -1)
            if len(rows[n]) == 1
            and rows[n][0].kind == "text"
            and _SIGNATURE_RULE.match(rows[n][0].text)
        ),
        None,
    )
    if rule is not None:
        end = len(rows)
        if end - rule > _MAX_SIGNATURE_LINES:
            end = next((k for k in range(rule + 1, end) if not _plain(rows[k]).strip()), end)
        for k in range(rule, end):
            if any(t.kind in ("open", "code", "close") for t in rows[k]):
                break
            dropped[k] = "bbcode signature"
    for n, toks in enumerate(rows):
        if n in dropped or not toks or any(t.kind != "text" and t.kind != "tag" for t in toks):
            continue
        if any(t.kind == "tag" and t.name in _STRUCTURE_TAGS for t in toks):
            continue
        if _EDITED.match(_plain(toks).strip()):
            dropped[n] = "bbcode edit note"
    for n in dropped:
        rows[n] = []
    return dropped


def _plain(toks: list[_Tok]) -> str:
    """The words of a line's pieces, without tags."""
    return "".join(t.text for t in toks if t.kind == "text")


def _pair(rows: list[list[_Tok]]) -> None:
    """Mark each tag closed by its "[/…]" twin, and the twin: the innermost open tag of a name
    is the one a closing tag of that name closes."""
    stacks: dict[str, list[_Tok]] = {}
    for toks in rows:
        for t in toks:
            if t.kind != "tag":
                continue
            t.paired = False
            if t.name not in _PAIRED:
                continue
            if not t.closing:
                stacks.setdefault(t.name, []).append(t)
            elif stacks.get(t.name):
                opener = stacks[t.name].pop()
                opener.paired = t.paired = True


def _find_repeated_quotes(rows: list[list[_Tok]]) -> None:
    """Mark each quote whose own words (three or more) the post says again outside any
    quote: the post quoting itself, or a reply quoting what the file already holds."""
    outside: list[str] = []
    stack: list[tuple[_Tok, list[str]]] = []
    quotes: list[tuple[_Tok, list[str]]] = []
    for toks in rows:
        for t in toks:
            if t.kind in ("text", "span", "code"):
                (stack[-1][1] if stack else outside).append(t.text)
            elif t.kind == "tag" and t.name == "quote" and t.paired:
                if not t.closing:
                    stack.append((t, []))
                elif stack:
                    quotes.append(stack.pop())
        (stack[-1][1] if stack else outside).append(" ")
    if not quotes:
        return
    haystack = " " + " ".join(_WORD.findall(_unsmiled("".join(outside)).lower())) + " "
    budget = _REPEAT_BUDGET
    for opener, words in quotes:
        needle = _WORD.findall(_unsmiled("".join(words)).lower())
        if len(needle) < 3:
            continue
        budget -= len(haystack)
        if budget < 0:
            break
        opener.repeats = f" {' '.join(needle)} " in haystack


class _Reader:
    """Reads the lines' pieces one line after another into Markdown, each on its line."""

    def __init__(self, lines: list[str], rows: list[list[_Tok]], dropped: dict[int, str]):
        self.lines = lines
        self.rows = rows
        self.dropped = dropped
        self.out = [""] * len(lines)
        self.skipped: list[tuple[int, str, str]] = []
        self.boxes: list[_Box] = []
        self.marks: list[str] = []  # Markdown's marks open, the outermost first
        self.counts: dict[str, int] = {}  # how many of a mark's tags are open
        self.ids: dict[str, int] = {}  # the pair each open mark is of
        self.pairs = 0
        self.hidden = 0  # in an image's or a video's tag: no words
        self.quiet = 0  # in a quote dropped as noise
        self.stray = False  # a "[*]" outside a list opened an item on this line
        self.sizes: list[float] = []  # the sizes of the headings the next one may be under
        self.code: _Code | None = None
        self.blocks: list[_Code] = []
        self.taken = [False] * len(lines)  # a code block's lines, or words dropped
        self.last_depth: int | None = None  # how deep the line above is, when it has words

    def read(self) -> list[str]:
        for n, toks in enumerate(self.rows):
            reason = self.dropped.get(n)
            if reason is not None:
                self._skip(n, reason)
                self.last_depth = None
                continue
            heading = None
            if not self.boxes and not self.marks and self.code is None and not self.hidden:
                over = n + 1 < len(self.rows) and _opens_block(self.rows[n + 1])
                heading = _heading(toks, over)
            if heading is not None:
                self._heading(n, *heading)
            else:
                self._line(n, toks)
        for block in self.blocks:
            self._place(block)
        return self.out

    def _skip(self, n: int, reason: str) -> None:
        self.out[n] = ""
        self.taken[n] = True
        if any(ch.isalnum() for ch in self.lines[n]):
            self.skipped.append((n + 1, reason, self.lines[n].strip()))

    def _heading(self, n: int, size: float, title: str, remark: str) -> None:
        """A line of large text as a heading under the larger one before it; one of a bold
        or underlined label as a bold line. A remark after the title is dropped as noise."""
        if remark:
            self.skipped.append((n + 1, "bbcode heading remark", remark))
        if size <= _LARGE:
            self.out[n] = f"**{_escape(title)}**"
            self.last_depth = 0
            return
        while self.sizes and self.sizes[-1] <= size:
            self.sizes.pop()
        level = min(len(self.sizes) + 1, 6)
        self.sizes.append(size)
        self.out[n] = "#" * level + " " + _escape(title)
        self.last_depth = None

    # -- a line's pieces -----------------------------------------------------------------

    def _line(self, n: int, toks: list[_Tok]) -> None:
        """Line n's pieces as its Markdown line, opened with the marks of the lists and quotes
        it is in; a code block's lines are kept for placing when all lines are read."""
        pieces: list[str | _Mark] = [self._mark(d) for d in self.marks]
        prefix: str | None = None
        depth = 0
        marker = False
        words: list[str] = []  # the words written, for a rule drawn by hand
        reason = ""  # why words of the line were dropped
        block: _Code | None = None  # the code block opened on this line
        closes = any(t.kind == "close" for t in toks)
        for t in toks:
            kind = t.kind
            if kind == "code":
                if self.code is not None and ((not closes and block is None) or t.text.strip()):
                    self.code.body.append((n, t.text))
                continue
            if kind == "close":
                if self.code is not None:
                    self.code.end = n
                    for k in range(self.code.start, n + 1):
                        self.taken[k] = True
                    self.code = None
                    self.last_depth = None
                continue
            if kind == "open":
                first = self._prefix()[0] if prefix is None else None
                cont = self._prefix(write=False)[0]
                block = _Code(n, t.arg, first if first is not None else cont, cont,
                              self.hidden > 0 or self.quiet > 0)  # fmt: skip
                self.code = block
                self.blocks.append(block)
                continue
            if self.hidden or self.quiet:
                if kind in ("text", "span") and any(ch.isalnum() for ch in t.text):
                    reason = reason or (
                        "bbcode quote repeats the post" if self.quiet else "bbcode image"
                    )
                if kind == "tag":
                    self._tag(t, pieces, prefix is not None)
                continue
            if kind == "tag":
                if self._tag(t, pieces, prefix is not None):
                    continue
                text = t.text  # a tag left open after a word: its words
            elif kind == "span":
                said = code_span(t.text)
                if said and prefix is None:
                    prefix, depth, marker = self._prefix()
                pieces.append(said)
                words.append(t.text)
                continue
            else:
                text = t.text
            plain = _unsmiled(text) if ":" in text or ";" in text or "8-)" in text else text
            if plain != text and not plain.strip() and any(ch.isalnum() for ch in text):
                reason = reason or "bbcode smiley"
            if not plain.strip():
                pieces.append(" " if plain else "")
                continue
            said = _escape(plain)
            if prefix is None:
                prefix, depth, marker = self._prefix()
                said = _line_start(said.lstrip())
            pieces.append(said)
            words.append(plain)
        pieces += [_Mark(d, False, self.ids[d]) for d in reversed(self.marks)]
        content = _SPACES.sub(" ", _render(pieces)).strip()
        if content and _RULE.match("".join(words)):
            content = ""
        if block is not None:
            self.last_depth = None
        if not content:
            self.out[n] = ""
            if reason:
                self._skip(n, reason)
            if block is None and not closes:
                self.last_depth = None
            return
        guard = ""
        if not marker and self.last_depth is not None and depth < self.last_depth:
            guard = "+ "  # right under a list or quote that ended: a list of its own
        self.out[n] = (prefix or "") + guard + content
        self.last_depth = depth

    def _prefix(self, write: bool = True) -> tuple[str, int, bool]:
        """What a line opens with in the lists and quotes it is in ("> ", an item's marker,
        the spaces under an item), how deep that is, and whether it opens an item; write
        False: the spaces under the item, not its marker."""
        parts: list[str] = []
        depth = 0
        marker = False
        for box in self.boxes[:_MAX_DEPTH]:
            if box.kind == "quote":
                if not box.hidden:
                    parts.append("> ")
                    depth += 1
            elif box.item:
                if box.marker and write:
                    parts.append(box.marker)
                    box.marker = ""
                    marker = True
                else:
                    parts.append(" " * box.width)
                depth += 1
        if self.stray and write:
            parts.append("- ")
            self.stray, marker = False, True
            depth += 1
        return "".join(parts), depth, marker

    def _tag(self, t: _Tok, pieces: list[str | _Mark], started: bool) -> bool:
        """Read a tag; False for a tag left open after a word, which is words."""
        name = t.name
        if name == "*":
            if not t.closing:
                self._item(pieces, started)
            return True
        if name == "hr":
            return True
        if not t.paired:
            return not t.after_word  # dropped, or words when it follows a word ("arr[i]")
        if name in ("list", "quote") and started:
            pieces.append(" ")  # words after a list or quote closes on their line: apart
        if name in _MARK_TAGS:
            (self._close if t.closing else self._open)(_MARK_TAGS[name], pieces)
        elif name == "list":
            if t.closing:
                self._pop("list")
            else:
                value = t.arg.lstrip("= ").strip("\"' ")
                ordered = value.isdigit() or value in ("a", "A", "i", "I")
                start = int(value) if value.isdigit() and len(value) <= 6 else 1
                self.boxes.append(_Box("list", ordered, start - 1))
        elif name == "quote":
            if t.closing:
                self._pop("quote")
            else:
                hidden = t.repeats or self.quiet > 0
                self.quiet += hidden
                self.boxes.append(_Box("quote", hidden=hidden))
        elif name in _HIDDEN_TAGS:
            self.hidden = max(0, self.hidden + (-1 if t.closing else 1))
        elif name in ("td", "th") and not t.closing:
            pieces.append(" ")
        return True

    def _item(self, pieces: list[str | _Mark], started: bool) -> None:
        """A "[*]": the next item of the list it is in; one opening after words on the line
        goes on the line after them."""
        box = self.boxes[-1] if self.boxes and self.boxes[-1].kind == "list" else None
        if box is None:
            if started:
                pieces.append("; ")
            else:
                self.stray = True
            return
        box.number += 1
        box.item = True
        if started:
            pieces.append("; ")
            return
        box.marker = f"{box.number}. " if box.ordered else "- "
        box.width = len(box.marker)

    def _pop(self, kind: str) -> None:
        """Close the innermost list or quote of the kind, and what is open inside it."""
        if not any(box.kind == kind for box in self.boxes):
            return
        while self.boxes:
            box = self.boxes.pop()
            if box.kind == "quote" and box.hidden:
                self.quiet = max(0, self.quiet - 1)
            if box.kind == kind:
                return

    def _mark(self, delim: str) -> _Mark:
        self.pairs += 1
        self.ids[delim] = self.pairs
        return _Mark(delim, True, self.pairs)

    def _open(self, delim: str, pieces: list[str | _Mark]) -> None:
        self.counts[delim] = self.counts.get(delim, 0) + 1
        if self.counts[delim] == 1:
            self.marks.append(delim)
            pieces.append(self._mark(delim))

    def _close(self, delim: str, pieces: list[str | _Mark]) -> None:
        """Close a mark; the marks opened inside it and still open close before it and open
        again after it, so marks never cross."""
        if not self.counts.get(delim):
            return
        self.counts[delim] -= 1
        if self.counts[delim]:
            return
        at = self.marks.index(delim)
        above = self.marks[at + 1 :]
        pieces += [_Mark(d, False, self.ids[d]) for d in reversed(above)]
        pieces.append(_Mark(delim, False, self.ids[delim]))
        del self.marks[at]
        pieces += [self._mark(d) for d in above]

    # -- code blocks ---------------------------------------------------------------------

    def _free(self, n: int) -> bool:
        """Line n is blank and free to take a code block's fence."""
        return 0 <= n < len(self.out) and not self.out[n] and not self.taken[n]

    def _place(self, block: _Code) -> None:
        """A code block as fenced code on its lines: a fence on a line of words of its tag's
        takes a free blank line above or below, the lines between moving by one; with none
        free, each of its lines is a code span."""
        start, end = block.start, block.end
        if end < 0:
            return
        if block.hidden:
            for n in range(start, end + 1):
                if not self.out[n].strip():
                    self.out[n] = ""
                    if any(ch.isalnum() for ch in self.lines[n]):
                        self.skipped.append((n + 1, "bbcode quote repeats the post",
                                             self.lines[n].strip()))  # fmt: skip
            return
        before, after = self.out[start], self.out[end]
        fence = _fence([text for _, text in block.body])
        rows = [before] if before else []
        rows.append((block.cont if before else block.first) + fence + block.lang)
        rows += [block.cont + text if text.strip() else "" for _, text in block.body]
        rows.append(block.cont + fence)
        rows += [after] if after else []
        need = len(rows) - (end - start + 1)
        lo, hi = start, end
        if need > 0 and not before and self._free(lo - 1):
            lo, need = lo - 1, need - 1
        while need > 0 and self._free(hi + 1):
            hi, need = hi + 1, need - 1
        if need <= 0:
            self.out[lo : hi + 1] = rows
            for n in range(lo, hi + 1):
                self.taken[n] = True
            return
        for n, text in block.body:  # no room for the fences: each line a code span
            said = code_span(text)
            if not said:
                continue
            if n == start:
                self.out[n] = f"{before} {said}" if before else block.first + said
            elif n == end:
                self.out[n] = f"{block.cont}{said} {after.strip()}".rstrip()
            else:
                self.out[n] = block.cont + said


def _heading(toks: list[_Tok], over_block: bool) -> tuple[float, str, str] | None:
    """A line of a short title only in large type (a size over the normal one), or only
    underlined: its size, its title and a remark in brackets after it ("(my weak area)").
    Over a list or code, so is a short bold label with a remark in brackets or after a dash
    ("OSPF — asked a lot"): it names what follows. None for any other line; a heading's tags
    are all opened and closed on its line."""
    sizes: list[float] = []
    open_tags: dict[str, int] = {}
    chunks: list[tuple[str, float, bool, bool]] = []  # (words, size, underlined, bold)
    for t in toks:
        if t.kind == "text":
            size = sizes[-1] if sizes else 1.0
            chunks.append((t.text, size, open_tags.get("u", 0) > 0, open_tags.get("b", 0) > 0))
            continue
        if t.kind != "tag" or t.name not in _HEADING_TAGS or not t.paired:
            return None
        count = open_tags.get(t.name, 0) + (-1 if t.closing else 1)
        if count < 0:
            return None
        open_tags[t.name] = count
        if t.name == "size":
            if t.closing:
                sizes.pop()
            else:
                sizes.append(_size(t.arg))
    if any(open_tags.values()):
        return None
    core: list[str] = []
    size = 0.0
    underlined = bold = True
    k = len(chunks)
    for at, (text, chunk_size, under, strong) in enumerate(chunks):
        words = _unsmiled(text)
        if not words.strip():
            core.append(words)
            continue
        large = chunk_size > _LARGE
        if not (large or under or strong) or (size and (size > _LARGE) != large):
            k = at  # the title ends where its marks do: the rest is a remark
            break
        size = chunk_size if not size else min(size, chunk_size)
        underlined, bold = underlined and under, bold and strong
        core.append(words)
    remark = _SPACES.sub(" ", _unsmiled("".join(c[0] for c in chunks[k:]))).strip()
    title = _SPACES.sub(" ", "".join(core)).strip()
    if not any(ch.isalnum() for ch in title) or not size:
        return None
    if len(title.split()) > _MAX_HEADING_WORDS or len(title) > _MAX_HEADING_CHARS:
        return None
    aside = remark[:1] == "(" and remark[-1:] == ")" and len(remark) <= _MAX_ASIDE_CHARS
    if size > _LARGE or underlined:
        return (size, title, remark) if not remark or aside else None
    if not remark or not over_block or len(title.split()) > _MAX_LABEL_WORDS:
        return None  # a bold line alone is read as Markdown's; one with words after, as words
    if not _LABEL.match(title):
        return None
    return (size, title, remark) if aside or _REMARK.match(remark) else None


def _opens_block(toks: list[_Tok]) -> bool:
    """The line opens a list or a code block."""
    for t in toks:
        if t.kind == "text" and not t.text.strip():
            continue
        return t.kind == "open" or (t.kind == "tag" and t.name == "list" and not t.closing)
    return False


def _size(arg: str) -> float:
    """A "[size=…]" tag's size as a share of the normal one: phpBB's percent ("150"),
    vBulletin's 1 to 7, points, pixels or a CSS name."""
    value = arg.lstrip("= ").strip("\"' ").lower()
    if value in _NAMED_SIZES:
        return _NAMED_SIZES[value]
    m = _SIZE.match(value)
    if m is None:
        return 1.0
    number = float(m.group("num"))
    unit = m.group("unit")
    if unit == "pt":
        return number / 10
    if unit == "px":
        return number / 14
    if unit in ("em", "rem"):
        return number
    if unit is None and number <= 7:
        return _FONT_SIZES.get(int(number), 1.0)
    return number / 100


def _unsmiled(text: str) -> str:
    """The words without their smilies; one that ends a sentence leaves its full stop."""
    if ":" not in text and ";" not in text and "8-)" not in text:
        return text

    def stop(m: re.Match[str]) -> str:
        s = m.string
        before = s[max(0, m.start() - 3) : m.start() + 1].rstrip()[-1:]
        after = s[m.end() : m.end() + 3].lstrip()[:1]
        return "." if before.isalnum() and after.isupper() else ""

    said = _SMILEY.sub(stop, text)
    return _SPACE_BEFORE_CLOSE.sub("", said) if said != text else text


def _escape(text: str) -> str:
    """Words with Markdown's marks in them escaped: they are words in a post."""
    return _MD_ESCAPE.sub(r"\\\g<0>", text)


def _line_start(said: str) -> str:
    """A line's first words: a list's marker the writer typed ("- ", "* ", "1. ") stays a
    list's; a heading's "#" or a quote's ">" is words."""
    if said.startswith("\\* "):
        return said[1:]
    if said.startswith(("#", ">")):
        return "\\" + said
    return said


def _fence(body: list[str]) -> str:
    """A code fence longer than any run of backticks in the lines it fences."""
    longest = max((len(r) for line in body for r in _BACKTICKS.findall(line)), default=0)
    return "`" * max(3, longest + 1)


def _render(pieces: list[str | _Mark]) -> str:
    """The pieces as one line: each pair of marks moved in past the spaces it holds and
    written where Markdown reads it as a mark; a pair holding no words, or where Markdown
    would read it as no mark, is left out (its words stay)."""
    parts: list[str] = []
    at: list[tuple[int, int, _Mark]] = []
    size = 0
    for seq, piece in enumerate(pieces):
        if isinstance(piece, str):
            parts.append(piece)
            size += len(piece)
        else:
            at.append((size, seq, piece))
    text = "".join(parts)
    if not at:
        return text
    ends: dict[int, list[int]] = {}  # pair: [open at, its order, close at, its order]
    delims: dict[int, str] = {}
    for pos, seq, m in at:
        entry = ends.setdefault(m.pair, [-1, 0, -1, 0])
        entry[0 if m.opening else 2], entry[1 if m.opening else 3] = pos, seq
        delims[m.pair] = m.delim
    live: dict[int, tuple[int, int, int, int]] = {}
    for pair, (o, o_seq, c, c_seq) in ends.items():
        if o < 0 or c < 0:
            continue
        while o < c and text[o].isspace():
            o += 1
        while c > o and text[c - 1].isspace():
            c -= 1
        if o < c:
            live[pair] = (o, o_seq, c, c_seq)
    for _ in range(3):
        bad = _unread_pairs(live, delims, text)
        if not bad:
            break
        for pair in bad:
            del live[pair]
    placed = sorted(
        [(o, o_seq, delims[p]) for p, (o, o_seq, _, _) in live.items()]
        + [(c, c_seq, delims[p]) for p, (_, _, c, c_seq) in live.items()]
    )
    out: list[str] = []
    last = 0
    for pos, _, delim in placed:
        out += [text[last:pos], delim]
        last = pos
    out.append(text[last:])
    return "".join(out)


def _unread_pairs(
    live: dict[int, tuple[int, int, int, int]], delims: dict[int, str], text: str
) -> set[int]:
    """The pairs of marks Markdown would not read as marks: an opening one not followed by
    words as CommonMark's "left-flanking" run, a closing one not "right-flanking"."""
    clusters: dict[int, list[tuple[int, str, bool, int]]] = {}
    for pair, (o, o_seq, c, c_seq) in live.items():
        clusters.setdefault(o, []).append((o_seq, delims[pair], True, pair))
        clusters.setdefault(c, []).append((c_seq, delims[pair], False, pair))
    bad: set[int] = set()
    for pos, cluster in clusters.items():
        cluster.sort()
        for k, (_, delim, opening, pair) in enumerate(cluster):
            before = _beside(cluster, k, -1, delim, text[pos - 1] if pos > 0 else " ")
            after = _beside(cluster, k, 1, delim, text[pos] if pos < len(text) else " ")
            if opening:
                ok = not after.isspace() and (
                    not _punct(after) or before.isspace() or _punct(before)
                )
            else:
                ok = not before.isspace() and (
                    not _punct(before) or after.isspace() or _punct(after)
                )
            if not ok:
                bad.add(pair)
    return bad


def _beside(
    cluster: list[tuple[int, str, bool, int]], k: int, step: int, delim: str, edge: str
) -> str:
    """The character beside a mark's run of its character: another mark's character, or the
    text's at the edge of the marks written there."""
    j = k + step
    while 0 <= j < len(cluster):
        if cluster[j][1][0] != delim[0]:
            return cluster[j][1][0]
        j += step
    return edge


def _punct(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "PS"
