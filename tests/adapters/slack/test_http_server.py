"""Slack's HTTP mode on the lean HTTP server (bot/adapters/slack/http_mode.py on
bot/adapters/http_endpoint.py), spoken to byte for byte over a real socket as Slack's servers
do: kept-alive connections, signed requests, clicks answered before Bolt and everything else
through it."""

from __future__ import annotations

import asyncio
import json
import time
from urllib.parse import urlencode

import orjson

from bot.adapters.slack.gate import MAX_BODY_BYTES
from bot.db.tables import Answer, Round
from tests.adapters.slack.conftest import SlackEnv, block_actions, signature
from tests.adapters.slack.test_http_end_to_end import buttons, start
from tests.adapters.test_http_endpoint import read_response

FORM = "application/x-www-form-urlencoded"


def request(
    body: str,
    *,
    path: str = "/slack/events",
    timestamp: int | None = None,
    sign: bool = True,
    method: str = "POST",
) -> bytes:
    ts = int(time.time()) if timestamp is None else timestamp
    head = [
        f"{method} {path} HTTP/1.1",
        "Host: quiz.example",
        f"Content-Type: {FORM}",
        f"Content-Length: {len(body.encode())}",
        f"X-Slack-Request-Timestamp: {ts}",
    ]
    if sign:
        head.append(f"X-Slack-Signature: {signature(body, ts)}")
    return ("\r\n".join(head) + "\r\n\r\n" + body).encode()


async def connect(env: SlackEnv) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
    port = int(env.base.rsplit(":", 1)[1].strip("/"))
    return await asyncio.open_connection("127.0.0.1", port)


def click_body(env: SlackEnv, action_id: str, user: str) -> str:
    return urlencode({"payload": json.dumps(block_actions(env.fake, action_id, user, "1.1"))})


async def test_clicks_on_one_kept_alive_connection_are_acked_once_written(
    slack: SlackEnv,
) -> None:
    post, _ = await start(slack)
    reader, writer = await connect(slack)
    first, second = buttons(post)[:2]
    # pipelined, as a client may: each is answered, in order, on the same connection
    writer.write(
        request(click_body(slack, first["action_id"], "U0002"))
        + request(click_body(slack, second["action_id"], "U0003"))
    )
    answers = [await read_response(reader) for _ in range(2)]
    written = await slack.count(Answer)
    writer.close()
    assert [(status, body) for status, _, body in answers] == [(200, b""), (200, b"")]
    assert all("connection" not in headers for _, headers, _ in answers)  # kept alive
    assert written == 2  # both in the database when their acks arrived
    receipts = await slack.wait_calls("chat.postEphemeral", 2)
    assert {r.args["user"] for r in receipts} == {"U0002", "U0003"}


async def test_bad_and_stale_signatures_get_401_and_change_nothing(slack: SlackEnv) -> None:
    post, _ = await start(slack)
    body = click_body(slack, buttons(post)[0]["action_id"], "U0002")
    reader, writer = await connect(slack)
    statuses = []
    for raw in (
        request(body, sign=False),
        request(body, timestamp=int(time.time()) - 6 * 60),  # signed, but 6 minutes old
        request(body).replace(b"U0002", b"U0009"),  # the body changed after signing
    ):
        writer.write(raw)
        status, _, answer = await read_response(reader)
        statuses.append((status, orjson.loads(answer)["error"]))
    writer.write(request(body))  # the same click, signed now: the connection still serves
    good = await read_response(reader)
    writer.close()
    assert statuses == [
        (401, "no valid X-Slack-Request-Timestamp and X-Slack-Signature headers"),
        (401, "wrong or stale signature"),
        (401, "wrong or stale signature"),
    ]
    assert good[0] == 200
    assert await slack.count(Answer) == 1


async def test_a_body_over_the_limit_gets_413_and_nothing_is_read(slack: SlackEnv) -> None:
    body = "text=" + "x" * MAX_BODY_BYTES
    reader, writer = await connect(slack)
    writer.write(request(body))
    status, headers, answer = await read_response(reader)
    writer.close()
    assert (status, headers["connection"]) == (413, "close")
    assert str(MAX_BODY_BYTES) in orjson.loads(answer)["error"]
    assert await slack.count(Round) == 0


async def test_a_slash_command_goes_through_bolt_and_gets_its_response(slack: SlackEnv) -> None:
    reader, writer = await connect(slack)
    writer.write(request(slack.command_body("help")))
    status, headers, answer = await read_response(reader)
    writer.write(request(slack.command_body("start 1 30")))
    started = await read_response(reader)
    writer.close()
    assert (status, headers["content-type"]) == (200, "application/json;charset=utf-8")
    said = orjson.loads(answer)
    assert said["response_type"] == "ephemeral" and "/quiz start" in said["text"]
    assert started[0] == 200
    await slack.wait_calls("chat.postMessage")  # the round's card, posted by Bolt's listener
    assert await slack.count(Round) == 1


async def test_other_paths_and_methods_are_refused_and_health_is_served(
    slack: SlackEnv,
) -> None:
    reader, writer = await connect(slack)
    answers = []
    for raw in (
        b"GET /slack/events HTTP/1.1\r\nHost: x\r\n\r\n",
        b"GET /nowhere HTTP/1.1\r\nHost: x\r\n\r\n",
        b"POST /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n",
        b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n",
    ):
        writer.write(raw)
        status, _, body = await read_response(reader)
        answers.append((status, orjson.loads(body)))
    writer.close()
    assert [status for status, _ in answers] == [405, 404, 405, 200]
    assert answers[3][1] == {"ok": True}
