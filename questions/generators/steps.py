"""A procedure's order: "Which step comes right after “A”?" with the procedure's other steps
as the wrong options (the step before A is left out too: "after" must not read as "near")."""

from __future__ import annotations

from collections.abc import Iterator

from questions.candidate import Candidate
from questions.distractors import Pool, acceptable
from questions.facts.model import Fact
from questions.generators.common import build, lang_of
from questions.stems import quoted

NAME = "step"
KINDS = ("step",)


def _prompt(f: Fact, lang: str) -> str:
    topic = f.attribute.strip()
    if lang == "zh":
        lead = f"{topic}：" if topic else ""
        return f"{lead}{quoted(f.subject, lang)}之后的下一步是哪一项？"
    lead = f"{topic}: " if topic else ""
    return f"{lead}which step comes right after {quoted(f.subject, lang)}?"


def for_fact(f: Fact, pool: Pool) -> Iterator[Candidate]:
    lang = lang_of(f)
    prompt = _prompt(f, lang)
    wrong: list[str] = []
    for s in f.siblings:
        if len(wrong) < 3 and acceptable(s, f.value, wrong, sibling=True):
            wrong.append(s)
    c = build(NAME, "step", f, prompt, f.value, wrong, lang, rank=0, query=f.subject,
              notes_options=True)  # fmt: skip
    if c is not None:
        yield c
