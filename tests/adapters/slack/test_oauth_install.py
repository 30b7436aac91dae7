"""OAuth install mode: the app installs into a workspace through /slack/install and
/slack/oauth_redirect, keeps the workspace's bot token in our database (slack_sdk's SQLAlchemy
stores on tables made by our migrations), and then plays there with that token."""

from __future__ import annotations

import random
import re
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest
from sqlalchemy import select

from bot.adapters.slack.app import Installs, build_app, build_endpoint, client_from_settings
from bot.adapters.slack.messenger import SlackMessenger
from bot.config import Settings
from bot.db.connect import create_engine
from bot.db.repository import SqlRepository
from bot.db.tables import Round, SlackBots
from bot.service import build_service
from tests.adapters.slack.conftest import SECRET, SlackEnv
from tests.adapters.slack.fake_slack import FakeSlack
from tests.helpers import FixedClock, load_questions, sample_questions

CLIENT_ID = "1111.2222"


@pytest.fixture
async def oauth_app(fresh_db: str, fake_slack: FakeSlack) -> AsyncIterator[tuple[SlackEnv, str]]:
    engine = create_engine(fresh_db)
    repo = SqlRepository(engine)
    await load_questions(repo, sample_questions(4))
    settings = Settings(
        _env_file=None,  # type: ignore[call-arg]
        database_url=fresh_db,
        slack_bot_token=None,
        slack_app_token=None,
        slack_client_id=CLIENT_ID,
        slack_client_secret="client-secret",
        slack_signing_secret=SECRET,
        slack_api_url=fake_slack.api_url,
    )
    installs = Installs.create(CLIENT_ID, engine)
    client = client_from_settings(settings)
    assert client.token is None
    clock = FixedClock()
    service = build_service(
        repo,
        SlackMessenger(client, installs.token_for),
        "slack",
        clock=clock,
        rng=random.Random(2),
    )
    app = build_app(service, settings, client, installs=installs)
    server = build_endpoint(app, repo, SECRET)
    await server.start("127.0.0.1", 0)
    base = f"http://127.0.0.1:{server.port}"
    async with aiohttp.ClientSession() as http:
        env = SlackEnv(fake_slack, repo, service, clock, http, f"{base}/slack/events", "")
        yield env, f"{base}/"
    await server.close()
    await engine.dispose()


async def _get(http: aiohttp.ClientSession, url: str, **kw: Any) -> tuple[int, str, Any]:
    async with http.get(url, allow_redirects=False, **kw) as resp:
        return resp.status, await resp.text(), resp.headers


async def test_install_then_play_with_the_workspace_token(oauth_app):
    env, base = oauth_app
    status, page, headers = await _get(env.http, base + "slack/install")
    assert status == 200
    state = re.search(r"state=([\w-]+)", page)
    assert state is not None and f"client_id={CLIENT_ID}" in page
    assert {"Secure", "HttpOnly"} <= {a.strip() for a in headers["Set-Cookie"].split(";")}
    cookie = headers["Set-Cookie"].split(";")[0]
    status, _, _ = await _get(
        env.http,
        f"{base}slack/oauth_redirect?code=c0de&state={state.group(1)}",
        headers={"Cookie": cookie},
    )
    assert status == 200
    access = env.fake.of("oauth.v2.access")
    assert access and access[0].args["code"] == "c0de"
    async with env.repo.unit() as u:
        bots = (await u.session.execute(select(SlackBots.c.team_id, SlackBots.c.bot_token))).all()
    assert [tuple(b) for b in bots] == [("T0042", "xoxb-installed-T0042")]

    body = env.command_body("start 1 20").replace("team_id=T0001", "team_id=T0042")
    sent = await env.send(body, "application/x-www-form-urlencoded")
    assert sent.status == 200
    post = (await env.wait_calls("chat.postMessage"))[0]
    assert post.token == "xoxb-installed-T0042"


async def test_a_forged_state_installs_nothing_and_an_uninstalled_workspace_plays_nothing(
    oauth_app,
):
    env, base = oauth_app
    status, _, _ = await _get(env.http, f"{base}slack/oauth_redirect?code=c0de&state=forged")
    assert status >= 400
    assert env.fake.of("oauth.v2.access") == []
    body = env.command_body("start 1 20").replace("team_id=T0001", "team_id=T0099")
    sent = await env.send(body, "application/x-www-form-urlencoded")
    assert sent.status in (200, 401)
    assert env.fake.of("chat.postMessage") == []
    assert await env.count(Round) == 0
