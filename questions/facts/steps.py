"""Numbered lists that are procedures: each step with the step before it, so a question can
ask what comes next ("Which step comes right after “git add -p”?").

A numbered list is a procedure when its lead-in or heading says so ("steps", "步骤", "流程",
"order") or when every item opens with an order ("Create …", "Run …"). Other numbered lists
(features, conditions) are left to the other facts.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from questions.facts.model import Fact
from questions.parse.model import Block
from questions.stems import third_person

#: fewer items leave no wrong option once the step and its predecessor are out
MIN_STEPS = 4
#: a longer item is a paragraph, not a step an option can quote
MAX_STEP = 80
_PROCEDURE = re.compile(
    r"\b(steps?|procedure|workflow|how to|in order|order of|sequence|lifecycle|process)\b"
    r"|步骤|流程|顺序|过程|操作",
    re.I,
)


def _imperative(text: str) -> bool:
    first = text.split()[0] if text.split() else ""
    return third_person(first.lower() + " " + " ".join(text.split()[1:])) is not None


def _procedure(items: list[Block]) -> bool:
    first = items[0]
    lead = first.lead.text if first.lead is not None else ""
    if _PROCEDURE.search(lead) or _PROCEDURE.search(first.section.heading):
        return True
    return all(re.match(r"[A-Z][a-z]+\s", b.text) and _imperative(b.text) for b in items)


def step_facts(blocks: Iterable[Block]) -> list[Fact]:
    """For every step after the first of a procedure: the step, with the one before it."""
    lists: dict[int, list[Block]] = defaultdict(list)
    for b in blocks:
        if b.kind == "item" and b.ordered and b.depth == 1:
            lists[b.group].append(b)
    out: list[Fact] = []
    for items in lists.values():
        texts = [b.text.strip().rstrip("。.；;") for b in items]
        if (len(items) < MIN_STEPS or len(set(texts)) != len(texts)
                or any(len(t) > MAX_STEP for t in texts) or not _procedure(items)):  # fmt: skip
            continue
        topic = items[0].lead.text.rstrip(":：") if items[0].lead else items[0].section.heading
        for i in range(1, len(items)):
            others = tuple(t for j, t in enumerate(texts) if j not in (i, i - 1))
            out.append(Fact("step", texts[i - 1], texts[i], items[i], items[i].line,
                            sentence=items[i].text, span=texts[i], attribute=topic,
                            siblings=others, group=f"g{items[i].group}", role="step"))  # fmt: skip
    return out
