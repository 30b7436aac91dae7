"""Which command does a thing: "Which command starts a rollout?", the other commands of the
same code block as the options (the notes' own commands, so every option is real)."""

from __future__ import annotations

from collections.abc import Iterator

from questions.ambiguity import names_the_purpose
from questions.candidate import Candidate
from questions.distractors import Pool
from questions.facts.model import Fact
from questions.generators.common import build, lang_of
from questions.stems import command

NAME = "command"


KINDS = ("command",)


def for_fact(f: Fact, pool: Pool) -> Iterator[Candidate]:
    head = f.value.split()[0]
    # a command whose own words repeat the purpose ("starts a rollout" beside `kubectl rollout
    # restart`) may do it too: never an option
    rivals = [s for s in f.siblings if names_the_purpose(f.subject, s)]
    if names_the_purpose(f.subject, f.value):
        return  # the answer repeats the purpose: a give-away
    same_head = [s for s in f.siblings if s.split()[0] == head]
    others = [s for s in f.siblings if s.split()[0] != head]
    wrong = pool.alternatives(f.value, f, ("cmd",), siblings=same_head + others,
                              avoid=f.subject, closed=bool(f.siblings), any_shape=True,
                              exclude=rivals)  # fmt: skip
    lang = lang_of(f)
    noun = "option" if "flag" in f.extra else "command"
    c = build(NAME, "command", f, command(f.subject, lang, noun, "does" in f.extra), f.value, wrong, lang, rank=0,
              query=f.subject, notes_options=True)  # fmt: skip
    if c is not None:
        yield c
