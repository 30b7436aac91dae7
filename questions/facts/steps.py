"""Numbered lists that are procedures: each step with the step before it, so a question can
ask what comes next ("Which step comes right after “git add -p”?").

A numbered list is a procedure when its lead-in or heading says so ("steps", "步骤", "流程",
"order") or when every item opens with an order ("Create …", "Run …"). It is a ranking when its
lead-in says it is ordered by rank ("Variable precedence (lowest → highest):", "优先级从低到高"):
each item then comes right after the one it outranks. A list nested in an item takes that item
as its lead-in. Other numbered lists (features, conditions) are left to the other facts.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from questions.facts.model import Fact
from questions.parse.markdown import entry_term
from questions.parse.model import Block
from questions.stems import third_person
from questions.text import TRAILING_ASIDE

#: fewer items leave no wrong option once the step and its predecessor are out
MIN_STEPS = 4
#: a longer item is a paragraph, not a step an option can quote
MAX_STEP = 80
_PROCEDURE = re.compile(
    r"\b(steps?|procedure|workflow|how to|in order|order of|sequence|lifecycle|process)\b"
    r"|步骤|流程|顺序|过程|操作",
    re.I,
)
#: a lead-in that ranks what follows: asked as "which comes right after", not as a step
_RANKING = re.compile(
    r"\b(precedence|priority|lowest|highest|least|most)\b|优先级|从低到高|从高到低|由低到高|由高到低",
    re.I,
)


def _imperative(text: str) -> bool:
    first = text.split()[0] if text.split() else ""
    return third_person(first.lower() + " " + " ".join(text.split()[1:])) is not None


def _step(text: str) -> str:
    """A step as options and stems quote it: without the closing stop or remark ("(lexical
    order)", "（可选）"), which the explanation says; two remarks quoted would share words a
    guesser reads ("order" in both)."""
    text = text.strip().rstrip("。.；;")
    return TRAILING_ASIDE.sub("", text) or text


def _named_steps(items: list[Block]) -> list[str]:
    """The steps' names when every item opens with one ("**Init** – `terraform init` …"): the
    options name the steps, and each step's line is its explanation."""
    names = [entry_term(b.inline) for b in items]
    return [n for n in names if n] if all(names) else []


def _lead(first: Block) -> str:
    """What leads into the list: the item it is nested in, else the paragraph before it."""
    said = first.parent if first.depth > 1 else first.lead
    return said.text if said is not None else ""


def ranking(items: list[Block]) -> bool:
    """The lead-in ranks the items ("Variable precedence (lowest → highest):")."""
    return _RANKING.search(_lead(items[0])) is not None


def _procedure(items: list[Block]) -> bool:
    first = items[0]
    lead = _lead(first)
    if _PROCEDURE.search(lead) or _PROCEDURE.search(first.section.heading) or ranking(items):
        return True
    return all(re.match(r"[A-Z][a-z]+\s", b.text) and _imperative(b.text) for b in items)


def step_facts(blocks: Iterable[Block]) -> list[Fact]:
    """For every step after the first of a procedure or a ranking: the step, with the one
    before it."""
    lists: dict[int, list[Block]] = defaultdict(list)
    for b in blocks:
        if b.kind == "item" and b.ordered and (b.depth == 1 or b.parent is not None):
            lists[b.group].append(b)
    out: list[Fact] = []
    for items in lists.values():
        texts = _named_steps(items) or [_step(b.text) for b in items]
        if (len(items) < MIN_STEPS or len(set(texts)) != len(texts)
                or any(len(t) > MAX_STEP for t in texts) or not _procedure(items)):  # fmt: skip
            continue
        topic = _lead(items[0]).rstrip(":：") or items[0].section.heading
        extra = ("ranking",) if ranking(items) else ()
        for i in range(1, len(items)):
            # the steps around the answer first: the first three of a long procedure are plainly
            # not what follows its sixth (a review)
            near = sorted(range(len(texts)), key=lambda j: (abs(j - i), j))
            others = tuple(texts[j] for j in near if j not in (i, i - 1))
            out.append(Fact("step", texts[i - 1], texts[i], items[i], items[i].line,
                            sentence=items[i].text, span=texts[i], attribute=topic,
                            siblings=others, group=f"g{items[i].group}", role="step",
                            extra=extra))  # fmt: skip
    return out
