"""The question of the day: admin commands for a channel's schedule, and the due step that
claims, creates and posts each day's question (the rules live in daily.py)."""

from __future__ import annotations

import logging
import random
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date, datetime

from bot.core.decks.resolution import resolve
from bot.core.decks.topics import split_topics
from bot.core.errors import QuizError
from bot.core.models import ChannelRef, PlayerRef, TeamRef
from bot.core.permissions import admin_team
from bot.core.play.service import QuizEngine
from bot.core.ports import Repository, Unit
from bot.core.study.daily import (
    MAX_POST_ATTEMPTS,
    RETRY_AFTER,
    DailyInfo,
    DailyPostRec,
    DailyRec,
    PostState,
    after_refusal,
    due_day,
    local_day,
    next_post_at,
    parse_time,
    parse_window,
    pick_question,
    retry_due,
    settled,
)
from bot.core.surfaces import Commands
from bot.core.views import QuestionCard
from bot.core.weekly.claim import default_worker_id
from bot.core.weeks import check_timezone, utcnow

log = logging.getLogger(__name__)

ADMINS_ONLY = "Only admins can change the question of the day."


class DailyService:
    def __init__(
        self,
        repo: Repository,
        engine: QuizEngine,
        clock: Callable[[], datetime] = utcnow,
        worker_id: str | None = None,
        *,
        platform: str | None = None,
        rng: random.Random | None = None,
    ) -> None:
        self.repo = repo
        self.engine = engine
        self.clock = clock
        self.worker_id = worker_id or default_worker_id()
        self.platform = platform
        self.rng = rng or random.Random()

    # --- admin commands ------------------------------------------------------------------------

    async def set(
        self,
        actor: PlayerRef,
        channel: ChannelRef,
        time: str,
        *,
        deck: str | None = None,
        topics: Sequence[str] | str = (),
        window_hours: int | str | None = None,
        timezone: str | None = None,
    ) -> DailyInfo:
        """Ask a question of the day in `channel` at `time` (admins only). The deck and topics
        are checked now (a name that matches nothing is refused and nothing changes); a new
        timezone becomes the team's, as for the weekly post."""
        if (channel.team.platform, channel.team.external_id) != (
            actor.team.platform,
            actor.team.external_id,
        ):
            raise QuizError("That channel belongs to another team.", field="channel")
        hour, minute = parse_time(time)
        window = parse_window(window_hours)
        wanted = split_topics(topics) if isinstance(topics, str) else list(topics)
        now = self.clock()
        async with self.repo.unit() as u:
            team_id = await admin_team(u.teams, actor, ADMINS_ONLY)
            team = await u.teams.team_settings(team_id)
            tz = team.timezone
            if timezone is not None and timezone.strip():
                tz = check_timezone(timezone)
            commands = Commands(self.engine.surface, actor.team)
            chosen = await resolve(
                u.decks, u.teams, team_id, commands=commands, deck=deck or None, topics=wanted
            )
            if not await u.play.candidate_questions(team_id, chosen.deck_ids, chosen.topics):
                raise QuizError("There are no active questions to ask from there.", field="deck")
            if tz != team.timezone:
                await u.teams.set_team_settings(team_id, replace(team, timezone=tz))
            channel_id = await u.teams.ensure_channel(team_id, channel)
            rec = DailyRec(
                team_id,
                channel_id,
                hour,
                minute,
                window,
                deck_id=chosen.deck_ids[0] if deck else None,
                topics=chosen.topics,
                enabled=True,
                effective_from=now,
            )
            await u.study.save_daily_schedule(rec, now)
            await u.teams.record_admin_action(
                team_id,
                actor.display_name,
                "daily-set",
                None,
                {
                    "channel": channel.external_id,
                    "time": f"{hour:02d}:{minute:02d}",
                    "window_minutes": window,
                    "deck": chosen.describe() if deck else None,
                    "topics": list(chosen.topics),
                    "timezone": tz,
                },
                now,
            )
            return await self._info(u, actor.team, channel, rec, tz, now)

    async def disable(self, actor: PlayerRef, channel: ChannelRef) -> DailyInfo:
        """Stop the channel's question of the day (admins only); the schedule is kept."""
        now = self.clock()
        async with self.repo.unit() as u:
            team_id = await admin_team(u.teams, actor, ADMINS_ONLY)
            channel_id = await u.teams.ensure_channel(team_id, channel)
            current = await u.study.daily_schedule(channel_id)
            stopped = current is not None and current.enabled
            if current is not None and stopped:
                await u.study.save_daily_schedule(replace(current, enabled=False), now)
                await u.teams.record_admin_action(
                    team_id,
                    actor.display_name,
                    "daily-off",
                    None,
                    {"channel": channel.external_id},
                    now,
                )
        return DailyInfo(actor.team, channel, enabled=False, stopped=stopped)

    async def show(self, team: TeamRef) -> list[DailyInfo]:
        """Every channel's question of the day (anyone may look)."""
        now = self.clock()
        async with self.repo.unit() as u:
            team_id = await u.teams.ensure_team(team)
            tz = (await u.teams.team_settings(team_id)).timezone
            out = []
            for rec in await u.study.team_daily_schedules(team_id):
                if rec.enabled:
                    channel = await u.teams.channel_ref(rec.channel_id)
                    out.append(await self._info(u, team, channel, rec, tz, now))
        return out

    async def _info(
        self, u: Unit, team: TeamRef, channel: ChannelRef, rec: DailyRec, tz: str, now: datetime
    ) -> DailyInfo:
        key = (rec.channel_id, local_day(now, tz))
        post = (await u.study.daily_posts([key])).get(key)
        posted = post is not None and settled(post)
        deck = None
        if rec.deck_id is not None:
            names = {d.id: d.name for d in await u.decks.team_decks(rec.team_id)}
            deck = names.get(rec.deck_id)
        return DailyInfo(
            team,
            channel,
            rec.enabled,
            rec.hour,
            rec.minute,
            rec.window_minutes,
            tz,
            deck,
            rec.topics,
            next_post_at(rec, now, tz, posted),
        )

    # --- the due step ------------------------------------------------------------------------

    async def due(self, now: datetime) -> list[tuple[DailyRec, date, DailyPostRec | None]]:
        """The questions this service could post at `now`: (schedule, local day, the day's
        refused post to try again or None for a new one). Two reads."""
        async with self.repo.unit() as u:
            due = [
                (rec, day)
                for rec, tz in await u.study.enabled_daily_schedules(self.platform)
                if (day := due_day(rec, now, tz)) is not None
            ]
            if not due:
                return []
            posts = await u.study.daily_posts([(rec.channel_id, day) for rec, day in due])
        out: list[tuple[DailyRec, date, DailyPostRec | None]] = []
        for rec, day in due:
            post = posts.get((rec.channel_id, day))
            if post is None or retry_due(post, now):
                out.append((rec, day, post))
        return out

    async def run_due(self, now: datetime | None = None) -> int:
        """Post every question of the day that is due, or due again after the platform refused
        it; returns how many were posted. Safe from several processes at once: a new one is
        claimed with its round in one transaction, a retry by a guarded update."""
        now = now or self.clock()
        posted = 0
        for rec, day, post in await self.due(now):
            try:
                if post is None:
                    posted += await self._post(rec, day, now)
                else:
                    posted += await self._retry(rec, post, now)
            except Exception:
                log.exception("question of the day for channel %s failed", rec.channel_id)
        return posted

    async def _post(self, rec: DailyRec, day: date, now: datetime) -> int:
        async with self.repo.unit() as u:
            post_id = await u.study.claim_daily(
                rec.team_id, rec.channel_id, day, self.worker_id, now
            )
            if post_id is None:
                return 0  # another process has it
            chosen = await resolve(
                u.decks,
                u.teams,
                rec.team_id,
                commands=Commands(self.engine.surface),
                topics=rec.topics,
                channel_default=rec.deck_id,
            )
            candidates = [
                q
                for q, _last in await u.play.candidate_questions(
                    rec.team_id, chosen.deck_ids, chosen.topics
                )
            ]
            results = await u.study.team_results(rec.team_id, [q.id for q in candidates])
            question = pick_question(candidates, results, self.rng)
            if question is None:
                log.warning("no question to ask of the day in channel %s", rec.channel_id)
                await u.study.finish_daily(post_id, PostState.GIVEN_UP)
                return 0  # claimed: today is done
            card = await self.engine.open_daily(
                u, rec.team_id, rec.channel_id, question, rec.window_minutes * 60, now
            )
            await u.study.set_daily_round(post_id, card.round_id)
            channel = await u.teams.channel_ref(rec.channel_id)
        return await self._deliver(post_id, 1, channel, card)

    async def _retry(self, rec: DailyRec, post: DailyPostRec, now: datetime) -> int:
        """The day's question again, after the platform refused it (see daily.py's rules)."""
        async with self.repo.unit() as u:
            if not await u.study.retake_daily(post.id, self.worker_id, now, now - RETRY_AFTER):
                return 0  # another process took it
            card = None
            if post.round_id is not None:
                card = await self.engine.daily_card(u, post.round_id, now)
            if card is None:
                await u.study.finish_daily(post.id, PostState.GIVEN_UP)
                log.error(
                    "question of the day in channel %s closed before it could be posted",
                    rec.channel_id,
                )
                return 0
            channel = await u.teams.channel_ref(rec.channel_id)
        return await self._deliver(post.id, post.attempts + 1, channel, card)

    async def _deliver(
        self, post_id: int, attempt: int, channel: ChannelRef, card: QuestionCard
    ) -> int:
        """Post the card and record how it went: sent, or refused (to try again, or given up
        after the last attempt, logged either way)."""
        posted = await self.engine.post_daily(channel, card)
        status = PostState.SENT if posted else after_refusal(attempt)
        async with self.repo.unit() as u:
            await u.study.finish_daily(post_id, status)
        if status == PostState.FAILED:
            log.warning(
                "question of the day in channel %s was not posted (attempt %d of %d); "
                "tried again in %d s",
                channel.external_id,
                attempt,
                MAX_POST_ATTEMPTS,
                RETRY_AFTER.total_seconds(),
            )
        elif status == PostState.GIVEN_UP:
            log.error(
                "question of the day in channel %s was not posted after %d attempts; given up",
                channel.external_id,
                attempt,
            )
        return 1 if posted else 0
