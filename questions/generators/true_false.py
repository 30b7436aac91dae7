"""True/false, only where nothing better fits: the notes' own claim, or the same claim with one
value swapped for a same-type value from the notes (never a negation toggled), so true and
false statements read alike and only knowing the fact tells them apart."""

from __future__ import annotations

import re
from collections.abc import Sequence

from questions.bank import TRUE_FALSE
from questions.candidate import Candidate
from questions.distractors import Pool
from questions.facts.model import Fact
from questions.generators.common import explanation, lang_of
from questions.generators.numbers import _balanced, distractors_for
from questions.stems import true_false
from questions.text import contains

NAME = "true_false"
_INSTRUCTION = re.compile(
    r"^(use|set|check|run|add|make sure|don'?t|do not|never|always|remember|note|see|read|try|"
    r"avoid|put|write|watch|lower|install|确保|记得|注意|不要|别|请|使用|用)\b",
    re.I,
)
_NEGATION = re.compile(
    r"\b(not|no|never|cannot|can't|isn't|doesn't|don't|won't)\b|不|没|无|非", re.I
)


def claim(f: Fact) -> str | None:
    """The self-contained statement a fact makes, or None (instructions, questions, fragments)."""
    if f.kind == "property" and f.table is not None:
        return None
    text = f.sentence if f.kind in ("number", "term") else f.block.text
    if not _balanced(text) or (f.table is not None):
        return None
    if f.context and f.context not in text:
        text = f"{f.context}: {text}"
    if (
        len(text) > 200
        or _INSTRUCTION.match(text)
        or text.rstrip().endswith(("?", "？", ":", "："))
    ):
        return None
    if not contains(text, f.span) or text.count(f.span) != 1:
        return None
    if len(re.findall(r"[A-Za-z\u4e00-\u9fff]+", text)) < 3:
        return None
    return text


def _swap(f: Fact, pool: Pool, text: str) -> str | None:
    """The statement with its value swapped for a same-kind value; definitions swap their term
    only with another term of the same list (a sibling is the plausible confusion)."""
    if f.kind == "definition":
        if f.block.kind != "item":
            return None
        wrong = [s for s in f.siblings if not contains(text, s)]
    else:
        wrong = distractors_for(f, pool, avoid=text)
    for w in wrong:
        false = text.replace(f.span, w, 1)
        if _NEGATION.findall(false) == _NEGATION.findall(text):  # no negation made or lost
            return false
    return None


def pair(f: Fact, pool: Pool) -> tuple[Candidate, Candidate] | None:
    """The true and the false statement of a fact, identical but for the swapped value."""
    text = claim(f)
    if text is None:
        return None
    false = _swap(f, pool, text)
    if false is None:
        return None
    lang = lang_of(f)
    why = explanation(f)

    def make(statement: str, truth: bool) -> Candidate:
        return Candidate(NAME, "tf-true" if truth else "tf-false", "truefalse", f,
                         true_false(statement, lang), TRUE_FALSE, 0 if truth else 1, why, lang,
                         rank=5)  # fmt: skip

    return make(text, True), make(false, False)


def generate(facts: Sequence[Fact], pool: Pool) -> list[Candidate]:
    out: list[Candidate] = []
    for f in facts:
        if f.kind in ("number", "term", "definition"):
            p = pair(f, pool)
            if p is not None:
                out += p
    return out
