"""What the weekly post needs from storage (bot/db/weekly.py implements it)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Protocol

from bot.core.models import ScoreRow
from bot.core.views import Winner
from bot.core.weekly.claim import PostRec, PostStatus
from bot.core.weekly.content import QuestionTally
from bot.core.weekly.schedule import ScheduleRec


class WeeklyStore(Protocol):
    """The SQL the weekly feature needs (bot/db/weekly.py), as `unit.weekly`."""

    async def weekly_schedule(self, team_id: int) -> ScheduleRec | None: ...

    async def save_weekly_schedule(self, rec: ScheduleRec, at: datetime) -> None: ...

    async def enabled_weekly_schedules(self, platform: str | None) -> list[ScheduleRec]: ...

    async def weekly_posts(self, keys: Sequence[tuple[int, date]]) -> list[PostRec]: ...

    async def last_weekly_post(self, team_id: int) -> PostRec | None: ...

    async def insert_weekly_claim(
        self, team_id: int, channel_id: int, week: date, worker: str, now: datetime
    ) -> int | None:
        """A new claimed post row for the week; None when the week has a row already."""
        ...

    async def take_over_weekly_claim(self, post: PostRec, worker: str, now: datetime) -> bool:
        """Claim `post` for `worker` unless it changed since it was read (compare and set)."""
        ...

    async def finish_weekly_post(
        self, post_id: int, status: PostStatus, message_ref: str | None, at: datetime
    ) -> bool: ...

    async def week_rows(self, team_id: int, week: date) -> list[ScoreRow]: ...

    async def question_tallies(
        self, team_id: int, start: datetime, end: datetime
    ) -> list[QuestionTally]: ...

    async def streaks(self, team_id: int, min_streak: int, limit: int) -> list[Winner]: ...
