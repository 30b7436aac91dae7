"""A procedure's order: "Which step comes right after “A”?" with the procedure's other steps
as the wrong options (the step before A is left out too: "after" must not read as "near")."""

from __future__ import annotations

from collections.abc import Iterator

from questions.candidate import Candidate
from questions.distractors import Pool, acceptable
from questions.facts.model import Fact
from questions.generators.common import build, lang_of
from questions.stems import quoted
from questions.subjects import unnumbered
from questions.text import norm

NAME = "step"
KINDS = ("step",)


def _prompt(f: Fact, lang: str, topic: str) -> str:
    ranked = "ranking" in f.extra  # a ranking's items are no steps: "which comes right after"
    if lang == "zh":
        lead = f"{topic}：" if topic else ""
        return f"{lead}{quoted(f.subject, lang)}之后的下一{'项' if ranked else '步'}是哪一项？"
    which = f"Which {'one' if ranked else 'step'} comes right after {quoted(f.subject, lang)}?"
    return f"{topic}: {which[0].lower()}{which[1:]}" if topic else which


def _nested(a: str, b: str) -> bool:
    """One step written inside the other (`terraform.tfvars`, `terraform.tfvars.json`): a pair
    of options the player tells apart by their length, and the stem-only solver drops."""
    x, y = norm(a), norm(b)
    return x in y or y in x


def for_fact(f: Fact, pool: Pool) -> Iterator[Candidate]:
    lang = lang_of(f)
    wrong: list[str] = []
    for s in f.siblings:
        fits = len(wrong) < 3 and acceptable(s, f.value, wrong, sibling=True)
        if fits and not any(_nested(s, t) for t in (f.value, *wrong)):
            wrong.append(s)
    # the procedure's name first; without it when it shares a word with the answer ("Build a
    # release image" beside "Build the image"): the quoted step still says which procedure
    for topic in dict.fromkeys((unnumbered(f.attribute), "")):
        c = build(NAME, "step", f, _prompt(f, lang, topic), f.value, wrong, lang, rank=0,
                  query=f.subject, notes_options=True)  # fmt: skip
        if c is not None:
            yield c
