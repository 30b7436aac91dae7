"""Notes copied out of Microsoft OneNote and pasted as plain text: read as the Markdown they
stand for.

A pasted page opens with its title over OneNote's date and time lines ("AZ-900 - Storage" /
"Sunday, March 9, 2025" / "4:30 PM"), several pages follow one another. A page's outline is
indented by TABs, its bullets are the glyphs Word and OneNote paste ("•", then "o", then "▪"
a level deeper; "◦", "■" and "-" too) and its numbered lists count "1.", "a.", "i."; a table
comes as TAB-separated rows, the first its header (its first cell may be empty); clipped text
has a "Pasted from <https://…>" line under it and a screen clipping a "Screen clipping taken:
04/03/2025 21:20" line; a note tag is a word before a TAB at a line's start ("To Do",
"Important", "Question"). Read as Markdown a page was one paragraph or code: its date and
time lines were asked, an "o" bullet was a word of the stem ("o horizontal — …") and the
outline's nesting was lost. Here:

- a page's title is a heading, its date and time lines skipped; a short line of its own
  (no sentence, no "=") over the page's outline, a table or a line of text is the heading of
  that outline ("Shared responsibility model").
- a bullet or a number is a list's item, nested by its TABs under the item above. A "•" is
  the first level's glyph: one TAB in after a numbered list it is that list's level, not a
  point of its last item. Letters and roman numbers ("a.", "iv.") are counted as Markdown's
  numbers; a line with no bullet indented under an item is an item of its own.
- a line of text right under an item or a table's row would go on with it in Markdown (a
  lazy line), and lines of text one under another would run together: each is an item of
  its own then, so every line stays a note of its own on its line, in a "*" list (another
  marker ends the list above: the line is no point of that list).
- TAB-separated rows are a pipe table. Its rule takes a line: the header moves up to a free
  line above it (a blank or a skipped one), or the heading over it does, else the rows move
  down into a free line below (into the item above when the table is right under one; past
  a blank line when two lines are free), else each row is an item of its cells, named by
  its first.
- "Pasted from <…>", "Screen clipping taken: …", a "To Do" line (a task) and a "Question"
  line (the writer's own question) are skipped; "Important", "Definition" and the like only
  mark the line: the tag goes, the line stays.

Only a file with OneNote's marks and no Markdown of its own is read so: a title's date and
time lines, a "Pasted from <" or "Screen clipping taken" line, or an outline of TAB-indented
"•" / "o" / "▪" lines at two depths. Each line stays on its line (a table's rows aside).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from questions.parse.plain_text import FENCE, escaped_pipe_row
from questions.parse.spans import block_safe

_MAX_LINES = 50_000  # a longer file is no page pasted: left as it is
_MAX_LINE = 2_000  # a longer line is a line of text, never a heading or a table's row
_MAX_DEPTH = 8  # lists nested deeper are written at this depth
_MAX_COLUMNS = 30
_LOOK = 8  # skipped lines looked past for what is above or under a line
_MIN_OUTLINE = 4  # TAB-indented bullets that make a file OneNote's
_MAX_TITLE = 60
_MAX_TITLE_WORDS = 8

_WEEKDAYS = "(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_MONTHS = (
    "(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)
#: the date line OneNote writes under a page's title: "Tuesday, March 4, 2025", "Tuesday, 4
#: March 2025"
_DATE = re.compile(
    rf"^{_WEEKDAYS},?[ \t]+(?:{_MONTHS}[ \t]+\d{{1,2}},?|\d{{1,2}}\.?[ \t]+{_MONTHS},?)[ \t]+\d{{4}}$"
)
#: the time line under it: "9:12 PM", "21:12"
_TIME = re.compile(r"^\d{1,2}:\d{2}(?:[ \t]?[AaPp]\.?[Mm]\.?)?$")
#: the line OneNote adds under clipped text: "Pasted from <https://…>"
_PASTED = re.compile(r"^(?:Pasted|Inserted) from <")
#: the line under a screen clipping: "Screen clipping taken: 04/03/2025 21:20"
_CLIPPING = re.compile(r"^Screen clipping taken:")
#: a note tag written before a TAB at a line's start, perhaps in the outline
_TAG = re.compile(
    r"^(?P<indent>\t*)(?P<tag>To Do(?: priority [12])?|Important|Critical|Question|Definition|"
    r"Remember for later|Remember for blog|Idea|Highlight|Discuss with [^\t]{1,40}|"
    r"Schedule meeting|Call back|Send in email|Client request)\t+(?P<text>.*)$"
)
#: tags that make their line no note: a task, the writer's own question
_NOISE_TAGS = {"Question": "question in the notes"}
_TASK_TAGS = ("To Do", "Discuss with", "Schedule meeting", "Call back", "Send in email", "Client")
#: a bullet after the outline's TABs: "•", "o" (Word's second level, only after a TAB: else it
#: is a word), "▪", "◦", "■", "-"
_BULLET = re.compile(r"^(?P<indent>[ \t]*)(?P<glyph>[•◦▪■o-])(?P<gap>[ \t]+)(?=\S)")
#: a numbered item: "1.", "a.", "iv." (a number or a letter or two, then a dot or a bracket)
_NUMBER = re.compile(r"^(?P<indent>[ \t]*)(?P<number>\d{1,9}|[a-z]|[ivxl]{2,6})[.)][ \t]+(?=\S)")
#: a TAB-indented bullet of Word's or OneNote's: what marks the outline as theirs
_OUTLINE = re.compile(r"^(?P<indent>\t+)[•o▪][ \t]+\S")
#: Markdown's own structure: a "#" heading, a pipe table's rule row
_MD_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+\S")
_PIPE_RULE = re.compile(r"^[ \t]*(?:\|[ \t]*)?:?-{3,}:?[ \t]*\|")
_SENTENCE_ENDS = (".", ",", ";", ":", "!", "?", "。", "：")

_BLANK, _HEADING, _PARA, _ITEM, _ROW = "blank", "heading", "para", "item", "row"


@dataclass
class _Open:
    """An item open for items under it: its outline depth (TABs), where its marker and its
    text start in the Markdown, its kind ("bullet", "number" or "letter") and number."""

    depth: int
    indent: int
    column: int
    kind: str
    number: int


def onenote_as_markdown(lines: list[str]) -> tuple[list[str], list[tuple[int, str, str]]]:
    """The lines as Markdown, and the pages' dates and times, clipping lines and tasks
    skipped as (line number, reason, text); the lines as they were for a file not pasted out
    of OneNote."""
    if len(lines) > _MAX_LINES or not is_onenote(lines):
        return lines, []
    reader = _Reader(lines)
    reader.read()
    return reader.out, reader.skipped


def is_onenote(lines: list[str]) -> bool:
    """A page's date and time lines, a clipping's line, or a TAB-indented outline of Word's
    bullets at two depths; and no Markdown heading, fence or pipe table."""
    dated = clipped = word_bullet = False
    outline = 0
    depths: set[int] = set()
    for n, line in enumerate(lines):
        if FENCE.match(line) or _MD_HEADING.match(line) or _PIPE_RULE.match(line):
            return False
        if len(line) > _MAX_LINE:
            continue
        text = line.strip()
        dated = dated or (_DATE.match(text) is not None and _time_at(lines, n + 1))
        clipped = clipped or _PASTED.match(text) is not None or _CLIPPING.match(text) is not None
        bullet = _OUTLINE.match(line)
        if bullet is not None:
            outline += 1
            depths.add(len(bullet.group("indent")))
            word_bullet = word_bullet or bullet.group(0).lstrip("\t")[0] in "•▪"
    # (an outline of "o" alone under "*" is a plain-text file's own: Word's paste writes "•")
    return dated or clipped or (outline >= _MIN_OUTLINE and len(depths) >= 2 and word_bullet)


def _time_at(lines: list[str], n: int) -> bool:
    return (
        n < len(lines) and len(lines[n]) <= _MAX_LINE and _TIME.match(lines[n].strip()) is not None
    )


def _depth(line: str) -> int:
    """The line's outline depth: its leading TABs (four spaces a TAB)."""
    width = len(line) - len(line.lstrip(" \t"))
    return len(line[:width].expandtabs(4)) // 4


def _cells(line: str) -> list[str] | None:
    """A TAB-separated row's cells (an empty first cell when it opens with one TAB); None
    for a line that is no row."""
    if len(line) > _MAX_LINE:
        return None
    lead = len(line) - len(line.lstrip("\t"))
    body = line[lead:].rstrip(" \t")
    if lead > 1 or "\t" not in body or _BULLET.match(body) or _NUMBER.match(body):
        return None
    cells = ([""] if lead else []) + [c.strip() for c in body.split("\t")]
    return cells if len(cells) <= _MAX_COLUMNS else None


def _tag(line: str) -> re.Match[str] | None:
    return _TAG.match(line) if len(line) <= _MAX_LINE else None


def _noise_reason(tag: str) -> str | None:
    if tag in _NOISE_TAGS:
        return _NOISE_TAGS[tag]
    return "TODO" if tag.startswith(_TASK_TAGS) else None


def _is_label(cell: str) -> bool:
    """A table header's cell: empty or a short label."""
    return len(cell) <= 40 and len(cell.split()) <= 5


def _roman(text: str) -> int:
    """A roman number's value ("iv" 4), 0 for letters that are none."""
    values = {"i": 1, "v": 5, "x": 10, "l": 50}
    total = 0
    for k, ch in enumerate(text):
        value = values.get(ch, 0)
        if not value:
            return 0
        after = values.get(text[k + 1], 0) if k + 1 < len(text) else 0
        total += -value if value < after else value
    return total


class _Reader:
    """One pass over the lines, each line written on its own line (a table's rows aside)."""

    def __init__(self, lines: list[str]) -> None:
        self.src = lines
        self.out = [""] * len(lines)
        self.kinds = [_BLANK] * len(lines)
        self.skipped: list[tuple[int, str, str]] = []
        self.stack: list[_Open] = []
        self.noise = self._noise_lines()

    # -- what each line is

    def _noise_lines(self) -> dict[int, str]:
        """The lines skipped as noise (by index), with why: a page's date and time, a
        clipping's line, a task or the writer's question."""
        src = self.src
        noise: dict[int, str] = {}
        for n, line in enumerate(src):
            if len(line) > _MAX_LINE:
                continue
            text = line.strip()
            if _DATE.match(text) and _time_at(src, n + 1):
                noise[n], noise[n + 1] = "page date", "page time"
            elif _PASTED.match(text):
                noise[n] = "clipping source"
            elif _CLIPPING.match(text):
                noise[n] = "screen clipping"
            elif (tag := _tag(line)) is not None:
                reason = _noise_reason(tag.group("tag"))
                if reason is not None and not self._heads_table(n):
                    noise[n] = reason
        return noise

    def _heads_table(self, n: int) -> bool:
        """Line n, tagged, is a table's header ("Question<TAB>Answer"): short labels over a
        row of as many cells that is no tagged line."""
        cells = _cells(self.src[n])
        if cells is None or not all(_is_label(c) for c in cells) or n + 1 >= len(self.src):
            return False
        under = _cells(self.src[n + 1])
        return under is not None and len(under) == len(cells) and _tag(self.src[n + 1]) is None

    def _is_free(self, n: int) -> bool:
        """Line n is a line a table may take: blank, or skipped, and not written yet."""
        return 0 <= n < len(self.src) and (not self.src[n].strip() or n in self.noise)

    def _is_page_title(self, n: int) -> bool:
        return (
            n + 1 < len(self.src)
            and self.noise.get(n + 1) == "page date"
            and bool(self.src[n].strip())
            and n not in self.noise
        )

    def _is_text(self, n: int) -> bool:
        """Line n is a line of text at the outline's left: no bullet, row, tag or skipped
        line, no page's title."""
        if not 0 <= n < len(self.src) or n in self.noise:
            return False
        line = self.src[n]
        if not line.strip() or _depth(line) or self._is_page_title(n):
            return False
        if _BULLET.match(line) or _NUMBER.match(line):
            return False
        return self._table_end(n) == n

    def _is_title(self, n: int) -> bool:
        """Line n heads the outline under it: a short line of words, no sentence, standing
        alone (nothing or an outline above it, past skipped lines; no heading right above it)
        over something to say."""
        text = self.src[n].strip()
        words = [w for w in text.split() if any(ch.isalnum() for ch in w)]
        if (
            len(text) > _MAX_TITLE
            or len(words) > _MAX_TITLE_WORDS
            or text.endswith(_SENTENCE_ENDS)
            or "=" in text
            or _tag(self.src[n]) is not None
        ):
            return False
        if n and self.kinds[n - 1] == _HEADING:
            return False  # the heading's first line
        above = n - 1
        while above >= 0 and n - above <= _LOOK and above in self.noise:
            above -= 1
        if above >= 0 and self.src[above].strip() and self.kinds[above] == _PARA:
            return False
        under = n + 1
        while under < len(self.src) and under - n <= _LOOK and under in self.noise:
            under += 1
        return under < len(self.src) and bool(self.src[under].strip())

    # -- reading

    def read(self) -> None:
        n = 0
        while n < len(self.src):
            n = self._line(n)

    def _line(self, n: int) -> int:
        """Write line n (and the lines read with it); the line after them."""
        line = self.src[n]
        if n in self.noise:
            self._skip(n)
            return n + 1
        if not line.strip():
            return n + 1
        if len(line) > _MAX_LINE:
            self._text(n, line.strip())
            return n + 1
        if self._is_page_title(n):
            self._heading(n, "## " + line.strip())
            return n + 1
        if (mark := _BULLET.match(line)) is not None and (
            mark.group("glyph") != "o" or mark.group("indent") or "\t" in mark.group("gap")
        ):
            self._item(n, _depth(line), mark.group("glyph"), "", line[mark.end() :])
            return n + 1
        if (number := _NUMBER.match(line)) is not None:
            self._item(n, _depth(line), "", number.group("number"), line[number.end() :])
            return n + 1
        end = self._table_end(n)
        if end > n:
            return self._table(n, end)
        tag = _tag(line)
        text = tag.group("text") if tag is not None else line
        if _depth(line):
            self._item(n, _depth(line), "", "", text)
        elif tag is None and self._is_title(n):
            self._heading(n, "### " + text.strip())
        else:
            self._text(n, text)
        return n + 1

    def _skip(self, n: int) -> None:
        self.skipped.append((n + 1, self.noise[n], self.src[n].strip()))

    def _heading(self, n: int, text: str) -> None:
        self.stack.clear()
        self.out[n], self.kinds[n] = " ".join(text.split()), _HEADING

    def _text(self, n: int, text: str) -> None:
        """A line of text at the outline's left: a paragraph standing alone, else an item of
        its own (Markdown would join it to the item, row or text above, or the text below) in
        a list of the lines of text there, apart from the list above."""
        above = self.kinds[n - 1] if n else _BLANK
        self.stack.clear()
        if above in (_BLANK, _HEADING) and not self._is_text(n + 1):
            self.out[n], self.kinds[n] = block_safe(" ".join(text.split())), _PARA
            return
        self._item(n, 0, "*", "", text)  # "*": a list of its own, not the one above

    def _item(self, n: int, depth: int, glyph: str, number: str, text: str) -> None:
        """An item at outline depth `depth`, under the open item above it with less depth (a
        "•" after a numbered list one TAB in: that list's level)."""
        text = " ".join(text.split())
        if not text:
            return
        sibling: _Open | None = None
        while self.stack:
            top = self.stack[-1]
            first_level = glyph == "•" and top.kind == "number" and top.depth == depth - 1
            if top.depth < depth and not first_level:
                break
            sibling = self.stack.pop()
        if len(self.stack) >= _MAX_DEPTH:
            sibling = self.stack.pop()
        indent = self.stack[-1].column if self.stack else 0
        if number.isdigit():
            kind, count = "number", int(number)
        elif number:
            roman = _roman(number)
            kind = "letter"
            follows = sibling is not None and sibling.kind == kind and sibling.indent == indent
            if follows and sibling is not None:
                count = sibling.number + 1
            else:
                count = roman if roman and len(number) > 1 else 1
        else:
            kind, count = "bullet", 0
        marker = f"{count}." if kind != "bullet" else "*" if glyph == "*" else "-"
        self.stack.append(_Open(depth, indent, indent + len(marker) + 1, kind, count))
        self.out[n] = " " * indent + f"{marker} {block_safe(text)}"
        self.kinds[n] = _ITEM

    # -- tables

    def _table_end(self, n: int) -> int:
        """The line after the TAB-separated table whose header is line n: a row of cells
        over one row or more, none of them a tagged line; n when none."""
        head = _cells(self.src[n])
        if head is None or (_tag(self.src[n]) is not None and not self._heads_table(n)):
            return n
        end = n + 1
        while end < len(self.src) and end not in self.noise and _tag(self.src[end]) is None:
            cells = _cells(self.src[end])
            if cells is None:
                break
            end += 1
        return end if end - n >= 2 else n

    def _table(self, n: int, end: int) -> int:
        """The table from line n to `end` as a pipe table; the line after what it took."""
        grid = [_cells(self.src[k]) or [] for k in range(n, end)]
        width = max(len(r) for r in grid)
        grid = [r + [""] * (width - len(r)) for r in grid]
        table = [
            escaped_pipe_row(grid[0]),
            escaped_pipe_row(["---"] * width),
            *(escaped_pipe_row(r) for r in grid[1:]),
        ]
        above = self.kinds[n - 1] if n else _BLANK
        if (
            n >= 1
            and self._is_free(n - 1)
            and (n < 2 or self.kinds[n - 2] in (_BLANK, _PARA, _HEADING))
        ):
            self._write_table(n - 1, table, 0)
            return end
        if above == _HEADING and n >= 2 and self._is_free(n - 2):
            self.out[n - 2], self.kinds[n - 2] = self.out[n - 1], _HEADING
            self._write_table(n - 1, table, 0)
            return end
        if above == _ITEM and self._is_free(end) and self._is_free(end + 1):
            self._take(end)
            self._take(end + 1)
            self._write_table(n + 1, table, 0)  # past a blank line: no item's own
            return end + 2
        if above != _ROW and self._is_free(end):
            self._take(end)
            column = self.stack[-1].column if above == _ITEM and self.stack else 0
            self._write_table(n, table, column)  # right under an item: the item's own
            return end + 1
        self._rows_as_items(n, grid, above)
        return end

    def _take(self, k: int) -> None:
        """A free line a table takes: a skipped one is reported."""
        if k in self.noise:
            self._skip(k)

    def _write_table(self, top: int, table: list[str], column: int) -> None:
        if not column:
            self.stack.clear()
        for k, row in enumerate(table):
            self.out[top + k], self.kinds[top + k] = " " * column + row, _ROW

    def _rows_as_items(self, n: int, grid: list[list[str]], above: str) -> None:
        """A table with no line to spare for its rule: each row an item, its first cell naming
        it and the others labelled by their header's cell ("2+ VMs in same Availability Set —
        SLA: 99.95%")."""
        header = grid[0]
        self.out[n], self.kinds[n] = "", _BLANK
        column = self.stack[-1].column if above == _ITEM and self.stack else 0
        if not column:
            self.stack.clear()
        for k, cells in enumerate(grid[1:], start=n + 1):
            said = [
                f"{h}: {c}" if h else c for h, c in zip(header[1:], cells[1:], strict=True) if c
            ]
            text = " — ".join(t for t in (cells[0], "; ".join(said)) if t)
            if text:  # "*" at the left: a list of its own, not the one above the table
                self.out[k] = " " * column + ("- " if column else "* ") + block_safe(text)
                self.kinds[k] = _ITEM
