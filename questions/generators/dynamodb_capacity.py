"""Computed DynamoDB capacity questions, from the rules the notes state.

Fires only when the notes state the unit sizes ("One read request unit … up to 4 KB", "One
write request unit … up to 1 KB"); the consistency rules asked are the ones the notes mention
(eventually consistent = half, transactional = double). Distractors are what the usual
mistakes give: not rounding each item up, the wrong consistency mode, the other unit size.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from questions.candidate import Candidate
from questions.distractors import Pool
from questions.facts.model import Fact
from questions.generators.common import build
from questions.parse.model import Block, Document

NAME = "dynamodb_capacity"


@dataclass(frozen=True)
class Scenario:
    op: str  # read | write
    mode: str  # strong | eventual | transactional (read); standard | transactional (write)
    size_kb: float
    rate: int


#: one scenario per operation and mode; answers never equal a number shown in the prompt
SCENARIOS = (
    Scenario("read", "strong", 6, 10),
    Scenario("read", "eventual", 10, 20),
    Scenario("read", "transactional", 5, 10),
    Scenario("write", "standard", 2.5, 10),
    Scenario("write", "transactional", 1.5, 10),
)

_MODE_TEXT = {
    ("read", "strong"): "strongly consistent reads",
    ("read", "eventual"): "eventually consistent reads",
    ("read", "transactional"): "transactional reads",
    ("write", "standard"): "standard (non-transactional) writes",
    ("write", "transactional"): "transactional writes",
}
_RULE = re.compile(
    r"\bone (?P<op>read|write) (?P<kind>request|capacity) units?\b.*?\b(?P<kb>\d+)\s?KB", re.I
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


@dataclass(frozen=True)
class Rules:
    sizes: dict[str, tuple[int, str, Block]]  # op -> (KB, "request"|"capacity", block)
    modes: set[str]


def rules(doc: Document) -> Rules:
    """The unit sizes the notes state, and the consistency modes they mention."""
    sizes: dict[str, tuple[int, str, Block]] = {}
    modes = {"strong", "standard"}
    for b in doc.content:
        if b.kind not in ("paragraph", "item"):
            continue
        text = b.text.lower()
        if "eventually consistent" in text:
            modes.add("eventual")
        if "transactional" in text:
            modes.add("transactional")
        for m in _RULE.finditer(b.text):
            op = m.group("op").lower()
            sizes.setdefault(op, (int(m.group("kb")), m.group("kind").lower(), b))
    return Rules(sizes, modes)


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


def generate_from(doc: Document) -> list[Candidate]:
    found = rules(doc)
    if not found.sizes:
        return []
    read_kb = found.sizes["read"][0] if "read" in found.sizes else 4
    write_kb = found.sizes["write"][0] if "write" in found.sizes else 1
    out: list[Candidate] = []
    for s in SCENARIOS:
        if s.op not in found.sizes or s.mode not in found.modes:
            continue
        unit_kb, kind, block = found.sizes[s.op]
        answer = capacity_units(s.op, s.mode, s.size_kb, s.rate, read_kb, write_kb)
        wrong: list[int] = []
        for w in mistakes(s, read_kb, write_kb):
            if w > 0 and w != answer and w not in wrong:
                wrong.append(w)
        unit_name = f"{s.op} {kind} units"
        prompt = (
            f"DynamoDB: an application performs {s.rate} {_MODE_TEXT[(s.op, s.mode)]} per second "
            f"on items of {s.size_kb:g} KB each. How many {unit_name} per second does it need?"
        )
        fact = Fact("computed", f"{s.op} {s.mode} {s.size_kb:g} KB x {s.rate}", str(answer),
                    block, block.line, sentence=block.text, span=str(answer),
                    attribute=_explain(s, unit_kb, answer), group=NAME)  # fmt: skip
        c = build(NAME, "computed", fact, prompt, str(answer), [str(w) for w in wrong[:3]],
                  "en", rank=0, query=block.text)  # fmt: skip
        if c is not None:
            values = sorted(c.options, key=int)
            out.append(_sorted(c, values))
    return out


def _sorted(c: Candidate, values: list[str]) -> Candidate:
    from dataclasses import replace

    return replace(c, options=tuple(values), answer=values.index(c.answer_text),
                   explanation=c.fact.attribute)  # fmt: skip


def extras(facts: Sequence[Fact], pool: Pool) -> list[Candidate]:
    """The capacity rules are read from the document itself, not from single facts."""
    return generate_from(pool.doc) if pool.doc is not None else []
