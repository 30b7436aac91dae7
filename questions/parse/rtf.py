"""Notes saved as RTF (macOS TextEdit, WordPad, Word): read as the Markdown they stand for.

An RTF file is one group of control words, groups and text: a header (`{\\rtf1\\ansi
\\ansicpg1252…`), tables of fonts, colours, lists and styles, then the text, each paragraph
ended by `\\par` (TextEdit writes a backslash at the line's end), `\\b`/`\\b0` bold,
`\\i`/`\\i0` italics, `\\ul`/`\\ulnone` underlined, `\\f3` a font of the font table, `\\fs22` a
size, `{\\listtext\\t\\'95\\t}` the marker a list item shows and `\\ls1\\ilvl1` its list and
level, `\\'97` a byte of the file's code page, `\\uc0\\u8594` a Unicode character (an emoji two
of them, a surrogate pair), tabs (`\\tab` or the character) between a tab-stop table's cells.
Read as Markdown the control words reached the questions' stems. Here:

- the file is read by a linear scanner over control words, groups and text (the standard
  library reads no RTF): each token one match of one regex of bounded alternatives, groups
  nested no deeper than _MAX_DEPTH (deeper ones keep the state of the last one kept), no more
  than _MAX_TOKENS tokens read. The tables of fonts, colours, lists and styles, the document's
  info, pictures, fields' instructions and every `{\\*\\…}` group are no text: skipped and
  reported (the font table is read for which fonts are monospaced and their code pages).
- each paragraph is one line of Markdown on the line its first word is on, the lines of
  markup around it left blank (a later paragraph on a line already taken, or one right
  under a list item, which Markdown would read as more of the item, goes on the next free
  line); paragraphs on lines right under each other are each a note of their own, as a
  chat's lines are: Markdown would run them into one sentence.
- bold is `**…**`, italics and underlining (Markdown has none) `*…*`, struck words `~~…~~`,
  words in a monospaced font (Courier, Menlo, `\\fmodern`) a code span, and paragraphs wholly
  in one a fenced code block when the lines around them are free for its fences.
- a short paragraph all in bold (or opened in bold in a larger size than the text's) is a
  heading, its level by its size: the largest "#", the next "##", bold in the text's own size
  one level under those; Word's `\\outlinelevel` names the level itself.
- a list paragraph is a Markdown item at its `\\ilvl` depth: "1. " when its marker is a
  number or a letter with "." or ")", else "- ".
- paragraphs right under each other with the same number of tabs (one or more) are a table:
  a GFM pipe table when every row keeps its line. A pipe table needs a line for the rule
  under its header (and none of a list item's right above it), so the header moves up a line
  onto the markup line TextEdit writes above each table (`\\pard\\tx…`) and the rule takes
  the header's line. When that line holds words the rows stay on their lines as
  "a — b — c": a row moved off its line would send a question to the wrong line, and the
  cells' words are kept either way. An RTF table (`\\cell`, `\\row`) is written over many
  lines of markup a row, so no row could keep its line: its rows move up, each only within
  its own table's lines, into a pipe table.
- `\\'hh` is decoded by the file's `\\ansicpg` (or the font's `\\fcharset`), bytes of a
  double-byte code page together; `\\uN` skips the `\\ucN` characters written for readers
  without Unicode; a lone half of a surrogate pair is dropped.

Only a file whose first non-blank characters are "{\\rtf" is read so.
"""

from __future__ import annotations

import codecs
import itertools
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import NamedTuple

from questions.parse.plain_text import escaped_pipe_row
from questions.parse.spans import block_safe, code_span
from questions.parse.xhtml_text import MAX_LISTS, escaped, fenced, noise_text, placed

Skipped = tuple[int, str, str]  # (line number, reason, text)

_MAGIC = "{\\rtf"
_HEAD_LINES = 50  # blank lines looked past for the file's first characters
_MAX_DEPTH = 200  # groups nested deeper share the state of the deepest kept
_MAX_TOKENS = 2_000_000  # tokens read at most (a second or two): the rest is not read
_MAX_FONT_NAME = 100

#: one token: a control word with its number and the space that ends it, a "\'hh" byte, a
#: control symbol (a backslash and any character, a line break too), a brace, a line break,
#: a run of text, any other character. Each alternative a bounded run of one class of
#: characters: nothing to backtrack into.
_TOKEN = re.compile(
    r"\\(?:(?P<word>[a-zA-Z]{1,32})(?P<num>-?\d{1,10})? ?|'(?P<hex>[0-9a-fA-F]{2})|(?P<sym>.))"
    r"|(?P<brace>[{}])|(?P<nl>\n)|(?P<text>[^\\{}\n\r]+)|(?P<other>.)",
    re.S,
)

#: groups of no text, and what their lines are skipped as
_DESTINATIONS = {
    "fonttbl": "rtf font table",
    "colortbl": "rtf colour table",
    "expandedcolortbl": "rtf colour table",
    "stylesheet": "rtf style sheet",
    "listtable": "rtf list table",
    "listoverridetable": "rtf list table",
    "info": "rtf document info",
    "pict": "rtf picture",
    "shppict": "rtf picture",
    "nonshppict": "rtf picture",
    "object": "rtf picture",
    "NeXTGraphic": "rtf picture",
    "header": "rtf page header",
    "headerl": "rtf page header",
    "headerr": "rtf page header",
    "headerf": "rtf page header",
    "footer": "rtf page header",
    "footerl": "rtf page header",
    "footerr": "rtf page header",
    "footerf": "rtf page header",
    "footnote": "rtf footnote",
    "annotation": "rtf comment",
    "fldinst": "rtf field",
    "rsidtbl": "rtf markup",
    "generator": "rtf markup",
    "xmlnstbl": "rtf markup",
    "themedata": "rtf markup",
    "colorschememapping": "rtf markup",
    "latentstyles": "rtf markup",
    "datastore": "rtf markup",
    "revtbl": "rtf markup",
    "filetbl": "rtf markup",
    "pgdsctbl": "rtf markup",
    "mmathPr": "rtf markup",
    "private": "rtf markup",
}
_FONT_TABLE = "fonttbl"  # the state's destination while the font table is read
_MARKER = "listtext"  # ... while a list item's marker is read
_MARKERS = frozenset({"listtext", "pntext"})
_FAMILIES = frozenset(
    {"fnil", "froman", "fswiss", "fmodern", "fscript", "fdecor", "ftech", "fbidi"}
)
#: fonts whose characters are all one width: words set in them are code
_MONO_NAMES = (
    "courier", "mono", "menlo", "monaco", "consolas", "lucida console", "lucida sans typewriter",
    "andale", "inconsolata", "source code", "fira code", "jetbrains", "cascadia", "hack",
)  # fmt: skip
#: a font's `\fcharset` and the code page its bytes are in
_CHARSETS = {
    77: "mac_roman", 128: "cp932", 129: "cp949", 130: "johab", 134: "gbk", 136: "cp950",
    161: "cp1253", 162: "cp1254", 163: "cp1258", 177: "cp1255", 178: "cp1256", 186: "cp1257",
    204: "cp1251", 222: "cp874", 238: "cp1250",
}  # fmt: skip
_CJK_CHARSETS = frozenset({128, 129, 130, 134, 136})  # their fixed-pitch fonts are text fonts
_CODE_PAGES = {10000: "mac_roman", 437: "cp437", 850: "cp850"}
#: control words that stand for a character
_SYMBOLS = {
    "emdash": "—", "endash": "–", "bullet": "•", "lquote": "‘", "rquote": "’",
    "ldblquote": "“", "rdblquote": "”", "tab": "\t", "line": " ", "emspace": " ",
    "enspace": " ", "qmspace": " ", "zwj": "", "zwnj": "", "ltrmark": "", "rtlmark": "",
}  # fmt: skip
_SYMBOL_CHARS = {"~": " ", "_": "-", "-": "", "{": "{", "}": "}", "\\": "\\"}
_UNDERLINES = frozenset(
    {"ul", "uld", "uldash", "uldashd", "uldashdd", "uldb", "ulhwave", "ulldash", "ulth",
     "ulthd", "ulthdash", "ulthdashd", "ulthdashdd", "ulthldash", "ululdbwave", "ulw", "ulwave"}
)  # fmt: skip
_PARAGRAPH_ENDS = frozenset({"par", "sect", "page", "column"})
#: characters that are no text: control characters go, odd spaces are spaces
_CLEAN = {c: None for c in range(32) if c != 9} | {0x7F: None, 0xA0: " ", 0x2028: " ", 0x2029: " "}
_BODY_SIZE = 24  # RTF's default size, in half points

#: a list item's marker that numbers it: "1.", "a)", "(iv)"
_NUMBER = re.compile(r"^\(?(?P<n>\d{1,9}|[A-Za-z]{1,6})[.)]$")
_MAX_HEADING = 90  # characters of a heading at most
_MAX_HEADING_WORDS = 12
_MAX_OUTLINE_HEADING = 200  # ... of a heading Word's outline level names
_SENTENCE_ENDS = (".", "!", "?", ";", ",", "。", "！", "？")
_CLOSERS = ")]\"'”’"
_CELL_JOIN = " — "  # the cells of a row that is no table's
_MAX_COLUMNS = 16  # a line with more tabs is no row: its tabs are spaces


class _Style(NamedTuple):
    bold: bool
    emph: bool
    strike: bool
    code: bool
    sup: bool
    size: int


@dataclass
class _State:
    """What a group sets: its destination, its characters' and its paragraph's looks."""

    dest: str = ""  # "" the text; _FONT_TABLE; _MARKER; else why its lines are skipped
    bold: bool = False
    italic: bool = False
    under: bool = False
    strike: bool = False
    hidden: bool = False
    sup: bool = False
    font: int = 0
    size: int = _BODY_SIZE
    uc: int = 1  # characters a "\uN" is followed by for readers without Unicode
    ls: int = 0  # the list the paragraph is an item of (0 for none)
    ilvl: int = 0
    intbl: bool = False
    outline: int = -1

    def copy(self) -> _State:
        """The state a group opened inside this one starts with (faster than replace())."""
        new = object.__new__(_State)
        new.__dict__.update(self.__dict__)
        return new


@dataclass
class _Font:
    family: str = ""
    charset: int = 0
    codepage: str = ""
    name: str = ""
    named: bool = False  # its name closed by ";"

    def mono(self) -> bool:
        name = self.name.lower()
        if any(m in name for m in _MONO_NAMES):
            return True
        return self.family == "fmodern" and self.charset not in _CJK_CHARSETS


@dataclass
class _Para:
    """A paragraph as read: its words in runs of one look, and the line they start on."""

    line: int = -1  # 0-based; -1 for a paragraph of no words
    parts: list[tuple[_Style, str]] = field(default_factory=list)
    marker: str | None = None  # its list marker's text
    ls: int = 0
    ilvl: int = 0
    outline: int = -1
    row: bool = False  # a row of an RTF table, its cells ended by "\cell"
    mono: bool = False  # a paragraph of no words that ended in a monospaced font
    started: bool = False  # its paragraph's looks are taken (at its first word)

    def text(self) -> str:
        return "".join(t for _, t in self.parts)


def is_rtf(lines: list[str]) -> bool:
    """The file's first non-blank characters are "{\\rtf"."""
    for line in lines[:_HEAD_LINES]:
        start = line.lstrip("\ufeff \t")
        if start:
            return start.startswith(_MAGIC)
    return False


def rtf_as_markdown(lines: list[str]) -> tuple[list[str], list[Skipped]]:
    """The document's paragraphs as Markdown, each on the line its words start on, and the
    lines of markup alone skipped as (line number, reason, text); the lines as they were for
    a file that is no RTF."""
    if not is_rtf(lines):
        return lines, []
    scanner = _Scanner("\n".join(lines))
    scanner.read()
    pieces = _Layout(scanner.paras).pieces()
    out = placed(pieces, len(lines), _needs_blank)
    skipped = [
        (n + 1, scanner.reasons.get(n, "rtf markup"), noise_text(line))
        for n, line in enumerate(lines)
        if line.strip() and n not in scanner.words
    ]
    return out, skipped


# -- reading the file


class _Scanner:
    """One pass over the file's tokens, its paragraphs gathered as they end."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.paras: list[_Para] = []
        self.para = _Para()
        self.state = _State()
        self.stack: list[_State] = []
        self.overflow = 0  # groups open past _MAX_DEPTH
        self.ended = False  # the document's group has closed
        self.line = 0
        self.codepage = "cp1252"
        self.deff = 0
        self.fonts: dict[int, _Font] = {}
        self.monos: dict[int, bool] = {}  # whether each font used is monospaced
        self.font_at = -1  # the font the font table is describing
        self.skip = 0  # characters still to skip after a "\uN"
        self.high = 0  # the first half of a surrogate pair, waiting for its second
        self.bytes = bytearray()  # "\'hh" bytes waiting to be decoded together
        self.bytes_at = (0, "cp1252")  # their line and code page
        self.words: set[int] = set()  # lines (0-based) a paragraph's words are on
        self.reasons: dict[int, str] = {}  # lines of a skipped group, and why
        self.starred = False  # a "\*" opened the group: the next word says what it is
        self.next_at = 0  # where the text goes on after a "\binN"'s bytes

    def read(self) -> None:
        text = self.text
        i = 0
        for _ in range(_MAX_TOKENS):
            if i >= len(text) or self.ended:
                break
            m = _TOKEN.match(text, i)
            if m is None:  # never: the last alternative takes any character
                break
            i = m.end()
            kind = m.lastgroup  # "num" for a word with a number: its last group
            if self.bytes and kind != "hex":
                self._flush()
            if kind == "text":
                self._text(m.group(kind))
            elif kind in ("word", "num"):
                word, num = m.group("word", "num")
                self._word(word, int(num) if num is not None else None, i)
                i = self.next_at if word == "bin" else i
            elif kind == "hex":
                self._byte(int(m.group(kind), 16))
            elif kind == "sym":
                self._symbol(m.group(kind))
            elif kind == "brace":
                self._brace(m.group(kind))
            elif kind == "nl":
                self.line += 1
        self._flush()
        self._end_paragraph()

    # tokens

    def _brace(self, brace: str) -> None:
        self.skip = 0
        self.starred = False
        if brace == "{":
            if len(self.stack) >= _MAX_DEPTH:
                self.overflow += 1
            else:
                self.stack.append(self.state)
                self.state = self.state.copy()
        elif self.overflow:
            self.overflow -= 1
        elif self.stack:
            if self.state.dest and self.state.dest != _MARKER:
                self._skipped(self._reason())
            self.state = self.stack.pop()
            self.ended = not self.stack

    def _symbol(self, sym: str) -> None:
        if sym == "\n":
            self.line += 1
            self._paragraph_end("par")
        elif sym == "*":  # the next word says what the group is, and its line's reason
            self._destination("rtf markup", record=False)
            self.starred = True
        elif sym in _SYMBOL_CHARS:
            self._chars(_SYMBOL_CHARS[sym])

    def _word(self, word: str, num: int | None, end: int) -> None:
        st = self.state
        on = num != 0
        starred, self.starred = self.starred, False
        if starred and st.dest == "rtf markup" and word in _DESTINATIONS:
            st.dest = _DESTINATIONS[word]  # "{\*\expandedcolortbl": what the group is
        if st.dest and st.dest != _MARKER:
            self._skipped(self._reason())
        if word in _DESTINATIONS:
            if word == "fonttbl" and not st.dest:
                st.dest = _FONT_TABLE
            else:
                self._destination(_DESTINATIONS[word])
        elif word in _MARKERS:
            if not st.dest:
                st.dest = _MARKER
        elif word == "bin":
            self.next_at = min(len(self.text), end + max(num or 0, 0))
            self.line += self.text.count("\n", end, self.next_at)
            self._skipped(st.dest or "rtf picture")
        elif word == "u" and num is not None:
            self._unicode(num)
        elif st.dest == _FONT_TABLE:
            self._font_word(word, num)
        elif word in _PARAGRAPH_ENDS:
            self._paragraph_end(word)
        elif word in ("cell", "nestcell"):
            self.para.row = True
            self._chars("\t")
        elif word in ("row", "nestrow"):
            self._row_end()
        elif word in _SYMBOLS:
            self._chars(_SYMBOLS[word])
        elif word == "b":
            st.bold = on
        elif word == "i":
            st.italic = on
        elif word in _UNDERLINES:
            st.under = on
        elif word == "ulnone":
            st.under = False
        elif word in ("strike", "striked"):
            st.strike = on
        elif word == "v":
            st.hidden = on
        elif word == "super":
            st.sup = True
        elif word in ("sub", "nosupersub"):
            st.sup = False
        elif word == "f" and num is not None:
            st.font = num
        elif word == "fs" and num is not None:
            st.size = num
        elif word == "plain":
            st.bold = st.italic = st.under = st.strike = st.hidden = st.sup = False
            st.font, st.size = self.deff, _BODY_SIZE
        else:
            self._paragraph_word(word, num)

    def _paragraph_word(self, word: str, num: int | None) -> None:
        st = self.state
        if word == "pard":
            st.ls, st.ilvl, st.intbl, st.outline = 0, 0, False, -1
        elif word == "ls" and num is not None:
            st.ls = num
        elif word == "ilvl" and num is not None:
            st.ilvl = max(num, 0)
        elif word == "intbl":
            st.intbl = True
        elif word == "outlinelevel" and num is not None:
            st.outline = num
        elif word == "uc" and num is not None:
            st.uc = min(max(num, 0), 10)
        elif word == "ansicpg" and num is not None:
            self.codepage = _codepage(num) or self.codepage
        elif word == "mac":
            self.codepage = "mac_roman"
        elif word in ("pc", "pca"):
            self.codepage = "cp437" if word == "pc" else "cp850"
        elif word == "deff" and num is not None:
            self.deff = st.font = num

    def _font_word(self, word: str, num: int | None) -> None:
        if word == "f" and num is not None:
            self.font_at = num
            self.fonts[num] = _Font()
            self.monos.pop(num, None)
            return
        font = self.fonts.get(self.font_at)
        if font is None:
            return
        if word in _FAMILIES:
            font.family = word
        elif word == "fcharset" and num is not None:
            font.charset = num
        elif word == "cpg" and num is not None:
            font.codepage = _codepage(num)

    def _destination(self, reason: str, record: bool = True) -> None:
        """The group holds no text: its lines are skipped as `reason` (the outer group's
        reason when it is one already, a font's own groups as the font table)."""
        if self.state.dest == _FONT_TABLE:
            self.state.dest = _DESTINATIONS[_FONT_TABLE]
        elif self.state.dest in ("", _MARKER):
            self.state.dest = reason
        if record:
            self._skipped(self._reason())

    def _reason(self) -> str:
        dest = self.state.dest
        return _DESTINATIONS[_FONT_TABLE] if dest == _FONT_TABLE else dest

    def _skipped(self, reason: str) -> None:
        self.reasons.setdefault(self.line, reason)

    # characters

    def _byte(self, byte: int) -> None:
        if self.skip:
            self.skip -= 1
            return
        page = self._font_codepage()
        if self.bytes and self.bytes_at[1] != page:
            self._flush()
        if not self.bytes:
            self.bytes_at = (self.line, page)
        self.bytes.append(byte)

    def _flush(self) -> None:
        if not self.bytes:
            return
        line, page = self.bytes_at
        text = codecs.decode(bytes(self.bytes), page, errors="replace").replace("\ufffd", "")
        self.bytes.clear()
        at, self.line = self.line, line
        self._chars(text)
        self.line = at

    def _font_codepage(self) -> str:
        font = self.fonts.get(self.state.font)
        if font is None or self.state.dest == _FONT_TABLE:
            return self.codepage
        if font.codepage:
            return font.codepage
        return _CHARSETS.get(font.charset, self.codepage)

    def _unicode(self, num: int) -> None:
        code = num + 65536 if num < 0 else num
        self.skip = self.state.uc
        if 0xD800 <= code < 0xDC00:
            self.high = code
            return
        high, self.high = self.high, 0
        if 0xDC00 <= code < 0xE000:
            if not high:
                return
            code = 0x10000 + ((high - 0xD800) << 10) + (code - 0xDC00)
        if 0 <= code <= 0x10FFFF:
            self._chars(chr(code))

    def _text(self, text: str) -> None:
        if self.skip:
            cut = min(self.skip, len(text))
            self.skip -= cut
            text = text[cut:]
        if text:
            self.high = 0
            self._chars(text)

    def _chars(self, text: str) -> None:
        """Characters of the document: a paragraph's words, a list marker's, a font's name,
        or a skipped group's."""
        st = self.state
        if st.dest == _FONT_TABLE:
            self._font_name(text)
            return
        if st.dest and st.dest != _MARKER:
            self._skipped(st.dest)
            return
        if st.hidden:
            self._skipped("rtf hidden text")
            return
        if not self.stack:
            return  # outside the document's group
        text = text.translate(_CLEAN)
        para = self.para
        if text.strip():
            self.words.add(self.line)
            if para.line < 0:
                para.line = self.line
        if st.dest == _MARKER:
            para.marker = (para.marker or "") + text
            return
        if not para.started and text.strip():
            para.started = True
            para.ls, para.ilvl, para.outline = st.ls, st.ilvl, st.outline
        style = _Style(
            st.bold, st.italic or st.under, st.strike, self._mono(st.font), st.sup, st.size
        )
        para.parts.append((style, text))

    def _font_name(self, text: str) -> None:
        font = self.fonts.get(self.font_at)
        if font is None or font.named:
            return
        name, semicolon, _ = text.partition(";")
        font.name = (font.name + name)[:_MAX_FONT_NAME]
        font.named = bool(semicolon)

    def _mono(self, font_id: int) -> bool:
        known = self.monos.get(font_id)
        if known is not None:
            return known
        font = self.fonts.get(font_id)
        mono = font is not None and font.mono()
        if font is None or font.named:  # a font being named may yet be named monospaced
            self.monos[font_id] = mono
        return mono

    # paragraphs

    def _paragraph_end(self, word: str) -> None:
        if self.state.dest or not self.stack:
            return
        if self.state.intbl and word == "par":
            self._chars(" ")  # a cell's paragraphs are one cell
            return
        self._end_paragraph()

    def _row_end(self) -> None:
        if self.state.dest or not self.stack:
            return
        parts = self.para.parts
        if parts and parts[-1][1].endswith("\t"):  # the last cell's "\cell"
            parts[-1] = (parts[-1][0], parts[-1][1][:-1])
        self.para.row = True
        self._end_paragraph()

    def _end_paragraph(self) -> None:
        para = self.para
        if not para.started:
            st = self.state
            para.ls, para.ilvl, para.outline = st.ls, st.ilvl, st.outline
            para.mono = self._mono(st.font)
        self.paras.append(para)
        self.para = _Para()


def _codepage(num: int) -> str:
    name = _CODE_PAGES.get(num, f"cp{num}")
    try:
        codecs.lookup(name)
    except LookupError:
        return ""
    return name


# -- writing the Markdown


@dataclass(frozen=True)
class _Piece:
    """A line of Markdown and the line of the file it was on (0-based)."""

    src: int
    text: str
    kind: str  # para, item, head, table, code, blank
    group: int = -1  # the table or code block it is a line of
    interrupts: bool = True  # an item that may open right under a paragraph's line


def _needs_blank(prev: _Piece, piece: _Piece) -> bool:
    """A blank line must part the two: a line under a table would be a row of it, a table's
    header under an item more of the item, a paragraph under an item more of the item, an
    item numbered from other than 1 under a paragraph more of the paragraph."""
    if prev.kind in ("para", "head") and piece.kind == "table":
        return False  # a table's header line may open right under a paragraph or a heading
    if "table" in (prev.kind, piece.kind):
        return (prev.kind, prev.group) != (piece.kind, piece.group)
    if prev.kind == "item":
        return piece.kind == "para"
    return piece.kind == "item" and not piece.interrupts and prev.kind == "para"


def _key(style: _Style) -> tuple[bool, bool, bool, bool, bool]:
    return style.bold, style.emph, style.strike, style.code, style.sup


def _render(parts: list[tuple[_Style, str]], plain: bool = False) -> str:
    """Runs of text as Markdown text: escaped, its looks as Markdown's marks (none if plain),
    its spaces run together."""
    out: list[str] = []
    for key, run in itertools.groupby(parts, key=lambda p: _key(p[0])):
        out.append(_marked("".join(t for _, t in run), key, plain))
    return " ".join("".join(out).split())


def _marked(text: str, key: tuple[bool, bool, bool, bool, bool], plain: bool) -> str:
    bold, emph, strike, code, sup = key
    core = text.strip()
    if not core:
        return text
    lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]
    if code and not plain:
        return lead + code_span(" ".join(core.split())) + trail
    body = ("^" if sup else "") + escaped(core)
    marks = (
        "" if plain else ("~~" if strike else "") + ("**" if bold else "") + ("*" if emph else "")
    )
    return lead + marks + body + marks[::-1] + trail


def _cells(parts: list[tuple[_Style, str]]) -> list[list[tuple[_Style, str]]]:
    """The runs of a row split at its tabs, a list of runs a cell."""
    cells: list[list[tuple[_Style, str]]] = [[]]
    for style, text in parts:
        pieces = text.split("\t")
        for k, piece in enumerate(pieces):
            if k:
                cells.append([])
            if piece:
                cells[-1].append((style, piece))
    return cells


def _tabs(para: _Para) -> int:
    return sum(t.count("\t") for _, t in para.parts)


def _line_text(parts: list[tuple[_Style, str]]) -> str:
    """A paragraph's text on one line: a row of no table its cells between dashes."""
    if not 0 < sum(t.count("\t") for _, t in parts) < _MAX_COLUMNS:
        return _render(parts)
    cells = [_render(c) for c in _cells(parts)]
    return _CELL_JOIN.join(c for c in cells if c)


def _is_item(para: _Para) -> bool:
    return para.ls > 0 or bool(para.marker and para.marker.strip())


def _is_code(para: _Para) -> bool:
    """Every word of the paragraph is in a monospaced font."""
    words = [s.code for s, t in para.parts if t.strip()]
    return bool(words) and all(words) and not _is_item(para) and not para.row


def _letters(para: _Para) -> list[_Style]:
    return [s for s, t in para.parts for ch in t if ch.isalnum()]


def _body_size(paras: list[_Para]) -> int:
    """The size most of the text is set in (its characters but spaces counted)."""
    sizes: Counter[int] = Counter()
    for para in paras:
        for style, text in para.parts:
            sizes[style.size] += len(text) - text.count(" ") - text.count("\t")
    return sizes.most_common(1)[0][0] if sizes else _BODY_SIZE


def _heading_size(para: _Para, body: int) -> int | None:
    """The size of a heading's letters: a short paragraph, no sentence, all in bold, or
    opened in bold in a larger size than the text's and mostly so, or all larger; None for
    any other paragraph."""
    if para.line < 0 or _is_item(para) or para.row or _tabs(para) or _is_code(para):
        return None
    if sum(len(t) for _, t in para.parts) > 4 * _MAX_HEADING:
        return None  # a paragraph's text, not a heading's however its spaces run
    text = " ".join(para.text().split())
    if len(text) > _MAX_HEADING or len(text.split()) > _MAX_HEADING_WORDS:
        return None
    if text.rstrip(_CLOSERS).endswith(_SENTENCE_ENDS) or not any(c.isalpha() for c in text):
        return None
    letters = _letters(para)
    if not letters:
        return None
    big = sum(1 for s in letters if s.size > body)
    first = letters[0]
    if (
        all(s.bold for s in letters)
        or (first.bold and first.size > body and big * 2 >= len(letters))
        or min(s.size for s in letters) >= body + 4
    ):
        return max(s.size for s in letters)
    return None


class _Layout:
    """The paragraphs as pieces of Markdown, each with the line it goes on."""

    def __init__(self, paras: list[_Para]) -> None:
        self.paras = paras
        self.out: list[_Piece] = []
        self.last = -1  # the line of the last piece of words planned
        self.last_kind = ""
        self.groups = 0
        self.lists: list[tuple[int, int]] = []  # items open: their level, their text's column
        body = _body_size(paras)
        self.headings: dict[int, int] = {}  # paragraph's index: its size
        for n, para in enumerate(paras):
            size = _heading_size(para, body)
            if size is not None:
                self.headings[n] = size
        self.sizes = sorted({s for s in self.headings.values() if s > body}, reverse=True)[:5]

    def pieces(self) -> list[_Piece]:
        n = 0
        while n < len(self.paras):
            n = self._unit(n)
        return self.out

    def _add(self, piece: _Piece) -> None:
        self.out.append(piece)
        if piece.kind != "blank":
            self.last, self.last_kind = max(self.last, piece.src), piece.kind

    def _next_line(self, n: int) -> int | None:
        """The line of the first paragraph of words from paragraph n."""
        for para in self.paras[n:]:
            if para.line >= 0:
                return para.line
        return None

    def _unit(self, n: int) -> int:
        """Plan the paragraph n (with those it makes a block with): the paragraph after."""
        para = self.paras[n]
        if para.line < 0:
            self._add(_Piece(0, "", "blank"))
            return n + 1
        if _is_item(para):
            self._item(para)
            return n + 1
        self.lists = []
        if _is_code(para):
            return self._code(n)
        if 0 < _tabs(para) < _MAX_COLUMNS:
            return self._table(n)
        if n in self.headings or 0 <= para.outline <= 8:
            heading = self._heading(n)
            if heading:
                self._add(_Piece(para.line, heading, "head"))
                return n + 1
        self._add(_Piece(para.line, block_safe(_line_text(para.parts)), "para"))
        return n + 1

    def _heading(self, n: int) -> str:
        para = self.paras[n]
        text = _render(para.parts, plain=True).rstrip(":：").strip()
        if not text:
            return ""
        if 0 <= para.outline <= 8:
            if len(text) > _MAX_OUTLINE_HEADING:
                return ""
            level = para.outline + 1
        else:
            size = self.headings[n]
            level = self.sizes.index(size) + 1 if size in self.sizes else len(self.sizes) + 1
        return "#" * min(level, 6) + " " + text

    def _item(self, para: _Para) -> None:
        text = _line_text(para.parts)
        if not text:
            self._add(_Piece(0, "", "blank"))
            return
        level = min(para.ilvl, MAX_LISTS - 1) if para.ls else 0
        marker = (para.marker or "").strip()
        number = _NUMBER.match(marker)
        if number is None:
            mark = "-"
        else:
            digits = number.group("n")
            mark = f"{int(digits)}." if digits.isdigit() else "1."
        while self.lists and self.lists[-1][0] >= level:
            self.lists.pop()
        indent = self.lists[-1][1] if self.lists else 0
        self.lists.append((level, indent + len(mark) + 1))
        line = " " * indent + f"{mark} {block_safe(text)}"
        self._add(_Piece(para.line, line, "item", interrupts=mark in ("-", "1.")))

    def _code(self, n: int) -> int:
        """Paragraphs all in a monospaced font, one after another (empty ones between them
        too): a fenced block when the lines above and under them are free for its fences,
        else each a paragraph of code."""
        end = n
        code: list[_Para] = []
        while end < len(self.paras):
            para = self.paras[end]
            if para.line < 0 and (para.mono or any(s.code for s, _ in para.parts)):
                end += 1  # an empty line of the block
                continue
            if not _is_code(para):
                break
            code.append(para)
            end += 1
        while end > n and self.paras[end - 1].line < 0:
            end -= 1  # empty paragraphs after the block are no part of it
        lines = [p.line for p in code]
        first, last = lines[0], lines[-1]
        room = self.last + (2 if self.last_kind == "table" else 1)
        nxt = self._next_line(end)
        kept = all(a < b for a, b in itertools.pairwise(lines))
        if kept and first - 1 >= max(room, 0) and (nxt is None or nxt > last + 1):
            fence, rows = fenced([(p.line, p.text().rstrip()) for p in code])
            self.groups += 1
            self._add(_Piece(first - 1, fence, "code", self.groups))
            for src, row in rows:
                self._add(_Piece(src, row, "code", self.groups))
            self._add(_Piece(last + 1, fence, "code", self.groups))
        else:
            for para in code:
                self._add(_Piece(para.line, code_span(" ".join(para.text().split())), "para"))
        return end

    def _table(self, n: int) -> int:
        """Paragraphs with the same number of tabs, one after another: a pipe table when its
        rows keep their lines (an RTF table's rows: move up within its lines), else each row
        a line of its cells."""
        first = self.paras[n]
        tabs, row = _tabs(first), first.row
        end = n + 1
        while end < len(self.paras):
            para = self.paras[end]
            if para.line < 0 or _is_item(para) or _is_code(para) or para.row != row:
                break
            if _tabs(para) != tabs:
                break
            end += 1
        rows = self.paras[n:end]
        top = self._table_top([p.line for p in rows], row) if len(rows) > 1 else None
        header = [_render(c, plain=True) for c in _cells(first.parts)]
        if top is None or not any(header):
            for para in rows:
                self._add(_Piece(para.line, block_safe(_line_text(para.parts)), "para"))
            return end
        self.groups += 1
        self._add(_Piece(top, escaped_pipe_row(header), "table", self.groups))
        self._add(_Piece(top + 1, "|" + " --- |" * len(header), "table", self.groups))
        for k, para in enumerate(rows[1:], start=2):
            cells = [_render(c) for c in _cells(para.parts)]
            self._add(_Piece(top + k, escaped_pipe_row(cells), "table", self.groups))
        return end

    def _table_top(self, lines: list[int], moved: bool) -> int | None:
        """The line a table's header goes on: its rows after its rule, each on its own line
        (an RTF table's on its own or one above), nothing over it but a paragraph, a heading
        or a blank line; None when there is no such line."""
        room = self.last + (1 if self.last_kind in ("para", "head") else 2)
        tops = [lines[1] - 2] + ([lines[0], lines[0] - 1] if moved else [])
        for top in tops:
            if top < room or top < lines[0] - 1:
                continue
            at = [top + k for k in range(2, len(lines) + 1)]
            if moved and all(a <= src for a, src in zip(at, lines[1:], strict=True)):
                return top
            if at == lines[1:]:
                return top
        return None
