"""Computed DynamoDB capacity questions, from the rules the notes state.

The notes give the unit sizes (a read unit covers 4 KB, a write unit 1 KB); the consistency
rules (eventually consistent = half, transactional = double) are DynamoDB's. Only the modes the
notes mention are asked. Distractors are what the usual mistakes give: not rounding each item
up, halving or doubling for the wrong mode, using the other unit size.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from questions.generators.base import Candidate, topic_of
from questions.notes_parser import Fact

NAME = "dynamodb_capacity"

READ_MODES = ("strong", "eventual", "transactional")
WRITE_MODES = ("standard", "transactional")


@dataclass(frozen=True)
class Scenario:
    op: str  # read | write
    mode: str
    size_kb: float
    rate: int


#: fixed scenarios: answers never equal a number shown in the prompt, sizes rarely whole units
SCENARIOS = (
    Scenario("read", "strong", 6, 10),
    Scenario("read", "strong", 9, 5),
    Scenario("read", "strong", 5, 12),
    Scenario("read", "eventual", 10, 20),
    Scenario("read", "eventual", 13, 8),
    Scenario("read", "eventual", 3, 30),
    Scenario("read", "transactional", 5, 10),
    Scenario("read", "transactional", 7, 3),
    Scenario("write", "standard", 2.5, 10),
    Scenario("write", "standard", 1.5, 25),
    Scenario("write", "transactional", 1.5, 10),
    Scenario("write", "transactional", 3, 7),
)


def capacity_units(
    op: str, mode: str, size_kb: float, rate: int, read_kb: int = 4, write_kb: int = 1
) -> int:
    """Request units per second: round each item up to whole units, then apply the mode."""
    per_item = math.ceil(size_kb / (read_kb if op == "read" else write_kb))
    if mode == "eventual":
        return math.ceil(per_item * rate / 2)
    if mode == "transactional":
        return 2 * per_item * rate
    return per_item * rate


def mistakes(s: Scenario, read_kb: int = 4, write_kb: int = 1) -> list[int]:
    """The answers people get by the classic slips, most common first."""
    unit = read_kb if s.op == "read" else write_kb
    factor = {"eventual": 0.5, "transactional": 2.0}.get(s.mode, 1.0)
    out = [math.ceil(s.size_kb * s.rate / unit * factor)]  # total size, not each item, rounded
    wrong_modes: tuple[str, ...]
    if s.op == "read":
        wrong_modes = {
            "strong": ("eventual", "transactional"),
            "eventual": ("strong", "transactional"),
            "transactional": ("strong", "eventual"),
        }[s.mode]
    else:
        wrong_modes = ("transactional",) if s.mode == "standard" else ("standard",)
    out += [capacity_units(s.op, m, s.size_kb, s.rate, read_kb, write_kb) for m in wrong_modes]
    other = write_kb if s.op == "read" else read_kb  # the other operation's unit size
    out.append(capacity_units(s.op, s.mode, s.size_kb, s.rate, other, other))
    out.append(math.floor(s.size_kb / unit) * s.rate or 1)  # rounded down
    return out


_MODE_TEXT = {
    ("read", "strong"): "strongly consistent reads",
    ("read", "eventual"): "eventually consistent reads",
    ("read", "transactional"): "transactional reads",
    ("write", "standard"): "standard (non-transactional) writes",
    ("write", "transactional"): "transactional writes",
}


def _rules(facts: Sequence[Fact]) -> tuple[dict[str, tuple[int, Fact]], set[str]]:
    """Unit sizes and the modes the notes mention, with the fact each rule came from."""
    sizes: dict[str, tuple[int, Fact]] = {}
    text = ""
    for f in facts:
        if f.kind != "statement":
            continue
        text += " " + f.text.lower()
        for op in ("read", "write"):
            m = re.search(
                rf"\bone {op} (?:request|capacity) units?\b.*?\b(\d+)\s?KB", f.text, re.IGNORECASE
            )
            if m and op not in sizes:
                sizes[op] = (int(m.group(1)), f)
    modes = {"strong", "standard"}
    if "eventually consistent" in text:
        modes.add("eventual")
    if "transactional" in text:
        modes.add("transactional")
    return sizes, modes


def _explain(s: Scenario, unit_kb: int, answer: int) -> str:
    per_item = math.ceil(s.size_kb / unit_kb)
    base = (
        f"One {s.op} unit covers {unit_kb} KB, so a {s.size_kb:g} KB item needs "
        f"ceil({s.size_kb:g} / {unit_kb}) = {per_item} unit(s) per {s.op}"
    )
    if s.mode == "eventual":
        return (
            f"{base}; eventually consistent reads cost half: {per_item} × {s.rate} / 2 = {answer}."
        )
    if s.mode == "transactional":
        return f"{base}; transactional {s.op}s cost double: 2 × {per_item} × {s.rate} = {answer}."
    return f"{base}: {per_item} × {s.rate} = {answer}."


def generate(facts: Sequence[Fact], title: str, file: str) -> list[Candidate]:
    sizes, modes = _rules(facts)
    if "read" not in sizes and "write" not in sizes:
        return []
    read_kb = sizes["read"][0] if "read" in sizes else 4
    write_kb = sizes["write"][0] if "write" in sizes else 1
    out: list[Candidate] = []
    for s in SCENARIOS:
        if s.op not in sizes or s.mode not in modes:
            continue
        unit_kb, fact = sizes[s.op]
        answer = capacity_units(s.op, s.mode, s.size_kb, s.rate, read_kb, write_kb)
        wrong: list[int] = []
        for w in mistakes(s, read_kb, write_kb):
            if w > 0 and w != answer and w not in wrong:
                wrong.append(w)
        values = sorted([answer, *wrong[:3]])
        topic = topic_of(fact, title)
        unit_name = "read request units" if s.op == "read" else "write request units"
        if "capacity unit" in fact.text.lower():
            unit_name = unit_name.replace("request", "capacity")
        prompt = (
            f"DynamoDB: an application performs {s.rate} {_MODE_TEXT[(s.op, s.mode)]} per second "
            f"on items of {s.size_kb:g} KB each. How many {unit_name} per second does it need?"
        )
        out.append(
            Candidate(
                NAME,
                "choice",
                topic,
                prompt,
                tuple(str(v) for v in values),
                values.index(answer),
                _explain(s, unit_kb, answer),
                file,
                fact.line,
                fact.section.key,
                "value:units",
                f"{NAME}:{s.op}:{s.mode}:{s.size_kb}:{s.rate}",
                fact.text,
            )
        )
    return out
