"""Term <-> description: "Which QoS class is described here: …?" and the way back."""

from __future__ import annotations

from collections.abc import Sequence

from questions.candidate import Candidate
from questions.distractors import Pool, acceptable
from questions.facts.model import Fact
from questions.generators.common import build, lang_of
from questions.stems import forward_definition, reverse_definition

NAME = "definition"
MAX_DESC = 220


def _reverse(f: Fact, pool: Pool) -> Candidate | None:
    if len(f.value) > MAX_DESC:
        return None
    lang = lang_of(f)
    others = pool.terms(f.subject, f, prefer=f.siblings, avoid=f.value,
                        same_section=f.category is not None)  # fmt: skip
    prompt = reverse_definition(f.value, f.category, lang, "verb" in f.extra)
    return build(NAME, "reverse", f, prompt, f.subject, others, lang, rank=0,
                 closed="label" in f.extra)  # fmt: skip


def _forward(f: Fact) -> Candidate | None:
    """Descriptions of the sibling terms as distractors; only when they are short options."""
    if len(f.value) > 80 or len(f.siblings) < 2:
        return None
    lang = lang_of(f)
    wrong: list[str] = []
    for d in f.sibling_values:
        if acceptable(d, f.value, wrong) and len(wrong) < 3:
            wrong.append(d)
    prompt = forward_definition(f.subject, f.category, lang)
    return build(NAME, "forward", f, prompt, f.value, wrong, lang, rank=1)


def _abbreviation(f: Fact, pool: Pool) -> Candidate | None:
    lang = lang_of(f)
    wrong = [w for w in pool.terms(f.value, f, avoid=f.sentence, want=6) if w.isupper()][:3]
    prompt = (
        f"{f.subject} 的简称是什么？"
        if lang == "zh"
        else f"What is the abbreviation of {f.subject}?"
    )
    return build(NAME, "abbrev", f, prompt, f.value, wrong, lang, rank=0)


def generate(facts: Sequence[Fact], pool: Pool) -> list[Candidate]:
    out: list[Candidate] = []
    for f in facts:
        if f.kind == "abbrev":
            c = _abbreviation(f, pool)
            if c is not None:
                out.append(c)
        if f.kind != "definition":
            continue
        for c in (_reverse(f, pool), _forward(f)):
            if c is not None:
                out.append(c)
    return out
