"""`quizbot run slack` settles its heap once start-up is done, in HTTP mode and in Socket Mode
(`serve` calls `ready` then; this checks that `run` makes that the heap's settling)."""

from __future__ import annotations

import asyncio

import pytest

from bot.adapters.slack.app import run
from tests.adapters.conftest import runs_settled, signal_stop
from tests.adapters.slack.conftest import http_settings
from tests.adapters.slack.fake_slack import FakeSlack
from tests.adapters.slack.fake_socket_mode import FakeSlackWithSockets
from tests.adapters.slack.test_socket_mode import PROXY_VARS, socket_settings
from tests.helpers import free_port


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
async def test_http_mode_settles_its_heap_once_it_serves(
    fresh_db: str, fake_slack: FakeSlack, unsettled_heap: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    stop = signal_stop(monkeypatch, "bot.adapters.slack.app")
    settings = http_settings(fresh_db, fake_slack.api_url)
    assert await runs_settled(asyncio.create_task(run(settings, port=free_port())), stop)


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
        assert await runs_settled(
            asyncio.create_task(run(socket_settings(fresh_db, fake), port=free_port())), stop
        )
    finally:
        await fake.close()
