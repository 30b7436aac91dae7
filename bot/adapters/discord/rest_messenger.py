"""A Discord messenger over REST only, for one-shot jobs such as `quizbot weekly run-due`.

The running bot posts through its gateway-connected client; a cron job has no gateway and needs
none: a client that has only logged in (one HTTP call, no websocket) can send to any channel by
id, because DiscordMessenger posts through partial messageables. So the rendering, the embed
limits and `AllowedMentions.none()` are exactly the running bot's.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import aiohttp
import discord

from bot.adapters.discord.messenger import NO_MENTIONS, DiscordMessenger
from bot.connection_errors import cause

log = logging.getLogger(__name__)


class LoginFailed(RuntimeError):
    """Discord did not accept the bot token (or could not be reached); nothing was sent."""


def rest_client() -> discord.Client:
    """No intents: the client never connects to the gateway, it only makes REST calls."""
    return discord.Client(intents=discord.Intents.none(), allowed_mentions=NO_MENTIONS)


@asynccontextmanager
async def rest_messenger(token: str) -> AsyncIterator[DiscordMessenger]:
    """Log in over HTTP (raising LoginFailed before anything is posted), yield a messenger on
    the logged-in client, and close the client's HTTP session afterwards."""
    client = rest_client()
    try:
        try:
            await client.login(token)
        except discord.LoginFailure as exc:
            raise LoginFailed(f"Discord refused the bot token (DISCORD_TOKEN): {exc}") from None
        except (discord.HTTPException, aiohttp.ClientError, OSError) as exc:
            raise LoginFailed(f"could not log in to Discord: {cause(exc)}") from exc
        log.info("logged in to Discord over REST (no gateway)")
        yield DiscordMessenger(client)
    finally:
        await client.close()
