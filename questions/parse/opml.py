"""An outliner's OPML export (Workflowy, Dynalist, OmniOutliner): read as the Markdown outline.

OPML is XML: the outline's title in `<head><title>`, each bullet an `<outline text="…"
_note="…">` nested in its parent, a done item marked `_complete="true"`, the text's own marks
as escaped HTML ("&lt;b&gt;bold&lt;/b&gt;"). Read as Markdown it was one paragraph of tags, so no
question was asked. A top-level bullet with bullets under it is a heading, every other bullet a
list item nested as in the outline, its note said after it, a done item a ticked task. The XML
is read by the standard library's expat parser; a file declaring a DOCTYPE or entities is not
read at all (an entity can expand a small file into a huge one), nor one that does not parse.
Each bullet stays on the line its element opens on.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from xml.parsers import expat

from questions.parse.xhtml_text import parse_xml

_OPML = re.compile(r"^\s*(?:<\?xml[^>]*>\s*)?<opml\b", re.I)
_DECLARATION = re.compile(r"<!(?:DOCTYPE|ENTITY)", re.I)
_TAG = re.compile(r"<[^<>]*>")
_BOLD = re.compile(r"</?(?:b|strong)>", re.I)
_CODE = re.compile(r"</?code>", re.I)
#: a bullet that is only tags ("#exam"): it says nothing
_ONLY_TAGS = re.compile(r"^\s*(?:#[\w-]+\s*)+$")
#: deeper bullets are read at this depth: Markdown reads a deeper indent as code
MAX_DEPTH = 6


@dataclass
class _Bullet:
    line: int  # 0-based line its element opens on
    depth: int
    text: str
    note: str
    done: bool
    parent: int  # index of the bullet it is nested in, -1 for none
    children: int = 0


def is_opml(lines: list[str]) -> bool:
    head = "\n".join(lines[:5])
    return _OPML.match(head) is not None


def opml_as_markdown(lines: list[str]) -> tuple[list[str], list[tuple[int, str, str]]]:
    """The outline as Markdown, and the lines of the XML's own furniture skipped as (line
    number, reason, text); the lines as they were for a file that is no OPML."""
    if not is_opml(lines):
        return lines, []
    text = "\n".join(lines)
    if _DECLARATION.search(text):
        return lines, []
    read = _read(text)
    if read is None:
        return lines, []
    title, title_line, bullets = read
    out = [""] * len(lines)
    taken: set[int] = set()
    if title:
        out[title_line] = f"# {title}"
        taken.add(title_line)
    for b in bullets:
        line = _free_line(b.line, taken, out)
        taken.add(line)
        out[line] = _markdown(b)
        if b.depth == 1 and b.children and _shown(b.note):
            # a heading's note: the line under it, as its first note
            below = _free_line(line + 1, taken, out)
            taken.add(below)
            out[below] = _shown(b.note)
    skipped = [(n + 1, "outline markup", line.strip()) for n, line in enumerate(lines)
               if line.strip() and n not in taken]  # fmt: skip
    return out, skipped


def _free_line(line: int, taken: set[int], out: list[str]) -> int:
    """The bullet's own line, or the next free one when another bullet opened on it (an
    outline written on one line): past the end of the file if need be."""
    while line in taken:
        line += 1
    while line >= len(out):
        out.append("")
    return line


def _markdown(b: _Bullet) -> str:
    words = _shown(b.text)
    note = _shown(b.note)
    if b.depth == 1 and b.children:
        return f"## {words}"
    said = f"{words}: {note}" if note and words else words or note
    level = max(0, min(b.depth, MAX_DEPTH) - 2)
    box = "[x] " if b.done else ""
    return f"{'  ' * level}- {box}{said}"


def _shown(text: str) -> str:
    """The text as the outliner shows it: its escaped marks as Markdown's, other tags gone."""
    text = _BOLD.sub("**", text)
    text = _CODE.sub("`", text)
    text = html.unescape(_TAG.sub("", text))
    return " ".join(text.split())


def _read(text: str) -> tuple[str, int, list[_Bullet]] | None:
    parser = expat.ParserCreate()
    bullets: list[_Bullet] = []
    stack: list[int] = []
    title: list[str] = []
    state = {"in_title": False, "title_line": 0}

    def start(name: str, attrs: dict[str, str]) -> None:
        if name == "title" and not stack:
            state["in_title"] = True
            state["title_line"] = parser.CurrentLineNumber - 1
        if name != "outline":
            return
        parent = stack[-1] if stack else -1
        if parent >= 0:
            bullets[parent].children += 1
        bullets.append(
            _Bullet(
                parser.CurrentLineNumber - 1,
                len(stack) + 1,
                attrs.get("text", ""),
                attrs.get("_note", ""),
                attrs.get("_complete", "").lower() == "true",
                parent,
            )
        )
        stack.append(len(bullets) - 1)

    def end(name: str) -> None:
        if name == "outline" and stack:
            stack.pop()
        if name == "title":
            state["in_title"] = False

    def chars(data: str) -> None:
        if state["in_title"]:
            title.append(data)

    if not parse_xml(parser, text, start, end, chars):
        return None
    kept = [b for b in bullets if _shown(b.text) and not _ONLY_TAGS.match(_shown(b.text))]
    return " ".join("".join(title).split()), int(state["title_line"]), kept
