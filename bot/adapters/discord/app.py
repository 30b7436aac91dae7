"""`quizbot run discord`: settings -> database -> service -> client, until SIGTERM or Ctrl-C."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
import sys
from collections.abc import Callable
from datetime import datetime

import discord

from bot.adapters.discord.client import QuizClient, make_client, parse_ids
from bot.adapters.discord.messenger import DiscordMessenger
from bot.adapters.shutdown import stop_on_signals
from bot.config import Settings
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
    service = build_service(
        repo, DiscordMessenger(client), "discord", clock=clock, rng=rng, deck_limits=limits
    )
    client.attach(service, DueLoop(service.due_step, poll_seconds, clock=clock))
    return service


async def run(settings: Settings) -> int:
    if settings.discord_token is None or not settings.discord_token.get_secret_value().strip():
        print(
            "error: set DISCORD_TOKEN to the bot token (see 'Run on Discord' in the README)",
            file=sys.stderr,
        )
        return 2
    try:
        client = make_client(
            guild_ids=settings.discord_guild_id_list,
            shard_ids=parse_ids(settings.discord_shard_ids),
            shard_count=settings.discord_shard_count,
        )
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2

    try:
        async with open_runtime(settings) as rt:
            return await _serve(client, rt.repo, settings)
    except NotMigrated as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1


async def _serve(client: QuizClient, repo: Repository, settings: Settings) -> int:
    """Run until the client stops or a signal asks us to; returns the exit code."""
    assert settings.discord_token is not None
    build(client, repo, settings.due_poll_seconds, limits=deck_limits(settings))
    stopping = stop_on_signals()
    runner = asyncio.create_task(client.start(settings.discord_token.get_secret_value()))
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
        print(
            "error: Discord rejected DISCORD_TOKEN; copy it again from the Developer Portal "
            "(Bot tab)",
            file=sys.stderr,
        )
        return 1
    if isinstance(error, discord.PrivilegedIntentsRequired):
        print(f"error: {error}", file=sys.stderr)
        return 1
    if error is not None:
        log.error("the Discord client stopped", exc_info=error)
        return 1
    return 0
