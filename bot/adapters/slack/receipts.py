"""chat.postEphemeral for a click's receipt, straight over aiohttp.

A burst of clicks is a burst of receipts, one Web API call each (Slack has no call that sends
ephemeral messages to many users). slack_sdk's AsyncWebClient costs about twice the CPU of the
HTTP request itself per call (URL joining, argument and header assembly, its retry and
response objects), so receipts skip it: one JSON POST on the client's session (whose
kept-alive connections serve every call), Slack's `Retry-After` honoured on a 429 and a
dropped kept-alive connection retried once, as the client's own retry handlers do.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import aiohttp
import orjson
from yarl import URL

log = logging.getLogger(__name__)

METHOD = "chat.postEphemeral"
# As slack_sdk's client: two retries after a 429, one after a dropped connection.
RATE_LIMIT_RETRIES = 2
CONNECTION_RETRIES = 1
TIMEOUT = aiohttp.ClientTimeout(total=30)  # slack_sdk's default


class ReceiptFailed(RuntimeError):
    """Slack refused the receipt (`ok: false`); the message names Slack's error code."""


async def post_ephemeral(
    session: aiohttp.ClientSession | None,
    base_url: str,
    token: str | None,
    fields: dict[str, Any],
) -> None:
    """POST chat.postEphemeral with `fields` (channel, user, text). Raises ReceiptFailed when
    Slack answers `ok: false`, aiohttp's errors when it cannot be reached. Without `session`,
    one is opened for the call (as slack_sdk does without one)."""
    if session is None:
        async with aiohttp.ClientSession(timeout=TIMEOUT) as own:
            return await post_ephemeral(own, base_url, token, fields)
    url = URL(base_url + METHOD)
    headers = {"Content-Type": "application/json;charset=utf-8"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    body = orjson.dumps(fields)
    limited = dropped = 0
    while True:
        try:
            async with session.post(url, data=body, headers=headers, timeout=TIMEOUT) as resp:
                if resp.status == 429 and limited < RATE_LIMIT_RETRIES:
                    limited += 1
                    await asyncio.sleep(retry_after(resp.headers.get("Retry-After")))
                    continue
                status, raw = resp.status, await resp.read()
        except (aiohttp.ServerDisconnectedError, aiohttp.ClientOSError):
            if dropped >= CONNECTION_RETRIES:
                raise
            dropped += 1
            continue
        problem = slack_error(raw)
        if problem is not None:
            raise ReceiptFailed(f"{METHOD} failed: {problem} (HTTP {status})")
        return


def slack_error(raw: bytes) -> str | None:
    """Slack's error code for an answer that is not `ok: true`, None when it is."""
    try:
        answer = orjson.loads(raw)
    except orjson.JSONDecodeError:
        return "not a JSON answer"
    if isinstance(answer, dict) and answer.get("ok") is True:
        return None
    error = answer.get("error") if isinstance(answer, dict) else None
    return str(error) if error else "no ok in the answer"


def retry_after(header: str | None) -> float:
    """Seconds a 429's Retry-After asks for (1 when it says nothing readable)."""
    try:
        return max(0.0, float(header)) if header is not None else 1.0
    except ValueError:
        return 1.0
