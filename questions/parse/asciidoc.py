"""Notes written in AsciiDoc, handed in as they are: read as the Markdown they stand for.

AsciiDoc marks a section with "=" signs ("== Networking"), a table with "|===" lines, code
with "----" under a "[source,bash]" line, a labelled list with "term:: definition", an
ordered item with ". ", a block's title with ".Title", and bold with one star ("*90 days*").
Read as Markdown the file is one section whose tables, code and lists are paragraphs of raw
markup ("[cols=\"3,1\"] |= | Domain | Weight …"). Only a file AsciiDoc marks as its own (a
"|===" table, a "[source" block, or two "== " sections) is read so; each line stays on its
line, so every question still points at its line.
"""

from __future__ import annotations

import re

#: a section's title; one closed by "=" signs too is MediaWiki's ("== Heading ==")
_SECTION = re.compile(r"^(?P<marks>={1,6})\s+(?P<title>\S.*?)(?<!=)\s*$")
_ATTRIBUTE = re.compile(r"^:!?[\w-]+!?:(?:\s.*)?$")
_BLOCK_ATTRIBUTES = re.compile(r"^\[(?P<body>[^\[\]]*)\]\s*$")
_SOURCE = re.compile(r"^\[(?:source|listing)?(?:,\s*(?P<lang>[\w+#-]+))?[^\]]*\]\s*$")
_TABLE_EDGE = re.compile(r"^[|!,:]===\s*$")
_CODE_EDGE = re.compile(r"^(?:-{4,}|\.{4,})\s*$")
_PLAIN_EDGE = re.compile(r"^(?:={4,}|\*{4,}|_{4,}|\+{4,}|-{2})\s*$")
_COMMENT_EDGE = re.compile(r"^/{4,}\s*$")
_BLOCK_TITLE = re.compile(r"^\.(?P<title>[^.\s].*)$")
_ORDERED = re.compile(r"^(?P<dots>\.{1,5})\s+(?P<text>\S.*)$")
_BULLET = re.compile(r"^(?P<stars>\*{1,5})\s+(?P<text>\S.*)$")
_LABELLED = re.compile(r"^(?P<term>\S[^:]*?)(?P<colons>:{2,4}|;;)(?:\s+(?P<text>.*))?$")
_ADMONITION = re.compile(r"^(?:NOTE|TIP|IMPORTANT|WARNING|CAUTION):\s+")
_DIRECTIVE = re.compile(r"^(?:include|ifdef|ifndef|ifeval|endif|toc|image)::")
_COLS = re.compile(r'cols\s*=\s*"?(?P<spec>[^",\]]*(?:,[^",\]]*)*)')
#: a cell's spec, written right before its pipe: a span or a repeat ("2+", "3*"), an
#: alignment ("^", ".>"), a style ("a", "m"), or these together ("2+^.^a")
_CELL_SPEC = re.compile(
    r"^(?:\d+(?:\.\d+)?[+*][<^>]?(?:\.[<^>])?[adehlmsv]?|[<^>](?:\.[<^>])?[adehlmsv]?|[adehlmsv])$"
)
#: *bold* (constrained, between spaces or punctuation) and **bold** anywhere
_BOLD = re.compile(r"(?<![\w*])\*(?=\S)([^*\n]*?\S)\*(?![\w*])|\*\*(?=\S)([^*\n]*?\S)\*\*")
_MONO = re.compile(r"`\+([^`\n]+)\+`|(?<![\w+])\+(?=\S)([^+\n]*?\S)\+(?![\w+])")
#: a link with its label: "https://docs.docker.com[the docs]", "link:notes.adoc[notes]"; only
#: from a scheme or macro, so a long run of other text is never scanned again at each letter
_LINK = re.compile(r"(?:link:|xref:|https?://|mailto:)[^\s\[\]]*\[(?P<label>[^\]]*)\]")
_XREF = re.compile(r"<<[^,>]+,\s*(?P<label>[^>]+)>>|<<(?P<id>[^>]+)>>")
_ANCHOR = re.compile(r"\[\[[^\]]*\]\]|\[#[\w-]+\]")
_MACRO = re.compile(r"\b(?:kbd|btn|menu|pass):\[(?P<text>[^\]]*)\]")
_FOOTNOTE = re.compile(r"\s*footnote:(?:[\w-]*)\[[^\]]*\]")


def is_asciidoc(lines: list[str]) -> bool:
    """The file marks itself as AsciiDoc's: a "|===" table, a "[source" block over "----",
    or two sections of "==" or more."""
    sections = 0
    for n, line in enumerate(lines):
        if _TABLE_EDGE.match(line):
            return True
        if line.startswith("[source") and n + 1 < len(lines) and _CODE_EDGE.match(lines[n + 1]):
            return True
        section = _SECTION.match(line)
        sections += section is not None and len(section.group("marks")) >= 2
        if sections >= 2:
            return True
    return False


def asciidoc_as_markdown(lines: list[str]) -> tuple[list[str], list[tuple[int, str, str]]]:
    """The lines as Markdown (headings, fences, lists, pipe tables, bold and code spans), and
    the lines of metadata dropped as (line number, reason, text); the lines as they were for a
    file that is not AsciiDoc."""
    if not is_asciidoc(lines):
        return lines, []
    out: list[str] = []
    skipped: list[tuple[int, str, str]] = []
    lang = ""
    n = 0
    while n < len(lines):
        line = lines[n]
        n += 1
        stripped = line.strip()
        if _COMMENT_EDGE.match(line):  # a comment block: to its closing edge
            end = next((k for k in range(n, len(lines)) if _COMMENT_EDGE.match(lines[k])), n - 1)
            for k in range(n - 1, end + 1):
                out.append("")
                skipped.append((k + 1, "asciidoc comment", lines[k].strip()))
            n = end + 1
            continue
        if _CODE_EDGE.match(line):  # a listing: verbatim to its closing edge
            edge = stripped
            close = next((k for k in range(n, len(lines)) if lines[k].strip() == edge), None)
            if close is None:
                out.append("")
                continue
            out.append("```" + lang)
            out.extend(lines[n:close])
            out.append("```")
            n, lang = close + 1, ""
            continue
        lang = ""
        if _TABLE_EDGE.match(line):
            n = _table(lines, n, out)
            continue
        if line.startswith("//") and not line.startswith("///"):
            out.append("")
            skipped.append((n, "asciidoc comment", stripped))
            continue
        if n == 2 and out == ["# " + lines[0][2:].strip()] and stripped and ":" not in stripped:
            out.append("")  # the author line under the document's title
            skipped.append((n, "asciidoc metadata", stripped))
            continue
        if _ATTRIBUTE.match(line) or _DIRECTIVE.match(line):
            out.append("")
            skipped.append((n, "asciidoc metadata", stripped))
            continue
        source = _SOURCE.match(line)
        if source is not None and line.startswith(("[source", "[listing")):
            lang = source.group("lang") or ""
            out.append("")
            continue
        if _BLOCK_ATTRIBUTES.match(line) or _PLAIN_EDGE.match(line) or stripped == "+":
            out.append("")  # a block's attributes or edges, a list continuation: no text
            continue
        section = _SECTION.match(line)
        if section is not None:
            level = len(section.group("marks"))
            out.append("#" * level + " " + _inline(section.group("title")))
            continue
        title = _BLOCK_TITLE.match(line)
        if title is not None:
            out.append(f"**{_inline(title.group('title')).strip()}**")
            continue
        out.append(_line(line))
    return out, skipped


def _line(line: str) -> str:
    """One line of text: a list's item as Markdown's, an admonition's label dropped."""
    ordered = _ORDERED.match(line)
    if ordered is not None:
        depth = len(ordered.group("dots")) - 1
        return "   " * depth + "1. " + _inline(ordered.group("text"))
    bullet = _BULLET.match(line)
    if bullet is not None:
        depth = len(bullet.group("stars")) - 1
        return "  " * depth + "- " + _inline(bullet.group("text"))
    labelled = _LABELLED.match(line)
    if labelled is not None and len(labelled.group("term")) <= 60:
        term = _inline(labelled.group("term").strip())
        text = _inline(labelled.group("text") or "")
        return f"- **{term}**: {text}" if text else f"- **{term}**:"
    return _inline(_ADMONITION.sub("", line))


def _table(lines: list[str], start: int, out: list[str]) -> int:
    """A "|===" table from the line after its opening edge, written as a pipe table from the
    edge's line on (a blank line ends a Markdown table, so its rows are written together and
    the lines they took are left blank); the index of the line after its closing edge."""
    end = next((k for k in range(start, len(lines)) if _TABLE_EDGE.match(lines[k])), len(lines))
    body = lines[start:end]
    columns = _columns(lines[start - 2] if start >= 2 else "", body)
    cells = [c for line in body for c in _cells(line)]
    rows = [cells[k : k + columns] for k in range(0, len(cells), columns)] if columns else []
    rows = [r + [""] * (columns - len(r)) for r in rows if any(r)]
    table: list[str] = []
    if rows:
        table.append("| " + " | ".join(rows[0]) + " |")
        table.append("|" + "---|" * columns)
        table.extend("| " + " | ".join(r) + " |" for r in rows[1:])
    span = end - start + 2  # the edges' lines too
    table = table[:span]
    out.extend(table + [""] * (span - len(table)))
    return min(end + 1, len(lines))


def _columns(attributes: str, body: list[str]) -> int:
    """How many columns: as many as the "cols" attribute names, else as many cells as the
    table's first line holds."""
    spec = _COLS.search(attributes)
    if spec is not None:
        parts = spec.group("spec").split(",")
        if len(parts) == 1 and parts[0].strip().isdigit():
            return int(parts[0])  # cols="3": three columns
        if len(parts) == 1 and "*" in parts[0]:
            count = parts[0].split("*")[0]
            return int(count) if count.isdigit() else 1  # cols="3*": three alike
        return len(parts)
    first = next((line for line in body if line.strip()), "")
    return len(_cells(first))


def _cells(line: str) -> list[str]:
    """A table line's cells, their specs dropped: a spec is written before its cell's pipe,
    at the line's start or at the end of the cell before ("a| x", "x 2+| y")."""
    text = line.strip()
    first, bar, rest = text.partition("|")
    if not bar or (first and not _CELL_SPEC.match(first)):
        return [_inline(text)] if text else []  # a cell's text continued on its own line
    parts = rest.split("|")
    cells: list[str] = []
    for k, part in enumerate(parts):
        cell = part.strip()
        if k < len(parts) - 1 and part == part.rstrip():  # a spec touches the next pipe
            words = cell.rsplit(" ", 1)
            if len(words) == 2 and _CELL_SPEC.match(words[1]):
                cell = words[0]  # "x 2+": "2+" is the next cell's spec
        cells.append(_inline(cell))
    return cells


def _inline(text: str) -> str:
    """AsciiDoc's inline marks as Markdown's: *bold* as **bold**, +x+ as `x`, a link or a
    cross reference as its label; footnotes and anchors dropped."""
    text = _FOOTNOTE.sub("", text)
    text = _ANCHOR.sub("", text)
    text = _MACRO.sub(lambda m: m.group("text"), text)
    text = _XREF.sub(lambda m: m.group("label") or m.group("id"), text)
    text = _LINK.sub(lambda m: m.group("label") or m.group(0).split("[")[0], text)
    text = _MONO.sub(lambda m: f"`{m.group(1) or m.group(2)}`", text)
    return _BOLD.sub(lambda m: f"**{m.group(1) or m.group(2)}**", text)
