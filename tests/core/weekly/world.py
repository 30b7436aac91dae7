"""The weekly-post tests' world: a service on a fixed clock, and a way to play
scripted one-question rounds through the real engine."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, datetime

from bot.core.models import ChannelRef, TeamRef
from bot.core.play.service import QuizEngine
from bot.core.views import WeeklyPost
from bot.core.weekly.service import WeeklyService
from bot.db.repository import SqlRepository
from tests.helpers import (
    CHANNEL,
    TEAM,
    FixedClock,
    RecordingMessenger,
    load_questions,
    player,
    sample_questions,
)

BOARD = ChannelRef(TEAM, "c-board", "leaderboard")
ADMIN = player("boss", admin=True)


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


@dataclass
class World:
    repo: SqlRepository
    clock: FixedClock
    posts: RecordingMessenger  # what the weekly service sends
    weekly: WeeklyService
    engine: QuizEngine

    def weekly_posts(self) -> list[tuple[ChannelRef, WeeklyPost]]:
        return [(c, v) for c, v, _ in self.posts.posts if isinstance(v, WeeklyPost)]

    def service(self, worker: str, messenger: RecordingMessenger | None = None) -> WeeklyService:
        """Another bot process on the same database (a replica, or the bot after a restart)."""
        return WeeklyService(
            self.repo, messenger or self.posts, self.clock, worker, platform="discord"
        )

    async def set(self, at: datetime, **kwargs: object):
        self.clock.now = at
        return await self.weekly.set_schedule(ADMIN, kwargs.pop("channel", BOARD), **kwargs)  # type: ignore[arg-type]

    async def run(self, at: datetime) -> int:
        self.clock.now = at
        return await self.weekly.run_due(at)

    async def play(
        self,
        at: datetime,
        topic: str,
        answers: dict[str, bool],
        channel: ChannelRef = CHANNEL,
    ) -> tuple[str, str]:
        """A one-question round on `topic` at `at`, everyone answering at once (150 points
        for a right answer). Returns the prompt and the right answer's text."""
        self.clock.now = at
        out = await self.engine.start_round(
            channel, player("host", channel.team), questions=1, seconds=20, topic=topic
        )
        card = out.card
        right = next(i for i, c in enumerate(card.choices) if c.startswith("right"))
        wrong = next(i for i, c in enumerate(card.choices) if not c.startswith("right"))
        for name, ok in answers.items():
            receipt = await self.engine.answer(
                card.round_question_id, player(name, channel.team), right if ok else wrong
            )
            assert receipt.accepted, receipt.text
        await self.engine.close_question(card.round_question_id)
        return card.prompt, card.choices[right]


async def make_world(repo: SqlRepository) -> World:
    await load_questions(repo, sample_questions(8, topics=tuple(f"t{i}" for i in range(8))))
    clock = FixedClock()
    posts = RecordingMessenger()
    engine = QuizEngine(
        repo, RecordingMessenger(), platform="discord", clock=clock, rng=random.Random(3)
    )
    weekly = WeeklyService(repo, posts, clock, "worker-1", platform="discord")
    return World(repo, clock, posts, weekly, engine)


OTHER_TEAM = TeamRef("discord", "g2", "Guild Two")
