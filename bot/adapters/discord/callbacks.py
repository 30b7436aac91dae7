"""Answering an interaction by its id and token, without a discord.py Interaction: the initial
response and followups, through the outbox (a response at ACK priority, since Discord drops an
interaction not answered in 3 s; a followup at RECEIPT priority) and over a session of their
own (`InteractionHttp`).

Why not discord.py's webhook adapter (what `Interaction.response` uses): under a burst of
clicks its per-request cost (a lock per interaction, JSON through the json module, its
bookkeeping) was a quarter of each call's CPU, and it shares the client's connection pool
(100 connections) with every other REST call. Interaction responses are not limited per route
the way channel messages are (each interaction token is its own bucket), so a pool of their own
lets a burst's acks go out side by side.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any, Protocol

import aiohttp
import orjson
from discord import DiscordServerError, Forbidden, HTTPException, NotFound
from discord.http import Route

from bot.adapters.discord.clicks import AnswerClick
from bot.adapters.outbox import Outbox, Priority

log = logging.getLogger(__name__)

# Connections for interaction responses and followups: as many as the outbox lets run at once.
INTERACTION_CONNECTIONS = 256
ATTEMPTS = 5  # as discord.py's webhook adapter: a 429 or a 5xx is retried, up to this often
JSON_HEADERS = {"Content-Type": "application/json"}


class Poster(Protocol):
    """Sends one interaction request (a response or a followup) to Discord."""

    async def post(self, route: Route, payload: dict[str, Any]) -> None: ...


class InteractionHttp:
    """POSTs interaction responses and followups on a session of its own (opened on first use,
    in the running loop; `close()` at shutdown). Errors as discord.py raises them."""

    def __init__(self, connections: int = INTERACTION_CONNECTIONS) -> None:
        self.connections = connections
        self._session: aiohttp.ClientSession | None = None

    def session(self) -> aiohttp.ClientSession:
        if self._session is None or self._session.closed:
            connector = aiohttp.TCPConnector(limit=self.connections)
            self._session = aiohttp.ClientSession(
                connector=connector, skip_auto_headers=["User-Agent"]
            )
        return self._session

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None

    async def post(self, route: Route, payload: dict[str, Any]) -> None:
        body = orjson.dumps(payload)
        for attempt in range(ATTEMPTS):
            async with self.session().post(route.url, data=body, headers=JSON_HEADERS) as resp:
                if 200 <= resp.status < 300:
                    return
                data = await _json_or_text(resp)
                if resp.status == 429 and resp.headers.get("Via") and attempt < ATTEMPTS - 1:
                    # Discord's own rate limit (Cloudflare's carries no Via): wait as told
                    retry_after = float(data["retry_after"]) if isinstance(data, dict) else 1.0
                    log.warning("interaction request rate limited; retrying in %.2f s", retry_after)
                    await asyncio.sleep(retry_after)
                    continue
                if resp.status >= 500 and attempt < ATTEMPTS - 1:
                    await asyncio.sleep(1 + attempt * 2)
                    continue
                raise _error(resp, data)


def _error(resp: aiohttp.ClientResponse, data: Any) -> HTTPException:
    if resp.status >= 500:
        return DiscordServerError(resp, data)
    kind = {403: Forbidden, 404: NotFound}.get(resp.status, HTTPException)
    return kind(resp, data)


async def _json_or_text(resp: aiohttp.ClientResponse) -> Any:
    text = await resp.text(encoding="utf-8")
    if resp.headers.get("Content-Type", "").startswith("application/json"):
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
