"""Answering an interaction by its id and token, without a discord.py Interaction: the initial
response and followups go through discord.py's webhook adapter (what `Interaction.response`
itself uses, with its rate-limit and retry handling) and through the outbox, a response at ACK
priority (Discord drops an interaction not answered in 3 s), a followup at RECEIPT priority."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import aiohttp
from discord.http import Route
from discord.webhook.async_ import async_context

from bot.adapters.discord.clicks import AnswerClick
from bot.adapters.outbox import Outbox, Priority


class RestReplies:
    """Implements clicks.Replies over Discord's REST API (gateway mode, and HTTP mode's
    followups). `session` gives the client's HTTP session, which exists once it logged in."""

    def __init__(self, session: Callable[[], aiohttp.ClientSession], outbox: Outbox) -> None:
        self.session = session
        self.outbox = outbox

    async def respond(self, click: AnswerClick, response: dict[str, Any]) -> None:
        route = Route(
            "POST",
            "/interactions/{webhook_id}/{webhook_token}/callback",
            webhook_id=click.interaction_id,
            webhook_token=click.token,
        )
        await self.outbox.send(Priority.ACK, lambda: self._send(route, response))

    async def follow_up(self, click: AnswerClick, data: dict[str, Any]) -> None:
        route = Route(
            "POST",
            "/webhooks/{webhook_id}/{webhook_token}",
            webhook_id=click.application_id,
            webhook_token=click.token,
        )
        await self.outbox.send(Priority.RECEIPT, lambda: self._send(route, data))

    async def _send(self, route: Route, payload: dict[str, Any]) -> Any:
        return await async_context.get().request(route, self.session(), payload=payload)


def client_session(http: Any) -> aiohttp.ClientSession:
    """The logged-in client's HTTP session, which discord.py's own Interaction answers with
    (it reads the same private attribute)."""
    session: aiohttp.ClientSession = http._HTTPClient__session
    return session
