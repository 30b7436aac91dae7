"""A marked term blanked out of its statement: "CPU above the limit -> container gets ___"."""

from __future__ import annotations

from collections.abc import Sequence

from questions.candidate import Candidate
from questions.distractors import Pool, span_kind
from questions.facts.definitions import is_enumeration
from questions.facts.model import Fact
from questions.generators.common import build, lang_of
from questions.generators.numbers import blanked, clause
from questions.stems import cloze

NAME = "term"


def generate(facts: Sequence[Fact], pool: Pool) -> list[Candidate]:
    out: list[Candidate] = []
    for f in facts:
        if f.kind != "term":
            continue
        text = clause(f.sentence, f.span)
        if f.context and f.context not in text:
            text = f"{f.context}: {text}"
        gap = blanked(text, f.span)
        if gap is None:
            continue
        if is_enumeration(f.sentence.split(":", 1)[-1]):
            continue  # one of a list of values: guessable, and the list is its own fact
        kind = span_kind(f, f.span)
        wrong = pool.terms(f.span, f, avoid=text, kind=kind if kind != "term" else "term")
        c = build(NAME, "cloze", f, cloze(gap, lang_of(f)), f.span, wrong, lang_of(f), rank=2,
                  blank=f.span)  # fmt: skip
        if c is not None:
            out.append(c)
    return out
