"""`quizbot weekly run-due --platform discord|slack` posts through the platform for real: the
Slack adapter's messenger against the local fake Slack, a REST-only discord.py client against
the Discord fakes. A post is marked sent only once the platform accepted it; a refusal leaves it
unsent (exit 1) for a retry after the claim timeout; a missing token is refused (exit 2) before
anything is claimed. The CLI runs in-process, in a thread (it runs its own event loop), so the
fake Slack server keeps answering on the test's loop."""

from __future__ import annotations

import asyncio
import json
import random
from collections.abc import AsyncIterator, Iterator
from datetime import date
from pathlib import Path

import pytest
from slack_sdk.oauth.installation_store import Installation
from sqlalchemy import select

from bot.adapters.discord.render import weekly_embed
from bot.adapters.slack.app import Installs
from bot.adapters.slack.render import blocks_for
from bot.cli import main
from bot.config import get_settings
from bot.core.models import ChannelRef, TeamRef
from bot.core.play.service import QuizEngine
from bot.core.views import WeeklyPost
from bot.core.weekly.service import WeeklyService
from bot.db.connect import create_engine
from bot.db.repository import SqlRepository
from bot.db.tables import LeaderboardPost
from tests.adapters.discord.fakes import CHANNEL_ID, GUILD_ID, FakeDiscord, intercept_rest
from tests.adapters.slack.fake_slack import BOT_TOKEN, FakeSlack
from tests.core.weekly.world import utc
from tests.helpers import FixedClock, RecordingMessenger, load_questions, player, sample_questions

PLAYED = utc(2099, 1, 6, 10)  # a Tuesday
WEEK = date(2099, 1, 5)
NOW = "2099-01-12T09:00:00Z"  # Monday 09:00 UTC: the default posting time for that week
LATER = "2099-01-12T09:05:00Z"  # the failed claim is still fresh
RETRY = "2099-01-12T09:11:00Z"  # past the 10-minute claim timeout
SLACK_TEAM = TeamRef("slack", "T0001", "Acme")
DISCORD_TEAM = TeamRef("discord", str(GUILD_ID), "Study Group")
POST_PATH = "/channels/{channel_id}/messages"
ENV = (
    "DISCORD_TOKEN",
    "SLACK_BOT_TOKEN",
    "SLACK_APP_TOKEN",
    "SLACK_SIGNING_SECRET",
    "SLACK_CLIENT_ID",
    "SLACK_CLIENT_SECRET",
    "SLACK_API_URL",
)


@pytest.fixture
def env(
    fresh_db: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> Iterator[pytest.MonkeyPatch]:
    """The CLI's environment: this test's database and no platform tokens (no .env either)."""
    monkeypatch.chdir(tmp_path)
    for name in ENV:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("DATABASE_URL", fresh_db)
    get_settings.cache_clear()
    yield monkeypatch
    get_settings.cache_clear()


@pytest.fixture
async def fake_slack() -> AsyncIterator[FakeSlack]:
    fake = FakeSlack()
    await fake.start()
    yield fake
    await fake.close()


async def quizbot(*argv: str) -> int:
    get_settings.cache_clear()  # the settings as the environment is now
    return await asyncio.to_thread(main, list(argv))


async def schedule(team: TeamRef, channel: str) -> None:
    """Monday 09:00 UTC, set the way an operator would."""
    team_arg = f"{team.platform}:{team.external_id}"
    args = ("--channel", channel, "--channel-name", "general", "--timezone", "UTC")
    assert await quizbot("weekly", "set", "--team", team_arg, *args) == 0


async def play_week(db_url: str, team: TeamRef) -> WeeklyPost:
    """One scored round in the week of WEEK (a player whose name tries to ping everyone gets it
    right, bob wrong); returns the weekly post that week should get."""
    engine = create_engine(db_url)
    repo = SqlRepository(engine)
    try:
        await load_questions(repo, sample_questions(2))
        quiz = QuizEngine(
            repo,
            RecordingMessenger(),
            platform=team.platform,
            clock=FixedClock(PLAYED),
            rng=random.Random(3),
        )
        out = await quiz.start_round(
            ChannelRef(team, "play", "quiz"), player("host", team), questions=1, seconds=20
        )
        card = out.card
        right = next(i for i, c in enumerate(card.choices) if c.startswith("right"))
        for name, index in (("@everyone ann", right), ("bob", (right + 1) % 4)):
            receipt = await quiz.answer(card.round_question_id, player(name, team), index)
            assert receipt.accepted, receipt.text
        await quiz.close_question(card.round_question_id)
        post = await WeeklyService(repo, RecordingMessenger()).preview(team, WEEK)
    finally:
        await engine.dispose()
    assert not post.empty and len(post.top.entries) == 2
    return post


async def post_rows(db_url: str) -> list[tuple[str, str | None]]:
    """(status, message_ref) of every weekly post row."""
    engine = create_engine(db_url)
    try:
        async with engine.connect() as conn:
            rows = await conn.execute(select(LeaderboardPost.status, LeaderboardPost.message_ref))
            return [(str(status), ref) for status, ref in rows]
    finally:
        await engine.dispose()


# --- Slack -------------------------------------------------------------------------------------


async def test_slack_gets_the_weekly_blocks_once_and_the_post_is_marked_sent(
    env: pytest.MonkeyPatch,
    fresh_db: str,
    fake_slack: FakeSlack,
    capsys: pytest.CaptureFixture[str],
) -> None:
    env.setenv("SLACK_BOT_TOKEN", BOT_TOKEN)
    env.setenv("SLACK_API_URL", fake_slack.api_url)
    post = await play_week(fresh_db, SLACK_TEAM)
    await schedule(SLACK_TEAM, "C0002")
    capsys.readouterr()

    assert await quizbot("weekly", "run-due", "--platform", "slack", "--now", NOW) == 0
    assert "1 weekly post(s) sent" in capsys.readouterr().out
    sent = fake_slack.of("chat.postMessage")
    assert len(sent) == 1
    assert sent[0].token == BOT_TOKEN
    assert sent[0].args["channel"] == "C0002"
    assert sent[0].args["blocks"] == json.loads(json.dumps(blocks_for(post)))
    shown = json.dumps(sent[0].args["blocks"], ensure_ascii=False)
    assert "Weekly leaderboard, week of 2099-01-05" in shown and "bob" in shown
    [(status, ref)] = await post_rows(fresh_db)
    assert status == "sent" and ref is not None and ref.startswith("C0002:")

    assert await quizbot("weekly", "run-due", "--platform", "slack", "--now", LATER) == 0
    assert "0 weekly post(s) sent" in capsys.readouterr().out
    assert len(fake_slack.of("chat.postMessage")) == 1  # a second run sends nothing


async def test_a_slack_refusal_stays_unsent_exits_1_and_is_retried_after_the_timeout(
    env: pytest.MonkeyPatch,
    fresh_db: str,
    fake_slack: FakeSlack,
    capsys: pytest.CaptureFixture[str],
) -> None:
    env.setenv("SLACK_BOT_TOKEN", BOT_TOKEN)
    env.setenv("SLACK_API_URL", fake_slack.api_url)
    await schedule(SLACK_TEAM, "C0002")
    fake_slack.errors["chat.postMessage"] = "not_in_channel"

    assert await quizbot("weekly", "run-due", "--platform", "slack", "--now", NOW) == 1
    captured = capsys.readouterr()
    assert "0 weekly post(s) sent" in captured.out
    assert "1 weekly post(s) failed and stay unsent" in captured.err
    assert len(fake_slack.of("chat.postMessage")) == 1
    assert await post_rows(fresh_db) == [("claimed", None)]

    del fake_slack.errors["chat.postMessage"]
    assert await quizbot("weekly", "run-due", "--platform", "slack", "--now", LATER) == 0
    assert len(fake_slack.of("chat.postMessage")) == 1  # the claim is still fresh
    assert await quizbot("weekly", "run-due", "--platform", "slack", "--now", RETRY) == 0
    assert len(fake_slack.of("chat.postMessage")) == 2
    assert [s for s, _ in await post_rows(fresh_db)] == ["sent"]
    assert BOT_TOKEN not in capsys.readouterr().err  # secrets never printed


async def test_slack_without_a_token_is_refused_and_nothing_is_claimed(
    env: pytest.MonkeyPatch,
    fresh_db: str,
    fake_slack: FakeSlack,
    capsys: pytest.CaptureFixture[str],
) -> None:
    env.setenv("SLACK_API_URL", fake_slack.api_url)
    await schedule(SLACK_TEAM, "C0002")
    capsys.readouterr()
    assert await quizbot("weekly", "run-due", "--platform", "slack", "--now", NOW) == 2
    assert "SLACK_BOT_TOKEN is not set" in capsys.readouterr().err
    assert fake_slack.calls == [] and await post_rows(fresh_db) == []
    # a dry run needs no token
    assert await quizbot("weekly", "run-due", "--platform", "slack", "--now", NOW, "--dry-run") == 0
    assert "1 weekly post(s) due" in capsys.readouterr().out
    assert await post_rows(fresh_db) == []


async def test_slack_oauth_installs_post_with_each_workspace_token(
    env: pytest.MonkeyPatch,
    fresh_db: str,
    fake_slack: FakeSlack,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """No SLACK_BOT_TOKEN, but OAuth installs: the installed workspace's token posts; a workspace
    that never installed the app gets nothing and its post stays unsent (exit 1)."""
    env.setenv("SLACK_CLIENT_ID", "1111.2222")
    env.setenv("SLACK_CLIENT_SECRET", "client-secret")
    env.setenv("SLACK_API_URL", fake_slack.api_url)
    engine = create_engine(fresh_db)
    try:
        store = Installs.create("1111.2222", engine).installations
        await store.async_save(
            Installation(
                app_id="A0001",
                enterprise_id=None,
                team_id="T0001",
                bot_token="xoxb-installed-T0001",
                bot_id="BBOT",
                bot_user_id="UBOT",
                user_id="UINSTALLER",
            )
        )
    finally:
        await engine.dispose()
    await schedule(SLACK_TEAM, "C0002")
    await schedule(TeamRef("slack", "T0404", "Never installed"), "C0404")
    capsys.readouterr()

    assert await quizbot("weekly", "run-due", "--platform", "slack", "--now", NOW) == 1
    captured = capsys.readouterr()
    assert "1 weekly post(s) sent" in captured.out
    assert "1 weekly post(s) failed" in captured.err
    by_channel = {c.args["channel"]: c.token for c in fake_slack.of("chat.postMessage")}
    assert by_channel == {"C0002": "xoxb-installed-T0001", "C0404": None}
    assert sorted(s for s, _ in await post_rows(fresh_db)) == ["claimed", "sent"]


# --- Discord -----------------------------------------------------------------------------------


async def test_discord_gets_the_embed_over_rest_with_no_pings(
    env: pytest.MonkeyPatch, fresh_db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    fake = FakeDiscord()
    intercept_rest(env, fake)
    env.setenv("DISCORD_TOKEN", "offline-test-token")
    post = await play_week(fresh_db, DISCORD_TEAM)
    await schedule(DISCORD_TEAM, str(CHANNEL_ID))
    capsys.readouterr()

    assert await quizbot("weekly", "run-due", "--platform", "discord", "--now", NOW) == 0
    assert "1 weekly post(s) sent" in capsys.readouterr().out
    [sent] = fake.posts()
    assert sent.url.endswith(f"/channels/{CHANNEL_ID}/messages")
    assert sent.payload["embeds"] == [weekly_embed(post).to_dict()]
    assert sent.payload["allowed_mentions"] == {"parse": []}
    assert "@everyone" not in json.dumps(sent.payload, ensure_ascii=False)  # shown, not pinged
    assert "components" not in sent.payload or not sent.payload["components"]
    # a login and the post: REST only, no gateway
    assert [(s.method, s.path) for s in fake.sent] == [
        ("GET", "/users/@me"),
        ("GET", "/oauth2/applications/@me"),
        ("POST", POST_PATH),
    ]
    assert await post_rows(fresh_db) == [("sent", str(sent.message_id))]

    assert await quizbot("weekly", "run-due", "--platform", "discord", "--now", LATER) == 0
    assert len(fake.posts()) == 1
    assert len(fake.sent) == 3  # nothing due: not even a login


async def test_discord_refusals_leave_nothing_marked_sent(
    env: pytest.MonkeyPatch, fresh_db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    fake = FakeDiscord()
    intercept_rest(env, fake)
    env.setenv("DISCORD_TOKEN", "offline-test-token")
    await schedule(DISCORD_TEAM, str(CHANNEL_ID))
    capsys.readouterr()

    fake.refuse[("GET", "/users/@me")] = 401  # a wrong token: login fails before any claim
    assert await quizbot("weekly", "run-due", "--platform", "discord", "--now", NOW) == 1
    err = capsys.readouterr().err
    assert "Discord refused the bot token (DISCORD_TOKEN)" in err
    assert "offline-test-token" not in err
    assert fake.posts() == [] and await post_rows(fresh_db) == []

    del fake.refuse[("GET", "/users/@me")]
    fake.refuse[("POST", POST_PATH)] = 403  # the bot may not write in that channel
    assert await quizbot("weekly", "run-due", "--platform", "discord", "--now", NOW) == 1
    assert "1 weekly post(s) failed" in capsys.readouterr().err
    assert len(fake.posts()) == 1 and await post_rows(fresh_db) == [("claimed", None)]

    del fake.refuse[("POST", POST_PATH)]
    assert await quizbot("weekly", "run-due", "--platform", "discord", "--now", RETRY) == 0
    assert [s for s, _ in await post_rows(fresh_db)] == ["sent"]
    assert len(fake.posts()) == 2


async def test_discord_without_a_token_is_refused_and_nothing_is_claimed(
    env: pytest.MonkeyPatch, fresh_db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    fake = FakeDiscord()
    intercept_rest(env, fake)
    await schedule(DISCORD_TEAM, str(CHANNEL_ID))
    capsys.readouterr()
    assert await quizbot("weekly", "run-due", "--platform", "discord", "--now", NOW) == 2
    assert "DISCORD_TOKEN is not set" in capsys.readouterr().err
    assert fake.sent == [] and await post_rows(fresh_db) == []
    assert (
        await quizbot("weekly", "run-due", "--platform", "discord", "--now", NOW, "--dry-run") == 0
    )
    assert "1 weekly post(s) due" in capsys.readouterr().out
    assert await post_rows(fresh_db) == []


async def test_without_platform_the_console_posts_and_a_tokenless_platform_is_refused(
    env: pytest.MonkeyPatch, fresh_db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    fake = FakeDiscord()
    intercept_rest(env, fake)
    await schedule(DISCORD_TEAM, str(CHANNEL_ID))
    await schedule(TeamRef("console", "local", "terminal"), "general")
    capsys.readouterr()

    assert await quizbot("weekly", "run-due", "--now", NOW) == 2
    captured = capsys.readouterr()
    assert "--- console:local #general ---" in captured.out  # the terminal is its channel
    assert "1 weekly post(s) sent" in captured.out
    assert "1 discord weekly post(s) due but DISCORD_TOKEN is not set" in captured.err
    assert fake.sent == []
    assert [s for s, _ in await post_rows(fresh_db)] == ["sent"]  # the console's only


# --- what a failure says -----------------------------------------------------------------------


def error_lines(err: str) -> list[str]:
    """The command's own lines, without the libraries' log records."""
    return [line for line in err.splitlines() if line.startswith("error: ")]


async def test_an_unreachable_platform_is_one_line_saying_what_failed(
    env: pytest.MonkeyPatch, fresh_db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Not just the error's type ("could not reach Slack: ClientConnectorError"): what could not
    be reached and why, in one line, no token in it, nothing claimed (so no retry wait)."""
    from discord.http import Route

    env.setenv("SLACK_BOT_TOKEN", BOT_TOKEN)
    env.setenv("SLACK_API_URL", "http://127.0.0.1:1/api/")  # nothing listens on port 1
    env.setenv("DISCORD_TOKEN", "offline-test-token")
    env.setattr(Route, "BASE", "http://127.0.0.1:1/api/v10")
    await schedule(SLACK_TEAM, "C0002")
    await schedule(DISCORD_TEAM, str(CHANNEL_ID))
    capsys.readouterr()
    for platform, failed in (
        ("slack", "could not reach Slack"),
        ("discord", "could not log in to Discord"),
    ):
        assert await quizbot("weekly", "run-due", "--platform", platform, "--now", NOW) == 1
        err = capsys.readouterr().err
        [said] = error_lines(err)
        assert said.startswith(
            f"error: {failed}: ClientConnectorError: Cannot connect to host 127.0.0.1:1 "
        ), said
        assert said.endswith(f"; nothing was claimed for {platform}."), said
        assert BOT_TOKEN not in err and "offline-test-token" not in err
        assert "Traceback" not in err
    assert await post_rows(fresh_db) == []


async def test_a_post_that_fails_says_why_in_its_line(
    env: pytest.MonkeyPatch, fresh_db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    fake = FakeDiscord()
    intercept_rest(env, fake)
    env.setenv("DISCORD_TOKEN", "offline-test-token")
    await schedule(DISCORD_TEAM, str(CHANNEL_ID))
    fake.refuse[("POST", POST_PATH)] = 403  # the bot may not write in that channel
    capsys.readouterr()
    assert await quizbot("weekly", "run-due", "--platform", "discord", "--now", NOW) == 1
    err = capsys.readouterr().err
    [failed] = [line for line in err.splitlines() if "weekly post for team" in line]
    assert failed.endswith(
        f"week {WEEK} failed: Forbidden: 403 Forbidden (error code: 50001): Forbidden"
    )
    assert "Traceback" not in err and "offline-test-token" not in err
