"""The core's Messenger on the Slack Web API: chat.postMessage and chat.update, and
chat.postEphemeral for a click's receipt (`receipts`).

A message reference is `"<channel_id>:<ts>"`, everything chat.update needs, so any replica can
edit a question card posted by another one.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

import aiohttp
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_async_handlers import AsyncRateLimitErrorRetryHandler
from slack_sdk.web.async_client import AsyncWebClient

from bot.adapters.slack.escape import escape_cut
from bot.adapters.slack.receipts import Receipts
from bot.adapters.slack.render import blocks_for, fallback_text
from bot.core.models import ChannelRef
from bot.core.views import View

log = logging.getLogger(__name__)

# team external id -> bot token, for installs into many workspaces (None: the client's token)
TokenLookup = Callable[[str], Awaitable[str | None]]


def make_client(
    token: str | None, base_url: str, session: aiohttp.ClientSession | None = None
) -> AsyncWebClient:
    """A Web API client that retries 429s (the async client does not by default). With
    `session` its calls share that session's kept-alive connections; without, slack_sdk opens
    a new session (and connection) for every call."""
    if not base_url.endswith("/"):
        base_url += "/"
    client = AsyncWebClient(token=token, base_url=base_url, session=session, logger=_sdk_logger())
    client.retry_handlers.append(AsyncRateLimitErrorRetryHandler(max_retry_count=2))
    return client


def _sdk_logger() -> logging.Logger:
    """slack_sdk's logger with its level set: the client formats a debug line for every request
    and response whenever `logger.level <= DEBUG`, which an unset level (0) always is."""
    logger = logging.getLogger("slack_sdk.web.async_client")
    if logger.level == logging.NOTSET:
        logger.setLevel(logging.getLogger().getEffectiveLevel())
    return logger


def make_ref(channel_id: str, ts: str) -> str:
    return f"{channel_id}:{ts}"


def parse_ref(ref: str) -> tuple[str, str]:
    channel_id, sep, ts = ref.rpartition(":")
    if not sep or not channel_id or not ts:
        raise ValueError(f"not a Slack message reference: {ref!r}")
    return channel_id, ts


class SlackMessenger:
    def __init__(
        self,
        client: AsyncWebClient,
        token_for: TokenLookup | None = None,
        receipts: Receipts | None = None,
    ) -> None:
        self.client = client
        self.token_for = token_for
        self.receipts = receipts or Receipts()

    async def auth(self, channel: ChannelRef) -> dict[str, Any]:
        """A per-workspace token, when there is one. (Passing token=None would send no token.)"""
        if self.token_for is None:
            return {}
        token = await self.token_for(channel.team.external_id)
        return {"token": token} if token else {}

    async def post(self, channel: ChannelRef, view: View) -> str | None:
        """Post a view; None (logged with the channel) when Slack refuses, so the round goes on
        and the due loop keeps closing questions."""
        try:
            resp = await self.client.chat_postMessage(
                channel=channel.external_id,
                text=fallback_text(view),
                blocks=blocks_for(view),
                unfurl_links=False,
                unfurl_media=False,
                **await self.auth(channel),
            )
        except SlackApiError as exc:
            log.error(
                "chat.postMessage to channel %s failed: %s",
                channel.external_id,
                exc.response.get("error"),
            )
            return None
        ts = resp.get("ts")
        if not ts:
            return None
        return make_ref(str(resp.get("channel") or channel.external_id), str(ts))

    async def update(self, channel: ChannelRef, message_ref: str, view: View) -> None:
        channel_id, ts = parse_ref(message_ref)
        try:
            await self.client.chat_update(
                channel=channel_id,
                ts=ts,
                text=fallback_text(view),
                blocks=blocks_for(view),
                **await self.auth(channel),
            )
        except SlackApiError as exc:
            log.error(
                "chat.update of %s in channel %s failed: %s",
                ts,
                channel_id,
                exc.response.get("error"),
            )

    async def tell(self, channel: ChannelRef, user_id: str, text: str) -> None:
        """A message only `user_id` sees in the channel (a click's receipt); escaped and cut.
        Sent past slack_sdk, over `receipts`: one per click."""
        token = self.client.token
        if self.token_for is not None:
            token = (await self.auth(channel)).get("token", token)
        await self.receipts.post(
            self.client.base_url,
            token,
            {"channel": channel.external_id, "user": user_id, "text": escape_cut(text, 3000)},
        )
