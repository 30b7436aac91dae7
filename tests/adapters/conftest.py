"""What the run-mode tests of every adapter share: the collector as a new process starts it, and the stop a
signal would give, so a test can run a mode's real `run()` and end it."""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Iterator

import pytest

from bot.adapters.heap import YOUNG_THRESHOLD
from tests.conftest import async_wait_until

PYTHON_DEFAULT_YOUNG = 700
START_UP = 30.0  # seconds a loaded machine may take to start a bot


@pytest.fixture
def unsettled_heap() -> Iterator[None]:
    """Nothing frozen and Python's default thresholds, as in a process just started; the
    test process's own state comes back afterwards."""
    threshold = gc.get_threshold()
    gc.unfreeze()
    gc.set_threshold(PYTHON_DEFAULT_YOUNG, *threshold[1:])
    yield
    gc.unfreeze()
    gc.set_threshold(*threshold)


def heap_settled() -> bool:
    """What `settle_heap` leaves: start-up's objects frozen, young collections spaced out."""
    return gc.get_freeze_count() > 0 and gc.get_threshold()[0] == YOUNG_THRESHOLD


def signal_stop(monkeypatch: pytest.MonkeyPatch, module: str) -> asyncio.Event:
    """The event `module`'s `stop_on_signals()` returns: set it as SIGTERM would."""
    stop = asyncio.Event()
    monkeypatch.setattr(f"{module}.stop_on_signals", lambda: stop)
    return stop


async def runs_settled(task: asyncio.Task[int], stop: asyncio.Event) -> bool:
    """Whether the run mode in `task` settles its heap once started; then stops it as a signal
    would and checks it ends cleanly (exit code 0)."""
    try:
        return await async_wait_until(lambda: heap_settled() or task.done(), START_UP) and (
            heap_settled()
        )
    finally:
        stop.set()
        assert await asyncio.wait_for(task, START_UP) == 0
