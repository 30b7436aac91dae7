"""HTTP mode refuses what is not a well-formed, signed Slack request before Bolt parses it:
401 for a missing, malformed, wrong or stale signature, 400 for a signed body Slack would not
send, 413 for a body over the cap; each refusal is one short log line, never the body and
never a traceback. (The issue's repro: 50 x 1 MB badly signed requests wrote 52.5 MB of log;
malformed unsigned bodies got a 500 and a traceback.)"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import time
from urllib.parse import urlencode

import pytest

from bot.adapters.slack.gate import MAX_BODY_BYTES
from bot.db.tables import Answer, Round
from tests.adapters.slack.conftest import SECRET, SlackEnv, block_actions
from tests.helpers import captured_log

FORM = "application/x-www-form-urlencoded"


async def post_raw(env: SlackEnv, body: bytes, headers: dict[str, str]) -> int:
    async with env.http.post(env.url, data=body, headers=headers) as resp:
        await resp.read()
        return resp.status


def signed_headers(body: bytes, content_type: str = FORM) -> dict[str, str]:
    ts = int(time.time())
    base = f"v0:{ts}:".encode() + body
    return {
        "Content-Type": content_type,
        "X-Slack-Request-Timestamp": str(ts),
        "X-Slack-Signature": "v0=" + hmac.new(SECRET.encode(), base, hashlib.sha256).hexdigest(),
    }


# Where a request's handling logs (the gate, Bolt, the HTTP server); records of other
# loggers come from work other tests left running in the background.
REQUEST_PATH = ("bot.adapters.slack", "bot.adapters.http_endpoint", "slack_bolt")
RECORD = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ [A-Z]+ (\S+): ", re.M)


def _records(log: str) -> list[tuple[str, str]]:
    """(logger, whole record text, traceback included) for each record of the request path."""
    starts = list(RECORD.finditer(log))
    out = []
    for i, m in enumerate(starts):
        end = starts[i + 1].start() if i + 1 < len(starts) else len(log)
        if m[1].startswith(REQUEST_PATH) and not m[1].startswith("bot.adapters.slack.listeners"):
            out.append((m[1], log[m.start() : end]))
    return out


def _assert_bounded(log: str, requests: int) -> None:
    """At most one short line per request (besides the access log's), never a traceback."""
    records = _records(log)
    assert all("Traceback" not in text for _, text in records), records
    assert all(len(text) < 400 for _, text in records), max(records, key=lambda r: len(r[1]))
    ours = [text for name, text in records if name != "aiohttp.access"]
    assert len(ours) <= requests, ours


async def test_big_badly_signed_requests_cost_one_short_log_line_each(slack: SlackEnv) -> None:
    filler = "x" * (MAX_BODY_BYTES - 1000)
    body = f"text={filler}&command=/quiz".encode()
    headers = {
        "Content-Type": FORM,
        "X-Slack-Request-Timestamp": str(int(time.time())),
        "X-Slack-Signature": "v0=" + "0" * 64,
    }
    with captured_log("DEBUG") as log:
        statuses = [await post_raw(slack, body, headers) for _ in range(5)]
    assert statuses == [401] * 5
    text = log.getvalue()
    assert filler[:100] not in text
    _assert_bounded(text, 5)


@pytest.mark.parametrize(
    ("body", "headers"),
    [
        (b"text=hi", {"X-Slack-Request-Timestamp": "soon", "X-Slack-Signature": "v0=ab"}),
        (b"text=hi", {}),
        (b"text=hi", {"X-Slack-Request-Timestamp": "\u00b2", "X-Slack-Signature": "v0=ab"}),
        (b"text=hi", {"X-Slack-Request-Timestamp": "9" * 5000, "X-Slack-Signature": "v0=ab"}),
        (b"text=hi", {"X-Slack-Request-Timestamp": "1", "X-Slack-Signature": "v0=\u00e9"}),
        (b"%zz%%=&&payload={", {"X-Slack-Request-Timestamp": "1", "X-Slack-Signature": "v0=1"}),
        (b'{"type": ', {"Content-Type": "application/json"}),
        (
            urlencode({"payload": json.dumps({"type": "block_actions", "actions": None})}).encode(),
            {},
        ),
    ],
    ids=[
        "non-numeric timestamp",
        "no headers",
        "superscript digit timestamp",
        "timestamp past int's digit limit",
        "non-ascii signature",
        "bad form",
        "bad json",
        "actions null",
    ],
)
async def test_malformed_unsigned_requests_get_401_and_one_line(
    slack: SlackEnv, body: bytes, headers: dict[str, str]
) -> None:
    with captured_log("DEBUG") as log:
        status = await post_raw(slack, body, {"Content-Type": FORM, **headers})
    assert status == 401
    _assert_bounded(log.getvalue(), 1)
    assert await slack.count(Round) == 0


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (b"text=%zz&user_id=U1", FORM),
        (b"payload=%7B%22type%22%3A%22block_actions%22%zz%7D", FORM),
        (b"text=\xff\xfe", FORM),
        (urlencode({"payload": "{not json"}).encode(), FORM),
        (urlencode({"payload": "[1, 2]"}).encode(), FORM),
        (b'{"type": "event_callback", ', "application/json"),
        (b'"just a string"', "application/json"),
    ],
    ids=[
        "bad form",
        "bad escape in a payload",
        "not utf-8",
        "payload not json",
        "payload not object",
        "bad json",
        "json string",
    ],
)
async def test_signed_but_malformed_requests_get_400_and_one_line(
    slack: SlackEnv, body: bytes, content_type: str
) -> None:
    with captured_log("DEBUG") as log:
        status = await post_raw(slack, body, signed_headers(body, content_type))
    assert status == 400
    _assert_bounded(log.getvalue(), 1)
    assert not [c for c in slack.fake.calls if c.method != "auth.test"]


@pytest.mark.parametrize("actions", [None, "quiz:a:1:0", [None], {"action_id": "x"}])
async def test_a_signed_click_with_broken_actions_gets_400(slack: SlackEnv, actions) -> None:
    payload = block_actions(slack.fake, "quiz:a:1:0", "U0001", "1.1")
    payload["actions"] = actions
    body = urlencode({"payload": json.dumps(payload)}).encode()
    with captured_log("DEBUG") as log:
        status = await post_raw(slack, body, signed_headers(body))
    assert status == 400
    _assert_bounded(log.getvalue(), 1)
    assert await slack.count(Answer) == 0


async def test_a_body_over_the_cap_gets_413(slack: SlackEnv) -> None:
    body = b"text=" + b"y" * MAX_BODY_BYTES
    with captured_log("DEBUG") as log:
        status = await post_raw(slack, body, signed_headers(body))
    assert status == 413
    _assert_bounded(log.getvalue(), 1)


async def test_a_well_formed_signed_request_still_goes_through(slack: SlackEnv) -> None:
    sent = await slack.command("help")
    assert sent.status == 200 and "Quiz commands" in sent.text
