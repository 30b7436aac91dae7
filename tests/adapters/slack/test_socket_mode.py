"""The Slack app end to end in Socket Mode: the real `serve()` with SLACK_APP_TOKEN set, its
slack_sdk clients pointed at a local fake Web API and a local fake Socket Mode server.

Envelopes go in over the websocket exactly as Slack sends them; what comes out is checked where
it lands: acks on the socket, Web API calls and response_url posts at the fake, rows in the
database (SQLite and PostgreSQL)."""

from __future__ import annotations

import asyncio
import itertools
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from sqlalchemy import func, select

from bot.adapters.outbox import Outbox
from bot.adapters.slack.app import serve
from bot.config import Settings
from bot.core.models import QuestionStatus
from bot.db.connect import create_engine
from bot.db.repository import SqlRepository
from bot.db.tables import Answer, Channel, Round, RoundQuestion, Team
from tests.adapters.slack.conftest import CHANNEL, TEAM, block_actions, event_callback, named
from tests.adapters.slack.fake_slack import BOT_TOKEN, Call, trigger_id
from tests.adapters.slack.fake_socket_mode import (
    APP_ID,
    APP_TOKEN,
    FakeSlackWithSockets,
    FakeSocketMode,
)
from tests.conftest import async_wait_until
from tests.helpers import captured_log, free_port, load_questions, sample_questions

# slack_sdk's Socket Mode client takes a proxy from these; the fakes are on 127.0.0.1
PROXY_VARS = ("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy")
SERVE_TIMEOUT = 10.0


@dataclass
class SocketEnv:
    fake: FakeSlackWithSockets
    repo: SqlRepository
    stop: asyncio.Event
    task: asyncio.Task[int]
    _n: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    @property
    def socket(self) -> FakeSocketMode:
        return self.fake.socket

    async def command(self, text: str, user: str = "U0001") -> str:
        """`/quiz <text>` as a slash_commands envelope; returns its envelope id."""
        n = next(self._n)
        payload = {
            "token": "legacy-verification-token",
            "team_id": TEAM,
            "team_domain": "acme",
            "channel_id": CHANNEL,
            "channel_name": "quiz",
            "user_id": user,
            "user_name": user.lower(),
            "command": "/quiz",
            "text": text,
            "api_app_id": APP_ID,
            "is_enterprise_install": "false",
            "response_url": self.fake.response_url(f"sm{n}"),
            "trigger_id": trigger_id(n),
        }
        return await self.socket.push("slash_commands", payload, accepts_response_payload=True)

    async def click(self, button: dict[str, Any], message_ts: str, user: str = "U0001") -> str:
        """A block_actions interactive envelope clicking `button` as posted on the card."""
        payload = block_actions(self.fake, button["action_id"], user, message_ts)
        payload["api_app_id"] = APP_ID
        payload["actions"][0].update(
            block_id=button["block_id"], value=button["value"], text=button["text"]
        )
        return await self.socket.push("interactive", payload, accepts_response_payload=False)

    async def event(self, event: dict[str, Any]) -> str:
        payload = event_callback(event, f"EvSM{next(self._n):06d}", APP_ID)
        payload["event_context"] = f"4-{event['type']}-{TEAM}-{event.get('channel', '')}"
        return await self.socket.push("events_api", payload, accepts_response_payload=False)

    async def wait_calls(self, method: str, n: int = 1) -> list[Call]:
        assert await async_wait_until(lambda: len(self.fake.of(method)) >= n), (
            f"expected {n} {method} call(s), got {[c.method for c in self.fake.calls]}"
        )
        return self.fake.of(method)

    async def count(self, table: Any) -> int:
        async with self.repo.unit() as u:
            return int(
                (await u.session.execute(select(func.count()).select_from(table))).scalar_one()
            )

    async def open_question(self) -> RoundQuestion:
        async with self.repo.unit() as u:
            rows = (
                (
                    await u.session.execute(
                        select(RoundQuestion).where(
                            RoundQuestion.status == QuestionStatus.OPEN.value
                        )
                    )
                )
                .scalars()
                .all()
            )
        assert len(rows) == 1, rows
        return rows[0]

    async def stop_serving(self) -> int:
        self.stop.set()
        return await asyncio.wait_for(self.task, SERVE_TIMEOUT)

    def assert_every_envelope_acked_once(self) -> None:
        assert self.socket.sent, "no envelope was sent"
        assert self.socket.unacked() == []
        assert self.socket.acked_more_than_once() == []
        assert self.socket.stray == []


def socket_settings(database_url: str, fake: FakeSlackWithSockets) -> Settings:
    """One workspace in Socket Mode, talking to the fakes."""
    return Settings(
        _env_file=None,  # type: ignore[call-arg]
        database_url=database_url,
        slack_bot_token=BOT_TOKEN,
        slack_app_token=APP_TOKEN,
        slack_signing_secret=None,  # Socket Mode needs none
        slack_client_id=None,
        slack_client_secret=None,
        slack_api_url=fake.api_url,
    )


@pytest.fixture
async def socket_app(fresh_db: str, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[SocketEnv]:
    for var in PROXY_VARS:
        monkeypatch.delenv(var, raising=False)
    fake = FakeSlackWithSockets(admins={"UADMIN"})
    await fake.start()
    engine = create_engine(fresh_db)
    repo = SqlRepository(engine)
    await load_questions(repo, sample_questions(6))
    settings = socket_settings(fresh_db, fake)
    stop = asyncio.Event()
    task = asyncio.create_task(serve(settings, 0, stop, host="127.0.0.1"), name="serve-socket")
    env = SocketEnv(fake, repo, stop, task)
    try:
        connected = await async_wait_until(lambda: bool(fake.socket.open) or task.done())
        if task.done():
            task.result()  # raises what stopped serve()
        assert connected, f"the app never connected; Web API calls: {fake.calls}"
        yield env
    finally:
        try:
            if not task.done():  # the test did not stop it itself
                stop.set()
                await asyncio.wait_for(task, SERVE_TIMEOUT)
        finally:
            await fake.close()
            await engine.dispose()


def buttons(blocks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The card's buttons, each with the block_id of its actions block (as Slack reports it)."""
    return [
        {**e, "block_id": b["block_id"]}
        for b in blocks
        if b["type"] == "actions"
        for e in b["elements"]
    ]


async def start_round(env: SocketEnv, text: str = "start 2 30") -> tuple[Call, RoundQuestion]:
    """Start a round; returns the card's chat.postMessage call and the open round question,
    once the starter's private reply has gone out (the start has finished)."""
    hooks = len(env.fake.of("response_url"))
    envelope = await env.command(text)
    assert "payload" not in await env.socket.wait_ack(envelope)
    post = (await env.wait_calls("chat.postMessage"))[0]
    await env.wait_calls("response_url", hooks + 1)
    return post, await env.open_question()


async def test_the_app_connects_with_its_app_token_to_the_url_slack_hands_out(
    socket_app: SocketEnv,
):
    opened = socket_app.fake.of("apps.connections.open")
    assert len(opened) == 1
    assert opened[0].token == APP_TOKEN  # the xapp- token, not the bot token
    (conn,) = socket_app.socket.connections
    assert socket_app.socket.tickets == {conn.ticket: True}
    assert socket_app.socket.refused == 0


async def test_quiz_start_is_acked_before_the_work_and_starts_a_round(socket_app: SocketEnv):
    env = socket_app
    env.fake.held["users.info"] = gate = asyncio.Event()
    envelope = await env.command("start 2 30")
    # users.info (the starter's profile) is held back: the ack must not wait for the work
    ack = await env.socket.wait_ack(envelope)
    assert ack == {"envelope_id": envelope}  # a bare ack: the replies come later
    assert await async_wait_until(lambda: "users.info" in env.fake.waiting)
    assert env.fake.of("chat.postMessage") == []
    gate.set()

    post = (await env.wait_calls("chat.postMessage"))[0]
    assert post.token == BOT_TOKEN
    assert post.args["channel"] == CHANNEL
    rq = await env.open_question()
    assert [b["action_id"] for b in buttons(post.args["blocks"])] == [
        f"quiz:a:{rq.id}:{i}" for i in range(4)
    ]
    hook = (await env.wait_calls("response_url"))[0]
    assert hook.args["response_type"] == "ephemeral"
    assert "Round started: 2 question(s)" in hook.args["text"]
    assert "/sm1/" in hook.path  # the response_url of this very command

    async with env.repo.unit() as u:
        rounds = (await u.session.execute(select(Round))).scalars().all()
        where = (
            await u.session.execute(
                select(Team.platform, Team.external_id, Channel.external_id)
                .join(Channel, Channel.team_id == Team.id)
                .where(Channel.id == rounds[0].channel_id)
            )
        ).one()
    assert [(r.status, r.num_questions, r.seconds) for r in rounds] == [("running", 2, 30)]
    assert rq.round_id == rounds[0].id
    assert tuple(where) == ("slack", TEAM, CHANNEL)
    assert await async_wait_until_ref(env, rq.id, f"{CHANNEL}:1700000000.000001")
    env.assert_every_envelope_acked_once()


async def async_wait_until_ref(env: SocketEnv, rq_id: int, expected: str) -> bool:
    """The card's message ref is stored right after chat.postMessage answers."""
    deadline = time.monotonic() + 5.0
    while time.monotonic() < deadline:
        async with env.repo.unit() as u:
            rq = await u.play.round_question(rq_id)
        if rq is not None and rq.message_ref == expected:
            return True
        await asyncio.sleep(0.02)
    return False


async def test_a_click_is_acked_and_recorded_once(socket_app: SocketEnv):
    env = socket_app
    post, rq = await start_round(env)
    assert await async_wait_until_ref(env, rq.id, f"{CHANNEL}:1700000000.000001")
    ts = "1700000000.000001"
    card = buttons(post.args["blocks"])

    first = await env.click(card[1], ts)
    assert await env.socket.wait_ack(first) == {"envelope_id": first}
    locked = (await env.wait_calls("chat.postEphemeral"))[0]
    assert locked.args["text"].startswith("Locked in: ")
    assert (locked.args["user"], locked.args["channel"]) == ("U0001", CHANNEL)
    assert locked.token == BOT_TOKEN

    # a second click (another button) is acked too, refused politely, and scores nothing
    second = await env.click(card[2], ts)
    assert await env.socket.wait_ack(second) == {"envelope_id": second}
    again = (await env.wait_calls("chat.postEphemeral", 2))[1]
    assert again.args["text"] == "You already answered this question."

    assert await env.count(Answer) == 1
    async with env.repo.unit() as u:
        answers = await u.play.answers(rq.id)
    assert len(answers) == 1
    assert answers[0].display_name == "name-U0001"
    assert answers[0].choice == rq.choice_order[1]  # the first click's choice stands
    env.assert_every_envelope_acked_once()


async def test_a_click_is_acked_while_slow_receipts_fill_the_outbox(socket_app: SocketEnv):
    """A burst degrades to late receipts: with every slot of the outbox held by a slow
    chat.postEphemeral and more receipts waiting, a new click is still written and acked on
    the socket (the ack never waits in the outbox), its receipt in line after the waiting
    ones."""
    env = socket_app
    post, rq = await start_round(env)
    ts = "1700000000.000001"
    assert await async_wait_until_ref(env, rq.id, f"{CHANNEL}:{ts}")
    card = buttons(post.args["blocks"])
    slots = Outbox().others  # the receipts' share of the outbox, as serve() builds it

    def receipts() -> list[str]:
        return [c.args["user"] for c in env.fake.of("chat.postEphemeral")]

    def held() -> int:
        return env.fake.waiting.count("chat.postEphemeral")

    async def acked(user: str) -> bool:
        envelope = await env.click(card[0], ts, user=user)
        # a hang guard, not a timing: an ack in line behind the held receipts never comes
        return await env.socket.wait_ack(envelope, timeout=30) == {"envelope_id": envelope}

    env.fake.held["chat.postEphemeral"] = slow = asyncio.Event()
    try:
        for n in range(slots + 2):
            assert await acked(f"UP{n:03d}")
        assert await async_wait_until(lambda: held() == slots)  # the others wait
        assert await acked("ULATE")
        assert await env.count(Answer) == slots + 3
        assert held() == slots  # acked while the receipts before it still wait
    finally:
        slow.set()
    await env.wait_calls("chat.postEphemeral", slots + 3)
    assert receipts()[slots:] == [f"UP{slots:03d}", f"UP{slots + 1:03d}", "ULATE"]
    env.assert_every_envelope_acked_once()


async def test_an_immediate_reply_travels_in_the_ack_payload(socket_app: SocketEnv):
    env = socket_app
    envelope = await env.command("dance")
    ack = await env.socket.wait_ack(envelope)
    assert ack["envelope_id"] == envelope
    assert ack["payload"]["response_type"] == "ephemeral"
    assert "Unknown command `dance`" in ack["payload"]["text"]
    assert "/quiz start [n] [topic] [seconds]" in ack["payload"]["text"]
    assert await env.count(Round) == 0
    assert env.fake.of("response_url") == []
    env.assert_every_envelope_acked_once()


@pytest.mark.parametrize("actions", [None, "quiz:a:1:0", [None]])
async def test_a_malformed_envelope_is_acked_with_one_log_line(socket_app: SocketEnv, actions):
    """The socket authenticates envelopes, not their shape: one Bolt cannot read is acked (so
    Slack stops re-sending it) and logged in one line, without a traceback."""
    env = socket_app
    payload = block_actions(env.fake, "quiz:a:1:0", "U0001", "1.1")
    payload["api_app_id"] = APP_ID
    payload["actions"] = actions
    with captured_log("INFO") as log:
        envelope = await env.socket.push("interactive", payload, accepts_response_payload=False)
        assert await env.socket.wait_ack(envelope) == {"envelope_id": envelope}
    text = log.getvalue()
    assert "Traceback" not in text
    assert [line for line in text.splitlines() if "acked a malformed interactive" in line]
    assert all(len(line) < 400 for line in text.splitlines())
    assert await env.count(Answer) == 0
    env.assert_every_envelope_acked_once()


async def test_an_events_api_envelope_is_acked_and_handled(socket_app: SocketEnv):
    env = socket_app
    envelope = await env.event(
        {
            "type": "app_home_opened",
            "user": "U0001",
            "channel": "D0001",
            "tab": "home",
            "event_ts": f"{time.time():.6f}",
        }
    )
    assert await env.socket.wait_ack(envelope) == {"envelope_id": envelope}
    published = (await env.wait_calls("views.publish"))[0]
    assert published.args["user_id"] == "U0001"
    assert published.args["view"]["type"] == "home"
    env.assert_every_envelope_acked_once()


async def test_stop_ends_serve_with_0_and_closes_the_socket(socket_app: SocketEnv):
    env = socket_app
    await start_round(env)  # a round in progress does not keep serve() from stopping
    assert len(env.socket.open) == 1
    assert await env.stop_serving() == 0
    assert await async_wait_until(lambda: not env.socket.open)
    (conn,) = env.socket.connections  # closed once, never reconnected
    assert conn.closed_by_app
    assert conn.close_code == 1000  # a normal close from the app
    assert len(env.fake.of("apps.connections.open")) == 1
    env.assert_every_envelope_acked_once()


async def test_a_refresh_disconnect_makes_the_app_reconnect_and_carry_on(socket_app: SocketEnv):
    env = socket_app
    (old,) = env.socket.connections
    await env.socket.disconnect("refresh_requested")
    assert await async_wait_until(
        lambda: old.ended and len(env.socket.open) == 1 and len(env.socket.connections) == 2
    )
    new = env.socket.connections[1]
    assert old.closed_by_app  # the app dropped the old socket itself
    opened = env.fake.of("apps.connections.open")
    assert [c.token for c in opened] == [APP_TOKEN, APP_TOKEN]  # a new URL for the new socket
    assert new.ticket != old.ticket and env.socket.tickets == {old.ticket: True, new.ticket: True}

    await start_round(env)  # envelopes on the new socket are acked and handled
    (envelope,) = env.socket.sent
    assert new.acked == [envelope] and old.acked == []
    assert await env.count(Round) == 1
    env.assert_every_envelope_acked_once()


async def test_a_first_time_clicker_is_acked_and_told_before_users_info_names_them(
    socket_app: SocketEnv,
):
    env = socket_app
    post, rq = await start_round(env)
    assert await async_wait_until_ref(env, rq.id, f"{CHANNEL}:1700000000.000001")
    env.fake.held["users.info"] = gate = asyncio.Event()  # Slack slow to give the profile
    click = await env.click(buttons(post.args["blocks"])[0], "1700000000.000001", user="U0002")
    assert await env.socket.wait_ack(click) == {"envelope_id": click}
    [receipt] = await env.wait_calls("chat.postEphemeral")
    assert receipt.args["user"] == "U0002" and receipt.args["text"].startswith("Locked in")
    assert await async_wait_until(lambda: "users.info" in env.fake.waiting)
    assert await named(env.repo, "U0002", "u0002")  # the handle, until users.info answers
    gate.set()
    assert await named(env.repo, "U0002", "name-U0002")
    [asked] = env.fake.of("users.info")[-1:]
    assert asked.args["user"] == "U0002" and asked.token == BOT_TOKEN
    env.assert_every_envelope_acked_once()


async def test_a_click_acked_before_shutdown_is_still_recorded(socket_app: SocketEnv):
    """SIGTERM right after Slack got the ack: the click's receipt is still sent before
    serve() ends (the answer was written before the ack)."""
    env = socket_app
    post, rq = await start_round(env)
    assert await async_wait_until_ref(env, rq.id, f"{CHANNEL}:1700000000.000001")
    env.fake.held["chat.postEphemeral"] = gate = asyncio.Event()
    click = await env.click(buttons(post.args["blocks"])[0], "1700000000.000001", user="U0002")
    assert await env.socket.wait_ack(click) == {"envelope_id": click}
    assert await env.count(Answer) == 1
    assert await async_wait_until(lambda: "chat.postEphemeral" in env.fake.waiting)

    env.stop.set()
    assert await async_wait_until(lambda: not env.socket.open)  # no new events taken
    assert not env.task.done()  # still finishing the acked click
    gate.set()
    assert await asyncio.wait_for(env.task, SERVE_TIMEOUT) == 0
    [receipt] = env.fake.of("chat.postEphemeral")
    assert receipt.args["user"] == "U0002" and receipt.args["text"].startswith("Locked in")


async def test_stop_ends_a_connect_that_keeps_failing(fresh_db: str, monkeypatch):
    """A revoked app token makes slack_sdk retry the connect forever; a stop still ends it."""
    for var in PROXY_VARS:
        monkeypatch.delenv(var, raising=False)
    fake = FakeSlackWithSockets()
    fake.errors["apps.connections.open"] = "invalid_auth"
    await fake.start()
    settings = socket_settings(fresh_db, fake)
    stop = asyncio.Event()
    task = asyncio.create_task(serve(settings, 0, stop, host="127.0.0.1"))
    try:
        assert await async_wait_until(lambda: bool(fake.of("apps.connections.open")))
        stop.set()
        # A hang guard: the retry loop waits 10 s between attempts and never gives up.
        assert await asyncio.wait_for(task, 5) == 0
        assert fake.socket.connections == []
    finally:
        if not task.done():
            task.cancel()
        await fake.close()


@pytest.mark.parametrize("level", ["INFO", "DEBUG"])
async def test_a_slack_it_cannot_reach_is_one_log_line_per_retry(
    fresh_db: str, monkeypatch: pytest.MonkeyPatch, level: str
) -> None:
    """slack_sdk retries the connect for as long as Slack is away, logging each failure with
    its traceback: each is one line naming the cause in the log (the traceback kept at
    DEBUG)."""
    for var in PROXY_VARS:
        monkeypatch.delenv(var, raising=False)
    settings = Settings(
        _env_file=None,  # type: ignore[call-arg]
        database_url=fresh_db,
        slack_bot_token=BOT_TOKEN,
        slack_app_token=APP_TOKEN,
        slack_signing_secret=None,
        slack_client_id=None,
        slack_client_secret=None,
        slack_api_url=f"http://127.0.0.1:{free_port()}/api/",  # nobody listens there
    )
    stop = asyncio.Event()
    with captured_log(level) as log:
        task = asyncio.create_task(serve(settings, 0, stop, host="127.0.0.1"))
        try:
            assert await async_wait_until(lambda: "Failed to connect" in log.getvalue())
            stop.set()
            assert await asyncio.wait_for(task, SERVE_TIMEOUT) == 0
        finally:
            if not task.done():
                task.cancel()
    logged = log.getvalue()
    if level == "DEBUG":
        assert "Traceback" in logged and "ConnectionRefusedError" in logged
        return
    assert "Traceback" not in logged
    [failed] = [line for line in logged.splitlines() if "Failed to connect" in line]
    assert " ERROR " in failed and "127.0.0.1" in failed
    assert failed.endswith("(ClientConnectorError)")
