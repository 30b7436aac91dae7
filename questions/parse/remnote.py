"""Notes exported from RemNote as Markdown: read as the cards and notes RemNote shows.

RemNote writes every rem as a "- " bullet (four spaces a level) and keeps its card syntax in
the text: "Term :: answer" (a concept), "Term ;; answer" (a descriptor of the rem above),
"Front >> Back", "Front << Back" (asked backwards), "Front <> Back" (both ways), "Front >>>"
with its child rems as the answer (">>1." when they are an ordered list), a cloze "{{gap}}",
tags "#tag" and "#[[multi word tag]]", links "[[Rem]]" and day pages "[[January 9th, 2027]]",
portals "((Kx8vR2pLmQ0aTz4Nd))" (its id alone, sometimes never closed), quote rems "> …",
images, and the document's "Status:" / "Created:" / "Last Edited:" / "Tags:" lines atop it.
Read as Markdown the separators and braces stood in stems ("DVA-C02 format :: 65 questions").

Here a card reads as the spaced-repetition reader reads its own (questions/parse/
spaced_repetition.py): a question with its answer a flashcard ("Q: … A: …"), any other front
the term its back describes ("**Max item size**: 400 KB"), "<<" swapped; a multi-line card's
front leads into its child rems ("Domain weights:"), a cloze is its words, a quote rem its
words; tags, references and day pages read as Roam's reader reads them
(questions/parse/roam.py), link words kept; a rem left with nothing to say (a portal, an
image, only tags, a day page) is skipped, its children lifted a level; the metadata lines
atop the document are skipped.

Only a file RemNote marks as its own (rems nested four spaces a level, no tab's indent, and
at least three rems holding its card separators or a cloze, two of them separators, outside
code) is read so; each line stays on its line.
"""

from __future__ import annotations

import re

from questions.parse.roam import as_shown, block_parts, code_blocks, has_nested, skip_block
from questions.parse.spaced_repetition import _masked, card_text

#: a nested rem: four spaces a level
_NESTED = re.compile(r"^(?: {4})+- ")
_TAB_BULLET = re.compile(r"^\t+[-*+] ")
#: the separators of a one-line card, spaces either side
_SEPARATORS = (" :: ", " ;; ", " >> ", " << ", " <> ")
#: a multi-line card's front: "Front >>>", "Front >>1." (its children an ordered list)
_MULTI = re.compile(r"\s*>>(?:>|1\.)\s*$")
#: a separator closing a rem ("Term ::"): its children are the answer
_OPEN_END = re.compile(r"\s+(?:::|;;|>>|<>|<<)\s*$")
#: a cloze: its words are the fact; no template's "{{ name }}", no Anki "{{c1::…}}", no
#: Roam component "{{[[TODO]]}}", no embed
_CLOZE = re.compile(r"\{\{(?![\s.\[])(?!c\d+::)(?!embed)([^{}\n]{1,300}?)(?<!\s)\}\}")
#: a portal or a reference: "((Kx8vR2pLmQ0aTz4Nd))", its closing parentheses sometimes lost
_PORTAL = re.compile(r"\(\([A-Za-z0-9_-]{6,64}(?:\)\))?")
_IMAGE = re.compile(r"^!\[[^\]\n]{0,500}\]\([^()\s]{1,2000}\)$")
_LINK = re.compile(r"\[\[([^\[\]\n]{1,300})\]\]")
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
#: a day's page: RemNote names it by its date ("[[January 9th, 2027]]")
_DAY = re.compile(rf"^\[\[(?:{_MONTHS}) \d{{1,2}}(?:st|nd|rd|th), \d{{4}}\]\]$")
#: the document's metadata lines atop it
_METADATA = re.compile(
    r"^(?:Status|Created|Last Edited|Edited|Updated|Last Updated|Tags|Aliases|Type)\s*:",
    re.IGNORECASE,
)
MIN_MARKS = 3
MIN_CARDS = 2
METADATA = "RemNote metadata"
PORTAL = "RemNote portal"
IMAGE = "image"


def _separator(masked: str) -> tuple[int, str] | None:
    """The leftmost card separator in the (code-masked) text, and which it is."""
    found = [(at, sep) for sep in _SEPARATORS if (at := masked.find(sep)) > 0]
    return min(found) if found else None


def _is_card(masked: str) -> bool:
    return _separator(masked) is not None or _MULTI.search(masked) is not None


def is_remnote(lines: list[str]) -> bool:
    """Rems nested four spaces a level, no tab's indent, and three rems holding RemNote's card
    separators or a cloze outside code, two of them separators."""
    code = code_blocks(lines)[0]
    nested = False
    cards = marks = 0
    for line, is_code in zip(lines, code, strict=True):
        if is_code or not line.strip():
            continue
        if _TAB_BULLET.match(line):
            return False
        nested = nested or _NESTED.match(line) is not None
        body = line.lstrip(" ")
        if not body.startswith("- "):
            continue
        masked = _masked(body[2:])
        if _is_card(masked):
            cards += 1
            marks += 1
        elif "{{" in masked and _CLOZE.search(masked):
            marks += 1
    return nested and cards >= MIN_CARDS and marks >= MIN_MARKS


def remnote_as_markdown(lines: list[str]) -> tuple[list[str], list[tuple[int, str, str]]]:
    """The lines as the Markdown RemNote shows, and the lines of no fact dropped as (line
    number, reason, text); the lines as they were for a file that is not RemNote's."""
    if not is_remnote(lines):
        return lines, []
    out = list(lines)
    code = code_blocks(out)[0]
    skipped: list[tuple[int, str, str]] = []
    head = True  # before the first rem: the document's metadata lines
    ordered: list[int] = []  # the indents of ">>1." cards whose children are numbered
    for n, line in enumerate(out):
        if code[n] or not line.strip():
            continue
        indent, bullet, heading, body = block_parts(line)
        if not bullet:
            if head and _METADATA.match(line.strip()):
                skipped.append((n + 1, METADATA, line.strip()))
                out[n] = ""
            continue
        head = False
        while ordered and len(indent) <= ordered[-1]:
            ordered.pop()
        marker = "1. " if ordered and len(indent) == ordered[-1] + 4 else "- "
        said, why = _shown(body, has_children=has_nested(out, code, n))
        if not said.strip() or _DAY.match(said.strip()):
            reason = "daily note" if said.strip() else why or PORTAL
            skip_block(out, code, n, reason, skipped, whole=False)
            continue
        if _IMAGE.match(said.strip()):
            skip_block(out, code, n, IMAGE, skipped, whole=False)
            continue
        said, numbered = _card(said)
        if numbered:
            ordered.append(len(indent))
        out[n] = f"{indent}{marker}{heading}{said}"
    skipped.sort()
    return out, skipped


def _shown(body: str, *, has_children: bool) -> tuple[str, str]:
    """A rem's text as RemNote shows it: a cloze its words, a portal dropped, a quote rem its
    words, then tags and references as Roam's reader shows them, links as their words."""
    text = body
    if text.startswith(">"):
        text = text.lstrip(">").strip()
    if "{{" in text:
        text = _CLOZE.sub(lambda m: m.group(1), text)
    why = ""
    if "((" in text:
        text, portals = _PORTAL.subn("", text)
        why = PORTAL if portals else ""
    said, shown_why = as_shown(text, has_children=has_children)
    said = said.strip()
    if _DAY.match(said):
        return said, why or shown_why
    if "[[" in said:
        said = _LINK.sub(lambda m: m.group(1), said)
    return said, why or shown_why


def _card(text: str) -> tuple[str, bool]:
    """A rem's text read as its card: "Q: … A: …" or "**term**: back" for a one-line card,
    the front leading into its children for a multi-line one (and whether those are an
    ordered list); the text as it was for no card."""
    masked = _masked(text)
    multi = _MULTI.search(masked)
    if multi is not None:
        return _leading(text[: multi.start()]), ">>1." in masked[multi.start() :]
    found = _separator(masked)
    if found is None:
        end = _OPEN_END.search(masked)
        return (_leading(text[: end.start()]), False) if end else (text, False)
    at, sep = found
    front, back = text[:at].strip(), text[at + len(sep) :].strip()
    if sep == " << ":
        front, back = back, front
    if not front or not back:
        return _leading(front or back), False
    return card_text(front, back), False


def _leading(front: str) -> str:
    """A front leading into the rems under it: closed by a colon unless it asks."""
    front = front.strip()
    return front if front.endswith(("?", "？", ":", "：")) else f"{front}:"


__all__ = ["is_remnote", "remnote_as_markdown"]
