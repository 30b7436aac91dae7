"""List contrasts: items listed under named groups become "which group has property X?".

Two shapes in real notes: a definition list under one label ("Deployment policy": All at once
– ..., Rolling – ...) and sibling groups in one section ("standard type" 1. 2. 3., "FIFO type"
1. 2.). Options are always the other members of the same list: the same kind of thing.
"""

from __future__ import annotations

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

NAME = "list_contrast"


def _display(labels: Sequence[str]) -> tuple[dict[str, str], str]:
    """Group labels without their shared trailing word ('FIFO type' -> 'FIFO'), and that word."""
    last = {label.split()[-1].casefold() for label in labels if len(label.split()) > 1}
    common = ""
    if len(last) == 1 and all(len(label.split()) > 1 for label in labels):
        common = next(iter(last))
    shown = {}
    for label in labels:
        name = " ".join(label.split()[:-1]) if common else label
        shown[label] = name[:1].upper() + name[1:]
    return shown, common


def _definition_lists(facts: Sequence[Fact], title: str, file: str) -> list[Candidate]:
    groups: dict[tuple[int, str], list[Fact]] = {}
    for f in facts:
        if f.kind == "definition" and f.origin.startswith("group:"):
            groups.setdefault((f.section.index, f.group), []).append(f)
    out: list[Candidate] = []
    for (_, label), members in groups.items():
        if len(members) < 3:
            continue
        noun = label.casefold()
        for f in members:
            topic = topic_of(f, title)
            seed = f"{NAME}:{label}:{f.term}"
            terms = [m.term for m in members if m is not f]
            options, answer = place_answer(f.term, pick_distractors(f.term, terms, seed, 4), seed)
            prompt = (
                f"{topic}：以下描述的是哪一种{label}？\n{quote(f.definition)}"
                if zh(f.definition)
                else f"{topic}: which {noun} is described here?\n{quote(f.definition)}"
            )
            out.append(
                Candidate(
                    NAME,
                    "choice",
                    topic,
                    prompt,
                    options,
                    answer,
                    f.text,
                    file,
                    f.line,
                    f.section.key,
                    f"term:{label}",
                    f"{NAME}:fwd:{label}:{f.term}",
                    f.text,
                )
            )
            descs = [m.definition for m in members if m is not f]
            wrong = pick_distractors(f.definition, descs, seed + ":rev")
            options, answer = place_answer(f.definition, wrong, seed + ":rev")
            prompt = (
                f"{topic}：{label}“{f.term}”是怎样的？"
                if zh(f.definition)
                else f"{topic}: what does the {quote(f.term)} {noun} do?"
            )
            out.append(
                Candidate(
                    NAME,
                    "choice",
                    topic,
                    prompt,
                    options,
                    answer,
                    f.text,
                    file,
                    f.line,
                    f.section.key,
                    "description",
                    f"{NAME}:rev:{label}:{f.term}",
                    f.text,
                )
            )
    return out


def _sibling_groups(facts: Sequence[Fact], title: str, file: str) -> list[Candidate]:
    by_section: dict[int, dict[str, list[Fact]]] = {}
    for f in facts:
        if f.kind == "item" and f.group and f.group != f.section.heading:
            by_section.setdefault(f.section.index, {}).setdefault(f.group, []).append(f)
    out: list[Candidate] = []
    for groups in by_section.values():
        if len(groups) < 2:
            continue
        shown, common = _display(list(groups))
        for label, members in groups.items():
            for f in members:
                topic = topic_of(f, title)
                seed = f"{NAME}:{label}:{f.text}"
                others = [shown[g] for g in groups if g != label]
                options, answer = place_answer(shown[label], others[:4], seed)
                prompt = (
                    f"{topic}：以下特点属于哪一{common or '类'}？\n{quote(f.text)}"
                    if zh(f.text)
                    else f"{topic}: which {common or 'one'} has this property?\n{quote(f.text)}"
                )
                explanation = f"{label}: {f.text}"
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
                        "group",
                        f"{NAME}:item:{label}:{f.text}",
                        f.text,
                    )
                )
    return out


def generate(facts: Sequence[Fact], title: str, file: str) -> list[Candidate]:
    return _definition_lists(facts, title, file) + _sibling_groups(facts, title, file)
