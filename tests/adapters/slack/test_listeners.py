"""The Bolt listeners called directly, as Bolt calls them: Slack's payloads, a stub `ack` that
records what it was given, the listeners' dependencies in the context, and the Web API client
pointed at the local fake Slack. No HTTP app in between (test_http_end_to_end.py keeps the
signed round trip); the database is the real one, rolled back after each test."""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from slack_bolt.context.async_context import AsyncBoltContext
from sqlalchemy import func, select

from bot.adapters.outbox import Outbox, Priority
from bot.adapters.slack import clicks
from bot.adapters.slack.deps import CONTEXT_KEY, SlackDeps
from bot.adapters.slack.identity import UserDirectory
from bot.adapters.slack.listeners import actions, commands, views
from bot.adapters.slack.messenger import SlackMessenger, make_client
from bot.adapters.slack.render import blocks_for
from bot.core.models import ChannelRef, PlayerRef, TeamRef
from bot.core.view_ids import answer_id
from bot.db.repository import SqlRepository
from bot.db.tables import Answer, Question
from bot.service import build_service
from tests.adapters.slack.conftest import CHANNEL, TEAM, block_actions, view_submission
from tests.adapters.slack.fake_slack import BOT_TOKEN, FakeSlack, trigger_id
from tests.conftest import async_wait_until
from tests.helpers import FixedClock, captured_log, load_questions, sample_questions


@dataclass
class Ack:
    """Bolt's `ack`, recording each call's arguments, how many answers were written then and
    which Web API calls the fake Slack had had."""

    repo: SqlRepository
    fake: FakeSlack | None = None
    calls: list[dict[str, Any]] = field(default_factory=list)
    answers_then: list[int] = field(default_factory=list)
    api_then: list[list[str]] = field(default_factory=list)

    async def __call__(self, **kwargs: Any) -> None:
        self.calls.append(kwargs)
        # the Web API calls first: work after the ack goes on while the answers are counted
        self.api_then.append([c.method for c in self.fake.calls] if self.fake else [])
        self.answers_then.append(await count(self.repo, Answer))


@dataclass
class Listening:
    repo: SqlRepository
    deps: SlackDeps
    fake: FakeSlack
    client: Any

    def context(self) -> AsyncBoltContext:
        return AsyncBoltContext({CONTEXT_KEY: self.deps, "bot_token": BOT_TOKEN})


async def count(repo: SqlRepository, table: Any) -> int:
    async with repo.unit() as u:
        return int((await u.session.execute(select(func.count()).select_from(table))).scalar_one())


async def listening_on(repo: SqlRepository, fake: FakeSlack) -> AsyncIterator[Listening]:
    await load_questions(repo, sample_questions(6))
    client = make_client(BOT_TOKEN, fake.api_url)
    service = build_service(
        repo, SlackMessenger(client), "slack", clock=FixedClock(), rng=random.Random(5)
    )
    deps = SlackDeps(service, SlackMessenger(client))
    yield Listening(repo, deps, fake, client)
    assert await deps.inflight.wait_idle(5)  # what a click does after its ack
    await service.engine.drain()


@pytest.fixture
async def listening(repo: SqlRepository, fake_slack: FakeSlack) -> AsyncIterator[Listening]:
    async for env in listening_on(repo, fake_slack):
        yield env


@pytest.fixture
async def listening_apart(
    fresh_repo: SqlRepository, fake_slack: FakeSlack
) -> AsyncIterator[Listening]:
    """On a database of its own: work after an ack runs in transactions of its own, alongside
    the next click's, which the rolled-back `repo` (one connection) cannot hold at once."""
    async for env in listening_on(fresh_repo, fake_slack):
        yield env


def command(text: str, fake: FakeSlack, user: str = "U0001") -> dict[str, Any]:
    return {
        "team_id": TEAM,
        "channel_id": CHANNEL,
        "user_id": user,
        "command": "/quiz",
        "text": text,
        "response_url": fake.response_url(),
        "trigger_id": trigger_id(1),
    }


async def no_respond(**kwargs: Any) -> None:
    raise AssertionError(f"nothing should be said through response_url: {kwargs}")


async def test_help_is_the_ack_itself(listening: Listening) -> None:
    ack = Ack(listening.repo)
    body = command("help", listening.fake)
    await commands.quiz(ack, body, listening.client, no_respond, listening.context())
    assert ack.calls == [{"response_type": "ephemeral", "text": commands.HELP}]
    assert listening.fake.calls == []


async def test_an_unknown_verb_is_acked_with_the_usage(listening: Listening) -> None:
    ack = Ack(listening.repo)
    body = command("dance", listening.fake)
    await commands.quiz(ack, body, listening.client, no_respond, listening.context())
    [said] = ack.calls
    assert said["response_type"] == "ephemeral"
    assert said["text"].startswith("Unknown command `dance`.") and commands.HELP in said["text"]


async def test_a_click_is_acked_after_its_answer_is_written(listening: Listening) -> None:
    team = TeamRef("slack", TEAM)
    started = await listening.deps.service.engine.start_round(
        ChannelRef(team, CHANNEL), PlayerRef(team, "U0001", "u0001")
    )
    ack = Ack(listening.repo)
    click = answer_id(started.card.round_question_id, 0)
    body = block_actions(listening.fake, click, "U0002", "1.1")
    await actions.answer(ack, body, listening.context())
    assert ack.calls == [{}]
    assert ack.answers_then == [1]  # written before the ack went out
    # the receipt follows the ack on its own task: wait for it, as a busy machine may delay it
    assert await async_wait_until(lambda: len(listening.fake.of("chat.postEphemeral")) == 1)
    [receipt] = listening.fake.of("chat.postEphemeral")
    assert receipt.args["user"] == "U0002" and receipt.args["channel"] == CHANNEL


async def click_first_question(env: Listening, user: str, times: int = 1) -> list[Ack]:
    """Start a round (as U0001, named by the test) and click its first question `times` times
    as `user`, a player the bot has never seen; returns each click's ack."""
    team = TeamRef("slack", TEAM)
    started = await env.deps.service.engine.start_round(
        ChannelRef(team, CHANNEL), PlayerRef(team, "U0001", "u0001")
    )
    acks = []
    for _ in range(times):
        ack = Ack(env.repo, env.fake)
        body = block_actions(env.fake, answer_id(started.card.round_question_id, 0), user, "1.1")
        await actions.answer(ack, body, env.context())
        acks.append(ack)
    return acks


async def board_names(env: Listening) -> list[str]:
    board = await env.deps.service.engine.leaderboard(TeamRef("slack", TEAM))
    return [e.row.display_name for e in board.entries]


async def test_a_first_time_clicker_is_named_by_users_info_after_the_ack(
    listening_apart: Listening,
) -> None:
    acks = await click_first_question(listening_apart, "U0002", times=2)
    assert [a.calls for a in acks] == [[{}], [{}]]
    assert "users.info" not in acks[0].api_then[0]  # nothing but the write before the ack
    assert await listening_apart.deps.inflight.wait_idle(5)
    [asked] = listening_apart.fake.of("users.info")  # once, though the player clicked twice
    assert asked.args["user"] == "U0002"
    assert await board_names(listening_apart) == ["name-U0002"]
    # the name is cached: this player's next clicks carry it and ask nothing
    assert listening_apart.deps.users.name_of(TEAM, "U0002") == "name-U0002"
    assert not listening_apart.deps.users.should_fetch_name(TEAM, "U0002")


async def test_first_time_clickers_wait_for_their_names_in_one_queue(
    listening_apart: Listening,
) -> None:
    """A burst of new players is one task working a queue of lookups, not a task per click
    (10,000 tasks behind a lock cost the event loop quadratic time)."""
    env = listening_apart
    env.fake.held["users.info"] = slow = asyncio.Event()
    team = TeamRef("slack", TEAM)
    started = await env.deps.service.engine.start_round(
        ChannelRef(team, CHANNEL), PlayerRef(team, "U0001", "u0001")
    )
    players = [f"U{n:04}" for n in range(2, 10)]
    for user in players:
        body = block_actions(env.fake, answer_id(started.card.round_question_id, 0), user, "1.1")
        await actions.answer(Ack(env.repo), body, env.context())
    await env.fake.arrived.wait()  # the first lookup is under way, the rest wait for it

    def looking_up(task: asyncio.Task[Any]) -> bool:
        return task.get_coro().cr_code.co_filename.endswith("slack/clicks.py")  # type: ignore[union-attr]

    # each click's own task ends after its receipt; one task is left, waiting for the lookups
    assert await async_wait_until(lambda: len(env.fake.of("chat.postEphemeral")) == len(players))
    assert await async_wait_until(
        lambda: len([t for t in asyncio.all_tasks() if looking_up(t)]) == 1
    )
    slow.set()
    assert await env.deps.inflight.wait_idle(5)
    assert [c.args["user"] for c in env.fake.of("users.info")] == players
    assert sorted(await board_names(env)) == sorted(f"name-{u}" for u in players)


async def clicks_by(
    env: Listening, players: list[str], before_answering: Callable[[], None] = lambda: None
) -> None:
    """A round started, then one click by each of `players` while users.info and users.list
    are held, so all of them wait for their names together; then `before_answering`, and
    Slack answers."""
    env.fake.held["users.info"] = env.fake.held["users.list"] = slow = asyncio.Event()
    others = [f"U{n:04}" for n in range(1000, 1300)]
    env.fake.members = others + env.fake.members  # the test's players after 300 others
    team = TeamRef("slack", TEAM)
    started = await env.deps.service.engine.start_round(
        ChannelRef(team, CHANNEL), PlayerRef(team, "U0001", "u0001")
    )
    clicked = answer_id(started.card.round_question_id, 0)
    await actions.answer(
        Ack(env.repo), block_actions(env.fake, clicked, "U0999", "1.1"), env.context()
    )
    await env.fake.arrived.wait()  # the first lookup (U0999 alone) is under way
    for user in players:
        await actions.answer(
            Ack(env.repo), block_actions(env.fake, clicked, user, "1.1"), env.context()
        )
    # each click's receipt and name request follow its ack: all of them queued, then Slack
    # answers
    queued = env.deps.names_wanted.clicks
    assert await async_wait_until(lambda: len(queued) == len(players))
    before_answering()
    slow.set()
    assert await env.deps.inflight.wait_idle(5)


async def test_many_first_time_clickers_are_named_from_users_list_pages(
    listening_apart: Listening,
) -> None:
    env = listening_apart
    players = [f"U{n:04}" for n in range(2, 2 + clicks.LIST_FROM)]
    env.fake.members += players
    await clicks_by(env, players)
    assert [c.args["user"] for c in env.fake.of("users.info")] == ["U0999"]
    listed = env.fake.of("users.list")
    assert len(listed) == 2 and listed[0].args["limit"] == "200"  # to the page with them
    async with env.repo.unit() as u:
        rows = await u.session.execute(select(func.count()).select_from(Answer))
        assert rows.scalar_one() == len(players) + 1
    names = {u: env.deps.users.name_of(TEAM, u) for u in players}
    assert names == {u: f"name-{u}" for u in players}
    assert set(await board_names(env)) >= {f"name-{u}" for u in players[:8]}


async def test_players_users_list_does_not_show_are_asked_by_users_info(
    listening_apart: Listening,
) -> None:
    env = listening_apart
    players = [f"U{n:04}" for n in range(2, 2 + clicks.LIST_FROM)]
    env.fake.members += players[1:]  # the first is missing (a guest, say)
    await clicks_by(env, players)
    assert [c.args["user"] for c in env.fake.of("users.info")] == ["U0999", players[0]]
    assert len(env.fake.of("users.list")) == 2
    assert env.deps.users.name_of(TEAM, players[0]) == f"name-{players[0]}"


async def test_a_workspace_whose_names_cannot_be_read_is_one_log_line(
    listening_apart: Listening,
) -> None:
    env, broken = listening_apart, [False]

    async def token_for(team_id: str) -> str | None:
        if broken[0]:
            raise RuntimeError("the installation store is away")
        return BOT_TOKEN

    env.deps.messenger = SlackMessenger(make_client(None, env.fake.api_url), token_for)
    players = [f"U{n:04}" for n in range(2, 2 + clicks.LIST_FROM)]
    with captured_log("WARNING") as logged:
        await clicks_by(env, players, before_answering=lambda: broken.__setitem__(0, True))
    assert env.fake.of("users.list") == [] and not env.deps.names_wanted.working
    logged_lines = logged.getvalue().splitlines()
    assert f"naming {len(players)} Slack players failed unexpectedly" in logged_lines[0]
    assert (
        "work after an acknowledgement failed" not in logged.getvalue()
    )  # caught, with a reference
    broken[0] = False  # the next first-time clicker is named again
    team = TeamRef("slack", TEAM)
    started = await env.deps.service.engine.start_round(
        ChannelRef(team, "C0002"), PlayerRef(team, "U0001", "u0001")
    )
    body = block_actions(env.fake, answer_id(started.card.round_question_id, 0), "U0050", "1.1")
    body["channel"]["id"] = "C0002"
    await actions.answer(Ack(env.repo), body, env.context())
    assert await env.deps.inflight.wait_idle(5)
    assert env.deps.users.name_of(TEAM, "U0050") == "name-U0050"


async def test_a_failing_users_info_leaves_the_handle_and_logs_one_line(
    listening_apart: Listening,
) -> None:
    listening_apart.fake.rate_limited["users.info"] = 10  # past the client's own 429 retries
    with captured_log("WARNING") as logged:
        [ack] = await click_first_question(listening_apart, "U0002")
        assert await listening_apart.deps.inflight.wait_idle(5)
    assert ack.calls == [{}]
    [receipt] = listening_apart.fake.of("chat.postEphemeral")
    assert receipt.args["text"].startswith("Locked in")
    assert len(listening_apart.fake.of("users.info#429")) >= 1
    assert await board_names(listening_apart) == ["u0002"]
    lines = logged.getvalue().splitlines()
    assert [line for line in lines if "users.info" in line] != []
    assert len(lines) == 1 and "Traceback" not in logged.getvalue(), lines


async def test_a_learned_name_is_shown_escaped(listening_apart: Listening) -> None:
    listening_apart.fake.names["U0002"] = "<!channel> & <@U0001>"
    await click_first_question(listening_apart, "U0002")
    assert await listening_apart.deps.inflight.wait_idle(5)
    assert await board_names(listening_apart) == ["<!channel> & <@U0001>"]
    board = await listening_apart.deps.service.engine.leaderboard(TeamRef("slack", TEAM))
    shown = str(blocks_for(board))
    assert "&lt;!channel&gt; &amp; &lt;@U0001&gt;" in shown and "<!channel>" not in shown


async def test_a_name_the_directory_knows_is_not_fetched_again() -> None:
    now = [0.0]
    users = UserDirectory(ttl_seconds=60, clock=lambda: now[0])
    assert users.should_fetch_name("T1", "U1")
    assert not users.should_fetch_name("T1", "U1")  # asked a moment ago (or in flight)
    now[0] = 61
    assert users.should_fetch_name("T1", "U1")  # the last ask failed a while ago: ask again


async def test_the_name_waits_behind_acks_and_game_posts_in_a_busy_outbox(
    listening: Listening,
) -> None:
    deps = listening.deps
    deps.outbox = Outbox(concurrency=1)
    ran: list[tuple[float, str]] = []
    busy, freed = asyncio.Event(), asyncio.Event()

    async def hold() -> None:
        busy.set()
        await freed.wait()

    async def call(name: str) -> None:
        ran.append((time.monotonic(), name))

    holding = asyncio.ensure_future(deps.outbox.send(Priority.ACK, hold))
    await busy.wait()  # the only slot is taken
    click = clicks.AnswerClick(1, 0, ChannelRef(TeamRef("slack", TEAM), CHANNEL), "U0002", "u0002")
    learning = asyncio.ensure_future(clicks.learn_name(deps, click))
    posting = asyncio.ensure_future(deps.outbox.send(Priority.POST, lambda: call("post")))
    acking = asyncio.ensure_future(deps.outbox.send(Priority.ACK, lambda: call("ack")))
    await asyncio.sleep(0)  # let all three queue up behind the held slot
    assert deps.outbox.waiting == 3 and listening.fake.of("users.info") == []
    freed.set()
    await asyncio.gather(holding, learning, posting, acking)
    ran += [(c.at, c.method) for c in listening.fake.of("users.info")]
    assert [name for _, name in sorted(ran)] == ["ack", "post", "users.info"]


async def test_with_oauth_installs_the_name_is_asked_with_the_workspaces_token(
    listening_apart: Listening,
) -> None:
    async def token_for(team_id: str) -> str | None:
        return f"xoxb-installed-{team_id}"

    env = listening_apart
    env.deps.messenger = SlackMessenger(make_client(None, env.fake.api_url), token_for)
    await click_first_question(env, "U0002")
    assert await env.deps.inflight.wait_idle(5)
    [asked] = env.fake.of("users.info")
    assert asked.token == f"xoxb-installed-{TEAM}"
    assert await board_names(env) == ["name-U0002"]


async def test_a_click_that_is_not_an_answer_is_acked_and_writes_nothing(
    listening: Listening,
) -> None:
    ack = Ack(listening.repo)
    body = block_actions(listening.fake, "quiz:a:not-a-number:0", "U0002", "1.1")
    await actions.answer(ack, body, listening.context())
    assert ack.calls == [{}] and ack.answers_then == [0]
    assert listening.fake.calls == []


async def test_a_bad_add_form_is_refused_in_the_ack_and_adds_nothing(
    listening: Listening,
) -> None:
    before = await count(listening.repo, Question)
    ack = Ack(listening.repo)
    payload = view_submission(
        {"prompt": "", "choices": "only one", "answer": "1", "explanation": None, "topic": None},
        "UADMIN",
    )
    await views.add_question(ack, payload, payload["view"], listening.client, listening.context())
    [refusal] = ack.calls
    assert refusal["response_action"] == "errors"
    assert set(refusal["errors"]) >= {"prompt", "choices"}
    assert await count(listening.repo, Question) == before


async def test_users_list_goes_on_where_the_workspaces_last_page_ended(
    fake_slack: FakeSlack,
) -> None:
    fake_slack.members = [f"U{n:04}" for n in range(450)]
    users, client = UserDirectory(), make_client(BOT_TOKEN, fake_slack.api_url)
    pages = [await users.list_page(client, TEAM) for _ in range(4)]
    assert pages == [True, True, False, True]  # after the last page it starts over
    assert [c.args.get("cursor") for c in fake_slack.of("users.list")] == [None, "200", "400", None]
    assert users.knows(TEAM, "U0449") and users.name_of(TEAM, "U0201") == "name-U0201"
    assert not users.knows(TEAM, "U0450")
