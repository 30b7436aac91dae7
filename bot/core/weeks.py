"""Week boundaries: ISO weeks (Monday 00:00) in the team's timezone, UTC by default."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo


def week_start(moment: datetime, tz: str = "UTC") -> date:
    """The Monday that starts the ISO week holding `moment`, in timezone `tz`."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    local = moment.astimezone(ZoneInfo(tz))
    return local.date() - timedelta(days=local.weekday())


def previous_week(start: date) -> date:
    return start - timedelta(days=7)


def utcnow() -> datetime:
    return datetime.now(UTC)
