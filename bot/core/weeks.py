"""Time rules every feature shares: ISO weeks (Monday 00:00) in the team's timezone (UTC by
default), and which timezone names are valid."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.core.errors import QuizError


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


def check_timezone(name: str) -> str:
    """An IANA timezone name zoneinfo knows; QuizError names "timezone"."""
    raw = name.strip()
    if raw:
        try:
            ZoneInfo(raw)
            return raw
        except (ZoneInfoNotFoundError, ValueError):
            pass
    raise QuizError(
        f"unknown timezone {name!r}; use an IANA name like Europe/Berlin or America/New_York",
        field="timezone",
    )
