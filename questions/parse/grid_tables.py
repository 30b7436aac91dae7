"""Tables drawn in ASCII art ("grid tables"), read as the pipe tables they stand for.

Notes typed in a plain-text editor, and Pandoc's and reST's grid tables, draw a table with
border lines ("+------+-------+", "+======+=====+" under the header) and rows of cells between
bars ("| cell | cell |"); a row's cells wrap over several lines. They box a title the same way
("+=====+" / "|  1. DOCKER RUN  |" / "+=====+"). Read as Markdown the borders are text and each
line of a row its own run of pipes, so the rows were lost or cut in pieces and a box's title
was a line of text instead of its section's heading.

Only a complete grid is read: border lines with their "+" at the same columns (display columns:
a Chinese character is two wide), every row's bars at those columns, a border first and last.
A row of several lines is one row, each cell's pieces joined by a space: between borders
(reST's rows), or in a body drawn with no border between its rows, a line with its first cell
empty, or its first cell indented and another cell empty, continuing the row above. The lines
above the first "+===+" (else above the first inner border, else the first line) are the
header. A box of one cell holding one or two short lines is a heading (its style, "=" or "-",
a level of its own in the order first used); a box of more text is that text. The pipe table
is packed from the grid's first line and its other lines left blank, so every later line keeps
its number and a blank line always ends the table. Fenced code is never read; a table indented
as code is still a table the writer drew.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from markdown_it import MarkdownIt

#: a border line: "+------+----+", a header's "+======+", Pandoc's "+:=====+"; possessive, so
#: a long line of dashes that is no border fails at once
_BORDER = re.compile(r"^(?P<prefix>[ \t>]*)\+(?:[-=:]+\+)+[ \t]*$")
#: a Markdown title on the notes' first line: box titles are one level below it
_ATX_H1 = re.compile(r"^ {0,3}#[ \t]+\S")
_SPACES = re.compile(r"\s+")
#: a bar not escaped: in a pipe table's cell it would end the cell
_BAR = re.compile(r"(?<!\\)\|")
#: what makes a boxed line a statement, not a title: "quorum = floor(N/2)+1", "a -> b"
_STATEMENT = re.compile(r"=|->|→")
_MAX_COLUMNS = 64
_MAX_TITLE_WORDS = 12
_MAX_TITLE_CHARS = 80
_MAX_BOX_TITLE_LINES = 2
#: how far a box's closing bar may be off its border's end
_BOX_SLACK = 3
#: a box's line ending so is a sentence, not a title
_SENTENCE_END = (".", ",", ";", ":", "。", "，", "；", "：")

_FENCED, _INDENTED = 1, 2
_BLOCKS = MarkdownIt("commonmark").disable("inline")


@dataclass
class _Grid:
    """A complete grid: where it is, and its lines as borders or rows of cells."""

    start: int  # its top border's line
    end: int  # the line after its bottom border
    prefix: str  # what every line holds before the grid: a quote's marks, indentation
    borders: dict[int, str]  # inner border lines by line number
    rows: dict[int, list[str]]  # row lines by line number: each cell's text as drawn


def _code_lines(lines: list[str]) -> tuple[bytearray, bytearray]:
    """Which lines are fenced or indented code, and which are inside a list's item."""
    code = bytearray(len(lines))
    listed = bytearray(len(lines))
    for tok in _BLOCKS.parse("\n".join(lines)):
        if not tok.map:
            continue
        kind = {"fence": _FENCED, "code_block": _INDENTED}.get(tok.type, 0)
        for k in range(tok.map[0], min(tok.map[1], len(lines))):
            if kind:
                code[k] = kind
            elif tok.type == "list_item_open":
                listed[k] = 1
    return code, listed


def _might_border(line: str) -> bool:
    return line.lstrip(" \t>").startswith("+")


def _border(line: str) -> tuple[str, list[int]] | None:
    """A border line's prefix and the columns of its "+"s; None for any other line."""
    if not _might_border(line):
        return None
    m = _BORDER.match(line)
    if m is None:
        return None
    prefix = m.group("prefix")
    cols = [k for k in range(len(prefix), len(line)) if line[k] == "+"]
    return (prefix, cols) if len(cols) <= _MAX_COLUMNS + 1 else None


def _width(ch: str) -> int:
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def _char_at(line: str) -> dict[int, int]:
    """The index of the character starting at each display column of a line."""
    at: dict[int, int] = {}
    col = 0
    for k, ch in enumerate(line):
        at.setdefault(col, k)
        col += _width(ch)
    at.setdefault(col, len(line))
    return at


def _cells(line: str, prefix: str, cols: list[int]) -> list[str] | None:
    """A row line's cells, as drawn between the grid's columns; None for a line that is no
    row of it. A bar missing at an inner column is a cell spanning it: its text is the first
    cell's, the cells it covers empty."""
    if not line.startswith(prefix):
        return None
    if len(cols) == 2:
        return _box_cell(line, prefix, cols[1])
    at = None if line.isascii() else _char_at(line)
    idx: list[int] = []
    for c in cols:
        k = c if at is None else at.get(c, -1)
        if k < 0 or k >= len(line):
            return None
        idx.append(k)
    if line[idx[0]] != "|" or line[idx[-1]] != "|" or line[idx[-1] + 1 :].strip():
        return None
    cells: list[str] = []
    opened, first = idx[0], 0  # where the open cell's text starts, and its column
    for j, k in enumerate(idx[1:]):
        if line[k] == "|":
            cells += [line[opened + 1 : k]] + [""] * (j - first)
            opened, first = k, j + 1
        elif line[k] == "+" or line[k - 1] == "|" or line[k + 1 : k + 2] == "|":
            return None  # a row span's border, or a bar off its column: no row of this grid
    return cells


def _box_cell(line: str, prefix: str, right: int) -> list[str] | None:
    """A line of a box of one cell, its closing bar where the border ends or a few columns
    off it (a title box typed by hand): no column of the box can be misread by it."""
    body = line[len(prefix) :].rstrip()
    if len(body) < 2 or body[0] != "|" or body[-1] != "|":
        return None
    width = len(prefix) + sum(_width(ch) for ch in body) - 1
    if abs(width - right) > _BOX_SLACK or body[1:2] in ("+", "-", "="):
        return None
    return [body[1:-1]]


def _drawn(line: str) -> bool:
    """The line is drawn as part of a table: a row or a border."""
    return line.lstrip(" \t>").startswith(("|", "+-", "+="))


def _grid_at(lines: list[str], n: int, code: bytearray) -> tuple[_Grid | None, int]:
    """The complete grid whose top border is line n, or None, and the line after the lines
    walked (a run of lines drawn like a table but no complete grid is left as it is)."""
    border = _border(lines[n])
    assert border is not None
    prefix, cols = border
    if n > 0 and _drawn(lines[n - 1]):
        return None, n + 1  # a row or a border above its first border: the grid is cut
    borders: dict[int, str] = {}
    rows: dict[int, list[str]] = {}
    k = n + 1
    last_border = n
    while k < len(lines) and code[k] != _FENCED:
        line = lines[k]
        b = _border(line)
        if b is not None and b == border:
            borders[k] = line
            last_border = k
        elif (cells := _cells(line, prefix, cols)) is not None:
            rows[k] = cells
        else:
            break
        k += 1
    if not rows or last_border != k - 1:
        return None, max(k, n + 1)
    if k < len(lines) and _drawn(lines[k]):
        return None, k + 1  # a line drawn as more of it, off its columns: the grid is broken
    borders.pop(k - 1)
    return _Grid(n, k, prefix, borders, rows), k


def _text(pieces: list[str]) -> str:
    """A cell's pieces as one text: joined by a space, but for a word broken at its hyphen
    ("on-" over "failure")."""
    out = ""
    for piece in pieces:
        piece = _SPACES.sub(" ", piece.strip())
        if not piece:
            continue
        if out and not (out.endswith("-") and out[-2:-1].isalpha() and piece[0].islower()):
            out += " "
        out += piece
    return out


def _row(lines: list[list[str]]) -> list[str]:
    """The lines of one row as its cells' texts."""
    return [_text([cells[j] for cells in lines]) for j in range(len(lines[0]))]


def _indent(cell: str) -> int:
    return len(cell) - len(cell.lstrip())


def _rows_of_lines(lines: list[list[str]]) -> list[list[str]]:
    """A body drawn with no border between its rows: each line a row, but for a line
    continuing the row above (its first cell empty, or indented with another cell empty)."""
    firsts = [_indent(c[0]) for c in lines if c[0].strip()]
    least = min(firsts, default=0)
    rows: list[list[list[str]]] = []
    for cells in lines:
        first = cells[0]
        empty = any(not c.strip() for c in cells[1:])
        continues = not first.strip() or (_indent(first) > least and empty)
        if rows and continues:
            rows[-1].append(cells)
        else:
            rows.append([cells])
    return [_row(r) for r in rows]


def _table(grid: _Grid) -> tuple[list[str], list[list[str]], str | None]:
    """The grid's header, its rows, and its header border's line ("+===+"), if any."""
    groups: list[list[list[str]]] = [[]]
    head_border: str | None = None
    heads = 0
    for k in range(grid.start + 1, grid.end - 1):
        if k in grid.borders:
            if heads == 0 and "=" in grid.borders[k]:
                heads, head_border = len(groups), grid.borders[k]
            groups.append([])
        else:
            cells = grid.rows[k]
            if any(c.strip() for c in cells):
                groups[-1].append(cells)
    head_groups = [g for g in groups[:heads] if g]
    body_groups = [g for g in groups[heads:] if g]
    if not head_groups and body_groups:
        first = body_groups.pop(0)
        if body_groups or len(first) == 1:
            head_groups = [first]
        else:  # one run of lines: its first line names the columns
            head_groups, body_groups = [first[:1]], [first[1:]]
    header = _row([c for g in head_groups for c in g]) if head_groups else []
    if len(body_groups) == 1:
        rows = _rows_of_lines(body_groups[0])
    else:
        rows = [_row(g) for g in body_groups]
    return header, rows, head_border


def _delimiter(border: str | None, prefix: str, used: list[int]) -> str:
    """The pipe table's delimiter row, aligned as the header's border says ("+:===+")."""
    parts = border[len(prefix) :].strip().strip("+").split("+") if border else []
    out = []
    for j in used:
        seg = parts[j] if j < len(parts) else ""
        left, right = seg.startswith(":"), seg.endswith(":") and len(seg) > 1
        out.append((":" if left else "") + "---" + (":" if right else ""))
    return "|" + "|".join(out) + "|"


def _escaped(text: str) -> str:
    """A cell's text with its bars kept from ending the cell."""
    return _BAR.sub(r"\\|", text)


def _is_title(text: str) -> bool:
    return (
        len(text) <= _MAX_TITLE_CHARS
        and len(text.split()) <= _MAX_TITLE_WORDS
        and not text.endswith(_SENTENCE_END)
        and _STATEMENT.search(text) is None
    )


class _Notes:
    """The notes' lines being rewritten, and what was dropped from them."""

    def __init__(self, lines: list[str]) -> None:
        self.src = lines
        self.out = list(lines)
        self.code, self.listed = _code_lines(lines)
        self.skipped: list[tuple[int, str, str]] = []
        self.levels: dict[str, int] = {}
        first = next((line for line in lines if line.strip()), "")
        self.base = 2 if _ATX_H1.match(first) else 1

    def place(self, grid: _Grid, texts: dict[int, str]) -> None:
        """The grid's lines: each given one its text, the others blank (a quote's marks)."""
        prefix = grid.prefix
        if not prefix.strip() and (self.code[grid.start] or not self.listed[grid.start]):
            prefix = ""  # indented as code or for no list: the table the writer drew
        for k in range(grid.start, grid.end):
            text = texts.get(k, "")
            self.out[k] = prefix + text if text else prefix.rstrip()

    def box(self, grid: _Grid) -> None:
        """A box of one cell: a heading of its title (and the line under it), or its text."""
        texts = {k: t for k, c in grid.rows.items() if (t := _text(c))}
        if not texts:
            self.skipped.append((grid.start + 1, "empty grid box", self.src[grid.start].strip()))
            self.place(grid, {})
            return
        first = min(texts)
        if len(texts) <= _MAX_BOX_TITLE_LINES and _is_title(texts[first]):
            style = "=" if "=" in self.src[grid.start] else "-"
            level = self.levels.setdefault(style, min(self.base + len(self.levels), 6))
            texts[first] = "#" * level + " " + texts[first]
        self.place(grid, texts)

    def table(self, grid: _Grid) -> None:
        """A grid of columns as a pipe table; one with a single column of text as its text."""
        header, rows, head_border = _table(grid)
        width = len(header)
        used = [j for j in range(width) if header[j] or any(r[j] for r in rows)]
        if len(used) < 2:
            texts = [" — ".join(c for c in r if c) for r in [header, *rows]]
            texts = [t for t in texts if t]
            if not texts:
                self.skipped.append(
                    (grid.start + 1, "empty grid table", self.src[grid.start].strip())
                )
            self.place(grid, dict(zip(range(grid.start, grid.end), texts, strict=False)))
            return
        lines = [
            "| " + " | ".join(_escaped(header[j]) for j in used) + " |",
            _delimiter(head_border, grid.prefix, used),
            *("| " + " | ".join(_escaped(r[j]) for j in used) + " |" for r in rows),
        ]
        self.place(grid, dict(zip(range(grid.start, grid.end), lines, strict=False)))


def grid_tables_as_markdown(lines: list[str]) -> tuple[list[str], list[tuple[int, str, str]]]:
    """The lines with each grid table as a pipe table and each boxed title as a heading, and
    what was dropped as (line number, reason, text); the lines as they were for notes with
    no complete grid."""
    if not any(_might_border(line) and _BORDER.match(line) for line in lines):
        return lines, []
    notes = _Notes(lines)
    n = 0
    while n < len(lines):
        if notes.code[n] == _FENCED or _border(lines[n]) is None:
            n += 1
            continue
        grid, n = _grid_at(lines, n, notes.code)
        if grid is None:
            continue
        if len(next(iter(grid.rows.values()))) == 1:
            notes.box(grid)
        else:
            notes.table(grid)
    return notes.out, notes.skipped
