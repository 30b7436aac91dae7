"""What study needs from storage (bot/db/study.py implements it, as `unit.study`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol

from bot.core.models import QuestionRec
from bot.core.study.daily import DailyPostRec, DailyRec, PostState
from bot.core.study.memory import Memory
from bot.core.study.views import TopicMastery


@dataclass(frozen=True)
class MemoryRow:
    """A memory to write: whose, of which question."""

    team_id: int
    player_id: int
    question_id: int
    memory: Memory


class StudyStore(Protocol):
    async def memories(self, pairs: Sequence[tuple[int, int]]) -> dict[tuple[int, int], Memory]:
        """The memories of these (player, question) pairs that exist."""
        ...

    async def replace_memory(self, row: MemoryRow, expected_answered: int) -> bool:
        """Replace the memory only if it still has `expected_answered` answers (compare and
        set: of two clicks on one review card, one counts)."""
        ...

    async def due_reviews(
        self, team_id: int, player_id: int, horizon: datetime, reviewed_before: datetime, limit: int
    ) -> list[tuple[QuestionRec, Memory]]:
        """Questions the team may still be asked whose memory is due before `horizon` and was
        last reviewed before `reviewed_before`, soonest due first."""
        ...

    async def next_due(self, team_id: int, player_id: int, after: datetime) -> datetime | None:
        """The earliest due moment after `after` among the player's usable questions."""
        ...

    async def record_review(
        self, team_id: int, player_id: int, question_id: int, correct: bool, at: datetime
    ) -> None: ...

    async def answer_moments(self, team_id: int, player_id: int, since: datetime) -> list[datetime]:
        """When the player answered anything (rounds and reviews) since `since`."""
        ...

    async def mastery(
        self, team_id: int, player_id: int, horizon: datetime
    ) -> list[TopicMastery]: ...

    async def find_player(self, team_id: int, name: str) -> tuple[str, str] | None:
        """(external id, display name) of the team's player with this external id or, else,
        this display name (case-insensitive); None when there is none or several."""
        ...

    # the question of the day
    async def daily_schedule(self, channel_id: int) -> DailyRec | None: ...

    async def team_daily_schedules(self, team_id: int) -> list[DailyRec]: ...

    async def save_daily_schedule(self, rec: DailyRec, at: datetime) -> None: ...

    async def enabled_daily_schedules(self, platform: str | None) -> list[tuple[DailyRec, str]]:
        """Every enabled schedule (of one platform's teams), with its team's timezone."""
        ...

    async def daily_posts(
        self, keys: Sequence[tuple[int, date]]
    ) -> dict[tuple[int, date], DailyPostRec]:
        """The claims on these (channel, day) pairs that exist."""
        ...

    async def claim_daily(
        self, team_id: int, channel_id: int, day: date, worker: str, now: datetime
    ) -> int | None:
        """The new claim's id (being posted, attempt 1); None when the day's question is
        claimed already (the database's unique key decides between racing replicas)."""
        ...

    async def retake_daily(
        self, post_id: int, worker: str, now: datetime, refused_before: datetime
    ) -> bool:
        """Claim a refused post for one more attempt, if it is still refused, has attempts
        left and was refused before `refused_before`; False when another replica took it."""
        ...

    async def finish_daily(self, post_id: int, status: PostState) -> bool:
        """Record how posting went, if the post is still being posted."""
        ...

    async def set_daily_round(self, post_id: int, round_id: int) -> None: ...

    async def team_results(
        self, team_id: int, question_ids: Sequence[int]
    ) -> dict[int, tuple[int, int]]:
        """(answers, right answers) the team gave to each question in its rounds."""
        ...
