"""Notes written in Pandoc's Markdown (compiled to a PDF by their writer), handed in as they
are: read as the Markdown the PDF shows.

Pandoc reads more than CommonMark: attributes after a heading ("## Risk {#sec-risk}") or a
span ("[CISSP]{.smallcaps}"), citations ("[@harris2021, p. 45]", "[see @doe2020]", "@doe2020
says"), numbered examples ("(@flood) text", referred to as "(@flood)"), line blocks ("| "
lines), fenced divs ("::: warning" … ":::"), table captions ("Table: …" or ": …" next to a
table), inline footnotes ("^[…]"), super- and subscripts ("x^2^", "H~2~O"), raw LaTeX lines
("\\newpage") and a title block ("% Title"). Read as CommonMark all of it was kept as text, so
"{#sec-risk}" was part of every stem of its section and a caption was asked as a fact.

Attribute lists are written by kramdown, MkDocs and Hugo users as well: they are dropped in any
file. The rest is read so only in a file that marks itself as Pandoc's (two marks only Pandoc
writes). Each line stays on its line, so every question still points at its line; code is
never touched.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field

#: one attribute: "#id", ".class", "key=value", "-" (Pandoc's "{-}": an unnumbered heading)
_TOKEN = r"""(?:\#[\w:.-]+|\.[\w-]+|[\w-]+=(?:"[^"\n]*"|'[^'\n]*'|[^\s"'{}]+)|-)"""
#: an attribute list: braces holding only attributes ("{#id .class key=val}", kramdown's
#: "{: .note}", MkDocs' "{ .lg .middle }")
_ATTRS = rf"\{{:?[ \t]*{_TOKEN}(?:[ \t]+{_TOKEN})*[ \t]*\}}"
_ATTR_LIST = re.compile(_ATTRS)
#: a span's attributes: right after a link, an image, emphasis or a code span
_AFTER_SPAN = re.compile(rf"(?<=[\])*_`]){_ATTRS}")
#: a bracketed span: "[CISSP]{.smallcaps}" shows "CISSP"
_SPAN = re.compile(rf"(?<![!^\]\\])\[(?P<text>[^\[\]\n]*)\]{_ATTRS}")
_ATX = re.compile(r"^ {0,3}#{1,6}(?:[ \t]|$)")
_SETEXT = re.compile(r"^ {0,3}(?:=+|-+)[ \t]*$")
_FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<info>.*)$")
_TICKS = re.compile(r"`+")

#: a citation in brackets: "[@harris2021]", "[see @doe2020, p. 4; @roe2019]", "[-@doe2020]"
_BRACKETS = re.compile(r"\[(?P<body>[^\[\]\n]*)\]")
_CITED = re.compile(r"(?:^|[\s;])-?@[\w]")
#: a citation key: a letter, digit or "_", then word characters and punctuation inside it
_KEY = r"[A-Za-z0-9_](?:\w|[:.#$%&+?<>~/-](?=\w))*"
_KEYS_CITED = re.compile(rf"(?<![\w@])-?@(?P<key>{_KEY})")
#: a citation in the text: "@harris2021 says" (Pandoc writes "Harris (2021) says")
_IN_TEXT = re.compile(rf"(?<![\w@.\\/:-])@(?P<key>{_KEY})")
_NAME_YEAR = re.compile(r"^(?P<name>[A-Za-z]+)[_:-]?(?P<year>(?:1[5-9]|20)\d\d)[a-z]?$")
#: a locator right after a citation in the text: "@harris2021 [p. 33]"
_LOCATOR = re.compile(r"[ \t]*\[[^\[\]\n@]*\](?![(\[{:])")

#: a numbered example: "(@) text", "(@flood) text" at a line's start
_EXAMPLE = re.compile(r"^(?P<indent>[ \t]*)\(@(?P<label>[\w-]*)\)(?:[ \t]+|$)")
_EXAMPLE_REF = re.compile(r"\(@(?P<label>[\w-]+)\)")
_SUPERSCRIPT = re.compile(r"(?<![\^\\])\^(?P<text>[^\s^\[\]]{1,20})\^(?!\^)")
_SUBSCRIPT = re.compile(r"(?<![~\\])~(?P<text>[^\s~]{1,20})~(?!~)")
_SUP = str.maketrans("0123456789+-=()n", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿ")
_SUB = str.maketrans("0123456789+-=()", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎")

#: a fenced div's fences: "::: warning", "::: {.note}", "::::: {#id .tip} :::::", ":::"
_DIV_OPEN = re.compile(r"^ {0,3}:{3,}[ \t]*(?:\{|[A-Za-z])")
_DIV_CLOSE = re.compile(r"^ {0,3}:{3,}[ \t]*$")
#: a raw LaTeX command alone on its line: "\newpage", "\vspace{1em}", "\begin{center}"
_LATEX = re.compile(r"^[ \t]*\\[A-Za-z]+\*?(?:\[[^\[\]\n]*\])?(?:\{[^{}\n]*\})*[ \t]*$")
#: a table's caption: "Table: …", or ": …" next to a table
_CAPTION = re.compile(r"^ {0,3}(?:[Tt]able:|:(?=[ \t]))")
_TABLE_CAPTION = re.compile(r"^ {0,3}[Tt]able:")
#: a Markdown block's marker opening a line block's line ("| 1. not a list")
_BLOCK_MARK = re.compile(r"^(?:(?P<num>\d{1,9})(?P<dot>[.)])|[-+*>#=]|`{3}|~{3})(?=\s|$)")
#: where a sentence ends, for an inline footnote's text put after it
_SENTENCE_END = re.compile(r"[.!?](?=[ \t]|$)")
_ABBREVIATION = re.compile(r"(?<![A-Za-z])(?:e\.g|i\.e|vs|cf|incl|approx|p|pp|fig|no|ch)$", re.I)
#: where an inline footnote was, until its text is put after its sentence
_NOTE_MARK = "\ue010"


@dataclass
class _Read:
    """What a Pandoc file's lines say about it, gathered before it is rewritten."""

    code: list[bool]
    captions: dict[int, int] = field(default_factory=dict)  # caption start -> end (exclusive)
    labels: set[str] = field(default_factory=set)
    keys: set[str] = field(default_factory=set)
    front: int = 0  # the lines of the YAML metadata block at the top
    openers: set[int] = field(default_factory=set)  # the lines opening a code fence


def is_pandoc(lines: list[str]) -> bool:
    """The file marks itself as Pandoc's: two marks only Pandoc writes (a citation "[@…]", a
    numbered example "(@…)", a fenced div "::: …", a caption next to a table), or one and a
    span or a heading with attributes ("]{.", "{#": kramdown writes those too)."""
    return _is_pandoc(lines, _read(lines))


def pandoc_as_markdown(lines: list[str]) -> tuple[list[str], list[tuple[int, str, str]]]:
    """The lines as the Markdown a Pandoc PDF shows, and the lines dropped as (line number,
    reason, text); for a file that is not Pandoc's, the lines with their attribute lists
    dropped only (the lines as they were when they have none)."""
    read = _read(lines)
    pandoc = _is_pandoc(lines, read)
    if not pandoc and not any("{" in line for line in lines):
        return lines, []
    skipped: list[tuple[int, str, str]] = []
    out = list(lines)
    if pandoc:
        _pandoc_lines(out, read, skipped)
    for n, line in enumerate(out):
        if read.code[n] or "{" not in line:
            continue
        if _ATTR_LIST.fullmatch(line.strip()) and not _SETEXT.match(_at(out, n + 1)):
            out[n] = ""  # kramdown's block attributes ("{: .warning}") on their own line
            skipped.append((n + 1, "attribute list", line.strip()))
            continue
        line = _in_text(line, lambda text, after: _without_attributes(text, after))
        out[n] = _without_heading_attributes(
            line, setext=_SETEXT.match(_at(lines, n + 1)) is not None
        )
    if out == lines:
        return lines, []
    skipped.sort()
    return out, skipped


def _at(lines: list[str], n: int) -> str:
    return lines[n] if 0 <= n < len(lines) else ""


def _read(lines: list[str]) -> _Read:
    """Which lines are code (fenced code and the metadata block), where the captions are, the
    examples' labels and the keys cited in brackets."""
    code = [False] * len(lines)
    front = _front_matter(lines)
    for n in range(front):
        code[n] = True
    fence = ""
    openers: set[int] = set()
    for n in range(front, len(lines)):
        m = _FENCE.match(lines[n])
        if fence:
            code[n] = True
            closes = (
                m is not None and m.group("fence")[0] == fence[0] and not m.group("info").strip()
            )
            if closes and m is not None and len(m.group("fence")) >= len(fence):
                fence = ""
        elif m is not None and not (m.group("fence")[0] == "`" and "`" in m.group("info")):
            code[n] = True
            fence = m.group("fence")
            openers.add(n)
    read = _Read(code, front=front, openers=openers)
    read.captions = _captions(lines, code)
    for n, line in enumerate(lines):
        if code[n]:
            continue
        example = _EXAMPLE.match(line)
        if example is not None and example.group("label"):
            read.labels.add(example.group("label"))
        if "@" in line and "[" in line:
            for m in _BRACKETS.finditer(line):
                if _CITED.search(m.group("body")):
                    read.keys.update(k.group("key") for k in _KEYS_CITED.finditer(m.group("body")))
    return read


def _front_matter(lines: list[str]) -> int:
    """How many lines the YAML metadata block at the top takes ("---" … "---" or "...")."""
    if not lines or lines[0].rstrip() != "---":
        return 0
    for n in range(1, len(lines)):
        if lines[n].rstrip() in ("---", "..."):
            return n + 1
    return 0


def _is_pandoc(lines: list[str], read: _Read) -> bool:
    marks = len(read.captions)
    shared: set[str] = set()  # a span, a heading with an id: counted once each
    for n, line in enumerate(lines):
        if read.code[n]:
            continue
        if "[" in line and "@" in line:
            marks += any(_CITED.search(m.group("body")) for m in _BRACKETS.finditer(line))
        if "(@" in line:
            marks += _EXAMPLE.match(line) is not None or any(
                m.group("label") in read.labels for m in _EXAMPLE_REF.finditer(line)
            )
        if ":::" in line:
            marks += _DIV_OPEN.match(line) is not None
        if "]{" in line and _SPAN.search(line):
            shared.add("span")
        if "{" in line and _ATX.match(line) and "#" in _heading_attributes(line):
            shared.add("heading")
        if marks + len(shared) >= 2 and marks:
            return True
    return len(shared) >= 2


def _table_run(lines: list[str], start: int, end: int) -> bool:
    """The lines hold a table: a pipe table's delimiter row, a grid table's border, a simple
    table's dashes under its header, or a multiline table's dashed rule."""
    for n in range(start, end):
        s = lines[n].strip()
        if not s:
            continue
        chars = set(s)
        if "|" in chars and "-" in chars and chars <= set("|:- \t"):
            return True
        if s[0] == "+" and chars & set("-=") and chars <= set("+-=:"):
            return True
        if chars <= set("- \t") and len(s) >= 3:
            parts = s.split()
            if len(parts) >= 2 and all(len(p) >= 2 for p in parts):
                return True
            if end - start >= 3:  # a multiline table's rule (two lines: a setext heading)
                return True
    return False


def _captions(lines: list[str], code: list[bool]) -> dict[int, int]:
    """The captions next to a table: their first line and the line after their last."""
    runs: list[tuple[int, int]] = []
    n = 0
    while n < len(lines):
        if not lines[n].strip() or code[n]:
            n += 1
            continue
        start = n
        while n < len(lines) and lines[n].strip() and not code[n]:
            n += 1
        runs.append((start, n))
    tables = [_table_run(lines, s, e) for s, e in runs]
    out: dict[int, int] = {}
    for k, (s, e) in enumerate(runs):
        if _CAPTION.match(lines[s]):
            before = k > 0 and tables[k - 1]
            # ": …" over a table may be the definition of a term above it: only "Table: …"
            after = k + 1 < len(runs) and tables[k + 1] and _TABLE_CAPTION.match(lines[s])
            if before or after:
                out[s] = e
                continue
        if tables[k]:  # "Table: …" right under the table's last row
            for m in range(s + 1, e):
                if _TABLE_CAPTION.match(lines[m]) and _table_run(lines, s, m):
                    out[m] = e
                    break
    return out


def _pandoc_lines(out: list[str], read: _Read, skipped: list[tuple[int, str, str]]) -> None:
    """Rewrite a Pandoc file's lines in place: what the PDF shows of each."""
    lines = list(out)
    if read.front and lines[read.front - 1].rstrip() == "...":
        out[read.front - 1] = "---"
    skip_to, reason = -1, ""  # a caption's or the title block's lines: skipped up to skip_to
    block = _LineBlock()
    example = 0  # the number of the last example in the list being written, 0 out of one
    for n, line in enumerate(lines):
        if read.code[n]:
            fence = _FENCE.match(line)
            if fence is not None and n in read.openers:
                out[n] = _fence_info(fence)
            block.reset()
            continue
        text = line.strip()
        if n in read.captions:
            skip_to, reason = read.captions[n], "table caption"
        elif n == read.front and text.startswith("% "):
            skip_to, reason = n + 1, "pandoc title block"
            while skip_to < len(lines) and lines[skip_to].startswith(("% ", " ")):
                skip_to += 1
        if n < skip_to:
            _skip(out, n, reason, skipped)
            continue
        if _DIV_OPEN.match(line) or _DIV_CLOSE.match(line):
            _skip(out, n, "fenced div", skipped)
            block.reset()
            continue
        if _LATEX.match(line):
            _skip(out, n, "raw latex", skipped)
            continue
        line = block.read(lines, n)
        m = _EXAMPLE.match(line)
        if m is not None:
            example += 1
            line = f"{m.group('indent')}{example}. {line[m.end() :]}"
        elif text and not line[:1].isspace():
            example = 0
        line, notes = _footnotes(line)
        line = _in_text(line, lambda t, after: _pandoc_text(t, read))
        notes = [_in_text(note, lambda t, after: _pandoc_text(t, read)) for note in notes]
        out[n] = _with_notes(line, notes, lines, n, skipped)


def _skip(out: list[str], n: int, reason: str, skipped: list[tuple[int, str, str]]) -> None:
    if out[n].strip():
        skipped.append((n + 1, reason, out[n].strip()))
    out[n] = ""


def _fence_info(fence: re.Match[str]) -> str:
    """A code fence's attributes as its language: "```{.python .numberLines}" is Python's."""
    info = fence.group("info").strip()
    if not _ATTR_LIST.fullmatch(info):
        return fence.group(0)
    lang = next((t[1:] for t in info.strip("{}: \t").split() if t.startswith(".")), "")
    return f"{fence.group('indent')}{fence.group('fence')}{lang}"


@dataclass
class _LineBlock:
    """Where a line block ("| " lines, not a table) is, while the lines are read in order."""

    end: int = -1

    def reset(self) -> None:
        self.end = -1

    def read(self, lines: list[str], n: int) -> str:
        """The line without its line block's "| " (a Markdown block's mark after it
        escaped, so "| # 1" stays words), or the line as it is."""
        line = lines[n]
        if n >= self.end:
            self.end = _line_block_end(lines, n)
        if n >= self.end:
            return line
        indent = len(line) - len(line.lstrip())
        rest = line[indent:]
        rest = rest[1:] if rest.startswith("|") else rest
        rest = rest.strip()
        mark = _BLOCK_MARK.match(rest)
        if mark is not None:
            if mark.group("num"):
                rest = f"{mark.group('num')}\\{rest[mark.end('num') :]}"
            else:
                rest = "\\" + rest
        return line[:indent] + rest


def _line_block_end(lines: list[str], n: int) -> int:
    """The line after the line block starting at n, or n when none starts there: lines opening
    with "| " (or a lone "|"), continued by lines opening with a space, with no table's row."""
    first = lines[n].lstrip()
    if not (first.startswith("| ") or first.rstrip() == "|") or (n > 0 and lines[n - 1].strip()):
        return n
    if len(lines[n]) - len(first) > 3:  # indented code's line, not a block's
        return n
    end = n + 1
    while (
        end < len(lines)
        and lines[end].strip()
        and (lines[end].lstrip().startswith("|") or lines[end][:1] in (" ", "\t"))
    ):
        end += 1
    rows = [lines[k].strip() for k in range(n, end)]
    if _table_run(lines, n, end) or all(
        r.endswith("|") and len(r) > 1 for r in rows if r.startswith("|")
    ):
        return n
    return end


def _code_spans(line: str) -> list[tuple[int, int]]:
    """Where the line's code spans are: a run of backticks up to the next run as long."""
    runs = [(m.start(), m.end()) for m in _TICKS.finditer(line)]
    by_length: dict[int, list[int]] = {}
    for k, (s, e) in enumerate(runs):
        by_length.setdefault(e - s, []).append(k)
    out: list[tuple[int, int]] = []
    k = 0
    while k < len(runs):
        s, e = runs[k]
        same = by_length[e - s]
        j = bisect.bisect_right(same, k)
        if j < len(same):
            out.append((s, runs[same[j]][1]))
            k = same[j] + 1
        else:
            k += 1
    return out


def _in_text(line: str, rewrite: Callable[[str, bool], str]) -> str:
    """The line with its text outside code spans rewritten; `rewrite` is told whether the
    text comes right after a code span."""
    if "`" not in line:
        return rewrite(line, False)
    parts: list[str] = []
    at = 0
    for s, e in _code_spans(line):
        parts.append(rewrite(line[at:s], at > 0 and at == s))
        parts.append(line[s:e])
        at = e
    parts.append(rewrite(line[at:], at > 0))
    return "".join(parts)


def _without_attributes(text: str, after_code: bool) -> str:
    """The text without the attribute lists of its spans: a bracketed span's text kept."""
    if "{" not in text:
        return text
    if after_code:
        m = _ATTR_LIST.match(text)
        text = text[m.end() :] if m is not None else text
    if "]" in text:
        text = _SPAN.sub(lambda m: m.group("text"), text)
    return _AFTER_SPAN.sub("", text)


def _heading_attributes(line: str) -> str:
    """The attribute list ending a heading's line ("{#sec-risk}"), or ""."""
    s = line.rstrip()
    if not s.endswith("}"):
        return ""
    at = s.rfind("{")
    return s[at:] if at > 0 and _ATTR_LIST.fullmatch(s, at) else ""


def _without_heading_attributes(line: str, *, setext: bool) -> str:
    """A heading's line (an ATX heading, or the text over a setext underline) without the
    attribute list that ends it."""
    if not (setext or _ATX.match(line)):
        return line
    attrs = _heading_attributes(line)
    if not attrs:
        return line
    return line.rstrip()[: -len(attrs)].rstrip()


def _pandoc_text(text: str, read: _Read) -> str:
    """Text outside code as the PDF shows it: no citations in brackets, a citation in the text
    as its author and year, no references to examples, super- and subscripts as such."""
    if "@" in text:
        if "[" in text:
            text = _without_citations(text)
        text = _cited_in_text(text, read)
        if "(@" in text:
            text = _without_matches(_EXAMPLE_REF, text, lambda m: m.group("label") in read.labels)
    if "^" in text:
        text = _SUPERSCRIPT.sub(lambda m: _script(m.group("text"), _SUP), text)
    if "~" in text:
        text = _SUBSCRIPT.sub(lambda m: _script(m.group("text"), _SUB), text)
    return text


def _script(text: str, table: dict[int, int]) -> str:
    """A super- or subscript as the PDF sets it: "2" as "²" (letters as they are)."""
    return text.translate(table) if all(ord(ch) in table for ch in text) else text


def _without_matches(
    pattern: re.Pattern[str], text: str, dropped: Callable[[re.Match[str]], bool]
) -> str:
    """The text without the matches `dropped` accepts, each with the spaces before it (with
    the spaces after it when only spaces are before it: a line's indent stays)."""
    parts: list[str] = []
    at = 0
    lead = True  # nothing but spaces written yet
    for m in pattern.finditer(text):
        if not dropped(m):
            continue
        before = text[at : m.start()]
        if lead and not before.strip():
            parts.append("" if parts else before)
        else:
            parts.append(
                before.lstrip(" \t").rstrip(" \t") if lead and parts else before.rstrip(" \t")
            )
            lead = False
        at = m.end()
    if not parts:
        return text
    rest = text[at:]
    return "".join(parts) + (rest.lstrip(" \t") if lead else rest)


def _without_citations(text: str) -> str:
    def cites(m: re.Match[str]) -> bool:
        before = text[m.start() - 1 : m.start()]
        after = text[m.end() : m.end() + 1]
        return (
            before not in ("!", "^", "\\")
            and after not in ("(", "[", "{", ":")
            and bool(_CITED.search(m.group("body")))
        )

    return _without_matches(_BRACKETS, text, cites)


def _cited_in_text(text: str, read: _Read) -> str:
    """ "@harris2021 says" as "Harris (2021) says" (Pandoc's author and year); a key cited
    elsewhere in brackets but not of that shape is dropped. Other "@" words are left."""
    parts: list[str] = []
    at = 0
    for m in _IN_TEXT.finditer(text):
        key = m.group("key")
        shape = _NAME_YEAR.match(key)
        if shape is None and key not in read.keys:
            continue
        end = m.end()
        locator = _LOCATOR.match(text, end)
        if locator is not None:
            end = locator.end()
        if shape is not None:
            parts.append(text[at : m.start()])
            parts.append(f"{shape.group('name').capitalize()} ({shape.group('year')})")
        else:
            parts.append(text[at : m.start()].rstrip(" \t"))
        at = end
    return "".join(parts) + text[at:] if parts else text


def _footnotes(line: str) -> tuple[str, list[str]]:
    """The line with a mark where each of its inline footnotes ("^[…]", outermost only) was,
    and their texts."""
    line = line.replace(_NOTE_MARK, "")
    if "^[" not in line:
        return line, []
    code = _code_spans(line) if "`" in line else []
    starts = [s for s, _ in code]
    open_at: list[int] = []
    notes: list[tuple[int, int]] = []
    n = 0
    while n < len(line):
        k = bisect.bisect_right(starts, n) - 1
        if k >= 0 and code[k][0] <= n < code[k][1]:
            n = code[k][1]
            continue
        ch = line[n]
        if ch == "\\":
            n += 2
            continue
        if ch == "[":
            open_at.append(n)
        elif ch == "]" and open_at:
            s = open_at.pop()
            if s > 0 and line[s - 1] == "^":
                while notes and notes[-1][0] > s:
                    notes.pop()  # a footnote inside this one: part of its text
                notes.append((s - 1, n + 1))
        n += 1
    if not notes:
        return line, []
    parts: list[str] = []
    texts: list[str] = []
    at = 0
    for s, e in notes:
        text = line[s + 2 : e - 1].strip()
        parts.append(line[at:s] + (_NOTE_MARK if text else ""))
        if text:
            texts.append(text)
        at = e
    return "".join(parts) + line[at:], texts


def _with_notes(
    line: str, notes: list[str], lines: list[str], n: int, skipped: list[tuple[int, str, str]]
) -> str:
    """The line with its inline footnotes' texts after the sentence their mark is in (at the
    line's end when its paragraph or item ends there); a heading's, a table row's or a
    wrapped sentence's footnote is dropped."""
    if not notes:
        return line
    if line.lstrip().startswith(("#", "|")) or line.count(_NOTE_MARK) != len(notes):
        skipped += [(n + 1, "inline footnote", note) for note in notes]
        return line.replace(_NOTE_MARK, "")
    after = _at(lines, n + 1).lstrip()
    last = not after or after.startswith((":", "~", "-", "*", "+", "#", "|")) or after[:1].isdigit()
    for note in reversed(notes):  # the last first: two in one sentence keep their order
        at = line.rfind(_NOTE_MARK)
        line = line[:at] + line[at + 1 :]
        said = note if note.endswith((".", "!", "?", "。", "！", "？")) else note + "."
        end = _sentence_end(line, at)
        if end is None and last:
            end = len(line.rstrip())
        if end is None:
            skipped.append((n + 1, "inline footnote", note))
            continue
        line = f"{line[:end]} {said}{line[end:]}"
    return line


def _sentence_end(line: str, at: int) -> int | None:
    """Where the sentence holding position `at` ends on the line (outside code), if it does."""
    code = _code_spans(line) if "`" in line else []
    for m in _SENTENCE_END.finditer(line, at):
        inside = any(a <= m.start() < b for a, b in code)
        if not inside and not _ABBREVIATION.search(line[max(0, m.start() - 12) : m.start()]):
            return m.end()
    return None
