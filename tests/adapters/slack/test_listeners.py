"""The Bolt listeners called directly, as Bolt calls them: Slack's payloads, a stub `ack` that
records what it was given, the listeners' dependencies in the context, and the Web API client
pointed at the local fake Slack. No HTTP app in between (test_http_end_to_end.py keeps the
signed round trip); the database is the real one, rolled back after each test."""

from __future__ import annotations

import random
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from slack_bolt.context.async_context import AsyncBoltContext
from sqlalchemy import func, select

from bot.adapters.slack.deps import CONTEXT_KEY, SlackDeps
from bot.adapters.slack.listeners import actions, commands, views
from bot.adapters.slack.messenger import SlackMessenger, make_client
from bot.core.models import ChannelRef, PlayerRef, TeamRef
from bot.core.view_ids import answer_id
from bot.db.repository import SqlRepository
from bot.db.tables import Answer, Question
from bot.service import build_service
from tests.adapters.slack.conftest import CHANNEL, TEAM, block_actions, view_submission
from tests.adapters.slack.fake_slack import BOT_TOKEN, FakeSlack, trigger_id
from tests.helpers import FixedClock, load_questions, sample_questions


@dataclass
class Ack:
    """Bolt's `ack`, recording each call's arguments and how many answers were written then."""

    repo: SqlRepository
    calls: list[dict[str, Any]] = field(default_factory=list)
    answers_then: list[int] = field(default_factory=list)

    async def __call__(self, **kwargs: Any) -> None:
        self.calls.append(kwargs)
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


@pytest.fixture
async def listening(repo: SqlRepository, fake_slack: FakeSlack) -> AsyncIterator[Listening]:
    await load_questions(repo, sample_questions(6))
    client = make_client(BOT_TOKEN, fake_slack.api_url)
    service = build_service(
        repo, SlackMessenger(client), "slack", clock=FixedClock(), rng=random.Random(5)
    )
    yield Listening(repo, SlackDeps(service, SlackMessenger(client)), fake_slack, client)
    await service.engine.drain()


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
    [receipt] = listening.fake.of("chat.postEphemeral")
    assert receipt.args["user"] == "U0002" and receipt.args["channel"] == CHANNEL


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
