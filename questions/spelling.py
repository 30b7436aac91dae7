"""Common misspellings in the notes, corrected in the questions asked from them.

Notes are typed fast ("recieve", "lifecyle policy", "mircoservices"), and session 40's
reviewers marked each question that copied one broken. codespell's dictionary of common
misspellings (the one code review bots use) says what each was meant to be; only words with one
correction are corrected, and never a word inside a name (`snake_case`, a path, a flag), which
is the writer's own spelling of that name.
"""

from __future__ import annotations

import re
from functools import cache
from importlib.resources import files

#: a plain word standing alone, five letters or more (a shorter one may be an abbreviation:
#: "aks", "brin"): not part of an identifier, a path, a flag or a dotted name
_WORD = re.compile(r"(?<![\w./\\-])[A-Za-z]{5,}(?![\w/\\]|[.-]\w)")


@cache
def _corrections() -> dict[str, str]:
    """Misspelling -> its one correction, from codespell's main dictionary."""
    text = files("codespell_lib").joinpath("data/dictionary.txt").read_text(encoding="utf-8")
    out: dict[str, str] = {}
    for line in text.splitlines():
        wrong, _, right = line.partition("->")
        right = right.strip()
        if wrong and right and "," not in right:
            out[wrong.strip()] = right
    return out


def corrected(text: str) -> str:
    """The text with each plain word codespell knows as a common misspelling corrected,
    keeping its capital ("Recieve" -> "Receive")."""
    fixes = _corrections()

    def fix(m: re.Match[str]) -> str:
        word = m.group(0)
        right = fixes.get(word.lower())
        if right is None or word.isupper():
            return word  # "UPD" shouted is an acronym, never a word to correct
        if word[0].isupper():
            return right[0].upper() + right[1:]
        return right

    return _WORD.sub(fix, text)
