"""A note's XHTML read as Markdown: what the Evernote reader (enex.py, a note's ENML) and
the FreeMind reader (freemind.py, a node's rich-text note) share, so that both read XHTML
one way and a fix to one is a fix to both.

Shared: a note's words escaped where Markdown would read them as its own, the inline tags
(`<b>`, `<i>`, `<s>`, `<code>`) as Markdown's marks around them, lists nested as Markdown
nests them, a table as the pipe table the HTML table reader writes of it, a block of code
fenced, the XML handed to the standard library's expat parser, each line of Markdown put on
the line of the file it was on. Where they differ the reader says so: Evernote's `<a href>`
is a Markdown link and its styled `<span>`s bold, italics or struck through (`links`,
`styles`); a FreeMind note's link is only its words. How each finds its tags, what a block
is to it and which lines must be parted by a blank one stay each reader's own.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar
from xml.parsers import expat

from questions.parse.chat import LINE_NOTE
from questions.parse.html_tables import html_tables_as_markdown
from questions.parse.spans import code_span

#: what Markdown would read as its own in a note's words: escapes, emphasis, code, a link, a
#: tag, an entity ("MAX_CLUSTER_COUNT" keeps its underscores: inside a word they mark nothing)
_ESCAPE = re.compile(r"[\\`*\[\]]|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])|<(?=[A-Za-z/!?])|&(?=#?\w+;)")
_ESCAPED = {"<": "&lt;", "&": "&amp;"}
_MARKS = {"b": "**", "strong": "**", "i": "*", "em": "*", "s": "~~", "del": "~~", "strike": "~~"}
_CODE_TAGS = frozenset({"code", "kbd", "tt", "samp"})
#: a link's address as Markdown writes it: no spaces, no angle brackets
_HREF = re.compile(r"[^\s<>]{1,2000}")
#: what marks a link in a line being read: its address follows
_LINK = "\x00"
_BOLD_STYLE = re.compile(r"font-weight\s*:\s*(?:bold|[6-9]00)", re.I)
_ITALIC_STYLE = re.compile(r"font-style\s*:\s*italic", re.I)
_STRUCK_STYLE = re.compile(r"text-decoration[\w-]*\s*:\s*[^;]*line-through", re.I)
_TICKS = re.compile(r"`{3,}")
_MAX_MARKS = 16  # marks open in a line
_MAX_INLINE = 64  # inline tags open
_MAX_NOISE_TEXT = 200
#: deeper lists are read at this depth: Markdown reads a deeper indent as code
MAX_LISTS = 6

Skipped = tuple[int, str, str]  # (line number, reason, text)


def escaped(text: str) -> str:
    """Words with what Markdown would read as its own escaped."""
    return _ESCAPE.sub(lambda m: _ESCAPED.get(m.group(), "\\" + m.group()), text)


def noise_text(text: str) -> str:
    """A skipped line as its skip says it: its words, cut short."""
    text = " ".join(text.split())
    return text if len(text) <= _MAX_NOISE_TEXT else text[: _MAX_NOISE_TEXT - 1] + "…"


class MarkedLine:
    """A line of a note's words as it is read, with the marks still open and where they
    opened."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.marks: list[tuple[str, int]] = []
        self.code = False
        self.src = -1  # the line its first word was on
        self.task: bool | None = None  # a checkbox it opens with: ticked or not

    def add(self, data: str, line: int) -> None:
        if self.src < 0 and data.strip():
            self.src = line
        self.parts.append(data if self.code else escaped(data))

    def open(self, mark: str) -> bool:
        if self.code or len(self.marks) >= _MAX_MARKS:
            return False
        self.marks.append((mark, len(self.parts)))
        self.code = mark == "`"
        return True

    def close(self, mark: str) -> None:
        at = next((k for k in range(len(self.marks) - 1, -1, -1) if self.marks[k][0] == mark), None)
        if at is None:
            return
        start = self.marks[at][1]
        del self.marks[at:]
        body = "".join(self.parts[start:])
        if mark == "`":
            self.code = False
            body = code_span(" ".join(body.split()))
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
        """The line's words, its marks closed."""
        while self.marks:
            self.close(self.marks[-1][0])
        return " ".join("".join(self.parts).split())


@dataclass
class ListLevel:
    """A list open in a note."""

    ordered: bool
    indent: int  # where its items' markers start
    number: int = 0
    width: int = 2  # its current item's marker and the space after it
    started: bool = False  # its current item has had its first line

    def new_item(self) -> None:
        self.number += 1
        self.started = False

    def marker(self) -> str:
        """The current item's marker, for its first line."""
        marker = f"{max(self.number, 1)}." if self.ordered else "-"
        self.width, self.started = len(marker) + 1, True
        return marker


class XhtmlText:
    """What a reader of a note's XHTML keeps as it reads: the line of words being read, the
    inline tags open (and the mark each opened), the lists open."""

    #: an `<a href>` is a Markdown link (or only its words)
    links = False
    #: a `<span>` or `<font>` styled bold, italic or struck through is marked so
    styles = False

    def __init__(self) -> None:
        self.line: MarkedLine | None = None
        self.inline: list[tuple[str, str | None]] = []
        self.lists: list[ListLevel] = []

    def add_words(self, data: str, line: int) -> None:
        """Words of the note, the first on the given line."""
        if self.line is None:
            if not data.strip():
                return
            self.line = MarkedLine()
        self.line.add(data, line)

    def open_inline(self, name: str, attrs: dict[str, str], style: str = "") -> None:
        """An inline tag opens: bold, italics, strike-through, code, a link, or no mark."""
        if len(self.inline) < _MAX_INLINE:
            self.inline.append((name, self._mark(name, attrs, style)))

    def _mark(self, name: str, attrs: dict[str, str], style: str) -> str | None:
        mark: str | None = None
        if name in _MARKS:
            mark = _MARKS[name]
        elif self.links and name == "a" and _HREF.fullmatch(href := attrs.get("href", "").strip()):
            mark = _LINK + href
        elif name in _CODE_TAGS:
            mark = "`"
        elif self.styles and name in ("span", "font"):
            if _BOLD_STYLE.search(style):
                mark = "**"
            elif _ITALIC_STYLE.search(style):
                mark = "*"
            elif _STRUCK_STYLE.search(style):
                mark = "~~"
        if mark is None:
            return None
        if self.line is None:
            self.line = MarkedLine()
        return mark if self.line.open(mark) else None

    def close_inline(self, name: str) -> None:
        """An inline tag closes, and the mark it opened (and those opened inside it)."""
        at = next((k for k in range(len(self.inline) - 1, -1, -1)
                   if self.inline[k][0] == name), None)  # fmt: skip
        if at is None:
            return
        mark = self.inline[at][1]
        del self.inline[at:]
        if mark is not None and self.line is not None:
            self.line.close(mark)

    def take_line(self) -> MarkedLine | None:
        """The line being read, which ends here: the tags open in it close."""
        line, self.line = self.line, None
        self.inline = []
        return line

    def open_list(self, ordered: bool) -> None:
        """A list opens, nested in the one open (at most MAX_LISTS deep)."""
        indent = self.lists[-1].indent + self.lists[-1].width if self.lists else 0
        if len(self.lists) >= MAX_LISTS:
            indent = self.lists[-1].indent
        self.lists.append(ListLevel(ordered, indent))


def fenced(code: list[tuple[int, str]]) -> tuple[str, list[tuple[int, str]]]:
    """A block of code's lines without the blank ones at its ends, and the fence it takes
    (a backtick more than its longest run of three); no lines for a blank block."""
    first, last = 0, len(code)
    while last > first and not code[last - 1][1].strip():
        last -= 1
    while first < last and not code[first][1].strip():
        first += 1
    code = code[first:last]
    return "`" * max([3] + [len(t) + 1 for _, c in code for t in _TICKS.findall(c)]), code


def pipe_table(markup: str, line: int) -> tuple[list[str], list[Skipped]]:
    """A table's markup (from its `<table` on the given line, 0-based) read by the HTML table
    reader: its pipe table's rows, none if it reads as no table; and what it skipped."""
    markup = " ".join(markup.split("\n"))
    room = markup.count("<") + 4  # lines enough for any of its rows
    out, skipped = html_tables_as_markdown([markup, *[""] * room])
    while out and not out[-1].strip():
        out.pop()
    rows = [] if out == [markup] else out
    return rows, [(line + 1, reason, text) for _, reason, text in skipped]


def parse_xml(
    parser: expat.XMLParserType,
    data: str | bytes,
    start: Callable[[str, dict[str, str]], None],
    end: Callable[[str], None],
    chars: Callable[[str], None],
) -> bool:
    """Whether the XML parses, its elements' starts, ends and text handed on as it reads."""
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = chars
    try:
        parser.Parse(data, True)
    except expat.ExpatError:
        return False
    return True


class Placed(Protocol):
    """A line of Markdown and the line of the file (0-based) it was on."""

    @property
    def src(self) -> int: ...
    @property
    def text(self) -> str: ...
    @property
    def kind(self) -> str: ...  # "para" a paragraph, "blank" a blank line or a rule: no line


P = TypeVar("P", bound=Placed)


def placed(pieces: Sequence[P], count: int, needs_blank: Callable[[P, P], bool]) -> list[str]:
    """The Markdown lines of a file of count lines: each piece on its own line, or on the next
    free one when the pieces before it took that one (past the end of the file if need be), a
    line further down when needs_blank says the piece and the one before must be parted.
    Paragraphs right under each other are each marked a note of their own (a `<div>`, a line
    of a node's note is a line of its own, while Markdown would run them into one sentence);
    two paragraphs a blank line parted stay parted, though it moves what follows down a line."""
    out = [""] * count
    at = 0  # the first line free
    prev: P | None = None
    blank = False  # a blank line or a rule since the piece before
    for piece in pieces:
        if piece.kind == "blank":
            blank = True
            continue
        line = max(piece.src, at)
        paras = prev is not None and prev.kind == piece.kind == "para"
        if prev is not None and line == at and ((blank and paras) or needs_blank(prev, piece)):
            line += 1
        while line >= len(out):
            out.append("")
        out[line] = piece.text
        if paras and line == at:
            out[line] = _line_note(piece.text)
            out[line - 1] = _line_note(out[line - 1])
        at, prev, blank = line + 1, piece, False
    return out


def _line_note(text: str) -> str:
    words = text.lstrip(" ")
    if words.startswith(LINE_NOTE):
        return text
    return text[: len(text) - len(words)] + LINE_NOTE + words
