"""Every answer updates the player's memory of the question: the answer path (rounds,
questions of the day) reads the batch's memories with its other reads and writes each written
answer's memory in the same statement as the answer, so an acked click's memory is written
with it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from bot.core.study.memory import Memory, remember
from bot.core.study.store import MemoryRow


@dataclass(frozen=True)
class Answered:
    team_id: int
    player_id: int
    question_id: int
    correct: bool
    at: datetime


def memories_after(
    current: Mapping[tuple[int, int], Memory], answers: Sequence[Answered]
) -> list[MemoryRow]:
    """Each answer's memory of its question once the answer counts, one row per answer in
    order; `current` holds the (player, question) memories before the batch (absent: never
    answered). A later answer of the same pair builds on the earlier one."""
    memories: dict[tuple[int, int], Memory | None] = dict(current)
    rows: list[MemoryRow] = []
    for a in answers:
        key = (a.player_id, a.question_id)
        memory = remember(memories.get(key), a.correct, a.at)
        memories[key] = memory
        rows.append(MemoryRow(a.team_id, a.player_id, a.question_id, memory))
    return rows
