"""Notes exported from Google Keep or Apple Notes as plain text: read as the Markdown they mean.

Such an export holds note after note, each a title line over the date it was written ("PORTS -
MEMORIZE" / "Oct 5, 2026, 6:31 AM"), then lines of one thought each, "•" and "◦" bullets
nested by two spaces, "☐" and "☑" checkboxes, and a line of labels ("#secplus #domain2"). Read
as Markdown the whole file was one paragraph with no heading. A note's title is a heading, its
date and its labels are skipped, each line is an item of its own (a line that ends leading on,
"domains ->" or "MFA factors:", holds the bullets under it), and a checkbox is a task. Only a
file that has two notes' title-and-date lines, or three checkboxes one of them open, is read so;
on its line.
"""

from __future__ import annotations

import re

_MONTHS = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
#: a note's date line: "Oct 5, 2026, 6:31 AM", "5 Oct 2026 at 06:31", "2026-10-05 06:31"
_DATE = re.compile(
    rf"^\s*(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,?\s+)?"
    rf"(?:{_MONTHS}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTHS}\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})"
    r"(?:,?\s+(?:at\s+)?\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?)?\s*$"
)
_CHECKBOX = re.compile(r"^(?P<indent>\s*)(?P<box>[☐☑✅✔︎☒□■]\ufe0f?)\s*(?P<text>\S.*)$")
_DONE = frozenset("☑✅✔☒■")
_BULLET = re.compile(r"^(?P<indent>\s*)(?P<mark>[•◦▪▫‣·∙○●■□–-])\s+(?P<text>\S.*)$")
_TAGS = re.compile(r"^\s*#[\w-]+(?:\s+#[\w-]+)*\s*$")
#: a line that leads into the bullets under it: "domains ->", "MFA factors:"
_LEADS = re.compile(r"(?:[:：]|->|=>|→)\s*$")
_MARKDOWN = re.compile(r"^\s*(?:#{1,6}\s|```|~~~|\|.*\|\s*$|>\s)")


def is_keep(lines: list[str]) -> bool:
    """Two notes' title-and-date lines, or three checkboxes, and no Markdown of its own."""
    if any(_MARKDOWN.match(line) for line in lines):
        return False
    dated = sum(
        1
        for n, line in enumerate(lines[1:], start=1)
        if _DATE.match(line) and lines[n - 1].strip() and not _DATE.match(lines[n - 1])
    )
    boxes = [m.group("box")[0] for line in lines if (m := _CHECKBOX.match(line)) is not None]
    # a checklist has boxes still to tick; "✅ …" alone marks a point in a blog or a chat
    return dated >= 2 or (len(boxes) >= 3 and any(b not in _DONE for b in boxes))


def keep_as_markdown(lines: list[str]) -> tuple[list[str], list[tuple[int, str, str]]]:
    """The lines as Markdown, and the date and label lines skipped as (line number, reason,
    text); the lines as they were for a file that is not such an export."""
    if not is_keep(lines):
        return lines, []
    out = list(lines)
    skipped: list[tuple[int, str, str]] = []
    lead = False  # the line above leads into the bullets under it
    for n, line in enumerate(lines):
        nxt = lines[n + 1] if n + 1 < len(lines) else ""
        text = line.strip()
        if not text:
            out[n] = ""
            lead = False
        elif _DATE.match(line) and n and lines[n - 1].strip():
            out[n] = ""
            skipped.append((n + 1, "note date", text))
        elif _DATE.match(nxt) and not _DATE.match(line):
            out[n] = f"## {text}"
            lead = False
        elif _TAGS.match(line):
            out[n] = ""
            skipped.append((n + 1, "note labels", text))
        elif (box := _CHECKBOX.match(line)) is not None:
            done = box.group("box")[0] in _DONE
            out[n] = f"- [{'x' if done else ' '}] {box.group('text')}"
            lead = False
        elif (bullet := _BULLET.match(line)) is not None:
            level = len(bullet.group("indent").expandtabs(2)) // 2 + (1 if lead else 0)
            out[n] = f"{'  ' * level}- {bullet.group('text')}"
        else:
            out[n] = f"- {text}"
            lead = _LEADS.search(text) is not None
    return out, skipped
