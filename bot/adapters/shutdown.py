"""A graceful stop, the same for every bot: a signal asks for it; then no new rounds, handler
runs already acknowledged finish (bounded), and the answers they queued are written."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal

from bot.adapters.inflight import InFlight
from bot.service import QuizService

log = logging.getLogger(__name__)

# How long handler runs that already acknowledged their user get to finish at shutdown.
SHUTDOWN_GRACE_SECONDS = 10.0


def stop_on_signals() -> asyncio.Event:
    """An event set by SIGTERM (docker stop) or SIGINT (Ctrl-C)."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(sig, stop.set)
    return stop


async def settle(service: QuizService | None, inflight: InFlight, what: str) -> None:
    """After the last event was taken: no new rounds, let the `what` runs (interactions,
    requests) that already acked finish, then write the answers they queued."""
    if service is not None:
        service.engine.accepting_rounds = False
    if not await inflight.wait_idle(SHUTDOWN_GRACE_SECONDS):
        log.warning("%d %s still running at shutdown", inflight.running_count, what)
    if service is not None:
        await service.engine.drain()
