"""When a team's weekly post is due: the schedule, its input checks and the time rules
(ISO weeks in the schedule's timezone, DST-correct through zoneinfo)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import TypeVar
from zoneinfo import ZoneInfo

from bot.core.errors import QuizError, ValidationFailed
from bot.core.models import ChannelRef, TeamRef
from bot.core.views import Notice
from bot.core.weeks import check_timezone, week_start
from questions.bank import Problem

_In = TypeVar("_In")
_Out = TypeVar("_Out")

DEFAULT_WEEKDAY = 0  # Monday


DEFAULT_HOUR = 9


WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


_WEEKDAY_ALIASES = {"tues": 1, "weds": 2, "thur": 3, "thurs": 3}


@dataclass(frozen=True)
class Schedule:
    """When a team's weekly post goes out: local weekday (0 = Monday) and hour in `timezone`."""

    weekday: int = DEFAULT_WEEKDAY
    hour: int = DEFAULT_HOUR
    timezone: str = "UTC"

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)


@dataclass(frozen=True)
class ScheduleRec:
    """A stored schedule. `effective_from` is when its channel or time last changed."""

    team_id: int
    channel_id: int
    schedule: Schedule
    enabled: bool = True
    nudge_when_empty: bool = True
    effective_from: datetime | None = None


@dataclass(frozen=True)
class ScheduleInfo:
    """What `weekly set/off/show` report back; adapters show `.text` (or `.notice()`)."""

    team: TeamRef
    enabled: bool
    channel: ChannelRef | None = None
    schedule: Schedule | None = None
    nudge_when_empty: bool = True
    next_post_at: datetime | None = None  # UTC
    last_posted_week: date | None = None

    @property
    def text(self) -> str:
        if not self.enabled or self.schedule is None or self.channel is None:
            return "Weekly leaderboard posts are off."
        s = self.schedule
        where = f"#{self.channel.name}" if self.channel.name else self.channel.external_id
        out = (
            f"Weekly leaderboard: {WEEKDAYS[s.weekday].capitalize()}s at {s.hour:02d}:00 "
            f"({s.timezone}) in {where}."
        )
        if self.next_post_at is not None:
            local = self.next_post_at.astimezone(s.zone)
            out += f" Next post: {local:%a %d %b %Y %H:%M %Z}."
        if not self.nudge_when_empty:
            out += " Weeks without games are skipped."
        return out

    def notice(self) -> Notice:
        return Notice(self.text, title="Weekly leaderboard")


def parse_weekday(value: int | str) -> int:
    """0-6 (0 = Monday) or a day name ("mon", "Monday", "tues"); QuizError names "day"."""
    if isinstance(value, int) and not isinstance(value, bool):
        if 0 <= value <= 6:
            return value
    elif isinstance(value, str):
        raw = value.strip().casefold()
        if raw.isdigit() and 0 <= int(raw) <= 6:
            return int(raw)
        if raw in _WEEKDAY_ALIASES:
            return _WEEKDAY_ALIASES[raw]
        for i, name in enumerate(WEEKDAYS):
            if len(raw) >= 3 and name.startswith(raw):
                return i
    raise QuizError(
        f"day must be a weekday name (mon ... sun) or 0-6 with 0 = Monday, not {value!r}",
        field="day",
    )


def parse_hour(value: int | str) -> int:
    """0-23, also written "9", "09" or "09:00"; QuizError names "hour"."""
    hour: int | None = None
    if isinstance(value, int) and not isinstance(value, bool):
        hour = value
    elif isinstance(value, str):
        raw = value.strip()
        if raw.endswith(":00"):
            raw = raw[:-3]
        if raw.isdigit() and len(raw) <= 2:
            hour = int(raw)
    if hour is None or not 0 <= hour <= 23:
        raise QuizError(f"hour must be a whole hour from 0 to 23, not {value!r}", field="hour")
    return hour


def validate_schedule(weekday: int | str, hour: int | str, timezone: str) -> Schedule:
    """All three fields checked at once, so a form can mark every bad one."""
    problems: list[Problem] = []
    day = _checked("day", parse_weekday, weekday, problems)
    hr = _checked("hour", parse_hour, hour, problems)
    tz = _checked("timezone", check_timezone, timezone, problems)
    if day is None or hr is None or tz is None:
        raise ValidationFailed(problems)
    return Schedule(day, hr, tz)


def _checked(
    field: str, parse: Callable[[_In], _Out], value: _In, problems: list[Problem]
) -> _Out | None:
    """`parse(value)`, or None with the error added to `problems` under `field`."""
    try:
        return parse(value)
    except QuizError as exc:
        problems.append(Problem(field, exc.message))
        return None


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def local_moment(day: date, hour: int, tz: str) -> datetime:
    """`day` at `hour`:00 local time, in UTC. A time skipped by a DST jump is read with the
    offset before the jump, so it lands just after the jump (02:00 -> 03:00 in New York)."""
    return datetime.combine(day, time(hour), tzinfo=ZoneInfo(tz)).astimezone(UTC)


def week_bounds(week: date, tz: str) -> tuple[datetime, datetime]:
    """[start, end) of the local week starting `week`, in UTC (a DST week is 167 or 169 h)."""
    return local_moment(week, 0, tz), local_moment(week + timedelta(days=7), 0, tz)


def scheduled_at(schedule: Schedule, week: date) -> datetime:
    """When the post goes out in the week starting `week` (a local Monday), in UTC."""
    return local_moment(week + timedelta(days=schedule.weekday), schedule.hour, schedule.timezone)


def due_week(
    schedule: Schedule, now: datetime, effective_from: datetime | None = None
) -> date | None:
    """The week (its Monday) whose post is due at `now`, or None.

    Due from this week's scheduled time until this week ends; it covers the week before. A
    schedule that took effect after this week's time waits for next week."""
    current = week_start(now, schedule.timezone)
    at = scheduled_at(schedule, current)
    if _aware(now) < at:
        return None
    if effective_from is not None and _aware(effective_from) > at:
        return None
    return current - timedelta(days=7)


def next_post_at(
    schedule: Schedule, now: datetime, effective_from: datetime | None = None
) -> datetime:
    """The next scheduled posting time at or after `now` that the schedule will act on."""
    current = week_start(now, schedule.timezone)
    at = scheduled_at(schedule, current)
    if _aware(now) <= at and (effective_from is None or _aware(effective_from) <= at):
        return at
    return scheduled_at(schedule, current + timedelta(days=7))
