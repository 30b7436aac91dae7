"""discord.py reconnects to a gateway it cannot reach for as long as it is away, logging every
attempt with its traceback: our log has one line per attempt, naming the cause."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator

import pytest
from aiohttp import web
from discord.gateway import DiscordWebSocket
from discord.http import Route

from bot.adapters.discord.app import run
from bot.config import Settings
from tests.adapters.conftest import START_UP, signal_stop
from tests.adapters.discord.fake_discord_server import DiscordServer
from tests.conftest import async_wait_until
from tests.helpers import captured_log, free_port

GATEWAY_PORT = free_port()  # nobody listens there


class GatewayAway(DiscordServer):
    """Accepts the login (REST), but names a gateway nobody listens on."""

    async def _gateway_bot(self, request: web.Request) -> web.Response:
        body = json.dumps(
            {
                "url": f"ws://127.0.0.1:{GATEWAY_PORT}/gateway",
                "shards": 1,
                "session_start_limit": {
                    "total": 1000,
                    "remaining": 1000,
                    "reset_after": 0,
                    "max_concurrency": 1,
                },
            }
        )
        # Exactly application/json: discord.py reads no other body (aiohttp adds a charset).
        return web.Response(body=body.encode(), headers={"Content-Type": "application/json"})


@pytest.fixture
async def discord() -> AsyncIterator[GatewayAway]:
    server = GatewayAway()
    await server.start()
    base, gateway = Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY
    try:
        yield server
    finally:
        Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY = base, gateway
        await server.close()


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
async def test_each_reconnect_to_a_gateway_away_is_one_log_line(
    fresh_db: str, discord: GatewayAway, monkeypatch: pytest.MonkeyPatch
) -> None:
    stop = signal_stop(monkeypatch, "bot.adapters.discord.app")
    settings = Settings(
        _env_file=None,  # type: ignore[call-arg]
        database_url=fresh_db,
        discord_token="offline-test-token",
        discord_api_url=discord.api_url,
    )
    with captured_log("INFO") as log:
        task = asyncio.create_task(run(settings))
        try:
            retried = await async_wait_until(
                lambda: "Attempting a reconnect" in log.getvalue() or task.done(), START_UP
            )
        finally:
            stop.set()
            code = await asyncio.wait_for(task, START_UP)
    logged = log.getvalue()
    assert retried and code == 0, logged
    assert "Traceback" not in logged
    [line] = [line for line in logged.splitlines() if "Attempting a reconnect" in line]
    assert f"ClientConnectorError: Cannot connect to host 127.0.0.1:{GATEWAY_PORT}" in line
