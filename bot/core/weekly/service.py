"""The weekly post service: admin commands for the schedule, and the due step that claims,
sends and marks each post (the rules live beside it: schedule, claim, content)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date, datetime, timedelta

from bot.connection_errors import cause
from bot.core.errors import QuizError
from bot.core.models import ChannelRef, PlayerRef, TeamRef
from bot.core.permissions import admin_team
from bot.core.ports import Messenger, Repository, Unit
from bot.core.views import WeeklyPost
from bot.core.weekly.claim import (
    CLAIM_TIMEOUT,
    PostRec,
    PostStatus,
    claimable,
    default_worker_id,
)
from bot.core.weekly.content import MIN_ANSWERS_FOR_HARDEST, STREAK_MIN, build_post
from bot.core.weekly.schedule import (
    DEFAULT_HOUR,
    DEFAULT_WEEKDAY,
    ScheduleInfo,
    ScheduleRec,
    due_week,
    next_post_at,
    validate_schedule,
    week_bounds,
)
from bot.core.weekly.store import WeeklyStore
from bot.core.weeks import utcnow

log = logging.getLogger(__name__)


def _same_team(a: TeamRef, b: TeamRef) -> bool:
    return (a.platform, a.external_id) == (b.platform, b.external_id)


async def claim_post(
    store: WeeklyStore,
    team_id: int,
    channel_id: int,
    week: date,
    worker: str,
    now: datetime,
    stale_before: datetime,
) -> int | None:
    """The post row's id when `worker` now holds the team's post for `week`, else None. The
    rows decide by `claimable`; the store's writes make one of racing workers win."""
    rows = await store.weekly_posts([(team_id, week)])
    if not claimable(rows, channel_id, stale_before):
        return None
    if not rows:
        return await store.insert_weekly_claim(team_id, channel_id, week, worker, now)
    taken = await store.take_over_weekly_claim(rows[0], worker, now)  # its sender died
    return rows[0].id if taken else None


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
            team_id = await admin_team(
                u.teams, actor, "Only admins can change the weekly leaderboard."
            )
            team = await u.teams.team_settings(team_id)
            tz = timezone if timezone is not None else team.timezone
            schedule = validate_schedule(weekday, hour, tz)
            if schedule.timezone != team.timezone:
                # One week per team: answers are bucketed into the weeks the post reports.
                await u.teams.set_team_settings(team_id, replace(team, timezone=schedule.timezone))
            channel_id = await u.teams.ensure_channel(team_id, channel)
            store = u.weekly
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
            await u.teams.record_admin_action(
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
            team_id = await admin_team(
                u.teams, actor, "Only admins can change the weekly leaderboard."
            )
            store = u.weekly
            current = await store.weekly_schedule(team_id)
            if current is not None and current.enabled:
                off = replace(current, enabled=False, effective_from=now)
                await store.save_weekly_schedule(off, now)
                await u.teams.record_admin_action(
                    team_id, actor.display_name, "weekly-off", None, {}, now
                )
        return ScheduleInfo(actor.team, enabled=False)

    async def show(self, team: TeamRef) -> ScheduleInfo:
        """The team's schedule and when the next post goes out (anyone may look)."""
        now = self.clock()
        async with self.repo.unit() as u:
            team_id = await u.teams.ensure_team(team)
            store = u.weekly
            current = await store.weekly_schedule(team_id)
            if current is None or not current.enabled:
                return ScheduleInfo(team, enabled=False)
            channel = await u.teams.channel_ref(current.channel_id)
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
        store = u.weekly
        tz = (await u.teams.team_settings(team_id)).timezone
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
            return await self.post_for(u, await u.teams.ensure_team(team), week)

    async def due_posts(self, now: datetime) -> list[tuple[ChannelRef, WeeklyPost]]:
        """What is due at `now`, where it would go and what it would say; claims nothing."""
        out = []
        for rec, week in await self.due(now):
            async with self.repo.unit() as u:
                channel = await u.teams.channel_ref(rec.channel_id)
                out.append((channel, await self.post_for(u, rec.team_id, week)))
        return out

    async def left_unsent(self, due: Sequence[tuple[ScheduleRec, date]]) -> int:
        """How many of `due` this service claimed and did not mark sent (read from the
        database, so a failure anywhere in the send counts, not only the messenger's)."""
        async with self.repo.unit() as u:
            posts = await u.weekly.weekly_posts([(rec.team_id, week) for rec, week in due])
        return sum(
            1 for p in posts if p.claimed_by == self.worker_id and p.status == PostStatus.CLAIMED
        )

    # --- the due step --------------------------------------------------------------------------

    async def due(self, now: datetime) -> list[tuple[ScheduleRec, date]]:
        """The posts this service could claim at `now`: (schedule, week) pairs. Two reads."""
        stale_before = now - self.claim_timeout
        async with self.repo.unit() as u:
            store = u.weekly
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
            except Exception as exc:
                # Left claimed: retried after the claim timeout. Other teams go on. The line
                # says why (a terminal shows it without the traceback, which goes to the log).
                log.exception(
                    "weekly post for team %s, week %s failed: %s", rec.team_id, week, cause(exc)
                )
        return sent

    async def _send(
        self, rec: ScheduleRec, week: date, now: datetime, stale_before: datetime
    ) -> int:
        async with self.repo.unit() as u:
            post_id = await claim_post(
                u.weekly, rec.team_id, rec.channel_id, week, self.worker_id, now, stale_before
            )
        if post_id is None:
            return 0  # another worker has it
        async with self.repo.unit() as u:
            post = await self.post_for(u, rec.team_id, week)
            channel = await u.teams.channel_ref(rec.channel_id)
        if post.empty and not rec.nudge_when_empty:
            async with self.repo.unit() as u:
                await u.weekly.finish_weekly_post(post_id, PostStatus.SKIPPED, None, now)
            return 0
        ref = await self.messenger.post(channel, post)
        if ref is None:
            # The platform did not take it (e.g. the bot is not in the channel): stay claimed,
            # so it is retried after the claim timeout instead of being marked sent unseen.
            log.warning("weekly post for team %s, week %s was not delivered", rec.team_id, week)
            return 0
        async with self.repo.unit() as u:
            await u.weekly.finish_weekly_post(post_id, PostStatus.SENT, ref, now)
        return 1
