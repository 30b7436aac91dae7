"""Long forms of acronyms in descriptions offered as options.

A glossary of acronyms describes each by spelling it out first ("**CASB** — Cloud Access
Security Broker; visibility, compliance, …"). Offered beside the stem's acronym, a long form
tells which acronym each option spells, so the options are read off their first letters,
not known: the long form goes from every option, the key's as the others'.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

#: where the long form of an acronym may end before the rest of a description: an aside in
#: brackets perhaps, then a separator ("Cloud Access Security Broker; visibility, …")
_AFTER_LONG_FORM = re.compile(r"\s*(?:\([^()]*\))?\s*[;,:—–]\s*(?=\S)")
_SMALL_WORDS = frozenset(
    {"of", "and", "for", "the", "with", "to", "in", "on", "a", "an", "by", "&"}
)


def without_long_form(desc: str, term: str) -> str:
    """The description without the long form of its acronym it opens with ("Cloud Access
    Security Broker; visibility, compliance …" of CASB -> "visibility, compliance …"; "" when
    that is all it says): beside the other options, a long form tells which acronym each
    spells, so the options are read off their first letters, not known."""
    for start, end in _cuts(desc):
        if _spells(desc[:start], term):
            return desc[end:].strip()
    return "" if _spells(desc, term) else desc


def said_plainly(desc: str, owner: str, siblings: Sequence[str]) -> str:
    """A kin's description without the long form of its owner's acronym (of whichever
    sibling it spells, when the notes' own pairing is not known)."""
    for term in (owner, *siblings) if owner else siblings:
        rest = without_long_form(desc, term)
        if rest != desc:
            return rest
    return desc


# a description is read beside each of its kin's acronyms (a glossary's every term): what
# it could open with is read once, each acronym's letters once
@lru_cache(maxsize=16384)
def _cuts(desc: str) -> tuple[tuple[int, int], ...]:
    """Where a long form could end in the description, and where the rest starts."""
    return tuple((m.start(), m.end()) for m in _AFTER_LONG_FORM.finditer(desc))


@lru_cache(maxsize=16384)
def _capitalised(words: str) -> tuple[str, ...]:
    """The words that could spell an acronym, small words aside; () unless two to eight, each
    capitalised."""
    split = [w for w in re.split(r"[\s,/-]+", words.strip()) if w and w.lower() not in _SMALL_WORDS]
    if not 2 <= len(split) <= 8 or not all(w[0].isupper() for w in split):
        return ()
    return tuple(split)


@lru_cache(maxsize=16384)
def _letters(term: str) -> str:
    return re.sub(r"[^A-Z0-9]", "", term)


def _spells(words: str, term: str) -> bool:
    """The words' initials spell the acronym, small words aside ("Security Information &
    Event Management" spells SIEM)."""
    letters = _letters(term)
    split = _capitalised(words)
    if len(letters) < 2 or not split:
        return False
    if split[0].isupper() and len(split[0]) <= 3 and split[0][0] != letters[0]:
        split = split[1:]  # "EU General Data Protection Regulation": a qualifier first
    initials = "".join(w[0] for w in split)
    it = iter(initials)
    return initials[:1] == letters[:1] and all(ch in it for ch in letters)
