"""Notes kept on an MkDocs Material site, handed in as they are: read as the Markdown they show.

Material boxes a note as an admonition ("!!! warning \"Title\"", folded "??? tip", "???+"), a
set of alternatives as content tabs ("=== \"AWS\""), both with their bodies indented four
spaces. Read as plain Markdown those bodies are indented code, so everything in a box or a tab
was asked of nothing; and "=== \"AWS\"" lines read as AsciiDoc titles. The box's body is
unindented in place; its title, or the tab's label, leads into a list, table or code right
under it ("Precedence (lowest → highest):" over the numbered list) and is skipped above a
paragraph, where it is only a caption. Icons (":material-check:"), attribute lists
("{ .lg .middle }"), keys ("++ctrl+c++"), a code block's annotation markers ("# (1)!") and
the abbreviation lines of the page's foot ("*[HCL]: HashiCorp Configuration Language", made a
glossary's items) are read as the page shows them. Only a file Material marks as its own (a
box or a tab with an indented body) is read so; each line stays on its line.
"""

from __future__ import annotations

import re

#: "!!! note", "??? tip \"Title\"", "???+ example": a box; "=== \"AWS\"", "===! \"x\"": a tab
_BOX = re.compile(
    r'^(?P<indent> *)(?:(?:!!!|\?\?\?\+?)\s+[\w-]+(?:\s+[\w-]+)*(?:\s+"(?P<title>[^"]*)")?'
    r'|===[!+]?\s+"(?P<tab>[^"]*)")\s*$'
)
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
#: a body's first line that a lead-in leads into: a list's item, a table's row, code (a list
#: numbered from 0 interrupts no paragraph, so a lead-in would swallow its first item)
_LED = re.compile(r"^\s*(?:[-*+]\s|1[.)]\s|\||`{3,}|~{3,})")
#: an icon and the spaces after it: a card's "-   :material-console: Title" stays an item
_ICON = re.compile(r":(?:material|fontawesome|octicons|simple)-[a-z0-9-]+:[ \t]*")
#: an attribute list ("{ .lg .middle }", "{ #id }") and the spaces after it
_ATTRIBUTE = r'(?:[.#][\w-]+|[\w-]+="[^"{}]*")'
_ATTRIBUTES = re.compile(rf"\{{\s*{_ATTRIBUTE}(?:\s+{_ATTRIBUTE})*\s*\}}[ \t]*")
_KEYS = re.compile(r"\+\+(?P<keys>[\w-]+(?:\+[\w-]+)*)\+\+")
_ANNOTATION = re.compile(r"\s*(?:#|//|--|/\*)\s*\(\d+\)!?\s*(?:\*/)?\s*$")
_ABBREVIATION = re.compile(r"^\*\[(?P<abbr>[^\]]+)\]:\s*(?P<text>\S.*)$")
_UNIT = 4


def is_mkdocs(lines: list[str]) -> bool:
    """The file marks itself as Material's: a box or a tab whose body is indented under it."""
    fence = ""
    for n, line in enumerate(lines):
        m = _FENCE.match(line)
        if m is not None:
            fence = "" if fence and m.group(1)[0] == fence[0] else (fence or m.group(1))
            continue
        if fence or _BOX.match(line) is None:
            continue
        body = next((b for b in lines[n + 1 : n + 4] if b.strip()), "")
        if _indent(body) >= _indent(line) + _UNIT:
            return True
    return False


def mkdocs_as_markdown(lines: list[str]) -> tuple[list[str], list[tuple[int, str, str]]]:
    """The lines as Markdown, and the box and tab lines dropped as (line number, reason,
    text); the lines as they were for a file that is not Material's."""
    if not is_mkdocs(lines):
        return lines, []
    skipped: list[tuple[int, str, str]] = []
    out = _unboxed(list(lines), 0, skipped)
    out = _as_shown(out)
    return out, skipped


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _unboxed(lines: list[str], first: int, skipped: list[tuple[int, str, str]]) -> list[str]:
    """Every box and tab of the lines unindented into place, the boxes inside them too;
    `first` is the line number of lines[0] in the file, less one."""
    out = list(lines)
    fence = ""
    n = 0
    while n < len(out):
        line = out[n]
        m = _FENCE.match(line)
        if m is not None:
            fence = "" if fence and m.group(1)[0] == fence[0] else (fence or m.group(1))
        box = None if fence or m is not None else _BOX.match(line)
        if box is None:
            n += 1
            continue
        indent = len(box.group("indent"))
        end = n + 1
        while end < len(out) and (not out[end].strip() or _indent(out[end]) >= indent + _UNIT):
            end += 1
        while end > n + 1 and not out[end - 1].strip():
            end -= 1  # the blank lines after the body are the page's, not the box's
        cut = indent + _UNIT
        body = [b[:indent] + b[cut:] if b.strip() else "" for b in out[n + 1 : end]]
        out[n + 1 : end] = _unboxed(body, first + n + 1, skipped)
        title = (box.group("title") or box.group("tab") or "").strip()
        lead = next((b for b in body if b.strip()), "")
        if title and _LED.match(lead):
            out[n] = f"{' ' * indent}{title.rstrip(':：')}:"
        else:
            out[n] = ""
            skipped.append((first + n + 1, "admonition title", line.strip()))
        n = end
    return out


def _as_shown(lines: list[str]) -> list[str]:
    """The lines as the page shows them: code without its annotation markers ("# (1)!", a
    button on the page), the rest through `_shown`."""
    out: list[str] = []
    fence = ""
    for line in lines:
        m = _FENCE.match(line)
        if m is not None:
            fence = "" if fence and m.group(1)[0] == fence[0] else (fence or m.group(1))
        elif fence:
            line = _ANNOTATION.sub("", line)
        else:
            line = _shown(line)
        out.append(line)
    return out


def _shown(line: str) -> str:
    """The line as the page shows its words: no icons or attribute lists, keys as keys, an
    abbreviation as a glossary's item."""
    if ":" in line:
        line = _ICON.sub("", line)
    if "{" in line:
        line = _ATTRIBUTES.sub("", line)
    if "++" in line:
        line = _KEYS.sub(
            lambda k: "+".join(p.capitalize() for p in k.group("keys").split("+")), line
        )
    abbreviation = _ABBREVIATION.match(line)
    if abbreviation is not None:
        return f"- **{abbreviation.group('abbr')}** – {abbreviation.group('text')}"
    return line
