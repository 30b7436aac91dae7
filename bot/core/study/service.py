"""The study service: private review sessions of what is due for one player, and their
mastery per topic. Reviews write the player's memory and a review row, never the team's
scores or leaderboards."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from bot.core.models import PlayerRef, TeamRef
from bot.core.play.selection import choice_order
from bot.core.ports import Repository, Unit
from bot.core.study.memory import due_horizon, remember
from bot.core.study.store import MemoryRow
from bot.core.study.streaks import STREAK_LOOKBACK, study_streak
from bot.core.study.views import (
    REVIEW_LIMIT,
    MasteryView,
    ReviewCard,
    ReviewEnd,
    ReviewFeedback,
    ReviewSession,
    ReviewStep,
)
from bot.core.view_ids import ReviewAnswerId
from bot.core.weeks import utcnow

GONE = "This question is no longer available; here is the next one."
ALREADY = "You already answered that one."


@dataclass(frozen=True)
class _Who:
    team_id: int
    player_id: int
    timezone: str


def _millis(moment: datetime) -> int:
    return int(moment.timestamp() * 1000)


def _moment(millis: int) -> datetime:
    return datetime.fromtimestamp(millis / 1000, UTC)


class StudyService:
    def __init__(
        self,
        repo: Repository,
        clock: Callable[[], datetime] = utcnow,
        rng: random.Random | None = None,
        limit: int = REVIEW_LIMIT,
    ) -> None:
        self.repo = repo
        self.clock = clock
        self.rng = rng or random.Random()
        self.limit = limit

    async def _who(self, u: Unit, player: PlayerRef) -> _Who:
        team_id = await u.teams.ensure_team(player.team)
        player_id = await u.teams.ensure_player(team_id, player)
        return _Who(team_id, player_id, (await u.teams.team_settings(team_id)).timezone)

    async def start_review(self, player: PlayerRef) -> ReviewStep:
        """A new session: its first due card, or the end saying when the next review is."""
        now = self.clock()
        async with self.repo.unit() as u:
            who = await self._who(u, player)
            return await self._next(u, who, ReviewSession(_millis(now)), now)

    async def answer_review(self, player: PlayerRef, click: ReviewAnswerId) -> ReviewStep:
        """Record one review answer (once per card: a repeated click records nothing), then the
        feedback and the next card or the end."""
        now = self.clock()
        session = ReviewSession(click.started_at, click.asked, click.right)
        async with self.repo.unit() as u:
            who = await self._who(u, player)
            q = await u.play.question(click.question_id)
            memory = (await u.study.memories([(who.player_id, click.question_id)])).get(
                (who.player_id, click.question_id)
            )
            if q is None or memory is None or not 0 <= click.choice < len(q.choices):
                feedback = ReviewFeedback(False, "", "", None, note=GONE)
            else:
                correct = click.choice == q.answer
                row = MemoryRow(who.team_id, who.player_id, q.id, remember(memory, correct, now))
                if await u.study.replace_memory(row, click.version):
                    await u.study.record_review(who.team_id, who.player_id, q.id, correct, now)
                    session = replace(
                        session, asked=session.asked + 1, right=session.right + int(correct)
                    )
                    feedback = ReviewFeedback(
                        correct, q.choices[q.answer], q.explanation, q.source, answer_index=q.answer
                    )
                else:
                    feedback = ReviewFeedback(False, "", "", None, note=ALREADY)
            step = await self._next(u, who, session, now)
        return replace(step, feedback=feedback)

    async def _next(self, u: Unit, who: _Who, session: ReviewSession, now: datetime) -> ReviewStep:
        if session.asked < self.limit:
            due = await u.study.due_reviews(
                who.team_id,
                who.player_id,
                due_horizon(now, who.timezone),
                _moment(session.started_at),
                1,
            )
            if due:
                q, memory = due[0]
                order = choice_order(q, self.rng)  # as a round shows it
                card = ReviewCard(
                    question_id=q.id,
                    version=memory.answered,
                    topic=q.topic,
                    prompt=q.prompt,
                    choices=tuple(q.choices[i] for i in order),
                    order=order,
                    session=session,
                    limit=self.limit,
                )
                return ReviewStep(card=card)
        return ReviewStep(end=await self._end(u, who, session, now))

    async def _end(self, u: Unit, who: _Who, session: ReviewSession, now: datetime) -> ReviewEnd:
        moments = await u.study.answer_moments(who.team_id, who.player_id, now - STREAK_LOOKBACK)
        return ReviewEnd(
            asked=session.asked,
            right=session.right,
            next_due=await u.study.next_due(who.team_id, who.player_id, now),
            now=now,
            timezone=who.timezone,
            streak=study_streak(moments, now, who.timezone),
        )

    async def mastery(self, player: PlayerRef) -> MasteryView:
        """Per topic: questions seen, accuracy, reviews due; the streak and the next review."""
        now = self.clock()
        async with self.repo.unit() as u:
            who = await self._who(u, player)
            topics = await u.study.mastery(
                who.team_id, who.player_id, due_horizon(now, who.timezone)
            )
            end = await self._end(u, who, ReviewSession(_millis(now)), now)
        return MasteryView(
            player.display_name, tuple(topics), end.streak, end.next_due, now, who.timezone
        )

    async def find_player(self, team: TeamRef, name: str) -> PlayerRef | None:
        """The team's player with this platform id or (unambiguous) display name."""
        async with self.repo.unit() as u:
            team_id = await u.teams.ensure_team(team)
            found = await u.study.find_player(team_id, name)
        return PlayerRef(team, found[0], found[1]) if found else None
