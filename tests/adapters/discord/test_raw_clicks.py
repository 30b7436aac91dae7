"""Answer clicks are taken from the raw INTERACTION_CREATE payload (client.py's parser hook)
without building a discord.py Interaction; anything else goes to discord.py's own dispatch, and
a payload nobody can read is dropped with one log line, never a traceback or a lost gateway.
Interaction responses go out on a session of their own (callbacks.InteractionHttp), tested here
over real sockets against the fake Discord server."""

from __future__ import annotations

import copy
import logging
from collections.abc import AsyncIterator
from typing import Any

import discord
import pytest
from discord.http import Route

from bot.adapters.discord.callbacks import InteractionHttp
from bot.db.tables import Answer
from tests.adapters.discord.conftest import Bot, post_card
from tests.adapters.discord.fake_discord_server import DiscordServer
from tests.adapters.discord.fakes import Member, interaction_payload
from tests.helpers import count_rows

ANN, BOB = Member("ann"), Member("bob")


@pytest.fixture
def bot(fresh_bot: Bot) -> Bot:
    return fresh_bot


def _count_dispatched(bot: Bot) -> list[discord.Interaction[Any]]:
    """The interactions discord.py itself dispatched (built as Interaction objects)."""
    seen: list[discord.Interaction[Any]] = []
    original = bot.client.on_interaction

    async def counting(interaction: discord.Interaction[Any]) -> None:
        seen.append(interaction)
        await original(interaction)

    bot.client.on_interaction = counting  # type: ignore[method-assign]
    return seen


async def test_an_answer_click_is_taken_without_a_discord_py_interaction(
    bot: Bot, fresh_db: str
) -> None:
    message_id, ids = await post_card(bot, ANN)
    dispatched = _count_dispatched(bot)
    iid = await bot.send.click(BOB, message_id, ids[0])
    assert dispatched == []
    assert [r.payload["type"] for r in bot.fake.replies(iid)] == [4]
    assert bot.fake.reply_texts(iid)[0].startswith("Locked in")
    assert await count_rows(fresh_db, Answer) == 1


async def test_a_click_with_an_id_that_is_not_an_answer_goes_to_discord_py(
    bot: Bot, fresh_db: str, caplog: pytest.LogCaptureFixture
) -> None:
    message_id, ids = await post_card(bot, ANN)
    dispatched = _count_dispatched(bot)
    with caplog.at_level(logging.WARNING):
        await bot.send.click(BOB, message_id, ids[0] + "9999")  # a choice number too long
    assert len(dispatched) == 1  # discord.py's dispatch, which has no handler for it
    assert await count_rows(fresh_db, Answer) == 0
    assert not [r for r in caplog.records if r.exc_info]


@pytest.mark.parametrize(
    "spoil",
    [
        lambda p: p.pop("member"),  # an answer id, but no member: discord.py cannot build it
        lambda p: p["member"].pop("user"),
        lambda p: p.update(data=["not", "an", "object"]),
        lambda p: p.update(type="3"),
    ],
    ids=["no member", "member without user", "data a list", "type a string"],
)
async def test_a_malformed_click_is_dropped_with_one_line_and_the_bot_goes_on(
    bot: Bot, fresh_db: str, caplog: pytest.LogCaptureFixture, spoil: Any
) -> None:
    message_id, ids = await post_card(bot, ANN)
    good = bot.fake.messages[message_id]
    payload = interaction_payload(3, BOB, {"custom_id": ids[0], "component_type": 2})
    payload["message"] = good
    bad = copy.deepcopy(payload)
    spoil(bad)
    with caplog.at_level(logging.WARNING):
        await bot.send.dispatch(bad)  # raises nothing into the gateway's receive loop
    assert not [r for r in caplog.records if r.exc_info]
    assert await count_rows(fresh_db, Answer) == 0
    iid = await bot.send.click(ANN, message_id, ids[1])  # the next click is taken as usual
    assert bot.fake.reply_texts(iid)[0].startswith("Locked in")
    assert await count_rows(fresh_db, Answer) == 1


async def test_a_payload_that_is_not_an_object_is_dropped_with_one_line(
    bot: Bot, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING):
        bot.client._connection.parsers["INTERACTION_CREATE"](["not", "an", "interaction"])
    [line] = [r for r in caplog.records if "could not be read" in r.getMessage()]
    assert line.exc_info is None


@pytest.fixture
async def server() -> AsyncIterator[DiscordServer]:
    s = DiscordServer()
    await s.start()
    base = Route.BASE
    Route.BASE = s.api_url
    yield s
    Route.BASE = base
    await s.close()


def _callback_route(iid: str) -> Route:
    return Route(
        "POST",
        "/interactions/{webhook_id}/{webhook_token}/callback",
        webhook_id=iid,
        webhook_token="token-" + iid,
    )


async def test_an_interaction_response_is_posted_on_its_own_session(
    server: DiscordServer,
) -> None:
    http = InteractionHttp()
    try:
        await http.post(_callback_route("11"), {"type": 4, "data": {"content": "Locked in"}})
    finally:
        await http.close()
    assert server.callbacks()["11"].payload == {"type": 4, "data": {"content": "Locked in"}}


async def test_a_refused_interaction_response_raises_as_discord_py_does(
    server: DiscordServer,
) -> None:
    server.fake.refuse[("POST", "/interactions/{webhook_id}/{webhook_token}/callback")] = 404
    http = InteractionHttp()
    try:
        with pytest.raises(discord.NotFound) as raised:
            await http.post(_callback_route("12"), {"type": 6})
    finally:
        await http.close()
    assert raised.value.code == 10062  # Unknown interaction
