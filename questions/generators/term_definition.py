"""Term <-> definition: "which of these does this describe?" and "which description fits X?".

Distractors are other terms defined the same way (section-heading terms vs bold terms), so a
service is never offered against a feature, and the term is masked in its own definition.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from questions.generators.base import (
    Candidate,
    pick_distractors,
    place_answer,
    quote,
    topic_of,
    zh,
)
from questions.notes_parser import Fact

NAME = "term_definition"


def _topic(fact: Fact, title: str) -> str:
    """A topic that does not name the answer: the parent heading, else the notes' title."""
    topic = topic_of(fact, title)
    if fact.term.casefold() in topic.casefold() or topic.casefold() in fact.term.casefold():
        parents = fact.section.path[:-1]
        return parents[-1] if parents else title
    return topic


def as_choice(definition: str) -> str | None:
    """A masked definition rewritten to stand alone as an option ('A ___ is a X' -> 'A X')."""
    d = re.sub(r"^(?:(?:A|An|The|One)\s+)?___\s+(?:is|are)\s+", "", definition)
    d = re.sub(r"^(?:(?:A|An|The|One)\s+)?___\s+", "It ", d)
    d = d.strip()
    if "___" in d or not d or " - " in d:  # "topic - note" is a note, not a description
        return None
    return d[0].upper() + d[1:]


def _distractors(f: Fact, defs: Sequence[Fact], seed: str) -> list[str]:
    """Other terms of the same origin, those defined in the same language first."""
    others = [d for d in defs if d.origin == f.origin and d.term.casefold() != f.term.casefold()]
    same = [d.term for d in others if zh(d.definition) == zh(f.definition)]
    picked = pick_distractors(f.term, same, seed)
    if len(picked) < 3:
        rest = [d.term for d in others if d.term not in picked]
        picked += pick_distractors(f.term, rest, seed, 3 - len(picked))
    return picked


def generate(facts: Sequence[Fact], title: str, file: str) -> list[Candidate]:
    defs = [f for f in facts if f.kind == "definition" and f.origin in ("heading", "bold")]
    out: list[Candidate] = []
    first_def: dict[tuple[str, str], Fact] = {}
    for f in defs:
        first_def.setdefault((f.origin, f.term.casefold()), f)
    for f in defs:
        seed = f"{NAME}:{f.term}:{f.definition}"
        distractors = _distractors(f, defs, seed)
        topic = _topic(f, title)
        explanation = (
            f.text if f.text.casefold().startswith(f.term.casefold()) else f"{f.term}: {f.text}"
        )
        if distractors:
            options, answer = place_answer(f.term, distractors, seed)
            prompt = (
                f"以下描述的是哪一项？\n{quote(f.definition)}"
                if zh(f.definition)
                else f"Which of these does this describe?\n{quote(f.definition)}"
            )
            out.append(
                Candidate(
                    NAME,
                    "choice",
                    topic,
                    prompt,
                    options,
                    answer,
                    explanation,
                    file,
                    f.line,
                    f.section.key,
                    f"term:{f.origin}",
                    f"{NAME}:fwd:{f.term}:{f.definition}",
                    f.text,
                )
            )
        if first_def[(f.origin, f.term.casefold())] is not f:
            continue
        mine = as_choice(f.definition)
        if mine is None:
            continue
        others = []
        for (origin, term), d in first_def.items():
            alt = as_choice(d.definition)
            if origin == f.origin and term != f.term.casefold() and alt and zh(alt) == zh(mine):
                others.append(alt)
        wrong = pick_distractors(mine, others, seed + ":rev")
        if len(wrong) < 2:
            continue
        options, answer = place_answer(mine, wrong, seed + ":rev")
        prompt = f"哪一项描述的是 {f.term}？" if zh(mine) else f"Which description fits {f.term}?"
        out.append(
            Candidate(
                NAME,
                "choice",
                topic,
                prompt,
                options,
                answer,
                explanation,
                file,
                f.line,
                f.section.key,
                "description",
                f"{NAME}:rev:{f.term}",
                f.text,
            )
        )
    return out
