"""A marked term blanked out of its statement: "CPU above the limit -> container gets ___"."""

from __future__ import annotations

from collections.abc import Sequence

from questions.candidate import Candidate
from questions.distractors import Pool
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
        wrong = pool.terms(f.span, f, avoid=text)
        c = build(NAME, "cloze", f, cloze(gap, lang_of(f)), f.span, wrong, lang_of(f), rank=2,
                  blank=f.span)  # fmt: skip
        if c is not None:
            out.append(c)
    return out
