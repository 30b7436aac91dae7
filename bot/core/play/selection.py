"""Which questions a round asks, and in which choice order: never repeated within a round, never
two on the same fact (questions a generator made from one fact share it), none whose answer another
picked one gives away while others are left, least recently asked in the team first, fresh ties
broken at random."""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import datetime

from bot.core.models import QuestionRec
from bot.core.play.reveals import reveal_each_other

LETTERS = "ABCDE"


def choose_questions(
    candidates: Sequence[tuple[QuestionRec, datetime | None]], n: int, rng: random.Random
) -> list[QuestionRec]:
    """Up to n distinct questions, one per fact: never-asked first, then the longest ago
    asked. A question whose fact (within its deck) a picked one has is passed over; so is one
    that a picked one gives away (or that gives a picked one away), unless the round would
    otherwise come up short."""
    keyed = [
        (last is not None, last.timestamp() if last else 0.0, rng.random(), q)
        for q, last in candidates
    ]
    keyed.sort(key=lambda k: (k[0], k[1], k[2]))
    ordered = [q for *_, q in keyed]
    picked: list[QuestionRec] = []
    for allow_reveals in (False, True):
        _pick_more(ordered, n, picked, allow_reveals)
        if len(picked) == n:
            break
    return sorted(picked, key=ordered.index)


def _pick_more(
    ordered: Sequence[QuestionRec], n: int, picked: list[QuestionRec], allow_reveals: bool
) -> None:
    """Add to `picked`, in order, the questions that keep one per fact (and, unless allowed,
    none giving another away), until it holds n."""
    seen = {q.id for q in picked}
    facts = {(q.deck_id, q.fact) for q in picked if q.fact is not None}
    for q in ordered:
        if len(picked) == n:
            return
        fact = (q.deck_id, q.fact) if q.fact is not None else None
        if q.id in seen or fact in facts:
            continue
        if not allow_reveals and any(reveal_each_other(p, q) for p in picked):
            continue
        picked.append(q)
        seen.add(q.id)
        if fact is not None:
            facts.add(fact)


def choice_order(question: QuestionRec, rng: random.Random) -> tuple[int, ...]:
    """Shuffle choices so the answer is not always in the same place. True/False and lettered
    choices (A, B, C... standing for options written in the prompt) stay in order; numbers of
    one unit ("1 KB", "4 KB", "16 KB"), or of units that convert ("30 s", "1 min"), are shown
    ascending, as the generator writes them, so their order says nothing about the answer and
    is easy to read."""
    n = len(question.choices)
    lettered = question.choices == tuple(LETTERS[:n])
    if question.kind == "truefalse" or lettered:
        return tuple(range(n))
    # Imported here: its number pattern takes a few ms to compile, paid by the first round
    # rather than by every bot's start-up.
    from questions.quantities import ascending_order

    ascending = ascending_order(question.choices)
    if ascending is not None:
        return ascending
    order = list(range(n))
    rng.shuffle(order)
    return tuple(order)
