"""Prose claims asked with the alternative the notes deny as the wrong option.

- a contrast: "Cloudwatch alarm 不会被log stream触发，会被metric触发" -> "填空：Cloudwatch alarm
  会被___触发" with metric / log stream (the notes say which one, and deny the other);
- a predicate granted to one thing and denied to others: "以下哪一项是ECS的部署方式？" with
  Blue/green / Canary / Linear.

The options are the notes' own alternatives, so they are closed: two options are enough.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from questions.candidate import Candidate
from questions.cues import unhinted
from questions.distractors import Pool, acceptable
from questions.facts.model import Fact
from questions.generators.common import build, lang_of
from questions.generators.numbers import blanked
from questions.nouns import singular_word
from questions.stems import articles, cloze

NAME = "claim"
KINDS = ("contrast", "predicate")


def _which_is(pred: str, lang: str, verb: bool = False, noun: str = "") -> str:
    which = f"Which {noun}" if noun else "Which of these"
    if verb:  # "gets updated eventually when …": the predicate is its own verb phrase
        return f"{which} {pred}?"
    if lang == "zh":
        return f"以下哪一项是{pred}？"
    return f"{which} is {articles(pred)}?"


def shared_head(options: list[str]) -> str:
    """The head noun every option ends with ("Image layers", "container layer": layer), so
    "Which of these is writable?" can say what it asks about; "" when they share none."""
    heads = set()
    for o in options:
        words = o.split()
        if len(words) < 2 or not re.fullmatch(r"[A-Za-z]+", words[-1]):
            return ""
        heads.add(singular_word(words[-1].lower()))
    return heads.pop() if len(heads) == 1 else ""


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
        verb = "verb" in f.extra
        prompt = _which_is(f.attribute, lang, verb)
        wrong = _wrong(f, prompt, pool)
        noun = shared_head([f.value, *wrong]) if lang == "en" else ""
        if noun and noun not in prompt.lower():
            prompt = _which_is(f.attribute, lang, verb, noun)  # "Which layer is writable?"
        c = build(NAME, "predicate", f, prompt, f.value, wrong, lang, rank=0,
                  query=f.attribute, closed=True, notes_options=True)  # fmt: skip
    if c is not None:
        yield c
