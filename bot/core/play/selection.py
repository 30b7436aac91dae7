"""Which questions a round asks, and in which choice order: never repeated within a round, never
two on the same fact (questions a generator made from one fact share it), least recently asked
in the team first, fresh ties broken at random."""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import datetime

from bot.core.models import QuestionRec

LETTERS = "ABCDE"


def choose_questions(
    candidates: Sequence[tuple[QuestionRec, datetime | None]], n: int, rng: random.Random
) -> list[QuestionRec]:
    """Up to n distinct questions, one per fact: never-asked first, then the longest ago
    asked. A question whose fact (within its deck) a picked one has is passed over."""
    keyed = [
        (last is not None, last.timestamp() if last else 0.0, rng.random(), q)
        for q, last in candidates
    ]
    keyed.sort(key=lambda k: (k[0], k[1], k[2]))
    picked: list[QuestionRec] = []
    seen: set[int] = set()
    facts: set[tuple[int | None, str]] = set()
    for *_, q in keyed:
        fact = (q.deck_id, q.fact) if q.fact is not None else None
        if q.id in seen or fact in facts:
            continue
        picked.append(q)
        seen.add(q.id)
        if fact is not None:
            facts.add(fact)
        if len(picked) == n:
            break
    return picked


def choice_order(question: QuestionRec, rng: random.Random) -> tuple[int, ...]:
    """Shuffle choices so the answer is not always in the same place. True/False and lettered
    choices (A, B, C... standing for options written in the prompt) stay in order."""
    order = list(range(len(question.choices)))
    lettered = question.choices == tuple(LETTERS[: len(question.choices)])
    if question.kind != "truefalse" and not lettered:
        rng.shuffle(order)
    return tuple(order)
