"""The bot settles its heap once start-up is done: what start-up made is frozen out of the
collector's sight, and young collections wait for more allocations. While it starts, the
collector is paused (`quizbot run slack`), and on again once it serves or the run ends."""

from __future__ import annotations

import argparse
import asyncio
import gc
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from bot.adapters.heap import YOUNG_THRESHOLD, settle_heap, starting_up
from bot.adapters.slack import app as slack_app
from bot.cli.run import cmd_run_slack
from bot.config import Settings


@pytest.fixture
def restored_collector() -> Iterator[None]:
    threshold = gc.get_threshold()
    yield
    gc.unfreeze()
    gc.set_threshold(*threshold)
    gc.enable()


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


def test_settling_walks_no_heap(restored_collector: None) -> None:
    # A collection there would walk every object start-up made to free almost none of them.
    collections: list[str] = []

    def seen(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            collections.append(f"generation {info['generation']}")

    gc.callbacks.append(seen)
    try:
        settle_heap()
    finally:
        gc.callbacks.remove(seen)
    assert collections == []


def test_the_collector_is_paused_while_starting_and_on_once_settled(
    restored_collector: None,
) -> None:
    with starting_up():
        assert not gc.isenabled()
        settle_heap()
        assert gc.isenabled()
    assert gc.isenabled()


def test_a_start_that_fails_before_serving_leaves_the_collector_on(
    restored_collector: None,
) -> None:
    with pytest.raises(RuntimeError), starting_up():
        raise RuntimeError("the database is away")
    assert gc.isenabled()


def _settings() -> Settings:
    """No Slack token of any kind, whatever the environment holds."""
    return Settings(
        _env_file=None,  # type: ignore[call-arg]
        database_url="sqlite+aiosqlite:///unused.db",
        slack_bot_token=None,
        slack_app_token=None,
        slack_client_id=None,
        slack_client_secret=None,
    )


def test_run_slack_starts_with_the_collector_paused_and_serves_with_it_on(
    restored_collector: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[tuple[str, bool]] = []

    async def serve(
        settings: Settings, port: int, stop: asyncio.Event, ready: Callable[[], None], **_: Any
    ) -> int:
        seen.append(("starting", gc.isenabled()))
        ready()  # what the app calls once it serves
        seen.append(("serving", gc.isenabled()))
        return 0

    monkeypatch.setattr(slack_app, "serve", serve)
    assert cmd_run_slack(argparse.Namespace(port=3000), _settings()) == 0
    assert seen == [("starting", False), ("serving", True)]
    assert gc.isenabled()


def test_run_slack_refused_by_its_settings_leaves_the_collector_on(
    restored_collector: None,
) -> None:
    # no SLACK_BOT_TOKEN: the run ends with exit code 2 before it serves
    assert cmd_run_slack(argparse.Namespace(port=3000), _settings()) == 2
    assert gc.isenabled()
