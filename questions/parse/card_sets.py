"""A flashcard set exported as plain text (Quizlet, Anki's "Notes in Plain Text"): one card a
line, its term and its definition between a tab.

Read as Markdown such a set was a paragraph, or a table whose header was whichever two short
cells came first ("Protects against SQL injection and XSS | AWS WAF" headed 200 cards): 34
questions from 274 cards. Here each card is an item of one glossary, its term bold before its
definition; a card asking a question ("Lowest support plan with a designated TAM?") is a
flashcard, its question and its answer ("Q: … A: …", read by questions/parse/flashcards.py);
a card written the other way round (a sentence on the front, a short name on the back, as a
set made for recall has) is turned so the name is the term. A line with no tab under a card
goes on with its definition (a definition over two lines). Anki's file header lines
("#separator:tab") are skipped. Only a file that is such a set (no Markdown heading, most
lines a card) is read so; each line stays on its line.

Anki's own export of notes (its header naming GUID, note type, deck and tags columns, HTML
fields, Cloze notes) is read first, by questions/parse/anki.py, each card it holds written as
here (`card_item`).
"""

from __future__ import annotations

import re

from questions.parse.anki import anki_notes_as_markdown

#: a card: a term, one tab, a definition (spaces around the tab trimmed)
_CARD = re.compile(r"^(?P<term>[^\t]*\S)[ ]*\t[ ]*(?P<definition>\S[^\t]*)$")
#: Anki's header lines: "#separator:tab", "#html:false", "#tags column:3"
_ANKI_HEADER = re.compile(r"^#[a-z ]+:[^\t]*$")
_HEADING = re.compile(r"^ {0,3}#{1,6}\s")
#: a set has this many cards at least, and they are most of its lines
MIN_CARDS = 10
SHARE = 0.7
#: a front this long over a back this short was written the other way round
_LONG_FRONT_WORDS = 5
_SHORT_BACK_WORDS = 4
#: a bracketed note that ends a back, from its "("
_ASIDE = re.compile(r"\([^()]*\)\s*")
#: what ends a front that leads into its back
_LEADS = ("→", "->", "=>", "⇒")
_ESCAPE = re.compile(r"([*_`\[\]<>|\\])")


def is_card_set(lines: list[str]) -> bool:
    filled = [line for line in lines if line.strip() and not _ANKI_HEADER.match(line)]
    if any(_HEADING.match(line) for line in filled):
        return False
    cards = sum(1 for line in filled if _CARD.match(line))
    return cards >= MIN_CARDS and cards >= SHARE * len(filled)


def card_set_as_markdown(lines: list[str]) -> tuple[list[str], list[tuple[int, str, str]]]:
    """Each card an item of one glossary, and Anki's header lines skipped as (line number,
    reason, text); the lines as they were for a file that is no card set."""
    notes = anki_notes_as_markdown(lines, card_item)
    if notes is not None:
        return notes
    if not is_card_set(lines):
        return lines, []
    out: list[str] = []
    skipped: list[tuple[int, str, str]] = []
    in_card = False
    for n, line in enumerate(lines):
        card = _CARD.match(line)
        if card is not None:
            term, definition = card.group("term").strip(), card.group("definition").strip()
            out.append(card_item(_escaped(term), _escaped(definition)))
            in_card = True
        elif not line.strip():
            out.append("")
            in_card = False
        elif _ANKI_HEADER.match(line) and not in_card:
            out.append("")
            skipped.append((n + 1, "card set header", line.strip()))
        elif in_card:
            out.append("  " + _escaped(line.strip()))  # the definition goes on
        else:
            out.append(line)
    return out, skipped


def card_item(term: str, definition: str) -> str:
    """A card as an item of the glossary, its term and its definition Markdown both: a
    question with its answer, a front ending with an arrow running on into its back, or the
    term bold (its own bold marks gone) before its definition (a name on the back the term,
    its note in brackets going after the front)."""
    if term.endswith(("?", "？")):
        return f"- Q: {term} A: {definition}"
    if term.rstrip("*_").endswith(_LEADS):  # "Exactly once, in order per customer →"
        return f"- {term} {definition}"
    if _reversed(term, definition):
        at = _aside(definition)  # "DataSync (agent on-prem)": the note on the name goes after
        aside = f" {definition[at:].strip()}" if at < len(definition) else ""
        term, definition = definition[:at].rstrip(), term + aside
    return f"- **{term.replace('**', '')}**: {definition}"


def _reversed(term: str, definition: str) -> bool:
    """A sentence on the front and a short name on the back ("Protects against SQL injection
    and XSS" / "AWS WAF", "DataSync (agent on-prem)"): the back is what the front describes."""
    name = definition[: _aside(definition)]  # "DataSync (agent on-prem)": a name, a note on it
    return (
        len(term.split()) >= _LONG_FRONT_WORDS
        and len(name.split()) <= _SHORT_BACK_WORDS
        and not definition.rstrip().endswith((".", "。"))
        and not definition[:1].isdigit()  # "900 seconds" is a value of the front, no name
    )


def _aside(back: str) -> int:
    """Where a bracketed note ending a back after a name starts ("DataSync (agent on-prem)"),
    its length when there is none."""
    at = back.rfind("(")
    if at > 0 and back[:at].strip() and _ASIDE.fullmatch(back, at):
        return at
    return len(back)


def _escaped(text: str) -> str:
    """The card's text as Markdown shows it: its marks are the writer's characters."""
    return _ESCAPE.sub(r"\\\1", text)
