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
from typing import Any

log = logging.getLogger(__name__)

# Of the platforms' 3 seconds, what the write may take before the ack goes out regardless;
# the rest covers the time the request took to reach us and the ack to go back.
ACK_DEADLINE_SECONDS = 2.0


async def finished_within(work: asyncio.Future[Any], seconds: float, what: str) -> bool:
    """Wait up to `seconds` for `work` without cancelling it: True once it finished (with a
    result or an error), False when the deadline came first (logged: the ack goes out before
    the write)."""
    done, _ = await asyncio.wait({work}, timeout=seconds)
    if done:
        return True
    log.warning("%s not written within %.1f s; acknowledged before its write", what, seconds)
    return False
