"""Every answer updates the player's memory of the question: the batch step the answer path
(rounds, questions of the day) runs in its own transaction, so an acked click's memory is
written with it. One read for the whole batch, one upsert per answer."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from bot.core.study.memory import Memory, remember
from bot.core.study.store import MemoryRow, StudyStore


@dataclass(frozen=True)
class Answered:
    team_id: int
    player_id: int
    question_id: int
    correct: bool
    at: datetime


async def remember_answers(store: StudyStore, answers: Sequence[Answered]) -> None:
    """Fold each answer into its player's memory of the question, in order."""
    if not answers:
        return
    current: dict[tuple[int, int], Memory | None] = dict(
        await store.memories(sorted({(a.player_id, a.question_id) for a in answers}))
    )
    rows: dict[tuple[int, int], MemoryRow] = {}
    for a in answers:
        key = (a.player_id, a.question_id)
        memory = remember(current.get(key), a.correct, a.at)
        current[key] = memory
        rows[key] = MemoryRow(a.team_id, a.player_id, a.question_id, memory)
    await store.save_memories([rows[k] for k in sorted(rows)])
