"""Two questions of one bank must not offer the very same options for different keys.

"Which version runs on QUIC?" and "Which version multiplexes streams over one TCP connection?"
among the same four versions: whoever saw the first answer crosses it off the second. Where
the notes hold more of the family than one question offers (more status codes, more methods,
more paths), the later question (the weaker, by the plan's order) is offered other members
instead of the earlier questions' keys. Where the family is no larger than its options (a pair,
three QoS classes, four acronyms defined side by side), both stay as they are: each is a fact
of its own, dropping one would leave it unasked, and offering fewer options would only do what
crossing off the earlier key does.

Replacements are members the notes already offer beside this set's own members (options of
other questions that share at least two of them), so they are of the family's kind; each
varied question passes the gates again.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from questions.bank import BankQuestion
from questions.candidate import Candidate, place_answer
from questions.distractors import acceptable, sort_numeric
from questions.generators.tables import overlaps
from questions.shorthand import options_as_asked
from questions.text import norm

if TYPE_CHECKING:
    from _typeshed import SupportsRichComparison

Pick = tuple[Candidate, BankQuestion]
#: ways of asking whose options any member of the family may fill; a default, a yes/no column,
#: a procedure's steps or a computed value offer one line's own set and nothing else
VARIABLE_STYLES = frozenset({"reverse", "forward", "cloze", "meaning", "value", "command"})
#: members sharing this many options with a set are of its family
KIN = 2


class Families:
    """Which options the notes offer beside which: the options of every question that passed."""

    def __init__(self, passed: Sequence[Candidate]) -> None:
        self._sets: list[tuple[str, ...]] = []
        self._by_option: dict[str, list[int]] = defaultdict(list)
        seen: set[tuple[str, ...]] = set()
        for c in passed:
            if c.kind != "choice" or c.options in seen:
                continue
            seen.add(c.options)
            for o in c.options:
                self._by_option[o].append(len(self._sets))
            self._sets.append(c.options)

    def members(self, options: Sequence[str]) -> list[str]:
        """Options offered beside at least KIN of these, most often first, then as first met."""
        mine = set(options)
        shared: Counter[int] = Counter(i for o in mine for i in self._by_option.get(o, ()))
        count: Counter[str] = Counter()
        first: dict[str, int] = {}
        for i, n in sorted(shared.items()):
            if n < KIN:
                continue
            for o in self._sets[i]:
                if o not in mine:
                    count[o] += 1
                    first.setdefault(o, len(first))
        return sorted(count, key=lambda o: (-count[o], first[o]))


def _fits_table(c: Candidate, option: str) -> bool:
    """A table question takes only its own table's rows (reverse) or its column's cells
    (forward), and never one whose cell says what the asked cell says."""
    f = c.fact
    t = f.table
    if t is None:
        return True
    column = t.column(f.column) if f.column >= 0 else []
    if c.style == "reverse":
        if option not in t.keys or not column:
            return False
        cell = column[t.keys.index(option)]
        return not overlaps(cell, f.value) and norm(option) not in norm(f.value)
    return option in column and not overlaps(option, f.value)


def _program(option: str) -> str:
    """The first word of a command line ("systemctl" of `systemctl mask nginx`), else ""."""
    words = option.strip("`").split()
    return words[0] if len(words) > 1 else ""


def _with_options(c: Candidate, wrong: Sequence[str]) -> Candidate:
    ordered = sort_numeric([c.answer_text, *wrong])
    if ordered is not None:
        return replace(c, options=tuple(ordered), answer=ordered.index(c.answer_text))
    opts, pos = place_answer(c.answer_text, wrong, f"{c.fact.id}:{c.style}")
    return replace(c, options=opts, answer=pos)


def twins(a: str, b: str) -> bool:
    """Two names one letter apart ("st1" / "sc1", "io1" / "io2") or three words or more alike
    but for the last ("Volume Gateway Stored" / "… Cached"): each the other's natural
    confusable."""
    x, y = a.strip().casefold(), b.strip().casefold()
    if x == y or not (x[:1].isalpha() and y[:1].isalpha()):
        return False  # numbers (201 / 204, 5m / 4m) are spread by their own rules
    wx, wy = x.split(), y.split()
    if len(wx) >= 3 and len(wx) == len(wy):
        return wx[:-1] == wy[:-1]  # (two words alike but the last: any CLI's commands)
    if len(wx) == len(wy) == 1 and len(x) == len(y) >= 2:
        return sum(p != q for p, q in zip(x, y, strict=True)) == 1
    return False


def _variant(
    c: Candidate, avoid: set[str], members: Sequence[str], fits: Callable[[Candidate, str], bool]
) -> Candidate | None:
    """The question with as many of the avoided options as the family allows swapped for other
    members, as many options as before; None when no member can take an avoided one's place
    (fewer options would only do what crossing off the earlier key does)."""
    if len(c.options) <= 2:
        return None  # a pair the notes set against each other is the question itself
    wrong = list(c.distractors)
    spare = iter(members)
    for i, w in enumerate(wrong):
        if w not in avoid or twins(w, c.answer_text):
            continue  # st1 beside sc1 stays: the name a reader confuses the key with
        others = [x for j, x in enumerate(wrong) if j != i]
        program = _program(w) if _program(w) == _program(c.answer_text) else ""
        for m in spare:
            if m in avoid or m in wrong or not _fits_table(c, m) or not fits(c, m):
                continue
            if program and _program(m) != program:
                continue  # `journalctl …` would stand out among `systemctl …` lines
            if acceptable(m, c.answer_text, others, avoid=c.prompt, sibling=True):
                wrong[i] = m
                break
    return _with_options(c, wrong) if wrong != c.distractors else None


def vary(
    chosen: Sequence[Pick],
    passed: Sequence[Candidate],
    order: Callable[[Pick], SupportsRichComparison],
    recheck: Callable[[Candidate, BankQuestion], str | None],
    fits: Callable[[Candidate, str], bool],
) -> list[Pick]:
    """The chosen questions, a later one of a repeated option set offered other members of its
    family instead of the earlier questions' keys, where the notes have them and the question
    still passes the gates."""
    families = Families(passed)
    served: dict[frozenset[str], list[str]] = defaultdict(list)  # a set -> the keys it serves
    out: dict[int, Pick] = {}
    for n in sorted(range(len(chosen)), key=lambda i: order(chosen[i])):
        c, q = chosen[n]
        mine = frozenset(c.options)
        earlier = {k for k in served.get(mine, ()) if k != c.answer_text}
        if c.kind == "choice" and earlier and c.style in VARIABLE_STYLES:
            v = _variant(c, earlier, families.members(c.options), fits)
            if v is not None:
                taken = [k for k in served.get(frozenset(v.options), ()) if k != c.answer_text]
                moved = replace(q, choices=options_as_asked(v.options), answer=v.answer)
                if not taken and recheck(v, moved) is None:
                    c, q = v, moved
        served[mine].append(c.answer_text)
        if frozenset(c.options) != mine:
            served[frozenset(c.options)].append(c.answer_text)
        out[n] = (c, q)
    return [out[n] for n in range(len(chosen))]
