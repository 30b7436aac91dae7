"""Which of the questions that passed the gates make the bank.

- the best one question per fact;
- a table row is asked once; two-option questions at most four times per list or table,
  the first of the notes first;
- no single block supplies more than a quarter of the bank;
- true/false only for facts nothing else asks, at most 15 % of the bank (one true and one
  false on short notes), half true, half false.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from questions.bank import BankQuestion
from questions.candidate import Candidate

MAX_BLOCK_SHARE = 0.25
#: true/false is the weakest form: never more than this share of a bank of any size
MAX_TRUE_FALSE_SHARE = 0.15
#: short notes may still hold one true and one false statement beside this many other questions
#: (a share of a handful of questions rounds down to none)
SHORT_NOTES_PAIR_AFTER = 2
MAX_TWO_OPTION_PER_SET = 4
#: blanks cut from one sentence: more would paste the same sentence again
MAX_CLOZES = 2
STYLE_ORDER = {"default": 0, "value": 0, "predicate": 0, "command": 0, "computed": 0,
               "reverse": 1, "cloze": 2, "forward": 3}  # fmt: skip

Pick = tuple[Candidate, BankQuestion]


@dataclass(frozen=True)
class Plan:
    chosen: list[Pick]
    not_chosen: list[tuple[Candidate, str]]


#: what a number counts, most worth asking first (a version or year is trivia beside a limit)
ROLE_ORDER = {"quantity": 0, "range": 1, "code": 2, "port": 2, "key": 2, "version": 3, "year": 3}


def _order(p: Pick) -> tuple[int, int, int, int, int, str]:
    """Best first: rank, way of asking, what a number counts, more options, the fuller fact."""
    c = p[0]
    role = ROLE_ORDER.get(c.fact.role.split(":")[0], 1) if c.fact.kind == "number" else 1
    fuller = -len(c.fact.value) if c.fact.kind == "property" else 0
    return (c.rank, STYLE_ORDER.get(c.style, 5), role, -len(c.options), fuller, c.prompt)


def _per_fact(choices: Sequence[Pick]) -> tuple[list[Pick], list[tuple[Candidate, str]]]:
    by_fact: dict[str, list[Pick]] = defaultdict(list)
    for p in choices:
        by_fact[p[0].fact.id].append(p)
    keep: list[Pick] = []
    drop: list[tuple[Candidate, str]] = []
    for picks in by_fact.values():
        picks.sort(key=_order)
        keep.append(picks[0])
        drop += [(p[0], "fact already asked") for p in picks[1:]]
    return keep, drop


def set_of(c: Candidate) -> str:
    """The set of like facts a question belongs to: a list, an enumeration, a table."""
    f = c.fact
    if f.table is not None:
        return f"t{f.block.id}"
    return f.group or f"b{f.block.id}"


def _row_of(c: Candidate) -> str | None:
    """A table row (or a comparison table's attribute): asked once."""
    f = c.fact
    if f.table is None or f.row < 0 or c.style == "predicate":
        return None
    return f"t{f.block.id}:{'c' + str(f.column) if f.table.transposed else 'r' + str(f.row)}"


def _cap_sets(picks: list[Pick]) -> tuple[list[Pick], list[tuple[Candidate, str]]]:
    keep: list[Pick] = []
    drop: list[tuple[Candidate, str]] = []
    two: Counter[str] = Counter()
    clozes: Counter[tuple[int, str]] = Counter()
    rows: set[str] = set()
    for p in sorted(picks, key=lambda p: (p[0].fact.line, _order(p))):
        c = p[0]
        key = set_of(c)
        row = _row_of(c)
        if row is not None and row in rows:
            drop.append((c, "table row already asked"))
        elif c.style == "cloze" and clozes[(c.fact.block.id, c.fact.sentence)] >= MAX_CLOZES:
            drop.append((c, "its sentence is already asked twice"))
        elif len(c.options) == 2 and two[key] >= MAX_TWO_OPTION_PER_SET:
            drop.append((c, "two-option questions of its set are enough"))
        else:
            keep.append(p)
            two[key] += len(c.options) == 2
            clozes[(c.fact.block.id, c.fact.sentence)] += c.style == "cloze"
            if row is not None:
                rows.add(row)
    return keep, drop


def _cap_blocks(picks: list[Pick]) -> tuple[list[Pick], list[tuple[Candidate, str]]]:
    """Drop the weakest questions of any block over a quarter of the bank."""
    drop: list[tuple[Candidate, str]] = []
    if len({p[0].fact.block.id for p in picks}) < 4:
        return picks, drop
    for _ in range(8):
        cap = max(3, math.floor(MAX_BLOCK_SHARE * len(picks)))
        counts = Counter(p[0].fact.block.id for p in picks)
        over = {b for b, n in counts.items() if n > cap}
        if not over:
            break
        seen: Counter[int] = Counter()
        out: list[Pick] = []
        for p in sorted(picks, key=_order):
            b = p[0].fact.block.id
            seen[b] += 1
            if b in over and seen[b] > cap:
                drop.append((p[0], "block already gives a quarter of the bank"))
                continue
            out.append(p)
        picks = out
    return picks, drop


def true_false_limit(others: int) -> int:
    """How many true/false questions a bank with this many other questions may hold: the share,
    or one pair on short notes."""
    share = math.floor(MAX_TRUE_FALSE_SHARE / (1 - MAX_TRUE_FALSE_SHARE) * others)
    return max(share, 2 if others >= SHORT_NOTES_PAIR_AFTER else 0)


def _true_false(
    tf: Sequence[Pick], chosen: Sequence[Pick]
) -> tuple[list[Pick], list[tuple[Candidate, str]]]:
    asked = {p[0].fact.id for p in chosen}
    rows = {_row_of(p[0]) for p in chosen} - {None}
    sentences = {(p[0].fact.block.id, p[0].fact.sentence) for p in chosen}
    sections_asked = {p[0].fact.section.index for p in chosen}
    pairs: dict[str, dict[bool, Pick]] = defaultdict(dict)
    for p in tf:
        f = p[0].fact
        if f.id in asked or _row_of(p[0]) in rows or (f.block.id, f.sentence) in sentences:
            continue  # its row or its sentence is already asked: nothing new to test
        pairs[f.id][p[0].answer == 0] = p
    complete = [v for v in pairs.values() if len(v) == 2]
    complete.sort(
        key=lambda v: (v[True][0].fact.section.index in sections_asked, v[True][0].fact.line)
    )
    limit = true_false_limit(len(chosen))
    picked: list[dict[bool, Pick]] = []
    for v in complete:
        row = _row_of(v[True][0])
        if len(picked) < limit and (row is None or row not in rows):
            picked.append(v)
            rows.add(row)
    picked = picked[: len(picked) - len(picked) % 2]  # as many true as false
    out: list[Pick] = [v[i % 2 == 0] for i, v in enumerate(picked)]
    taken = {id(p[0]) for p in out}
    drop = [(p[0], "true/false: something better asks it, or its share is full")
            for p in tf if id(p[0]) not in taken]  # fmt: skip
    return out, drop


def make_plan(passed: Sequence[Pick]) -> Plan:
    choices = [p for p in passed if p[0].kind == "choice"]
    tf = [p for p in passed if p[0].kind == "truefalse"]
    chosen, dropped = _per_fact(choices)
    chosen, capped = _cap_sets(chosen)
    chosen, blocked = _cap_blocks(chosen)
    tf_chosen, tf_dropped = _true_false(tf, chosen)
    return Plan(chosen + tf_chosen, dropped + capped + blocked + tf_dropped)
