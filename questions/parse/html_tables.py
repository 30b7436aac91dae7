"""HTML tables and answer boxes pasted into Markdown notes, read as the Markdown they stand for.

Notes copied from a course's handouts or a web page keep their tables as HTML ("<table><tr>
<th>…</th></tr><tr><td>…</td></tr></table>", cells merged with rowspan and colspan, lines
broken with "<br>", words marked with "<b>", "<code>", "<mark>" or "<font color=red>"), and
hide worked answers in "<details><summary>答案</summary> … </details>" boxes. Markdown reads
such a table as a block of HTML, which says nothing, so a table-heavy file asked almost
nothing. Here each table becomes the pipe table a reader sees: a merged cell's text in every
cell it covers, a line break as "; " ("；" in Chinese), bold and code as Markdown marks them.
An answer box's tags go, its label ("Show answer") is no fact, and its body is read as notes.
A table's rows are packed from its first line and the rest of its lines left blank, so the
notes keep their lines and every question still points at its line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from html.parser import HTMLParser

from markdown_it import MarkdownIt

from questions.parse.plain_text import pipe_row

#: a line that may hold either: notes with none come back as they are
_ANY = re.compile(r"<(?:table|details)\b", re.I)
_TABLE_TAG = re.compile(r"<(?P<close>/?)table\b", re.I)
#: a line of a table's markup: a row, a cell, a caption, a row group, a column
_STRUCTURE = re.compile(r"</?(?:t[rdh]|caption|thead|tbody|tfoot|colgroup|col|table)\b", re.I)
_HEADING = re.compile(r"^\s{0,3}#{1,6}(?:\s|$)")
#: a line that opens a block of its own: a heading, a list item, a quote, a fence, a rule
_BLOCK_START = re.compile(
    r"^ {0,3}(?:#{1,6}(?:\s|$)|(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)|>|```|~~~|(?:[-*_][ \t]*){3,}$)"
)
_BOX_TAG = re.compile(r"<(?P<close>/?)(?P<tag>details|summary)\b[^<>]*>", re.I)
_SUMMARY_CLOSE = re.compile(r"</summary\s*>", re.I)
#: what contains a line's text: a quote's marks, list markers, indentation
_PREFIX = re.compile(r"^(?:[ \t]*(?:>|(?:[-*+]|\d{1,9}[.)])(?=[ \t])))*[ \t]*")
_MARKER = re.compile(r"[-*+]|\d{1,9}[.)]")
_QUOTE_MARK = re.compile(r"[ \t]*>[ \t]?")
#: a whole tag, no "<" inside it: any other "<" is text
_WHOLE_TAG = re.compile(r"<(?P<end>/?)(?P<name>[A-Za-z][\w-]*)[^<>]*>")
_TAGS = re.compile(r"<[^<>]*>")
_NUMBER = re.compile(r"\d+")
_SPACES = re.compile(r"\s+")
_TICKS = re.compile(r"`+")
_CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]")
#: what ends a clause: the cell's next part follows it with no separator of its own
_CLAUSE_END = frozenset(";；。.,，:：、!！?？")
_PUNCT = r"""!"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~"""
#: what Markdown would read as its own in a cell's text: escapes, emphasis, code, the cell's
#: border, a tag, an entity
_ESCAPE = re.compile(rf"\\(?=[{_PUNCT}])|[*`|]|<(?=[A-Za-z/!?])|&(?=#?\w+;)")
_ESCAPED = {"\\": "\\\\", "*": r"\*", "`": r"\`", "|": r"\|", "<": "&lt;", "&": "&amp;"}
#: tags whose text is no cell's: a label, a script, a style ("template" stands in for the
#: last two, so the parser never reads raw text up to an end tag that may not come)
_SILENT = frozenset({"summary", "template"})
_MARKS = {"b": "**", "strong": "**", "i": "*", "em": "*", "s": "~~", "del": "~~", "strike": "~~"}
_CODE = frozenset({"code", "kbd", "tt", "samp"})
#: tags that break a cell's text into parts, as "<br>" does
_BREAKS = frozenset({"br", "p", "div", "li", "hr", "ul", "ol", "dd", "dt", "tr", "td", "th"})
_MAX_COLUMNS = 64
_MAX_SPAN = 100_000
_MAX_SUMMARY_LINES = 3
_MAX_MARKS = 16
_MAX_NOISE_TEXT = 200
_BREAK = "\n"

_BLOCKS = MarkdownIt("commonmark").disable("inline")


@dataclass(frozen=True)
class _Cell:
    text: str
    head: bool
    rowspan: int = 1
    colspan: int = 1


_EMPTY = _Cell("", False)


@dataclass
class _Text:
    """A cell's text as it is read, with the marks still open and where they opened."""

    parts: list[str] = field(default_factory=list)
    marks: list[tuple[str, int]] = field(default_factory=list)
    code: int = 0

    def add(self, data: str) -> None:
        data = _SPACES.sub(" ", data)
        if self.code:
            self.parts.append(data.replace("|", r"\|"))
        else:
            self.parts.append(_ESCAPE.sub(lambda m: _ESCAPED[m.group()], data))

    def line_break(self) -> None:
        if self.parts:
            self.parts.append(" " if self.code else _BREAK)

    def open(self, tag: str) -> None:
        if not self.code and len(self.marks) < _MAX_MARKS:
            self.marks.append((tag, len(self.parts)))
            self.code += tag == "code"

    def close(self, tag: str) -> None:
        at = next((k for k in range(len(self.marks) - 1, -1, -1) if self.marks[k][0] == tag), None)
        if at is None or (self.code and tag != "code"):
            return
        start = self.marks[at][1]
        del self.marks[at:]
        body = "".join(self.parts[start:])
        if tag == "code":
            self.code = 0
            core = body.strip()
            if core:
                ticks = "`" * (max((len(r) for r in _TICKS.findall(core)), default=0) + 1)
                pad = " " if core.startswith("`") or core.endswith("`") else ""
                body = f"{ticks}{pad}{core}{pad}{ticks}"
        elif tag == "sup":  # "2<sup>k</sup>" is 2^k, not 2k
            glued = start > 0 and self.parts[start - 1][-1:].strip()
            short = 0 < len(body.strip()) <= 4 and _BREAK not in body
            body = "^" + body.strip() if short and glued else body
        else:
            body = _BREAK.join(_marked(part, _MARKS[tag]) for part in body.split(_BREAK))
        self.parts[start:] = [body]

    def text(self) -> str:
        out = ""
        for part in "".join(self.parts).split(_BREAK):
            part = " ".join(part.split())
            if not part:
                continue
            if out:
                before, after = out.rstrip("*`~\\")[-1:], part.lstrip("*`~\\")[:1]
                if before in _CLAUSE_END:
                    out += "" if _CJK.match(before) else " "
                else:
                    out += "；" if _CJK.match(before) or _CJK.match(after) else "; "
            out += part
        return out


def _marked(part: str, mark: str) -> str:
    """Text marked bold (or italic, or struck) as Markdown marks it, the marks on its words."""
    core = part.strip()
    if not core or (core.startswith(mark) and core.endswith(mark)):
        return part
    lead, trail = part[: len(part) - len(part.lstrip())], part[len(part.rstrip()) :]
    return f"{lead}{mark}{core}{mark}{trail}"


class _TableReader(HTMLParser):
    """The rows of the outermost table it is fed: its cells' text and spans, and its caption.
    A table inside a cell is read as more of that cell's text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[list[_Cell]] = []
        self.captions: list[str] = []
        self.depth = 0
        self.done = False
        self.silent = 0
        self.in_row = False
        self.cell: _Text | None = None
        self.caption: _Text | None = None
        self.head = False
        self.spans = (1, 1)

    def _end(self) -> None:
        """The cell or caption open ends."""
        if self.cell is not None:
            if not self.in_row:
                self.rows.append([])
                self.in_row = True
            self.rows[-1].append(_Cell(self.cell.text(), self.head, *self.spans))
        if self.caption is not None and self.caption.text():
            self.captions.append(self.caption.text())
        self.cell = self.caption = None

    def _text(self) -> _Text | None:
        return self.cell if self.cell is not None else self.caption

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.done:
            return
        if tag in _SILENT:
            self.silent += 1
        elif tag == "table":
            self.depth += 1
            if self.depth > 1 and self.cell is not None:
                self.cell.line_break()
        elif self.depth == 1 and tag in ("tr", "td", "th", "caption"):
            self._end()
            if tag == "tr":
                self.rows.append([])
                self.in_row = True
            elif tag == "caption":
                self.caption = _Text()
            else:
                self.cell, self.head = _Text(), tag == "th"
                self.spans = (_span(attrs, "rowspan"), _span(attrs, "colspan"))
        elif (text := self._text()) is not None:
            if tag in _BREAKS:
                text.line_break()
            elif tag in _MARKS or tag == "sup":
                text.open(tag)
            elif tag in _CODE:
                text.open("code")
            elif tag == "img" and (alt := dict(attrs).get("alt") or "").strip():
                text.add(alt)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _SILENT and tag != "table":  # "<summary/>", "<table/>": nothing
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if self.done:
            return
        if tag in _SILENT:
            self.silent = max(0, self.silent - 1)
        elif tag == "table":
            self.depth -= 1
            if self.depth <= 0:
                self._end()
                self.done = True
        elif self.depth == 1 and tag in ("tr", "td", "th", "caption"):
            self._end()
            self.in_row = self.in_row and tag != "tr"
        elif (text := self._text()) is not None:
            if tag in ("p", "div", "li"):
                text.line_break()
            elif tag in _MARKS or tag == "sup":
                text.close(tag)
            elif tag in _CODE:
                text.close("code")

    def handle_data(self, data: str) -> None:
        text = self._text()
        if not self.done and not self.silent and text is not None:
            text.add(data)

    def read(self, markup: str) -> None:
        self.feed(_sanitized(markup))
        self.close()
        self._end()


def _span(attrs: list[tuple[str, str | None]], name: str) -> int:
    m = _NUMBER.search(dict(attrs).get(name) or "")
    if m is None:
        return 1
    n = int(m.group()[:6])
    return _MAX_SPAN if n == 0 and name == "rowspan" else min(max(n, 1), _MAX_SPAN)


def _carry(cells: list[_Cell], carried: dict[int, tuple[_Cell, int]], upto: int) -> None:
    """Fill the row up to a column with the cells merged down from above (empty elsewhere)."""
    while len(cells) < min(upto, _MAX_COLUMNS):
        above = carried.pop(len(cells), None)
        if above is None:
            cells.append(_EMPTY)
            continue
        if above[1] > 1:
            carried[len(cells)] = (above[0], above[1] - 1)
        cells.append(above[0])


def _grid(rows: list[list[_Cell]]) -> list[list[_Cell]]:
    """The rows with each merged cell written into every cell it covers, as it is seen."""
    out: list[list[_Cell]] = []
    carried: dict[int, tuple[_Cell, int]] = {}  # column: the cell above, rows it still covers
    for row in rows:
        cells: list[_Cell] = []
        for cell in row:
            while len(cells) < _MAX_COLUMNS and len(cells) in carried:
                _carry(cells, carried, len(cells) + 1)
            col = len(cells)
            for k in range(min(cell.colspan, _MAX_COLUMNS - col)):
                cells.append(cell)
                if cell.rowspan > 1:
                    carried[col + k] = (cell, cell.rowspan - 1)
        if carried:
            _carry(cells, carried, max(carried) + 1)
        out.append(cells)
    return out


@dataclass(frozen=True)
class _Read:
    rows: list[list[str]]  # the header first; none for a table not asked
    caption: str  # its caption, or the rows spanning it whole above its header
    notes: list[str]  # the rows spanning it whole below its last row: notes on it
    groups: list[str]  # the rows spanning it whole between its rows: labels of the rows below
    text: str  # its cells' text, for a table not asked


def _whole_width(row: list[_Cell]) -> bool:
    """A row of one cell spanning the table: a title, a note or a group's label, no row."""
    return len(row) >= 2 and all(c is row[0] for c in row)


def _read_table(markup: str) -> _Read:
    reader = _TableReader()
    reader.read(markup)
    grid = [r for r in _grid(reader.rows) if any(c.text for c in r)]
    width = max((len(r) for r in grid), default=0)
    grid = [r + [_EMPTY] * (width - len(r)) for r in grid]
    used = [j for j in range(width) if any(r[j].text for r in grid)]
    grid = [[r[j] for j in used] for r in grid]
    text = " / ".join(" | ".join(c.text for c in r if c.text) for r in grid)
    titles = list(reader.captions)
    while len(grid) > 1 and _whole_width(grid[0]):
        titles.append(grid.pop(0)[0].text)
    notes: list[str] = []
    while len(grid) > 1 and _whole_width(grid[-1]):
        notes.insert(0, grid.pop()[0].text)
    if len(used) < 2 or _whole_width(grid[0]):
        return _Read([], "", [], [], text)
    # the rows of header cells on top name the columns; else the first row does
    heads = 1
    if all(c.head for c in grid[0]):
        while heads < len(grid) - 1 and all(c.head for c in grid[heads]):
            heads += 1
    header = [_header(r[j].text for r in grid[:heads]) for j in range(len(used))]
    body = grid[heads:]
    groups = [r[0].text for r in body if _whole_width(r)]
    rows = [header] + [[c.text for c in r] for r in body if not _whole_width(r)]
    return _Read(rows, "; ".join(titles), notes, groups, text)


def _header(names: Iterable[str]) -> str:
    """A column's name from its header rows: "Admin distance (Cisco)" of "Admin distance"
    over "Cisco"."""
    parts: list[str] = []
    for name in names:
        if name and name not in parts:
            parts.append(name)
    if len(parts) < 2:
        return parts[0] if parts else ""
    if any(_CJK.search(p) for p in parts):
        return parts[0] + "".join(f"（{p}）" for p in parts[1:])
    return parts[0] + "".join(f" ({p})" for p in parts[1:])


def _sanitized(markup: str) -> str:
    """The markup with comments removed and each "<" that opens no whole tag written as text,
    so the parser never looks far ahead for a tag's end, nor more than once."""
    out: list[str] = []
    i = 0
    while (j := markup.find("<", i)) >= 0:
        out.append(markup[i:j])
        if markup.startswith("<!--", j):
            k = markup.find("-->", j + 4)
            i = len(markup) if k < 0 else k + 3  # a comment never closed runs to the end
            continue
        m = _WHOLE_TAG.match(markup, j)
        if m is None:
            out.append("&lt;")
            i = j + 1
            continue
        if m.group("name").lower() in ("script", "style"):
            out.append(f"<{m.group('end')}template>")
        else:
            out.append(m.group())
        i = m.end()
    out.append(markup[i:])
    return "".join(out)


def _code_lines(lines: list[str]) -> bytearray:
    """Which lines are code (fenced or indented): what they hold is shown, not read."""
    code = bytearray(len(lines))
    for tok in _BLOCKS.parse("\n".join(lines)):
        if tok.type in ("fence", "code_block") and tok.map:
            for k in range(tok.map[0], min(tok.map[1], len(lines))):
                code[k] = 1
    return code


def _outside_code(line: str, matches: Iterable[re.Match[str]]) -> list[re.Match[str]]:
    """The matches not inside one of the line's code spans (an odd number of backticks
    before them)."""
    out: list[re.Match[str]] = []
    ticks = at = 0
    for m in matches:
        ticks += line.count("`", at, m.start())
        at = m.start()
        if ticks % 2 == 0:
            out.append(m)
    return out


def _openings(line: str) -> list[int]:
    return [m.start() for m in _outside_code(line, _TABLE_TAG.finditer(line)) if not m["close"]]


def _table_ends(lines: list[str], code: bytearray) -> dict[tuple[int, int], tuple[int, int]]:
    """Each table's opening (line, column) with its closing's (line, column after it), matched
    as brackets are: a table inside a cell closes before the one around it."""
    opened: list[tuple[int, int]] = []
    ends: dict[tuple[int, int], tuple[int, int]] = {}
    for n, line in enumerate(lines):
        if code[n] or "<" not in line:
            continue
        for m in _outside_code(line, _TABLE_TAG.finditer(line)):
            if not m["close"]:
                opened.append((n, m.start()))
            elif opened:
                end = line.find(">", m.end())
                ends[opened.pop()] = (n, len(line) if end < 0 else end + 1)
    return ends


def _unclosed_end(lines: list[str], code: bytearray, n: int) -> int:
    """The last line of a table never closed: its last line of table markup before a blank
    line not followed by more, a heading or the next table."""
    last = n
    for k in range(n + 1, len(lines)):
        line = lines[k]
        if _HEADING.match(line) or (not code[k] and _openings(line)):
            break
        if _STRUCTURE.search(line):
            last = k
        elif not line.strip() and (k + 1 >= len(lines) or not _STRUCTURE.search(lines[k + 1])):
            break
    return last


class _Notes:
    """The notes' lines being rewritten, and what was dropped from them."""

    def __init__(self, lines: list[str]) -> None:
        self.src = lines
        self.out = list(lines)
        self.code = _code_lines(lines)
        self.skipped: list[tuple[int, str, str]] = []

    def skip(self, n: int, reason: str, text: str) -> None:
        text = " ".join(text.split())
        if len(text) > _MAX_NOISE_TEXT:
            text = text[: _MAX_NOISE_TEXT - 1] + "…"
        if text:
            self.skipped.append((n + 1, reason, text))

    def unboxed(self, n: int, line: str) -> str:
        """The line without an answer box's tags, and without its label (skipped)."""
        tags = _outside_code(line, _BOX_TAG.finditer(line))
        if not tags:
            return line
        kept: list[str] = []
        at = 0
        label: int | None = None  # where the open label's text starts
        for m in tags:
            if label is None:
                kept.append(line[at : m.start()])
            if m["tag"].lower() == "summary":
                if not m["close"] and label is None:
                    label = m.end()
                elif m["close"] and label is not None:
                    self.skip(n, "answer box label", _TAGS.sub("", line[label : m.start()]))
                    label = None
            at = m.end()
        if label is None:
            kept.append(line[at:])
        else:
            self.skip(n, "answer box label", _TAGS.sub("", line[label:]))
            self._label_below(n)
        return "".join(kept)

    def _label_below(self, n: int) -> None:
        """A label running on to the lines below up to its closing tag: those lines too."""
        for k in range(n + 1, min(n + 1 + _MAX_SUMMARY_LINES, len(self.src))):
            close = _SUMMARY_CLOSE.search(self.src[k])
            if close is not None:
                for j in range(n + 1, k):
                    self.skip(j, "answer box label", _TAGS.sub("", self.src[j]))
                    self.out[j] = ""
                self.skip(k, "answer box label", _TAGS.sub("", self.src[k][: close.start()]))
                self.out[k] = _blank_if_bare(
                    self.src[k], self.unboxed(k, self.src[k][close.end() :])
                )
                return


def _blank_if_bare(line: str, kept: str) -> str:
    """A line left with no text once its tags are gone: blank, but for a quote's marks or the
    marker of the list item it opens."""
    if kept == line:
        return line
    prefix = _PREFIX.match(kept)
    rest = kept[prefix.end() :] if prefix else kept
    return kept if rest.strip() else kept.rstrip()


def html_tables_as_markdown(lines: list[str]) -> tuple[list[str], list[tuple[int, str, str]]]:
    """The lines with each HTML table as a pipe table and answer boxes opened, and what was
    dropped as (line number, reason, text); the lines as they were for notes with neither."""
    if not any(_ANY.search(line) for line in lines):
        return lines, []
    notes = _Notes(lines)
    ends = _table_ends(lines, notes.code)
    n = 0
    while n < len(lines):
        line = lines[n]
        if notes.code[n] or notes.out[n] != line or "<" not in line:
            n += 1
        elif opening := _openings(line):
            n = _table(notes, n, opening[0], ends.get((n, opening[0])))
        else:
            notes.out[n] = _blank_if_bare(line, notes.unboxed(n, line))
            n += 1
    return notes.out, notes.skipped


def _markup(notes: _Notes, n: int, at: int, end: int, stop: int | None, quotes: int) -> str:
    """The table's markup from its opening tag to its closing one, without a quote's marks."""
    markup: list[str] = []
    for k in range(n, end + 1):
        line = notes.src[k]
        start = at
        if k > n:
            start = 0
            for _ in range(quotes):
                m = _QUOTE_MARK.match(line, start)
                if m is None:
                    break
                start = m.end()
        markup.append(line[start : stop if k == end and stop is not None else len(line)])
    return "\n".join(markup)


def _table(notes: _Notes, n: int, at: int, close: tuple[int, int] | None) -> int:
    """Write the table opening at line n, column at, as a pipe table; the line after it."""
    lines = notes.src
    m = _PREFIX.match(lines[n][:at])
    prefix = m.group() if m else ""
    inner = _MARKER.sub(lambda m: " " * len(m.group()), prefix)  # the lines under the first
    quotes = prefix.count(">")
    lead = notes.unboxed(n, lines[n][len(prefix) : at]).strip()
    end, stop = close if close is not None else (_unclosed_end(lines, notes.code, n), None)
    read = _read_table(_markup(notes, n, at, end, stop, quotes))
    trail = notes.unboxed(end, lines[end][stop:]).strip() if stop is not None else ""
    if _STRUCTURE.search(trail):  # "</table><table>…": another table's markup on the line
        notes.skip(end, "html table markup", _TAGS.sub(" ", trail))
        trail = ""
    for group in read.groups:
        notes.skip(n, "html table group row", group)
    if read.caption and lead:
        notes.skip(n, "html table caption", read.caption)
    elif read.caption:
        lead = read.caption + ("：" if _CJK.search(read.caption[-1]) else ":")
    # the lines the table may take: its own and the blank ones after it, but for one left
    # blank before the next line of text (or the rows would run into it)
    after = end + 1
    while quotes == 0 and after < len(lines) and not lines[after].strip():
        after += 1
    room = after - n - (after < len(lines) and not _ends_table(lines[after], inner, quotes))
    for k in range(n, after):
        notes.out[k] = prefix.rstrip() if k == n else inner.rstrip()
    table: list[str] = []
    if read.rows:
        table = [pipe_row(read.rows[0]), "|" + "---|" * len(read.rows[0])]
        table += [pipe_row(r) for r in read.rows[1:]]
    else:
        notes.skip(n, "html table of one column" if read.text else "html layout table",
                   read.text or lines[n])  # fmt: skip
    # what follows the table, each its own paragraph: its notes, the text after its end tag
    below = [*read.notes, trail] if trail else list(read.notes)
    while below and bool(lead) + len(table) + 2 * len(below) > room:
        notes.skip(end, "html table text with no line", below.pop())
    if lead and 1 + len(table) > room:
        notes.skip(n, "html table text with no line", lead)
        lead = ""
    start = n
    if len(table) > room and _may_borrow(notes, n, prefix):
        start, room = n - 1, room + 1
    if len(table) > room:
        kept = room if room >= 3 else 0
        for row in read.rows[max(kept - 1, 0) :]:
            notes.skip(n, "html table row with no line", " | ".join(c for c in row if c))
        table = table[:kept]
    placed = ([lead] if lead else []) + table + [t for text in below for t in ("", text)]
    if placed and not table:
        placed = placed[1:] if not lead else placed  # no table: no blank line above the text
    _place(notes, start, n, prefix, inner, placed)
    return end + 1


def _ends_table(line: str, inner: str, quotes: int) -> bool:
    """The line ends a pipe table right above it: a heading, a list item, a quote, a fence or
    a rule, or a line left of the table's indentation (a table is no paragraph: no line is
    lazily more of it). A line of text or HTML would be read as one more of its rows."""
    if quotes:
        return False
    indent = len(line) - len(line.lstrip(" "))
    if inner and not inner.strip(" ") and indent < len(inner) and line.strip():
        return not line.lstrip().startswith(("<", "|"))
    return bool(_BLOCK_START.match(line))


def _place(notes: _Notes, start: int, n: int, prefix: str, inner: str, texts: list[str]) -> None:
    for k, text in enumerate(texts, start):
        marks = prefix if k == n else inner
        notes.out[k] = marks + text if text else marks.rstrip()


def _may_borrow(notes: _Notes, n: int, prefix: str) -> bool:
    """The blank line above a table may take its header: no quote or list item opens on the
    table's line, and no table ends right above it."""
    if n == 0 or prefix.strip() or notes.out[n - 1].strip():
        return False
    return n < 2 or not notes.out[n - 2].lstrip().startswith("|")
