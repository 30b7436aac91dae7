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
    """The SQL the weekly feature needs (bot/db/queries_weekly.py), on the same unit of work."""

    async def weekly_schedule(self, team_id: int) -> ScheduleRec | None: ...

    async def save_weekly_schedule(self, rec: ScheduleRec, at: datetime) -> None: ...

    async def enabled_weekly_schedules(self, platform: str | None) -> list[ScheduleRec]: ...

    async def weekly_posts(self, keys: Sequence[tuple[int, date]]) -> list[PostRec]: ...

    async def last_weekly_post(self, team_id: int) -> PostRec | None: ...

    async def claim_weekly_post(
        self,
        team_id: int,
        channel_id: int,
        week: date,
        worker: str,
        now: datetime,
        stale_before: datetime,
    ) -> int | None: ...

    async def finish_weekly_post(
        self, post_id: int, status: PostStatus, message_ref: str | None, at: datetime
    ) -> bool: ...

    async def week_rows(self, team_id: int, week: date) -> list[ScoreRow]: ...

    async def question_tallies(
        self, team_id: int, start: datetime, end: datetime
    ) -> list[QuestionTally]: ...

    async def streaks(self, team_id: int, min_streak: int, limit: int) -> list[Winner]: ...
