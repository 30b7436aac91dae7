"""Pages of a Zim desktop wiki (its .txt files), handed in as they are: read as the Markdown
they stand for.

Zim starts a page with header lines ("Content-Type: text/x-zim-wiki", "Wiki-Format: zim
0.6", "Creation-Date: …") and a blank line, then the page's title as "====== Title ======"
and a "Created Tuesday 04 March 2025" line. Its headings run the other way round from
MediaWiki's (six "=" the title, two a fifth-level heading), as DokuWiki's do; a list's items
are "* ", "1. " or "a. " lines nested a TAB a level, a to-do's "[ ] ", "[*] " (done), "[x] "
(cancelled), "[>] " or "[<] " (moved); bold is **…**, italics //…//, a highlight __…__,
strike-through ~~…~~, code ''…'', ^{sup} and _{sub}; a link is [[Page:Sub]], [[+Sub]],
[[:Root]] or [[url|label]], an image {{./image.png?width=480}}, a tag @word; a verbatim block
sits between two "'''" lines, a code object between "{{{code: lang="sh"" and "}}}", a table is
a pipe table with a "|:---|---:|" row and a rule is a line of dashes.

Read as MediaWiki or DokuWiki its header became a paragraph, its "[*]" boxes and TAB lists
text, its verbatim blocks bold and its marks stayed raw. So: the header, the "Created" line,
images and lines of tags are bookkeeping and dropped (counted as skipped); struck text is the
writer's own deletion and dropped too; the rest is written as the Markdown it stands for.
Only a file Zim marks as its own is read so (its header, else a "======" title with a mark
only Zim writes); each line stays on its line, so every question still points at its line
(a Zim table already has its "|---|" row, so no line moves).
"""

from __future__ import annotations

import bisect
import re

from questions.parse.dokuwiki import marked_words
from questions.parse.plain_text import capped, pipe_row
from questions.parse.spans import block_safe, code_span

#: the header's first line, which every page Zim saves starts with
_CONTENT_TYPE = re.compile(r"^\ufeff?Content-Type:\s*text/x-zim-wiki\s*$", re.I)
#: a header line ("Wiki-Format: zim 0.6", "Creation-Date: 2025-03-04T21:12:00+01:00")
_HEADER_LINE = re.compile(r"^\ufeff?[A-Za-z][\w-]{0,40}:\s")
#: the line Zim writes under a new page's title ("Created Tuesday 04 March 2025")
_CREATED = re.compile(r"^Created\s[^\n]{0,60}?\b\d{4}\s*$")
#: a heading: two "=" or more, a space, the title, perhaps "=" again
_HEADING = re.compile(r"^(?P<marks>={2,})[ \t]+(?P<title>\S.*)$")
#: a verbatim block's opening or closing line: "'''" alone, perhaps indented
_VERBATIM = re.compile(r"^(?P<indent>\t*)'''\s*$")
#: an object's opening line ("{{{code: lang="sh" linenumbers="True"") and closing line
_OBJECT_OPEN = re.compile(r"^(?P<indent>\t*)\{\{\{\s*(?P<type>[\w+.-]{1,40}):(?P<attrs>.*)$")
_OBJECT_CLOSE = re.compile(r"^(?P<indent>\t*)\}\}\}\s*$")
_LANG_ATTR = re.compile(r"\blang=\"?(?P<lang>[\w+#.-]{1,30})")
#: a list's item: TABs (or four spaces) a level, then a bullet, a number, a letter or a box
_ITEM = re.compile(
    r"^(?P<indent>[ \t]*)(?P<bullet>[*\u2022-]|\[[ *xX<>]\]|\d{1,9}\.|[a-zA-Z]\.)"
    r"[ \t]+(?P<text>.*)$"
)
#: a table's row; its alignment row ("|:----|---:|") holds only these and a dash
_ROW = re.compile(r"^\|.*\|\s*$")
_ALIGN_CHARS = frozenset(" \t|:-")
_RULE = re.compile(r"^\s*-{3,}\s*$")
#: a line of tags only ("@gcp @cert @ace"), a tag, and a tag in the words
_TAGS_LINE = re.compile(r"^\s*@\w+(?:[ \t,]+@\w+)*\s*$")
_TAG_WORD = re.compile(r"@\w+")
_TAG = re.compile(r"(?<!\S)@(?P<name>\w+)")
#: what a line of links to other pages may hold besides them: a label ("Related:", "See
#: also:") and joining words
_NAV_LABEL = re.compile(r"^\s*[^\W\d][\w ]{0,30}:")
_NAV_WORDS = frozenset({"and", "or", "see", "also"})
_WORD = re.compile(r"\w+")
#: a Markdown code fence, which a Zim page's text may hold as words
_FENCE = re.compile(r"^ {0,3}(?:```|~~~)")

#: marks of other formats a page without Zim's header must not have: a Markdown heading,
#: link or fence; DokuWiki's "^ … ^" header row, "  * " items, <code>, <file>, <WRAP> and
#: "~~NOTOC~~"; MediaWiki's '''bold''', categories, <ref> and "{|" tables
_OTHER_MARK = re.compile(
    r"^#{1,6}\s|\]\([^()\s]+\)|^ {0,3}```|^\^.*\^\s*$|^ {2,}[*-]\s|<(?:code|file|WRAP)\b"
    r"|~~[A-Z]+~~|'''[^'\s]|\[\[[Cc]ategory:|<ref[\s>/]|^\s*\{\|"
)
#: marks only Zim writes: a box at a line's start, a "{{{code:" object, a "[[+Sub]]" link,
#: ^{sup} and _{sub}, a TAB-indented "* " item
_ZIM_MARK = re.compile(
    r"^\t*\[[ *xX<>]\]\s|^\t*\{\{\{\s*[\w+.-]+:|\[\[\+[^\]]|\^\{[^{}]+\}|_\{[^{}]+\}|^\t+\*\s"
)
_MAX_COLUMNS = 64

# inline marks, each linear: a body never runs past another opening of its own mark
_VERBATIM_SPAN = re.compile(r"''(?!')(?P<body>[^']+(?:'(?!')[^']*)*)''")
_LINK = re.compile(r"\[\[(?P<body>[^\[\]]*)\]\]")
_IMAGE = re.compile(r"\{\{(?P<body>[^{}]*)\}\}")
_URL = re.compile(r"\b(?:[a-zA-Z][\w+.-]{0,15}://|www\.)[^\s<>\[\]{}|]*[^\s<>\[\]{}|.,;:!?)'\"*_~]")
_STRIKE = re.compile(r"~~(?!~)(?P<body>[^~]+(?:~(?!~)[^~]*)*)~~")
_BOLD = re.compile(r"\*\*(?!\*)(?P<body>[^*]+(?:\*(?!\*)[^*]*)*)\*\*")
_ITALIC = re.compile(r"//(?!/)(?P<body>[^/]+(?:/(?!/)[^/]*)*)(?<!:)//")
_HIGHLIGHT = re.compile(r"__(?!_)(?P<body>[^_]+(?:_(?!_)[^_]*)*)__")
_SUP = re.compile(r"\^\{(?P<body>[^{}]+)\}")
_SUB = re.compile(r"_\{(?P<body>[^{}]+)\}")
_ESCAPE = re.compile(r"[\\`*_<\[~]")
_SPACES = re.compile(r"[ \t]{2,}")
_SLOT = re.compile("\ue000(\\d+)\ue001")
_MARKS = {"\ue010": "**", "\ue011": "*"}
_MARK = re.compile("[\ue010\ue011]")
_BACKTICKS = re.compile(r"`+")

#: what a line is once read: a text line right under a table's row or a list's item would
#: run on into it, so it becomes an item of its own
_BLANK, _TEXT, _ITEM_LINE, _ROW_LINE, _BLOCK = "blank", "text", "item", "row", "block"


def is_zim(lines: list[str]) -> bool:
    """The file is a Zim page: its first line is Zim's "Content-Type: text/x-zim-wiki"
    header; else its first line of words is a "====== Title ======" heading, it has a mark
    only Zim writes (the "Created …" line under the title, a "[*]" box, a "{{{code:" object,
    a "[[+Sub]]" link, ^{sup}, a TAB-indented item) and no mark of a Markdown, DokuWiki or
    MediaWiki page."""
    first = next((k for k, line in enumerate(lines) if line.strip()), None)
    if first is None:
        return False
    if first == 0 and _CONTENT_TYPE.match(lines[0].rstrip()):
        return True
    top = _HEADING.match(lines[first].strip())
    if top is None or len(top.group("marks")) != 6:
        return False
    zim = False
    inside = ""  # what the line is in: a Markdown fence, a verbatim block, an object
    for line in lines:
        if inside:
            closes = {"fence": _FENCE, "verbatim": _VERBATIM, "object": _OBJECT_CLOSE}[inside]
            inside = "" if closes.match(line) else inside
            continue
        if _FENCE.match(line) or _VERBATIM.match(line):
            inside = "fence" if _FENCE.match(line) else "verbatim"
            continue
        if _OBJECT_OPEN.match(line):
            inside, zim = "object", True
            continue
        if _OTHER_MARK.search(line):
            return False
        zim = zim or _ZIM_MARK.search(line) is not None
    below = next((line for line in lines[first + 1 :] if line.strip()), "")
    return zim or _CREATED.match(below.strip()) is not None


def zim_as_markdown(lines: list[str]) -> tuple[list[str], list[tuple[int, str, str]]]:
    """The lines as Markdown (headings, lists and to-dos, tables, code fences, bold, italics
    and code spans), and the page's bookkeeping dropped as (line number, reason, text); the
    lines as they were for a file that is not a Zim page."""
    if not is_zim(lines):
        return lines, []
    out = [""] * len(lines)
    kinds = [_BLANK] * len(lines)
    skipped: list[tuple[int, str, str]] = []
    n = _header_end(lines)
    for k in range(n):
        if lines[k].strip():
            skipped.append((k + 1, "zim metadata", lines[k].strip()))
    verbatims = _openings(lines, _VERBATIM)
    closings = _openings(lines, _OBJECT_CLOSE)
    created = _created_line(lines, n)
    stack: list[int] = []  # the widths of the open items' markers ("- " 2, "1. " 3)
    while n < len(lines):
        line = lines[n]
        end = _block_end(lines, n, verbatims, closings)
        if end is not None:
            _fenced(lines, out, kinds, n, end)
            stack.clear()
            n = end + 1
            continue
        if _ROW.match(line):
            n = _table(lines, out, kinds, n)
            stack.clear()
            continue
        if n == created or _TAGS_LINE.match(line) or _RULE.match(line) or not line.strip():
            stack.clear()
        elif (heading := _heading(line)) is not None:
            out[n], kinds[n] = heading, _BLOCK
            stack.clear()
        elif (item := _ITEM.match(line)) is not None:
            out[n], kinds[n] = _item(item, stack), _ITEM_LINE
        elif "[[" in line and _links_only(line):
            skipped.append((n + 1, "zim links", line.strip()))
            stack.clear()
        else:
            out[n], kinds[n] = _text(line, stack, kinds[n - 1] if n else _BLANK)
        if not out[n].strip():
            kinds[n] = _BLANK
            if any(ch.isalnum() for ch in line) and (not skipped or skipped[-1][0] != n + 1):
                reason = "zim struck text" if "~~" in line else "zim metadata"
                skipped.append((n + 1, reason, line.strip()))
        n += 1
    return out, skipped


def _links_only(line: str) -> bool:
    """The line only links to other pages ("Related: [[Certs:Sub]] · [[Journal:2025:03:04]]",
    "Exam guide: [[https://…|…]]"): the wiki's navigation, no fact."""
    rest = _NAV_LABEL.sub("", _LINK.sub(" ", line), count=1)
    return not any(w.lower() not in _NAV_WORDS for w in _WORD.findall(rest))


def _header_end(lines: list[str]) -> int:
    """The line after the page's header: its "Name: value" lines from the first, and the
    blank line after them; 0 for a page with no header."""
    if not lines or not _CONTENT_TYPE.match(lines[0].rstrip()):
        return 0
    n = 1
    while n < len(lines) and _HEADER_LINE.match(lines[n]):
        n += 1
    return n + 1 if n < len(lines) and not lines[n].strip() else n


def _created_line(lines: list[str], start: int) -> int | None:
    """The "Created Tuesday 04 March 2025" line right under the page's title, if any."""
    words = [k for k in range(start, min(len(lines), start + 8)) if lines[k].strip()]
    if len(words) < 2 or _heading(lines[words[0]]) is None:
        return None
    return words[1] if _CREATED.match(lines[words[1]].strip()) else None


def _heading(line: str) -> str | None:
    """A "==== Title ====" line as a Markdown heading: six "=" level one, two level five."""
    m = _HEADING.match(line.rstrip())
    if m is None:
        return None
    title = _inline(m.group("title").rstrip("= \t"))
    if not title:
        return None
    level = 7 - min(6, len(m.group("marks")))
    return "#" * level + " " + title


def _openings(lines: list[str], pattern: re.Pattern[str]) -> dict[str, list[int]]:
    """The lines the pattern matches, by the TABs they are indented with."""
    found: dict[str, list[int]] = {}
    for k, line in enumerate(lines):
        if line[:1] in ("'", "}", "\t") and (m := pattern.match(line)) is not None:
            found.setdefault(m.group("indent"), []).append(k)
    return found


def _next(found: dict[str, list[int]], indent: str, n: int) -> int | None:
    """The first of the lines indented so after line n, or none."""
    at = found.get(indent, [])
    later = bisect.bisect_right(at, n)
    return at[later] if later < len(at) else None


def _block_end(
    lines: list[str], n: int, verbatims: dict[str, list[int]], closings: dict[str, list[int]]
) -> int | None:
    """The closing line of the verbatim block or the object line n opens, or none."""
    line = lines[n]
    if line[:1] not in ("'", "{", "\t"):
        return None
    if (m := _VERBATIM.match(line)) is not None:
        return _next(verbatims, m.group("indent"), n)
    if (m := _OBJECT_OPEN.match(line)) is not None:
        return _next(closings, m.group("indent"), n)
    return None


def _fenced(lines: list[str], out: list[str], kinds: list[str], n: int, end: int) -> None:
    """A verbatim block or an object from line n to line end as fenced code, its lines
    without the block's indent; a code object's language named on its fence. A table object
    (older Zim's way to save a table) is read as the table it holds."""
    opening = _OBJECT_OPEN.match(lines[n])
    indent = len(lines[n]) - len(lines[n].lstrip("\t"))
    if opening is not None and opening.group("type").lower() == "table":
        _table(lines[:end], out, kinds, n + 1)
        return
    body = [
        line[indent:] if line[:indent] == "\t" * indent else line for line in lines[n + 1 : end]
    ]
    fence = "`" * max(3, 1 + max((len(r) for b in body for r in _BACKTICKS.findall(b)), default=0))
    lang = ""
    if opening is not None:
        attr = _LANG_ATTR.search(opening.group("attrs"))
        lang = attr.group("lang") if attr else ""
    out[n], kinds[n] = fence + lang, _BLOCK
    out[n + 1 : end] = body
    kinds[n + 1 : end] = [_BLOCK] * (end - n - 1)
    out[end], kinds[end] = fence, _BLOCK


def _table(lines: list[str], out: list[str], kinds: list[str], n: int) -> int:
    """The pipe table from line n as a Markdown table, its cells' marks read; the line after
    it. Rows with no alignment row under the first are each an item of their cells."""
    end = n
    while end < len(lines) and _ROW.match(lines[end]):
        end += 1
    rows = [_cells(lines[k]) for k in range(n, end)]
    if end - n < 2 or not _is_align_row(lines[n + 1]):
        for k, row in enumerate(rows):
            words = [c for c in row if c]
            out[n + k], kinds[n + k] = ("- " + "; ".join(words) if words else ""), _ITEM_LINE
        return end
    header = [cell.rstrip("<").rstrip() for cell in rows[0]]
    width = len(header)
    aligns = [_align(spec) for spec in _split(lines[n + 1].strip())]
    aligns = (aligns + ["---"] * width)[:width]
    out[n], kinds[n] = pipe_row(header), _ROW_LINE
    out[n + 1], kinds[n + 1] = pipe_row(aligns), _ROW_LINE
    for k in range(n + 2, end):
        row = rows[k - n]
        if len(row) > width:  # the cells past the header's, with the last of its
            row = [*row[: width - 1], " ".join(c for c in row[width - 1 :] if c)]
        out[k], kinds[k] = pipe_row(row + [""] * (width - len(row))), _ROW_LINE
    return end


def _is_align_row(line: str) -> bool:
    """The row is a table's alignment row: dashes, colons and bars only."""
    return "-" in line and set(line.strip()) <= _ALIGN_CHARS


def _align(spec: str) -> str:
    """An alignment row's cell as Markdown's: ":---", "---:", ":---:" or "---"."""
    spec = spec.strip()
    left, right = spec.startswith(":"), spec.endswith(":") and len(spec) > 1
    return (":" if left else "") + "---" + (":" if right else "")


def _split(text: str) -> list[str]:
    """A row's cells between its outer "|", split at each "|" no backslash escapes."""
    body = text[1:-1] if text.endswith("|") else text[1:]
    cells: list[str] = []
    start = at = 0
    while at < len(body):
        if body[at] == "\\":
            at += 2
            continue
        if body[at] == "|":
            cells.append(body[start:at])
            start = at + 1
        at += 1
    cells.append(body[start:])
    cells = capped(cells, _MAX_COLUMNS)
    return cells


def _cells(line: str) -> list[str]:
    """A row's cells read as Markdown: Zim's escapes ("\\|", "\\n") undone, marks read, a
    "|" in a cell escaped."""
    return [_inline(_unescaped(cell)).replace("|", "\\|") for cell in _split(line.strip())]


def _unescaped(cell: str) -> str:
    """A cell's text without Zim's escapes: "\\n" and "\\t" a space, "\\x" the character."""
    if "\\" not in cell:
        return cell
    pieces: list[str] = []
    at = 0
    while at < len(cell):
        ch = cell[at]
        if ch == "\\" and at + 1 < len(cell):
            nxt = cell[at + 1]
            pieces.append(" " if nxt in "nt" else nxt)
            at += 2
            continue
        pieces.append(ch)
        at += 1
    return "".join(pieces)


def _item(item: re.Match[str], stack: list[int]) -> str:
    """A list's item as a Markdown item, indented under the items it is in: a level for each
    TAB (or four spaces) of its indent, and a level deeper than the one above one deeper. A
    box is a task's ("[ ]" open; "[*]" done, "[x]" cancelled and "[>]" moved all closed)."""
    level = len(item.group("indent").expandtabs(4)) // 4
    depth = min(level, len(stack))
    del stack[depth:]
    text = block_safe(_inline(item.group("text")))
    if not text:
        return ""
    bullet = item.group("bullet")
    if bullet[:1].isdigit() or (len(bullet) == 2 and bullet[0].isalpha()):
        number = int(bullet[:-1]) if bullet[0].isdigit() else ord(bullet[0].lower()) - 96
        marker = f"{number}. "
    else:
        marker = "- "
        if bullet.startswith("["):
            text = ("[ ] " if bullet == "[ ]" else "[x] ") + text
    indent = " " * sum(stack)
    stack.append(len(marker))
    return indent + marker + text


def _text(line: str, stack: list[int], above: str) -> tuple[str, str]:
    """A line of words as Markdown, and its kind: indented under an item, more of the item;
    right under an item or a table's row, an item of its own (Markdown would read it as more
    of them); else a paragraph's line, its indent dropped (no code block)."""
    said = block_safe(_inline(line.strip()))
    if not said:
        return "", _BLANK
    indented = line[:1] in (" ", "\t")
    if stack and indented:
        return " " * sum(stack) + said, _ITEM_LINE
    if above in (_ITEM_LINE, _ROW_LINE):
        marker = "- " if stack and stack[0] != len("- ") else "+ "
        stack.clear()
        return marker + said, _ITEM_LINE
    stack.clear()
    return said, _TEXT


def _inline(text: str) -> str:
    """Zim's inline marks as Markdown's: **bold** kept, //italics// and __highlights__ as
    *emphasis*, ''verbatim'' as a code span, ^{sup} as "^sup", _{sub} as its text, a link as
    the words it shows; images, tags' "@" and a line's closing tags dropped, and ~~struck~~
    words dropped as the writer's deletion. Markdown's own marks in the words are escaped."""
    slots: list[str] = []

    def kept(value: str) -> str:
        slots.append(value)
        return f"\ue000{len(slots) - 1}\ue001"

    if "''" in text:
        text = _VERBATIM_SPAN.sub(lambda m: kept(code_span(m.group("body"))), text)
    if "[[" in text:
        text = _LINK.sub(lambda m: _link(m.group("body")), text)
    if "{{" in text:
        text = _IMAGE.sub("", text)
    text = _URL.sub(lambda m: kept(m.group(0)), text)
    if "~~" in text:
        text = _STRIKE.sub("", text)
    if "@" in text:
        text = _TAG.sub(lambda m: m.group("name"), _without_closing_tags(text))
    if "{" in text:
        text = _SUP.sub(lambda m: "^" + m.group("body"), text)
        text = _SUB.sub(lambda m: m.group("body"), text)
    text = _BOLD.sub(lambda m: marked_words("\ue010", m.group("body")), text)
    text = _ITALIC.sub(lambda m: marked_words("\ue011", m.group("body")), text)
    text = _HIGHLIGHT.sub(lambda m: marked_words("\ue011", m.group("body")), text)
    text = _ESCAPE.sub(r"\\\g<0>", text)
    text = _MARK.sub(lambda m: _MARKS[m.group(0)], text)
    text = _SPACES.sub(" ", text).strip()
    return _SLOT.sub(lambda m: slots[int(m.group(1))], text)


def _without_closing_tags(text: str) -> str:
    """The words without the tags they end with ("prob not worth it @todo"): the page's
    bookkeeping, not part of what the line says."""
    end = len(text.rstrip())
    while True:
        start = max(text.rfind(" ", 0, end), text.rfind("\t", 0, end))
        if start < 0 or not _TAG_WORD.fullmatch(text, start + 1, end):
            return text[:end]
        end = len(text[:start].rstrip())


def _link(body: str) -> str:
    """A link as the words it shows: its label, else its address, else its page's name
    ("Certs:GCP ACE:Practice tests" and "+Practice tests" as "Practice tests"; a journal's
    "Journal:2025:03:04" as "2025-03-04")."""
    target, piped, label = body.strip("|").partition("|")
    if piped and label.strip("| "):
        return label.strip("| ")
    target = target.strip()
    if "://" in target or target.startswith(("mailto:", "www.")):
        return target
    page = target.rpartition("?")[2] if "?" in target else target  # interwiki: "wp?Subnet"
    page = page.partition("#")[0].lstrip("+:").rstrip(":")
    parts = [p.strip() for p in page.split(":")]
    digits = [p for p in parts if p.isdigit()]
    if parts and parts[-1].isdigit() and len(digits) >= 2:
        tail = parts[len(parts) - len(digits) :]
        if all(p.isdigit() for p in tail):
            return "-".join(tail)
    return parts[-1].replace("_", " ") if parts else ""
