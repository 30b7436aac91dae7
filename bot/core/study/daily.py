"""The question of the day: its schedule and input checks, when a channel's question is due,
and which question it asks. Pure; the service (daily_service.py) reads and writes.

Time rules (DST-correct through zoneinfo):
- The question goes out at a local time (hour:minute in the team's timezone) each day; a time
  a DST jump skips is read with the offset before the jump (02:30 -> 03:30 in New York).
- It is due from that time until the local day ends: a bot that was down catches up within
  the day, never the next day. A schedule set or changed after today's time starts tomorrow.
- Exactly once per channel and day: a unique (channel, day) row is written in the same
  transaction as the question's round, so of two replicas racing one posts.
- A post the platform refused is tried again (the same question, while it is open) on a due
  pass at least RETRY_AFTER later within the local day, up to MAX_POST_ATTEMPTS in all, each
  retry claimed by a guarded update so one replica makes it. A post whose outcome is unknown
  (the process died while posting) is never tried again: it may be out already.
- It stays open for its window (default 8 hours), scores on the weekly board like a round
  question, and its reveal is posted when it closes.
"""

from __future__ import annotations

import random
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from bot.core.errors import QuizError
from bot.core.models import ChannelRef, QuestionRec, TeamRef

DEFAULT_WINDOW_HOURS = 8
MIN_WINDOW_HOURS = 1
MAX_WINDOW_HOURS = 23  # closed before the next day's question
_TIME = re.compile(r"(\d{1,2})(?::(\d{2}))?")
MAX_POST_ATTEMPTS = 3
RETRY_AFTER = timedelta(minutes=1)


class PostState(StrEnum):
    POSTING = "posting"  # claimed, its card being posted (or the poster died: never retaken)
    SENT = "sent"
    FAILED = "failed"  # the platform refused it; tried again while attempts are left
    GIVEN_UP = "given_up"  # refused MAX_POST_ATTEMPTS times, or closed before it went out


@dataclass(frozen=True)
class DailyPostRec:
    """A channel's claim on a day's question, and how posting it went."""

    id: int
    channel_id: int
    day: date
    status: PostState
    attempts: int
    claimed_at: datetime
    round_id: int | None = None


def retry_due(post: DailyPostRec, now: datetime) -> bool:
    """Whether a refused post is to be tried again at `now`."""
    return (
        post.status == PostState.FAILED
        and post.attempts < MAX_POST_ATTEMPTS
        and _aware(post.claimed_at) <= _aware(now) - RETRY_AFTER
    )


def settled(post: DailyPostRec) -> bool:
    """Whether the day's question is done with: sent, given up, or being posted."""
    return post.status != PostState.FAILED


def after_refusal(attempts: int) -> PostState:
    """The state of a post the platform refused on attempt number `attempts`."""
    return PostState.FAILED if attempts < MAX_POST_ATTEMPTS else PostState.GIVEN_UP


@dataclass(frozen=True)
class DailyRec:
    """A channel's stored schedule. `effective_from` is when it was last set."""

    team_id: int
    channel_id: int
    hour: int
    minute: int = 0
    window_minutes: int = DEFAULT_WINDOW_HOURS * 60
    deck_id: int | None = None
    topics: tuple[str, ...] = ()
    enabled: bool = True
    effective_from: datetime | None = None


@dataclass(frozen=True)
class DailyInfo:
    """What `daily set/off/show` report for one channel; adapters show `.text`."""

    team: TeamRef
    channel: ChannelRef
    enabled: bool
    hour: int = 0
    minute: int = 0
    window_minutes: int = DEFAULT_WINDOW_HOURS * 60
    timezone: str = "UTC"
    deck: str | None = None
    topics: tuple[str, ...] = ()
    next_at: datetime | None = None
    stopped: bool = False  # `daily off` turned this one off (False: there was none to stop)

    @property
    def text(self) -> str:
        where = f"#{self.channel.name}" if self.channel.name else self.channel.external_id
        if self.stopped:
            return f"Stopped the question of the day in {where}."
        if not self.enabled:
            return f"There is no question of the day in {where}; nothing changed."
        hours = self.window_minutes / 60
        out = (
            f"Question of the day in {where}: {self.hour:02d}:{self.minute:02d} "
            f"({self.timezone}), open {hours:g} h"
        )
        if self.deck:
            out += f", deck {self.deck}"
        if self.topics:
            out += f", topics {', '.join(self.topics)}"
        out += "."
        if self.next_at is not None:
            local = self.next_at.astimezone(ZoneInfo(self.timezone))
            out += f" Next: {local:%a %d %b %Y %H:%M %Z}."
        return out


def parse_time(value: str) -> tuple[int, int]:
    """ "9", "09", "9:30" or "21:05" (24-hour clock); QuizError names "time"."""
    match = _TIME.fullmatch(value.strip())
    if match:
        hour, minute = int(match[1]), int(match[2] or 0)
        if 0 <= hour <= 23 and 0 <= minute <= 59:
            return hour, minute
    raise QuizError(
        f"time must be a time of day like 09:00 or 17:30 (24-hour clock), not {value!r}",
        field="time",
    )


def parse_window(value: int | str | None) -> int:
    """The window in hours, MIN_WINDOW_HOURS to MAX_WINDOW_HOURS; returned in minutes."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return DEFAULT_WINDOW_HOURS * 60
    raw = str(value).strip().removesuffix("h")
    if raw.isdigit() and MIN_WINDOW_HOURS <= int(raw) <= MAX_WINDOW_HOURS:
        return int(raw) * 60
    raise QuizError(
        f"window must be {MIN_WINDOW_HOURS} to {MAX_WINDOW_HOURS} hours, not {value!r}",
        field="window",
    )


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def local_day(now: datetime, tz: str) -> date:
    return _aware(now).astimezone(ZoneInfo(tz)).date()


def posting_time(rec: DailyRec, day: date, tz: str) -> datetime:
    """When the question of `day` goes out, in UTC."""
    return datetime.combine(day, time(rec.hour, rec.minute), tzinfo=ZoneInfo(tz)).astimezone(UTC)


def due_day(rec: DailyRec, now: datetime, tz: str) -> date | None:
    """The local day whose question is due at `now`, or None (see the module's rules)."""
    if not rec.enabled:
        return None
    today = local_day(now, tz)
    at = posting_time(rec, today, tz)
    if _aware(now) < at:
        return None
    if rec.effective_from is not None and _aware(rec.effective_from) > at:
        return None
    return today


def next_post_at(rec: DailyRec, now: datetime, tz: str, posted_today: bool) -> datetime:
    """When the next question goes out: now when today's is due and not posted yet."""
    today = local_day(now, tz)
    if not posted_today:
        if due_day(rec, now, tz) == today:
            return _aware(now)
        if _aware(now) < posting_time(rec, today, tz):
            return posting_time(rec, today, tz)
    return posting_time(rec, today + timedelta(days=1), tz)


def pick_question(
    candidates: Sequence[QuestionRec],
    results: Mapping[int, tuple[int, int]],
    rng: random.Random,
) -> QuestionRec | None:
    """The question the team needs most: one it never answered, else the lowest share of
    right answers (fewer answers first on a tie); a random one among equals."""
    if not candidates:
        return None

    def need(q: QuestionRec) -> tuple[int, float, int]:
        answered, correct = results.get(q.id, (0, 0))
        if not answered:
            return (0, 0.0, 0)
        return (1, correct / answered, answered)

    best = min(need(q) for q in candidates)
    return rng.choice([q for q in candidates if need(q) == best])
