"""What the run-mode tests of every adapter share: the collector as a new process starts it, and the stop a
signal would give, so a test can run a mode's real `run()` and end it."""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Iterator

import pytest

from bot.adapters.heap import YOUNG_THRESHOLD

PYTHON_DEFAULT_YOUNG = 700


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
