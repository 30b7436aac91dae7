"""Generation hands what it made to the collector's oldest generation without a pass over it,
and leaves objects frozen by others (the bot's start-up) frozen."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

from questions.generate import generate_from_texts

NOTES = Path(__file__).parent / "notes" / "redis-ops.md"


@pytest.fixture
def collector() -> Iterator[list[int]]:
    """The generations of the collections that start while the test runs."""
    started: list[int] = []

    def seen(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            started.append(info["generation"])

    gc.callbacks.append(seen)
    was_enabled = gc.isenabled()
    gc.enable()
    try:
        yield started
    finally:
        gc.callbacks.remove(seen)
        if not was_enabled:
            gc.disable()


def test_generation_ends_with_no_pass_over_what_it_made(collector: list[int]) -> None:
    gc.unfreeze()
    generate_from_texts([("notes.md", NOTES.read_text(encoding="utf-8"))], "b")
    assert collector == []
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0


def test_objects_frozen_before_generation_stay_frozen(collector: list[int]) -> None:
    kept = [[] for _ in range(100)]  # a start-up's objects, frozen for the process's life
    gc.freeze()
    try:
        assert gc.get_freeze_count() >= len(kept)
        generate_from_texts([("notes.md", NOTES.read_text(encoding="utf-8"))], "b")
        # frozen objects the run freed are gone from the count; the kept ones stay
        assert gc.get_freeze_count() >= len(kept)
        assert gc.isenabled()
    finally:
        gc.unfreeze()


def test_a_paused_collector_stays_paused(collector: list[int]) -> None:
    gc.disable()
    generate_from_texts([("notes.md", NOTES.read_text(encoding="utf-8"))], "b")
    assert not gc.isenabled()
