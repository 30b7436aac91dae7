"""Listener runs that have started but not finished, so shutdown can let them finish.

Bolt runs each listener in a task of its own that nobody awaits, and acks Slack from inside it:
a click the user already saw acknowledged would be lost if the process exited under it. Every
listener is registered through `InFlight.track`; shutdown stops taking events, then waits for
the count to reach zero (bounded), then lets the engine write what it queued."""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

Listener = TypeVar("Listener", bound=Callable[..., Awaitable[Any]])


class InFlight:
    def __init__(self) -> None:
        self.running = 0
        self._idle = asyncio.Event()
        self._idle.set()

    def track(self, listener: Listener) -> Listener:
        """The listener, counted while it runs. Bolt reads the wrapped function's argument
        names (it unwraps), and passes them as keywords."""

        @functools.wraps(listener)
        async def run(**kwargs: Any) -> Any:
            self.running += 1
            self._idle.clear()
            try:
                return await listener(**kwargs)
            finally:
                self.running -= 1
                if self.running == 0:
                    self._idle.set()

        return run  # type: ignore[return-value]

    async def wait_idle(self, timeout: float) -> bool:
        """True once nothing runs; False if something still runs after `timeout` seconds."""
        try:
            await asyncio.wait_for(self._idle.wait(), timeout)
        except TimeoutError:
            return False
        return True
