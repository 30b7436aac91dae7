"""One object per running bot that holds the core services an adapter talks to, and the
due-work step the bot runs on a timer."""

from __future__ import annotations

import logging
import random
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime

from bot.config import Settings
from bot.core.curation.service import AdminService
from bot.core.decks.rules import DeckLimits
from bot.core.decks.service import DeckService
from bot.core.play.service import QuizEngine
from bot.core.ports import Messenger, Repository, Worker
from bot.core.study.daily_service import DailyService
from bot.core.study.service import StudyService
from bot.core.surfaces import Surface
from bot.core.weekly.service import WeeklyService
from bot.core.weeks import utcnow
from bot.workers import generation_pool, shared_pool

log = logging.getLogger(__name__)

DueStep = Callable[[datetime], Awaitable[object]]


@dataclass
class QuizService:
    engine: QuizEngine
    admin: AdminService
    decks: DeckService
    study: StudyService
    clock: Callable[[], datetime] = utcnow
    due_steps: list[DueStep] = field(default_factory=list)
    weekly: WeeklyService | None = None
    daily: DailyService | None = None

    async def due_step(self) -> None:
        """Everything whose time has come: close questions, then any extra scheduled work."""
        now = self.clock()
        await self.engine.run_due(now)
        for step in self.due_steps:
            try:
                await step(now)
            except Exception:
                log.exception("due step %s failed", getattr(step, "__qualname__", step))


def build_service(
    repo: Repository,
    messenger: Messenger,
    platform: str,
    *,
    clock: Callable[[], datetime] = utcnow,
    rng: random.Random | None = None,
    worker: Worker | None = None,
    generator: Worker | None = None,
    deck_limits: DeckLimits | None = None,
) -> QuizService:
    """The services of one bot; `worker` runs imports, exports and statistics, `generator`
    generates decks from notes (the shared and generation pools unless given)."""
    surface = Surface.of_platform(platform)
    engine = QuizEngine(repo, messenger, platform=platform, clock=clock, rng=rng, surface=surface)
    weekly = WeeklyService(repo, messenger, clock, platform=platform)
    daily = DailyService(repo, engine, clock, platform=platform, rng=rng)
    decks = DeckService(
        repo,
        clock,
        worker=generator or generation_pool(),
        limits=deck_limits or DeckLimits(),
        surface=surface,
    )
    return QuizService(
        engine=engine,
        admin=AdminService(repo, clock, worker=worker or shared_pool(), surface=surface),
        decks=decks,
        study=StudyService(repo, clock, rng=rng),
        clock=clock,
        due_steps=[weekly.run_due, daily.run_due],
        weekly=weekly,
        daily=daily,
    )


def deck_limits(settings: Settings) -> DeckLimits:
    """The deck limits the settings give (DECK_MAX_PER_TEAM, DECK_MAX_QUESTIONS)."""
    return DeckLimits(settings.deck_max_per_team, settings.deck_max_questions)
