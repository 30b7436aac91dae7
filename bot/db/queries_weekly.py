"""SQL for the weekly leaderboard posts (schedules, claims, the week's figures).

A mixin of SqlUnit: the methods run inside the unit's transaction (`self.session`)."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession


class WeeklyQueries:
    session: AsyncSession
    dialect: str
