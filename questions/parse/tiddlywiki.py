"""Notes kept in TiddlyWiki (a personal wiki of small "tiddlers"), handed in as its wikitext,
often several ".tid" tiddlers joined in one file: read as the Markdown they stand for.

A ".tid" tiddler opens with header lines ("title: 101.2 Boot", "tags: [[Topic 101]] boot",
"created: 20240108193212044", "type: text/vnd.tiddlywiki", any field of the writer's own), a
blank line, then its text. Its title is what the tiddler is about: a heading over its text (its
"!" headings one level under it); the other header lines are bookkeeping, skipped. The text
writes a heading as "!", "!!", …, a list's items as "*" and "#" at a line's start ("#*" mixed,
one mark a level), a definition as "; term" over ": definition" (an item "**term**: …" on the
definition's line: Markdown's definition lists need blank lines TiddlyWiki never writes), bold
as ''…'', italics as //…//, underline as __…__, a highlight as @@…@@ (bold: the writer marked
it), code as {{{…}}} or `…` and between "{{{" and "}}}" lines or ``` fences, a table as
"|cell|cell|" rows ("|!" a header cell, a "|…|k" row a CSS class, "|…|c" a caption, "|…|h" a
header row), a link as [[Target]] or [[text|Target]] (a wiki link showing its words, so a
line of links is one), a quote between "<<<" lines, and "~" before a CamelCase word that is no link. Macros (<<toc …>>), widgets (<$list …>),
transclusions ({{Tiddler}}, {{{ [tag[x]] }}}) and pragmas (\\define) render other tiddlers or
the wiki's interface, no words of the notes: dropped, as are comments. Read as Markdown every
"!" heading, '' and @@ stayed raw and every "#" item was a heading of its own.

Only a file TiddlyWiki marks as its own is read so: a header block with a 17-digit "created:"
or "modified:" stamp or "type: text/vnd.tiddlywiki", or (header-less wikitext) two "!" headings
and two kinds of marks only TiddlyWiki writes. Each line stays on its line, so every question
still points at its line: a table's "|---|" rule needs a line more than the table has, which a
class or caption row's line, the blank line above it (or above the heading right over it, the
heading moving up) or the blank line below gives, the layout moving fewest rows chosen; with
none, its rows are written as items.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass

from questions.parse.plain_text import capped
from questions.parse.spans import block_safe, code_span

#: a Markdown code fence's opening or closing line (TiddlyWiki 5 writes them too)
_FENCE = re.compile(r"^ {0,3}(?:```|~~~)")
#: a header line: a field's name (lowercase, as TiddlyWiki writes it), a colon, its value
_FIELD = re.compile(r"^(?P<key>[a-z][a-z0-9_.-]{0,63}):(?:[ \t]+(?P<value>.*))?$")
#: TiddlyWiki's time stamp: YYYYMMDDhhmmssSSS, as a ".tid" file writes it
_STAMP = re.compile(r"^\d{17}$")
_WIKITEXT = "text/vnd.tiddlywiki"
#: tiddler types whose text is no notes: scripts, styles, data, images
_NO_NOTES = re.compile(r"^(?:application/|image/|text/css\b|text/javascript\b)")
#: a heading: one to six "!" and its words
_HEADING = re.compile(r"^(?P<marks>!{1,6})(?!!)[ \t]*(?P<text>.*)$")
#: a list's, a definition's or a quote's line: its marks, then its words
_LIST = re.compile(r"^(?P<marks>[*#;:>]+)[ \t]*(?P<text>.*)$")
#: a table's row: "|cell|cell|", perhaps "k" (a class), "c" (a caption), "h" or "f" after it
_ROW = re.compile(r"^\|(?P<body>.*)\|(?P<kind>[kchf]?)[ \t]*$")
_RULE = re.compile(r"^-{3,}[ \t]*$")
_QUOTE_BLOCK = re.compile(r"^<<<(?P<rest>.*)$")
_CODE_OPEN = "{{{"
_CODE_CLOSE = "}}}"
#: a typed block ("$$$.js", "$$$text/x-python"): its text as it is
_TYPED = re.compile(r"^\$\$\$(?P<type>\S*)[ \t]*$")
#: a pragma: a macro's, procedure's or function's definition, an import, a parser rule
_PRAGMA = re.compile(
    r"^\\(?P<name>define|procedure|function|widget|import|rules|whitespace|parameters|relink|"
    r"end)\b(?P<rest>.*)$"
)
#: a definition whose body is the lines after it, up to "\end": nothing after its parameters
_OPEN_DEFINITION = re.compile(r"^[ \t]+[^\s(]+(?:\([^()]*\))?[ \t]*$")
_END = re.compile(r"^\\end\b")
#: a widget's tag opening or closing a line ("<$list filter=…>", "</$list>")
_WIDGET_LINE = re.compile(r"^[ \t]*</?\$")
#: a highlight's or style's line of its own, opening or closing a styled block ("@@.warn")
_STYLE_LINE = re.compile(r"^@@(?:\.[\w-]+|[\w-]+:[^@;]*;?)*[ \t]*$")
_LANG = re.compile(r"^[\w+#-]+$")
_MAX_SPAN_LINES = 40  # lines a macro call or a widget's tag spans at most
_MAX_DEPTH = 8  # list levels kept: deeper is nested no further
_MAX_COLUMNS = 64

# inline marks, each linear: a body never runs past another opening of its own kind
#: a widget's or an HTML layout tag: dropped, its words kept
_WIDGET = re.compile(r"</?\$[\w.-]+(?:[^<>\"']|\"[^\"<>]*\"|'[^'<>]*')*>")
_LAYOUT_TAG = re.compile(
    r"</?(?:div|span|p|center|small|big|font|u|ins|sub|sup|mark|section|article|details|"
    r"summary|blockquote|kbd|code|tt|b|i|em|strong|s|del|strike)\b[^<>]*>",
    re.I,
)
_BR = re.compile(r"<br\s*/?>", re.I)
_TRANSCLUSION = re.compile(r"\{\{[^{}]*\}\}")
_LINK = re.compile(r"\[\[(?P<body>[^\[\]]*)\]\]")
_EXT = re.compile(r"\[ext\[(?P<body>[^\[\]]*)\]\]")
_IMAGE = re.compile(r"\[img(?:[ \t][^\[\]]*)?\[[^\[\]]*\]\]")
#: a filter, not code, between "{{{" and "}}}": a run of operators ("[tag[x]]", "[[Title]]")
#: (or a template after "||")
_FILTER = re.compile(r"^\s*(?:[+~=-]|:\w+)?\[!?[\w$:./-]*[\[{<]")
#: characters a wiki link's page or words cannot hold
_NOT_IN_LINK = re.compile(r"[\[\]|#\n]")
_URL = re.compile(r"\b(?:https?|ftp|file)://[^\s\[\]{}<>|]+|\bmailto:[^\s\[\]{}<>|]+")
#: "~" keeping a CamelCase word or an address from being a link: no character of the words
_TILDE = re.compile(r"(?<![~\w])~(?=[A-Z]|https?:)")
#: a highlight's class or style first in it ("@@.warn text@@", "@@color:red;text@@")
_HIGHLIGHT_STYLE = re.compile(r"^(?:\.[\w-]+[ \t]*)+|^(?:[\w-]+:[^;@]*;[ \t]*)+")
_BACKTICKS = re.compile(r"`+")
_ESCAPE = re.compile(r"[\\`*_<\[]")
_SPACES = re.compile(r"[ \t]{2,}")
_SLOT = re.compile("\ue000(\\d+)\ue001")
_MARKS = {"\ue010": "**", "\ue011": "*", "\ue012": "~~"}
_MARK = re.compile("[\ue010\ue011\ue012]")
#: TiddlyWiki's paired marks: bold, italics, underline, highlight, strike-through, sup, sub
_PAIRED = (
    ("''", "\ue010"),
    ("//", "\ue011"),
    ("__", "\ue011"),
    ("@@", "\ue010"),
    ("~~", "\ue012"),
    ("^^", "^"),
    (",,", ""),
)

# what says a header-less file is TiddlyWiki's
#: marks only TiddlyWiki writes: ''bold'', a code block's "{{{", a "|!" header cell,
#: @@highlight@@, a macro call, a widget, a "<<<" quote, a "~CamelCase" escape
_TW_MARKS = (
    ("bold", re.compile(r"''[^'\s][^']*''")),
    ("code", re.compile(r"^\{\{\{[ \t]*$|\{\{\{[^{}]+\}\}\}")),
    ("table", re.compile(r"^\|!")),
    ("highlight", re.compile(r"@@[^@\s][^@]*@@")),
    ("macro", re.compile(r"<<[\w.-]+(?:[ \t>])")),
    ("widget", re.compile(r"</?\$[\w.-]+[ \t/>]")),
    ("quote", re.compile(r"^<<<")),
    ("escape", re.compile(r"(?<![~\w])~[A-Z][a-z]+[A-Z]")),
)
#: marks of other formats: MediaWiki's bold, table and headings, Markdown's links
_OTHER = re.compile(r"'''|^\s*\{\||^=+[ \t].*[ \t]=+[ \t]*$|\]\([^()\s]+\)")

#: what a line became, for what may follow it
_BLANK, _TEXT, _ITEM, _QUOTE, _TABLE, _HEAD = "blank", "text", "item", "quote", "table", "head"


@dataclass(frozen=True)
class _Header:
    """A tiddler's header lines: from start up to end (the blank line after them)."""

    start: int
    end: int
    title_at: int
    title: str
    kind: str  # the tiddler's type ("" for wikitext)
    stamped: bool  # a created/modified stamp or the wikitext type: TiddlyWiki's own


def _header_at(lines: list[str], n: int) -> _Header | None:
    """The header block starting at line n: field lines up to a blank line or the file's end,
    one of them its title (and, past the file's first line, another field with it)."""
    fields: dict[str, tuple[int, str]] = {}
    k = n
    while k < len(lines) and k - n < 64:
        field = _FIELD.match(lines[k])
        if field is None:
            break
        fields.setdefault(field.group("key"), (k, (field.group("value") or "").strip()))
        k += 1
    if "title" not in fields or (k < len(lines) and lines[k].strip()):
        return None
    if len(fields) < 2 and n > 0:  # "title: …" alone in a tiddler's text: a line of it
        return None
    kind = fields.get("type", (0, ""))[1]
    stamped = kind == _WIKITEXT or any(
        _STAMP.match(fields.get(key, (0, ""))[1]) for key in ("created", "modified")
    )
    title_at, title = fields["title"]
    return _Header(n, k, title_at, title, "" if kind == _WIKITEXT else kind, stamped)


def _headers(lines: list[str]) -> list[_Header]:
    """The file's tiddler header blocks, each at the file's start or after a blank line; none
    looked for in a code block."""
    found: list[_Header] = []
    fenced = False
    n = 0
    while n < len(lines):
        line = lines[n]
        if _FENCE.match(line):
            fenced = not fenced
        if not fenced and (n == 0 or not lines[n - 1].strip()) and line[:1].isalpha():
            header = _header_at(lines, n)
            if header is not None:
                found.append(header)
                n = header.end
                continue
        n += 1
    return found


def is_tiddlywiki(lines: list[str]) -> bool:
    """The file marks itself as TiddlyWiki's: a tiddler's header with a 17-digit created or
    modified stamp or the wikitext type; else, with no mark of MediaWiki or Markdown, two "!"
    headings and two kinds of marks only TiddlyWiki writes. Lines in code are not looked at."""
    if any(h.stamped for h in _headers(lines)):
        return True
    headings = 0
    kinds: set[str] = set()
    fenced = block = False
    for line in lines:
        if _FENCE.match(line):
            fenced = not fenced
            continue
        stripped = line.strip()
        if stripped in (_CODE_OPEN, _CODE_CLOSE):
            block = stripped == _CODE_OPEN
            kinds.add("code")
            continue
        if fenced or block:
            continue
        if _OTHER.search(line):
            return False
        heading = _HEADING.match(line)
        if heading is not None and _is_heading(heading.group("text")):
            headings += 1
        for kind, mark in _TW_MARKS:
            if kind not in kinds and mark.search(line):
                kinds.add(kind)
    return headings >= 2 and len(kinds) >= 2


def _is_heading(text: str) -> bool:
    """A "!" line's words are a heading's: no Markdown image ("![x](y)"), Confluence image
    ("!diagram.png!") or MediaWiki header cells ("! Port !! Use")."""
    text = text.strip()
    return bool(text) and not text.startswith("[") and "!" not in text


def tiddlywiki_as_markdown(lines: list[str]) -> tuple[list[str], list[tuple[int, str, str]]]:
    """The lines as Markdown (each tiddler's title a heading, its headings, lists, definitions,
    tables, quotes, code, bold, italics and code spans), and the lines of the wiki's bookkeeping
    dropped as (line number, reason, text); the lines as they were for a file that is not
    TiddlyWiki's."""
    if not is_tiddlywiki(lines):
        return lines, []
    return _Reader(lines).read()


class _Reader:
    """One pass over a TiddlyWiki file's lines."""

    def __init__(self, lines: list[str]) -> None:
        self.src = lines
        self.out = [""] * len(lines)
        self.kinds = [_BLANK] * len(lines)
        self.skipped: list[tuple[int, str, str]] = []
        self.stack: list[int] = []  # the widths of the open items' markers ("- " 2, "1. " 3)
        self.term: str | None = None  # the term the ":" lines below define
        self.quoted: list[tuple[int, int]] = []  # "<<<" quotes' lines, first and past the last
        self.code_closes = [k for k, line in enumerate(lines) if line.strip() == _CODE_CLOSE]
        self.typed_closes = [k for k, line in enumerate(lines) if line.rstrip() == "$$$"]
        self.ends = [k for k, line in enumerate(lines) if _END.match(line)]

    def read(self) -> tuple[list[str], list[tuple[int, str, str]]]:
        headers = _headers(self.src)
        offset = 1 if headers else 0
        bodies = [(0, headers[0].start if headers else len(self.src), "")]
        for k, header in enumerate(headers):
            notes = not header.title.startswith("$:/") and not _NO_NOTES.match(header.kind)
            self._header(header, notes)
            stop = headers[k + 1].start if k + 1 < len(headers) else len(self.src)
            bodies.append((header.end, stop, header.kind if notes else "no notes"))
        for start, stop, kind in bodies:
            if kind == "no notes":
                self._drop(start, stop, "tiddlywiki metadata")
            elif kind in ("", "text/plain") or kind.startswith("text/vnd.tiddlywiki"):
                self._body(start, stop, offset)
            else:  # Markdown, HTML: as it is
                self.out[start:stop] = self.src[start:stop]
        for first, past in self.quoted:
            for k in range(first, past):
                if self.out[k]:
                    self.out[k] = "> " + self.out[k]
        self.skipped.sort()
        return self.out, self.skipped

    def _skip(self, n: int, reason: str) -> None:
        """Line n said nothing of the notes: empty, and noted as skipped when it had words."""
        self.out[n], self.kinds[n] = "", _BLANK
        text = self.src[n].strip()
        if any(ch.isalnum() for ch in text):
            self.skipped.append((n + 1, reason, text))

    def _drop(self, start: int, stop: int, reason: str) -> None:
        for k in range(start, stop):
            self._skip(k, reason)

    def _header(self, header: _Header, notes: bool) -> None:
        """A header block: its title a first-level heading (over notes: a system tiddler's or a
        script's is none), its other fields skipped."""
        for k in range(header.start, header.end):
            if k == header.title_at and header.title and notes:
                self.out[k], self.kinds[k] = "# " + _ESCAPE.sub(r"\\\g<0>", header.title), _HEAD
            else:
                self._skip(k, "tiddlywiki metadata")

    def _body(self, start: int, stop: int, offset: int) -> None:
        """A tiddler's text, lines start to stop; headings offset levels under its title."""
        self.stack.clear()
        self.term = None
        comment = False
        quote: int | None = None  # the first line of an open "<<<" quote
        n = start
        while n < stop:
            line = self.src[n]
            if comment or "<!--" in line:
                line, comment = _uncommented(line, comment)
                if not line.strip():
                    self._end_lists()
                    self._skip(n, "tiddlywiki comment")
                    n += 1
                    continue
            block = self._block(n, line, stop)
            if block is not None:
                self._end_lists()
                n = block
                continue
            opening = _QUOTE_BLOCK.match(line)
            if opening is not None:
                self._end_lists()
                self._skip(n, "tiddlywiki metadata" if quote is None else "quote source")
                if quote is None:
                    quote = n + 1
                else:
                    self.quoted.append((quote, n))
                    quote = None
                n += 1
                continue
            n = self._line(n, line, stop, offset)
        if quote is not None:
            self.quoted.append((quote, stop))

    def _end_lists(self) -> None:
        self.stack.clear()
        self.term = None

    def _block(self, n: int, line: str, stop: int) -> int | None:
        """A block of lines from line n read whole (code, a pragma, a macro call or a widget's
        tag over lines): the line after it; none for any other line."""
        stripped = line.strip()
        if _FENCE.match(line):  # a Markdown fence: as it is, up to its closing fence
            end = next((k for k in range(n + 1, stop) if _FENCE.match(self.src[k])), stop - 1)
            self.out[n : end + 1] = self.src[n : end + 1]
            self.kinds[n : end + 1] = [_TEXT] * (end + 1 - n)
            return end + 1
        typed = _TYPED.match(line)
        if stripped == _CODE_OPEN:
            return self._code(n, stop, self.code_closes, "")
        if typed is not None and typed.group("type"):
            return self._code(n, stop, self.typed_closes, typed.group("type").lstrip("."))
        pragma = _PRAGMA.match(line)
        if pragma is not None:
            end = n
            opens = pragma.group("name") in ("define", "procedure", "function", "widget")
            if opens and _OPEN_DEFINITION.match(pragma.group("rest")):
                end = _next(self.ends, n, stop) or n
            self._drop(n, end + 1, "tiddlywiki metadata")
            return end + 1
        if _STYLE_LINE.match(line):
            self._skip(n, "tiddlywiki metadata")
            return n + 1
        closer = ">>" if stripped.startswith("<<") and not stripped.startswith("<<<") else None
        if closer is None and _WIDGET_LINE.match(line):
            closer = ">"
        if closer is None:
            return None
        # a macro call or a widget's tag: up to the line closing it
        end = n
        while end < min(stop, n + _MAX_SPAN_LINES) - 1 and closer not in self.src[end]:
            end += 1
        end = end if closer in self.src[end] else n
        self._drop(n, end + 1, "tiddlywiki metadata")
        return end + 1

    def _code(self, n: int, stop: int, closes: list[int], lang: str) -> int:
        """A "{{{" or "$$$" block opening on line n as fenced code, its lines as they are; the
        line after it. A block never closed is no code: its opening line is skipped."""
        end = _next(closes, n, stop)
        if end is None:
            self._skip(n, "tiddlywiki metadata")
            return n + 1
        body = self.src[n + 1 : end]
        longest = max((len(r) for b in body for r in _BACKTICKS.findall(b)), default=0)
        fence = "`" * max(3, longest + 1)
        self.out[n] = fence + (lang if _LANG.match(lang) else "")
        self.out[n + 1 : end] = body
        self.out[end] = fence
        self.kinds[n : end + 1] = [_TEXT] * (end + 1 - n)
        return end + 1

    def _line(self, n: int, line: str, stop: int, offset: int) -> int:
        """Line n of a tiddler's text as Markdown; the line after it (or after its table)."""
        above = self.kinds[n - 1] if n > 0 else _BLANK
        if not line.strip() or _RULE.match(line):
            self._end_lists()
            return n + 1
        if _ROW.match(line):
            self._end_lists()
            return self._table(n, stop)
        heading = _HEADING.match(line)
        listed = _LIST.match(line)
        if heading is not None:
            self._end_lists()
            title = _inline(heading.group("text"))
            level = min(6, len(heading.group("marks")) + offset)
            self.out[n], self.kinds[n] = ("#" * level + " " + title if title else ""), _HEAD
        elif listed is not None and set(listed.group("marks")) == {">"}:
            self._end_lists()
            said = _inline(listed.group("text"))
            self.out[n], self.kinds[n] = ("> " * len(listed.group("marks")) + said), _QUOTE
        elif listed is not None and listed.group("marks").endswith(";"):
            self.stack.clear()
            term = _inline(listed.group("text"))
            follows = n + 1 < stop and self.src[n + 1].startswith(":")
            self.term = term if term and follows else None
            if self.term is not None:  # said on its definition's line
                self.kinds[n] = _ITEM
                return n + 1
            if term:  # a term with no definition: an item of its own
                self.out[n], self.kinds[n] = "- " + _bold(term), _ITEM
        elif listed is not None and listed.group("marks").startswith(":"):
            said = _inline(listed.group("text"))
            if self.term is not None and said:
                self.out[n], self.kinds[n] = f"- {_bold(self.term)}: {said}", _ITEM
            elif said:
                self.out[n], self.kinds[n] = self._text(said, above)
        elif listed is not None:
            self.term = None
            self.out[n], self.kinds[n] = self._item(listed.group("marks"), listed.group("text"))
        else:
            self._end_lists()
            self.out[n], self.kinds[n] = self._text(_inline(line), above)
        if not self.out[n]:
            self._skip(n, "tiddlywiki metadata")
        return n + 1

    def _text(self, said: str, above: str) -> tuple[str, str]:
        """A paragraph's line: right under a list, a quote or a table, an item of a list of its
        own (Markdown would run it on into the item, the quote or the table)."""
        if not said:
            return "", _BLANK
        if above in (_ITEM, _QUOTE, _TABLE):
            return "+ " + block_safe(said), _ITEM
        return block_safe(said), _TEXT

    def _item(self, marks: str, body: str) -> tuple[str, str]:
        """A list's line ("**", "#", "#*") as a Markdown item, indented under the items it is
        in (a level deeper than the one above counts as one level deeper)."""
        marks = marks.replace(":", "").replace(";", "").replace(">", "") or "*"
        depth = min(len(marks), len(self.stack) + 1, _MAX_DEPTH)
        del self.stack[depth - 1 :]
        text = _inline(body)
        if not text:
            return "", _BLANK
        marker = "1. " if marks.endswith("#") else "- "
        indent = " " * sum(self.stack)
        self.stack.append(len(marker))
        return indent + marker + block_safe(text), _ITEM

    def _table(self, n: int, stop: int) -> int:
        """The table whose rows start at line n, as a GFM table on its lines; the line after
        it. Its rule takes a blank line above it or a class or caption row's line, else the
        blank line below; with none, its rows are written as items."""
        end = n
        while end < stop and _ROW.match(self.src[end]):
            end += 1
        caption = ""
        header: tuple[int, list[str]] | None = None
        rows: list[tuple[int, list[str]]] = []
        for k in range(n, end):
            row = _ROW.match(self.src[k])
            kind = row.group("kind") if row is not None else "k"
            if row is None or kind == "k":
                self.out[k] = ""
            elif kind == "c":
                caption = caption or _inline(" ".join(_cells(row.group("body"))))
                self.out[k] = ""
            else:
                cells = _cells(row.group("body"))
                if header is None and (kind == "h" or all(c.startswith("!") for c in cells)):
                    header = (k, cells)
                else:
                    rows.append((k, cells))
        if header is None and rows:
            header = rows.pop(0)
        if header is None:
            return end
        grid = _grid([header[1], *(cells for _, cells in rows)])
        lines = [_row(grid[0]), _row(["---"] * len(grid[0])), *(_row(r) for r in grid[1:])]
        blocks = [lines] if not caption else [[f"**{caption}**", *lines], lines]
        best = self._layout(n, min(end, stop), blocks, [k for k, _ in rows], header[0])
        if best is not None:
            start, block, at, past = best
            if start < n and self.src[start].strip():  # the heading above moves up a line
                self.out[start - 1], self.kinds[start - 1] = self.out[start], _HEAD
            for k in range(start, past):
                self.out[k], self.kinds[k] = "", _BLANK
            for k, text in zip(at, block, strict=True):
                self.out[k], self.kinds[k] = text, _TABLE
            self._spare_rows_skipped(n, end, len(block) == len(lines) and bool(caption))
            return past
        # no line for the rule: each row an item of its cells, on its line
        for k, cells in [header, *rows]:
            words = [c for c in (_cell(c) for c in cells) if c]
            self.out[k], self.kinds[k] = ("- " + "; ".join(words) if words else ""), _ITEM
        self._spare_rows_skipped(n, end, bool(caption))
        return end

    def _layout(
        self, n: int, end: int, blocks: list[list[str]], rows: list[int], header: int
    ) -> tuple[int, list[str], list[int], int] | None:
        """Where the lines of a table (its rows on lines n to end, theirs first in rows, its
        header row's on line header) go, each block of them tried (with its caption, without):
        the first line taken, the block, the line of each of its lines and the line after them;
        none when no block fits. The lines are the table's, a blank line above it and one below
        it; rows moved off their lines count against a layout, as does a heading right above the
        table moving up a line (onto a blank line) to give it that line."""
        starts = [(n, 0)]
        if n > 0 and not self.src[n - 1].strip() and not self.out[n - 1]:
            starts.append((n - 1, 0))
        elif n > 1 and self.kinds[n - 1] == _HEAD and not self.src[n - 2].strip():
            starts.append((n - 1, 1))
        stops = [end, end + 1] if end < len(self.src) and not self.src[end].strip() else [end]
        first = rows[0] if rows else header + 2
        best: tuple[int, tuple[int, list[str], list[int], int]] | None = None
        for dropped, block in enumerate(blocks):  # a caption dropped counts as a line moved
            ahead = len(block) - len(rows)  # its lines before the first row
            ideal = [first - ahead + i for i in range(ahead)] + rows
            for stop in stops:
                for start, moved in starts:
                    cost = moved + dropped
                    at = _place(ideal, start, stop)
                    if at is None:
                        continue
                    cost += sum(abs(a - b) for a, b in zip(at[ahead:], rows, strict=True))
                    if best is None or cost < best[0]:
                        best = (cost, (start, block, at, stop))
        return best[1] if best is not None else None

    def _spare_rows_skipped(self, n: int, end: int, caption: bool) -> None:
        """The table's class rows and, when its caption found no line, its caption row, as
        skipped where no line of the table took their line."""
        for k in range(n, end):
            row = _ROW.match(self.src[k])
            kind = row.group("kind") if row is not None else ""
            if not self.out[k] and (kind == "k" or (kind == "c" and caption)):
                self._skip(k, "tiddlywiki metadata" if kind == "k" else "table caption")


def _next(lines: list[int], n: int, stop: int) -> int | None:
    """The first of the lines after line n, when before line stop."""
    at = bisect.bisect_right(lines, n)
    return lines[at] if at < len(lines) and lines[at] < stop else None


def _place(ideal: list[int], start: int, past: int) -> list[int] | None:
    """Lines for a table's lines, each as near the line it wants as may be, in order, from line
    start up to line past; none when they do not fit."""
    at: list[int] = []
    for want in ideal:
        at.append(max(want, at[-1] + 1 if at else start))
    if at[-1] >= past:
        at[-1] = past - 1
        for k in range(len(at) - 2, -1, -1):
            at[k] = min(at[k], at[k + 1] - 1)
    return at if at[0] >= start else None


def _uncommented(line: str, comment: bool) -> tuple[str, bool]:
    """The line without its comments' words, and whether a comment stays open after it."""
    kept: list[str] = []
    at = 0
    while at <= len(line):
        if comment:
            end = line.find("-->", at)
            if end < 0:
                return "".join(kept), True
            at, comment = end + 3, False
        else:
            start = line.find("<!--", at)
            if start < 0:
                kept.append(line[at:])
                break
            kept.append(line[at:start])
            at, comment = start + 4, True
    return "".join(kept), comment


def _cells(body: str) -> list[str]:
    """A table row's cells, split at "|" outside a link, a transclusion, a macro call and a code
    span; each as it is written, its "!" kept."""
    cells: list[str] = []
    depth = {"[[": 0, "{{": 0, "<<": 0}
    closers = {"]]": "[[", "}}": "{{", ">>": "<<"}
    spans = dict(_code_ranges(body)) if "`" in body else {}
    start = at = 0
    while at < len(body):
        if at in spans:
            at = spans[at]
            continue
        ch = body[at]
        pair = body[at : at + 2]
        if pair in depth:
            depth[pair] += 1
            at += 2
            continue
        if pair in closers and depth[closers[pair]]:
            depth[closers[pair]] -= 1
            at += 2
            continue
        if ch == "|" and not any(depth.values()):
            cells.append(body[start:at])
            start = at + 1
        at += 1
    cells.append(body[start:])
    cells = capped(cells, _MAX_COLUMNS)
    return [c.strip() for c in cells]


def _cell(raw: str) -> str:
    """A cell's words as Markdown, without its header mark, its "|" escaped."""
    return _inline(raw.removeprefix("!")).replace("|", "\\|")


def _grid(rows: list[list[str]]) -> list[list[str]]:
    """A table's rows as Markdown cells: a "~" cell holds the text of the cell above it, a ">"
    or "<" cell (merged into its neighbour) is empty."""
    grid: list[list[str]] = []
    for cells in rows:
        row: list[str] = []
        for col, raw in enumerate(cells):
            if raw == "~":
                above = grid[-1] if grid else []
                row.append(above[col] if col < len(above) else "")
            else:
                row.append("" if raw in (">", "<") else _cell(raw))
        grid.append(row)
    width = max(len(r) for r in grid)
    return [r + [""] * (width - len(r)) for r in grid]


def _row(cells: list[str]) -> str:
    """A pipe table's row."""
    return "| " + " | ".join(cells) + " |"


def _bold(term: str) -> str:
    """A definition's term in bold (as it is when already bold in part)."""
    return term if "**" in term else f"**{term}**"


def _inline(text: str) -> str:
    """TiddlyWiki's inline marks as Markdown's: ''bold'' and @@highlight@@ as **bold**,
    //italics// and __underline__ as *italics*, {{{code}}} and `code` as code spans, a link as
    a Markdown or wiki link (the words it shows counted as a link's); macro calls, widgets' tags, transclusions, filters and images dropped.
    Markdown's own marks in the words are escaped."""
    slots: list[str] = []

    def kept(value: str) -> str:
        slots.append(value)
        return f"\ue000{len(slots) - 1}\ue001"

    if "<!--" in text:
        text = _uncommented(text, False)[0]
    if "{{{" in text:
        text = _code(text, kept)
    if "`" in text:
        text = _code_spans(text, kept)
    if "<<" in text:
        text = _macros(text)
    if "<" in text:
        text = _WIDGET.sub("", text)
        text = _BR.sub(" ", text)
        text = _LAYOUT_TAG.sub("", text)
    if "{{" in text:
        text = _TRANSCLUSION.sub("", text)
    if "[" in text:
        text = _IMAGE.sub("", text)
        text = _EXT.sub(lambda m: kept(_link(m.group("body"))), text)
        text = _LINK.sub(lambda m: kept(_link(m.group("body"))), text)
    text = _URL.sub(lambda m: kept(m.group(0)), text)
    if "~" in text:
        text = _TILDE.sub("", text)
    for mark, placeholder in _PAIRED:
        if mark in text:
            text = _paired(text, mark, placeholder)
    text = _ESCAPE.sub(r"\\\g<0>", text)
    text = _MARK.sub(lambda m: _MARKS[m.group(0)], text)
    text = _SPACES.sub(" ", text).strip()
    return _SLOT.sub(lambda m: slots[int(m.group(1))], text)


def _code(text: str, kept: Callable[[str], str]) -> str:
    """Each {{{…}}} as a code span, or dropped when it holds a filter (its output is other
    tiddlers)."""
    pieces: list[str] = []
    at = 0
    while (start := text.find("{{{", at)) >= 0:
        end = text.find("}}}", start + 3)
        if end < 0:
            break
        body = text[start + 3 : end]
        pieces += [text[at:start], _code_or_filter(body, kept)]
        at = end + 3
    return "".join(pieces) + text[at:]


def _code_or_filter(body: str, kept: Callable[[str], str]) -> str:
    """A {{{…}}}'s text as a code span; none for a filter or a template's transclusion."""
    return "" if _FILTER.match(body) or "||" in body else kept(code_span(body))


def _code_ranges(text: str) -> list[tuple[int, int]]:
    """Where each `…` or ``…`` code span starts and ends: a run of backticks opens one when a
    run as long closes it later; one no run closes is a backtick of the words."""
    runs = list(_BACKTICKS.finditer(text))
    closable = [False] * len(runs)
    seen: set[int] = set()
    for k in range(len(runs) - 1, -1, -1):  # a run as long comes after this one
        width = len(runs[k].group(0))
        closable[k] = width in seen
        seen.add(width)
    ranges: list[tuple[int, int]] = []
    opening: re.Match[str] | None = None
    for k, run in enumerate(runs):
        if opening is None:
            opening = run if closable[k] else None
        elif len(run.group(0)) == len(opening.group(0)):
            ranges.append((opening.start(), run.end()))
            opening = None
    return ranges


def _code_spans(text: str, kept: Callable[[str], str]) -> str:
    """Each `…` or ``…`` code span kept as it is (Markdown reads it the same way)."""
    pieces: list[str] = []
    at = 0
    for start, end in _code_ranges(text):
        pieces += [text[at:start], kept(text[start:end])]
        at = end
    return "".join(pieces) + text[at:]


def _macros(text: str) -> str:
    """The text without its <<macro …>> calls (a "<<<" is no call)."""
    pieces: list[str] = []
    at = 0
    while (start := text.find("<<", at)) >= 0:
        if text.startswith("<<<", start):
            pieces.append(text[at : start + 3])
            at = start + 3
            continue
        end = text.find(">>", start + 2)
        if end < 0:
            break
        pieces.append(text[at:start])
        at = end + 2
    return "".join(pieces) + text[at:]


def _paired(text: str, mark: str, placeholder: str) -> str:
    """Each pair of the mark around words as the placeholder around them; a highlight without
    its class or style."""
    pieces: list[str] = []
    at = 0
    while (start := text.find(mark, at)) >= 0:
        if mark == "//" and text[start - 1 : start] == ":":  # an address's "://"
            pieces.append(text[at : start + 2])
            at = start + 2
            continue
        end = text.find(mark, start + len(mark))
        if end < 0:
            break
        body = text[start + len(mark) : end]
        if mark == "@@":
            body = _HIGHLIGHT_STYLE.sub("", body)
        pieces += [text[at:start], _marked(placeholder, body)]
        at = end + len(mark)
    return "".join(pieces) + text[at:]


def _marked(mark: str, body: str) -> str:
    """Words between a mark, the spaces inside it moved out (CommonMark reads "** x **" as no
    emphasis); a mark of no Markdown ("^" of sup) before them only."""
    words = body.strip()
    if not words:
        return body
    lead = body[: len(body) - len(body.lstrip())]
    trail = body[len(body.rstrip()) :]
    after = mark if mark in _MARKS else ""
    return f"{lead}{mark}{words}{after}{trail}"


def _link(body: str) -> str:
    """A link as Markdown's link (to an address) or a wiki link "[[Target|words]]" (to a
    tiddler), showing its words: its text before "|", else its target."""
    label, piped, target = body.partition("|")
    target = (target if piped else label).strip()
    words = label.strip() if piped and label.strip() else target
    escaped = _ESCAPE.sub(r"\\\g<0>", words).replace("]", "\\]")
    if _URL.fullmatch(target) and "(" not in target and ")" not in target:
        return f"[{escaped}]({target})"
    page = _NOT_IN_LINK.sub("", target).strip()
    shown = _NOT_IN_LINK.sub("", words).strip()
    if not page or not shown:
        return escaped
    return f"[[{page}|{shown}]]"
