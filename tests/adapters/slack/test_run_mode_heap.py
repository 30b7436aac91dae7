"""`quizbot run slack` settles its heap once start-up is done, in HTTP mode and in Socket Mode
(`serve` calls `ready` then; this checks that `run` makes that the heap's settling)."""

from __future__ import annotations

import asyncio

import pytest

from bot.adapters.slack.app import run
from bot.config import Settings
from tests.adapters.conftest import heap_settled, signal_stop
from tests.adapters.slack.conftest import SECRET
from tests.adapters.slack.fake_slack import BOT_TOKEN, FakeSlack
from tests.adapters.slack.fake_socket_mode import FakeSlackWithSockets
from tests.adapters.slack.test_socket_mode import PROXY_VARS, socket_settings
from tests.conftest import async_wait_until
from tests.helpers import free_port

START_UP = 30.0  # seconds a loaded machine may take to start the app


async def _runs_settled(settings: Settings, stop: asyncio.Event) -> bool:
    task = asyncio.create_task(run(settings, port=free_port()))
    try:
        return await async_wait_until(lambda: heap_settled() or task.done(), START_UP) and (
            heap_settled()
        )
    finally:
        stop.set()
        assert await asyncio.wait_for(task, START_UP) == 0


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
async def test_http_mode_settles_its_heap_once_it_serves(
    fresh_db: str, fake_slack: FakeSlack, unsettled_heap: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    stop = signal_stop(monkeypatch, "bot.adapters.slack.app")
    settings = Settings(
        _env_file=None,  # type: ignore[call-arg]
        database_url=fresh_db,
        slack_bot_token=BOT_TOKEN,
        slack_app_token=None,
        slack_signing_secret=SECRET,
        slack_api_url=fake_slack.api_url,
    )
    assert await _runs_settled(settings, stop)


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
async def test_socket_mode_settles_its_heap_once_it_connects(
    fresh_db: str, unsettled_heap: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    for var in PROXY_VARS:
        monkeypatch.delenv(var, raising=False)
    stop = signal_stop(monkeypatch, "bot.adapters.slack.app")
    fake = FakeSlackWithSockets()
    await fake.start()
    try:
        assert await _runs_settled(socket_settings(fresh_db, fake), stop)
    finally:
        await fake.close()
