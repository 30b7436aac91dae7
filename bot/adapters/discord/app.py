"""`quizbot run discord [--http --port P]`: settings -> database -> service -> client, until
SIGTERM or Ctrl-C; over the gateway (the default), or as the Interactions Endpoint URL (see
`http_mode`)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
import sys
from collections.abc import Callable
from datetime import datetime

import discord
import yarl
from discord.gateway import DiscordWebSocket
from discord.http import Route

from bot.adapters.discord.client import QuizClient, make_client, parse_ids
from bot.adapters.discord.http_mode import INTERACTIONS_PATH, build_endpoint
from bot.adapters.discord.messenger import DiscordMessenger
from bot.adapters.health import HEALTH_PATH
from bot.adapters.heap import settle_heap
from bot.adapters.outbox import OrderedMessenger
from bot.adapters.shutdown import stop_on_signals
from bot.config import Settings
from bot.connection_errors import cause, is_connection_error
from bot.core.decks.rules import DeckLimits
from bot.core.due import DueLoop
from bot.core.ports import Repository
from bot.core.weeks import utcnow
from bot.runtime import NotMigrated, open_runtime
from bot.service import QuizService, build_service, deck_limits

log = logging.getLogger(__name__)


def build(
    client: QuizClient,
    repo: Repository,
    poll_seconds: float = 1.0,
    *,
    clock: Callable[[], datetime] = utcnow,
    rng: random.Random | None = None,
    limits: DeckLimits | None = None,
) -> QuizService:
    """The service for this client: its messenger posts through the client; the due loop's
    timer is poked by the engine whenever a question is scheduled to close."""
    messenger = OrderedMessenger(DiscordMessenger(client), client.outbox)
    service = build_service(repo, messenger, "discord", clock=clock, rng=rng, deck_limits=limits)
    client.attach(service, DueLoop(service.due_step, poll_seconds, clock=clock))
    return service


def use_api(url: str | None) -> None:
    """Send discord.py's REST calls (and interaction replies) to `url` instead of discord.com
    (DISCORD_API_URL: a local fake in tests and benchmarks)."""
    if url:
        Route.BASE = url.rstrip("/")


async def _connect(client: QuizClient, token: str, api_url: str | None) -> None:
    """`client.start`, except that with DISCORD_API_URL the gateway is the one its
    /gateway/bot names (discord.com's otherwise)."""
    await client.login(token)
    if api_url:
        _shards, gateway, _limits = await client.http.get_bot_gateway()
        DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(gateway)
    await client.connect()


async def run(settings: Settings, http_port: int | None = None) -> int:
    if settings.discord_token is None or not settings.discord_token.get_secret_value().strip():
        print(
            "error: set DISCORD_TOKEN to the bot token (see 'Run on Discord' in the README)",
            file=sys.stderr,
        )
        return 2
    if http_port is not None and settings.discord_public_key is None:
        print(
            "error: set DISCORD_PUBLIC_KEY to the application's public key for --http "
            "(see 'HTTP interactions mode' in the README)",
            file=sys.stderr,
        )
        return 2
    try:
        client = make_client(
            guild_ids=settings.discord_guild_id_list,
            shard_ids=parse_ids(settings.discord_shard_ids) if http_port is None else (),
            shard_count=settings.discord_shard_count if http_port is None else None,
        )
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    use_api(settings.discord_api_url)
    try:
        async with open_runtime(settings, serve=True) as rt:
            if http_port is not None:
                return await _serve_http(client, rt.repo, settings, http_port)
            return await _serve(client, rt.repo, settings)
    except NotMigrated as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1


async def _serve_http(client: QuizClient, repo: Repository, settings: Settings, port: int) -> int:
    """HTTP interactions mode until a signal: log in over REST, then serve the endpoint."""
    assert settings.discord_token is not None and settings.discord_public_key is not None
    build(client, repo, settings.due_poll_seconds, limits=deck_limits(settings))
    stopping = stop_on_signals()
    try:
        await client.login(settings.discord_token.get_secret_value())
    except discord.LoginFailure:
        await client.close()
        print(_BAD_TOKEN, file=sys.stderr)
        return 1
    except Exception as exc:
        await client.close()
        if not is_connection_error(exc):
            raise
        print(_unreachable(exc), file=sys.stderr)
        return 1
    client.start_due_loop()
    endpoint = build_endpoint(client, repo, settings.discord_public_key)
    await endpoint.start("0.0.0.0", port)
    settle_heap()  # start-up is done: it serves from here on
    log.info(
        "Discord interactions endpoint %s and %s on port %s", INTERACTIONS_PATH, HEALTH_PATH, port
    )
    try:
        await stopping.wait()
    finally:
        log.info("shutting down")
        endpoint.stop_listening()  # no new interactions; those in progress get their response
        await client.shutdown()
        await endpoint.close()
    return 0


_BAD_TOKEN = (
    "error: Discord rejected DISCORD_TOKEN; copy it again from the Developer Portal (Bot tab)"
)


def _unreachable(error: BaseException) -> str:
    """Start-up could not reach Discord (DNS, refused, a gateway that went away): one line,
    and the exit code lets a supervisor restart the bot later."""
    return f"error: could not connect to Discord: {cause(error)}"


async def _serve(client: QuizClient, repo: Repository, settings: Settings) -> int:
    """Run until the client stops or a signal asks us to; returns the exit code."""
    assert settings.discord_token is not None
    build(client, repo, settings.due_poll_seconds, limits=deck_limits(settings))
    client.on_first_ready = settle_heap  # connected, guilds cached: start-up is done
    stopping = stop_on_signals()
    token = settings.discord_token.get_secret_value()
    runner = asyncio.create_task(_connect(client, token, settings.discord_api_url))
    waiter = asyncio.create_task(stopping.wait())
    done, _ = await asyncio.wait({runner, waiter}, return_when=asyncio.FIRST_COMPLETED)
    log.info("shutting down")
    await client.shutdown()
    waiter.cancel()
    if runner not in done:
        with contextlib.suppress(asyncio.CancelledError, Exception):
            await asyncio.wait_for(runner, timeout=10)
        return 0
    error = runner.exception()
    if isinstance(error, discord.LoginFailure):
        print(_BAD_TOKEN, file=sys.stderr)
        return 1
    if isinstance(error, discord.PrivilegedIntentsRequired):
        print(f"error: {error}", file=sys.stderr)
        return 1
    if error is not None and is_connection_error(error):
        print(_unreachable(error), file=sys.stderr)
        return 1
    if error is not None:
        log.error("the Discord client stopped", exc_info=error)
        return 1
    return 0
