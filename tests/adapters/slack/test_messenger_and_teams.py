"""The messenger against the fake Web API, the app's wiring in HTTP mode, and a Slack workspace
and a Discord guild sharing one database."""

from __future__ import annotations

import asyncio
import json
import random
import time

import aiohttp
import pytest

from bot.adapters.slack.app import ConfigError, build_app, serve
from bot.adapters.slack.messenger import SlackMessenger, make_client, parse_ref
from bot.adapters.slack.receipts import ReceiptFailed
from bot.config import Settings
from bot.core.curation.drafts import QuestionDraft
from bot.core.curation.service import AdminService
from bot.core.decks.service import DeckService
from bot.core.models import ChannelRef, PlayerRef, TeamRef
from bot.core.play.service import QuizEngine
from bot.core.views import Notice
from bot.service import build_service
from bot.workers import shared_pool
from tests.adapters.slack.conftest import http_settings, signature
from tests.adapters.slack.fake_slack import BOT_TOKEN, FakeSlack
from tests.helpers import (
    FixedClock,
    RecordingMessenger,
    free_port,
    load_questions,
    sample_questions,
)

SLACK_TEAM = TeamRef("slack", "T1")
DISCORD_TEAM = TeamRef("discord", "T1")  # the same external id on purpose


async def test_a_429_is_retried_and_a_refused_post_returns_no_ref(fake_slack: FakeSlack, caplog):
    messenger = SlackMessenger(make_client(BOT_TOKEN, fake_slack.api_url))
    channel = ChannelRef(SLACK_TEAM, "C9")
    fake_slack.rate_limited["chat.postMessage"] = 1
    ref = await messenger.post(channel, Notice("hello"))
    assert ref is not None and parse_ref(ref) == ("C9", "1700000000.000001")
    assert [c.method for c in fake_slack.calls] == ["chat.postMessage#429", "chat.postMessage"]
    fake_slack.errors["chat.postMessage"] = "channel_not_found"
    assert await messenger.post(channel, Notice("again")) is None
    assert any(
        "C9" in r.getMessage() and "channel_not_found" in r.getMessage() for r in caplog.records
    )
    await messenger.update(channel, ref, Notice("edited"))
    assert fake_slack.of("chat.update")[0].args["ts"] == "1700000000.000001"


async def test_a_receipt_is_retried_after_a_429_and_a_refusal_names_slacks_error(
    fake_slack: FakeSlack,
):
    async with aiohttp.ClientSession() as session:
        messenger = SlackMessenger(make_client(BOT_TOKEN, fake_slack.api_url, session))
        channel = ChannelRef(SLACK_TEAM, "C9")
        fake_slack.rate_limited["chat.postEphemeral"] = 1
        await messenger.tell(channel, "U1", "Locked in <!channel>")
        assert [c.method for c in fake_slack.calls] == [
            "chat.postEphemeral#429",
            "chat.postEphemeral",
        ]
        [sent] = fake_slack.of("chat.postEphemeral")
        assert sent.token == BOT_TOKEN
        assert sent.args == {"channel": "C9", "user": "U1", "text": "Locked in &lt;!channel&gt;"}
        fake_slack.errors["chat.postEphemeral"] = "user_not_in_channel"
        with pytest.raises(ReceiptFailed, match="user_not_in_channel"):
            await messenger.tell(channel, "U2", "Locked in")
        fake_slack.rate_limited["chat.postEphemeral"] = 3  # past the two retries
        with pytest.raises(ReceiptFailed, match="ratelimited"):
            await messenger.tell(channel, "U3", "Locked in")


async def test_a_receipt_to_an_unreachable_slack_is_one_refusal_after_one_retry():
    messenger = SlackMessenger(make_client(BOT_TOKEN, f"http://127.0.0.1:{free_port()}/api/"))
    try:
        with pytest.raises(ReceiptFailed, match=r"^chat.postEphemeral failed: ConnectError$"):
            await messenger.tell(ChannelRef(SLACK_TEAM, "C9"), "U1", "Locked in")
    finally:
        await messenger.receipts.close()


async def test_tokens_per_workspace_are_sent_when_given(fake_slack: FakeSlack):
    async def token_for(team: str) -> str | None:
        return f"xoxb-{team}"

    messenger = SlackMessenger(make_client(None, fake_slack.api_url), token_for)
    await messenger.post(ChannelRef(TeamRef("slack", "T7"), "C1"), Notice("hi"))
    assert fake_slack.of("chat.postMessage")[0].token == "xoxb-T7"
    await messenger.tell(ChannelRef(TeamRef("slack", "T8"), "C1"), "U1", "Locked in")
    assert fake_slack.of("chat.postEphemeral")[0].token == "xoxb-T8"


def test_http_mode_needs_a_signing_secret(fake_slack: FakeSlack):
    settings = Settings(
        _env_file=None,
        slack_bot_token=BOT_TOKEN,
        slack_app_token=None,  # type: ignore[call-arg]
        slack_signing_secret=None,
        slack_api_url=fake_slack.api_url,
    )
    service = build_service(None, RecordingMessenger(), "slack")  # type: ignore[arg-type]
    with pytest.raises(ConfigError, match="SLACK_SIGNING_SECRET"):
        build_app(service, settings)
    with pytest.raises(ConfigError, match="SLACK_BOT_TOKEN"):
        build_app(service, settings.model_copy(update={"slack_bot_token": None}))


async def test_serve_in_http_mode_answers_health_and_commands_then_stops(
    fresh_db: str, fake_slack: FakeSlack
):
    settings = http_settings(fresh_db, fake_slack.api_url, due_poll_seconds=0.05)
    port = free_port()
    stop = asyncio.Event()
    readied: list[bool] = []
    task = asyncio.create_task(
        serve(settings, port, stop, host="127.0.0.1", ready=lambda: readied.append(True))
    )
    base = f"http://127.0.0.1:{port}"
    async with aiohttp.ClientSession() as http:
        for _ in range(500):
            try:
                async with http.get(f"{base}/healthz") as resp:
                    health = (resp.status, await resp.json())
                    break
            except aiohttp.ClientConnectionError:
                if task.done():
                    raise AssertionError(f"serve() ended early: {task.result()}") from None
                await asyncio.sleep(0.01)
        assert health == (200, {"ok": True})
        assert readied == [True]  # start-up done once it serves (the heap is settled then)
        body = "team_id=T1&channel_id=C1&user_id=U1&user_name=u1&command=%2Fquiz&text=help&trigger_id=1.1"
        ts = int(time.time())
        headers = {
            "X-Slack-Request-Timestamp": str(ts),
            "X-Slack-Signature": signature(body, ts),
            "Content-Type": "application/x-www-form-urlencoded",
        }
        async with http.post(f"{base}/slack/events", data=body, headers=headers) as resp:
            assert resp.status == 200
            assert "/quiz start" in json.loads(await resp.text())["text"]
    stop.set()
    assert await asyncio.wait_for(task, 10) == 0


async def test_a_workspace_and_a_guild_sharing_a_database_do_not_mix(repo):
    await load_questions(repo, sample_questions(4))
    clock = FixedClock()
    slack = QuizEngine(
        repo, RecordingMessenger(), platform="slack", clock=clock, rng=random.Random(1)
    )
    discord = QuizEngine(
        repo, RecordingMessenger(), platform="discord", clock=clock, rng=random.Random(1)
    )
    admin = AdminService(repo, clock, worker=shared_pool())
    slack_admin = PlayerRef(SLACK_TEAM, "U1", "ann", is_platform_admin=True)
    await admin.add_question(
        slack_admin, QuestionDraft("Slack-only question?", ("yes", "no"), 0, topic="SlackOnly")
    )
    decks = DeckService(repo, clock, worker=shared_pool())
    assert "SlackOnly" in await decks.topic_names(SLACK_TEAM)
    assert "SlackOnly" not in await decks.topic_names(DISCORD_TEAM)

    s_chan, d_chan = ChannelRef(SLACK_TEAM, "C1"), ChannelRef(DISCORD_TEAM, "C1")
    s_out = await slack.start_round(s_chan, slack_admin, questions=1, topic="SlackOnly")
    d_player = PlayerRef(DISCORD_TEAM, "U1", "ann-on-discord")
    await discord.start_round(d_chan, d_player, questions=1)  # same channel id, other platform
    receipt = await slack.answer(s_out.card.round_question_id, slack_admin, 0)
    assert receipt.accepted
    # the Discord user with the same ids cannot answer the Slack question
    refused = await discord.answer(s_out.card.round_question_id, d_player, 0)
    assert not refused.accepted and "another team" in refused.text

    s_board = await slack.leaderboard(SLACK_TEAM, "all")
    d_board = await discord.leaderboard(DISCORD_TEAM, "all")
    assert [e.row.display_name for e in s_board.entries] == ["ann"]
    assert d_board.entries == ()
    assert (await discord.player_stats(d_player)).answered == 0
    # and the due loop of each platform only touches its own rounds
    clock.advance(21)
    assert await discord.run_due() == 1 and await slack.run_due() == 1


async def test_users_info_is_cached_briefly(fake_slack: FakeSlack):
    from bot.adapters.slack.identity import UserDirectory

    now = [0.0]
    users = UserDirectory(ttl_seconds=60, clock=lambda: now[0])
    client = make_client(BOT_TOKEN, fake_slack.api_url)
    body = {"team_id": "T1", "user_id": "UADMIN", "user_name": "boss"}
    first = await users.player(client, body)
    await users.player(client, body)
    assert first.is_platform_admin and first.display_name == "name-UADMIN"
    assert first.team == TeamRef("slack", "T1")
    assert len(fake_slack.of("users.info")) == 1
    now[0] = 61
    await users.player(client, body)
    assert len(fake_slack.of("users.info")) == 2
    fake_slack.errors["users.info"] = "missing_scope"
    now[0] = 200
    assert not (await users.player(client, body)).is_platform_admin  # unknown is not admin
