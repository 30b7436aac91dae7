"""Answering an interaction by its id and token, without a discord.py Interaction: the initial
response and followups, through the outbox (a response at ACK priority, since Discord drops an
interaction not answered in 3 s; a followup at RECEIPT priority) and over a client of their own
(`InteractionHttp`).

Why not discord.py's webhook adapter (what `Interaction.response` uses) on the client's aiohttp
session: under a burst of clicks the HTTP calls were half the bot's CPU, each ack competing on
the event loop with the writes it waits for. pyreqwest (reqwest, in Rust) does the HTTP work
off the event loop and outside the GIL, at 0.15 ms of CPU a call against aiohttp's 0.34-0.37
(same machine, same local server), and keeps a connection pool of its own. Interaction
responses are not limited per route the way channel messages are (each interaction token is
its own bucket), so a burst's acks can go out side by side.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import timedelta
from types import SimpleNamespace
from typing import Any, Protocol

import orjson
from discord import DiscordServerError, Forbidden, HTTPException, NotFound
from discord.http import Route
from pyreqwest.client import Client, ClientBuilder

from bot.adapters.discord.clicks import AnswerClick
from bot.adapters.outbox import Outbox, Priority

log = logging.getLogger(__name__)

# Connections for interaction responses and followups: as many as the outbox lets run at once.
INTERACTION_CONNECTIONS = 256
ATTEMPTS = 5  # as discord.py's webhook adapter: a 429 or a 5xx is retried, up to this often
TIMEOUT = timedelta(seconds=10)


class Poster(Protocol):
    """Sends one interaction request (a response or a followup) to Discord."""

    async def post(self, route: Route, payload: dict[str, Any]) -> None: ...


class InteractionHttp:
    """POSTs interaction responses and followups on a client of its own (built on first use,
    in the running loop; `close()` at shutdown). Errors as discord.py raises them."""

    def __init__(self, connections: int = INTERACTION_CONNECTIONS) -> None:
        self.connections = connections
        self._client: Client | None = None

    def client(self) -> Client:
        if self._client is None:
            builder = ClientBuilder().max_connections(self.connections).timeout(TIMEOUT)
            self._client = builder.build()
        return self._client

    async def close(self) -> None:
        if self._client is not None:
            client, self._client = self._client, None
            await client.close()

    async def post(self, route: Route, payload: dict[str, Any]) -> None:
        body = orjson.dumps(payload)
        for attempt in range(ATTEMPTS):
            request = self.client().post(route.url).body_bytes(body)
            resp = await request.header("Content-Type", "application/json").build().send()
            if 200 <= resp.status < 300:
                return
            data = _json_or_text(await resp.text(), resp.get_header("Content-Type") or "")
            if resp.status == 429 and resp.get_header("Via") and attempt < ATTEMPTS - 1:
                # Discord's own rate limit (Cloudflare's carries no Via): wait as told
                retry_after = float(data["retry_after"]) if isinstance(data, dict) else 1.0
                log.warning("interaction request rate limited; retrying in %.2f s", retry_after)
                await asyncio.sleep(retry_after)
                continue
            if resp.status >= 500 and attempt < ATTEMPTS - 1:
                await asyncio.sleep(1 + attempt * 2)
                continue
            raise _error(resp.status, data)


def _error(status: int, data: Any) -> HTTPException:
    """The exception discord.py raises for this answer (it reads the status and reason)."""
    response = SimpleNamespace(status=status, reason=str(status))
    if status >= 500:
        return DiscordServerError(response, data)
    kind = {403: Forbidden, 404: NotFound}.get(status, HTTPException)
    return kind(response, data)


def _json_or_text(text: str, content_type: str) -> Any:
    if content_type.startswith("application/json"):
        try:
            return orjson.loads(text)
        except orjson.JSONDecodeError:
            pass
    return text


class RestReplies:
    """Implements clicks.Replies over Discord's REST API (gateway mode, and HTTP mode's
    followups)."""

    def __init__(self, http: Poster, outbox: Outbox) -> None:
        self.http = http
        self.outbox = outbox

    async def respond(self, click: AnswerClick, response: dict[str, Any]) -> None:
        route = Route(
            "POST",
            "/interactions/{webhook_id}/{webhook_token}/callback",
            webhook_id=click.interaction_id,
            webhook_token=click.token,
        )
        await self.outbox.send(Priority.ACK, lambda: self.http.post(route, response))

    async def follow_up(self, click: AnswerClick, data: dict[str, Any]) -> None:
        route = Route(
            "POST",
            "/webhooks/{webhook_id}/{webhook_token}",
            webhook_id=click.application_id,
            webhook_token=click.token,
        )
        await self.outbox.send(Priority.RECEIPT, lambda: self.http.post(route, data))
