"""Notes typed in a plain-text editor, read as the Markdown they stand for.

Such notes outline with tabs ("terraform init" over tab-indented "- downloads providers",
"o -upgrade : …") and draw tables with "+----+" borders. CommonMark reads a tab-indented line
under a paragraph as more of the paragraph, a tab-indented run after a blank line as code,
and a bordered table as text: every item of the outline would be one long line or nothing.
Here an indented run whose every line opens with a bullet becomes a list under its lead-in,
and a bordered table a pipe table. Line numbers stay those of the notes (a table's removed
inner borders become blank lines after it), so every question still points at its line.
"""

from __future__ import annotations

import csv
import re

#: a code fence's opening or closing line (the chat reader skips what a fence holds too)
FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
#: a bullet a plain-text outline opens its items with: a Markdown one, "o" or a dot, or a
#: number with ")" or "." ("1) mapping config -> real resources")
_BULLET = re.compile(r"^(?:[-*+•·▪◦o]|\d{1,2}[.)])[ \t]+(?=\S)")
_BORDER = re.compile(r"^\s*\+(?:[-=]+\+)+\s*$")
_ROW = re.compile(r"^\s*\|.*\|\s*$")
#: a line inside a quote or a definition ("> …", ":   - `acks=0`: …"): its indented lines
#: are that block's own
_CONTAINER = re.compile(r"^(?:>|:\s)")
_TAB = 4  # CommonMark's tab stop
#: CommonMark's indented code and lazy lines begin here; a Markdown list nests below it
_OUTLINE_INDENT = 4
_LOOK_BACK = 40  # lines of the paragraph above read for a list item it belongs to


def as_markdown(text: str) -> str:
    """The notes with tab outlines as lists and bordered tables as pipe tables; notes written
    in Markdown come back as they were."""
    lines = _unescaped_lists(text.split("\n"))
    if "> " in text or ">=" in text:
        lines = [_COMPARED_ITEM.sub(r"\g<item>\\>", line) for line in lines]
    if "~" in text:
        lines = [_struck(line) for line in lines]
    if "{{" in text:
        lines = [_without_shortcodes(line) for line in lines]
    out: list[str] = []
    fence = ""
    i = 0
    while i < len(lines):
        line = lines[i]
        m = FENCE.match(line)
        if fence or m:
            if m and (not fence or (m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence))):
                fence = "" if fence else m.group(1)
            out.append(line)
            i += 1
            continue
        if _BORDER.match(line):
            end = _table_end(lines, i)
            if end > i:
                out += _pipe_table(lines[i:end])
                i = end
                continue
        end, sheet = _csv_sheet(lines, i)
        if end > i and (not out or not out[-1].strip()):
            # a sheet pasted as CSV, or a database exported as one: the blank line above takes
            # the header, the header's line the rule under it, each record its own line (a
            # record that spans lines, or one left out, moves the rows below it up, its other
            # lines blank after the table: the rows of a table are lines in a row)
            table = [escaped_pipe_row(sheet[0]), "|" + "---|" * len(sheet[0])]
            table += [escaped_pipe_row(r) for r in sheet[1:]]
            # (right under a list's item the blank line is gone: the table goes inside it, or
            # CommonMark would read its rows as more of the item)
            above = out[-2] if len(out) > 1 else ""
            inside = " " * _item_text_column(above) if _BULLET.match(above.strip()) else ""
            table = [inside + row for row in table]
            room = end - i + len(out[-1:])
            if len(table) > room:  # first in the notes and no line to spare: one line more
                table[:2] = [table[0] + "\n" + table[1]]
            out[-1:] = table + [""] * (room - len(table))
            i = end
            continue
        end = _tsv_end(lines, i)
        if end > i:
            # a table pasted from a word processor or a sheet: fields between tabs
            rows = [[c.strip() for c in row.rstrip("\t").split("\t")] for row in lines[i:end]]
            table = [escaped_pipe_row(rows[0]), "|" + "---|" * len(rows[0])]
            table += [escaped_pipe_row(r) for r in rows[1:]]
            if out and not out[-1].strip():
                out[-1:] = table  # the blank line above takes the header
            else:
                out += [table[0] + "\n" + table[1], *table[2:]]  # no room: one line more
            i = end
            continue
        end = _table_under_item(lines, i, out)
        if end > i:
            # a table right under a list's item, no blank line between: CommonMark reads its
            # rows as more of the item; indented to the item's text it is the item's table
            inside = " " * _item_text_column(out[-1])
            out += [inside + line.strip() for line in lines[i:end]]
            i = end
            continue
        run = _outline_run(lines, i, out)
        if run > i:
            out += _as_list(lines[i:run])
            i = run
            continue
        out.append(line)
        i += 1
    return "\n".join(out)


#: records of a sheet pasted as CSV: a header of three fields or more, then as many records
MIN_CSV_FIELDS = 3
MIN_CSV_RECORDS = 2
#: a header's field: a short label that opens with a letter ("Default / Limit", "Port (TCP)"),
#: no number ("80 questions"), quote or sentence ("- Zero Trust — never trust, …", "It runs
#: per table, when needed, in the background.", "…, and prevents wraparound")
_CSV_LABEL = re.compile(r"(?!(?:and|or|but|nor)\b)[^\W\d_][^,|\"\n.;:!?]{0,39}")
_CSV_LABEL_WORDS = 5
#: the lines one record may span (a quoted field with line breaks, as a database's export
#: writes a page's text); a quote left open longer is no record's
_RECORD_LINES = 40


def _records(lines: list[str]) -> list[list[str]]:
    return [[cell.strip() for cell in row] for row in csv.reader(lines)]


def _is_csv_header(line: str) -> bool:
    fields = [f.strip() for f in line.split(",")]
    return len(fields) >= MIN_CSV_FIELDS and all(
        _CSV_LABEL.fullmatch(f) and len(f.split()) <= _CSV_LABEL_WORDS for f in fields
    )


def _csv_end(lines: list[str], i: int) -> tuple[int, list[list[str]]]:
    """The end of a sheet pasted as CSV from line i, and its header and records: a header of
    short labels between commas, then records of as many fields (a quoted field may hold
    commas, doubled quotes and line breaks); i when none."""
    line = lines[i].removeprefix("\ufeff")  # a byte-order mark opens a file saved as CSV
    if not _is_csv_header(line):
        return i, []
    header = _records([line])[0]
    rows = [header]
    end = i + 1
    while end < len(lines) and lines[end].strip() and not _BULLET.match(lines[end]):
        source = (f"{text}\n" for text in lines[end : end + _RECORD_LINES])
        reader = csv.reader(source, strict=True)
        try:
            record = next(reader)
        except (csv.Error, StopIteration):
            break
        if len(record) != len(header):
            break
        rows.append(record)
        end += reader.line_num
    return (end, rows) if len(rows) - 1 >= MIN_CSV_RECORDS else (i, [])


def _csv_sheet(lines: list[str], i: int) -> tuple[int, list[list[str]]]:
    """The sheet pasted as CSV from line i as a table's header and rows: its columns that
    keep a database's records rather than their things' facts left out, a cell's lines
    joined, a page's link its title; i when none."""
    end, rows = _csv_end(lines, i)
    if end == i:
        return i, []
    header, records = rows[0], rows[1:]
    columns = list(zip(*records, strict=True))
    kept = [j for j, name in enumerate(header) if not _keeps_records(name, columns[j])]
    if len(kept) < len(header) and any(_STATUS.fullmatch(header[j]) for j in kept):
        # a database's export: its workflow's state ("In progress", "Done") is no fact either
        kept = [j for j in kept if not _STATUS.fullmatch(header[j])]
    exported = len(kept) < len(header)
    dropped = [j for j in range(len(header)) if j not in kept]
    table = [[header[j] for j in kept]]
    for record in records:
        cells = [_csv_cell(record[j]) for j in kept]
        if not any(cells) or (exported and not cells[0]):
            continue  # an empty record, or an untitled page: no row of its own
        if any(_TO_DO.fullmatch(tag.strip()) for j in dropped for tag in record[j].split(",")):
            continue  # a page tagged "todo" is still to be written: its text is no fact yet
        table.append(cells)
    if len(kept) < 2 or len(table) - 1 < MIN_CSV_RECORDS:
        return i, []
    return end, table


#: a column a database's export keeps of each record: when and by whom it was made or edited,
#: its tags; a question never asks these
_RECORD_COLUMN = re.compile(
    r"(?i)\s*(?:(?:date\s+)?(?:created|last\s+(?:edited|modified|updated))"
    r"(?:\s+(?:time|date|by|at|on))?|tags?)\s*"
)
_STATUS = re.compile(r"(?i)\s*status\s*")
#: a tag or state that says the page is still to be written
_TO_DO = re.compile(r"(?i)to-?\s?do|tbd|fixme|draft")
#: a record's time stamp: "November 3, 2026 10:14 AM", "2026-11-03 10:14", "2026-11-03T10:14"
_TIME_STAMP = re.compile(
    r"(?:[^\W\d_]+\.? \d{1,2}, \d{4}|\d{4}[-/]\d{1,2}[-/]\d{1,2}|\d{1,2}/\d{1,2}/\d{4})"
    r"[ T]\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s*\(?[A-Z]{2,5}\)?)?"
)


def _keeps_records(name: str, cells: tuple[str, ...]) -> bool:
    """The column keeps a record's making or tags, not a fact: its header says so, or its every
    cell is a time stamp."""
    filled = [c.strip() for c in cells if c.strip()]
    return _RECORD_COLUMN.fullmatch(name) is not None or (
        bool(filled) and all(_TIME_STAMP.fullmatch(c) for c in filled)
    )


#: a link to another page of the database, after its title: "Storage Redundancy
#: (https://www.notion.so/Storage-Redundancy-3f9a…)", "(Storage%20Redundancy%203f9a….md)"
_PAGE_LINK = re.compile(r"\s*\((?=[^()\s]*(?:notion\.(?:so|site)/|[0-9a-f]{32}))[^()\s]+\)")
#: a list's marker opening a line of a cell: a page's text exported with its bullets
_CELL_BULLET = re.compile(r"^(?:[-*•]|\d{1,2}[.)])\s+")


def _csv_cell(text: str) -> str:
    """A record's field as one line of a table's cell: its lines joined, "; " where a line
    stopped without a stop, a page's link only its title."""
    text = _PAGE_LINK.sub("", text)
    out = ""
    for piece in text.split("\n"):
        piece = piece.strip()
        if "\n" in text:
            piece = _CELL_BULLET.sub("", piece)
        if not piece:
            continue
        if out:  # (a line that goes on with a pipe or an arrow goes on with the line above)
            stop = out.endswith((".", ";", ":", ",", "!", "?")) or piece.startswith(("|", "->"))
            out += " " if stop else "; "
        out += piece
    return " ".join(out.split())


#: a header cell of a table pasted with tabs: a short label
_TSV_LABEL = re.compile(r"^[^\t|]{1,40}$")


def _tsv_end(lines: list[str], i: int) -> int:
    """The end of a table pasted with tabs from line i: a header of short labels between tabs,
    then rows of as many fields (or fewer, its last cells empty); i when none."""
    line = lines[i]
    if "\t" not in line or line[:1].isspace() or _BULLET.match(line):
        return i
    header = line.rstrip().split("\t")
    if len(header) < 2 or not all(_TSV_LABEL.match(c.strip()) for c in header):
        return i
    end = i + 1
    while end < len(lines) and "\t" in lines[end] and not lines[end][:1].isspace():
        if not 2 <= len(lines[end].rstrip("\t").split("\t")) <= len(header):
            break
        end += 1
    return end if end - i - 1 >= MIN_CSV_RECORDS else i


#: text struck with one tilde each side (Bear, GitHub: "~project ID can be renamed~ WRONG"),
#: which CommonMark's reader here leaves as text; "~5 min to ~10 min" is none
_ONE_TILDE = re.compile(r"(?<![~\w])~(?=[^\s~])([^~\n`]+?)(?<=\S)~(?![~\w])")


def _struck(line: str) -> str:
    """The line with text struck by one tilde written as struck by two, as Markdown reads it."""
    if "`" in line or "~" not in line:
        return line
    return _ONE_TILDE.sub(r"~~\1~~", line)


def escaped_pipe_row(cells: list[str]) -> str:
    """A record as a pipe table's row, its pipes escaped."""
    return "| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |"


#: a list's marker a word processor's export escaped ("\\- created by …", "1\\. **Transparency**")
_ESCAPED_MARKER = re.compile(r"^(\s*)\\([-*+])(?=\s)|^(\s*)(\d{1,2})\\\.(?=\s)")
#: a page's number or running header a word processor's export left ("Page 2", "ITIL4 notes –
#: page 3 of 12", "第 3 页 共 12 页"): no words of the notes (the outline reader skips these too)
PAGE_LINE = re.compile(
    r"^\s*(?:page\s*\d{1,3}|.{0,60}?\bpage\s*\d{1,3}\s*(?:of|/)\s*\d{1,3}"
    r"|第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?)\s*$",
    re.I,
)
MIN_ESCAPED = 3


def _unescaped_lists(lines: list[str]) -> list[str]:
    """Lists an export wrote with escaped markers (a Google Docs download) as lists, and its
    page numbers as blank lines; lines written otherwise as they were."""
    if sum(1 for line in lines if _ESCAPED_MARKER.match(line)) < MIN_ESCAPED:
        return lines
    out = []
    for line in lines:
        if PAGE_LINE.match(line):
            out.append("")
            continue
        out.append(
            _ESCAPED_MARKER.sub(
                lambda m: (
                    f"{m.group(1)}{m.group(2)}" if m.group(2) else f"{m.group(3)}{m.group(4)}."
                ),
                line,
            )
        )
    return out


#: a list item opening with a comparison ("- > **14,000**: crew uses O2", "- >= 3 SM"): a
#: greater-than sign, which Markdown would read as a quote inside the item and drop
_COMPARED_ITEM = re.compile(r"^(?P<item>\s*(?:[-*+]|\d+[.)])\s+)>(?==?\s*(?:\*\*|__)?[\d$~≈])")


#: a static site's shortcode ("{{< notice warning >}}", "{{% /hint %}}", "{{< ref "a.md" >}}")
_SHORTCODE = re.compile(r"\{\{[<%]\s*(?P<close>/)?\s*(?P<name>[\w-]+)(?P<args>[^}]*?)[>%]\}\}")


def _without_shortcodes(line: str) -> str:
    """The line without a blog's shortcodes: a highlight shortcode as the code fence it
    stands for, any other (a notice's frame, a ref's link) as nothing."""
    m = _SHORTCODE.fullmatch(line.strip())
    if m is not None and m.group("name") in ("highlight", "code"):
        return "```" if m.group("close") else "```" + m.group("args").strip().split(" ")[0]
    return _SHORTCODE.sub("", line) if "{{" in line else line


_DELIMITER_ROW = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")


def _table_under_item(lines: list[str], i: int, before: list[str]) -> int:
    """The end of a pipe table starting at line i right under a list's item, or i."""
    if not before or not _BULLET.match(before[-1].strip()) or not _ROW.match(lines[i]):
        return i
    if i + 1 >= len(lines) or not _DELIMITER_ROW.match(lines[i + 1]):
        return i
    end = i + 2
    while end < len(lines) and _ROW.match(lines[end]):
        end += 1
    return end


def _item_text_column(item: str) -> int:
    """Where a list item's text starts ("- IPv6: …" at 2, "  10. …" at 6)."""
    stripped = item.lstrip()
    bullet = _BULLET.match(stripped)
    return len(item) - len(stripped) + (bullet.end() if bullet else 2)


def _indent(line: str) -> int:
    """The line's indentation in columns, a tab to the next tab stop."""
    width = 0
    for ch in line:
        if ch == " ":
            width += 1
        elif ch == "\t":
            width += _TAB - width % _TAB
        else:
            break
    return width


def _outline_run(lines: list[str], i: int, before: list[str]) -> int:
    """The end of the outline starting at line i: lines indented as deep as code, the first
    opening with a bullet, under a paragraph's line or opening a block of their own; i when
    none."""
    if i == 0 or _indent(lines[i]) < _OUTLINE_INDENT:
        return i
    if not _under_paragraph(before):
        return i  # under a list item the indent nests it already; under code it is code
    if _BULLET.match(lines[i].strip()) is None:
        return i  # code, or prose wrapped by hand
    end = i
    while end < len(lines) and _indent(lines[end]) >= _OUTLINE_INDENT:
        end += 1
    return end


def _under_paragraph(before: list[str]) -> bool:
    """The lines above (past blank ones) are a paragraph's, flush left and no list's: an
    indented line under a list item is nested by its indent already."""
    n = len(before) - 1
    while n >= 0 and not before[n].strip():
        n -= 1
    if n < 0:
        return False
    for line in before[max(0, n - _LOOK_BACK) : n + 1][::-1]:
        if not line.strip():
            return True
        if line[:1].isspace() or _BULLET.match(line) or _ROW.match(line) or _CONTAINER.match(line):
            return False
    return True


def _as_list(run: list[str]) -> list[str]:
    """The run as a Markdown list: its shallowest items first, deeper ones nested under them
    a level per indentation step, every bullet a dash, numbers kept. A line with no bullet
    indented deeper than the item above goes on with it; one as deep is an item of its own
    ("note: other .tfvars names …" under five numbered lines: a note, no sixth of them)."""
    depths = sorted({_indent(line) for line in run if _BULLET.match(line.strip())})
    out: list[str] = []
    inside, above = 2, 0  # where the item above writes its text, and its indent
    for line in run:
        item = line.strip()
        bullet = _BULLET.match(item)
        if bullet is None and _indent(line) > above:
            out.append(" " * inside + item)
            continue
        if bullet is None:
            level = max(i for i, d in enumerate(depths) if d <= _indent(line))
            out.append(" " * (4 * level) + f"- {item}")
            inside, above = 4 * level + 2, _indent(line)
            continue
        above = _indent(line)
        level = depths.index(_indent(line))
        mark = bullet.group(0).strip()
        mark = mark if mark[0].isdigit() else "-"
        out.append(" " * (4 * level) + f"{mark} {item[bullet.end() :]}")
        inside = 4 * level + len(mark) + 1
    return out


def _table_end(lines: list[str], i: int) -> int:
    """The line after the bordered table starting at line i (a border, rows, borders between
    them, a border), or i when the lines there draw none."""
    end, rows = i + 1, 0
    while end < len(lines) and (_ROW.match(lines[end]) or _BORDER.match(lines[end])):
        rows += _ROW.match(lines[end]) is not None
        end += 1
    if rows < 2 or not _BORDER.match(lines[end - 1]):
        return i
    return end


def _pipe_table(block: list[str]) -> list[str]:
    """The drawn table as a pipe table: the first row its header, the other rows in order;
    a blank line for each border, the borders inside it moved after it."""
    groups: list[list[str]] = [[]]
    for line in block[1:]:
        if _BORDER.match(line):
            groups.append([])
        else:
            groups[-1].append(line.strip())
    groups = [g for g in groups if g]
    # a border under every row (a grid table): a row's lines are its cells' lines
    grid = len(groups) > 2
    rows = [_merged(g) for g in groups] if grid else [line for g in groups for line in g]
    cells = rows[0].count("|") - 1
    table = ["", rows[0], "|" + "---|" * cells, *rows[1:]]
    return table + [""] * (len(block) - len(table))


def _merged(lines: list[str]) -> str:
    """The lines of one grid row as one row, each cell's pieces joined ("ForeignKey, OneToOne
    (forward" over "+ reverse one-to-one)")."""
    split = [[c.strip() for c in line.strip("|").split("|")] for line in lines]
    width = max(len(r) for r in split)
    cells = [" ".join(r[i] for r in split if i < len(r) and r[i]) for i in range(width)]
    return "| " + " | ".join(cells) + " |"


def capped(cells: list[str], most: int = 64) -> list[str]:
    """A wiki row's cells, those past as many as a table has joined into its last: a line of
    thousands of "|" is one long cell, not thousands of columns."""
    if len(cells) > most:
        cells[most - 1 :] = [" ".join(c for c in cells[most - 1 :] if c.strip())]
    return cells


def pipe_row(cells: list[str]) -> str:
    """A GFM table's row: the wiki readers write their tables as Markdown's."""
    return "| " + " | ".join(cells) + " |"
