"""Notes written in Emacs org-mode, handed in as they are: read as the Markdown they stand for.

Org marks a heading with stars at a line's start ("** NetworkPolicies"), which Markdown reads
as a list's item, code with "#+BEGIN_SRC yaml" … "#+END_SRC", bold with one star ("*passing
score 67%*"), code with "=…=" or "~…~", and files a heading's metadata in drawers
(":PROPERTIES:" … ":END:") and planning lines ("CLOSED: [2025-01-20 Mon 21:14]"). Read as
Markdown the whole file would be one section of list items. Only a file org marks as its own
(a "#+TITLE:" or "#+BEGIN_SRC" line, a drawer, or two headings of two stars or more) is read
so; each line stays on its line, so every question still points at its line.
"""

from __future__ import annotations

import re

_HEADING = re.compile(
    r"^(?P<stars>\*+)\s+(?:(?:TODO|DONE|NEXT|WAITING|CANCELL?ED)\s+)?(?:\[#[A-C]\]\s+)?"
    r"(?P<title>.*?)(?:\s+:[\w@#%:]+:)?\s*$"
)
_DEEP_HEADING = re.compile(r"^\*{2,}\s+\S")
_KEYWORD = re.compile(r"^\s*#\+(?P<key>[A-Za-z_]+)(?::\s*(?P<value>.*))?$")
_BLOCK = re.compile(r"^\s*#\+(?P<edge>begin|end)_(?P<kind>\w+)\s*(?P<lang>\S*)", re.I)
_PLANNING = re.compile(r"^\s*(?:CLOSED|SCHEDULED|DEADLINE):\s")
_DRAWER = re.compile(r"^\s*:[A-Z_]+:\s*$")
_DRAWER_END = re.compile(r"^\s*:END:\s*$")
_RULE_ROW = re.compile(r"^\s*\|[-+|\s]+\|\s*$")
#: *bold*, =verbatim=, ~code~ (org's inline marks), between spaces or punctuation
_BOLD = re.compile(r"(?<![\w*])\*(?=\S)([^*\n]*?\S)\*(?![\w*])")
_CODE = re.compile(r"(?<![\w=~])([=~])(?=\S)([^=~\n]*?\S)\1(?![\w=~])")
_LINK = re.compile(r"\[\[(?:[^\]]*)\]\[([^\]]+)\]\]")


def is_org(lines: list[str]) -> bool:
    """The file marks itself as org's: a "#+TITLE:" or "#+BEGIN_SRC" line, a drawer, or two
    headings of two stars or more."""
    deep = 0
    for line in lines:
        if (
            _BLOCK.match(line)
            or line.startswith(("#+TITLE:", "#+title:"))
            or line.strip() == ":PROPERTIES:"
        ):
            return True
        deep += _DEEP_HEADING.match(line) is not None
        if deep >= 2:
            return True
    return False


def org_as_markdown(lines: list[str]) -> tuple[list[str], list[tuple[int, str, str]]]:
    """The lines as Markdown (headings, code fences, bold and code spans, tables), and the lines
    of metadata dropped as (line number, reason, text); the lines as they were for a file that
    is not org's."""
    if not is_org(lines):
        return lines, []
    titled = any(line.lower().startswith("#+title:") for line in lines)
    out: list[str] = []
    skipped: list[tuple[int, str, str]] = []
    code = drawer = False
    for n, line in enumerate(lines, 1):
        block = _BLOCK.match(line)
        if block is not None:
            opening = block.group("edge").lower() == "begin"
            kind = block.group("kind").lower()
            if kind in ("src", "example"):
                code = opening
                out.append("```" + (block.group("lang") if opening and kind == "src" else ""))
            else:
                out.append("")  # a quote's or a note's edges: what is between them is said
            continue
        if code:
            out.append(line)
            continue
        if drawer or _DRAWER.match(line):
            drawer = not _DRAWER_END.match(line)
            out.append("")
            skipped.append((n, "org metadata", line.strip()))
            continue
        keyword = _KEYWORD.match(line)
        if keyword is not None:
            if keyword.group("key").lower() == "title" and keyword.group("value"):
                out.append("# " + keyword.group("value").strip())
            else:
                out.append("")
                skipped.append((n, "org metadata", line.strip()))
            continue
        if _PLANNING.match(line):
            out.append("")
            skipped.append((n, "org metadata", line.strip()))
            continue
        heading = _HEADING.match(line)
        if heading is not None and line.startswith("*"):
            level = len(heading.group("stars")) + titled
            out.append("#" * min(level, 6) + " " + _inline(heading.group("title")))
            continue
        if _RULE_ROW.match(line):
            out.append(line.replace("+", "|"))
            continue
        out.append(_inline(line))
    return out, skipped


def _inline(text: str) -> str:
    """Org's inline marks as Markdown's: *bold* as **bold**, =x= and ~x~ as `x`, a described
    link as its description."""
    text = _LINK.sub(r"\1", text)
    text = _CODE.sub(lambda m: f"`{m.group(2)}`", text)
    return _BOLD.sub(r"**\1**", text)
