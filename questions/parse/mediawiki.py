"""Notes written in MediaWiki markup (a team wiki's pages), handed in as they are: read as the
Markdown they stand for.

MediaWiki writes a heading as "== Crypto ==", bold as '''…''' and italics as ''…'', a list's
items with "*" and "#" at a line's start, a definition as ";term : text", code as "<pre>" …
"</pre>", a table as "{|" … "|}" with its cells split by "||", and files a page's bookkeeping
in its text ("[[Category:…]]", "__TOC__", "<ref>" citations, "{{stub}}"). Read as Markdown the
headings were paragraphs, every "#" item a heading of its own, a table a run of lines and every
"'''" kept. Only a file MediaWiki marks as its own (two "== … ==" headings whose closing run
matches the opening, one and a mark only a wiki has, or a "{|" … "|}" table) is read so; each
line stays on its line, so every question still points at its line.
"""

from __future__ import annotations

import bisect
import html
import re

from questions.parse.plain_text import pipe_row
from questions.parse.spans import block_safe, code_span

#: "== Title ==": the closing run as long as the opening ("== x ===" and "== x" are none)
_HEADING = re.compile(r"^(?P<eq>={1,6})(?P<title>[^=]|[^=].*[^=])(?P=eq)$")
_FENCE = re.compile(r"^ {0,3}(?:```|~~~)")
_TABLE_OPEN = re.compile(r"^\s*\{\|")
_TABLE_CLOSE = re.compile(r"^\s*\|\}")
#: marks only a wiki page has: '''bold''', a category, a citation, a magic word on its own
_WIKI_MARK = re.compile(r"'''[^']|\[\[[Cc]ategory:|<ref[\s>/]|^__[A-Z]+__\s*$")
_LIST = re.compile(r"^(?P<marks>[*#:;]+)\s*(?P<text>.*)$")
_REDIRECT = re.compile(r"^#REDIRECT\b", re.I)
_RULE = re.compile(r"^-{4,}\s*$")
_GALLERY = re.compile(r"<gallery\b[^<>]*>", re.I)
_GALLERY_END = re.compile(r"</gallery\s*>", re.I)
_CODE_OPEN = re.compile(r"<(?P<tag>pre|syntaxhighlight|source)\b(?P<attrs>[^<>]*)>", re.I)
_CODE_CLOSE = {
    tag: re.compile(rf"</{tag}\s*>", re.I) for tag in ("pre", "syntaxhighlight", "source")
}
_LANG = re.compile(r"\blang\s*=\s*[\"']?(?P<lang>[\w+#.-]+)")
_BACKTICKS = re.compile(r"`+")
#: what may span lines, removed before the lines are read one by one: a comment, a citation;
#: code and nowiki are passed over whole, whatever they hold
_SPAN_OPEN = re.compile(
    r"<(?:(?P<keep>pre|syntaxhighlight|source|nowiki)\b[^<>]*>|(?P<comment>!--)"
    r"|ref\b[^<>]*?(?P<closed>/)?>)",
    re.I,
)
_SPAN_CLOSE = {
    tag: re.compile(rf"</{tag}\s*>", re.I) for tag in ("pre", "syntaxhighlight", "source", "nowiki")
}
#: where a citation ends: its closing tag, else (never closed) the line it opened on ends
_REF_END = re.compile(r"</ref\s*>|<ref\b|\n[ \t]*\n", re.I)
_MAX_TEMPLATE_LINES = 200
#: a cell's attributes before its text: 'style="width:5em" | text', "colspan=2 | text"
_ATTR = r"[\w-]+\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'|=]+)"
_CELL_ATTRS = re.compile(rf"^\s*{_ATTR}(?:\s+{_ATTR})*\s*\|(?!\|)")
_HEADER_SPLIT = re.compile(r"!!|\|\|")
#: a tag's text up to its closing tag: never past another of its tags, so a tag left open is
#: looked past once, not once for each tag after it
_BODY = r"[^<]*(?:<(?!/?{tag}\b)[^<]*)*"

_CODE_TAG = re.compile(
    r"<(?P<tag>code|tt|kbd|samp|pre|syntaxhighlight|source|math)\b[^<>]*>"
    rf"(?P<body>{_BODY.format(tag='(?P=tag)')})</(?P=tag)\s*>",
    re.I,
)
_NOWIKI = re.compile(rf"<nowiki>(?P<body>{_BODY.format(tag='nowiki')})</nowiki>|<nowiki\s*/>", re.I)
_NOWIKI_TAG = re.compile(r"</?nowiki\s*/?>", re.I)
_SLOT = re.compile("\ue000(\\d+)\ue001")
_ESCAPE = re.compile(r"[\\`*_]")
_NOWIKI_ESCAPE = re.compile(r"[\\`*_<\[\]]")
_LINK = re.compile(r"\[\[(?P<body>[^\[\]]*)\]\]")
_TEMPLATE = re.compile(r"\{\{(?P<body>[^{}]*)\}\}")
_MAX_NESTING = 8
_EXTERNAL = re.compile(
    r"\[(?P<url>(?:(?:https?|ftps?):)?//[^\s\[\]]+|mailto:[^\s\[\]]+)"
    r"(?:\s+(?P<label>[^\[\]]*))?\]"
)
_BR = re.compile(r"<br\s*/?>", re.I)
_MARKED_TAG = re.compile(
    r"<(?P<tag>b|strong|i|em|s|del|strike)>"
    rf"(?P<body>{_BODY.format(tag='(?P=tag)')})</(?P=tag)\s*>",
    re.I,
)
_TAG_MARKS = {"b": "**", "strong": "**", "i": "*", "em": "*", "s": "~~", "del": "~~"}
_SUP = re.compile(rf"<sup>(?P<body>{_BODY.format(tag='sup')})</sup\s*>", re.I)
#: tags that only lay text out (or file the page's citations): dropped, their text kept
_LAYOUT_TAG = re.compile(
    r"</?(?:span|div|font|center|small|big|u|ins|sub|blockquote|poem|includeonly|noinclude|"
    r"onlyinclude|abbr|cite|mark|p|references)\b[^<>]*>",
    re.I,
)
_MAGIC = re.compile(
    r"__(?:NOTOC|TOC|FORCETOC|NOEDITSECTION|NEWSECTIONLINK|NONEWSECTIONLINK|NOGALLERY|"
    r"HIDDENCAT|INDEX|NOINDEX|STATICREDIRECT|DISAMBIG|NOTITLECONVERT|NOCONTENTCONVERT|"
    r"EXPECTUNUSEDCATEGORY)__"
)
_BOLD_ITALIC = re.compile(r"'''''(?P<body>.+?)'''''")
_BOLD = re.compile(r"'''(?P<body>.+?)'''")
_ITALIC = re.compile(r"''(?P<body>.+?)''")
#: bold or italics never closed: MediaWiki closes them at the line's end
_OPEN_QUOTES = re.compile(r"(?P<q>'{2,5})(?P<body>[^']*)$")
_SPACES = re.compile(r"[ \t]{2,}")

#: templates that cite or flag for cleanup: nothing of the notes, whatever their arguments
_DROPPED_TEMPLATE = re.compile(
    r"^(?:cite\b|citation\b|sfn|harv|efn\b|refn\b|rp\b|r\b|reflist|notelist)"
)
#: a template's named argument ("date=May 2024", "1=text"); "SLE = AV × EF" is a note's text
_NAMED_ARG = re.compile(r"^\s*(?P<key>[a-z][\w\\-]*|\d+)\s*=(?!=)(?P<value>.*)$", re.S)
_TEXT_ARGS = ("text", "content", "1")
_DROPPED_NAMESPACES = frozenset({"category", "file", "image"})


def is_wiki(lines: list[str]) -> bool:
    """The file marks itself as MediaWiki's: two "== … ==" headings (spaced, or of level three
    and deeper, so Obsidian's "==highlight==" lines are none), a "{|" … "|}" table, or one such
    heading and a mark only a wiki page has. Lines in a Markdown code fence are not looked at."""
    headings = marks = 0
    table = fenced = False
    for line in lines:
        if _FENCE.match(line):
            fenced = not fenced
            continue
        if fenced:
            continue
        heading = _HEADING.match(line.rstrip())
        if heading is not None:
            title = heading.group("title")
            spaced = title[:1].isspace() and title[-1:].isspace()
            headings += bool(title.strip()) and (spaced or len(heading.group("eq")) >= 3)
        table = table or _TABLE_OPEN.match(line) is not None
        if table and _TABLE_CLOSE.match(line):
            return True
        marks += _WIKI_MARK.search(line) is not None
        if headings >= 2 or (headings and marks):
            return True
    return False


def wiki_as_markdown(lines: list[str]) -> tuple[list[str], list[tuple[int, str, str]]]:
    """The lines as Markdown (headings, lists, definitions, tables, code fences, bold, italics
    and code spans), and the lines of the page's bookkeeping dropped as (line number, reason,
    text); the lines as they were for a file that is not MediaWiki's."""
    if not is_wiki(lines):
        return lines, []
    src, skipped = _without_spans(lines)
    out = list(src)
    closings = {
        tag: [k for k, line in enumerate(src) if close.search(line)]
        for tag, close in _CODE_CLOSE.items()
    }
    # the widths of the open items' markers ("- " 2, "1. " 3), outermost first
    stack: list[int] = []
    term: int | None = None  # the line of a ";term" still waiting for its ":definition"
    defining = False  # the lines above are a term and its definitions: ":" lines define it too
    template_end = -1  # the last line of a template spanning lines
    gallery = False
    n = 0
    while n < len(src):
        line = src[n]
        text = line.strip()
        if gallery or _GALLERY.search(line):
            gallery = _GALLERY_END.search(line) is None
            out[n] = ""
            if text:
                skipped.append((n + 1, "wiki metadata", text))
            n += 1
            continue
        if _TABLE_OPEN.match(line):
            n = _table(src, out, n)
            stack.clear()
            term, defining = None, False
            continue
        code = _CODE_OPEN.search(line)
        if code is not None and not _CODE_CLOSE[code.group("tag").lower()].search(line, code.end()):
            n = _code_block(src, out, n, code, closings[code.group("tag").lower()])
            stack.clear()
            term, defining = None, False
            continue
        if n > template_end and text.startswith("{{"):
            end = _template_end(src, n)
            if end is not None:
                template_end = _template_block(src, out, n, end, skipped)
                if template_end < 0:  # a citation or cleanup template: all of it dropped
                    n = end + 1
                    continue
                n += 1
                continue
        if n == template_end:
            line = line[: line.rfind("}}")]
            text = line.strip()
        elif n < template_end and text.startswith("|"):
            out[n] = _parameter(text[1:])
            n += 1
            continue
        if _REDIRECT.match(text):
            out[n] = ""
            skipped.append((n + 1, "wiki metadata", text))
            n += 1
            continue
        if _RULE.match(line):
            out[n] = ""
            stack.clear()
            term, defining = None, False
            n += 1
            continue
        heading = _HEADING.match(line.rstrip())
        listed = _LIST.match(line)
        if heading is not None and heading.group("title").strip():
            title = _inline(heading.group("title"))
            out[n] = "#" * len(heading.group("eq")) + " " + title if title else ""
            stack.clear()
            term, defining = None, False
        elif listed is not None and listed.group("marks").endswith(";"):
            out[n], waiting = _term(listed.group("marks"), listed.group("text"), stack)
            term, defining = (n if waiting else None), True
        elif listed is not None and defining and set(listed.group("marks")) == {":"}:
            said = _inline(listed.group("text"))
            if term is not None:  # ";term" over ":definition": one item, "- **term**: definition"
                out[term] += f": {said}" if said else ""
                out[n], term = "", None
                n += 1
                continue
            out[n] = " " * sum(stack) + "- " + block_safe(said) if said else ""
        elif listed is not None and set(listed.group("marks")) != {":"}:
            out[n] = _item(listed.group("marks"), listed.group("text"), stack)
            term, defining = None, False
        else:  # a paragraph's line, or a ":" line: its text
            out[n] = _inline(listed.group("text") if listed is not None else line)
            if stack and out[n]:  # a paragraph right under a list: an item of a list of its own
                out[n] = ("- " if stack[0] == len("1. ") else "+ ") + block_safe(out[n])
            stack.clear()
            term, defining = None, False
        if not out[n].strip() and any(ch.isalnum() for ch in text):
            skipped.append((n + 1, "wiki metadata", text))
            out[n] = ""
        n += 1
    skipped.sort()
    return out, skipped


def _without_spans(lines: list[str]) -> tuple[list[str], list[tuple[int, str, str]]]:
    """The lines without their comments and citations, which may span lines (each keeps its
    line breaks, so every line stays on its line); the lines they emptied as dropped. A comment
    or citation never closed ends with its line."""
    text = "\n".join(lines)
    spans: list[tuple[int, int, str]] = []
    unclosed: set[str] = set()  # closings not found after some point: not looked for again
    at = 0
    while (m := _SPAN_OPEN.search(text, at)) is not None:
        line_end = text.find("\n", m.end())
        line_end = len(text) if line_end < 0 else line_end
        keep = m.group("keep")
        if keep is not None:
            tag = keep.lower()
            close = None if tag in unclosed else _SPAN_CLOSE[tag].search(text, m.end())
            if close is None:
                unclosed.add(tag)
            at = close.end() if close is not None else m.end()
            continue
        if m.group("comment") is not None:
            end = -1 if "-->" in unclosed else text.find("-->", m.end())
            if end < 0:
                unclosed.add("-->")
            stop = end + 3 if end >= 0 else line_end
            spans.append((m.start(), stop, "wiki comment"))
        else:
            ref_end = None if m.group("closed") else _REF_END.search(text, m.end())
            stop = m.end() if m.group("closed") else line_end
            if ref_end is not None and ref_end.group(0).startswith("</"):
                stop = ref_end.end()
            spans.append((m.start(), stop, "wiki metadata"))
        at = max(stop, m.end())
    pieces: list[str] = []
    last = 0
    for start, stop, _ in spans:
        pieces += [text[last:start], "\n" * text.count("\n", start, stop)]
        last = stop
    new = ("".join(pieces) + text[last:]).split("\n")
    starts = [start for start, _, _ in spans]
    skipped: list[tuple[int, str, str]] = []
    offset = 0
    for n, (old, line) in enumerate(zip(lines, new, strict=True)):
        if old.strip() and not line.strip():
            k = bisect.bisect_right(starts, offset + len(old) - len(old.lstrip())) - 1
            skipped.append((n + 1, spans[max(k, 0)][2], old.strip()))
        offset += len(old) + 1
    return new, skipped


def _term(marks: str, body: str, stack: list[int]) -> tuple[str, bool]:
    """A ";term : definition" line as an item "- **term**: definition", and whether the term
    still waits for its definition (on a ":" line below)."""
    term, definition = _split_term(body)
    bullet = marks[:-1] + "*"
    if not term.strip():
        return _item(bullet, definition or "", stack), False
    item = _item(bullet, term, stack)
    if not item:
        return "", False
    indent, _, label = item.partition("- ")
    if not (label.startswith("**") and label.endswith("**")):
        label = f"**{label}**"
    if definition is None:
        return f"{indent}- {label}", True
    said = _inline(definition)
    return (f"{indent}- {label}: {said}" if said else f"{indent}- {label}"), False


def _split_term(body: str) -> tuple[str, str | None]:
    """A definition line's term and its text, split at its first ":" outside a link, a template
    or a tag, and not a URL's ("https://"); no text when there is no such colon."""
    depth = 0
    for at, ch in enumerate(body):
        if ch in "[{<":
            depth += 1
        elif ch in "]}>":
            depth = max(depth - 1, 0)
        elif ch == ":" and not depth and not body.startswith("//", at + 1):
            return body[:at], body[at + 1 :]
    return body, None


def _item(marks: str, body: str, stack: list[int]) -> str:
    """A list line ("**", "#", "*#") as a Markdown item, indented under the items it is in (a
    level deeper than the one above counts as one level deeper); a ":" line, the text it
    continues its item with."""
    depth = min(len(marks), len(stack) + 1)
    del stack[depth - 1 :]
    text = _inline(body)
    if marks.endswith(":"):
        return " " * sum(stack) + text if text else ""
    if not text:
        return ""
    marker = "1. " if marks.endswith("#") else "- "
    indent = " " * sum(stack)
    stack.append(len(marker))
    return indent + marker + block_safe(text)


def _template_end(lines: list[str], n: int) -> int | None:
    """The line closing a template opened on line n and not closed there; none when it is
    closed on its line, or not before a heading or within a long page's worth of lines."""
    depth = 0
    for k in range(n, min(len(lines), n + _MAX_TEMPLATE_LINES)):
        if k > n and _HEADING.match(lines[k].rstrip()):
            return None
        depth += lines[k].count("{{") - lines[k].count("}}")
        if depth <= 0:
            return k if k > n else None
    return None


def _template_block(
    lines: list[str], out: list[str], n: int, end: int, skipped: list[tuple[int, str, str]]
) -> int:
    """A template spanning lines n to end: a citation's or cleanup's lines dropped (then -1),
    else its first argument said on its first line; the line it ends on."""
    head = lines[n].strip()[2:]
    name, _, rest = head.partition("|")
    if _template_dropped(name):
        for k in range(n, end + 1):
            out[k] = ""
            if lines[k].strip():
                skipped.append((k + 1, "wiki metadata", lines[k].strip()))
        return -1
    out[n] = _inline(rest)
    return end


def _parameter(text: str) -> str:
    """A template's argument on a line of its own ("| port = 443") as an item "- **port**: 443";
    a positional one as its text."""
    named = _NAMED_ARG.match(text)
    if named is None:
        return _inline(text)
    value = _inline(named.group("value"))
    return f"- **{named.group('key')}**: {value}" if value else ""


def _template_dropped(name: str) -> bool:
    """A template of no words of the notes: a parser function or magic word ("{{#if:…}}",
    "{{DEFAULTSORT:…}}"), a citation or a cleanup flag."""
    key = name.replace("\\", "").replace("_", " ").strip().lower()
    return key.startswith("#") or ":" in key or _DROPPED_TEMPLATE.match(key) is not None


def _table(lines: list[str], out: list[str], n: int) -> int:
    """A "{|" … "|}" table as a GFM table written from line n on (a blank line first when it
    fits, so it does not run on from a paragraph or item above), padded with blank lines to its
    last line; the line after it. A table with no header row has its first row as header."""
    rows: list[list[str]] = []
    row: list[str] = []
    caption = ""
    nested = 0
    k = n + 1
    last = len(lines) - 1
    while k < len(lines):
        line = lines[k].strip()
        if line.startswith("{|"):
            nested += 1
        elif line.startswith("|}"):
            if not nested:
                last = k
                break
            nested -= 1
        elif _HEADING.match(lines[k].rstrip()):  # never closed: it ends where a section starts
            last = k - 1
            break
        elif line.startswith("|+"):
            caption = _cell(line[2:])
        elif line.startswith("|-"):
            if row:
                rows.append(row)
            row = []
        elif line.startswith("!"):
            row += [_cell(c) for c in _HEADER_SPLIT.split(line[1:])]
        elif line.startswith("|"):
            row += [_cell(c) for c in line[1:].split("||")]
        elif line and row:  # a cell's text running on over lines
            listed = _LIST.match(line)
            more = _cell(listed.group("text") if listed else line)
            row[-1] = f"{row[-1]} {more}".strip()
        k += 1
    if row:
        rows.append(row)
    span = last - n + 1
    for k in range(n, last + 1):
        out[k] = ""
    if rows:
        width = max(len(r) for r in rows)
        grid = [r + [""] * (width - len(r)) for r in rows]
        table = [pipe_row(grid[0]), pipe_row(["---"] * width), *(pipe_row(r) for r in grid[1:])]
        titled = [f"**{caption}**", ""] if caption else []
        for block in (["", *titled, *table], [*titled, *table], ["", *table], table):
            if len(block) <= span:
                out[n : n + len(block)] = block
                break
    return last + 1


def _cell(text: str) -> str:
    """A table cell's text as Markdown, without its attributes, its "|" escaped."""
    return _inline(_CELL_ATTRS.sub("", text, count=1)).replace("|", "\\|")


def _code_block(
    lines: list[str], out: list[str], n: int, opening: re.Match[str], closings: list[int]
) -> int:
    """A "<pre>" or "<syntaxhighlight lang=…>" block opening on line n as fenced code, its lines
    as they are; the line after it. Text on a tag's own line moves the fence to the blank line
    beside it; where there is none, each line is a code span of its own. closings: the lines
    holding a closing tag of the block's kind."""
    tag = opening.group("tag").lower()
    closer = _CODE_CLOSE[tag]
    later = bisect.bisect_right(closings, n)
    end = closings[later] if later < len(closings) else n
    closing = closer.search(lines[end]) if end > n else None
    if closing is None:  # never closed: the tag is no code
        out[n] = _inline(_CODE_OPEN.sub("", lines[n], count=1))
        return n + 1
    before, first = lines[n][: opening.start()], lines[n][opening.end() :]
    last, after = lines[end][: closing.start()], lines[end][closing.end() :]
    body = [first, *lines[n + 1 : end], last]
    longest = max((len(r) for line in body for r in _BACKTICKS.findall(line)), default=0)
    fence = "`" * max(3, longest + 1)
    lang = _LANG.search(opening.group("attrs"))
    open_at: int | None = n
    if first.strip():
        open_at = n - 1 if n > 0 and out[n - 1] == "" and not lines[n - 1].strip() else None
    close_at: int | None = end
    if last.strip():
        close_at = end + 1 if end + 1 < len(lines) and not lines[end + 1].strip() else None
    if before.strip() or after.strip() or open_at is None or close_at is None:
        for k, line in enumerate(body):
            out[n + k] = _code_span(line)
        out[n] = f"{_inline(before)} {out[n]}".strip()
        out[end] = f"{out[end]} {_inline(after)}".strip()
        return end + 1
    out[open_at] = fence + (lang.group("lang") if lang else "")
    if first.strip():
        out[n] = first
    out[n + 1 : end] = lines[n + 1 : end]
    if last.strip():
        out[end] = last
    out[close_at] = fence
    return close_at + 1


def _code_span(text: str) -> str:
    """Text as a Markdown code span, its entities read ("&lt;" is "<" in MediaWiki's code)."""
    return code_span(html.unescape(_NOWIKI_TAG.sub("", text)))


def _inline(text: str) -> str:
    """MediaWiki's inline marks as Markdown's: '''bold''' as **bold**, ''italic'' as *italic*,
    <code> as a code span, a link as the words it shows, a one-argument template ("{{Note|…}}")
    as its argument; citations, categories, files, magic words and empty templates dropped.
    Markdown's own marks in the words are escaped: a wiki's "*" and "_" are characters."""
    slots: list[str] = []

    def kept(value: str) -> str:
        slots.append(value)
        return f"\ue000{len(slots) - 1}\ue001"

    text = _CODE_TAG.sub(lambda m: kept(_code_span(m.group("body"))), text)
    text = _NOWIKI.sub(
        lambda m: kept(_NOWIKI_ESCAPE.sub(r"\\\g<0>", html.unescape(m.group("body") or ""))), text
    )
    text = _ESCAPE.sub(r"\\\g<0>", _MAGIC.sub("", text))
    for _ in range(_MAX_NESTING):  # the innermost first: "{{Note|see [[A|a]]}}"
        expanded = _TEMPLATE.sub(_template, _LINK.sub(_link, text))
        if expanded == text:
            break
        text = expanded
    text = _EXTERNAL.sub(lambda m: (m.group("label") or "").strip() or m.group("url"), text)
    text = _BR.sub(" ", text)
    text = _MARKED_TAG.sub(_marked, text)
    text = _SUP.sub(lambda m: "^" + m.group("body"), text)
    text = _LAYOUT_TAG.sub("", text)
    text = _BOLD_ITALIC.sub(lambda m: _emphasis("**", m.group("body")), text)
    text = _BOLD.sub(lambda m: _emphasis("**", m.group("body")), text)
    text = _ITALIC.sub(lambda m: _emphasis("*", m.group("body")), text)
    text = _OPEN_QUOTES.sub(
        lambda m: _emphasis("**" if len(m.group("q")) >= 3 else "*", m.group("body")), text
    )
    text = _SPACES.sub(" ", text).strip()
    return _SLOT.sub(lambda m: slots[int(m.group(1))], text)


def _emphasis(mark: str, body: str) -> str:
    """Words between Markdown's marks, without the spaces CommonMark reads as no emphasis."""
    body = body.strip()
    return f"{mark}{body}{mark}" if body else ""


def _marked(m: re.Match[str]) -> str:
    """An HTML bold, italics or strike-through tag as Markdown's mark."""
    return _emphasis(_TAG_MARKS.get(m.group("tag").lower(), "~~"), m.group("body"))


def _link(m: re.Match[str]) -> str:
    """A wiki link as the words it shows: its label, else its page; a category or a file, none
    ("[[:Category:X]]", a link to the category's page, shows its name)."""
    target, piped, label = m.group("body").partition("|")
    page = target.strip()
    namespace = page.partition(":")[0].strip().lower() if ":" in page else ""
    if namespace in _DROPPED_NAMESPACES:
        return ""
    page = page.removeprefix(":")
    if not piped:
        return page
    if label.strip():
        return label.strip()
    # the pipe trick: "[[Help:Contents|]]" shows "Contents", "[[Foo (bar)|]]" shows "Foo"
    return page.rpartition(":")[2].split(" (")[0].strip()


def _template(m: re.Match[str]) -> str:
    """A template as its words: its positional arguments ("{{Note|text}}" is "text"), else
    the text it was given by name; none for one without arguments ("{{stub}}"), a citation
    or a cleanup flag ("{{Citation needed|date=…}}")."""
    name, *args = m.group("body").split("|")
    if name.strip() == "!":
        return "|"  # MediaWiki's escaped pipe
    if not args or _template_dropped(name):
        return ""
    named = [_NAMED_ARG.match(a) for a in args]
    positional = [a.strip() for a, k in zip(args, named, strict=True) if k is None]
    if positional:
        return " ".join(a for a in positional if a)
    by_key = {k.group("key").replace("\\", ""): k.group("value").strip() for k in named if k}
    return next((by_key[key] for key in _TEXT_ARGS if by_key.get(key)), "")
