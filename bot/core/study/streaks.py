"""The study-day streak: the one rule for it. A study day is a local day (team timezone) on
which the player answered anything: a round's question, a review or a question of the day.
The streak is the run of consecutive study days ending today, or yesterday (today is not over
yet, so an unstudied today does not break it)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

STREAK_LOOKBACK = timedelta(days=400)  # how far back the moments are read; longer shows as this


def study_days(moments: Iterable[datetime], tz: str) -> set[date]:
    zone = ZoneInfo(tz)
    return {m.astimezone(zone).date() for m in moments}


def study_streak(moments: Iterable[datetime], now: datetime, tz: str) -> int:
    """Consecutive study days ending today or yesterday, from the moments the player answered."""
    days = study_days(moments, tz)
    today = now.astimezone(ZoneInfo(tz)).date()
    day = today if today in days else today - timedelta(days=1)
    streak = 0
    while day in days:
        streak += 1
        day -= timedelta(days=1)
    return streak
