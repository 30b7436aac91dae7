"""An acked click is a written click: adapters write the answer first and acknowledge the
click after the batch holding it committed (milliseconds), so a crash right after an ack loses
nothing the player was told had succeeded.

The platforms drop an interaction that is not acknowledged within 3 seconds, so the wait is
bounded: if the write has not committed after ACK_DEADLINE_SECONDS (a database that is
overloaded or away), the click is acknowledged anyway, the write goes on, and the player gets
the receipt when it is done. Only a hard crash (kill -9, power loss) inside that window can
lose such a click, and then its player never got a "Locked in" receipt.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from typing import Any

log = logging.getLogger(__name__)

# Of the platforms' 3 seconds, what the write may take before the ack goes out regardless;
# the rest covers the time the request took to reach us and the ack to go back.
ACK_DEADLINE_SECONDS = 2.0


# Under a burst every click may miss its deadline: one warning line per this many seconds,
# counting the others, instead of a line per click (which cost CPU the clicks needed).
REPORT_EVERY_SECONDS = 5.0


class LateWrites:
    """Reports writes that missed their ack deadline, at most one line per interval."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self.reported_at: float | None = None
        self.unreported = 0

    def report(self, what: str, seconds: float) -> None:
        now = self.clock()
        if self.reported_at is not None and now - self.reported_at < REPORT_EVERY_SECONDS:
            self.unreported += 1
            return
        more = f" (and {self.unreported} more since the last report)" if self.unreported else ""
        log.warning(
            "%s not written within %.1f s; acknowledged before its write%s", what, seconds, more
        )
        self.reported_at, self.unreported = now, 0


async def finished_within(
    work: asyncio.Future[Any], seconds: float, what: str, late: LateWrites
) -> bool:
    """Wait up to `seconds` for `work` without cancelling it: True once it finished (with a
    result or an error), False when the deadline came first (reported: the ack goes out
    before the write)."""
    done, _ = await asyncio.wait({work}, timeout=seconds)
    if done:
        return True
    late.report(what, seconds)
    return False
