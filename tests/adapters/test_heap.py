"""The bot settles its heap once start-up is done: what start-up made is frozen out of the
collector's sight, and young collections wait for more allocations."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from bot.adapters.heap import YOUNG_THRESHOLD, settle_heap


@pytest.fixture
def restored_collector() -> Iterator[None]:
    threshold = gc.get_threshold()
    yield
    gc.unfreeze()
    gc.set_threshold(*threshold)


def test_settling_freezes_what_exists_and_raises_the_young_threshold(
    restored_collector: None,
) -> None:
    kept = [[] for _ in range(10)]  # start-up's objects, kept for the process's life
    older = gc.get_threshold()[1:]
    gc.unfreeze()
    assert gc.get_freeze_count() == 0
    settle_heap()
    assert gc.get_freeze_count() >= len(kept)
    assert gc.get_threshold() == (YOUNG_THRESHOLD, *older)
