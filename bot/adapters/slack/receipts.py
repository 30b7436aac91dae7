"""chat.postEphemeral for a click's receipt, over pyreqwest.

A burst of clicks is a burst of receipts, one Web API call each (Slack has no call that sends
ephemeral messages to many users). slack_sdk's AsyncWebClient costs about twice the CPU of the
HTTP request itself per call, and a plain POST on aiohttp's client session still cost about
0.33 ms of CPU a call (its request, connection and response objects in Python, on the event
loop); pyreqwest (reqwest, in Rust) does the HTTP work off the event loop and outside the GIL
for about 0.15 ms, on a connection pool of its own. Slack's `Retry-After` is honoured on a 429
and a dropped kept-alive connection retried once, as slack_sdk's retry handlers do; a refusal or
an unreachable Slack is one ReceiptFailed, which the caller logs in one line.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import timedelta
from typing import Any

import orjson
from pyreqwest.client import Client, ClientBuilder
from pyreqwest.exceptions import NetworkError, RequestTimeoutError

log = logging.getLogger(__name__)

METHOD = "chat.postEphemeral"
# As slack_sdk's client: two retries after a 429, one after a dropped connection.
RATE_LIMIT_RETRIES = 2
CONNECTION_RETRIES = 1
TIMEOUT = timedelta(seconds=30)  # slack_sdk's default


class ReceiptFailed(RuntimeError):
    """Slack refused the receipt (`ok: false`, the message names Slack's error code), or could
    not be reached."""


class Receipts:
    """POSTs chat.postEphemeral on a client of its own (built on first use, in the running
    loop; `close()` at shutdown)."""

    def __init__(self) -> None:
        self._client: Client | None = None

    def client(self) -> Client:
        if self._client is None:
            self._client = ClientBuilder().timeout(TIMEOUT).build()
        return self._client

    async def close(self) -> None:
        if self._client is not None:
            client, self._client = self._client, None
            await client.close()

    async def post(self, base_url: str, token: str | None, fields: dict[str, Any]) -> None:
        """POST chat.postEphemeral with `fields` (channel, user, text). Raises ReceiptFailed
        when Slack answers `ok: false` or cannot be reached."""
        url = base_url + METHOD
        body = orjson.dumps(fields)
        limited = dropped = 0
        while True:
            request = self.client().post(url).body_bytes(body)
            request = request.header("Content-Type", "application/json;charset=utf-8")
            if token:
                request = request.header("Authorization", f"Bearer {token}")
            try:
                resp = await request.build().send()
                if resp.status == 429 and limited < RATE_LIMIT_RETRIES:
                    limited += 1
                    await asyncio.sleep(retry_after(resp.get_header("Retry-After")))
                    continue
                raw = await resp.text()
            except NetworkError as exc:
                if dropped < CONNECTION_RETRIES:
                    dropped += 1
                    continue
                raise ReceiptFailed(f"{METHOD} failed: {type(exc).__name__}") from exc
            except RequestTimeoutError as exc:
                raise ReceiptFailed(f"{METHOD} failed: no answer in {TIMEOUT}") from exc
            problem = slack_error(raw)
            if problem is not None:
                raise ReceiptFailed(f"{METHOD} failed: {problem} (HTTP {resp.status})")
            return


def slack_error(raw: str) -> str | None:
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
