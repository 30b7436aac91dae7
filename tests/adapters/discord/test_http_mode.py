"""HTTP interactions mode: interactions POSTed and signed exactly as Discord does (Ed25519 over
timestamp + body), answered in the response body; the client logs in and sends cards, reveals
and followups over real HTTP to a local fake of Discord's REST API (fake_discord_server.py)."""

from __future__ import annotations

import asyncio
import json
import random
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

import aiohttp
import pytest
from discord.http import Route
from nacl.signing import SigningKey
from sqlalchemy import func, select

from bot.adapters.discord.app import build, use_api
from bot.adapters.discord.client import QuizClient, make_client
from bot.adapters.discord.http_mode import INTERACTIONS_PATH, MAX_BODY_BYTES, build_endpoint
from bot.core.ports import Repository
from bot.db.connect import create_engine
from bot.db.repository import SqlRepository
from bot.db.tables import Answer, Player
from bot.service import QuizService
from tests.adapters.discord.conftest import busy_outbox
from tests.adapters.discord.fake_discord_server import DiscordServer
from tests.adapters.discord.fakes import (
    GUILD_ID,
    Member,
    RoleOption,
    buttons,
    command_data,
    interaction_payload,
    snowflake,
)
from tests.conftest import async_wait_until
from tests.helpers import (
    FixedClock,
    count_rows,
    load_questions,
    sample_questions,
    writes_held,
)

SIGNING_KEY = SigningKey.generate()
PUBLIC_KEY = SIGNING_KEY.verify_key.encode().hex()
ANN = Member("ann")
BOB = Member("bob")


@dataclass
class Reply:
    status: int
    body: Any


@dataclass
class HttpBot:
    client: QuizClient
    service: QuizService
    discord: DiscordServer
    repo: Repository
    clock: FixedClock
    http: aiohttp.ClientSession
    url: str

    async def post(
        self,
        body: bytes,
        *,
        key: SigningKey = SIGNING_KEY,
        timestamp: int | None = None,
        headers: dict[str, str] | None = None,
    ) -> Reply:
        ts = str(int(time.time()) if timestamp is None else timestamp)
        signed = {
            "Content-Type": "application/json",
            "X-Signature-Ed25519": key.sign(ts.encode() + body).signature.hex(),
            "X-Signature-Timestamp": ts,
        }
        async with self.http.post(self.url, data=body, headers=headers or signed) as resp:
            text = await resp.text()
            return Reply(resp.status, json.loads(text) if text else None)

    async def send(self, payload: dict[str, Any], **kw: Any) -> Reply:
        return await self.post(json.dumps(payload).encode(), **kw)

    async def command(self, member: Member, path: str, **options: Any) -> Reply:
        return await self.send(interaction_payload(2, member, command_data(path, options)))

    async def click(self, member: Member, custom_id: str, guild_id: int = GUILD_ID) -> Reply:
        data = {"custom_id": custom_id, "component_type": 2}
        payload = interaction_payload(3, member, data, guild_id=guild_id)
        payload["message"] = self.discord.fake.messages[self.card_id()]
        return await self.send(payload)

    def card_id(self) -> int:
        return self.discord.fake.posts()[-1].message_id

    async def answers(self) -> int:
        async with self.repo.unit() as u:
            return int(
                (await u.session.execute(select(func.count()).select_from(Answer))).scalar_one()
            )


@pytest.fixture
async def http_bot(repo: Repository) -> AsyncIterator[HttpBot]:
    async with serving(repo) as bot:
        yield bot


@pytest.fixture
async def http_bot_own_db(fresh_repo: Repository) -> AsyncIterator[HttpBot]:
    """On a database of its own, for concurrent transactions (`repo` shares one connection)."""
    async with serving(fresh_repo) as bot:
        yield bot


SLOW_MACHINE_BUDGET = 60.0


@asynccontextmanager
async def serving(repo: Repository) -> AsyncIterator[HttpBot]:
    await load_questions(repo, sample_questions(8))
    discord = DiscordServer()
    await discord.start()
    base = Route.BASE
    use_api(discord.api_url)
    client = make_client()
    clock = FixedClock()
    service = build(client, repo, clock=clock, rng=random.Random(3))
    await client.login("offline-test-token")
    # A loaded machine must not turn a test's receipts into deferrals: the budgets are
    # generous here, and the test of the deferral shortens the click's own.
    client.ack_budget_seconds = SLOW_MACHINE_BUDGET
    endpoint = build_endpoint(client, repo, PUBLIC_KEY, budget=SLOW_MACHINE_BUDGET)
    await endpoint.start("127.0.0.1", 0)
    try:
        async with aiohttp.ClientSession() as http:
            url = f"http://127.0.0.1:{endpoint.port}{INTERACTIONS_PATH}"
            yield HttpBot(client, service, discord, repo, clock, http, url)
            await client.shutdown()
    finally:
        await endpoint.close()
        await discord.close()
        Route.BASE = base


PING = json.dumps({"type": 1, "id": "1", "application_id": "1", "token": "t", "version": 1})


async def test_a_signed_ping_is_answered_with_a_pong(http_bot: HttpBot) -> None:
    reply = await http_bot.post(PING.encode())
    assert (reply.status, reply.body) == (200, {"type": 1})


@pytest.mark.parametrize(
    "how",
    ["another key", "no headers", "stale", "from the future", "another body", "not hex"],
)
async def test_a_request_not_signed_by_discord_is_refused_with_401(
    http_bot: HttpBot, how: str
) -> None:
    body = PING.encode()
    if how == "another key":
        reply = await http_bot.post(body, key=SigningKey.generate())
    elif how == "no headers":
        reply = await http_bot.post(body, headers={"Content-Type": "application/json"})
    elif how == "stale":  # a replay of a request signed ten minutes ago
        reply = await http_bot.post(body, timestamp=int(time.time()) - 600)
    elif how == "from the future":  # signed with a clock ten minutes ahead: replayable later
        reply = await http_bot.post(body, timestamp=int(time.time()) + 600)
    elif how == "another body":
        ts = str(int(time.time()))
        headers = {
            "X-Signature-Ed25519": SIGNING_KEY.sign(ts.encode() + b"{}").signature.hex(),
            "X-Signature-Timestamp": ts,
        }
        reply = await http_bot.post(body, headers=headers)
    else:
        reply = await http_bot.post(
            body, headers={"X-Signature-Ed25519": "zz", "X-Signature-Timestamp": "1"}
        )
    assert reply.status == 401 and reply.body != {"type": 1}


async def test_a_badly_signed_click_writes_nothing(http_bot: HttpBot) -> None:
    payload = interaction_payload(3, BOB, {"custom_id": "quiz:a:1:0", "component_type": 2})
    reply = await http_bot.send(payload, key=SigningKey.generate())
    assert reply.status == 401
    assert await http_bot.answers() == 0


async def test_a_signed_body_that_is_not_an_interaction_is_refused_with_400(
    http_bot: HttpBot,
) -> None:
    for body in (b"not json", b"[1, 2]", b'{"type": "1"}'):
        assert (await http_bot.post(body)).status == 400


async def test_a_whole_round_over_http(http_bot_own_db: HttpBot) -> None:
    # A database of its own: work a handler does after its response (closing a filled
    # question) may overlap the next request's, which one shared test connection cannot take.
    bot = http_bot_own_db
    started = await bot.command(ANN, "quiz start", questions=2, seconds=30)
    # The response body is the deferral; the card and "Round started" follow over REST.
    assert started.status == 200
    assert started.body == {"type": 5, "data": {"flags": 64}}
    assert await async_wait_until(lambda: len(bot.discord.fake.posts()) == 1)
    assert await async_wait_until(lambda: bool(bot.discord.followups()))
    assert "Round started: 2 question(s)" in bot.discord.followups()[-1].payload["content"]
    ids = [b["custom_id"] for b in buttons(bot.discord.fake.posts()[0].payload)]

    clicked = await bot.click(BOB, ids[1])
    # The body is the ack and the receipt at once, sent once the answer is written.
    assert clicked.status == 200 and clicked.body["type"] == 4
    assert clicked.body["data"]["flags"] == 64
    assert clicked.body["data"]["content"].startswith("Locked in:")
    assert await bot.answers() == 1
    assert not bot.discord.callbacks()  # no callback request: the body was the response

    again = await bot.click(BOB, ids[2])
    assert again.body["data"]["content"] == "You already answered this question."
    other_server = await bot.click(ANN, ids[0], guild_id=GUILD_ID + 1)
    assert other_server.body["data"]["content"] == "This question belongs to another team."
    assert await bot.answers() == 1

    bot.clock.advance(31)
    await bot.service.due_step()  # closes question 1: its reveal, then question 2
    assert await async_wait_until(lambda: len(bot.discord.fake.posts()) == 2)
    [reveal] = bot.discord.fake.edits()
    assert all(b["disabled"] for b in buttons(reveal.payload))
    ids = [b["custom_id"] for b in buttons(bot.discord.fake.posts()[1].payload)]
    assert (await bot.click(ANN, ids[0])).body["data"]["content"].startswith("Locked in:")

    bot.clock.advance(31)
    await bot.service.due_step()
    assert await async_wait_until(lambda: len(bot.discord.fake.posts()) == 3)
    summary = bot.discord.fake.posts()[2].payload["embeds"][0]
    assert "Round" in summary["title"]
    late = await bot.click(BOB, ids[1])
    assert late.body["data"]["content"] == "Too late: this question has closed."


async def test_autocomplete_is_answered_in_the_body(http_bot: HttpBot) -> None:
    data = {
        "id": str(snowflake()),
        "name": "quiz",
        "type": 1,
        "options": [
            {
                "name": "start",
                "type": 1,
                "options": [{"name": "topics", "type": 3, "value": "", "focused": True}],
            }
        ],
    }
    reply = await http_bot.send(interaction_payload(4, ANN, data))
    assert reply.status == 200 and reply.body["type"] == 8
    assert reply.body["data"]["choices"]  # the shared bank's topics


async def test_every_answered_click_is_already_written(http_bot_own_db: HttpBot) -> None:
    """The HTTP response is the ack: each one arrives only after its answer is in the
    database, whatever else is in flight."""
    bot = http_bot_own_db
    await bot.command(ANN, "quiz start", questions=1, seconds=60)
    assert await async_wait_until(lambda: len(bot.discord.fake.posts()) == 1)
    ids = [b["custom_id"] for b in buttons(bot.discord.fake.posts()[0].payload)]
    players = [Member(f"p{n}") for n in range(40)]

    async def click_and_look(member: Member) -> bool:
        reply = await bot.click(member, ids[0])
        assert reply.body["data"]["content"].startswith("Locked in:")
        async with bot.repo.unit() as u:
            found = await u.session.execute(
                select(func.count())
                .select_from(Answer)
                .join(Player, Player.id == Answer.player_id)
                .where(Player.external_id == str(member.id))
            )
            return int(found.scalar_one()) == 1

    assert all(await asyncio.gather(*(click_and_look(m) for m in players)))


async def test_a_write_slower_than_the_budget_is_deferred_in_the_body_then_followed_up(
    http_bot_own_db: HttpBot, fresh_db: str
) -> None:
    """Discord waits 3 s for the body: a write still held at the budget makes the body a
    deferral, and the receipt comes as a followup once the answer is written."""
    bot = http_bot_own_db
    bot.client.ack_budget_seconds = 0.2
    await bot.command(ANN, "quiz start", questions=1, seconds=60)
    assert await async_wait_until(lambda: len(bot.discord.fake.posts()) == 1)
    ids = [b["custom_id"] for b in buttons(bot.discord.fake.posts()[0].payload)]
    rq_id = int(ids[0].split(":")[2])
    async with writes_held(fresh_db, rq_id):
        reply = await bot.click(BOB, ids[0])
        assert reply.body == {"type": 5, "data": {"flags": 64}}
        assert await count_rows(fresh_db, Answer) == 0
    assert await async_wait_until(
        lambda: any(
            (f.payload or {}).get("content", "").startswith("Locked in:")
            for f in bot.discord.followups()
        )
    )
    assert await count_rows(fresh_db, Answer) == 1


async def test_a_member_with_the_configured_admin_role_is_an_admin_over_http(
    http_bot_own_db: HttpBot,
) -> None:
    """No gateway, so no role cache: the admin role is read from the member's role ids that
    come with the interaction. (A database of its own: a command's handler may still be
    finishing its transaction when the next request comes.)"""
    http_bot = http_bot_own_db
    masters = RoleOption("Quizmasters")
    carol = Member("carol", roles=(masters.id,))
    refused = await http_bot.command(carol, "quizadmin add")
    assert refused.body["data"]["content"] == "Only admins can do that."
    await http_bot.command(Member("owner", admin=True), "quizadmin settings", admin_role=masters)
    # The body was a deferral; the settings are saved once their followup is sent.
    assert await async_wait_until(lambda: bool(http_bot.discord.followups()))
    opened = await http_bot.command(carol, "quizadmin add")
    assert opened.body["type"] == 9  # the question form


async def test_health_says_whether_the_database_answers(http_bot: HttpBot) -> None:
    health = http_bot.url.replace(INTERACTIONS_PATH, "/healthz")
    async with http_bot.http.get(health) as resp:
        assert (resp.status, await resp.json()) == (200, {"ok": True})
    broken = create_engine("postgresql+asyncpg://quiz:quiz@127.0.0.1:1/quiz")  # nobody listens
    endpoint = build_endpoint(http_bot.client, SqlRepository(broken), PUBLIC_KEY)
    await endpoint.start("127.0.0.1", 0)
    try:
        async with http_bot.http.get(f"http://127.0.0.1:{endpoint.port}/healthz") as resp:
            assert resp.status == 503 and (await resp.json())["ok"] is False
    finally:
        await endpoint.close()
        await broken.dispose()


async def test_other_paths_and_methods_are_refused(http_bot: HttpBot) -> None:
    base = http_bot.url.removesuffix(INTERACTIONS_PATH)
    async with http_bot.http.get(http_bot.url) as resp:
        assert resp.status == 405
    async with http_bot.http.post(f"{base}/elsewhere", data=PING) as resp:
        assert resp.status == 404


async def test_a_body_over_a_megabyte_is_refused_with_413(http_bot: HttpBot) -> None:
    reply = await http_bot.post(b" " * (MAX_BODY_BYTES + 1) + PING.encode())
    assert reply.status == 413
    assert await http_bot.answers() == 0


async def test_a_click_is_answered_in_the_body_while_receipts_wait_in_a_full_outbox(
    http_bot_own_db: HttpBot, fresh_db: str
) -> None:
    """A burst degrades to late receipts: with the outbox's slots for receipts held by slow
    followups and more receipts waiting, a new click's answer (the body, which never waits in
    the outbox) goes out while those receipts still wait."""
    bot = http_bot_own_db
    fake = bot.discord.fake
    outbox = busy_outbox(bot.client)

    def receipts() -> list[str]:
        texts = [(f.payload or {}).get("content", "") for f in bot.discord.followups()]
        return [t for t in texts if t.startswith("Locked in:")]

    await bot.command(ANN, "quiz start", questions=1, seconds=60)
    assert await async_wait_until(lambda: len(bot.discord.followups()) == 1)  # the start's own
    ids = [b["custom_id"] for b in buttons(fake.posts()[0].payload)]
    rq_id = int(ids[0].split(":")[2])
    fake.held_followups = slow = asyncio.Event()
    try:
        bot.client.ack_budget_seconds = 0.2  # the held writes make four bodies deferrals...
        async with writes_held(fresh_db, rq_id):
            clicks = [bot.click(Member(f"p{n}"), ids[0]) for n in range(4)]
            deferred = await asyncio.gather(*clicks)
            assert [r.body for r in deferred] == [{"type": 5, "data": {"flags": 64}}] * 4
        # ...and once written, two of their receipts are at a slow Discord, two wait
        assert await async_wait_until(lambda: fake.followups_waiting == 2 and outbox.waiting == 2)
        bot.client.ack_budget_seconds = SLOW_MACHINE_BUDGET
        # a hang guard, not a timing: were the body in line with the receipts, it never comes
        late = await asyncio.wait_for(bot.click(Member("late"), ids[1]), 30)
        assert late.body["data"]["content"].startswith("Locked in:")
        assert len(receipts()) == 2 and outbox.waiting == 2  # the others still wait
    finally:
        slow.set()
    assert await async_wait_until(lambda: len(receipts()) == 4)
    assert await count_rows(fresh_db, Answer) == 5
