"""Wrong options of the answer's own type, drawn from the same notes first.

Tiers: the fact's siblings (same list, same table column), then the same section, then the
document; each tier ranked by closeness to the answer, ties broken by a hash of the fact so the
result is stable. Numbers get near misses in the same unit (other values of the notes, then x2,
/2, x10, /10), with the answer's rank among them varied so it is never always the middle one.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from questions.candidate import stable_int
from questions.facts.model import Fact
from questions.parse.model import Document
from questions.text import STOP_EN, contains, norm
from questions.values import (
    Number,
    compatible,
    fmt_number,
    numbers_in,
    parse_number,
    signature,
    with_value,
)

MAX_OPTION = 80
#: distractors come from this many sections either side: near in the notes, and linear in cost
SECTION_WINDOW = 12
_CMD = re.compile(r"^\s*([a-z][\w-]*(?:\s+[a-z][\w-]*){1,2})", re.M)


@dataclass(frozen=True)
class Entry:
    text: str
    sig: str
    section: int
    kind: str  # term (a defined term, table key), code, bold, cell, cmd


def span_kind(fact: Fact, span: str) -> str:
    """How the notes marked a span: the kind its distractors should share."""
    if span in fact.block.inline.code:
        return "code"
    if span in fact.block.inline.strong:
        return "bold"
    return "term"


class Pool:
    """Every typed value of one document, to draw distractors from."""

    def __init__(self, doc: Document, facts: Sequence[Fact]) -> None:
        self.entries: list[Entry] = []
        self.numbers: dict[str, list[float]] = {}
        self.heads: set[str] = set()
        seen: set[tuple[str, int, str]] = set()
        for b in doc.blocks:
            if b.kind == "code":
                self.heads |= {m.group(1).split()[0] for m in _CMD.finditer(b.code)}

        def add(text: str, section: int, kind: str) -> None:
            text = " ".join(text.split()).strip()
            if not text or len(text) > MAX_OPTION or (text, section, kind) in seen:
                return
            if text.lower() in STOP_EN or not re.search(r"[A-Za-z0-9\u4e00-\u9fff]", text):
                return
            seen.add((text, section, kind))
            self.entries.append(Entry(text, self.sig(text), section, kind))

        for f in facts:
            if f.kind in ("definition", "property", "default"):
                add(f.subject, f.section.index, "term")
            if f.kind == "property" and len(f.value) <= MAX_OPTION:
                add(f.value, f.section.index, "cell")
            if f.kind == "default":
                add(f.value, f.section.index, "term")
                for s in f.siblings:
                    add(s, f.section.index, "term")
        for b in doc.blocks:
            if b.noise is None:
                for span in b.inline.code:
                    add(span, b.section.index, "code")
                for span in b.inline.strong:
                    add(span, b.section.index, "bold")
                for n in numbers_in(b.text):
                    if n.unit:
                        self.numbers.setdefault(n.unit, []).append(n.value)
            elif b.kind == "code":
                for m in _CMD.finditer(b.code):
                    add(m.group(1), b.section.index, "cmd")
        self.by_section: dict[int, list[Entry]] = {}
        for e in self.entries:
            self.by_section.setdefault(e.section, []).append(e)

    def sig(self, text: str) -> str:
        """The text's signature; a line starting with a command of the notes' code is a cmd."""
        words = text.split()
        if len(words) >= 2 and words[0] in self.heads:
            return "cmd"
        return signature(text)

    def terms(
        self,
        answer: str,
        fact: Fact,
        prefer: Iterable[str] = (),
        avoid: str = "",
        want: int = 3,
        kind: str = "term",
        same_section: bool = False,
    ) -> list[str]:
        """Up to `want` distractors of the answer's type and kind: siblings, then the same
        section, then the document; another kind of the same type only as a last resort."""
        sig = self.sig(answer)
        tiers: list[list[str]] = [[p for p in prefer if compatible(self.sig(p), sig)], [], [], []]
        here = fact.section.index
        for section in range(here - SECTION_WINDOW, here + SECTION_WINDOW + 1):
            for e in self.by_section.get(section, ()):
                if not compatible(e.sig, sig):
                    continue
                if e.kind == kind or (kind == "cmd" and e.sig == "cmd"):
                    tiers[1 if e.section == here else 2].append(e.text)
                elif e.section == here and e.sig == sig:
                    tiers[3].append(e.text)
        if same_section:
            tiers[2] = tiers[3] = []
        out: list[str] = []
        for tier in tiers:
            ranked = sorted(set(tier), key=lambda t: (_distance(answer, t), stable_int(fact.id, t)))
            for t in ranked:
                if len(out) >= want:
                    return out
                if acceptable(t, answer, out, avoid):
                    out.append(t)
        return out

    def near_numbers(self, answer: Number, fact: Fact, want: int = 3) -> list[str]:
        """Same-unit values: others from the notes, then magnitude slips; answer rank varied."""
        v = answer.value
        pool = {x for x in self.numbers.get(answer.unit, []) if x != v and x > 0}
        if answer.unit == "%":
            pool |= {x for x in (5, 10, 20, 25, 50, 75, 100) if x != v}
        slips = {v * 2, v / 2, v * 10, v / 10, v * 4, v / 4}
        if v < 10:
            slips |= {v + 1, v - 1}
        if v == int(v):
            slips = {s for s in slips if s == int(s)}
        pool |= {s for s in slips if s > 0 and s != v}
        if answer.unit == "%":
            pool = {x for x in pool if x <= 100}
        if not pool:
            return []
        near = sorted(pool, key=lambda x: (abs(math.log(x / v)) if v > 0 else x, x))[: want * 2]
        lower = sorted((x for x in near if x < v), reverse=True)
        upper = sorted(x for x in near if x > v)
        k = stable_int("rank", fact.id) % (want + 1)
        k = min(k, len(lower))
        chosen = lower[:k] + upper[: want - k]
        if len(chosen) < want:
            chosen += [x for x in lower[k:] if x not in chosen][: want - len(chosen)]
        return [with_value(answer, x) for x in sorted(chosen)]


def _distance(answer: str, other: str) -> tuple[float, int]:
    """Closeness for ranking: similar length and shared characters make plausible options."""
    a, b = norm(answer), norm(other)
    if not a or not b:
        return (9.0, 0)
    ratio = max(len(a), len(b)) / min(len(a), len(b))
    shared = len(set(a) & set(b)) / len(set(a) | set(b))
    return (round(ratio - shared, 2), 0)


def acceptable(option: str, answer: str, taken: Sequence[str], avoid: str = "") -> bool:
    """A distractor must be a different thing of similar form: never a blank, never the answer
    inside it (or it inside the answer), never already in the question's own sentence."""
    o, a = norm(option), norm(answer)
    if not o or "___" in option or len(option) > MAX_OPTION:
        return False
    if o == a:
        return False
    numeric = parse_number(option) is not None and parse_number(answer) is not None
    if not numeric and (o in a or a in o):
        return False
    if any(o == norm(t) or (not numeric and (o in norm(t) or norm(t) in o)) for t in taken):
        return False
    if avoid and contains(avoid, option):
        return False
    long_, short = max(len(option), len(answer)), min(len(option), len(answer))
    return long_ <= 2.5 * max(short, 4)


def number_of(text: str) -> Number | None:
    return parse_number(text)


__all__ = ["Entry", "Pool", "acceptable", "fmt_number", "number_of"]
