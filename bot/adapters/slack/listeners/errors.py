"""The Slack app's error boundary for what no listener caught (or Bolt met before a listener
ran): logged once under a reference, the user who sent the request told in one private line
with that reference, and the request acked so Slack does not deliver it again."""

from __future__ import annotations

import contextlib
import logging
from typing import Any

from slack_bolt.response import BoltResponse
from slack_sdk.web.async_client import AsyncWebClient

from bot.adapters.slack.identity import channel_from, user_id_of
from bot.boundary import failure_text, log_unexpected

log = logging.getLogger(__name__)


async def on_error(
    error: Exception,
    body: dict[str, Any],
    client: AsyncWebClient,
    response: BoltResponse | None,
) -> BoltResponse | None:
    reference = log_unexpected(log, "a Slack request", error)
    with contextlib.suppress(Exception):  # a body too broken to say who sent it
        channel = channel_from(body)
        if channel is not None:
            await client.chat_postEphemeral(
                channel=channel.external_id, user=user_id_of(body), text=failure_text(reference)
            )
    # Not acked yet (a middleware, or a listener before its ack): ack now, or Slack
    # re-sends the request and the user sees a timeout on top of the message above.
    return BoltResponse(status=200, body="") if response is not None else None
