"""Study notes copied out of a PDF (a textbook, a study guide) into a text file, read as the
Markdown they stand for.

Text copied out of a PDF keeps the page's lines: a sentence is wrapped at the page's width, a
word hyphenated across a line's end ("configu-" / "ration"), a ligature is one character
("ﬁ"), each page's running header and footer ("… Study Guide    Page 112", "Chapter 4 ■
Amazon VPC") sit between two halves of a sentence, the book's glyphs ("■", "•") mark its
lists, and a table's columns are runs of spaces, a wrapped cell going on in a line of its own.
Read as Markdown a chapter is one paragraph: a question cuts a sentence at a line's end, asks
"Page ___" or offers "trafﬁc is" as a choice. Here:

- a paragraph's lines join into its first line, the lines it took left blank (every later
  line keeps its number); it is cut after a line that ends a sentence, so each line holds
  whole sentences. A sentence goes on over a page break when the line after the page's
  furniture starts in lower case.
- a line joins the next only when it was wrapped: it fills the page's width (the next line's
  first word would not have fitted) or breaks a word with a hyphen. A line short of the width
  ended where its writer ended it. A numbered heading ("2.3.7 Optimize and automate") or a
  label's line ("Definition: …") starts a line of its own, never glued to the line above.
- a word hyphenated at a line's end is joined with no dictionary, by the file's own words: the
  hyphen stays when the file writes the word with one elsewhere ("Site-" / "to-Site" beside
  "Site-to-Site"), goes when it writes the word solid ("Cloud-" / "Front" beside
  "CloudFront"), else goes only before a lower-case half ("logical-" / "ly").
- a ligature is its letters (U+FB00–FB06 only: NFKC would rewrite "m²" and "½" too).
- a line printed on every page is skipped and reported: one repeated three times or more
  with a growing page number a page apart, a bare page number, a repeated line beside them.
- "Chapter 4 ■ Title" is a chapter's heading (its title goes on to the next line after a
  colon); a short capitalised line standing alone over a sentence is a section's heading.
- "■ • ▪ ◦" open list items, their wrapped lines joined.
- "Table 4.2 …" over rows of cells between runs of spaces is a pipe table when the rows have
  the header's number of cells, a wrapped cell's line going on with the cell in its column;
  the header takes the caption's line (a table needs its rule's), so the caption is skipped,
  and "Figure 3.1 …" too: the figure is not in the notes.
- "[…]" opening a line is the reader's own comment: a note of its own, without its brackets;
  a short one on the book's pages ("[skipped p.115 - DHCP]") is skipped.
- a note right under an item or a table's row would go on with it in Markdown (a lazy
  line): it moves one line down, under a blank line, when it has a line to spare.

Only a file with no Markdown structure (a "#" heading, a fence, a pipe table, "- " items for
half its lines) that shows it was copied out of a PDF is read so: a running header or footer
with a growing page number, or lines wrapped at one width with words hyphenated across them or
ligatures.

Whether lines are wrapped is decided once for the file, by the widths of its lines that end
mid-sentence: a PDF's page has one width, so most of them sit at it, while notes typed in a
word processor ("ITIL4 notes – page 3 of 12" at each page's foot, each line a whole paragraph
or outline line) end their lines anywhere. A paragraph is too few lines to tell a width by
(two lines of a Word note can be as long as each other by chance), a file is not. Notes whose
lines are not wrapped keep every line as it was, only the page's furniture skipped: they are
the notes their writer typed, with no page's layout to undo.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import defaultdict

from questions.parse.plain_text import FENCE

_LIGATURES = str.maketrans(
    {
        "\ufb00": "ff",
        "\ufb01": "fi",
        "\ufb02": "fl",
        "\ufb03": "ffi",
        "\ufb04": "ffl",
        "\ufb05": "st",
        "\ufb06": "st",
        "\u00a0": " ",  # a PDF's no-break space: a space, so runs of them part cells
    }
)
_MAX_LINES = 50_000  # a longer file is no copied chapter: left as it is
_MAX_LINE = 1_000  # a longer line is prose: never a heading, caption or table row
_MAX_JOINED = 400  # lines one paragraph joins at most (a text with no sentence's end)
_MAX_COMMENT = 12  # lines one "[…]" comment spans at most
_MAX_GAP = 8  # blank and furniture lines a sentence or a table goes on over
_MAX_COLUMNS = 12
_MAX_ROWS = 500
_MAX_TABLE_LINES = 2_000  # lines one table spans at most, wrapped cells and page breaks too

#: Markdown's own structure: a "#" heading, a pipe table's rule row, bold or a link
_MD_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+\S")
_PIPE_RULE = re.compile(r"^[ \t]*(?:\|[ \t]*)?:?-{3,}:?[ \t]*\|")
_MD_MARKS = 3  # lines with "**" or "](" that make a file Markdown
#: a Markdown list item: "- ", "* ", "+ " before text
_MD_ITEM = re.compile(r"^[ \t]*[-*+][ \t]+\S")
#: a run of digits: a page number, which changes from page to page
_DIGITS = re.compile(r"\d+")
#: a bare page number ("112", "- 112 -")
_PAGE_NUMBER = re.compile(r"^(?:[-–—][ \t]*)?\d{1,4}(?:[ \t]*[-–—])?$")
_MIN_PAGES = 3
_PAGE_LINES = 8  # lines a page holds at least: a numbered line repeated closer is a list's
_MAX_RUNNING = 120  # characters of a running header or footer at most
_MIN_BROKEN = 2
#: the lines wrapped mid-sentence share one width, most of them within this many characters
_WIDTH_SPREAD = 12
_MIN_WRAPPED = 5
_MIN_WIDTH = 40
#: a line that stands alone: a numbered heading ("2.3.7 Optimize and automate", "1 Key
#: concepts"), never a sentence's end or a wrapped line's ("… up to 100" / "Gbps")
_NUMBERED_HEADING = re.compile(r"^\d{1,2}(?:\.\d{1,2}){0,3}\.?[ \t]+[A-Z(]")
#: a label's line: "Definition: Value – …", "Purpose: to …", "Note: …" (a few words, the first
#: capitalised, then a colon and the text)
_LABEL = re.compile(r"^[A-Z][^\s:]{0,30}(?:[ \t][^\s:]{1,30}){0,2}:[ \t]+\S")

#: a book's list glyph opening a line
_BULLET = re.compile(r"^(?P<indent>[ \t]*)(?P<glyph>[•■▪◦●○▸►◆❖▫‣∙])[ \t]*(?=\S)")
#: glyphs a book marks the items of an item's own list with
_SUB_GLYPHS = frozenset("◦○▫‣∙")
_NUMBERED = re.compile(r"^(?P<indent>[ \t]*)(?P<number>\d{1,2})[.)][ \t]+(?=\S)")
#: a chapter's opening line: "Chapter 4 ■ Amazon VPC", "CHAPTER 8: Route 53", "Chapter 3"
_CHAPTER = re.compile(
    r"^(?:Chapter|CHAPTER)[ \t]+(?P<number>\d{1,3}|[IVXLC]{1,7})\b[ \t]*[■•▪:.–—-]?[ \t]*"
    r"(?P<title>.*)$"
)
#: a numbered section's title: "4.2 Subnets", "4.2.1 Route tables"
_DECIMAL = re.compile(r"^(?P<number>\d{1,2}\.\d{1,2}(?:\.\d{1,2})?)\.?[ \t]+(?=[A-Z])")
#: a caption: "Table 4.1 Reserved IP addresses", "Figure 3.2: A VPC" (not "Table 4.2 shows")
_CAPTION = re.compile(
    r"^(?P<kind>Table|TABLE|Figure|FIGURE|Fig\.|Exhibit|EXHIBIT)[ \t]+\d{1,3}(?:[.-]\d{1,3}){0,2}"
    r"[.:]?[ \t]+(?=[A-Z(\"'“])"
)
#: a typed separator: "---", "* * *"
_RULE = re.compile(r"^(?:[-*_=~•][ \t]*){3,}$")
#: a task box, no comment: "[ ] review", "[x] done"
_TASK = re.compile(r"^\[[ xX]\][ \t]")
#: a comment on the book's pages ("[skipped p.115 - DHCP option sets]", "[pages 40-42 are
#: diagrams]"): where the reader is in the book, short, no fact of the subject
_PAGE_REMARK = re.compile(r"\b(?:pp?|pg)\.[ \t]?\d{1,4}\b|\bpages?[ \t]+\d{1,4}\b", re.I)
_MAX_REMARK_WORDS = 12
#: a table's cell: words between runs of two spaces or more
_PIECE = re.compile(r"\S+(?: \S+)*")
#: a section's title: a few words, none closing a sentence or a clause
_MAX_TITLE_WORDS = 8
_MAX_TITLE = 60
_TITLE_SHARE = 0.75  # of the page's width: a longer line is a paragraph's
#: a line ending like this goes on: a function word left for the next line
_OPEN_ENDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "to",
        "in",
        "on",
        "and",
        "or",
        "for",
        "with",
        "by",
        "from",
        "as",
        "at",
        "is",
        "are",
    ]
)
_SENTENCE_ENDS = (".", "!", "?", ":", "。", "！", "？", "：")
_CLOSERS = ")]\"'”’"


def pdf_text_as_markdown(lines: list[str]) -> tuple[list[str], list[tuple[int, str, str]]]:
    """The lines with paragraphs joined, headings, lists and tables as Markdown, and a page's
    furniture and captions dropped as (line number, reason, text); the lines as they were for
    notes not copied out of a PDF."""
    if len(lines) > _MAX_LINES or _is_markdown(lines):
        return lines, []
    fixed = [line.translate(_LIGATURES) for line in lines]
    running = _running_lines(fixed)
    width = _wrap_width(fixed)
    if len(running) < _MIN_PAGES and not (width and _typeset(fixed, lines)):
        return lines, []
    if width == 0:  # notes typed with a page's footer: each line as its writer ended it
        out = ["" if n in running else line for n, line in enumerate(lines)]
        return out, [(n + 1, running[n], lines[n].strip()) for n in sorted(running)]
    reader = _Reader(fixed, running, width)
    reader.read()
    return reader.out, reader.skipped


def _is_markdown(lines: list[str]) -> bool:
    """The file marks itself as Markdown: a heading, a fence, a pipe table, bold and links, or
    Markdown's list items for half its lines (an outline, or notes another reader wrote so)."""
    marks = items = filled = 0
    for line in lines:
        if FENCE.match(line) or _MD_HEADING.match(line) or _PIPE_RULE.match(line):
            return True
        marks += "**" in line or "](" in line
        items += _MD_ITEM.match(line) is not None
        filled += bool(line.strip())
    return marks >= _MD_MARKS or items * 2 > filled


def _ends_sentence(text: str) -> bool:
    return text.rstrip().rstrip(_CLOSERS).endswith(_SENTENCE_ENDS)


def _typeset(fixed: list[str], raw: list[str]) -> bool:
    """Lines wrapped at one width set by a typesetter: with words hyphenated across their ends
    or ligatures (an editor's hard wrap does neither)."""
    ligatures = any(line != f for line, f in zip(raw, fixed, strict=True) if "\u00a0" not in line)
    broken = sum(
        1
        for line, nxt in itertools.pairwise(fixed)
        if _broken(line.rstrip()) and nxt.strip()[:1].islower()
    )
    return ligatures or broken >= _MIN_BROKEN


def _wrap_width(lines: list[str]) -> int | None:
    """The width the lines are wrapped at: most lines of prose that end mid-sentence over
    another are within a few characters of it. 0 when they are not (each line is as long as
    its text), None when too few lines end mid-sentence to tell."""
    widths = sorted(
        len(line.rstrip())
        for line, nxt in itertools.pairwise(lines)
        if nxt.strip() and _prose(line) and _prose(nxt) and not _ends_sentence(line)
    )
    if len(widths) < _MIN_WRAPPED:
        return None
    middle = widths[len(widths) // 2]
    close = sum(1 for w in widths if abs(w - middle) <= _WIDTH_SPREAD)
    return middle if middle >= _MIN_WIDTH and close * 4 >= len(widths) * 3 else 0


def _stands_alone(text: str) -> bool:
    """The line opens a line of its own: a numbered heading, short and no sentence's end, or a
    label's line ("Definition: …")."""
    if len(text) > _MAX_LINE:
        return False
    if _LABEL.match(text):
        return True
    if not _NUMBERED_HEADING.match(text) or len(text) > _MAX_TITLE:
        return False
    return not text.endswith((".", ",", ";", ":", "-")) and text.split()[-1] not in _OPEN_ENDS


def _prose(line: str) -> bool:
    text = line.strip()
    return (
        len(text) >= _MIN_WIDTH // 2
        and len(text) <= _MAX_LINE
        and not _BULLET.match(line)
        and len(_pieces(text)) == 1
    )


def _broken(text: str) -> bool:
    """The text ends in a word hyphenated across the line's end: a letter and a hyphen."""
    return len(text) > 1 and text[-1] == "-" and text[-2].isalpha()


def _pieces(line: str) -> list[tuple[int, str]]:
    """The line's cells and where each starts: words between runs of two spaces or a tab."""
    return [(m.start(), m.group()) for m in _PIECE.finditer(line.replace("\t", "    "))]


def _running_lines(lines: list[str]) -> dict[int, str]:
    """The lines each page repeats (by index), with why: a header or footer whose page number
    grows a page apart, a bare page number, and a repeated line right by one of them."""
    forms: dict[str, list[int]] = defaultdict(list)
    numbers: list[int] = []
    for n, line in enumerate(lines):
        text = " ".join(line.split())
        if _PAGE_NUMBER.match(text):
            numbers.append(n)
        elif 3 <= len(text) <= _MAX_RUNNING:
            forms[_DIGITS.sub("0", text)].append(n)
    running: dict[int, str] = {}
    for form, places in forms.items():
        if "0" in form and _paged(lines, places):
            running.update((n, "page header") for n in places)
    if _paged(lines, numbers):
        running.update((n, "page number") for n in numbers)
    anchors = sorted(running)
    for places in forms.values():
        if len(places) < 2 or places[0] in running:
            continue
        for n in places:
            if _beside(lines, n, anchors):
                running[n] = "page header"
    return running


def _paged(lines: list[str], places: list[int]) -> bool:
    """Lines of one form (by index) that are a page's: three or more, a page apart, a number in
    them growing from each to the next."""
    if len(places) < _MIN_PAGES:
        return False
    values = []
    for n in places:
        found = _DIGITS.findall(lines[n])
        if not found or len(found[-1]) > 4:
            return False
        values.append([int(x) for x in found])
    if any(len(v) != len(values[0]) for v in values):
        return False
    changing = [k for k in range(len(values[0])) if len({v[k] for v in values}) > 1]
    if not changing:
        return False
    page = [v[changing[-1]] for v in values]
    apart = all(b - a >= _PAGE_LINES for a, b in itertools.pairwise(places))
    return apart and all(a < b for a, b in itertools.pairwise(page))


def _beside(lines: list[str], n: int, anchors: list[int]) -> bool:
    """Line n is a page's furniture's neighbour: two lines at most from a page's header,
    footer or number, blank lines between."""
    at = bisect.bisect_left(anchors, n - 2)
    for m in anchors[at : at + 5]:
        if abs(m - n) <= 2 and all(not lines[k].strip() for k in range(min(m, n) + 1, max(m, n))):
            return True
    return False


def _word_forms(lines: list[str]) -> tuple[set[str], set[tuple[str, str]]]:
    """The words the file writes solid, and the pairs of words it joins with a hyphen
    ("site-to-site": ("site", "to"), ("to", "site")), in lower case."""
    solid: set[str] = set()
    pairs: set[tuple[str, str]] = set()
    for line in lines:
        for token in line[:_MAX_LINE].split():
            word = token.strip(".,;:!?()[]{}\"'“”‘’/")
            if word.isalpha():
                solid.add(word.lower())
            elif "-" in word.rstrip("-"):
                parts = word.lower().split("-")
                pairs.update(itertools.pairwise(parts))
    return solid, pairs


class _Reader:
    """One pass over the lines, each handler writing exactly the lines it reads."""

    def __init__(self, lines: list[str], running: dict[int, str], wrap: int | None) -> None:
        self.src = lines
        self.running = running
        self.out: list[str] = []
        self.skipped: list[tuple[int, str, str]] = []
        self.dropped: set[int] = set()  # lines skipped as a caption
        self.scanned = 0  # lines read for a table whose rows did not line up: none starts there
        self.last = ""  # what the last line written holds: heading, item, table, text
        self.item: tuple[int, int, str] = (0, 0, "")  # top item's indent, text column, glyph
        self.solid, self.pairs = _word_forms(lines)
        widths = sorted(len(line.rstrip()) for line in lines if _prose(line))
        self.width = widths[len(widths) * 9 // 10] if widths else 0
        #: the page's width a wrapped line fills: the file's, or its longest lines' when too
        #: few lines end mid-sentence to tell
        self.wrap = wrap or self.width
        self.chapters = any(_CHAPTER.match(line) for line in lines)
        #: each chapter's title as its running header gives it ("Chapter 8 ■ Amazon Route 53
        #: and Amazon CloudFront"): the book's own short form of a long title
        self.short: dict[str, str] = {}
        for n in running:
            chapter = _CHAPTER.match(lines[n].strip())
            if chapter is not None and chapter.group("title"):
                self.short.setdefault(chapter.group("number"), chapter.group("title").strip())

    # -- writing

    def _write(self, n: int, end: int, text: str, kind: str) -> None:
        """Write `text` at line n and blank lines up to `end`, reporting the furniture
        among them."""
        self.out.append(text)
        for k in range(n + 1, end):
            self._blank(k)
        if text.strip():
            self.last = kind

    def _blank(self, k: int) -> None:
        self.out.append("")
        if k in self.running:
            self.skipped.append((k + 1, self.running[k], self.src[k].strip()))

    def _skip(self, n: int, reason: str) -> None:
        self.dropped.add(n)
        self.out.append("")
        self.skipped.append((n + 1, reason, self.src[n].strip()))

    # -- reading

    def read(self) -> None:
        n = 0
        first = True
        while n < len(self.src):
            line = self.src[n]
            text = line.strip()
            if n in self.running or not text or _RULE.match(text):
                self._blank(n)
                n += 1
                continue
            if len(line) > _MAX_LINE:
                n = self._paragraph(n)
                continue
            if first:
                first = False
                if self._is_title(n):
                    self._write(n, n + 1, "# " + text, "heading")
                    n += 1
                    continue
            n = self._block(n)

    def _block(self, n: int) -> int:
        line = self.src[n]
        text = line.strip()
        chapter = _CHAPTER.match(text)
        if chapter is not None:
            title = chapter.group("title").strip()
            short = self.short.get(chapter.group("number"), "")
            end = self._chapter(n, title, short)
            if end > n:
                return end
        caption = _CAPTION.match(text)
        if caption is not None:
            return self._caption(n, caption.group("kind"))
        if text.startswith("[") and not _TASK.match(text):
            end = self._comment_end(n)
            if end > n:
                comment = self._joined([self.src[k].strip() for k in range(n, end)])[1:-1]
                if _PAGE_REMARK.search(comment) and len(comment.split()) <= _MAX_REMARK_WORDS:
                    for k in range(n, end):  # where the reader is in the book, no fact
                        self._skip(k, "reader's remark")
                    return end
                return self._place(n, end, self._text(comment.strip()))
        if _BULLET.match(line) or _NUMBERED.match(line):
            return self._item(n)
        decimal = _DECIMAL.match(text)
        if decimal is not None and self._is_heading(n, text[decimal.end() :], _stands_alone(text)):
            depth = decimal.group("number").count(".") + 2
            self._write(n, n + 1, "#" * depth + " " + text[decimal.end() :], "heading")
            return n + 1
        if self._is_heading(n, text):
            self._write(n, n + 1, ("### " if self.chapters else "## ") + text, "heading")
            return n + 1
        end = self._bare_table(n)
        if end > n:
            return end
        return self._paragraph(n)

    def _opens_block(self, line: str) -> bool:
        """The line starts a block of its own: an item, a caption, a comment, a chapter."""
        text = line.strip()
        return (
            _BULLET.match(line) is not None
            or _NUMBERED.match(line) is not None
            or _CAPTION.match(text) is not None
            or _CHAPTER.match(text) is not None
            or _RULE.match(text) is not None
            or (text.startswith("[") and not _TASK.match(text))
        )

    def _next_line(self, k: int) -> tuple[int, bool]:
        """The first line from k that is neither blank nor a page's furniture, and whether a
        page's furniture came first (a page break); len(lines) when none near."""
        page = False
        for m in range(k, min(k + _MAX_GAP, len(self.src))):
            if m in self.running:
                page = True
            elif self.src[m].strip():
                return m, page
        return len(self.src), page

    def _is_title(self, n: int) -> bool:
        """The file's first line names the notes: short, no sentence, no wrapped line after."""
        text = self.src[n].strip()
        words = text.split()
        nxt = self.src[n + 1].strip() if n + 1 < len(self.src) else ""
        return (
            len(words) <= 12
            and len(text) <= 80
            and not text.endswith((".", ",", ";", ":", "-"))
            and words[-1].lower() not in _OPEN_ENDS
            and not nxt[:1].islower()
            and not self._opens_block(self.src[n])
            and len(_pieces(text)) == 1
        )

    def _is_heading(self, n: int, text: str, numbered: bool = False) -> bool:
        """A section's title: a short capitalised line with no sentence's end, standing alone
        (a blank line above it, or a sentence's end and every long word capitalised, or a
        section's number before it) over a line that starts a sentence or a list."""
        words = text.split()
        if not words or len(words) > _MAX_TITLE_WORDS or len(text) > _MAX_TITLE:
            return False
        if self.width and len(text) > self.width * _TITLE_SHARE:
            return False
        if (
            not text[0].isupper()
            or text.endswith((",", ";", "-", "–", "—"))
            or _ends_sentence(text)
        ):
            return False
        if words[-1].lower() in _OPEN_ENDS or len(_pieces(text)) > 1:
            return False
        nxt, _ = self._next_line(n + 1)
        if nxt >= len(self.src) or nxt > n + 2:
            return False
        after = self.src[nxt].strip()
        if after[:1].islower() or (len(_pieces(after)) > 1 and not self._opens_block(after)):
            return False
        k = n - 1  # the line above, past the page's furniture and captions
        while k >= 0 and n - k <= _MAX_GAP and (k in self.running or k in self.dropped):
            k -= 1
        above = self.src[k] if k >= 0 else ""
        if numbered or not above.strip() or self.last == "heading":
            return True
        capitalised = all(w[0].isupper() for w in words if len(w) > 3)
        return _ends_sentence(above) and capitalised

    def _chapter(self, n: int, title: str, short: str) -> int:
        """A chapter's heading, its title going on to the next line after a colon or when it
        has none, its running header's short form when too long for a topic; n when the line
        is prose ("Chapter 4 covers …")."""
        end = n + 1
        nxt = self.src[n + 1].strip() if n + 1 < len(self.src) else ""
        after = self.src[n + 2].strip() if n + 2 < len(self.src) else ""
        goes_on = (
            nxt
            and len(nxt) <= _MAX_TITLE
            and nxt[:1].isupper()
            and not _ends_sentence(nxt)
            and not after
            and not self._opens_block(nxt)
        )
        if (not title or title.endswith(":")) and goes_on:
            title = f"{title} {nxt}".strip()
            end = n + 2
        if (
            not title
            or not title[0].isupper()
            or title.endswith(".")
            or len(title) > 2 * _MAX_TITLE
        ):
            return n
        if len(title) > _MAX_TITLE and short:
            title = short
        self._write(n, end, "## " + " ".join(title.split()), "heading")
        return end

    def _caption(self, n: int, kind: str) -> int:
        """A table's caption with its table as a pipe table, the caption's line taking the
        header; a figure's caption, or a table's with no table under it, skipped."""
        if kind.lower().startswith("tab"):
            head, _ = self._next_line(n + 1)
            if head <= n + 2 and head < len(self.src):
                table = self._table(head)
                if table is not None:
                    rows, end = table
                    self.skipped.append((n + 1, "table caption", self.src[n].strip()))
                    self._write_table(n, end, rows)
                    return end
        self._skip(n, "table caption" if kind.lower().startswith("tab") else "figure caption")
        return n + 1

    def _comment_end(self, n: int) -> int:
        """The line after the reader's "[…]" comment opening line n; n when it does not
        close within a few lines."""
        for k in range(n, min(n + _MAX_COMMENT, len(self.src))):
            line = self.src[k].rstrip()
            if k > n and (not line or k in self.running):
                return n
            if line.endswith("]"):
                return k + 1
        return n

    def _item(self, n: int) -> int:
        """A list item, its wrapped lines joined: "■ Use RFC 1918 …" as "- Use RFC 1918 …",
        nested under the item above when the book marks it deeper."""
        line = self.src[n]
        bullet = _BULLET.match(line)
        numbered = _NUMBERED.match(line) if bullet is None else None
        mark = bullet or numbered
        if mark is None:
            return self._paragraph(n)
        indent = len(mark.group("indent").expandtabs(4))
        glyph = bullet.group("glyph") if bullet is not None else ""
        top_indent, column, top_glyph = self.item
        nested = self.last == "item" and (
            indent > top_indent + 1 or (glyph in _SUB_GLYPHS and top_glyph not in _SUB_GLYPHS)
        )
        marker = "-" if numbered is None else numbered.group("number") + "."
        text, end = self._gather(n, line[mark.end() :].strip(), item=True)
        text = self._text(text)
        if nested:
            self._write(n, end, " " * column + f"{marker} {text}", "item")
        else:
            self.item = (indent, len(marker) + 1, glyph)
            self._write(n, end, f"{marker} {text}", "item")
        return end

    def _paragraph(self, n: int) -> int:
        text, end = self._gather(n, self.src[n].strip(), item=False)
        if self._lazy() and end == n + 1 and end < len(self.src) and self._plain(end):
            # the next sentence too: the room to stand apart from the item above
            more, end = self._gather(end, self.src[end].strip(), item=False)
            text = f"{text} {more}"
        return self._place(n, end, self._text(text))

    def _lazy(self) -> bool:
        """The line written last is an item's or a table row's: a line of text right under
        it would go on with it (CommonMark's lazy continuation)."""
        return self.last in ("item", "table") and bool(self.out) and bool(self.out[-1].strip())

    def _plain(self, k: int) -> bool:
        """Line k is a line of text: no block's opening, no heading, no table's row."""
        line = self.src[k]
        text = line.strip()
        return (
            bool(text)
            and k not in self.running
            and len(line) <= _MAX_LINE
            and not self._opens_block(line)
            and len(_pieces(text)) == 1
            and not _stands_alone(text)
            and not (text[:1].isupper() and self._is_heading(k, text))
        )

    def _place(self, n: int, end: int, text: str) -> int:
        """Write a note from line n to `end`; right under an item or a table's row one line
        lower, under a blank line, when it has a line to spare or a blank line follows it; the
        line after it."""
        if self._lazy() and end > n + 1:
            self._blank(n)
            self._write(n + 1, end, text, "text")
        elif self._lazy() and end < len(self.src) and not self.src[end].strip():
            self._blank(n)
            self._write(n + 1, end + 1, text, "text")
            return end + 1
        else:
            self._write(n, end, text, "text")
        return end

    @staticmethod
    def _text(text: str) -> str:
        """A paragraph's text as Markdown text: a "#" or ">" opening it is no mark."""
        text = " ".join(text.split())
        return "\\" + text if text[:1] in ("#", ">") else text

    def _gather(self, n: int, text: str, item: bool) -> tuple[str, int]:
        """The text of the paragraph or item opening at line n, its wrapped lines joined, and
        the line after it. It goes on while no sentence ends at a line's end (or an item's
        line is indented under it, or the next line starts in lower case), and over a page
        break only into a line that starts in lower case; only from a line that was wrapped
        (an item's indented line aside), and never into a line that stands alone."""
        parts = [text]
        end = n + 1
        last = self.src[n]  # the line last joined, as the page has it
        if _NUMBERED_HEADING.match(text) and _stands_alone(text):
            return self._joined(parts), end
        while end < len(self.src) and len(parts) < _MAX_JOINED:
            k, page = self._next_line(end)
            if k >= len(self.src) or (k > end and not page):
                break
            line = self.src[k]
            if len(line) > _MAX_LINE or self._opens_block(line):
                break
            nxt = line.strip()
            ends = _ends_sentence(parts[-1])
            lower = nxt[:1].islower()
            indented = line[:1] in (" ", "\t")
            if page:
                goes_on = not ends and lower
            elif item:
                goes_on = indented or not ends
            else:
                goes_on = not ends or lower
            if not (item and indented and not page):  # else an item's hanging indent
                goes_on = goes_on and self._wrapped(last, nxt)
            if not goes_on or _stands_alone(nxt):
                break
            parts.append(nxt)
            last = line
            end = k + 1
        return self._joined(parts), end

    def _wrapped(self, line: str, nxt: str) -> bool:
        """The line was wrapped before `nxt`: it breaks a word with a hyphen, or it fills the
        page's width, the next line's first word too long to fit in what is left of it."""
        text = line.rstrip()
        if _broken(text) or not self.wrap:
            return True
        room = self.wrap - _WIDTH_SPREAD - len(text.expandtabs(4))
        return len(nxt.split(None, 1)[0]) >= room

    def _joined(self, parts: list[str]) -> str:
        """Lines as one text, a word hyphenated across a line's end whole again."""
        chunks: list[str] = []
        for part in parts:
            last = chunks[-1] if chunks else ""
            if not chunks:
                chunks.append(part)
            elif _broken(last) and part[:1].isalpha():
                if self._drops_hyphen(last, part):
                    chunks[-1] = last[:-1]
                chunks.append(part)
            elif last.endswith(("/", "\u00ad")):
                chunks[-1] = last.rstrip("\u00ad")
                chunks.append(part)
            else:
                chunks.append(" " + part)
        return "".join(chunks)

    def _drops_hyphen(self, left: str, right: str) -> bool:
        """The hyphen ending `left` only broke the word `right` finishes: the file writes the
        word solid, or not with a hyphen and its second half starts in lower case."""
        words = left[:-1].rsplit(None, 1)
        head = words[-1].split("-")[-1].lstrip("([\"'“‘").lower() if words else ""
        word = right.split()[0]
        tail = word.split("-")[0].rstrip(".,;:!?)]\"'”’").lower()
        if head + tail in self.solid:
            return True
        if (head, tail) in self.pairs or "-" in word.rstrip("-"):
            return False
        return right[:1].islower()

    # -- tables

    def _bare_table(self, n: int) -> int:
        """A table with no caption from line n: a header of short labels between runs of
        spaces over two rows or more, with room for its rule; n when none."""
        head = _pieces(self.src[n].strip())
        if len(head) < 2 or self.src[n][:1].isspace() or n < self.scanned:
            return n
        if any(len(t) > 30 or len(t.split()) > 4 or _ends_sentence(t) for _, t in head):
            return n
        table = self._table(n)
        if table is None or len(table[0]) < 3:
            return n
        rows, end = table
        if len(rows) + 2 <= end - n:
            self._write_table(n, end, rows)
            return end
        if self.out and not self.out[-1].strip() and n - 1 not in self.running:
            self.out.pop()
            self._write_table(n - 1, end, rows)
            return end
        return n

    def _table(self, h: int) -> tuple[list[list[str]], int] | None:
        """The table whose header is line h, as rows of cells, and the line after it; None
        when its rows do not keep the header's columns."""
        head = _pieces(self.src[h])
        if not 2 <= len(head) <= _MAX_COLUMNS or len(self.src[h]) > _MAX_LINE:
            return None
        columns = [p for p, _ in head]
        rows = [[t for _, t in head]]
        if columns[0] >= 2:  # over a column of labels: no label of its own
            columns.insert(0, 0)
            rows[0].insert(0, "")
        where = list(columns)  # where the cells of the row last read start
        upper = lower = odd = 0  # rows opening in upper and lower case, rows out of line
        k = h + 1
        while k < len(self.src) and len(rows) <= _MAX_ROWS and k - h <= _MAX_TABLE_LINES:
            line = self.src[k]
            if k in self.running:
                k += 1
                continue
            if not line.strip():
                nxt, page = self._next_line(k)
                if page and nxt < len(self.src) and self._goes_on_table(self.src[nxt]):
                    k = nxt
                    continue
                break
            if len(line) > _MAX_LINE or self._opens_block(line):
                break
            pieces = _pieces(line)
            opens_lower = pieces[0][1][:1].islower()
            if len(rows) > 1 and (pieces[0][0] >= 2 or (opens_lower and upper > lower)):
                # a wrapped cell's next line: each piece goes on with the cell in its column
                for pos, piece in pieces:
                    col = _nearest(where, pos)
                    rows[-1][col] = self._joined([rows[-1][col], piece]) if rows[-1][col] else piece
                k += 1
                continue
            if len(pieces) < 2:
                break  # a line of prose under the table
            if len(pieces) < len(columns):
                pieces = _split_at(pieces, columns)
            if len(pieces) == len(columns):
                cells = [t for _, t in pieces]
                where = [p for p, _ in pieces]
            else:
                odd += 1
                cells = [""] * len(columns)
                for pos, piece in pieces:
                    col = _nearest(columns, pos)
                    cells[col] = f"{cells[col]} {piece}".strip()
                where = list(columns)
            if opens_lower:
                lower += 1
            else:
                upper += 1
            rows.append(cells)
            k += 1
        data = len(rows) - 1
        if data < 1 or odd * 3 > data:
            self.scanned = max(self.scanned, k)
            return None
        return rows, k

    def _goes_on_table(self, line: str) -> bool:
        """A line after a page break that goes on with a table: cells between runs of spaces
        or an indented wrapped cell."""
        return not self._opens_block(line) and (
            len(_pieces(line)) > 1 or line[:1].isspace() or line.strip()[:1].islower()
        )

    def _write_table(self, top: int, end: int, rows: list[list[str]]) -> None:
        """The rows as a pipe table from line `top`: the header, its rule, the rows; the
        lines left to `end` blank, the page's furniture among them reported."""
        width = len(rows[0])
        table = [_pipe_row(rows[0]), "|" + " --- |" * width]
        table += [_pipe_row(r) for r in rows[1:]]
        for k in range(top, end):
            at = k - top
            if at < len(table):
                self.out.append(table[at])
                if k in self.running:
                    self.skipped.append((k + 1, self.running[k], self.src[k].strip()))
            else:
                self._blank(k)
        self.last = "table"


def _nearest(starts: list[int], pos: int) -> int:
    """The column whose cells start nearest `pos`."""
    return min(range(len(starts)), key=lambda c: abs(starts[c] - pos))


def _split_at(pieces: list[tuple[int, str]], columns: list[int]) -> list[tuple[int, str]]:
    """Pieces split where a column starts after one space only ("Source/dest check Not
    applicable" under "Attribute" and "NAT gateway")."""
    out: list[tuple[int, str]] = []
    for pos, text in pieces:
        cuts = [c - pos for c in columns if pos < c < pos + len(text) and text[c - pos - 1] == " "]
        start = 0
        for cut in cuts:
            out.append((pos + start, text[start:cut].strip()))
            start = cut
        out.append((pos + start, text[start:].strip()))
    return out


def _pipe_row(cells: list[str]) -> str:
    return "| " + " | ".join(" ".join(c.split()).replace("|", "\\|") for c in cells) + " |"
