"""Notes written in DokuWiki markup (a team wiki's pages), handed in as they are: read as the
Markdown they stand for.

DokuWiki writes a heading as "====== Title ======", its levels running the other way round
from MediaWiki's (six "=" are the page's title, two a fifth-level heading), a table's header
cells between "^" and its other cells between "|" (":::" for a cell spanned from the row
above), a list's items as "  * " and "  - " indented two spaces a level, code between "<code
lang>" and "</code>" (or "<file lang name>"), monospace as ''…'', italics as //…//, underline
as __…__, a footnote as ((…)), a link as [[ns:page|text]], media as {{…}}, a box as "<WRAP …>"
… "</WRAP>" and page switches as "~~NOTOC~~". Read as MediaWiki its headings were nested the
wrong way round and read as Markdown its tables and marks stayed raw. Only a file DokuWiki
marks as its own is read so; each line stays on its line, so every question still points at
its line (a table's "|---|" rule needs a line more than the table has: a blank line near it
gives it, the lines between moving one line up or down).
"""

from __future__ import annotations

import bisect
import re

from questions.parse.plain_text import capped, pipe_row
from questions.parse.spans import block_safe, code_span

#: a Markdown code fence's opening or closing line
_FENCE = re.compile(r"^ {0,3}(?:```|~~~)")
#: a page switch ("~~NOTOC~~", "~~NOCACHE~~", "~~DISCUSSION:off~~")
_MACRO = re.compile(r"~~[A-Z][A-Z_]*(?::[^~\n]*)?~~")
_MACRO_LINE = re.compile(r"^\s*(?:~~[A-Z][A-Z_]*(?::[^~\n]*)?~~\s*)+$")
#: a code or file block's opening tag: "<code>", "<code bash>", "<file text nat.cfg>"
_BLOCK_OPEN = re.compile(r"<(?P<tag>code|file)(?P<attrs>\s[^<>]*)?>")
_BLOCK_CLOSE = {tag: f"</{tag}>" for tag in ("code", "file")}
_LANG = re.compile(r"^[\w+#.-]+$")
#: a box's or a note's tags, which only lay their text out
_BOX_TAG = re.compile(r"</?(?:WRAP|wrap|note|box)\b[^<>]*>")
_BOX_LINE = re.compile(r"^\s*<WRAP\b")
_RULE = re.compile(r"^\s*-{4,}\s*$")
_LIST = re.compile(r"^(?P<indent>[ \t]+)(?P<mark>[*-])(?:\s+(?P<text>.*))?$")
_QUOTE_LINE = re.compile(r"^(?P<marks>>+)\s?(?P<text>.*)$")
#: marks of a MediaWiki page (bold, a category, a citation, a magic word, a "{|" table, a
#: list written from the line's start): DokuWiki writes none of them
_MEDIAWIKI_MARK = re.compile(
    r"'''[^']|\[\[[Cc]ategory:|<ref[\s>/]|^__[A-Z]+__\s*$|^\s*\{\||^[*#]+\s"
)
#: marks of a Markdown file: an ATX heading, a pipe table's rule, a link, a fence
_MARKDOWN_MARK = re.compile(r"^#{1,6}\s|^\|?\s*:?-{3,}:?\s*\||\]\([^()\s]+\)|^ {0,3}```")
#: marks only DokuWiki writes this way: ''mono'', //italics//, a namespaced link, a
#: footnote, a forced line break
_DOKU_MARK = re.compile(
    r"''[^'\s][^']*''|(?<![:/])//[^/\s][^/]*//|\[\[[\w.-]+:[\w.:-]+|\(\([^()]+\)\)|\\\\(?:\s|$)"
)
_MAX_COLUMNS = 64

# inline marks, each linear: a body never runs past another opening of its own mark
_MONO = re.compile(r"''(?!')(?P<body>.+?)(?<!')''")
_PERCENT = re.compile(r"%%(?P<body>.*?)%%")
_NOWIKI = re.compile(r"<nowiki>(?P<body>[^<]*(?:<(?!/?nowiki>)[^<]*)*)</nowiki>")
_CODE_TAG = re.compile(
    r"<(?P<tag>code|file)(?:\s[^<>]*)?>"
    r"(?P<body>[^<]*(?:<(?!/?(?:code|file)\b)[^<]*)*)</(?P=tag)>"
)
_LINK = re.compile(r"\[\[(?P<body>[^\[\]]*)\]\]")
_MEDIA = re.compile(r"\{\{(?P<body>[^{}]*)\}\}")
_URL = re.compile(r"\b(?:https?|ftp)://[^\s\[\]{}<>|]+|\bmailto:[^\s\[\]{}<>|]+")
_BREAK = re.compile(r"\\\\(?=\s|$)")
_DEL = re.compile(r"<del>(?P<body>[^<]*(?:<(?!/?del>)[^<]*)*)</del>")
_SUP = re.compile(r"<sup>(?P<body>[^<]*(?:<(?!/?sup>)[^<]*)*)</sup>")
_LAYOUT_TAG = re.compile(
    r"</?(?:WRAP|wrap|note|box|sub|sup|del|ins|u|color|hi|lo|code|file|nowiki)\b[^<>]*>"
)
_BOLD = re.compile(r"\*\*(?!\*)(?P<body>.+?)(?<!\*)\*\*")
_ITALIC = re.compile(r"(?<!:)//(?!/)(?P<body>.+?)(?<![:/])//")
_UNDERLINE = re.compile(r"__(?!_)(?P<body>.+?)(?<!_)__")
_ESCAPE = re.compile(r"[\\`*_<\[]")
_SPACES = re.compile(r"[ \t]{2,}")
_SLOT = re.compile("\ue000(\\d+)\ue001")
_MARKS = {"\ue010": "**", "\ue011": "*", "\ue012": "~~"}
_MARK = re.compile("[\ue010\ue011\ue012]")
_BACKTICKS = re.compile(r"`+")
_IMAGE = re.compile(r"\.(?:png|jpe?g|gif|svg|webp|bmp|ico)$", re.I)

#: what a line is once read, for where a table's lines may go: a blank line may take its
#: rule, lines may move up over one when what they then follow cannot run on into them
_BLANK, _TEXT, _ITEM, _HEADING, _OPEN, _CODE, _CLOSE, _ROW, _TABLE, _QUOTE = (
    "blank", "text", "item", "heading", "open", "code", "close", "row", "table", "quote"
)  # fmt: skip


def _heading(line: str) -> tuple[int, str] | None:
    """A "===== Title =====" line's opening run and title: two "=" or more on each side."""
    text = line.strip()
    lead = len(text) - len(text.lstrip("="))
    trail = len(text) - len(text.rstrip("="))
    if lead < 2 or trail < 2 or lead + trail >= len(text):
        return None
    title = text[lead : len(text) - trail].strip(" \t=")
    return (lead, title) if title else None


def _table_header(lines: list[str], n: int) -> bool:
    """Line n is a table's header row ("^ Port ^ Use ^") with a row under it."""
    text = lines[n].strip()
    if not (text.startswith("^") and text.endswith("^") and text.count("^") >= 2):
        return False
    return n + 1 < len(lines) and lines[n + 1][:1] in ("^", "|")


def _closings(lines: list[str]) -> dict[str, list[int]]:
    """The lines holding a "</code>" and those holding a "</file>"."""
    return {
        tag: [k for k, line in enumerate(lines) if closer in line]
        for tag, closer in _BLOCK_CLOSE.items()
    }


def _closing(closings: list[int], n: int) -> int | None:
    """The first of the closing lines after line n, or none."""
    later = bisect.bisect_right(closings, n)
    return closings[later] if later < len(closings) else None


def _open_tag(line: str) -> re.Match[str] | None:
    """The first "<code>" or "<file>" tag on the line not closed on it."""
    at = 0
    while (m := _BLOCK_OPEN.search(line, at)) is not None:
        close = line.find(_BLOCK_CLOSE[m.group("tag")], m.end())
        if close < 0:
            return m
        at = close
    return None


def is_dokuwiki(lines: list[str]) -> bool:
    """The file marks itself as DokuWiki's: a "^ … ^" table header, a page switch
    ("~~NOTOC~~"), a "<file>" block or a "<WRAP>" box; else, with no mark of a MediaWiki page
    or a Markdown file, a "<code>" block, a "== … ==" heading and a mark DokuWiki writes
    (''mono'', //italics//, "  * " items, a namespaced link, a footnote), or headings whose
    first is of five "=" or more. Lines in code are not looked at."""
    headings = first = 0
    code = doku = other = fenced = False
    closings = _closings(lines)
    n = 0
    while n < len(lines):
        line = lines[n]
        if _FENCE.match(line):
            fenced, other = not fenced, True
        if fenced or _FENCE.match(line):
            n += 1
            continue
        if _MACRO_LINE.match(line) or _table_header(lines, n) or _BOX_LINE.match(line):
            return True
        opening = _open_tag(line)
        end = None if opening is None else _closing(closings[opening.group("tag")], n)
        if opening is not None and end is not None:
            if opening.group("tag") == "file":
                return True
            code = True
            n = end + 1
            continue
        heading = _heading(line)
        if heading is not None:
            title = line.strip()[heading[0] :].rstrip("=")
            spaced = title[:1].isspace() and title[-1:].isspace()
            headings += spaced or heading[0] >= 3
            first = first or heading[0]
        listed = _LIST.match(line)
        doku = doku or _DOKU_MARK.search(line) is not None
        doku = doku or (listed is not None and len(listed.group("indent").expandtabs(2)) >= 2)
        other = other or bool(_MEDIAWIKI_MARK.search(line) or _MARKDOWN_MARK.search(line))
        n += 1
    if other:
        return False
    return code or (headings >= 1 and doku) or (headings >= 2 and first >= 5)


def dokuwiki_as_markdown(lines: list[str]) -> tuple[list[str], list[tuple[int, str, str]]]:
    """The lines as Markdown (headings, lists, tables, code fences, bold, italics and code
    spans), and the lines of the page's bookkeeping dropped as (line number, reason, text);
    the lines as they were for a file that is not DokuWiki's."""
    if not is_dokuwiki(lines):
        return lines, []
    out = [""] * len(lines)
    kinds = [_BLANK] * len(lines)
    skipped: list[tuple[int, str, str]] = []
    tables: list[tuple[int, list[list[str]]]] = []
    closings = _closings(lines)
    stack: list[int] = []  # the widths of the open items' markers ("- " 2, "1. " 3)
    fence = False
    n = 0
    while n < len(lines):
        line = lines[n]
        if fence or _FENCE.match(line):  # a Markdown fence in the page: as it is
            opened = not fence
            fence = not fence if _FENCE.match(line) else fence
            out[n], kinds[n] = line, (_OPEN if opened else _CLOSE if not fence else _CODE)
            stack.clear()
            n += 1
            continue
        opening = _open_tag(line)
        end = None if opening is None else _closing(closings[opening.group("tag")], n)
        if opening is not None and end is not None:
            n = _code_block(lines, out, kinds, n, opening, end)
            stack.clear()
            continue
        if line[:1] in ("^", "|"):
            end = n
            while end < len(lines) and lines[end][:1] in ("^", "|"):
                kinds[end] = _ROW
                end += 1
            tables.append((n, _grid(lines[n:end])))
            stack.clear()
            n = end
            continue
        unboxed = _BOX_TAG.sub("", line) if "<" in line else line
        if not unboxed.strip() or _RULE.match(unboxed):
            stack.clear()  # a blank line, a rule, a box's edge: no words
            n += 1
            continue
        heading = _heading(unboxed)
        listed = _LIST.match(unboxed)
        indent = len(unboxed) - len(unboxed.lstrip(" \t"))
        quote = _QUOTE_LINE.match(unboxed)
        if heading is not None:
            title = _inline(heading[1])
            out[n], kinds[n] = (
                ("#" * max(1, 7 - heading[0]) + " " + title if title else ""),
                _HEADING,
            )
            stack.clear()
        elif listed is not None and len(listed.group("indent").expandtabs(2)) >= 2:
            out[n], kinds[n] = _item(listed, stack), _ITEM
        elif indent >= 2 and stack:  # an indented line under an item: more of the item
            said = block_safe(_inline(unboxed))
            out[n], kinds[n] = (" " * sum(stack) + said if said else ""), _ITEM
        elif indent >= 2:  # preformatted text
            n = _preformatted(lines, out, kinds, n)
            continue
        elif quote is not None:
            said = _inline(quote.group("text"))
            out[n], kinds[n] = "> " * len(quote.group("marks")) + said, _QUOTE
            stack.clear()
        else:
            said = block_safe(_inline(unboxed))
            if stack and said:  # right under a list: an item of a list of its own
                said = ("- " if stack[0] == len("1. ") else "+ ") + said
            out[n], kinds[n] = said, (_ITEM if stack and said else _TEXT)
            stack.clear()
        if not out[n].strip():
            kinds[n] = _BLANK
            if any(ch.isalnum() for ch in unboxed):
                skipped.append((n + 1, "dokuwiki metadata", line.strip()))
        n += 1
    if tables:
        out = _with_tables(out, kinds, dict(tables))
    return out, skipped


def _item(listed: re.Match[str], stack: list[int]) -> str:
    """A "  * " or "  - " line as a Markdown item, indented under the items it is in: a level
    for each two spaces of its indent, and a level deeper than the one above one deeper."""
    width = len(listed.group("indent").expandtabs(2))
    depth = max(1, min(width // 2, len(stack) + 1))
    del stack[depth - 1 :]
    text = block_safe(_inline(listed.group("text") or ""))
    if not text:
        return ""
    marker = "1. " if listed.group("mark") == "-" else "- "
    indent = " " * sum(stack)
    stack.append(len(marker))
    return indent + marker + text


def _preformatted(lines: list[str], out: list[str], kinds: list[str], n: int) -> int:
    """Lines indented two spaces or more, no list's items, from line n: DokuWiki's
    preformatted text, fenced as code when blank lines stand on both sides, else each line a
    code span; the line after them."""
    end = n
    while end < len(lines) and lines[end].strip() and _is_preformatted(lines[end]):
        end += 1
    body = [line[2:] if line.startswith("  ") else line.lstrip("\t") for line in lines[n:end]]
    above_free = n > 0 and kinds[n - 1] == _BLANK and not lines[n - 1].strip()
    below_free = end < len(lines) and not lines[end].strip()
    if above_free and below_free:
        fence = _fence_for(body)
        out[n - 1], kinds[n - 1] = fence, _OPEN
        out[n:end] = body
        kinds[n:end] = [_CODE] * (end - n)
        out[end], kinds[end] = fence, _CLOSE
        return end + 1
    for k, line in enumerate(body):
        out[n + k], kinds[n + k] = code_span(line), _TEXT
    return end


def _is_preformatted(line: str) -> bool:
    """The line is indented two spaces or more and no list's item."""
    indent = len(line) - len(line.lstrip(" \t"))
    listed = _LIST.match(line)
    return indent >= 2 and not (listed and len(listed.group("indent").expandtabs(2)) >= 2)


def _fence_for(body: list[str]) -> str:
    """A code fence longer than any run of backticks in the lines it fences."""
    longest = max((len(r) for line in body for r in _BACKTICKS.findall(line)), default=0)
    return "`" * max(3, longest + 1)


def _code_block(
    lines: list[str], out: list[str], kinds: list[str], n: int, opening: re.Match[str], end: int
) -> int:
    """A "<code>" or "<file>" block from line n to line end as fenced code, its lines as they
    are; the line after it. Text on a tag's line moves the fence to a blank line beside it;
    where there is none, each line is a code span of its own."""
    closer = _BLOCK_CLOSE[opening.group("tag")]
    close_at_col = lines[end].find(closer)
    before, first = lines[n][: opening.start()], lines[n][opening.end() :]
    last, after = lines[end][:close_at_col], lines[end][close_at_col + len(closer) :]
    body = [first, *lines[n + 1 : end], last]
    fence = _fence_for(body)
    words = (opening.group("attrs") or "").split()
    lang = words[0] if words and words[0] != "-" and _LANG.match(words[0]) else ""
    open_at: int | None = n
    if first.strip():
        open_at = n - 1 if n > 0 and kinds[n - 1] == _BLANK and not lines[n - 1].strip() else None
    close_at: int | None = end
    if last.strip():
        close_at = end + 1 if end + 1 < len(lines) and not lines[end + 1].strip() else None
    beside = _BOX_TAG.sub("", before).strip() or _BOX_TAG.sub("", after).strip()
    if beside or open_at is None or close_at is None:
        for k, line in enumerate(body):
            out[n + k], kinds[n + k] = code_span(line), _TEXT
        out[n] = f"{_inline(before)} {out[n]}".strip()
        out[end] = f"{out[end]} {_inline(after)}".strip()
        return end + 1
    out[open_at], kinds[open_at] = fence + lang, _OPEN
    for k in range(n + 1, end):
        out[k], kinds[k] = lines[k], _CODE
    if first.strip():
        out[n], kinds[n] = first, _CODE
    if last.strip():
        out[end], kinds[end] = last, _CODE
    out[close_at], kinds[close_at] = fence, _CLOSE
    return close_at + 1


def _cells(line: str) -> list[str]:
    """A table row's cells, split at "^" (a header cell's edge) and "|" outside a link, a
    media tag and a %%…%% run."""
    text = line.rstrip()
    links_end, media_end = text.rfind("]]"), text.rfind("}}")
    cells: list[str] = []
    start = 1
    links = media = 0
    at = 1
    while at < len(text):
        if text.startswith("%%", at):
            close = text.find("%%", at + 2)
            if close >= 0:
                at = close + 2
                continue
        pair = text[at : at + 2]
        if pair == "[[" and at < links_end:
            links, at = links + 1, at + 2
            continue
        if pair == "]]" and links:
            links, at = links - 1, at + 2
            continue
        if pair == "{{" and at < media_end:
            media, at = media + 1, at + 2
            continue
        if pair == "}}" and media:
            media, at = media - 1, at + 2
            continue
        if text[at] in "^|" and not links and not media:
            cells.append(text[start:at])
            start = at + 1
        at += 1
    if text[start:].strip():
        cells.append(text[start:])
    cells = capped(cells, _MAX_COLUMNS)
    return cells


def _grid(rows: list[str]) -> list[list[str]]:
    """A table's rows as Markdown cells, the first the header: a ":::" cell holds the text of
    the cell above it, a cell left empty ("||") by one spanning it is empty."""
    grid: list[list[str]] = []
    for line in rows:
        row: list[str] = []
        for col, raw in enumerate(_cells(line)):
            if raw.strip() == ":::":
                above = grid[-1] if grid else []
                row.append(above[col] if col < len(above) else "")
            else:
                row.append(_inline(raw).replace("|", "\\|"))
        grid.append(row)
    width = max((len(r) for r in grid), default=0)
    return [r + [""] * (width - len(r)) for r in grid]


def _with_tables(out: list[str], kinds: list[str], tables: dict[int, list[list[str]]]) -> list[str]:
    """The lines with each table, by the line its header is on, written as a pipe table.

    A pipe table's "|---|" rule needs a line more than the table has, and a blank line above
    or below gives it: the lines between then move one line up or down. Which blank lines go
    is chosen over the whole page so that as few lines of words as may be move, and none far
    (a page's tables often follow one another with no blank line between): a table right
    under a heading under a blank line moves only the heading. A table with no blank line
    to spare anywhere near has its rows written as items. A paragraph's line right under a
    table is an item of its own, or Markdown would read it as one more row."""
    size, span = len(out), 2 * _MAX_OFFSET + 1
    rows_of = {start + k: start for start, grid in tables.items() for k in range(1, len(grid))}
    best = [_NEVER] * span
    best[_MAX_OFFSET] = 0
    # back[n][o]: the offset before line n of the cheapest way to reach offset o after it, and
    # whether line n (a blank one, or a table's header) went
    back: list[list[tuple[int, bool]]] = []
    for n in range(size):
        new = [_NEVER] * span
        steps = [(-1, False)] * span
        for o in range(span):
            if best[o] >= _NEVER:
                continue
            for to, went, cost in _steps(kinds, tables, rows_of, n, o - _MAX_OFFSET):
                at = to + _MAX_OFFSET
                if 0 <= at < span and best[o] + cost < new[at]:
                    new[at], steps[at] = best[o] + cost, (o, went)
        best = new
        back.append(steps)
    gone = [False] * size
    at = _MAX_OFFSET  # the page ends where it ended: no line more, none less
    for n in range(size - 1, -1, -1):
        at, gone[n] = back[n][at]
    written: list[str] = []
    kinds_written: list[str] = []
    for n in range(size):
        start = rows_of.get(n, n)
        grid = tables.get(start)
        if grid is None:
            if gone[n] and kinds[n] == _TEXT:
                written[-1] = f"{written[-1]} {out[n]}"
            elif not (gone[n] and kinds[n] == _BLANK):
                written.append(out[n])
                kinds_written.append(kinds[n])
            continue
        lines = _table_lines(grid, n - start) if gone[start] else [row_item(grid[n - start])]
        written += lines
        kinds_written += [_TABLE if gone[start] else _ITEM] * len(lines)
    for n in range(1, len(written)):
        if kinds_written[n - 1] == _TABLE and kinds_written[n] == _TEXT:
            written[n] = "+ " + written[n]
            kinds_written[n] = _ITEM
    return written


_MAX_OFFSET = 6  # lines the lines between a table and the blank line it takes move at most
_NEVER = 1 << 40
_AS_ITEMS = 1000  # what writing a table's rows as items costs, against a line moved


def _steps(
    kinds: list[str],
    tables: dict[int, list[list[str]]],
    rows_of: dict[int, int],
    n: int,
    offset: int,
) -> list[tuple[int, bool, int]]:
    """Where line n may take the page's lines from offset (how far the lines written so far
    have moved down): (offset after it, whether it went, what it cost). A blank line may go
    (the lines after it move up one), and so may a paragraph's line onto the line of the
    paragraph above; a table's header takes a line more as a table, none as items; a line of
    words costs one for each line it moved."""
    kind = kinds[n]
    if n in tables:
        moved = abs(offset + 1) * (len(tables[n]) - 1)
        return [
            (offset + 1, True, moved),
            (offset, False, _AS_ITEMS + abs(offset) * len(tables[n])),
        ]
    if n in rows_of:
        return [(offset, False, 0)]  # counted with its header
    if kind == _TEXT and n > 0 and kinds[n - 1] == _TEXT:
        # a paragraph's line goes on the line above, one line of the same paragraph
        return [(offset, False, abs(offset)), (offset - 1, True, abs(offset - 1))]
    if kind == _BLANK:
        above = kinds[n - 1] if n > 0 else _BLANK
        below = kinds[n + 1] if n + 1 < len(kinds) else _BLANK
        stay = (offset, False, 0)
        return [stay, (offset - 1, True, 0)] if _apart(above, below) else [stay]
    return [(offset, False, 0 if kind in (_HEADING, _OPEN, _CLOSE) else abs(offset))]


def _table_lines(grid: list[list[str]], row: int) -> list[str]:
    """The pipe table's lines for the table's row: its header and rule for the first."""
    if row:
        return [pipe_row(grid[row])]
    return [pipe_row(grid[0]), pipe_row(["---"] * len(grid[0]))]


def row_item(row: list[str]) -> str:
    """A table's row as an item of its cells, for a table with no room for its rule."""
    words = [c for c in row if c]
    return "- " + "; ".join(words) if words else ""


def _apart(above: str, below: str) -> bool:
    """A line of kind below, right under one of kind above, starts a block of its own (a
    table's row, a table's: it goes on no paragraph, and joins no table but its own)."""
    above = _TABLE if above == _ROW else above
    below = _TABLE if below == _ROW else below
    if above in (_BLANK, _HEADING, _CLOSE) or below in (_BLANK, _HEADING, _OPEN):
        return True
    if above == _TABLE:
        return below in (_ITEM, _QUOTE)
    return below == _TABLE and above in (_TEXT, _ITEM)


def _inline(text: str) -> str:
    """DokuWiki's inline marks as Markdown's: **bold** kept, //italics// as *italics*,
    __underline__ as emphasis, ''mono'' and <code> as code spans, <del> as ~~strike~~, a link
    as the words it shows, a footnote in brackets; media, boxes' tags, page switches and
    forced line breaks dropped. Markdown's own marks in the words are escaped."""
    slots: list[str] = []

    def kept(value: str) -> str:
        slots.append(value)
        return f"\ue000{len(slots) - 1}\ue001"

    def literal(value: str) -> str:
        return kept(_ESCAPE.sub(r"\\\g<0>", value))

    if "''" in text:
        text = _MONO.sub(lambda m: kept(code_span(m.group("body").replace("%%", ""))), text)
    if "%%" in text:
        text = _PERCENT.sub(lambda m: literal(m.group("body")), text)
    if "<" in text:
        text = _NOWIKI.sub(lambda m: literal(m.group("body")), text)
        text = _CODE_TAG.sub(lambda m: kept(code_span(m.group("body"))), text)
    if "[[" in text:
        text = _LINK.sub(_link, text)
    if "{{" in text:
        text = _MEDIA.sub(lambda m: _media(m.group("body")), text)
    text = _URL.sub(lambda m: kept(m.group(0)), text)
    if "((" in text:
        text = _footnotes(text)
    text = _BREAK.sub(" ", text)
    if "~~" in text:
        text = _MACRO.sub("", text)
    if "<" in text:
        text = _DEL.sub(lambda m: marked_words("\ue012", m.group("body")), text)
        text = _SUP.sub(lambda m: "^" + m.group("body"), text)
        text = _LAYOUT_TAG.sub("", text)
    text = _BOLD.sub(lambda m: marked_words("\ue010", m.group("body")), text)
    text = _ITALIC.sub(lambda m: marked_words("\ue011", m.group("body")), text)
    text = _UNDERLINE.sub(lambda m: marked_words("\ue011", m.group("body")), text)
    text = _ESCAPE.sub(r"\\\g<0>", text)
    text = _MARK.sub(lambda m: _MARKS[m.group(0)], text)
    text = _SPACES.sub(" ", text).strip()
    return _SLOT.sub(lambda m: slots[int(m.group(1))], text)


def marked_words(mark: str, body: str) -> str:
    """Words between a mark, the spaces inside it moved out (CommonMark reads "** x **" as no
    emphasis)."""
    words = body.strip()
    if not words:
        return body
    lead = body[: len(body) - len(body.lstrip())]
    trail = body[len(body.rstrip()) :]
    return f"{lead}{mark}{words}{mark}{trail}"


def _footnotes(text: str) -> str:
    """Each ((footnote)) as its words in brackets after the words it notes."""
    pieces: list[str] = []
    at = 0
    while (start := text.find("((", at)) >= 0:
        end = text.find("))", start + 2)
        if end < 0:
            break
        note = text[start + 2 : end].strip()
        pieces += [text[at:start].rstrip(), f" ({note})" if note else ""]
        at = end + 2
    return "".join(pieces) + text[at:]


def _link(m: re.Match[str]) -> str:
    """A link as the words it shows: its label, else its page's name ("ns:sub:page_name" as
    "page name"), its address or its interwiki page ("wp>Subnet" as "Subnet")."""
    target, piped, label = m.group("body").partition("|")
    if piped and "{{" in label:
        label = _MEDIA.sub(lambda media: _media(media.group("body")), label)
    if piped and label.strip():
        return label.strip()
    target = target.strip()
    if "://" in target or target.startswith("mailto:"):
        return target
    page = target.rpartition(">")[2] if ">" in target else target
    page, _, anchor = page.partition("#")
    name = page.rpartition(":")[2].strip() or anchor.strip()
    return name.replace("_", " ")


def _media(body: str) -> str:
    """A media tag as the words it shows: an image, a plugin's tag ("{{tag>…}}") or an
    unlabelled file, none; a labelled file, its label."""
    target, _, label = body.partition("|")
    name = target.strip().partition("?")[0]
    if ">" in target or _IMAGE.search(name) or not label.strip():
        return ""
    return label.strip()
