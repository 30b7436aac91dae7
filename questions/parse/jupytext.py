"""A notebook kept as a Jupytext script (.py): read as the Markdown its cells show.

Jupytext pairs a notebook with a plain script so that it diffs and edits as code. In its
"percent" format each cell opens with a "# %%" line: a code cell's Python follows as it is
(a title or tags may follow the mark: '# %% title="toy data"', '# %% tags=["udf"]'), a
"# %% [markdown]" (or "[md]") cell's Markdown follows commented out a line at a time ("# ## Joins",
"# - `union` = by position", "#" for a blank line) or as a triple-quoted string, a
"# %% [raw]" cell's text commented out. In its "light" format cells are parted by blank lines
instead (a block of comment lines a markdown cell, code a code cell), or opened by "# +" and
closed by "# -". Either may open with a header: "# ---", "# jupyter:", the jupytext and
kernelspec settings as commented-out YAML, "# ---". Read as Markdown each "# " line was a
heading and the code ran into paragraphs: questions asked a table's row as a fragment, blanked
the values pasted from a run, offered labels of notes as choices.

Here a markdown cell's lines are the Markdown they stand for, each on its line (the "# " taken
off, or the string's quotes); a code cell's lines a fenced block of the notebook's language
(the language its kernelspec names, Python if none), its opening fence on the "# %%" line (or
the blank line above the code) and its closing fence on the first blank line after it (or the
next cell's mark), so the code rules apply: a comment pasting what a line printed
("# >>> 35.6", "# out: 5") stays code, as it is in the notebook. Two code cells with no line
between them for both fences run on as one block. The header, the cell marks and raw cells are
skipped as noise.

Only a file that clearly is a Jupytext script is read: it has a "# %%" line and a markdown
cell, or the header (between two "# ---" lines at its top, with a "# jupyter:" line); and no line of it opens a Markdown
fence (a Markdown note showing a script fences it). Each line is looked at a bounded number of
times; the regular expressions here are anchored and cannot backtrack far.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from questions.parse.xhtml_text import fenced, noise_text

#: a larger file is not read: a notebook of notes is far smaller
MAX_CHARS = 4_000_000
#: the header's settings are a few dozen lines; a longer "header" is none
MAX_HEADER_LINES = 200
#: lines before the header that a script may open with (a shebang, a coding line)
_MAX_LEAD_LINES = 2

#: a percent cell's mark: "# %%" (or "#%%") alone or before a space, never "# %%%"
_MARKER = re.compile(r"#[ \t]?%%(?=[ \t]|$)")
#: the cell's kind in its mark: "[markdown]", "[md]" or "[raw]" as a word of its own
_KIND = re.compile(r"(?:^|[ \t])\[(?P<kind>markdown|md|raw)\](?=[ \t]|$)")
#: a light cell's opening mark ("# +", "# + [markdown]", "# + tags=[…]") and its closing one
_LIGHT_OPEN = re.compile(r"#[ \t]?\+(?=[ \t]|$)")
_LIGHT_CLOSE = re.compile(r"#[ \t]?-[ \t]*")
#: a Markdown fence at a line's start: a script has none, a Markdown note showing one does
_MD_FENCE = re.compile(r" {0,3}(?:`{3}|~{3})")
#: a markdown cell's own fences (left open, Jupyter closes them with the cell)
_CELL_FENCE = re.compile(r" {0,3}(?P<mark>`{3,}|~{3,})(?P<rest>.*)")
#: a setting of the header's YAML: "#   format_name: percent", "#     language: python"
_SETTING = re.compile(r"#[ \t]+(?P<key>format_name|language):[ \t]*['\"]?(?P<value>[\w+#.-]{1,20})")
#: Python's coding line: "# -*- coding: utf-8 -*-", "# coding=utf-8"
_CODING = re.compile(r"#.{0,20}coding[:=]")
_LANGUAGE = re.compile(r"[A-Za-z][\w+#.-]{0,19}")
_QUOTES = ('"""', "'''")
_FORMATS = frozenset({"percent", "hydrogen", "light"})

_HEADER = "jupytext header"
_MARK = "notebook cell marker"
_RAW = "raw cell"
_CODE = "code cell"


@dataclass
class _Cell:
    kind: str  # "code", "markdown" or "raw"
    start: int  # its first line, past its mark
    end: int  # the line past its last
    mark: int | None = None  # the line of its opening mark
    close: int | None = None  # the line of a light cell's "# -"


@dataclass
class _Run:
    """A cell's lines as shown: the Markdown or code of each, and the fence it leaves open."""

    kind: str
    pieces: list[tuple[int, str]] = field(default_factory=list)
    open_mark: str = ""


def jupytext_as_markdown(lines: list[str]) -> tuple[list[str], list[tuple[int, str, str]]]:
    """The script's cells as Markdown, and its header, cell marks and raw cells skipped as
    (line number, reason, text); the lines as they were for a file that is no Jupytext
    script."""
    if sum(len(line) + 1 for line in lines) > MAX_CHARS:
        return lines, []
    header = _header(lines)
    settings = _settings(lines, header) if header else {}
    marks = [n for n, line in enumerate(lines) if _MARKER.match(line)]
    markdown = any(_kind(lines[n]) == "markdown" for n in marks)
    fmt = settings.get("format_name", "")
    if fmt and fmt not in _FORMATS:
        return lines, []
    if any(_MD_FENCE.match(line) for line in lines):
        return lines, []
    body = header[1] + 1 if header else _lead(lines)
    if fmt == "light" or (header and not marks):
        cells = _light(lines, body, len(lines))
    elif marks and (markdown or header):
        cells = _light(lines, body, marks[0]) + _percent(lines, marks)
    else:
        return lines, []
    language = settings.get("language", "python")
    read = _markdown(lines, cells, language)
    if read is None:
        return lines, []
    out, shown = read
    return out, _skipped(lines, cells, (0, body - 1) if body else None, shown)


def _lead(lines: list[str]) -> int:
    """How many lines a script opens with before its cells: a shebang, a coding line."""
    start = 0
    if lines and lines[0].startswith("#!"):
        start += 1
    if start < min(_MAX_LEAD_LINES, len(lines)) and _CODING.match(lines[start]):
        start += 1
    return start


def _header(lines: list[str]) -> tuple[int, int] | None:
    """The first and last line of the header: "# ---", "# jupyter:" … "# ---", at the top
    (past a shebang and a coding line)."""
    start = _lead(lines)
    if start + 1 >= len(lines) or lines[start].rstrip() != "# ---":
        return None
    jupyter = False  # its settings are under "jupyter:" (other front matter may come first)
    for n in range(start + 1, min(len(lines), start + MAX_HEADER_LINES)):
        line = lines[n].rstrip()
        if line == "# ---":
            return (start, n) if jupyter else None
        if not line.startswith("#"):
            return None
        jupyter = jupyter or line == "# jupyter:"
    return None


def _settings(lines: list[str], header: tuple[int, int]) -> dict[str, str]:
    """The header's format name and its kernel's language, where it says them."""
    found: dict[str, str] = {}
    for n in range(header[0], header[1]):
        m = _SETTING.match(lines[n])
        if m is not None and m.group("key") not in found:
            value = m.group("value")
            if m.group("key") == "language" and not _LANGUAGE.fullmatch(value):
                continue
            found[m.group("key")] = value
    return found


def _kind(mark: str) -> str:
    m = _KIND.search(mark[mark.index("%%") + 2 :])
    if m is None:
        return "code"
    return "raw" if m.group("kind") == "raw" else "markdown"


def _percent(lines: list[str], marks: list[int]) -> list[_Cell]:
    """A cell for each "# %%" mark, to the next."""
    ends = [*marks[1:], len(lines)]
    return [_Cell(_kind(lines[m]), m + 1, end, mark=m) for m, end in zip(marks, ends, strict=True)]


def _light(lines: list[str], start: int, end: int) -> list[_Cell]:
    """The light format's cells between two lines: "# +" … "# -" blocks, and between them
    runs of lines parted by blank lines (comment lines only a markdown cell, else code)."""
    cells: list[_Cell] = []
    n = start
    while n < end:
        line = lines[n]
        if not line.strip():
            n += 1
            continue
        if _LIGHT_OPEN.match(line):
            close = n + 1
            while close < end and not _LIGHT_CLOSE.fullmatch(lines[close]):
                close += 1
            kind = "markdown" if _KIND.search(line[line.index("+") + 1 :]) else "code"
            cell = _Cell(kind, n + 1, close, mark=n, close=close if close < end else None)
            cells.append(cell)
            n = close + 1
            continue
        run = n
        while run < end and lines[run].strip() and not _LIGHT_OPEN.match(lines[run]):
            run += 1
        comments = all(lines[k].lstrip().startswith("#") for k in range(n, run))
        cells.append(_Cell("markdown" if comments else "code", n, run))
        n = run
    return cells


def _uncommented(line: str) -> str:
    """A markdown cell's line without its comment mark ("# x" → "x", "#" → "")."""
    if line.startswith("# "):
        return line[2:]
    if line.startswith("#"):
        return line[1:]
    return line


def _run(lines: list[str], cell: _Cell) -> _Run:
    """The lines a cell shows: code as it is, Markdown uncommented or out of its quotes."""
    run = _Run(cell.kind)
    if cell.kind == "raw":
        return run
    texts = [(n, lines[n]) for n in range(cell.start, cell.end)]
    if cell.kind == "markdown":
        texts = _unquoted(texts) or [(n, _uncommented(t)) for n, t in texts]
        mark = ""
        for _, t in texts:
            m = _CELL_FENCE.fullmatch(t)
            if m is None:
                continue
            if not mark:
                mark = m.group("mark")
            elif m.group("mark")[0] == mark[0] and len(m.group("mark")) >= len(mark):
                mark = "" if not m.group("rest").strip() else mark
        run.open_mark = mark
    first, last = 0, len(texts)
    while last > first and not texts[last - 1][1].strip():
        last -= 1
    while first < last and not texts[first][1].strip():
        first += 1
    run.pieces = texts[first:last]
    return run


def _unquoted(texts: list[tuple[int, str]]) -> list[tuple[int, str]] | None:
    """A markdown cell written as a triple-quoted string: its lines inside the quotes (the
    quotes' own lines blank); None for a cell that is no such string."""
    body = [(n, t) for n, t in texts if t.strip()]
    if not body:
        return None
    opener, closer = body[0][1].strip(), body[-1][1].strip()
    quote = next((q for q in _QUOTES if opener.startswith(q)), None)
    if quote is None or not closer.endswith(quote) or (len(body) == 1 and len(opener) < 6):
        return None
    first, final = body[0][0], body[-1][0]
    out: list[tuple[int, str]] = []
    for n, t in texts:
        if n < first or n > final:
            continue
        if n == first:
            t = t.strip()[3:]
        if n == final:
            t = t.rstrip()[:-3]
        out.append((n, t))
    return out


def _markdown(
    lines: list[str], cells: list[_Cell], language: str
) -> tuple[list[str], set[int]] | None:
    """Each cell's lines on their lines, code fenced; the lines shown. None when a fence
    finds no line of its own (never for a script Jupytext wrote)."""
    runs = [r for r in (_run(lines, c) for c in cells) if r.pieces]
    code = [(n, t) for r in runs if r.kind == "code" for n, t in r.pieces]
    fence = fenced(code)[0] if code else "```"
    out = [""] * len(lines)
    shown: set[int] = set()
    last = -1  # the last line written
    pending = ""  # the fence left open by the runs before
    for run in runs:
        first = run.pieces[0][0]
        free = list(range(last + 1, first))  # the lines between the run and the one before
        if pending and run.kind == "code" and len(free) < 2:
            pass  # no line for both fences: the code runs on in the block left open
        elif pending:
            if not free:
                return None
            out[free[0]], pending = pending, ""
        if run.kind == "code" and not pending:
            if not free:
                continue  # no line for its fence: its code is skipped as a code cell
            out[free[-1]] = fence + language
        for n, t in run.pieces:
            out[n] = t
            shown.add(n)
        last = run.pieces[-1][0]
        pending = pending or (fence if run.kind == "code" else run.open_mark)
    if pending:
        if last + 1 < len(out):
            out[last + 1] = pending
        else:
            out.append(pending)
    return out, shown


def _skipped(
    lines: list[str], cells: list[_Cell], header: tuple[int, int] | None, shown: set[int]
) -> list[tuple[int, str, str]]:
    """The lines no cell shows, each skipped as what it is."""
    reasons: dict[int, str] = {}
    if header is not None:
        reasons.update((n, _HEADER) for n in range(header[0], header[1] + 1))
    for cell in cells:
        for n in (cell.mark, cell.close):
            if n is not None:
                reasons[n] = _MARK
        if cell.kind != "markdown":
            reasons.update(
                (n, _RAW if cell.kind == "raw" else _CODE) for n in range(cell.start, cell.end)
            )
    skipped: list[tuple[int, str, str]] = []
    for n, line in enumerate(lines):
        if n in shown or not line.strip() or line.strip() == "#":
            continue
        skipped.append((n + 1, reasons.get(n, _MARK), noise_text(line)))
    return skipped
