"""Weekly leaderboard posts: when each team's post is due, what it says, and the service that
claims, sends and marks it, so it goes out once a week whatever restarts and replicas do.

Time rules (pure functions below; DST-correct through zoneinfo):
- A week is the ISO week, Monday 00:00 to Monday 00:00, in the schedule's timezone.
- The post for the week that just ended is due from its scheduled local time (weekday, hour) in
  the current week until the current week ends. A bot that was down at that time posts when it
  comes back; a week older than that is never posted late (nobody wants last month's board).
- A schedule set or changed after this week's posting time first posts next week, and a team
  gets at most one post per week whatever its channel, so a change never makes a second post.

Exactly once: the post is claimed with a unique (team, week) row before it is sent and
marked sent after. A claim left unsent (a crash, a platform error) is taken over after
CLAIM_TIMEOUT. A crash after the platform accepted the message but before it was marked sent
therefore repeats it once; that is the price of never losing a week.
"""

from __future__ import annotations

import logging
import os
import socket
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from typing import Protocol, cast
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.core.errors import NotAllowed, QuizError, ValidationFailed
from bot.core.leaderboard import rank_rows
from bot.core.models import ChannelRef, PlayerRef, ScoreRow, TeamRef
from bot.core.permissions import is_admin
from bot.core.ports import Messenger, Repository, Unit
from bot.core.views import HardestQuestion, LeaderboardView, Notice, WeeklyPost, Winner
from bot.core.weeks import utcnow
from questions.bank import Problem

log = logging.getLogger(__name__)

DEFAULT_WEEKDAY = 0  # Monday
DEFAULT_HOUR = 9
CLAIM_TIMEOUT = timedelta(minutes=10)
TOP_N = 10
MIN_ANSWERS_FOR_HARDEST = 3  # one unlucky answer does not make a question "the hardest"
STREAK_MIN = 2
STREAK_LEADERS = 3

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY_ALIASES = {"tues": 1, "weds": 2, "thur": 3, "thurs": 3}


# --- records -----------------------------------------------------------------------------------


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


class PostStatus(StrEnum):
    CLAIMED = "claimed"  # being sent (or the sender died; taken over after CLAIM_TIMEOUT)
    SENT = "sent"
    SKIPPED = "skipped"  # an empty week with the nudge turned off: done, nothing posted


@dataclass(frozen=True)
class PostRec:
    id: int
    team_id: int
    channel_id: int
    week_start: date
    status: PostStatus
    claimed_by: str | None
    claimed_at: datetime
    sent_at: datetime | None = None
    message_ref: str | None = None


@dataclass(frozen=True)
class QuestionTally:
    """How one question fared in a week: answers and right answers."""

    question_id: int
    prompt: str
    answer: str  # the correct choice's text
    answered: int
    correct: int

    @property
    def facility(self) -> float:
        return self.correct / self.answered if self.answered else 0.0


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


# --- storage port ------------------------------------------------------------------------------


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


def _store(u: Unit) -> WeeklyStore:
    return cast(WeeklyStore, u)


# --- input -------------------------------------------------------------------------------------


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


def check_timezone(name: str) -> str:
    """An IANA timezone name zoneinfo knows; QuizError names "timezone"."""
    raw = name.strip()
    try:
        if not raw:
            raise ValueError(raw)
        ZoneInfo(raw)
    except (ZoneInfoNotFoundError, ValueError):
        raise QuizError(
            f"unknown timezone {name!r}; use an IANA name like Europe/Berlin or America/New_York",
            field="timezone",
        ) from None
    return raw


def validate_schedule(weekday: int | str, hour: int | str, timezone: str) -> Schedule:
    """All three fields checked at once, so a form can mark every bad one."""
    problems: list[Problem] = []
    day = hr = 0
    tz = "UTC"
    try:
        day = parse_weekday(weekday)
    except QuizError as exc:
        problems.append(Problem("day", exc.message))
    try:
        hr = parse_hour(hour)
    except QuizError as exc:
        problems.append(Problem("hour", exc.message))
    try:
        tz = check_timezone(timezone)
    except QuizError as exc:
        problems.append(Problem("timezone", exc.message))
    if problems:
        raise ValidationFailed(problems)
    return Schedule(day, hr, tz)


# --- time --------------------------------------------------------------------------------------


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def local_week_start(moment: datetime, tz: str) -> date:
    """The Monday (a local date) of the ISO week holding `moment` in `tz`."""
    local = _aware(moment).astimezone(ZoneInfo(tz))
    return local.date() - timedelta(days=local.weekday())


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
    current = local_week_start(now, schedule.timezone)
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
    current = local_week_start(now, schedule.timezone)
    at = scheduled_at(schedule, current)
    if _aware(now) <= at and (effective_from is None or _aware(effective_from) <= at):
        return at
    return scheduled_at(schedule, current + timedelta(days=7))


def claimable(posts: Iterable[PostRec], channel_id: int, stale_before: datetime) -> bool:
    """May this team's week be claimed for `channel_id`, given its existing post rows?

    Yes when there is none, or when the only one is ours, still unsent and older than the
    claim timeout. Any row in another channel means the week is done (one post per week)."""
    rows = list(posts)
    if not rows:
        return True
    if len(rows) > 1:
        return False
    row = rows[0]
    return (
        row.channel_id == channel_id
        and row.status == PostStatus.CLAIMED
        and row.claimed_at <= stale_before
    )


# --- content -----------------------------------------------------------------------------------


def most_improved(week_rows: Sequence[ScoreRow], points_before: Mapping[int, int]) -> Winner | None:
    """The largest points gain over the week before, among players who answered this week.

    Someone new gains all their points. Ties go to more points this week, then the name. A
    week where nobody gained has no most improved player."""
    best: tuple[int, int, str, int] | None = None
    winner: Winner | None = None
    for row in week_rows:
        if row.answered <= 0:
            continue
        gain = row.points - points_before.get(row.player_id, 0)
        if gain <= 0:
            continue
        key = (-gain, -row.points, row.display_name.casefold(), row.player_id)
        if best is None or key < best:
            best, winner = key, Winner(row.display_name, gain)
    return winner


def hardest_question(
    tallies: Sequence[QuestionTally], min_answers: int = MIN_ANSWERS_FOR_HARDEST
) -> HardestQuestion | None:
    """The lowest share of right answers among questions answered at least `min_answers`
    times; ties go to the more answered question, then the older one."""
    eligible = [t for t in tallies if t.answered >= max(min_answers, 1)]
    if not eligible:
        return None
    t = min(eligible, key=lambda t: (t.facility, -t.answered, t.question_id))
    return HardestQuestion(t.prompt, t.answer, t.facility, t.answered)


def streak_leaders(
    streaks: Sequence[Winner], limit: int = STREAK_LEADERS, min_streak: int = STREAK_MIN
) -> tuple[Winner, ...]:
    """The longest current answer streaks (Winner.points holds the streak length)."""
    ok = [w for w in streaks if w.points >= min_streak]
    ok.sort(key=lambda w: (-w.points, w.display_name.casefold()))
    return tuple(ok[:limit])


def build_post(
    week: date,
    week_rows: Sequence[ScoreRow],
    rows_before: Sequence[ScoreRow],
    tallies: Sequence[QuestionTally],
    streaks: Sequence[Winner],
    *,
    top_n: int = TOP_N,
    min_answers: int = MIN_ANSWERS_FOR_HARDEST,
) -> WeeklyPost:
    """The post for the week starting `week`, from that week's figures."""
    played = [r for r in week_rows if r.answered > 0]
    top = LeaderboardView(
        f"Weekly leaderboard, week of {week.isoformat()}",
        "week",
        tuple(rank_rows(played)[:top_n]),
        week,
        empty_text="No games this week.",
    )
    if not played:
        return WeeklyPost(week_start=week, top=top, empty=True)
    before = {r.player_id: r.points for r in rows_before}
    return WeeklyPost(
        week_start=week,
        top=top,
        most_improved=most_improved(played, before),
        hardest=hardest_question(tallies, min_answers),
        streak_leaders=streak_leaders(streaks),
    )


# --- the service -------------------------------------------------------------------------------


def default_worker_id() -> str:
    """Names this process in claims, so a stuck claim can be traced to a host."""
    return f"{socket.gethostname()[:60]}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def _same_team(a: TeamRef, b: TeamRef) -> bool:
    return (a.platform, a.external_id) == (b.platform, b.external_id)


class WeeklyService:
    """Admin commands for the weekly post and the due step that sends it."""

    def __init__(
        self,
        repo: Repository,
        messenger: Messenger,
        clock: Callable[[], datetime] = utcnow,
        worker_id: str | None = None,
        *,
        platform: str | None = None,
        claim_timeout: timedelta = CLAIM_TIMEOUT,
        min_answers: int = MIN_ANSWERS_FOR_HARDEST,
    ) -> None:
        self.repo = repo
        self.messenger = messenger
        self.clock = clock
        self.worker_id = worker_id or default_worker_id()
        self.platform = platform  # None: every platform (the CLI)
        self.claim_timeout = claim_timeout
        self.min_answers = min_answers

    # --- admin commands ------------------------------------------------------------------------

    async def _admin(self, u: Unit, actor: PlayerRef) -> int:
        team_id = await u.ensure_team(actor.team)
        if not is_admin(actor, await u.team_settings(team_id)):
            raise NotAllowed("Only admins can change the weekly leaderboard.")
        return team_id

    async def set_schedule(
        self,
        actor: PlayerRef,
        channel: ChannelRef,
        weekday: int | str = DEFAULT_WEEKDAY,
        hour: int | str = DEFAULT_HOUR,
        timezone: str | None = None,
        nudge: bool | None = None,
    ) -> ScheduleInfo:
        """Post the weekly leaderboard to `channel` (admins only). Timezone defaults to the
        team's; a different one becomes the team's, so the weeks that scores are counted in
        are the weeks the post reports. A change of channel or time takes effect from the
        next posting time after it."""
        if not _same_team(channel.team, actor.team):
            raise QuizError("That channel belongs to another team.", field="channel")
        if timezone is not None and not timezone.strip():
            timezone = None
        now = self.clock()
        async with self.repo.unit() as u:
            team_id = await self._admin(u, actor)
            team = await u.team_settings(team_id)
            tz = timezone if timezone is not None else team.timezone
            schedule = validate_schedule(weekday, hour, tz)
            if schedule.timezone != team.timezone:
                # One week per team: answers are bucketed into the weeks the post reports.
                await u.set_team_settings(team_id, replace(team, timezone=schedule.timezone))
            channel_id = await u.ensure_channel(team_id, channel)
            store = _store(u)
            current = await store.weekly_schedule(team_id)
            new = ScheduleRec(
                team_id,
                channel_id,
                schedule,
                enabled=True,
                nudge_when_empty=(
                    nudge if nudge is not None else (current.nudge_when_empty if current else True)
                ),
                effective_from=now,
            )
            unchanged = (
                current is not None
                and current.enabled
                and (current.channel_id, current.schedule) == (channel_id, schedule)
            )
            if unchanged and current is not None:
                # Saying the same again must not push this week's post back.
                new = replace(new, effective_from=current.effective_from)
            await store.save_weekly_schedule(new, new.effective_from or now)
            await u.record_admin_action(
                team_id,
                actor.display_name,
                "weekly-set",
                None,
                {
                    "channel": channel.external_id,
                    "weekday": schedule.weekday,
                    "hour": schedule.hour,
                    "timezone": schedule.timezone,
                    "nudge_when_empty": new.nudge_when_empty,
                },
                now,
            )
            last = await store.last_weekly_post(team_id)
        return self._info(actor.team, channel, new, last, now)

    async def disable(self, actor: PlayerRef) -> ScheduleInfo:
        """Stop the weekly post (admins only). The schedule is kept for a later `set`."""
        now = self.clock()
        async with self.repo.unit() as u:
            team_id = await self._admin(u, actor)
            store = _store(u)
            current = await store.weekly_schedule(team_id)
            if current is not None and current.enabled:
                off = replace(current, enabled=False, effective_from=now)
                await store.save_weekly_schedule(off, now)
                await u.record_admin_action(
                    team_id, actor.display_name, "weekly-off", None, {}, now
                )
        return ScheduleInfo(actor.team, enabled=False)

    async def show(self, team: TeamRef) -> ScheduleInfo:
        """The team's schedule and when the next post goes out (anyone may look)."""
        now = self.clock()
        async with self.repo.unit() as u:
            team_id = await u.ensure_team(team)
            store = _store(u)
            current = await store.weekly_schedule(team_id)
            if current is None or not current.enabled:
                return ScheduleInfo(team, enabled=False)
            channel = await u.channel_ref(current.channel_id)
            last = await store.last_weekly_post(team_id)
        return self._info(team, channel, current, last, now)

    def _info(
        self,
        team: TeamRef,
        channel: ChannelRef,
        rec: ScheduleRec,
        last: PostRec | None,
        now: datetime,
    ) -> ScheduleInfo:
        return ScheduleInfo(
            team=team,
            enabled=rec.enabled,
            channel=channel,
            schedule=rec.schedule,
            nudge_when_empty=rec.nudge_when_empty,
            next_post_at=next_post_at(rec.schedule, now, rec.effective_from),
            last_posted_week=last.week_start if last else None,
        )

    # --- content -------------------------------------------------------------------------------

    async def post_for(self, u: Unit, team_id: int, week: date) -> WeeklyPost:
        """Gather the week's figures and build its post (inside the caller's unit)."""
        store = _store(u)
        tz = (await u.team_settings(team_id)).timezone
        start, end = week_bounds(week, tz)  # answers were bucketed in the team's timezone
        return build_post(
            week,
            await store.week_rows(team_id, week),
            await store.week_rows(team_id, week - timedelta(days=7)),
            await store.question_tallies(team_id, start, end),
            await store.streaks(team_id, STREAK_MIN, 50),
            min_answers=self.min_answers,
        )

    async def preview(self, team: TeamRef, week: date) -> WeeklyPost:
        """The post for any week, without claiming or sending it."""
        async with self.repo.unit() as u:
            return await self.post_for(u, await u.ensure_team(team), week)

    # --- the due step --------------------------------------------------------------------------

    async def due(self, now: datetime) -> list[tuple[ScheduleRec, date]]:
        """The posts this service could claim at `now`: (schedule, week) pairs. Two reads."""
        stale_before = now - self.claim_timeout
        async with self.repo.unit() as u:
            store = _store(u)
            due = [
                (rec, week)
                for rec in await store.enabled_weekly_schedules(self.platform)
                if (week := due_week(rec.schedule, now, rec.effective_from)) is not None
            ]
            if not due:
                return []
            existing = await store.weekly_posts([(rec.team_id, week) for rec, week in due])
        rows: dict[tuple[int, date], list[PostRec]] = {}
        for p in existing:
            rows.setdefault((p.team_id, p.week_start), []).append(p)
        return [
            (rec, week)
            for rec, week in due
            if claimable(rows.get((rec.team_id, week), ()), rec.channel_id, stale_before)
        ]

    async def run_due(self, now: datetime | None = None) -> int:
        """Send every weekly post that is due; returns how many were posted. Safe to run from
        several processes at once: each post is claimed in the database before it is sent."""
        now = now or self.clock()
        stale_before = now - self.claim_timeout
        sent = 0
        for rec, week in await self.due(now):
            try:
                sent += await self._send(rec, week, now, stale_before)
            except Exception:
                # Left claimed: retried after the claim timeout. Other teams go on.
                log.exception("weekly post for team %s, week %s failed", rec.team_id, week)
        return sent

    async def _send(
        self, rec: ScheduleRec, week: date, now: datetime, stale_before: datetime
    ) -> int:
        async with self.repo.unit() as u:
            post_id = await _store(u).claim_weekly_post(
                rec.team_id, rec.channel_id, week, self.worker_id, now, stale_before
            )
        if post_id is None:
            return 0  # another worker has it
        async with self.repo.unit() as u:
            post = await self.post_for(u, rec.team_id, week)
            channel = await u.channel_ref(rec.channel_id)
        if post.empty and not rec.nudge_when_empty:
            async with self.repo.unit() as u:
                await _store(u).finish_weekly_post(post_id, PostStatus.SKIPPED, None, now)
            return 0
        ref = await self.messenger.post(channel, post)
        if ref is None:
            # The platform did not take it (e.g. the bot is not in the channel): stay claimed,
            # so it is retried after the claim timeout instead of being marked sent unseen.
            log.warning("weekly post for team %s, week %s was not delivered", rec.team_id, week)
            return 0
        async with self.repo.unit() as u:
            await _store(u).finish_weekly_post(post_id, PostStatus.SENT, ref, now)
        return 1
