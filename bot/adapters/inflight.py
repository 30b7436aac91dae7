"""Handler runs that have started but not finished, so shutdown can let them finish.

Both libraries run each event handler in a task of its own that nobody awaits, and the user is
acknowledged from inside it (Slack's ack, Discord's defer): a click the user saw acknowledged
would be lost if the process exited under it. Slack listeners are registered through
`InFlight.track`, Discord handlers run inside `running()` (the adapter's `guarded`); shutdown
stops taking events, waits for the count to reach zero (bounded), then lets the engine write
what it queued."""

from __future__ import annotations

import asyncio
import functools
import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Coroutine
from contextlib import asynccontextmanager
from typing import Any, TypeVar

Listener = TypeVar("Listener", bound=Callable[..., Awaitable[Any]])

log = logging.getLogger(__name__)


class InFlight:
    def __init__(self) -> None:
        self.running_count = 0
        self._idle = asyncio.Event()
        self._idle.set()
        self._tasks: set[asyncio.Task[Any]] = set()

    @asynccontextmanager
    async def running(self) -> AsyncIterator[None]:
        """Counted while the block runs."""
        self._enter()
        try:
            yield
        finally:
            self._leave()

    def spawn(self, work: Coroutine[Any, Any, Any]) -> asyncio.Task[Any]:
        """Run `work` in a task of its own, counted from now until it ends: what a handler
        still does after it answered its request (a receipt once the click is acked)."""
        self._enter()
        task = asyncio.get_running_loop().create_task(work)
        self._tasks.add(task)  # a strong reference until it ends
        task.add_done_callback(self._finished)
        return task

    def _finished(self, task: asyncio.Task[Any]) -> None:
        self._tasks.discard(task)
        self._leave()
        if not task.cancelled() and task.exception() is not None:
            log.error("work after an acknowledgement failed", exc_info=task.exception())

    def _enter(self) -> None:
        self.running_count += 1
        self._idle.clear()

    def _leave(self) -> None:
        self.running_count -= 1
        if self.running_count == 0:
            self._idle.set()

    def track(self, listener: Listener) -> Listener:
        """The listener, counted while it runs. Bolt reads the wrapped function's argument
        names (it unwraps), and passes them as keywords."""

        @functools.wraps(listener)
        async def run(**kwargs: Any) -> Any:
            async with self.running():
                return await listener(**kwargs)

        return run  # type: ignore[return-value]

    async def wait_idle(self, timeout: float) -> bool:
        """True once nothing runs; False if something still runs after `timeout` seconds."""
        try:
            await asyncio.wait_for(self._idle.wait(), timeout)
        except TimeoutError:
            return False
        return True
