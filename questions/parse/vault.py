"""A vault of notes joined into one file ("cat *.md > all.md"): each note's front matter skipped.

Each note of an Obsidian or Zettelkasten vault opens with its YAML front matter ("---" / "id:
202611031412" / "title: …" / "tags: […]" / "---"). The file's first block is front matter to
the Markdown parser; every later one was a rule and a heading made of the metadata ("id:
202611031412 title: …" was a section, "id" a term, the note's id a number asked). Here a block
of "key: value" lines between two "---" lines, naming a key front matter gives (id, title,
tags, …), is skipped wherever it stands after the file's first line; a note that did not end
with a newline glues the next block's "---" to its last line ("Source: …---"), and that
"---" goes too; so does a Hugo page's TOML front matter ("+++" … "+++") atop any file. In such
a vault a note's pointer lines ("See also [[…]]", "Source: learn.microsoft.com/…") are skipped
as well: glued to the note's last sentence they were asked as part of it. Each line stays on
its line.
"""

from __future__ import annotations

import re

#: keys only front matter gives: a note's id, title, filing and dates
_KEYS = re.compile(
    r"(?i)u?id|title|alias(?:es)?|tags?|date|created|updated|modified|cssclass(?:es)?|publish|"
    r"draft|categories|layout|slug|permalink|type|status"
)
_FENCE = re.compile(r"^-{3}\s*$")
#: "Source: learn.microsoft.com/…---": the last line of a note with no newline at its end
_GLUED = re.compile(r"^(?P<text>.*\S)---\s*$")
_FIELD = re.compile(r"^(?P<key>[A-Za-z_][\w-]{0,40})\s*:(?:\s.*)?$")
_LIST_ITEM = re.compile(r"^\s+-\s+\S")
#: a block longer than this is no front matter
_MAX_FIELDS = 40
SKIPPED = "note front matter"
#: a note's pointer to other notes or to where it came from, nothing of its own
_POINTER = re.compile(
    r"(?i)^\s*(?P<label>see also|related|links?|backlinks?|sources?|refs?|references?)\s*[:：]?\s+"
    r"(?P<rest>.*)$"
)
_CITES = frozenset({"source", "sources", "ref", "refs", "reference", "references"})
#: what a pointer points at: a wikilink, a link, an address or a path
_TARGET = re.compile(r"\[\[|\]\(|https?://|\b[\w-]+\.(?:com|org|net|io|dev)\b/?")


def inner_front_matter(lines: list[str]) -> tuple[list[str], list[tuple[int, str, str]]]:
    """The lines with every front matter block after the first line blanked, and the blanked
    lines as (line number, reason, text)."""
    out = list(lines)
    skipped: list[tuple[int, str, str]] = []
    for m in _toml_front_matter(lines):
        out[m] = ""
        skipped.append((m, SKIPPED, lines[m]))
    n = 1
    while n < len(lines):
        opening = _FENCE.match(lines[n]) or _GLUED.match(lines[n])
        end = _closing(lines, n + 1) if opening else None
        if end is None:
            n += 1
            continue
        glued = _GLUED.match(lines[n]) if not _FENCE.match(lines[n]) else None
        if glued is not None:
            out[n] = glued.group("text")
        else:
            out[n] = ""
            skipped.append((n, SKIPPED, lines[n]))
        for m in range(n + 1, end + 1):
            out[m] = ""
            skipped.append((m, SKIPPED, lines[m]))
        n = end + 1
    if skipped:
        for n, line in enumerate(out):
            pointer = _POINTER.match(line)
            # (where a note came from is no fact of it, whatever it names)
            if pointer is not None and (
                _TARGET.search(pointer.group("rest")) or pointer.group("label").lower() in _CITES
            ):
                out[n] = ""
                skipped.append((n, "pointer to other notes", line))
        skipped.sort()
    return out, skipped


def _closing(lines: list[str], start: int) -> int | None:
    """The line of the "---" closing a block of front matter opening at `start`, or None
    when the lines there are not front matter."""
    keys: list[str] = []
    for m in range(start, min(len(lines), start + _MAX_FIELDS + 1)):
        line = lines[m]
        if _FENCE.match(line):
            return m if keys and any(_KEYS.fullmatch(k) for k in keys) else None
        field = _FIELD.match(line)
        if field is not None:
            keys.append(field.group("key"))
        elif not _LIST_ITEM.match(line):
            return None
    return None


#: Hugo's TOML front matter: "+++" / 'title = "…"' / "[params]" / "+++" atop the file
_TOML_FENCE = re.compile(r"^\+{3}\s*$")
_TOML_LINE = re.compile(r"^\s*(?:[A-Za-z_][\w.-]{0,40}\s*=.*|\[[\w.-]{1,40}\]|[\]\}\",].*|)$")


def _toml_front_matter(lines: list[str]) -> range:
    """The lines of a TOML front matter block opening the file (the Markdown parser knows
    only YAML's "---"): read as text, its title was asked as a term and its dates as numbers."""
    if not lines or not _TOML_FENCE.match(lines[0]):
        return range(0)
    for end in range(1, min(len(lines), _MAX_FIELDS * 3)):
        if _TOML_FENCE.match(lines[end]):
            return range(0, end + 1)
        if not _TOML_LINE.match(lines[end]):
            return range(0)
    return range(0)
