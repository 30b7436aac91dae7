"""The due-work loop: polls the database for work whose time has come, and wakes early when an
in-process timer says something is due sooner. The database stays the source of truth; the
timer only cuts latency, so a restart or another replica loses nothing."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from datetime import datetime

from bot.core.weeks import utcnow

log = logging.getLogger(__name__)


class DueLoop:
    def __init__(
        self,
        step: Callable[[], Awaitable[object]],
        poll_seconds: float = 1.0,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self._step = step
        self._poll = poll_seconds
        self._clock = clock
        self._wake = asyncio.Event()
        self._next: datetime | None = None
        self._stopping = False

    def poke(self, at: datetime) -> None:
        """Ask for a pass at `at` (or sooner)."""
        if self._next is None or at < self._next:
            self._next = at
            self._wake.set()

    def stop(self) -> None:
        self._stopping = True
        self._wake.set()

    async def run(self) -> None:
        while not self._stopping:
            # Cleared before the pass, so a stop or poke during it wakes the wait at once.
            self._wake.clear()
            try:
                await self._step()
            except Exception:
                log.exception("due work failed; retrying on the next pass")
            delay = self._poll
            if self._next is not None:
                delay = min(delay, max((self._next - self._clock()).total_seconds(), 0.0))
                if delay <= 0:
                    self._next = None
            if self._stopping:
                break
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), timeout=max(delay, 0.01))
