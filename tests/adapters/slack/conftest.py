"""The Slack app in HTTP mode on 127.0.0.1, its Web API client pointed at a local fake Slack,
and helpers that send requests exactly as Slack does: form-encoded slash commands, `payload=`
interactions and JSON event callbacks, signed with the signing secret."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import random
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

import aiohttp
import pytest
from sqlalchemy import func, select

from bot.adapters.inflight import InFlight
from bot.adapters.slack.app import build_app, build_endpoint
from bot.adapters.slack.messenger import SlackMessenger, make_client
from bot.config import Settings
from bot.db.connect import create_engine
from bot.db.repository import SqlRepository
from bot.db.tables import Player
from bot.service import QuizService, build_service
from tests.adapters.slack.fake_slack import BOT_TOKEN, FakeSlack, trigger_id
from tests.conftest import async_wait_until
from tests.helpers import FixedClock, load_questions, sample_questions

SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
TEAM = "T0001"
CHANNEL = "C0001"


def signature(body: str, timestamp: int, secret: str = SECRET) -> str:
    base = f"v0:{timestamp}:{body}".encode()
    return "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()


@dataclass
class Sent:
    status: int
    text: str

    def json(self) -> Any:
        return json.loads(self.text) if self.text else None


@dataclass
class SlackEnv:
    fake: FakeSlack
    repo: SqlRepository
    service: QuizService
    clock: FixedClock
    http: aiohttp.ClientSession
    url: str
    base: str
    _n: int = 0

    async def send(
        self,
        body: str,
        content_type: str,
        *,
        timestamp: int | None = None,
        secret: str = SECRET,
    ) -> Sent:
        ts = int(time.time()) if timestamp is None else timestamp
        headers = {
            "Content-Type": content_type,
            "X-Slack-Request-Timestamp": str(ts),
            "X-Slack-Signature": signature(body, ts, secret),
        }
        async with self.http.post(self.url, data=body.encode(), headers=headers) as resp:
            return Sent(resp.status, await resp.text())

    def command_body(self, text: str, user: str = "U0001", channel: str = CHANNEL) -> str:
        self._n += 1
        return urlencode(
            {
                "token": "legacy-verification-token",
                "team_id": TEAM,
                "team_domain": "acme",
                "channel_id": channel,
                "channel_name": "quiz",
                "user_id": user,
                "user_name": user.lower(),
                "command": "/quiz",
                "text": text,
                "api_app_id": "A0001",
                "is_enterprise_install": "false",
                "response_url": self.fake.response_url(str(self._n)),
                "trigger_id": trigger_id(self._n),
            }
        )

    async def command(self, text: str, user: str = "U0001", **kw: Any) -> Sent:
        return await self.send(
            self.command_body(text, user), "application/x-www-form-urlencoded", **kw
        )

    async def interaction(self, payload: dict[str, Any], **kw: Any) -> Sent:
        body = urlencode({"payload": json.dumps(payload)})
        return await self.send(body, "application/x-www-form-urlencoded", **kw)

    async def click(self, action_id: str, user: str = "U0001", message_ts: str = "1.1") -> Sent:
        return await self.interaction(block_actions(self.fake, action_id, user, message_ts))

    async def event(self, event: dict[str, Any]) -> Sent:
        body = json.dumps(event_callback(event, f"Ev{self._n:08d}"))
        return await self.send(body, "application/json")

    async def wait_calls(self, method: str, n: int = 1) -> list[Any]:
        # A hang guard, not a timing: it returns at the call, and a cold worker process
        # generating a deck or an export takes more than 5 s on a loaded 2-core machine.
        arrived = await async_wait_until(lambda: len(self.fake.of(method)) >= n, timeout=30.0)
        assert arrived, f"expected {n} {method} call(s), got {[c.method for c in self.fake.calls]}"
        return self.fake.of(method)

    async def count(self, table: Any) -> int:
        async with self.repo.unit() as u:
            return int(
                (await u.session.execute(select(func.count()).select_from(table))).scalar_one()
            )

    async def named(self, user: str, name: str) -> bool:
        """Whether the player `user` comes to be stored as `name` within 5 s (a click's
        follow-up renames a first-time player after the ack)."""
        return await named(self.repo, user, name)


async def named(repo: SqlRepository, user: str, name: str, timeout: float = 5.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        async with repo.unit() as u:
            stored = (
                await u.session.execute(
                    select(Player.display_name).where(Player.external_id == user)
                )
            ).scalar_one_or_none()
        if stored == name:
            return True
        await asyncio.sleep(0.02)
    return False


def event_callback(event: dict[str, Any], event_id: str, app_id: str = "A0001") -> dict[str, Any]:
    """An Events API `event_callback` body as Slack sends it (HTTP body or Socket Mode payload)."""
    return {
        "token": "legacy-verification-token",
        "team_id": TEAM,
        "api_app_id": app_id,
        "event": event,
        "type": "event_callback",
        "event_id": event_id,
        "event_time": int(time.time()),
        "authorizations": [
            {
                "enterprise_id": None,
                "team_id": TEAM,
                "user_id": "UBOT",
                "is_bot": True,
                "is_enterprise_install": False,
            }
        ],
        "is_ext_shared_channel": False,
    }


def block_actions(fake: FakeSlack, action_id: str, user: str, message_ts: str) -> dict[str, Any]:
    """A block_actions payload in Slack's real shape."""
    return {
        "type": "block_actions",
        "user": {"id": user, "username": user.lower(), "name": user.lower(), "team_id": TEAM},
        "api_app_id": "A0001",
        "token": "legacy-verification-token",
        "container": {
            "type": "message",
            "message_ts": message_ts,
            "channel_id": CHANNEL,
            "is_ephemeral": False,
        },
        "trigger_id": trigger_id(9),
        "team": {"id": TEAM, "domain": "acme"},
        "enterprise": None,
        "is_enterprise_install": False,
        "channel": {"id": CHANNEL, "name": "quiz"},
        "message": {"type": "message", "user": "UBOT", "ts": message_ts, "bot_id": "BBOT"},
        "state": {"values": {}},
        "response_url": fake.response_url("action"),
        "actions": [
            {
                "action_id": action_id,
                "block_id": "quiz:q:1",
                "text": {"type": "plain_text", "text": "A. choice", "emoji": True},
                "value": action_id,
                "type": "button",
                "action_ts": f"{time.time():.6f}",
            }
        ],
    }


def view_submission(
    values: dict[str, str | None], user: str, channel: str = CHANNEL
) -> dict[str, Any]:
    """A view_submission payload for the add-question modal, in Slack's real shape."""
    return {
        "type": "view_submission",
        "team": {"id": TEAM, "domain": "acme"},
        "user": {"id": user, "username": user.lower(), "name": user.lower(), "team_id": TEAM},
        "api_app_id": "A0001",
        "token": "legacy-verification-token",
        "trigger_id": trigger_id(8),
        "view": {
            "id": "V0001",
            "team_id": TEAM,
            "type": "modal",
            "blocks": [],
            "private_metadata": channel,
            "callback_id": "quiz_add",
            "state": {
                "values": {
                    block: {"value": {"type": "plain_text_input", "value": value}}
                    for block, value in values.items()
                }
            },
            "hash": "1700000000.abcdef",
            "title": {"type": "plain_text", "text": "Add a question", "emoji": True},
            "clear_on_close": False,
            "notify_on_close": False,
            "close": None,
            "submit": {"type": "plain_text", "text": "Add", "emoji": True},
            "previous_view_id": None,
            "root_view_id": "V0001",
            "app_id": "A0001",
            "external_id": "",
            "app_installed_team_id": TEAM,
            "bot_id": "BBOT",
        },
        "response_urls": [],
        "is_enterprise_install": False,
        "enterprise": None,
    }


def http_settings(database_url: str, api_url: str, **extra: Any) -> Settings:
    """HTTP mode's settings against the fake Slack, whatever the environment or a .env holds."""
    return Settings(
        _env_file=None,  # type: ignore[call-arg]
        database_url=database_url,
        slack_bot_token=BOT_TOKEN,
        slack_app_token=None,
        slack_signing_secret=SECRET,
        slack_api_url=api_url,
        **extra,
    )


@pytest.fixture
async def fake_slack() -> AsyncIterator[FakeSlack]:
    fake = FakeSlack(admins={"UADMIN"})
    await fake.start()
    yield fake
    await fake.close()


@pytest.fixture
async def slack(
    request: pytest.FixtureRequest, fresh_db: str, fake_slack: FakeSlack
) -> AsyncIterator[SlackEnv]:
    """The app over HTTP; `indirect` parameters are extra build_app arguments."""
    options = dict(getattr(request, "param", {}))
    engine = create_engine(fresh_db)
    repo = SqlRepository(engine)
    await load_questions(repo, sample_questions(6))
    clock = FixedClock()
    settings = http_settings(fresh_db, fake_slack.api_url)
    client = make_client(BOT_TOKEN, fake_slack.api_url)
    service = build_service(
        repo, SlackMessenger(client), "slack", clock=clock, rng=random.Random(5)
    )
    inflight = options.pop("inflight", None) or InFlight()
    app = build_app(service, settings, client, inflight=inflight, **options)
    server = build_endpoint(app, repo, SECRET)
    await server.start("127.0.0.1", 0)
    base = f"http://127.0.0.1:{server.port}"
    async with aiohttp.ClientSession() as http:
        yield SlackEnv(
            fake_slack,
            repo,
            service,
            clock,
            http,
            f"{base}/slack/events",
            f"{base}/",
        )
    # what a click still does after its ack (a name lookup) ends while the fake Slack is up,
    # as the app's own shutdown settles it: never a task left to a later test's event loop
    assert await inflight.wait_idle(30)
    await server.close()
    await engine.dispose()
