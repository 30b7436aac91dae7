"""The cyclic garbage collector for a long-running bot process.

A bot allocates most of its objects at start-up (modules, SQLAlchemy's metadata and caches, the
platform libraries) and keeps them for its life; per request it makes short-lived objects that
reference counting frees. With the collector's defaults every 700 new objects start a young
collection that also scans the requests still in flight, and the older generations re-scan the
whole start-up heap: measured in the Slack click benchmark, a sixth of the bot's CPU went to
collections that found almost nothing.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

# A young collection once this many objects were allocated and not freed (Python's default:
# 700): a burst's request objects are mostly freed by reference counting before it comes.
YOUNG_THRESHOLD = 50_000


def settle_heap() -> None:
    """Call once start-up is done: what exists now is kept for the process's life, so it moves
    out of the collector's sight (gc.freeze), and young collections run less often. Turns the
    collector back on if `starting_up` paused it.

    No collection first: it would walk the whole start-up heap (about 200,000 objects, 0.1-0.3 s
    of CPU, a tenth of the Slack bot's start-up) to free the few thousand cyclic leftovers of
    imports (under 1 % of it), which stay frozen instead."""
    gc.freeze()
    _, older, oldest = gc.get_threshold()
    gc.set_threshold(YOUNG_THRESHOLD, older, oldest)
    gc.enable()


@contextmanager
def starting_up() -> Iterator[None]:
    """The collector paused while a bot starts (`settle_heap` turns it back on once it serves;
    at the latest it is on again when the block ends). Start-up imports and builds objects kept
    for the process's life, so the collections it would trigger (several full ones over a
    growing heap, about a tenth of start-up's CPU) find nothing to free."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
