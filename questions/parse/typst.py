"""Notes written in Typst markup (the ".typ" source), handed in as they are: read as the
Markdown they stand for.

Typst marks a heading with "=" signs ("== Alarms", more signs a level deeper), bold with one
star ("*30*"), emphasis with underscores, an enumerated item with "+ ", a term with "/ Term:
description", a label with "<name>" after what it names and a reference to it with "@name";
everything after a "#" is code: rules that only style the page ("#set", "#show", "#let",
"#import"), tables ("#table(columns: 3, [*Metric*], [*Default*], …)", their cells content
blocks in brackets, spanning lines) and boxes whose body is the notes' text ("#note[…]").
Read as Markdown or AsciiDoc a table was a run of bracketed cells, every label and reference
a word of its heading or sentence, and every rule a paragraph. Only a file Typst marks as its
own ("=" headings together with a rule, a table call, a box call, a labelled heading or a term
list) is read so; each line stays on its line (a table's rows are written in the lines its
call took, the lines left over blank), so every question still points at its line.

A reference to a heading's label reads as that heading's title ("see @sec:ssm" as "see
Systems Manager"); one to anything else is dropped. Math ("$"IOPS" = 3 times "GiB"$") is kept
as the text it shows ("IOPS = 3 × GiB"); raw text and raw blocks stay as they are.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from questions.parse.spans import code_span

# ---------------------------------------------------------------------------------------------
# telling a Typst file
# ---------------------------------------------------------------------------------------------

#: a heading: "=" signs and a space ("== Alarms"); a MediaWiki one closes with "=" signs too
_HEADING = re.compile(r"^[ \t]*(?P<marks>=+)[ \t]+(?=\S)")
#: a rule styling the page, a table call, a box call with a body ("#note[", "#block(…)[")
_RULE_LINE = re.compile(r"^[ \t]*#(?:set|show|let|import|include)\b")
_CALL_LINE = re.compile(
    r"^[ \t]*#(?:(?:table|grid|figure)\(|[A-Za-z][\w-]*(?:\([^()\n]{0,200}\))?\[)"
)
_TERM_LINE = re.compile(r"^[ \t]*/[ \t]+[^:\s][^:\n]{0,80}:")
#: lines only AsciiDoc writes: a "|===" table, a "[source" block, an attribute
_ASCIIDOC_LINE = re.compile(r"^(?:[|!,:]===\s*$|\[source\b|:!?[\w-]+!?:(?:\s|$))")
_LABEL_NAME = re.compile(r"[\w:.-]+")


def is_typst(lines: list[str]) -> bool:
    """The file marks itself as Typst's: "=" headings together with a rule ("#set …"), a
    table or box call, a labelled heading ("= CloudWatch <sec:cw>") or a term list ("/ Term:
    …"). Lines in a raw block are not looked at; a line only AsciiDoc writes makes it none."""
    headings = marks = 0
    fenced = False
    for line in lines:
        stripped = line.lstrip()
        if stripped.startswith("```"):
            if stripped.count("```") < 2:
                fenced = not fenced
            continue
        if fenced:
            continue
        if _ASCIIDOC_LINE.match(line):
            return False
        heading = _HEADING.match(line)
        if heading is not None and not line.rstrip().endswith("="):
            headings += 1
            marks += _trailing_label(line) is not None
        elif (
            _RULE_LINE.match(line)
            or _CALL_LINE.match(line)
            or _TERM_LINE.match(line)
            or '#link("' in line
        ):
            marks += 1
        if headings and marks:
            return True
    return False


def _trailing_label(line: str) -> int | None:
    """Where the label closing a line starts ("= CloudWatch <sec:cw>"), or None."""
    text = line.rstrip()
    if not text.endswith(">"):
        return None
    at = text.rfind("<")
    if at < 0 or _LABEL_NAME.fullmatch(text, at + 1, len(text) - 1) is None:
        return None
    return at


def typst_as_markdown(lines: list[str]) -> tuple[list[str], list[tuple[int, str, str]]]:
    """The lines as Markdown (headings, lists, definitions, pipe tables, fences, bold, emphasis
    and code spans), and the lines dropped as (line number, reason, text); the lines as they
    were for a file that is not Typst's."""
    if not is_typst(lines):
        return lines, []
    return _Reader(lines).read()


# ---------------------------------------------------------------------------------------------
# reading one
# ---------------------------------------------------------------------------------------------

#: text with no character any of Typst's marks starts with
_PLAIN = re.compile(r"[^\n\\`$/*_<@#\-~\[\]]+")
_IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(?:-[A-Za-z0-9_]+)*")
_NUMBER = re.compile(r"\d+(?P<fraction>\.\d+)?(?P<unit>[A-Za-z%]+)?")
_STRING = re.compile(r'"(?:[^"\\\n]|\\.)*"?')
_STRING_ESCAPE = re.compile(r"\\(.)")
_URL_REST = re.compile(r"//[^\s<>\"\[\]()]*")
_UNICODE = re.compile(r"u\{(?P<hex>[0-9A-Fa-f]{1,6})\}")
_ASCII_PUNCT = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_MD_SPECIAL = re.compile(r"[\\`*_\[\]<]")
_BACKTICKS = re.compile(r"`+")
_WHOLE_BOLD = re.compile(r"^\*\*(?P<text>(?:(?!\*\*).)+)\*\*$")
#: what a dropped reference leaves: "()", "(see )"; spaces doubled or before punctuation
_EMPTY_ASIDE = re.compile(r"\((?:[ \t]*(?:see(?: also)?|cf\.?)[ \t]*|[ \t]*)\)")
_SPACE_BEFORE_PUNCT = re.compile(r"(?<=\S)[ \t]+(?=[,.;:!?])")
_DOUBLE_SPACE = re.compile(r"(?<=\S)[ \t]{2,}")
_ORDERED_PAREN = re.compile(r"\d{1,9}\)(?=[ \t]|$)")
_FIGURE = re.compile(r"#figure\(")
_LABEL_AFTER = re.compile(r"[ \t]*\n?[ \t]*<(?P<name>[\w:.-]+)>")
_ENUM = re.compile(r"\d{1,9}\.(?=[ \t]|$)")

#: statements: what follows them to the line's end is code, not text
_RULES = frozenset({"set", "show", "let", "import", "include"})
_KEYWORDS = _RULES | {"if", "for", "while", "context", "return", "break", "continue"}
#: calls that show nothing of the notes (a break, a space, an image, a bibliography)
_DROPPED_CALLS = frozenset(
    {
        "parbreak", "pagebreak", "colbreak", "v", "image", "line", "outline", "bibliography",
        "lorem", "cite", "counter", "state", "locate", "query", "numbering", "datetime",
        "metadata", "label", "panic", "assert", "eval", "read", "csv", "json", "yaml", "toml",
        "xml", "cbor", "plugin", "repr", "hide", "rgb", "luma", "cmyk", "color", "calc",
    }
)  # fmt: skip
#: calls that show their text as they are, or their strings ("#text(fill: red)[…]")
_TEXT_CALLS = frozenset(
    {
        "text", "box", "block", "align", "pad", "underline", "overline", "highlight",
        "smallcaps", "upper", "lower", "sub", "super", "quote", "rect", "square", "place",
    }
)  # fmt: skip
_WRAPPERS = {"strong": "**", "emph": "*", "strike": "~~"}
#: Typst's names of symbols, in math and after "#sym."
_SYMBOLS = {
    "times": "×", "div": "÷", "approx": "≈", "gt.eq": "≥", "lt.eq": "≤", "eq.not": "≠",
    "plus.minus": "±", "minus": "−", "dot": "·", "dot.op": "·", "dot.c": "·", "ast": "∗",
    "arrow.r": "→", "arrow.l": "←", "arrow.l.r": "↔", "arrow.r.double": "⇒", "arrow": "→",
    "arrow.t": "↑", "arrow.b": "↓", "infinity": "∞", "oo": "∞", "sqrt": "√", "sum": "∑",
    "prod": "∏", "in": "∈", "in.not": "∉", "subset": "⊂", "subset.eq": "⊆", "union": "∪",
    "sect": "∩", "degree": "°", "prop": "∝", "dots": "…", "dots.h": "…", "ellipsis": "…",
    "checkmark": "✓", "crossmark": "✗", "tilde": "~", "percent": "%", "per.mille": "‰",
    "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "Delta": "Δ", "epsilon": "ε",
    "theta": "θ", "lambda": "λ", "mu": "μ", "pi": "π", "rho": "ρ", "sigma": "σ",
    "Sigma": "Σ", "tau": "τ", "phi": "φ", "omega": "ω", "Omega": "Ω", "forall": "∀",
    "exists": "∃", "and": "∧", "or": "∨", "not": "¬", "emdash": "—", "endash": "–",
    "dash.em": "—", "dash.en": "–", "bullet": "•", "copyright": "©", "trademark": "™",
    "euro": "€", "pound": "£", "dollar": "$",
}  # fmt: skip
_MATH_OPERATORS = {"<=": "≤", ">=": "≥", "!=": "≠", "->": "→", "=>": "⇒", "<-": "←"}
_MATH_TOKEN = re.compile(
    r'"(?:[^"\\]|\\.)*"|[A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z]+)*|<=|>=|!=|->|=>|<-|\\.|\s+|.',
    re.S,
)

#: how far a call may run on over lines before it is read as never closed
_MAX_SPAN_LINES = 400
#: how deep calls may sit in each other's bodies and arguments
_MAX_DEPTH = 24
#: a table's columns, and how many a cell may span
_MAX_COLUMNS = 50
_MAX_SPAN = 20
_MAX_PLACES = 20_000
_PAIRS = {"(": ")", "[": "]", "{": "}"}


@dataclass
class _Atom:
    """One value in a call's arguments: content, a string, a call, a group, a number…"""

    kind: str
    start: int
    end: int
    text: str = ""
    value: int = 0
    args: list[_Arg] = field(default_factory=list)
    bodies: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class _Arg:
    name: str | None = None
    atoms: list[_Atom] = field(default_factory=list)
    spread: bool = False


@dataclass
class _Cell:
    text: str
    line: int
    colspan: int = 1
    rowspan: int = 1


class _Reader:
    """One pass over the notes as one text, each line break kept."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.text = "\n".join(lines)
        self.starts = [0]
        for line in lines[:-1]:
            self.starts.append(self.starts[-1] + len(line) + 1)
        self.runs: dict[int, list[int]] = {}
        for run in _BACKTICKS.finditer(self.text):
            self.runs.setdefault(run.end() - run.start(), []).append(run.start())
        self.matches: dict[int, int] = {}  # an opening bracket: its closing one, -1 for none
        self.no_comment_end = len(self.text) + 1  # no "*/" after this
        self.comment_end = (len(self.text) + 1, -1)  # where the last search for "*/" found it
        self.reasons: dict[int, str] = {}  # a line emptied: why
        self.quiet: set[int] = set()  # lines a table took: their text is in its rows
        self.dropped: list[tuple[int, str, str]] = []
        self.titles = self._heading_labels()
        self.title_text: dict[str, str] = {}
        self.figures: dict[str, tuple[int, int]] | None = None
        self.resolving: set[str] = set()
        self.refs_dropped = 0
        self.stack: list[tuple[int, int]] = []  # open items: their indent, their text's column
        self.line_kind = "text"
        self.prev = "blank"  # what the line above was: blank, item, text, …
        self.depth = 0
        self.ordered = False  # the outermost open list is numbered

    # --- the whole file ------------------------------------------------------------------

    def read(self) -> tuple[list[str], list[tuple[int, str, str]]]:
        out = self._markup(0, len(self.text)).split("\n")
        if len(out) != len(self.lines):  # never expected: the notes as they were
            return self.lines, []
        skipped = list(self.dropped)
        for n, (old, new) in enumerate(zip(self.lines, out, strict=True)):
            if n in self.quiet or not old.strip() or new.strip():
                continue
            reason = self.reasons.get(n, "typst markup")
            if reason == "typst markup" and not any(ch.isalnum() for ch in old):
                continue  # a bracket closing a box: no words
            skipped.append((n + 1, reason, old.strip()))
        skipped.sort()
        return out, skipped

    def _heading_labels(self) -> dict[str, tuple[int, int]]:
        """Each heading's label: where its title's text is ("= CloudWatch <sec:cw>", or a
        label on the line under the heading)."""
        titles: dict[str, tuple[int, int]] = {}
        fenced = False
        for n, line in enumerate(self.lines):
            if line.lstrip().startswith("```"):
                fenced = fenced != (line.count("```") < 2)
                continue
            heading = None if fenced else _HEADING.match(line)
            if heading is None:
                continue
            at = _trailing_label(line)
            start = self.starts[n] + heading.end()
            if at is not None:
                titles.setdefault(line.rstrip()[at + 1 : -1], (start, self.starts[n] + at))
            elif n + 1 < len(self.lines):
                below = self.lines[n + 1].strip()
                if below.startswith("<") and _trailing_label(below) == 0:
                    titles.setdefault(below[1:-1], (start, self.starts[n] + len(line)))
        return titles

    # --- positions -------------------------------------------------------------------------

    def _line_of(self, pos: int) -> int:
        return bisect.bisect_right(self.starts, pos) - 1

    def _eol(self, pos: int, end: int) -> int:
        """The end of the line pos is on, or end when that comes first."""
        line = self._line_of(pos) + 1
        at = self.starts[line] - 1 if line < len(self.starts) else len(self.text)
        return min(at, end)

    def _mark(self, start: int, stop: int, reason: str) -> None:
        for n in range(self._line_of(start), self._line_of(max(start, stop - 1)) + 1):
            self.reasons.setdefault(n, reason)

    def _run(self, pos: int) -> int:
        """How many backticks from pos on."""
        end = pos
        while end < len(self.text) and self.text[end] == "`":
            end += 1
        return end - pos

    def _raw_close(self, pos: int, ticks: int, limit: int) -> int:
        """Where a run of exactly `ticks` backticks starts at or after pos and before limit,
        or -1."""
        starts = self.runs.get(ticks)
        if not starts:
            return -1
        at = bisect.bisect_left(starts, pos)
        return starts[at] if at < len(starts) and starts[at] < limit else -1

    def _past_literal(self, i: int, limit: int) -> int | None:
        """Where an escape, a raw span or an equation starting at i ends, so nothing inside
        it is read as markup; None when none starts there."""
        c = self.text[i]
        if c == "\\":
            return i + 2
        if c == "`":
            return self._raw_end(i, limit)
        if c == "$":
            close = self._math_close(i, limit)
            return close + 1 if close > 0 else i + 1
        return None

    def _raw_end(self, pos: int, limit: int) -> int:
        """The position after a raw span opening at pos (its backticks alone when it never
        closes)."""
        ticks = self._run(pos)
        if ticks == 2:
            return pos + 2  # empty raw text
        stop = self._eol(pos, limit) if ticks == 1 else limit
        close = self._raw_close(pos + ticks, ticks, stop)
        return pos + ticks if close < 0 else close + ticks

    def _math_close(self, pos: int, end: int) -> int:
        """The "$" closing math opened at pos, on its line, or -1."""
        stop = self._eol(pos, end)
        at = self.text.find("$", pos + 1, stop)
        while at > 0 and self.text[at - 1] == "\\":
            at = self.text.find("$", at + 1, stop)
        return at

    def _comment_close(self, pos: int, end: int) -> int:
        """The end of a block comment opened at pos, or -1 when it never closes."""
        if pos >= self.no_comment_end:
            return -1
        searched, found = self.comment_end
        if searched <= pos and pos + 2 <= found:
            at = found  # the "*/" the last search found is the next one from here too
        else:
            at = self.text.find("*/", pos + 2)
            self.comment_end = (pos, at)
        if at < 0:
            self.no_comment_end = pos
            return -1
        return at + 2 if at + 2 <= end else -1

    def _string_end(self, pos: int, end: int) -> int:
        m = _STRING.match(self.text, pos, end)
        return m.end() if m is not None else pos + 1

    def _match(self, pos: int) -> int:
        """The bracket closing the one at pos ("(" or "{" open code, "[" content), or -1 when
        it is not closed within a long page's worth of lines. One scan records every bracket
        it closes on the way, so no bracket is scanned for twice."""
        known = self.matches.get(pos)
        if known is not None:
            return known
        text = self.text
        last = self._line_of(pos) + _MAX_SPAN_LINES
        limit = self.starts[last] if last < len(self.starts) else len(text)
        stack = [pos]
        i = pos + 1
        while i < limit and stack:
            c = text[i]
            if text[stack[-1]] == "[":  # markup
                if (past := self._past_literal(i, limit)) is not None:
                    i = past
                elif c == "/" and text.startswith("//", i) and text[i - 1] != ":":
                    i = self._eol(i, limit)
                elif c == "/" and text.startswith("/*", i):
                    close = self._comment_close(i, limit)
                    i = close if close > 0 else i + 1
                elif c == "#":
                    j = i + 1
                    ident = _IDENT.match(text, j, limit)
                    while ident is not None:
                        j = ident.end()
                        more = j < limit and text[j] == "."
                        ident = _IDENT.match(text, j + 1, limit) if more else None
                    if j < limit and text[j] in "([{":
                        stack.append(j)
                    i = j + 1 if j < limit and text[j] in "([{" else max(j, i + 1)
                elif c == "[":
                    stack.append(i)
                    i += 1
                elif c == "]":
                    self.matches[stack.pop()] = i
                    i += 1
                else:
                    i += 1
            else:  # code
                if c == '"':
                    i = self._string_end(i, limit)
                elif c == "/" and text.startswith("//", i):
                    i = self._eol(i, limit)
                elif c == "/" and text.startswith("/*", i):
                    close = self._comment_close(i, limit)
                    i = close if close > 0 else i + 1
                elif c in "([{":
                    stack.append(i)
                    i += 1
                elif c in ")]}":
                    if _PAIRS[text[stack[-1]]] == c:
                        self.matches[stack.pop()] = i
                    i += 1
                else:
                    i += 1
        for opened in stack:
            self.matches[opened] = -1
        return self.matches[pos]

    # --- markup ----------------------------------------------------------------------------

    def _markup(self, start: int, end: int, cell: bool = False) -> str:
        """text[start:end] as Markdown. A cell's text (a table's cell, a heading, a term) is
        one line; any other keeps its line breaks, each line read as a line of the notes."""
        text = self.text
        out: list[str] = []
        marks: dict[str, int] = {}
        line_begin = 0
        pseudo: int | None = None
        refs = self.refs_dropped
        at_start = not cell and (start == 0 or text[start - 1] == "\n")
        i = start
        while i < end:
            if at_start:
                at_start = False
                i, pseudo = self._line_start(i, end, out)
                continue
            c = text[i]
            if c == "\n":
                self._close_marks(out, marks)
                if cell:
                    out.append(" ")
                else:
                    refs = self._end_line(out, line_begin, pseudo, refs)
                    out.append("\n")
                    line_begin, pseudo, at_start = len(out), None, True
                i += 1
                continue
            plain = _PLAIN.match(text, i, end)
            if plain is not None:
                out.append(plain.group())
                i = plain.end()
                continue
            i = self._special(i, end, out, marks, cell)
        self._close_marks(out, marks)
        if cell:
            said = "".join(out).replace("\n", " ")
            return _tidy(said) if self.refs_dropped != refs else said
        self._end_line(out, line_begin, pseudo, refs)
        return "".join(out)

    def _end_line(self, out: list[str], begin: int, pseudo: int | None, refs: int) -> int:
        """A line's end: a dropped reference's leftovers tidied, an item marker over nothing
        dropped, what the line was remembered."""
        if pseudo is not None and not "".join(out[pseudo + 1 :]).split("\n", 1)[0].strip():
            out[pseudo] = ""
        said = "".join(out[begin:])
        if self.refs_dropped != refs:
            said = _tidy(said)
            out[begin:] = [said]
        self.prev = self.line_kind if said.strip() else "blank"
        return self.refs_dropped

    def _line_start(self, i: int, end: int, out: list[str]) -> tuple[int, int | None]:
        """A line's start: a heading, an item, a raw block, a table, or a line of text (its
        indent dropped, or made an item's when it goes on with the item above)."""
        text = self.text
        j = i
        while j < end and text[j] in " \t":
            j += 1
        indent = j - i
        if j >= end or text[j] == "\n":
            self.line_kind = "blank"
            return j, None
        c = text[j]
        nxt = text[j + 1] if j + 1 < end else "\n"
        if c == "`" and self._run(j) >= 3:
            fence = self._fence(i, j, end, out)
            if fence is not None:
                self.stack.clear()
                self.line_kind = "fence"
                return fence, None
        if c == "=":
            marks = j
            while marks < end and text[marks] == "=":
                marks += 1
            if marks < end and text[marks] in " \t":
                eol = self._eol(marks, end)
                title = self._markup(marks + 1, eol, cell=True).strip()
                level = min(marks - j, 6)
                out.append("#" * level + " " + title if title else "")
                self.stack.clear()
                self.line_kind = "heading"
                return eol, None
        if c == "#":
            table = self._table(j, end, out)
            if table is not None:
                self.stack.clear()
                self.line_kind = "table"
                return table, None
        marker = ""
        after = j
        if c in "-+" and nxt in " \t\n":
            marker, after = ("- " if c == "-" else "1. "), j + 1
        elif c.isdigit() and (enum := _ENUM.match(text, j, end)) is not None:
            marker, after = enum.group() + " ", enum.end()
        elif c == "/" and nxt in " \t":
            colon = self._term_colon(j + 1, self._eol(j, end))
            if colon > 0:
                term = self._markup(j + 1, colon, cell=True).replace("**", "").strip()
                self._item(indent, "- ", out, f"**{term}**: " if term else "")
                after = colon + 1
                while after < end and text[after] in " \t":
                    after += 1
                return after, None
        if marker:
            while after < end and text[after] in " \t":
                after += 1
            self._item(indent, marker, out, "")
            return after, None
        pseudo = None
        if self.stack:
            if indent > self.stack[-1][0]:  # more of the item above
                out.append(" " * self.stack[-1][1])
                self.line_kind = "item"
                return j, None
            self.stack.clear()
            if self.prev in ("item", "pseudo"):
                # a line right under an item, not indented: a paragraph of its own in Typst,
                # more of the item in Markdown; an item of a list of its own keeps it apart
                out.append("- " if self.ordered else "+ ")
                pseudo = len(out) - 1
                self.line_kind = "pseudo"
                return j, pseudo
        self.line_kind = "text"
        if c in ">=":
            out.append("\\")
        elif c.isdigit() and (paren := _ORDERED_PAREN.match(text, j, end)) is not None:
            out.append(paren.group()[:-1] + "\\)")
            return paren.end(), pseudo
        return j, pseudo

    def _item(self, indent: int, marker: str, out: list[str], term: str) -> None:
        """An item's marker at its depth (items indented deeper than the one above nest in
        it)."""
        while self.stack and self.stack[-1][0] >= indent:
            self.stack.pop()
        column = self.stack[-1][1] if self.stack else 0
        if not self.stack:
            self.ordered = marker[0].isdigit()
        self.stack.append((indent, column + len(marker)))
        out.append(" " * column + marker + term)
        self.line_kind = "item"

    def _term_colon(self, pos: int, eol: int) -> int:
        """The colon ending a term list's term, or -1."""
        text = self.text
        i = pos
        while i < eol:
            c = text[i]
            if c == ":":
                return i
            if (past := self._past_literal(i, eol)) is not None:
                i = past
            elif c == "#":  # a call: its arguments and body are no part of the term
                j = i + 1
                while (ident := _IDENT.match(text, j, eol)) is not None:
                    j = ident.end() + (ident.end() < eol and text[ident.end()] == ".")
                while j < eol and text[j] in "([" and 0 < (close := self._match(j)) < eol:
                    j = close + 1
                i = max(j, i + 1)
            else:
                i += 1
        return -1

    def _fence(self, i: int, j: int, end: int, out: list[str]) -> int | None:
        """A raw block whose backticks open and close lines of their own, as a fence with its
        lines as they are; None for any other."""
        text = self.text
        ticks = self._run(j)
        lang = re.compile(r"[\w+#.-]*").match(text, j + ticks, end)
        assert lang is not None
        eol = self._eol(j, end)
        if text[lang.end() : eol].strip():
            return None
        close = self._raw_close(eol, ticks, end)
        if close < 0:
            return None
        close_line = self._line_of(close)
        if text[self.starts[close_line] : close].strip():
            return None
        after = self._eol(close, end)
        if text[close + ticks : after].strip():
            return None
        dedent = j - i
        lines = [("`" * ticks) + lang.group()]
        for line in self.lines[self._line_of(j) + 1 : close_line]:
            cut = min(dedent, len(line) - len(line.lstrip(" \t")))
            lines.append(line[cut:])
        lines.append("`" * ticks)
        out.append("\n".join(lines))
        return after

    # --- marks within a line ---------------------------------------------------------------

    def _special(self, i: int, end: int, out: list[str], marks: dict[str, int], cell: bool) -> int:
        text = self.text
        c = text[i]
        nxt = text[i + 1] if i + 1 < end else ""
        if c == "\\":
            if nxt in ("", "\n"):
                return i + 1  # a line break at the line's end
            if nxt in " \t":
                out.append(" ")
                return i + 2
            code = _UNICODE.match(text, i + 1, end) if nxt == "u" else None
            if code is not None:
                out.append(_escaped(chr(min(int(code.group("hex"), 16), 0x10FFFF))))
                return code.end()
            out.append("\\" + nxt if nxt in _ASCII_PUNCT else nxt)
            return i + 2
        if c == "`":
            return self._raw(i, end, out)
        if c == "$":
            close = self._math_close(i, end)
            if close < 0:
                out.append("$")
                return i + 1
            out.append(_math(text[i + 1 : close]))
            return close + 1
        if c == "/":
            if nxt == "/" and i and text[i - 1] == ":":  # a URL's "//"
                url = _URL_REST.match(text, i, end)
                assert url is not None
                body = url.group().rstrip(".,;:!?'")
                out.append(_escaped(body))
                return i + max(len(body), 2)
            if nxt == "/":
                self._mark(i, i + 1, "typst comment")
                return self._eol(i, end)
            if nxt == "*":
                close = self._comment_close(i, end)
                if close > 0:
                    self._mark(i, close, "typst comment")
                    out.append("\n" * text.count("\n", i, close) if not cell else " ")
                    return close
            out.append("/")
            return i + 1
        if c in "*_":
            before = text[i - 1] if i else " "
            if before.isalnum() and nxt.isalnum():  # inside a word: the character
                out.append("\\*" if c == "*" else "_")
            else:
                self._toggle(c, out, marks)
            return i + 1
        if c == "<":
            label = _LABEL_NAME.match(text, i + 1, end)
            if label is not None and label.end() < end and text[label.end()] == ">":
                return label.end() + 1
            out.append("\\<" if nxt.isalpha() or nxt in ("/", "!", "?") else "<")
            return i + 1
        if c == "@":
            return self._reference(i, end, out, cell)
        if c == "#":
            return self._code(i, end, out, cell)
        if c == "-":
            if text.startswith("---", i) and i + 2 < end:
                out.append("—")
                return i + 3
            if nxt == "-":
                out.append("–")
                return i + 2
            if nxt == "?":
                return i + 2  # a soft hyphen
            out.append("-")
            return i + 1
        if c == "~":
            out.append(" ")
            return i + 1
        out.append("\\" + c)  # a bracket: the character
        return i + 1

    def _toggle(self, c: str, out: list[str], marks: dict[str, int]) -> None:
        """A star or underscore opening or closing bold or emphasis."""
        mark = "**" if c == "*" else "*"
        if c not in marks:
            out.append(mark)
            marks[c] = len(out) - 1
            return
        at = marks.pop(c)
        other = "_" if c == "*" else "*"
        if other in marks and marks[other] > at:  # crossed marks: the inner one is text
            out[marks.pop(other)] = "\\*" if other == "*" else "\\_"
        inner = "".join(out[at + 1 :])
        del out[at:]
        core = inner.strip()
        if not core:
            out.append(inner)
            return
        lead = inner[: len(inner) - len(inner.lstrip())]
        trail = inner[len(inner.rstrip()) :]
        out.append(f"{lead}{mark}{core}{mark}{trail}")

    @staticmethod
    def _close_marks(out: list[str], marks: dict[str, int]) -> None:
        """Bold or emphasis never closed: its star or underscore is text."""
        for c, at in marks.items():
            out[at] = "\\*" if c == "*" else "\\_"
        marks.clear()

    def _raw(self, i: int, end: int, out: list[str]) -> int:
        """Raw text as a code span (one a line when it runs over lines)."""
        text = self.text
        ticks = self._run(i)
        if ticks == 2:
            return i + 2
        stop = self._eol(i, end) if ticks == 1 else end
        close = self._raw_close(i + ticks, ticks, stop)
        if close < 0:
            out.append("\\`" * ticks)
            return i + ticks
        body = text[i + ticks : close]
        if ticks >= 3:
            lang = re.compile(r"[A-Za-z][\w+#.-]*").match(body)
            if lang is not None:
                body = body[lang.end() :]
        out.append("\n".join(code_span(part.strip()) for part in body.split("\n")))
        return close + ticks

    def _reference(self, i: int, end: int, out: list[str], cell: bool) -> int:
        """ "@sec:ssm": the heading's title it refers to, its supplement ("@fig[Figure]"), or
        nothing."""
        text = self.text
        before = text[i - 1] if i else " "
        name = _LABEL_NAME.match(text, i + 1, end)
        if (
            before.isalnum()
            or name is None
            or not (name.group()[0].isalnum() or name.group()[0] == "_")
        ):
            out.append("@")
            return i + 1
        label = name.group().rstrip(".:")
        stop = i + 1 + len(label)
        if stop < end and text[stop] == "[":
            close = self._match(stop)
            if 0 < close < end:
                said = self._markup(stop + 1, close, cell=True)
                out.append(self._fit(said, i, close + 1, cell))
                return close + 1
        title = self._title(label)
        if title:
            out.append(title)
        else:
            self.refs_dropped += 1
        return stop

    def _title(self, label: str) -> str:
        """The title of the heading a label names, or the caption of the figure it names, as
        plain text; "" for any other label."""
        if label in self.title_text:
            return self.title_text[label]
        where = self.titles.get(label)
        if label in self.resolving or (where is None and label not in self._figures()):
            return ""
        self.resolving.add(label)
        self.depth += 1
        try:
            if where is not None:
                said = self._markup(where[0], where[1], cell=True)
            else:
                start, close = self._figures()[label]
                caption = next((a for a in self._args(start, close) if a.name == "caption"), None)
                said = self._value_text(caption.atoms[0], True) if caption and caption.atoms else ""
        finally:
            self.depth -= 1
            self.resolving.discard(label)
        said = said.replace("**", "").strip()
        self.title_text[label] = said
        return said

    def _figures(self) -> dict[str, tuple[int, int]]:
        """Each labelled figure's arguments ("#figure(…, caption: […]) <tab:kinds>"), found
        the first time a reference names no heading."""
        if self.figures is None:
            self.figures = {}
            for call in _FIGURE.finditer(self.text):
                close = self._match(call.end() - 1)
                if close < 0:
                    continue
                label = _LABEL_AFTER.match(self.text, close + 1)
                if label is not None:
                    self.figures.setdefault(label.group("name"), (call.end(), close))
        return self.figures

    # --- code ------------------------------------------------------------------------------

    def _code(self, i: int, end: int, out: list[str], cell: bool) -> int:
        """What follows a "#": a call's text, a statement dropped, a "#" of the text."""
        text = self.text
        j = i + 1
        if j < end and text[j] in "({[":
            close = self._match(j) if self.depth < _MAX_DEPTH else -1
            if close < 0 or close >= end:
                return j + 1
            if text[j] == "[":
                said = self._body(j + 1, close, cell)
                out.append(self._fit(said, i, close + 1, cell))
            else:
                self._mark(i, close + 1, "typst code")
                out.append(self._fit("", i, close + 1, cell))
            return close + 1
        ident = _IDENT.match(text, j, end)
        if ident is None:
            out.append("\\#")
            return j
        name = ident.group()
        if name in _KEYWORDS:
            stop = self._statement_end(ident.end(), end)
            self._mark(i, stop, "typst rule" if name in _RULES else "typst code")
            out.append(self._fit("", i, stop, cell))
            return stop
        j = ident.end()
        while j + 1 < end and text[j] == "." and (more := _IDENT.match(text, j + 1, end)):
            name += "." + more.group()
            j = more.end()
        args: list[tuple[int, int]] = []
        bodies: list[tuple[int, int]] = []
        while j < end and text[j] in "([":
            close = self._match(j) if self.depth < _MAX_DEPTH else -1
            if close < 0 or close >= end:  # never closed: the call and its bracket go
                out.append(self._fit("", i, j + 1, cell))
                return j + 1
            (args if text[j] == "(" else bodies).append((j, close))
            j = close + 1
        self.depth += 1
        try:
            said = self._call(name, args, bodies, cell)
        finally:
            self.depth -= 1
        if name == "footnote" and said and out and out[-1][-1:].strip():
            said = " " + said
        lead = text.count("\n", i, bodies[0][0]) if bodies else 0
        out.append(self._fit("\n" * lead + said if not cell else said, i, j, cell))
        return j

    def _fit(self, said: str, start: int, stop: int, cell: bool) -> str:
        """What a call says, with as many line breaks as it took (a cell's text: none)."""
        if cell:
            return said.replace("\n", " ")
        want = self.text.count("\n", start, stop)
        parts = said.split("\n")
        if len(parts) - 1 > want:
            parts = [*parts[:want], " ".join(parts[want:])]
        return "\n".join(parts) + "\n" * (want - (len(parts) - 1))

    def _body(self, start: int, end: int, cell: bool) -> str:
        self.depth += 1
        try:
            return self._markup(start, end, cell)
        finally:
            self.depth -= 1

    def _statement_end(self, pos: int, end: int) -> int:
        """Where a statement ("#set page(…)", "#let note(body) = block(…)[…]") ends: at the
        end of the line it ends on, its brackets spanning lines."""
        text = self.text
        i = pos
        while i < end:
            c = text[i]
            if c == "\n":
                return i
            if c == '"':
                i = self._string_end(i, end)
            elif c == "/" and text.startswith("//", i):
                return self._eol(i, end)
            elif c in "([{":
                close = self._match(i)
                if close < 0 or close >= end:
                    return self._eol(i, end)
                i = close + 1
            else:
                i += 1
        return end

    def _call(
        self, name: str, args: list[tuple[int, int]], bodies: list[tuple[int, int]], cell: bool
    ) -> str:
        """What a call shows: its body's text, a link's label, a symbol; nothing for a call
        that only lays out the page."""
        root, _, rest = name.partition(".")
        base = name.rpartition(".")[2]
        if root in ("sym", "emoji"):
            return _SYMBOLS.get(rest, "")
        if base in _DROPPED_CALLS or root == "calc":
            return ""
        if base in ("linebreak", "h"):
            return " "
        parsed = [a for start, stop in args for a in self._args(start + 1, stop)]
        said = [self._body(start + 1, stop, cell) for start, stop in bodies]
        if base in ("table", "grid"):
            rows = self._rows(parsed)[0]
            return "; ".join(", ".join(c for c in row if c) for row in rows)
        if base == "link":
            label = " ".join(s.strip() for s in said if s.strip())
            target = next((a.atoms[0] for a in parsed if a.name is None and a.atoms), None)
            url = target.text if target is not None and target.kind == "string" else ""
            return label or _escaped(url)
        if base == "ref":
            target = next((a.atoms[0] for a in parsed if a.name is None and a.atoms), None)
            title = self._title(target.text) if target and target.kind == "label" else ""
            if not title:
                self.refs_dropped += 1
            return title
        if base == "raw":
            target = next(
                (a.atoms[0] for a in parsed if a.name in (None, "text") and a.atoms), None
            )
            return code_span(target.text) if target and target.kind == "string" else ""
        if base == "figure" and not said:
            caption = next((a for a in parsed if a.name == "caption" and a.atoms), None)
            return self._value_text(caption.atoms[0], cell) if caption is not None else ""
        if not said:  # "#align(center, [text])": its content in brackets
            said = [
                self._value_text(a.atoms[0], cell, strings=base in _TEXT_CALLS or base in _WRAPPERS)
                for a in parsed
                if a.name is None and a.atoms and not a.spread
            ]
            said = [s for s in said if s.strip()]
        text = " ".join(s for s in said if s)
        if base in _WRAPPERS and text.strip():
            mark = _WRAPPERS[base]
            return f"{mark}{text.strip()}{mark}"
        if base == "footnote":
            return f"({text.strip()})" if text.strip() else ""
        return text

    def _value_text(self, atom: _Atom, cell: bool, strings: bool = True) -> str:
        if atom.kind == "content":
            return self._body(atom.start, atom.end, cell)
        if atom.kind == "string" and strings:
            return _escaped(atom.text)
        return ""

    # --- arguments -------------------------------------------------------------------------

    def _args(self, start: int, end: int, depth: int = 0) -> list[_Arg]:
        """A call's arguments between its parentheses."""
        text = self.text
        args: list[_Arg] = []
        current = _Arg()
        i = start
        while i < end:
            c = text[i]
            if c in " \t\r\n":
                i += 1
            elif c == ",":
                if current.atoms or current.name is not None:
                    args.append(current)
                current = _Arg()
                i += 1
            elif c == "/" and text.startswith("//", i):
                i = self._eol(i, end)
            elif c == "/" and text.startswith("/*", i):
                close = self._comment_close(i, end)
                i = close if close > 0 else end
            elif c == '"':
                stop = self._string_end(i, end)
                value = _STRING_ESCAPE.sub(r"\1", text[i + 1 : stop].removesuffix('"'))
                current.atoms.append(_Atom("string", i, stop, value))
                i = stop
            elif c in "([{":
                close = self._match(i)
                if close < 0 or close >= end:
                    break
                if c == "[":
                    current.atoms.append(_Atom("content", i + 1, close))
                elif c == "(" and depth < _MAX_DEPTH:
                    group = self._args(i + 1, close, depth + 1)
                    current.atoms.append(_Atom("group", i, close + 1, args=group))
                else:
                    current.atoms.append(_Atom("other", i, close + 1))
                i = close + 1
            elif text.startswith("..", i):
                current.spread = True
                i += 2
            elif (
                c == "<"
                and (label := _LABEL_NAME.match(text, i + 1, end)) is not None
                and (label.end() < end and text[label.end()] == ">")
            ):
                current.atoms.append(_Atom("label", i, label.end() + 1, label.group()))
                i = label.end() + 1
            elif (ident := _IDENT.match(text, i, end)) is not None:
                i = self._ident(ident, end, current, depth)
            elif (number := _NUMBER.match(text, i, end)) is not None:
                whole = number.group("fraction") is None and number.group("unit") is None
                amount = int(number.group()[:9]) if whole else 0
                current.atoms.append(
                    _Atom("int" if whole else "other", i, number.end(), value=amount)
                )
                i = number.end()
            else:
                current.atoms.append(_Atom("op", i, i + 1, c))
                i += 1
        if current.atoms or current.name is not None:
            args.append(current)
        return args

    def _ident(self, ident: re.Match[str], end: int, current: _Arg, depth: int) -> int:
        """A name in arguments: a named argument's name, a call, or a value."""
        text = self.text
        j = ident.end()
        k = j
        while k < end and text[k] in " \t":
            k += 1
        if (
            not current.atoms
            and current.name is None
            and k < end
            and text[k] == ":"
            and not text.startswith("::", k)
        ):
            current.name = ident.group()
            return k + 1
        name = ident.group()
        while j + 1 < end and text[j] == "." and (more := _IDENT.match(text, j + 1, end)):
            name += "." + more.group()
            j = more.end()
        atom = _Atom("ident", ident.start(), j, name)
        while j < end and text[j] in "([":
            close = self._match(j)
            if close < 0 or close >= end:
                break
            if text[j] == "(":
                if depth < _MAX_DEPTH:
                    atom.args += self._args(j + 1, close, depth + 1)
            else:
                atom.bodies.append((j + 1, close))
            atom.kind = "call"
            j = close + 1
        atom.end = j
        current.atoms.append(atom)
        return j

    # --- tables ----------------------------------------------------------------------------

    def _rows(self, args: list[_Arg]) -> tuple[list[list[str]], list[int], int]:
        """A table's rows (its header row first), the line each row starts on, and how many
        of them are header rows."""
        header: list[_Cell] = []
        body: list[_Cell] = []
        columns = 0
        for arg in args:
            if arg.name == "columns" and arg.atoms:
                columns = _columns(arg.atoms)
            if arg.name is not None or arg.spread or not arg.atoms:
                continue
            atom = arg.atoms[0]
            base = atom.text.rpartition(".")[2] if atom.kind == "call" else ""
            if base in ("header", "footer"):
                cells = [c for a in atom.args if a.name is None for c in self._cells(a)]
                (header if base == "header" and not header and not body else body).extend(cells)
            else:
                body += self._cells(arg)
        if not columns:
            first = header or body
            on_first = [c for c in first if first and c.line == first[0].line]
            columns = len(header) or max(len(on_first), 1)
        columns = min(columns, _MAX_COLUMNS)
        head_rows, head_lines = _placed(header, columns)
        rows, lines = _placed(body, columns)
        return head_rows + rows, head_lines + lines, len(head_rows)

    def _cells(self, arg: _Arg) -> list[_Cell]:
        """A table's argument as its cells: content, a string, or a "table.cell(…)[…]"."""
        if arg.spread or not arg.atoms:
            return []
        atom = arg.atoms[0]
        line = self._line_of(atom.start)
        if atom.kind in ("content", "string"):
            return [_Cell(_cell_text(self._value_text(atom, cell=True)), line)]
        if atom.kind == "call" and atom.text.rpartition(".")[2] == "cell":
            spans = {
                a.name: a.atoms[0].value for a in atom.args if a.atoms and a.atoms[0].kind == "int"
            }
            parts = [self._body(s, e, cell=True) for s, e in atom.bodies]
            parts += [
                self._value_text(a.atoms[0], cell=True)
                for a in atom.args
                if a.name is None and a.atoms
            ]
            colspan = min(max(spans.get("colspan", 1), 1), _MAX_SPAN)
            rowspan = min(max(spans.get("rowspan", 1), 1), _MAX_SPAN)
            return [_Cell(_cell_text(" ".join(parts)), line, colspan, rowspan)]
        return []

    def _table(self, j: int, end: int, out: list[str]) -> int | None:
        """A "#table(…)" (or "#grid(…)", or a "#figure(…)" of one) opening a line, written as
        a pipe table in the lines its call took; the position at the end of its last line.
        None for any other call."""
        text = self.text
        ident = _IDENT.match(text, j + 1, end)
        if ident is None or ident.group() not in ("table", "grid", "figure"):
            return None
        opening = ident.end()
        if opening >= end or text[opening] != "(":
            return None
        close = self._match(opening)
        if close < 0 or close >= end:
            return None
        self.depth += 1
        try:
            args = self._args(opening + 1, close)
            caption = ""
            if ident.group() == "figure":
                inner = next(
                    (
                        a.atoms[0]
                        for a in args
                        if a.name is None
                        and a.atoms
                        and a.atoms[0].kind == "call"
                        and a.atoms[0].text in ("table", "grid")
                    ),
                    None,
                )
                if inner is None:
                    return None
                named = next((a for a in args if a.name == "caption" and a.atoms), None)
                if named is not None:
                    caption = _cell_text(self._value_text(named.atoms[0], cell=True))
                args = inner.args
            rows, lines, _ = self._rows(args)
        finally:
            self.depth -= 1
        first, last = self._line_of(j), self._line_of(close)
        span = last - first + 1
        eol = self._eol(close, end)
        trailing = self._markup(close + 1, eol, cell=True).strip()
        layout = self._layout(rows, lines, first, span, caption)
        if trailing and not layout[-1]:
            layout[-1] = trailing
        elif trailing:
            self.dropped.append((last + 1, "typst markup", trailing))
        self.quiet.update(range(first, last + 1))
        out.append("\n".join(layout))
        return eol

    def _layout(
        self, rows: list[list[str]], lines: list[int], first: int, span: int, caption: str
    ) -> list[str]:
        """A table's lines in the span of lines its call took: each row on its own line when
        the rows were written one a line (the header and the rule in the lines above them),
        else with a blank line before and after where there is room, the rows that do not
        fit dropped. A blank line is kept before it under an item (else it is more of the
        item) and after it over a line of text (else that line is a row of it)."""
        blank = [""] * span
        if not rows:
            return blank
        width = max(len(r) for r in rows)
        table = [_row(rows[0]), "|" + "---|" * width, *(_row(r) for r in rows[1:])]
        lead = int(self.prev in ("item", "pseudo"))
        below = first + span
        tail = int(below < len(self.lines) and bool(self.lines[below].strip()))
        body = lines[1:]
        if (
            not caption
            and body
            and all(n == body[0] + k for k, n in enumerate(body))
            and body[0] - 2 >= first + lead
            and body[-1] < below - tail
        ):
            at = body[0] - 2 - first
            blank[at : at + len(table)] = table
            return blank
        # a caption leads into its table ("Common kinds:"), under the section it is in
        titles = ([caption.rstrip(":：") + ":"], []) if caption else ([],)
        for titled in titles:
            for after in (1, 0)[: 2 - tail]:
                for before in (1, 0)[: 2 - lead]:
                    block = [""] * before + titled + table + [""] * after
                    if len(block) <= span:
                        return block + [""] * (span - len(block))
        room = span - lead - tail
        kept = table[:room] if room >= 3 else []
        for row, line in zip(
            rows[max(len(kept) - 1, 0) :], lines[max(len(kept) - 1, 0) :], strict=True
        ):
            self.dropped.append((line + 1, "typst table row", " | ".join(row)))
        if not kept:
            return blank
        return [""] * lead + kept + [""] * (span - lead - len(kept))


def _placed(cells: list[_Cell], columns: int) -> tuple[list[list[str]], list[int]]:
    """Cells laid out in rows of `columns`, a cell spanning columns or rows taking the places
    it spans (the rows under one spanning rows say it again); the line each row starts on."""
    taken: dict[tuple[int, int], str] = {}
    starts: dict[int, int] = {}
    row = col = 0
    for cell in cells:
        while (row, col) in taken:
            col += 1
            if col >= columns:
                row, col = row + 1, 0
        if len(taken) > _MAX_PLACES:
            break  # far more than any notes' table: the rest would never fit its lines
        wide = min(cell.colspan, columns - col)
        for down in range(cell.rowspan):
            for across in range(wide):
                taken[(row + down, col + across)] = cell.text if across == 0 else ""
        starts.setdefault(row, cell.line)
        col += wide
        if col >= columns:
            row, col = row + 1, 0
    count = max((r for r, _ in taken), default=-1) + 1
    rows = [[taken.get((r, c), "") for c in range(columns)] for r in range(count)]
    lines: list[int] = []
    for r in range(count):
        lines.append(starts.get(r, lines[-1] if lines else 0))
    return rows, lines


def _columns(atoms: list[_Atom]) -> int:
    """How many columns "columns: 3", "columns: (auto, 1fr, 1fr)" or "(1fr,) * 3" give."""
    head = atoms[0]
    if head.kind == "int":
        count = head.value
    elif head.kind == "group":
        count = sum(1 for a in head.args if a.atoms and a.name is None)
    else:
        return 0
    if (
        len(atoms) >= 3
        and atoms[1].kind == "op"
        and atoms[1].text == "*"
        and atoms[2].kind == "int"
    ):
        count *= atoms[2].value
    return count if count > 0 else 0


def _cell_text(text: str) -> str:
    """A cell's text on one line, its pipes escaped, bold around all of it dropped (a header's
    "*Metric*" is the column's name)."""
    said = " ".join(text.split())
    whole = _WHOLE_BOLD.match(said)
    if whole is not None:
        said = whole.group("text").strip()
    return said.replace("|", "\\|")


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _escaped(text: str) -> str:
    """Text with Markdown's marks escaped: they are characters here."""
    return _MD_SPECIAL.sub(r"\\\g<0>", text)


def _math(body: str) -> str:
    """Math as the text it shows: quoted text as it is, names of symbols as the symbols
    ("$"IOPS" = 3 times "GiB"$" as "IOPS = 3 × GiB")."""
    out: list[str] = []
    for token in _MATH_TOKEN.findall(body):
        if token.startswith('"'):
            out.append(_escaped(_STRING_ESCAPE.sub(r"\1", token[1:-1] if len(token) > 1 else "")))
        elif token[0].isspace():
            out.append(" ")
        elif token in _MATH_OPERATORS:
            out.append(_MATH_OPERATORS[token])
        elif token[0].isalpha():
            out.append(_SYMBOLS.get(token, token) if len(token) > 1 else token)
        elif token.startswith("\\"):
            out.append(_escaped(token[1:]) if token[1:].strip() else " ")
        elif token in ("&", "#"):
            continue
        else:
            out.append(_escaped(token))
    return "".join(out).strip()


def _tidy(line: str) -> str:
    """A line a reference was dropped from, without the brackets and spaces it left."""
    line = _EMPTY_ASIDE.sub("", line)
    line = _SPACE_BEFORE_PUNCT.sub("", line)
    return _DOUBLE_SPACE.sub(" ", line)
