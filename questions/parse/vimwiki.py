"""Notes kept in Vimwiki (a personal wiki edited in Vim), in its default syntax, handed in as
they are: read as the Markdown they stand for.

Vimwiki writes a heading as "= Title =" … "====== Sixth ======" (more "=" is deeper, spaces
before it centre it), bold as *bold*, italics as _italics_, ~~strike~~, `code`, ^sup^ and
,,sub,,, a list's items as "*", "-" or "#" and "1." "1)" "a)" "i)", nested by their indent, a
to-do box after the marker ("* [ ]", "[.]", "[o]", "[O]" part done, "[X]" done, "[-]" dropped),
a definition as "term:: definition", a table as "| a | b |" rows with a "|---|---|" rule under
its header, code between "{{{" (or "{{{sh", '{{{class="bash"') and "}}}" lines, a link as
[[page]], [[page|text]] or [[diary:…]], an image as {{file.png}}, and files its bookkeeping in
the text: "%% comment" lines, "%title" / "%nohtml" / "%template" placeholders and ":tag:"
lines. Read as Markdown every "*bold*" was italics with its stars kept, the "=" headings were
paragraphs, and Trac's reader (which also reads "= … =" and "{{{") left the stars and the
table's pipes in stems and options. Only a file Vimwiki marks as its own is read so: a "= … ="
heading and a mark only Vimwiki writes (a placeholder, a "%%" comment, a tag line, a "[.]"
box, a diary link), or a "{{{" block with Vimwiki's own lists, tables or definitions written
from the line's start (Trac indents them), and no mark of MediaWiki, Trac, DokuWiki, Creole,
org or Markdown. Each line stays on its line, so every question still points at its line.
"""

from __future__ import annotations

import bisect
import re

from questions.parse.dokuwiki import row_item
from questions.parse.plain_text import capped, pipe_row
from questions.parse.spans import block_safe, code_span

#: a Markdown code fence's opening or closing line
_FENCE = re.compile(r"^ {0,3}(?:```|~~~)")
#: a preformatted block's opening line ("{{{", "{{{sh", '{{{class="bash"') and closing line
_PRE_OPEN = re.compile(r"^\s*\{\{\{(?P<attrs>.*)$")
_PRE_CLOSE = re.compile(r"^\s*\}\}\}\s*$")
#: a math block's opening and closing line ("{{$%align%" … "}}$")
_MATH_OPEN = re.compile(r"^\s*\{\{\$")
_MATH_CLOSE = re.compile(r"^\s*\}\}\$\s*$")
#: a block's language: "{{{sh", '{{{class="brush: python"', "{{{type=python"
_LANG_WORD = re.compile(r"^\s*(?P<lang>[\w+#.-]+)\s*$")
_LANG_ATTR = re.compile(
    r"\b(?:class|type|lang)\s*=\s*[\"']?(?:brush\s*:\s*)?(?P<lang>[\w+#.-]+)", re.I
)
#: the placeholders a page's HTML takes its title, template and date from
_PLACEHOLDER = re.compile(r"^%(?:title|nohtml|template|date)\b")
#: a comment line ("%% …"); a DokuWiki "%%…%%" run on a line is no comment
_COMMENT = re.compile(r"^\s*%%(?!\+)")
_COMMENT_OPEN = "%%+"
_COMMENT_CLOSE = "+%%"
#: a line of tags (":rhcsa:linux:"); org's drawers (":PROPERTIES:", ":END:") are none
_TAG_LINE = re.compile(r"^\s*:(?:[^:\s]+:)+\s*$")
_ORG_DRAWER = re.compile(r"^\s*:(?:PROPERTIES|END|LOGBOOK|CLOCK|RESULTS|NOTES):\s*$", re.I)
_RULE = re.compile(r"^\s*-{4,}\s*$")
#: a list's item: "*", "-", "#" or "1." "1)" "a)" "i)", its indent nesting it
_LIST = re.compile(
    r"^(?P<indent>[ \t]*)(?P<mark>[-*#]|(?P<num>\d{1,9})[.)]|[a-zA-Z]\)|[ivxlcdmIVXLCDM]{1,8}\))"
    r"[ \t]+(?P<text>\S.*)$"
)
#: a to-do box first in an item: open (" "), part done (".", "o", "O"), done ("X"), dropped
_BOX = re.compile(r"^\[(?P<box>[ .oOxX-])\](?:[ \t]+|$)")
_MAX_TERM = 80
_MAX_DEPTH = 8  # lists nest no deeper: an item past it is one more of the deepest level
_MAX_COLUMNS = 64
#: what a table's rule row holds: "|---|---|", "|-----+-----|", "|:--|--:|"
_RULE_CHARS = frozenset("|-+: \t")

#: marks only Vimwiki writes: a diary link, a modeline naming it; a part-done box first in
#: an item
_VIMWIKI_MARKS = ("[[diary:", "ft=vimwiki", "filetype=vimwiki")
_PART_DONE = re.compile(r"\s*(?:[-*#]|\d+[.)])\s+\[[.oO]\]\s")
#: marks of another wiki's page: MediaWiki's '''bold''', category and citation; Trac's
#: TracLinks ("[wiki:Page]") and macros ("[[TOC]]", "<<TableOfContents>>")
_OTHER_MARK = re.compile(
    r"'''[^']|\[\[[Cc]ategory:|<ref[\s>/]|\[\[?(?:wiki|ticket|source|changeset|milestone|report):|"
    r"\[\[(?:TOC|PageOutline|BR|TracNav)\b|<<(?:TableOfContents|BR|Anchor|Include)\b"
)
#: lines of another wiki's page or of a Markdown or org file: MediaWiki's "{|" table and magic
#: word, DokuWiki's "~~NOTOC~~" and "^ … ^" header, an org "#+KEYWORD:" line, a Markdown
#: heading of "##" or more
_OTHER_LINE = re.compile(r"\s*(?:\{\||~~[A-Z]+~~\s*$)|__[A-Z]+__\s*$|\^[^^]+\^|#\+\w+:|#{2,6}\s")
#: marks of a Creole page (which writes "= … =", "{{{" and "* " items as Vimwiki does):
#: **bold**, //italics//, a "|=" header cell, a "\\" line break
_CREOLE_MARK = re.compile(r"\*\*[^*\s][^*]*\*\*|//[^/\s][^/]*//|\|=|\\\\(?:\s|$)")
#: a processor line first in a Trac block ("#!sh"); "#!/bin/sh" is a shebang
_TRAC_PROCESSOR = re.compile(r"^\s*#![\w+-][\w+/.-]*\s*$")

# inline marks, each linear: a body never runs past another opening of its own mark
_CODE_START = re.compile(r"\{\{\{|`")
_LINK = re.compile(r"\[\[(?P<body>[^\[\]]*)\]\]")
_MEDIA = re.compile(r"\{\{(?P<body>[^{}]*)\}\}")
_URL = re.compile(r"\b(?:https?|ftp|file)://[^\s\[\]<>|]*[^\s\[\]<>|.,;:!?)'\"]|\bmailto:\S+")
_INLINE_COMMENT = re.compile(r"%%\+.*?\+%%")
#: a tag among the words (":exam:"), standing apart from them
_TAG = re.compile(r"(?<!\S):[\w-]+(?::[\w-]+)*:(?!\S)")
_BOLD = re.compile(r"(?<![^\W_])\*(?P<body>[^*\s](?:[^*]*[^*\s])?)\*(?![^\W_])")
_ITALIC = re.compile(r"(?<!\w)_(?P<body>[^_\s](?:[^_]*[^_\s])?)_(?!\w)")
_STRIKE = re.compile(r"~~(?!~)(?P<body>[^~]+?)~~")
_SUP = re.compile(r"\^(?P<body>[^^\s][^^]*?)\^")
_SUB = re.compile(r",,(?P<body>[^,\s][^,]*?),,")
_BREAK = re.compile(r"<br\s*/?>", re.I)
_ESCAPE = re.compile(r"[\\`*_~\[\]]|<(?=[A-Za-z/!?])")
_SPACES = re.compile(r"[ \t]{2,}")
_SLOT = re.compile("\ue000(\\d+)\ue001")
_PRIVATE = re.compile("[\ue000-\ue012]")
_MARKS = {"\ue010": "**", "\ue011": "*", "\ue012": "~~"}
_MARK = re.compile("[\ue010\ue011\ue012]")
_BACKTICKS = re.compile(r"`+")
#: a link's scheme or wiki prefix, not the words it shows: "diary:", "wiki2:", "wn.work:"
_LINK_PREFIX = re.compile(r"^(?:diary|file|local|wiki\d+|wn\.[\w-]+):", re.I)
#: what is left of a line of nothing but links: a short label ("Related:") and separators
_LINKS_ONLY_REST = re.compile(r"^\s*(?:[\w][\w /&+-]{0,30}:)?[\s|,;·•<>=/()-]*$")

#: what a line is once read: where a table may go, what a paragraph's line continues
_BLANK, _TEXT, _ITEM, _HEADING, _CODE, _TABLE, _QUOTE = (
    "blank", "text", "item", "heading", "code", "table", "quote"
)  # fmt: skip


def _heading(line: str) -> tuple[int, str, bool] | None:
    """A "== Title ==" line's level, title and whether the title stands apart from its runs
    ("== Title ==", not "==Title=="): as many "=" closing it as open it, six at most."""
    text = line.strip()
    lead = len(text) - len(text.lstrip("="))
    if not 1 <= lead <= 6:
        return None
    trail = len(text) - len(text.rstrip("="))
    if trail != lead or len(text) <= 2 * lead:
        return None
    body = text[lead:-trail]
    title = body.strip()
    if not title:
        return None
    return lead, title, body[:1].isspace() and body[-1:].isspace()


def _pre_closings(lines: list[str]) -> list[int]:
    """The lines closing a preformatted block ("}}}")."""
    return [k for k, line in enumerate(lines) if "}}}" in line and _PRE_CLOSE.match(line)]


def _next(closings: list[int], n: int) -> int | None:
    """The first of the closing lines after line n, or none."""
    later = bisect.bisect_right(closings, n)
    return closings[later] if later < len(closings) else None


def _pre_opening(line: str) -> re.Match[str] | None:
    """A "{{{" line opening a block: not a "{{{code}}}" span closed on its line."""
    if "{{{" not in line:
        return None
    m = _PRE_OPEN.match(line)
    return m if m is not None and "}}}" not in m.group("attrs") else None


def is_vimwiki(lines: list[str]) -> bool:
    """The file marks itself as Vimwiki's: a "= … =" heading (spaced, or of level three and
    deeper) and a mark only Vimwiki writes (a "%title"-like placeholder, a "%%" comment line, a
    ":tag:" line, a "[.]" or "[o]" box, a diary link, a modeline), or a "{{{" … "}}}" block and
    Vimwiki's lists, tables or definitions written from the line's start ("* x", "| a | b |"
    over "|---|", "term:: text"), which Trac indents; never with a mark of MediaWiki, Trac,
    DokuWiki, org or Markdown ("##" headings), nor (for the block alone) of Creole or a
    Markdown fence. Lines in a block are not looked at."""
    closings = _pre_closings(lines)
    headings = own = 0
    block = soft = creole = False
    n = 0
    while n < len(lines):
        line = lines[n]
        opening = _pre_opening(line)
        end = None if opening is None else _next(closings, n)
        if end is not None:
            if n + 1 < end and _TRAC_PROCESSOR.match(lines[n + 1]):
                return False  # Trac's "{{{" over "#!sh"
            block = True
            n = end + 1
            continue
        heading = _heading(line)
        if heading is not None:
            headings += heading[2] or heading[0] >= 3
        elif _OTHER_LINE.match(line) or _OTHER_MARK.search(line) or _is_trac_row(line):
            return False
        elif _own_mark(line):
            own += 1
        elif _written_from_the_start(line):
            soft = True
        creole = creole or _FENCE.match(line) is not None or _CREOLE_MARK.search(line) is not None
        n += 1
    return headings > 0 and (own > 0 or (block and soft and not creole))


def _own_mark(line: str) -> bool:
    """A mark only Vimwiki writes: a "%% …" comment line (a DokuWiki "%%…%%" run is none), a
    placeholder, a tag line, a "[.]" box, a diary link, a modeline."""
    if _COMMENT.match(line):
        said = line.lstrip()[2:]
        return bool(said.strip()) and "%%" not in said  # Obsidian's bare "%%" opens a comment
    if _TAG_LINE.match(line):
        return _ORG_DRAWER.match(line) is None
    if _PLACEHOLDER.match(line) or _PART_DONE.match(line):
        return True
    return any(mark in line for mark in _VIMWIKI_MARKS)


def _is_trac_row(line: str) -> bool:
    """A Trac or MoinMoin table's row: "|| cell || cell ||"."""
    text = line.strip()
    return len(text) >= 4 and text.startswith("||") and text.endswith("||")


def _written_from_the_start(line: str) -> bool:
    """An item, a table's rule or a definition written from the line's start, as Vimwiki
    writes them and Trac does not."""
    if line[:1].isspace():
        return False
    if _is_rule_row(line) or _LIST.match(line) is not None:
        return True
    return "::" in line and _definition(line) is not None


def vimwiki_as_markdown(lines: list[str]) -> tuple[list[str], list[tuple[int, str, str]]]:
    """The lines as Markdown (headings, lists, to-do boxes, definitions, pipe tables, code
    fences, bold, italics and code spans), and the lines of the page's bookkeeping dropped as
    (line number, reason, text); the lines as they were for a file that is not Vimwiki's."""
    if not is_vimwiki(lines):
        return lines, []
    return _Reader([_PRIVATE.sub("", line) for line in lines]).read()


class _Reader:
    """One pass over a page's lines, each written as Markdown on its own line."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.out = [""] * len(lines)
        self.kinds = [_BLANK] * len(lines)
        self.skipped: list[tuple[int, str, str]] = []
        # the open items: (indent, marker width, delimiter, next number), outermost first; the
        # delimiter "-" for a bullet, "." or ")" for a number (a list of "a)" items is a list
        # of its own after one of "1." items, as in Vimwiki)
        self.stack: list[tuple[int, int, str, int]] = []
        self.term: int | None = None  # the line of a "term::" waiting for its ":: definition"
        self.label = ""  # the term the ":: definition" lines below define
        self.closings = _pre_closings(lines)
        self.math = [k for k, line in enumerate(lines) if "}}$" in line and _MATH_CLOSE.match(line)]
        self.comment_ends = [k for k, line in enumerate(lines) if _COMMENT_CLOSE in line]
        self.fences = [k for k, line in enumerate(lines) if _FENCE.match(line)]

    def read(self) -> tuple[list[str], list[tuple[int, str, str]]]:
        lines = self.lines
        n = 0
        while n < len(lines):
            line = lines[n]
            text = line.strip()
            if text.startswith(_COMMENT_OPEN) and _COMMENT_CLOSE not in text[3:]:
                n = self._dropped(n, _next(self.comment_ends, n), "vimwiki comment")
                continue
            opening = _pre_opening(line)
            end = None if opening is None else _next(self.closings, n)
            if opening is not None and end is not None:
                n = self._code(n, end, _lang(opening.group("attrs")))
                continue
            end = _next(self.math, n) if _MATH_OPEN.match(line) else None
            if end is not None:
                n = self._code(n, end, "math")
                continue
            end = _next(self.fences, n) if _FENCE.match(line) else None
            if end is not None:  # Markdown's own code: as it is
                self.out[n : end + 1] = lines[n : end + 1]
                self.kinds[n : end + 1] = [_CODE] * (end + 1 - n)
                self._end_lists()
                n = end + 1
                continue
            if text.startswith("|"):
                n = self._table(n)
                continue
            self._line(n, line)
            n += 1
        return self.out, self.skipped

    def _dropped(self, n: int, end: int | None, reason: str) -> int:
        """Lines n to end (line n alone for none) dropped as bookkeeping; the line after."""
        last = n if end is None else end
        for k in range(n, last + 1):
            if self.lines[k].strip():
                self.skipped.append((k + 1, reason, self.lines[k].strip()))
        return last + 1

    def _end_lists(self) -> None:
        self.stack.clear()
        self.term, self.label = None, ""

    def _above(self, n: int) -> str:
        return self.kinds[n - 1] if n > 0 else _BLANK

    def _line(self, n: int, line: str) -> None:
        """One line that is neither code nor a table's."""
        text = line.strip()
        if not text:
            self.term, self.label = None, ""
            return
        if _COMMENT.match(line):
            self.skipped.append((n + 1, "vimwiki comment", text))
            return
        if _PLACEHOLDER.match(line) or (_TAG_LINE.match(line) and not _ORG_DRAWER.match(line)):
            self.skipped.append((n + 1, "vimwiki metadata", text))
            return
        if _RULE.match(line):
            self._end_lists()
            return
        heading = _heading(line)
        if heading is not None:
            title = _inline(heading[1])
            self.out[n], self.kinds[n] = ("#" * heading[0] + " " + title if title else ""), _HEADING
            self._end_lists()
        elif _links_only(text):  # a page's navigation, no note
            self.skipped.append((n + 1, "vimwiki links", text))
            return
        elif self._words(n, line):  # its words went on the line above
            return
        if not self.out[n].strip():
            self.kinds[n] = _BLANK
            if any(ch.isalnum() for ch in text):
                self.skipped.append((n + 1, "vimwiki metadata", text))

    def _words(self, n: int, line: str) -> bool:
        """A line of words: an item, a definition, more of the item above, a quote or a
        paragraph's line; whether its words went on another line."""
        text = line.strip()
        indent = len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip())
        above = self._above(n)
        listed = _LIST.match(line)
        definition = None if listed else _definition(line)
        if definition is not None:
            return self._definition_line(n, *definition)
        self.term, self.label = None, ""
        if listed is not None:
            self.out[n], self.kinds[n] = self._item(listed, above), _ITEM
        elif self.stack and above == _ITEM and indent > 0:  # an indented line: more of the item
            said = block_safe(_inline(text))
            width = sum(entry[1] for entry in self.stack)
            self.out[n], self.kinds[n] = (" " * width + said if said else ""), _ITEM
        elif indent >= 4 or text.startswith("> "):  # a quote
            said = _inline(text.removeprefix("> ") if text.startswith("> ") else text)
            self.out[n], self.kinds[n] = ("> " + said if said else ""), _QUOTE
            self._end_lists()
        else:
            said = block_safe(_inline(text))
            if said and above in (_ITEM, _TABLE):  # right under a list or a table: apart
                ordered = above == _ITEM and bool(self.stack) and self.stack[0][2] != "-"
                said = ("- " if ordered else "+ ") + said
                self.kinds[n] = _ITEM if above == _ITEM else _TEXT
            else:
                self.kinds[n] = _TEXT
            self.out[n] = said
            self._end_lists()
        return False

    def _item(self, listed: re.Match[str], above: str) -> str:
        """A list's line as a Markdown item, indented under the items it is in: an item
        indented more than the one above is nested in it."""
        indent = len(listed.group("indent").expandtabs(4))
        popped = None
        while self.stack and (self.stack[-1][0] >= indent or len(self.stack) >= _MAX_DEPTH):
            popped = self.stack.pop()
        mark = listed.group("mark")
        delimiter = "-" if mark in ("-", "*") else ")" if mark.endswith(")") else "."
        number = 1
        if delimiter != "-":
            if listed.group("num") is not None:
                number = int(listed.group("num"))
            elif popped is not None and popped[0] == indent and popped[2] == delimiter:
                number = popped[3]
            if above == _TEXT and not self.stack:
                number = 1  # only a list from 1 breaks into a paragraph
        marker = "- " if delimiter == "-" else f"{number}{delimiter} "
        width = sum(entry[1] for entry in self.stack)
        self.stack.append((indent, len(marker), delimiter, number + 1))
        body = listed.group("text")
        box = _BOX.match(body)
        said = _inline(body[box.end() :] if box is not None else body)
        if not said:
            return ""
        if box is not None:
            return " " * width + marker + ("[x] " if box.group("box") in "xX-" else "[ ] ") + said
        return " " * width + marker + block_safe(said)

    def _definition_line(self, n: int, term: str, definition: str) -> bool:
        """A "term:: definition" line as an item "- **term**: definition"; a ":: definition"
        line under a "term::" on the term's line (the first: then true) or an item of the term
        of its own."""
        said = _inline(definition)
        self.stack = [(0, 2, "-", 1)]
        self.kinds[n] = _ITEM
        if term.strip():
            self.label = _inline(term)
            self.term = None if said else n
            self.out[n] = f"- **{self.label}**: {said}" if said else f"- **{self.label}**"
            return False
        if self.term is not None and said:  # the first definition of the term above
            self.out[self.term] += f": {said}"
            self.term = None
            self.kinds[n] = _BLANK
            return True
        if said:
            self.out[n] = f"- **{self.label}**: {said}" if self.label else "- " + block_safe(said)
        return False

    def _code(self, n: int, end: int, lang: str) -> int:
        """A "{{{" … "}}}" block from line n to line end as fenced code, its lines as they are
        (less the indent of its opening line); the line after it."""
        opening = self.lines[n]
        indent = opening[: len(opening) - len(opening.lstrip())]
        body = [
            line[len(indent) :] if indent and line.startswith(indent) else line
            for line in self.lines[n + 1 : end]
        ]
        longest = max((len(r) for line in body for r in _BACKTICKS.findall(line)), default=0)
        fence = "`" * max(3, longest + 1)
        self.out[n] = fence + lang
        self.out[n + 1 : end] = body
        self.out[end] = fence
        self.kinds[n : end + 1] = [_CODE] * (end + 1 - n)
        self._end_lists()
        return end + 1

    def _table(self, n: int) -> int:
        """A table's rows from line n on as a pipe table, its first row the header, ">" and
        "\\/" cells as the cell they span from. A table with no rule under its header takes a
        blank line beside it for one, its first row moving up a line (or its rows down); with
        none, its rows are written as items. A table right under an item is the item's own:
        Markdown would read it as more of the item's words. The line after it."""
        lines = self.lines
        end = n
        while end < len(lines) and lines[end].strip().startswith("|"):
            end += 1
        rules = {k for k in range(n, end) if _is_rule_row(lines[k])}
        grid = _grid([lines[k] for k in range(n, end) if k not in rules])
        width = sum(entry[1] for entry in self.stack) if self._above(n) == _ITEM else 0
        self._end_lists()
        if not grid:
            return end
        written = [
            pipe_row(grid[0]),
            pipe_row(["---"] * len(grid[0])),
            *(pipe_row(r) for r in grid[1:]),
        ]
        start, stop = n, end
        if len(written) <= end - n:  # a rule of its own: each row on its line
            written += [""] * (end - n - len(written))
        elif n > 0 and self.kinds[n - 1] == _BLANK and not lines[n - 1].strip():
            start, width = n - 1, 0  # the blank line above takes the header
        elif end < len(lines) and not lines[end].strip():
            stop = end + 1  # the blank line below takes the last row
        else:
            written = [row_item(r) for r in grid]
            self.out[n:end] = [" " * width + row if row else row for row in written]
            self.kinds[n:end] = [_ITEM] * (end - n)
            return end
        self.out[start:stop] = [" " * width + row if row else row for row in written]
        self.kinds[start:stop] = [_TABLE] * (stop - start)
        return stop


def _lang(attrs: str) -> str:
    """A block's language from what follows its "{{{": a word, or a class or type."""
    word = _LANG_WORD.match(attrs)
    if word is not None:
        return word.group("lang")
    attr = _LANG_ATTR.search(attrs)
    return attr.group("lang") if attr is not None else ""


def _definition(line: str) -> tuple[str, str] | None:
    """A "term:: definition" line's term and definition (either may be empty): the first "::"
    outside code with a space or the line's end after it, after a term of a few words."""
    text = line.strip()
    at = 0
    while (at := text.find("::", at)) >= 0:
        if at > _MAX_TERM:
            return None
        if at + 2 < len(text) and not text[at + 2].isspace():
            at += 2
            continue
        if text.count("`", 0, at) % 2:  # in a code span
            at += 2
            continue
        return text[:at].strip(), text[at + 2 :].strip()
    return None


def _is_rule_row(line: str) -> bool:
    """A table's rule row: "|---|---|", "|-----+-----|"."""
    text = line.strip()
    return text.startswith("|") and "-" in text and set(text) <= _RULE_CHARS


def _cells(line: str) -> list[str]:
    """A table row's cells, split at "|" outside a code span and a link."""
    text = line.strip()
    cells: list[str] = []
    start = 1
    links = 0
    code = False
    at = 1
    while at < len(text):
        ch = text[at]
        if ch == "`":
            code = not code
        elif not code and text.startswith("[[", at):
            links += 1
            at += 2
            continue
        elif not code and links and text.startswith("]]", at):
            links -= 1
            at += 2
            continue
        elif ch == "|" and not code and not links:
            cells.append(text[start:at])
            start = at + 1
        at += 1
    if text[start:].strip():
        cells.append(text[start:])
    cells = capped(cells, _MAX_COLUMNS)
    return cells


def _grid(rows: list[str]) -> list[list[str]]:
    """A table's rows as Markdown cells: a ">" cell holds the text of the cell left of it, a
    "\\/" cell that of the cell above it."""
    grid: list[list[str]] = []
    for line in rows:
        row: list[str] = []
        for col, raw in enumerate(_cells(line)):
            mark = raw.strip()
            if mark == ">":
                row.append(row[-1] if row else "")
            elif mark == "\\/":
                above = grid[-1] if grid else []
                row.append(above[col] if col < len(above) else "")
            else:
                row.append(_inline(raw).replace("|", "\\|"))
        grid.append(row)
    width = max((len(r) for r in grid), default=0)
    return [r + [""] * (width - len(r)) for r in grid] if width else []


def _links_only(text: str) -> bool:
    """The line holds links and nothing else ("[[index|<< back]] | [[Lab log]]", "Related:
    [[A]] [[B]]"): a page's navigation, no note."""
    if "[[" not in text:
        return False
    rest = _LINK.sub(" ", text.lstrip("*-# \t"))
    return "[[" not in rest and _LINKS_ONLY_REST.match(rest) is not None


def _code_spans(text: str, kept: list[str]) -> str:
    """The text with each code span ({{{…}}} or `…`) as a slot of the kept values; a mark
    never closed is looked past, and never looked for again."""
    pieces: list[str] = []
    unclosed: set[str] = set()
    at = last = 0
    while (m := _CODE_START.search(text, at)) is not None:
        closer = "}}}" if m.group(0) == "{{{" else "`"
        end = -1 if closer in unclosed else text.find(closer, m.end())
        if end < 0:
            unclosed.add(closer)
            at = m.end()
            if len(unclosed) == 2:
                break
            continue
        kept.append(code_span(text[m.end() : end]))
        pieces += [text[last : m.start()], f"\ue000{len(kept) - 1}\ue001"]
        at = last = end + len(closer)
    return "".join(pieces) + text[last:]


def _inline(text: str) -> str:
    """Vimwiki's inline marks as Markdown's: *bold* as **bold**, _italics_ as *italics*,
    ~~strike~~ kept, `code` and {{{code}}} as code spans, a link as the words it shows, an
    image as its alternative text; comments, tags, ^sup^ and ,,sub,, marks dropped, their
    words kept. Markdown's own marks in the words are escaped."""
    slots: list[str] = []

    def kept(value: str) -> str:
        slots.append(value)
        return f"\ue000{len(slots) - 1}\ue001"

    if "`" in text or "{{{" in text:
        text = _code_spans(text, slots)
    if "%%+" in text:
        text = _INLINE_COMMENT.sub("", text)
    if "[[" in text:
        text = _LINK.sub(lambda m: _link(m.group("body")), text)
    if "{{" in text:
        text = _MEDIA.sub(lambda m: _media(m.group("body")), text)
    if "://" in text or "mailto:" in text:
        text = _URL.sub(lambda m: kept(m.group(0)), text)
    if ":" in text:
        text = _TAG.sub("", text)
    text = _BREAK.sub(" ", text)
    if "*" in text:
        text = _BOLD.sub(lambda m: _marked("\ue010", m.group("body")), text)
    if "_" in text:
        text = _ITALIC.sub(lambda m: _marked("\ue011", m.group("body")), text)
    if "~~" in text:
        text = _STRIKE.sub(lambda m: _marked("\ue012", m.group("body")), text)
    if "^" in text:
        text = _SUP.sub(lambda m: "^" + m.group("body"), text)
    if ",," in text:
        text = _SUB.sub(lambda m: m.group("body"), text)
    text = _ESCAPE.sub(r"\\\g<0>", text)
    text = _MARK.sub(lambda m: _MARKS[m.group(0)], text)
    text = _SPACES.sub(" ", text).strip()
    return _SLOT.sub(lambda m: slots[int(m.group(1))], text)


def _marked(mark: str, body: str) -> str:
    """Words between a mark, without the spaces CommonMark reads as no emphasis."""
    words = body.strip()
    return f"{mark}{words}{mark}" if words else body


def _link(body: str) -> str:
    """A link as the words it shows: its description, else its page ("diary:2024-05-12" as
    "2024-05-12", "Linux/LVM#Extents" as "Linux/LVM") or its address; an image in the
    description, its alternative text."""
    target, piped, label = body.partition("|")
    if piped and "{{" in label:
        label = _MEDIA.sub(lambda m: _media(m.group("body")), label)
    if piped and label.strip():
        return label.strip()
    target = target.strip()
    if "://" in target or target.startswith("mailto:"):
        return target
    page = _LINK_PREFIX.sub("", target).partition("#")[0].strip()
    return page or target.lstrip("#")


def _media(body: str) -> str:
    """An image or other transclusion ("{{img.png|alt|style}}") as its alternative text."""
    parts = body.split("|")
    return parts[1].strip() if len(parts) > 1 else ""
