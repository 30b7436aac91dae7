"""Which of the questions that passed the gates make the bank.

- the best one question per fact (two for a term or a table cell, asked both ways);
- no single table or list supplies more than a quarter of the bank;
- every section that has a fact keeps at least one question;
- true/false only for facts nothing else asks, at most 15 % of the bank, half true, half false.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from questions.bank import BankQuestion
from questions.candidate import Candidate

MAX_BLOCK_SHARE = 0.25
MAX_TRUE_FALSE_SHARE = 0.15
TWO_WAY = {"definition", "property"}
STYLE_ORDER = {"default": 0, "predicate": 0, "reverse": 1, "cloze": 2, "forward": 3}

Pick = tuple[Candidate, BankQuestion]


@dataclass(frozen=True)
class Plan:
    chosen: list[Pick]
    not_chosen: list[tuple[Candidate, str]]


def _order(p: Pick) -> tuple[int, int, str]:
    c = p[0]
    return (c.rank, STYLE_ORDER.get(c.style, 5), c.prompt)


def _per_fact(choices: Sequence[Pick]) -> tuple[list[Pick], list[tuple[Candidate, str]]]:
    by_fact: dict[str, list[Pick]] = defaultdict(list)
    for p in choices:
        by_fact[p[0].fact.id].append(p)
    keep: list[Pick] = []
    drop: list[tuple[Candidate, str]] = []
    for picks in by_fact.values():
        picks.sort(key=_order)
        limit = 2 if picks[0][0].fact.kind in TWO_WAY else 1
        styles: set[str] = set()
        for p in picks:
            if len(styles) < limit and p[0].style not in styles:
                keep.append(p)
                styles.add(p[0].style)
            else:
                drop.append((p[0], "fact already asked"))
    return keep, drop


def _cap_blocks(picks: list[Pick]) -> tuple[list[Pick], list[tuple[Candidate, str]]]:
    """Drop the weakest questions of any block over a quarter of the bank."""
    drop: list[tuple[Candidate, str]] = []
    blocks = {p[0].fact.block.id for p in picks}
    if len(blocks) < 4:
        return picks, drop
    for _ in range(8):
        cap = max(3, math.floor(MAX_BLOCK_SHARE * len(picks)))
        counts = Counter(p[0].fact.block.id for p in picks)
        over = {b for b, n in counts.items() if n > cap}
        if not over:
            break
        sections = Counter(p[0].fact.section.index for p in picks)
        out: list[Pick] = []
        seen: Counter[int] = Counter()
        firsts: set[str] = set()
        ranked = sorted(picks, key=lambda p: (p[0].fact.id in firsts, _order(p)))
        for p in ranked:
            b = p[0].fact.block.id
            seen[b] += 1
            firsts.add(p[0].fact.id)
            if b in over and seen[b] > cap and sections[p[0].fact.section.index] > 1:
                drop.append((p[0], "block already gives a quarter of the bank"))
                sections[p[0].fact.section.index] -= 1
                continue
            out.append(p)
        if len(out) == len(picks):
            break
        picks = out
    return picks, drop


def _true_false(
    tf: Sequence[Pick], chosen: Sequence[Pick], sections_asked: set[int]
) -> tuple[list[Pick], list[tuple[Candidate, str]]]:
    asked = {p[0].fact.id for p in chosen}
    pairs: dict[str, dict[bool, Pick]] = defaultdict(dict)
    for p in tf:
        if p[0].fact.id not in asked:
            pairs[p[0].fact.id][p[0].answer == 0] = p
    complete = [v for v in pairs.values() if len(v) == 2]
    complete.sort(
        key=lambda v: (v[True][0].fact.section.index in sections_asked, v[True][0].fact.line)
    )
    limit = math.floor(MAX_TRUE_FALSE_SHARE / (1 - MAX_TRUE_FALSE_SHARE) * len(chosen))
    limit -= limit % 2
    out: list[Pick] = []
    for i, v in enumerate(complete[:limit]):
        out.append(v[i % 2 == 0])
    taken = {id(p[0]) for p in out}
    drop = [(p[0], "true/false: something better asks it, or the 15 % share is full")
            for p in tf if id(p[0]) not in taken]  # fmt: skip
    return out, drop


def make_plan(passed: Sequence[Pick]) -> Plan:
    choices = [p for p in passed if p[0].kind == "choice"]
    tf = [p for p in passed if p[0].kind == "truefalse"]
    chosen, dropped = _per_fact(choices)
    chosen, capped = _cap_blocks(chosen)
    sections = {p[0].fact.section.index for p in chosen}
    tf_chosen, tf_dropped = _true_false(tf, chosen, sections)
    return Plan(chosen + tf_chosen, dropped + capped + tf_dropped)
