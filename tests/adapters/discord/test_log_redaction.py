"""At DEBUG, with discord.py's own loggers on, no interaction token reaches the log: whoever
holds one can answer (and post followups) as the bot for 15 minutes. Here the interaction replies
go through discord.py's real webhook adapter over HTTP to a local stand-in for discord.com, so
its own debug lines (which carry the callback and followup URLs) are written."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from types import SimpleNamespace

import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer
from discord.http import Route
from discord.webhook.async_ import AsyncWebhookAdapter

from tests.adapters.discord.conftest import Bot
from tests.adapters.discord.fakes import Member, buttons
from tests.helpers import captured_log

ANN = Member("ann")


@pytest.fixture
async def over_http(bot: Bot, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[Bot]:
    """Interaction replies leave through discord.py's own adapter to a local server that
    answers as Discord does (FakeDiscord's answers) and records them for the test."""

    async def answer(request: web.Request) -> web.Response:
        path = "/" + request.match_info["tail"]
        parts = path.split("/")
        route = SimpleNamespace(
            method=request.method, path=path, url=str(request.url), webhook_id=int(parts[2])
        )
        body = await request.json() if request.can_read_body else None
        data = await bot.fake.webhook_request(route, body)  # type: ignore[arg-type]
        # exactly this content type, or discord.py reads the body as text
        response = web.Response(body=json.dumps(data).encode(), content_type="application/json")
        response.force_close()  # no keep-alive: the test waits for every task the click started
        return response

    app = web.Application()
    app.router.add_route("*", "/api/v10/{tail:.*}", answer)
    server = TestServer(app, host="127.0.0.1")
    await server.start_server()
    monkeypatch.setattr(Route, "BASE", str(server.make_url("/api/v10")))
    bot.fake.adapter = AsyncWebhookAdapter()  # type: ignore[assignment]
    yield bot
    await server.close()


async def test_interaction_tokens_never_reach_a_debug_log(over_http: Bot) -> None:
    bot = over_http
    with captured_log("DEBUG") as log:
        started = await bot.send.command(ANN, "quiz start", questions=2)
        post = bot.fake.posts()[-1]
        clicked = await bot.send.click(ANN, post.message_id, buttons(post.payload)[0]["custom_id"])
    assert bot.fake.reply_texts(clicked)[-1].startswith("Locked in")
    text = log.getvalue()
    assert "Webhook ID" in text and "/callback" in text  # discord.py logged its requests
    tokens = [t for t, iid in bot.fake.tokens.items() if iid in (started, clicked)]
    assert len(tokens) == 2
    for token in tokens:
        assert token not in text
        assert token[:40] not in text
