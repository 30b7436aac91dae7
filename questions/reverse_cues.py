"""Give-aways of a question that names a term and offers descriptions ("Which description fits
Immutable?"): the term's own words written in the key and in few other options.

Only the term's words count here, as written, by lemma or root ("batch" / batches), by their
parts ("IAM_ROLE_MISSING": role) or translated ("sync" / 同步). A word that merely means what
the name says ("a fresh group" of Immutable, `cues.hints`) is no give-away in this direction:
knowing what the name stands for is what the question asks, which is why a description that
paraphrases its term is asked this way and not as "which term is described here?".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from questions.cues import alike, glued, spelling
from questions.glossary import cue_glosses, english
from questions.text import CJK_RUN, STOP_EN, cut, lemma
from questions.values import UNITS

_LATIN_TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[-_./][A-Za-z0-9]+)*")
_NUMBER = re.compile(r"(?<![\w.])\d+(?:\.\d+)?(?![\d.])")
_PART = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+")
#: letters that are a unit's symbol but more often a word ("us") or a name's part
_NOT_UNITS = frozenset({"us", "mi", "gi", "rtt"})
#: the template's words ("Which description fits …?", "哪一项描述的是 …？"): they point at nothing
_TEMPLATE = frozenset({"which", "description", "describe", "fit", "fits", "item", "one"})


@lru_cache(maxsize=16384)
def own_words(text: str) -> frozenset[str]:
    """The words a text writes: Latin words, their parts and lemmas, its numbers and units,
    and the English of its Chinese words (never what a word merely hints at)."""
    words: set[str] = set()
    for token in _LATIN_TOKEN.findall(text):
        found = {token.lower()} | {p.lower() for p in _PART.findall(token)}
        found |= set(glued(token)[0])  # SLOWLOG: "slow" and "log", as its parts would be
        words |= {w for w in found if len(w) >= 3}
    for run in CJK_RUN.findall(text):
        for w in cut(run):
            words |= {e for e in english(w) if len(e) >= 4}
        words |= {e for _, e in cue_glosses(run)}
    words |= {lemma(w) for w in list(words) if w.isalpha()}
    words |= set(_NUMBER.findall(text))  # "*/15 * * * *" is written in "every 15 minutes"
    # a unit, however written: "PEXPIRE key ms" is named by "in milliseconds"
    latin = {t.lower() for t in re.findall(r"[A-Za-z]{2,}", text)} - _NOT_UNITS
    words |= {f"unit:{UNITS[w]}" for w in latin if w in UNITS}
    words |= {f"unit:{u}" for w, u in UNITS.items() if CJK_RUN.fullmatch(w) and w in text}
    return frozenset(w for w in words if w not in STOP_EN and w not in _TEMPLATE)


def _writes(option: str, word: str) -> bool:
    if word in STOP_EN:  # a short word of the term itself: only as a word of the option
        return re.search(rf"\b{re.escape(word)}\b", option, re.I) is not None
    return any(alike(word, w) for w in own_words(option))


def spelled(text: str, term: str) -> str | None:
    """The words of the text an acronym of the term stands for ("block range index" of BRIN,
    "space-partitioned GiST" of SP-GiST): their initials, linking words aside, are its letters
    (or all but the last), or None."""
    words = re.findall(r"[A-Za-z][A-Za-z]*", text)
    acronyms = re.findall(r"(?<![A-Za-z])[A-Z]{2,5}(?![a-z])", term)
    acronyms += [c.upper() for t in _LATIN_TOKEN.findall(term) for c in glued(t)[1] if len(c) >= 3]
    for acronym in acronyms:
        for want in {acronym.lower(), acronym.lower()[:-1]} - {""}:
            if len(want) < 2:
                continue
            for i in range(len(words)):
                run = spelling(words[i:], want)
                if run:
                    return run
    return None


def term_named(stem: str, answer: str, wrong: Sequence[str], term: str = "") -> str | None:
    """A word of the stem that the key writes and most wrong options do not, or the words the
    term's acronym stands for in the key alone; None when the stem names no option. The asked
    term's short words count too ("all" of "All at once" in "to all instances …")."""
    words = own_words(stem) | {w.lower() for w in re.findall(r"[A-Za-z]{3,}", term)}
    for word in sorted(words):
        if _writes(answer, word) and sum(_writes(w, word) for w in wrong) < len(wrong) / 2:
            return word
    found = spelled(answer, term)
    if found and sum(spelled(w, term) is not None for w in wrong) < len(wrong) / 2:
        return found
    return None
