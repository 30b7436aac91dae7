"""The default member of a set of values: "What is the default value of restartPolicy?",
"Which Service type is the default?". The other members are the options: a closed set."""

from __future__ import annotations

from collections.abc import Iterator

from questions.candidate import Candidate
from questions.distractors import TYPED, Pool, acceptable
from questions.facts.model import Fact
from questions.generators.common import build, lang_of
from questions.nouns import category
from questions.stems import default_member
from questions.values import family

NAME = "default"


KINDS = ("default",)


def _full_noun(f: Fact) -> str:
    """ "default method: round-robin" under "Load balancing methods": the method is a load
    balancing method, and "Which method is the default?" would not say which kind."""
    full = category(f.section.heading) if f.section.heading else None
    if full and full.casefold().endswith(" " + f.subject.casefold()):
        return full
    return f.subject


def for_fact(f: Fact, pool: Pool) -> Iterator[Candidate]:
    wrong: list[str] = []
    for s in f.siblings:
        if len(wrong) < 4 and acceptable(s, f.value, wrong, sibling=True):
            wrong.append(s)
    # "default registry: docker.io", listed nowhere: the notes' other names of its typed shape
    # (two registries, two paths); a plain word ("overlay2") says nothing of its kind
    listed = bool(wrong)  # the notes' own alternatives: a closed set, two of them will do
    if not listed and "setting" in f.extra and family(f.value) in TYPED:
        found = pool.alternatives(f.value, f, ("code", "bold"), avoid=f.sentence)
        wrong = [w for w in found if family(w) == family(f.value)]
    is_category = f.category is not None and f.subject == f.category
    prompt = default_member(_full_noun(f) if is_category else f.subject, lang_of(f), is_category)
    c = build(NAME, "default", f, prompt, f.value, wrong, lang_of(f), rank=0, closed=listed,
              query=f"{f.subject} default", notes_options=listed)  # fmt: skip
    if c is not None:
        yield c
