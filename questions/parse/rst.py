"""Notes written in reStructuredText (a Sphinx project's pages), handed in as they are: read as
the Markdown they stand for.

reST underlines a title with any punctuation ("~~~~", "^^^^"), which Markdown reads as a code
fence (everything after it code) or as text; it writes a definition as a term over an
indented line, a field as ":SlugField: default max_length 50", a note as ".. note::" over an
indented body and code after a line ending in "::". Read as Markdown, definitions run into
one paragraph and a third-level title swallows the rest of the file. Only a file reST marks
as its own (a directive, a field list, or a title underlined with a character Markdown gives
no heading) is read so; each line stays on its line.
"""

from __future__ import annotations

import re

_ADORNMENT = re.compile(r"^([=\-~^\"'`*+#:.])\1{2,}\s*$")
#: adornments Markdown reads as no heading ("~~~" even opens a code fence)
_RST_ONLY = set("~^\"'*+#:.")  # (never "`": "```" is a code fence, whatever is above it)
MIN_UNDERLINE = 4
_DIRECTIVE = re.compile(r"^\.\.\s+(?P<name>[\w-]+)::\s*(?P<arg>.*)$")
_COMMENT = re.compile(r"^\.\.(?:\s|$)")
_FIELD = re.compile(r"^:(?P<name>[^:\s][^:]{0,40}):\s+(?P<body>\S.*)$")
#: a chat's reaction (":thumbsup: 14"), no field
_REACTION = re.compile(r"^:[a-z0-9_+-]+:\s*\d+")
_DOCINFO = frozenset(
    {"author", "authors", "status", "date", "version", "revision", "organization", "contact",
     "copyright", "address", "dedication"}
)  # fmt: skip
_AUTO_NUMBER = re.compile(r"^(\s*)#\.\s")
_ADMONITIONS = frozenset(
    {"note", "warning", "tip", "important", "caution", "attention", "hint", "danger", "error",
     "seealso", "admonition"}
)  # fmt: skip
_CODE_DIRECTIVES = frozenset({"code-block", "code", "sourcecode", "literalinclude"})


def is_rst(lines: list[str]) -> bool:
    """The file marks itself as reST's: a directive, three field lines, or a title underlined
    with a character Markdown gives no heading."""
    fields = 0
    for n, line in enumerate(lines):
        if _DIRECTIVE.match(line):
            return True
        fields += _FIELD.match(line) is not None and not _REACTION.match(line)
        if fields >= 3:
            return True
        m = _ADORNMENT.match(line)
        if m and m.group(1) in _RST_ONLY and _underlines(lines, n):
            return True
    return False


def _underlines(lines: list[str], n: int) -> bool:
    """Line n underlines the title above it: punctuation at least as long as the title (a
    Markdown fence, "```" under a longer line, underlines nothing)."""
    above = lines[n - 1].rstrip() if n else ""
    return (
        _ADORNMENT.match(lines[n]) is not None
        and len(lines[n].rstrip()) >= MIN_UNDERLINE  # "~~~" closing a fence under "}" is none
        and bool(above.strip())
        and not above.startswith((" ", "\t"))
        and len(lines[n].rstrip()) >= len(above)
    )


def rst_as_markdown(lines: list[str]) -> tuple[list[str], list[tuple[int, str, str]]]:
    """The lines as Markdown (titles as headings, fields and definitions as list items, notes
    as paragraphs, literal blocks as fenced code), and the lines dropped as (line number,
    reason, text); the lines as they were for a file that is not reST's."""
    if not is_rst(lines):
        return lines, []
    out = list(lines)
    skipped: list[tuple[int, str, str]] = []
    levels: list[str] = []  # adornment styles in the order the titles use them
    n = 0
    while n < len(out):
        line = out[n]
        title = _title_at(out, n)
        if title is not None:
            style, size = title
            if style not in levels:
                levels.append(style)
            text = out[n + 1] if size == 3 else line
            at = n + 1 if size == 3 else n
            for k in range(n, n + size):
                out[k] = ""
            out[at] = "#" * min(levels.index(style) + 1, 6) + " " + text.strip()
            n += size
            continue
        directive = _DIRECTIVE.match(line)
        if directive is not None:
            n = _directive(out, n, directive, skipped)
            continue
        if _COMMENT.match(line):
            out[n] = ""
            skipped.append((n + 1, "rst comment", line.strip()))
            n += 1
            continue
        field = _FIELD.match(line)
        if field is not None:
            name = field.group("name").strip()
            if name.lower() in _DOCINFO:
                out[n] = ""
                skipped.append((n + 1, "rst metadata", line.strip()))
            else:
                out[n] = f"- **{name}**: {field.group('body')}"
            n += 1
            continue
        if _definition_term(out, n):
            n = _definition(out, n)
            continue
        if line.rstrip().endswith("::") and not line.startswith(" "):
            n = _literal(out, n)
            continue
        out[n] = _AUTO_NUMBER.sub(r"\g<1>1. ", line)
        n += 1
    return out, skipped


def _title_at(lines: list[str], n: int) -> tuple[str, int] | None:
    """A title at line n: (its adornment style, lines it spans: 2 underlined, 3 overlined)."""
    line = lines[n]
    over = _ADORNMENT.match(line)
    if over and n + 2 < len(lines) and lines[n + 1].strip():
        under = _ADORNMENT.match(lines[n + 2])
        if under and under.group(1) == over.group(1):
            return "over" + over.group(1), 3
    if over or not line.strip() or line.startswith(" ") or n + 1 >= len(lines):
        return None
    under = _ADORNMENT.match(lines[n + 1])
    # (after a blank line, or a code block's closing fence, which took the blank's place)
    after_blank = n == 0 or lines[n - 1].strip() in ("", "```")
    # "=" and "-" underline a title of any length, as in Markdown; others at least its length
    long_enough = under is not None and (under.group(1) in "=-" or _underlines(lines, n + 1))
    if under and long_enough and after_blank:
        return under.group(1), 2
    return None


def _indented(lines: list[str], start: int) -> int:
    """The end of the indented run (blank lines inside it included) from line start."""
    end = start
    while end < len(lines) and (lines[end].startswith((" ", "\t")) or not lines[end].strip()):
        end += 1
    while end > start and not lines[end - 1].strip():
        end -= 1
    return end


def _directive(
    lines: list[str], n: int, m: re.Match[str], skipped: list[tuple[int, str, str]]
) -> int:
    """A directive and its indented body: a note's body as a paragraph of its own (its label
    gone), a code directive's body as fenced code; any other directive skipped."""
    name = m.group("name").lower()
    end = _indented(lines, n + 1)
    if name in _CODE_DIRECTIVES:
        return _fenced(lines, n, end, m.group("arg").strip())
    if name in _ADMONITIONS:
        lines[n] = ""
        for k in range(n + 1, end):
            lines[k] = lines[k].strip()
        return end
    for k in range(n, end):
        skipped.append((k + 1, "rst directive", lines[k].strip()))
        lines[k] = ""
    return end


def _fenced(lines: list[str], n: int, end: int, lang: str) -> int:
    """The indented run after line n, up to end, as a fenced code block: the fence opens on
    line n and closes on the blank line after the run (or the run's last line, when none)."""
    body = [k for k in range(n + 1, end) if lines[k].strip()]
    if not body:
        lines[n] = ""
        return end
    indent = min(len(lines[k]) - len(lines[k].lstrip()) for k in body)
    for k in range(n + 1, end):
        lines[k] = lines[k][indent:]
    lines[n] = "```" + lang
    if end < len(lines) and not lines[end].strip():
        lines[end] = "```"
        return end + 1
    lines[end - 1] = lines[end - 1] + "\n```"  # no blank after it: the fence closes on its line
    return end


def _literal(lines: list[str], n: int) -> int:
    """A paragraph line ending in "::" and the indented block after it: the line says what the
    code is ("F & Q:"), the block is code."""
    start = n + 1
    while start < len(lines) and not lines[start].strip():
        start += 1
    if start >= len(lines) or not lines[start].startswith((" ", "\t")) or start == n + 1:
        lines[n] = lines[n].rstrip()[:-1]  # "Note::" with nothing indented after it
        return n + 1
    end = _indented(lines, start)
    text = lines[n].rstrip()[:-2].rstrip()
    lines[n] = text + ":" if text else ""
    return _fenced(lines, start - 1, end, "")


def _definition_term(lines: list[str], n: int) -> bool:
    """Line n is a definition list's term: a short line flush left, after a blank line or
    another definition, over a line indented by two to eight spaces."""
    line = lines[n]
    if (
        not line.strip()
        or line.startswith((" ", "\t", "-", "*", "+", "#", "|", ">"))
        or n + 1 >= len(lines)
    ):
        return False
    nxt = lines[n + 1]
    indent = len(nxt) - len(nxt.lstrip(" "))
    return (
        2 <= indent <= 8
        and bool(nxt.strip())
        and len(line.split()) <= 8
        and not line.rstrip().endswith((".", ":"))
    )


def _definition(lines: list[str], n: int) -> int:
    """A term and its indented definition as one list item: "- term — definition …"."""
    end = _indented(lines, n + 1)
    term = lines[n].strip()
    lines[n] = f"- {term} —"
    for k in range(n + 1, end):
        lines[k] = "  " + lines[k].strip() if lines[k].strip() else ""
    return end
