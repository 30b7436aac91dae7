"""The real bot process (`quizbot run slack`, HTTP mode) is killed with SIGKILL right after N
clicks were acknowledged: every one of the N answers is in the database. A click is acked only
after the batch holding its answer committed, so nothing Slack was told succeeded is lost."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

import aiohttp
import pytest

from bot.db.tables import Answer
from tests.adapters.slack.conftest import (
    CHANNEL,
    SECRET,
    TEAM,
    block_actions,
    signature,
)
from tests.adapters.slack.fake_slack import BOT_TOKEN, FakeSlack, trigger_id
from tests.conftest import async_wait_until
from tests.helpers import count_rows

CLICKS = 150
STARTUP_SECONDS = 60


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _signed(body: str, content_type: str) -> dict[str, str]:
    ts = int(time.time())
    return {
        "Content-Type": content_type,
        "X-Slack-Request-Timestamp": str(ts),
        "X-Slack-Signature": signature(body, ts),
    }


async def _post(http: aiohttp.ClientSession, url: str, form: dict[str, str]) -> int:
    body = urlencode(form)
    headers = _signed(body, "application/x-www-form-urlencoded")
    async with http.post(url, data=body.encode(), headers=headers) as resp:
        await resp.read()
        return resp.status


@pytest.mark.slow
async def test_every_acked_click_survives_a_sigkill(
    fresh_db: str, fake_slack: FakeSlack, tmp_path: Path
) -> None:
    port = _free_port()
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "DISCORD_"))},
        "DATABASE_URL": fresh_db,
        "SLACK_BOT_TOKEN": BOT_TOKEN,
        "SLACK_SIGNING_SECRET": SECRET,
        "SLACK_API_URL": fake_slack.api_url,
        "LOG_LEVEL": "WARNING",
        "HOME": str(tmp_path),
    }
    log_path = tmp_path / "bot.log"
    with log_path.open("w") as log_file:
        bot = subprocess.Popen(
            [sys.executable, "-m", "bot.cli", "run", "slack", "--port", str(port)],
            env=env,
            cwd=tmp_path,
            stdout=log_file,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        async with aiohttp.ClientSession() as http:

            async def healthy() -> bool:
                try:
                    async with http.get(f"{base}/healthz") as resp:
                        return resp.status == 200
                except aiohttp.ClientError:
                    return False

            deadline = time.monotonic() + STARTUP_SECONDS
            while not await healthy():
                assert bot.poll() is None, log_path.read_text()
                assert time.monotonic() < deadline, "the bot did not start"
                await asyncio.sleep(0.05)

            events = f"{base}/slack/events"
            start = {
                "team_id": TEAM,
                "channel_id": CHANNEL,
                "user_id": "U0001",
                "user_name": "u0001",
                "command": "/quiz",
                "text": "start 1 300",
                "response_url": fake_slack.response_url("start"),
                "trigger_id": trigger_id(1),
            }
            assert await _post(http, events, start) == 200
            assert await async_wait_until(lambda: bool(fake_slack.of("chat.postMessage")), 30)
            card = fake_slack.of("chat.postMessage")[0].args
            action = next(
                e["action_id"]
                for b in card["blocks"]
                if b["type"] == "actions"
                for e in b["elements"]
            )

            def click(n: int) -> dict[str, str]:
                payload = block_actions(fake_slack, action, f"U{1000 + n}", "1700000000.000001")
                return {"payload": json.dumps(payload)}

            statuses = await asyncio.gather(*(_post(http, events, click(n)) for n in range(CLICKS)))
            bot.send_signal(signal.SIGKILL)  # at once: no shutdown, no drain
        bot.wait(timeout=30)
    finally:
        bot.kill()
    assert statuses == [200] * CLICKS
    log = log_path.read_text()
    assert "acknowledged before its write" not in log, "the database was too slow: " + log
    assert await count_rows(fresh_db, Answer) == CLICKS
