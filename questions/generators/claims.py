"""Prose claims asked with the alternative the notes deny as the wrong option.

- a contrast: "Cloudwatch alarm 不会被log stream触发，会被metric触发" -> "填空：Cloudwatch alarm
  会被___触发" with metric / log stream (the notes say which one, and deny the other);
- a predicate granted to one thing and denied to others: "以下哪一项是ECS的部署方式？" with
  Blue/green / Canary / Linear.

The options are the notes' own alternatives, so they are closed: two options are enough.
"""

from __future__ import annotations

from collections.abc import Iterator

from questions.candidate import Candidate
from questions.cues import unhinted
from questions.distractors import Pool, acceptable
from questions.facts.model import Fact
from questions.generators.common import build, lang_of
from questions.generators.numbers import blanked
from questions.stems import articles, cloze

NAME = "claim"
KINDS = ("contrast", "predicate")


def _which_is(pred: str, lang: str, verb: bool = False) -> str:
    if verb:  # "gets updated eventually when …": the predicate is its own verb phrase
        return f"Which of these {pred}?"
    if lang == "zh":
        return f"以下哪一项是{pred}？"
    return f"Which of these is {articles(pred)}?"


def _wrong(f: Fact, avoid: str, pool: Pool) -> list[str]:
    out: list[str] = []
    for s in f.siblings:
        if acceptable(s, f.value, out, avoid, sibling=True) and not pool.said_elsewhere(
            s, f.attribute, f
        ):
            out.append(s)
    return out[:3]


def for_fact(f: Fact, pool: Pool) -> Iterator[Candidate]:
    lang = lang_of(f)
    if f.kind == "contrast":
        gap = blanked(f.attribute, f.value)
        if gap is None:
            return
        wrong = _wrong(f, gap, pool)
        gap = unhinted(gap, f.value, wrong)
        c = build(NAME, "cloze", f, cloze(gap, lang), f.value, wrong, lang, rank=1,
                  blank=f.value, query=gap, closed=True, notes_options=True)  # fmt: skip
    else:
        prompt = _which_is(f.attribute, lang, "verb" in f.extra)
        c = build(NAME, "predicate", f, prompt, f.value, _wrong(f, prompt, pool), lang, rank=0,
                  query=f.attribute, closed=True, notes_options=True)  # fmt: skip
    if c is not None:
        yield c
