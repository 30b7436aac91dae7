"""Failures end as a short private message, never as Discord's "This interaction failed"."""

from __future__ import annotations

import re

import pytest
from pydantic import ValidationError

from bot.adapters.discord.app import run
from bot.adapters.discord.client import ShardedQuizClient, make_client
from bot.config import Settings
from bot.core.errors import Unavailable
from bot.db.connect import create_engine
from bot.db.repository import SqlRepository
from tests.adapters.discord.conftest import start_bot
from tests.adapters.discord.fakes import FakeDiscord, Member
from tests.helpers import FixedClock, captured_log

RETRY = Unavailable().message  # what the repository raises when the database is away


async def test_a_database_failure_is_a_private_retry_message(tmp_path):
    broken = create_engine(
        f"sqlite+aiosqlite:///{tmp_path}/quiz.db"
    )  # no tables: every query fails
    bot = await start_bot(SqlRepository(broken), FakeDiscord(), FixedClock())
    try:
        iid = await bot.send.command(Member("ann"), "quiz start")
        replies = bot.fake.replies(iid)
        assert replies[0].payload["type"] == 5  # acked before the failing database work
        assert bot.fake.reply_texts(iid) == [RETRY]
        assert all(r.is_ephemeral for r in replies)

        iid = await bot.send.click(
            Member("bob"), bot.fake.message_with_buttons(["quiz:a:1:0"]), "quiz:a:1:0"
        )
        assert bot.fake.reply_texts(iid) == [RETRY]
    finally:
        await bot.client.close()
        await broken.dispose()


async def test_before_the_service_is_attached_users_are_told_to_retry(tmp_path):
    engine = create_engine(f"sqlite+aiosqlite:///{tmp_path}/x.db")
    bot = await start_bot(SqlRepository(engine), FakeDiscord(), FixedClock())
    bot.client.service = None
    try:
        iid = await bot.send.command(Member("ann"), "quiz me")
        assert bot.fake.reply_texts(iid) == [
            "The quiz is still starting up, try again in a moment."
        ]
    finally:
        await bot.client.close()


def test_shards_make_a_sharded_client():
    client = make_client(shard_ids=[0, 1], shard_count=4)
    assert isinstance(client, ShardedQuizClient)
    assert client.shard_ids == [0, 1] and client.shard_count == 4
    with pytest.raises(ValueError, match="DISCORD_SHARD_COUNT"):
        make_client(shard_ids=[0])
    with pytest.raises(ValueError, match="0 to 1"):
        make_client(shard_ids=[2], shard_count=2)


def test_intents_are_not_privileged():
    intents = make_client().intents
    assert not (intents.message_content or intents.members or intents.presences)
    assert intents.guilds


async def test_run_without_a_token_says_what_to_set(capsys):
    assert await run(Settings(discord_token=None, _env_file=None)) == 2
    assert "DISCORD_TOKEN" in capsys.readouterr().err


REFERENCE = re.compile(r"^Something went wrong on our side \(reference ([A-Z0-9]{6})\)\. ")


async def test_an_unexpected_error_is_one_line_with_a_reference_logged_once(bot, monkeypatch):
    async def broken(*args, **kwargs):
        raise RuntimeError("a bug deep inside")

    monkeypatch.setattr(bot.service.engine, "leaderboard", broken)
    with captured_log("INFO") as log:
        iid = await bot.send.command(Member("ann"), "quiz leaderboard")
    [text] = bot.fake.reply_texts(iid)
    match = REFERENCE.match(text)
    assert match, text
    logged = log.getvalue()
    assert logged.count(f"reference {match[1]}") == 1
    assert logged.count("Traceback") == 1 and "RuntimeError: a bug deep inside" in logged
    assert "Traceback" not in text


async def test_http_mode_without_a_public_key_says_what_to_set(capsys):
    settings = Settings(discord_token="token", discord_public_key=None, _env_file=None)
    assert await run(settings, http_port=8080) == 2
    assert "DISCORD_PUBLIC_KEY" in capsys.readouterr().err


def test_a_public_key_that_is_not_one_is_refused_naming_the_field():
    with pytest.raises(ValidationError, match="discord_public_key"):
        Settings(discord_public_key="not-a-key", _env_file=None)
    key = "ab" * 32
    assert Settings(discord_public_key=f" {key}\n", _env_file=None).discord_public_key == key


async def test_a_connection_error_raised_in_our_handler_keeps_its_traceback(monkeypatch):
    """Retries of discord.py's own connection lose their traceback in the log; an error of a
    connection's type raised through our handler is a bug of ours, and keeps it."""

    async def broken(interaction: object) -> None:
        raise ConnectionResetError("raised through our handler")

    monkeypatch.setattr("bot.adapters.discord.client.on_form_submit", broken)
    client = make_client()
    try:
        with captured_log("INFO") as log:
            await client._run_event(client.on_interaction, "on_interaction", object())
    finally:
        await client.close()
    logged = log.getvalue()
    assert "Ignoring exception in on_interaction" in logged
    assert "Traceback" in logged and "ConnectionResetError: raised through our handler" in logged
