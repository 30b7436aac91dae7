"""`quizbot run discord` (the gateway and --http) settles its heap once start-up is done, as
the Slack app does: a full collection of start-up's objects would otherwise stall the event
loop again and again while clicks wait (tests/adapters/test_heap.py tests the settling)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest
from discord.gateway import DiscordWebSocket
from discord.http import Route

from bot.adapters.discord.app import run
from bot.config import Settings
from tests.adapters.conftest import START_UP, runs_settled, signal_stop
from tests.adapters.discord.fake_discord_server import DiscordServer
from tests.conftest import async_wait_until
from tests.helpers import free_port


@pytest.fixture
async def discord() -> AsyncIterator[DiscordServer]:
    server = DiscordServer()
    await server.start()
    base, gateway = Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY
    try:
        yield server
    finally:
        Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY = base, gateway
        await server.close()


def settings(database_url: str, discord: DiscordServer) -> Settings:
    return Settings(
        _env_file=None,  # type: ignore[call-arg]
        database_url=database_url,
        discord_token="offline-test-token",
        discord_api_url=discord.api_url,
        discord_public_key="ab" * 32,
    )


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
async def test_the_gateway_mode_settles_its_heap_once_connected(
    fresh_db: str, discord: DiscordServer, unsettled_heap: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    stop = signal_stop(monkeypatch, "bot.adapters.discord.app")
    task = asyncio.create_task(run(settings(fresh_db, discord)))
    assert await async_wait_until(lambda: discord.identified.is_set() or task.done(), START_UP)
    assert await runs_settled(task, stop)


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
async def test_the_http_mode_settles_its_heap_once_it_serves(
    fresh_db: str, discord: DiscordServer, unsettled_heap: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    stop = signal_stop(monkeypatch, "bot.adapters.discord.app")
    task = asyncio.create_task(run(settings(fresh_db, discord), http_port=free_port()))
    assert await runs_settled(task, stop)
