"""One object per running bot that holds the core services an adapter talks to, and the
due-work step the bot runs on a timer."""

from __future__ import annotations

import logging
import random
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime

from bot.core.curation.service import AdminService
from bot.core.play.service import QuizEngine
from bot.core.ports import Messenger, Repository, Worker
from bot.core.weekly.service import WeeklyService
from bot.core.weeks import utcnow
from bot.workers import shared_pool

log = logging.getLogger(__name__)

DueStep = Callable[[datetime], Awaitable[object]]


@dataclass
class QuizService:
    engine: QuizEngine
    admin: AdminService
    clock: Callable[[], datetime] = utcnow
    due_steps: list[DueStep] = field(default_factory=list)
    weekly: WeeklyService | None = None

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
) -> QuizService:
    engine = QuizEngine(repo, messenger, platform=platform, clock=clock, rng=rng)
    weekly = WeeklyService(repo, messenger, clock, platform=platform)
    return QuizService(
        engine=engine,
        admin=AdminService(repo, clock, worker=worker or shared_pool()),
        clock=clock,
        due_steps=[weekly.run_due],
        weekly=weekly,
    )
