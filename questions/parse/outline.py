"""Notes outlined by numbers instead of Markdown: a word processor's document pasted as text
("1 Key concepts", "1.2 Value and co-creation", "2.3.1 Focus on value") or a Chinese outline
("一、法律常识", "（一）宪法", "（1）…", "①…").

Read as Markdown such notes are one section whose lines run together: a heading, a figure's
caption, a page's running header ("ITIL4 notes – page 3 of 12") and the next definition
become one sentence, and a "（1）" point indented under "1." goes on with that item. Here the
numbered titles become headings, each line a note of its own, the points items, and a page's
header or a figure's caption is skipped and reported. Only a file with no Markdown heading
that outlines itself so (two chapters and a numbered section) is read so; each line stays on
its line, so every question still points at its line.
"""

from __future__ import annotations

import re

from questions.parse.chat import LINE_NOTE
from questions.parse.plain_text import FENCE, PAGE_LINE

#: a word processor's numbered title: "2 The four dimensions", "2.3.1 Focus on value", "1.  OFFER"
_DECIMAL = re.compile(
    r"^(?P<number>\d{1,2}(?:\.\d{1,2}){0,3})(?P<dot>\.?)[ \t]+(?P<title>[A-Z\"'(][^\t]{0,100})$"
)
_ZH_CHAPTER = re.compile(
    r"^(?P<number>[一二三四五六七八九十]{1,3})[、．.]\s*(?P<title>\S.*)$"
    # a chapter a blog post brackets: "【一、操作系统】（每年6分左右🔥）", its aside left out
    r"|^【(?P<bracketed>[一二三四五六七八九十]{1,3})[、．.]\s*(?P<inner>[^【】\n]{1,40})】[^【】\n]{0,40}$"
)
_ZH_SECTION = re.compile(r"^[（(](?P<number>[一二三四五六七八九十]{1,3})[）)]\s*(?P<title>\S.*)$")
#: a Chinese outline's point: "（1）", "(2)", "①"
_ZH_POINT = re.compile(r"^(?P<indent>\s*)(?:[（(]\d{1,2}[）)]|[\u2460-\u2473])\s*(?P<text>\S.*)$")
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+\S")
#: a figure's caption: the figure is not in the notes, so its caption says nothing to ask
_FIGURE = re.compile(r"^\s*(?:Figure|Fig\.|图)\s*\d{1,3}(?:[.-]\d{1,3})?\s*[.:：]", re.I)
#: a table's caption: "Table 2: Types of change"
_TABLE_CAPTION = re.compile(r"^\s*(?:Table|Tab\.|表)\s*\d{1,3}(?:[.-]\d{1,3})?\s*[.:：]", re.I)
#: a word processor's bullet: "•", a dash before a space, "a)", a legal outline's "(a)" / "(iv)"
_WORD_BULLET = re.compile(
    r"^(?P<indent>\s*)(?:[•·▪◦]|[–—](?=\s)|[a-z][)）]|[(（](?:[a-h]|[ivx]{1,4})[)）](?=\s))\s*(?=\S)"
)
#: a numbered line of the outline that is no title ("1.1 Definition: an offer is …"): its
#: number only places it, and asked it is no fact
_SECTION_NUMBER = re.compile(r"^\d{1,2}(?:\.\d{1,2}){1,3}\.?[ \t]+(?=\S)")
#: "Definition: Output – a tangible or intangible deliverable …"
_DEFINITION = re.compile(r"^\s*Definition\s*:\s*(?P<term>[^–—:]{1,60}?)\s+[–—-]\s+(?P<text>\S.*)$")
_ITEM = re.compile(r"^(?P<indent>\s*)(?:[-*+]|\d{1,3}[.)])\s+\S")
_ORDERED = re.compile(r"^(?P<marker>\d{1,3}[.)]\s+)\S")
MIN_CHAPTERS = 2


def outline_as_markdown(lines: list[str]) -> tuple[list[str], list[tuple[int, str, str]]]:
    """The lines with numbered titles as headings and each line a note or an item, and the
    page headers and captions dropped as (line number, reason, text); the lines as they were
    for notes outlined otherwise."""
    if _has_markdown_headings(lines):
        return lines, []
    decimal = _decimal_titles(lines)
    if decimal:
        return _read(lines, decimal, chinese=False)
    chinese = _chinese_titles(lines)
    if chinese:
        return _read(lines, chinese, chinese=True)
    return lines, []


def _has_markdown_headings(lines: list[str]) -> bool:
    fenced = False
    for line in lines:
        if FENCE.match(line):
            fenced = not fenced
        elif not fenced and _MARKDOWN_HEADING.match(line):
            return True
    return False


def _decimal_titles(lines: list[str]) -> dict[int, int]:
    """The lines (by index) that are numbered titles, with their depth: numbers that go on in
    order ("1", "1.1", "1.2", "2", "2.1", "2.1.1"), two chapters and a section at least."""
    titles: dict[int, int] = {}
    last: tuple[int, ...] = ()
    dotted: bool | None = None  # the chapters' numbers end with a dot ("1.  OFFER")
    for n, line in enumerate(lines):
        m = _DECIMAL.match(line)
        wrapped = n + 1 < len(lines) and _continues(lines[n + 1], line)  # a sentence goes on
        if m is None or wrapped or m.group("title").rstrip().endswith((".", ",", ";")):
            # a numbered line that says something ("1.1 Definition: an offer is …") is no
            # title, yet it holds its place: "1.2" after it is the next title
            said = _NUMBERED_LINE.match(line)
            stated = line.rstrip().endswith((".", "。")) or wrapped or (m is None and said)
            if said is not None and stated and _follows(_numbers(said.group("number")), last):
                last = _numbers(said.group("number"))
                titles[n] = 0  # no title: its number goes, its words are a note
            continue
        number = _numbers(m.group("number"))
        if len(number) == 1 and dotted is not None and dotted != bool(m.group("dot")):
            # chapters are numbered one way through the file: after "1 Key concepts", "3. Service
            # value chain" is the third step of a list; after "1.  OFFER", "2.  ACCEPTANCE" is next
            continue
        if _follows(number, last):
            if len(number) == 1:
                dotted = bool(m.group("dot"))
            titles[n] = len(number)
            last = number
    chapters = sum(1 for depth in titles.values() if depth == 1)
    sections = sum(1 for depth in titles.values() if depth > 1)
    return titles if chapters >= MIN_CHAPTERS and sections >= 1 else {}


#: a separator typed as a line of one mark
_RULE = re.compile(r"([_=*~-])\1{4,}")
_NUMBERED_LINE = re.compile(r"^(?P<number>\d{1,2}(?:\.\d{1,2}){1,3})\.?[ \t]+\S")


def _numbers(number: str) -> tuple[int, ...]:
    return tuple(int(x) for x in number.split("."))


def _follows(number: tuple[int, ...], last: tuple[int, ...]) -> bool:
    """The number comes next in an outline after `last`: the next at its depth, or the first
    one deeper ("1" → "1.1", "1.2" → "2", "2.3" → "2.3.1", "2.3.7" → "3")."""
    if not last:
        return len(number) == 1 and number[0] <= 1
    if len(number) == len(last) + 1:
        return number[:-1] == last and number[-1] in (0, 1)
    if len(number) > len(last):
        return False
    prefix = last[: len(number) - 1]
    return number[:-1] == prefix and number[-1] == last[len(number) - 1] + 1


def _chinese_titles(lines: list[str]) -> dict[int, int]:
    """The lines that are a Chinese outline's titles: "一、" chapters (depth 1) and "（一）"
    sections (depth 2), two chapters or two sections at least."""
    titles: dict[int, int] = {}
    for n, line in enumerate(lines):
        if _ZH_CHAPTER.match(line):
            titles[n] = 1
        elif _ZH_SECTION.match(line):
            titles[n] = 2
    chapters = sum(1 for depth in titles.values() if depth == 1)
    sections = len(titles) - chapters
    return titles if chapters >= MIN_CHAPTERS or sections >= MIN_CHAPTERS else {}


def _read(
    lines: list[str], titles: dict[int, int], chinese: bool
) -> tuple[list[str], list[tuple[int, str, str]]]:
    out: list[str] = []
    skipped: list[tuple[int, str, str]] = []
    first = next((n for n, line in enumerate(lines) if line.strip()), -1)
    item_column = 0  # where the text of the last top-level numbered item starts
    lead: tuple[int, int, str] | None = None  # a line leading a list: indent, column, its mark
    for n, line in enumerate(lines):
        text = line.strip()
        if titles.get(n):
            m = (_DECIMAL if not chinese else _ZH_CHAPTER if titles[n] == 1 else _ZH_SECTION).match(
                text
            )
            title = (m.group("title") or m.group("inner")) if m is not None else text
            # the title's words: its number only places it ("2.3.1" asked is no fact)
            out.append("#" * (titles[n] + 1) + " " + title)
            item_column = 0
        elif not text:
            out.append("")
        elif n == first and len(text) <= 80 and not text.endswith((".", "。")):
            out.append("# " + text)  # the document's title
        elif _RULE.fullmatch(text):
            out.append("")  # a typed separator: "______", "=====" says nothing
        elif PAGE_LINE.match(text):
            out.append("")
            skipped.append((n + 1, "page header", text))
        elif _TABLE_CAPTION.match(text) and n + 1 < len(lines) and "\t" in lines[n + 1]:
            out.append("")  # the caption of a table pasted with tabs: its header's room
            skipped.append((n + 1, "table caption", text))
        elif "\t" in text:
            out.append(line)  # a table's row pasted with tabs (read as a table later)
        elif _FIGURE.match(text):
            out.append("")
            skipped.append((n + 1, "figure caption", text))
        elif n in titles:  # a numbered line that says something: its words, not its place
            numbered = _SECTION_NUMBER.match(text)
            out.append(LINE_NOTE + (text[numbered.end() :] if numbered else text))
        elif not chinese and n and out[-1].strip() and _continues(line, lines[n - 1]):
            out.append(_continued(out[-1], text))  # a line wrapped by hand
        else:
            indent = len(line) - len(line.lstrip())
            marked = _mark(line, chinese)
            if lead is not None and marked and (indent > lead[0] or marked != lead[2]):
                # a point under the line that leads it in, deeper or marked otherwise ("•
                # Three consumer roles:" over "a) Customer …", "（6）不适用诉讼时效的：" over
                # "① …") is an item of its list
                out.append(" " * lead[1] + _line(line, "", 0, chinese)[0].lstrip())
                continue
            line_out, item_column = _line(line, out[-1] if out else "", item_column, chinese)
            out.append(line_out)
            lead = None
            if text.endswith((":", "：")) and _ITEM.match(line_out):
                column = len(line_out) - len(line_out.lstrip()) + 2
                lead = (indent, column, marked)
            continue
        lead = None
    return out, skipped


#: how a line wrapped by hand goes on: a word, a number or a bracket, no new point's mark
_GOES_ON = re.compile(r"^[a-z0-9\[(&]")
_ENDS = (".", ";", ":", "!", "?", "。", "；", "：")


def _continues(line: str, above: str) -> bool:
    """An indented line, marked as nothing, under a line that stops mid-sentence ("…
    Carlill v Carbolic Smoke Ball Co [1893]" / "1 QB 256 (£100 reward)"): the rest of the line
    above, wrapped by hand, not a note of its own."""
    text = line.strip()
    column = _text_column(above)
    return (
        column is not None
        and len(line) - len(line.lstrip()) >= column
        and not above.rstrip().endswith(_ENDS)
        and _GOES_ON.match(text) is not None
        and not _mark(line, chinese=False)
        and _ITEM.match(line) is None
        and _SECTION_NUMBER.match(text) is None
    )


def _text_column(line: str) -> int | None:
    """Where the text of a line opened by a number or a point's mark starts ("1.1 Definition",
    "    (b) Unilateral"): a line wrapped by hand goes on there; None for a line with no mark."""
    indent = len(line) - len(line.lstrip())
    text = line.strip()
    mark = _SECTION_NUMBER.match(text) or _WORD_BULLET.match(text) or _MARKER_SPACE.match(text)
    return indent + mark.end() if mark is not None and mark.end() else None


_MARKER_SPACE = re.compile(r"(?:[-*+]|\d{1,3}[.)])\s+")


def _continued(above: str, text: str) -> str:
    """The wrapped line as Markdown goes on with the line above: under an item's text, or
    right under a note (its paragraph goes on)."""
    if above.startswith("#"):
        return LINE_NOTE + text
    item = _ITEM.match(above)
    if item is None:
        return text
    marker = re.match(r"\s*(?:[-*+]|\d{1,3}[.)])\s+", above)
    return " " * (marker.end() if marker else 2) + text


def _mark(line: str, chinese: bool) -> str:
    """The kind of mark the line opens with: "letter" ("a)"), "bullet" ("•", "–"), "point"
    ("（1）", "①"), or "" for none."""
    bullet = _WORD_BULLET.match(line)
    if bullet is not None:
        return "letter" if bullet.group(0).strip()[:1].isalpha() else "bullet"
    return "point" if chinese and _ZH_POINT.match(line) is not None else ""


def _line(line: str, above: str, item_column: int, chinese: bool) -> tuple[str, int]:
    """One line of an outline as Markdown, and where the text of the last top-level numbered
    item now starts."""
    text = line.strip()
    ordered = _ORDERED.match(line)
    if ordered is not None:
        return line, len(ordered.group("marker"))
    definition = _DEFINITION.match(line)
    if definition is not None:
        return f"- **{definition.group('term')}** – {definition.group('text')}", 0
    indented = line[: len(line) - len(line.lstrip())] != ""
    nested = " " * item_column if item_column and indented else ""
    point = _ZH_POINT.match(line) if chinese else None
    if point is not None:
        return f"{nested}- {point.group('text')}", item_column
    bullet = _WORD_BULLET.match(line)
    if bullet is not None:
        return f"{nested}- {line[bullet.end() :]}", item_column
    item = _ITEM.match(line)
    if item is not None:
        return (f"{nested}{text}" if indented else line), item_column
    if nested or _ITEM.match(above):
        # a line under a point or indented under an item ("【易错】…", "口诀：…") is a note
        # of that item's list, never more of the point above it
        return f"{nested}- {text}", item_column
    return LINE_NOTE + text, 0
