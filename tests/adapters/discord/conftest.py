"""A logged-in bot (real discord.py client, fake network) wired to a real database."""

from __future__ import annotations

import random
from collections.abc import AsyncIterator
from dataclasses import dataclass

import pytest

from bot.adapters.discord.app import build
from bot.adapters.discord.callbacks import RestReplies
from bot.adapters.discord.client import QuizClient, make_client
from bot.adapters.outbox import Outbox
from bot.core.ports import Repository
from bot.service import QuizService
from tests.adapters.discord.fakes import FakeDiscord, Member, Sender, buttons, connect
from tests.helpers import FixedClock, load_questions, sample_questions


@dataclass
class Bot:
    client: QuizClient
    service: QuizService
    fake: FakeDiscord
    send: Sender
    clock: FixedClock
    repo: Repository


async def start_bot(
    repo: Repository, fake: FakeDiscord, clock: FixedClock, *, seed: int = 7
) -> Bot:
    """One bot process: a new client and a new engine over `repo`, wired as `quizbot run
    discord` wires them."""
    client = make_client()
    service = build(client, repo, clock=clock, rng=random.Random(seed))
    await connect(client, fake)
    return Bot(client, service, fake, Sender(client, fake), clock, repo)


@pytest.fixture
async def bot(repo) -> AsyncIterator[Bot]:
    await load_questions(repo, sample_questions(8))
    b = await start_bot(repo, FakeDiscord(), FixedClock())
    yield b
    await b.client.close()


@pytest.fixture
async def fresh_bot(fresh_db: str, fresh_repo) -> AsyncIterator[Bot]:  # type: ignore[no-untyped-def]
    """A bot on a database of its own, so another connection can hold its writes."""
    await load_questions(fresh_repo, sample_questions(4))
    b = await start_bot(fresh_repo, FakeDiscord(), FixedClock())
    yield b
    await b.client.close()


async def post_card(bot: Bot, starter: Member) -> tuple[int, list[str]]:
    """Start a one-question round; its card's message id and its buttons' custom ids."""
    await bot.send.command(starter, "quiz start", questions=1, seconds=60)
    post = bot.fake.posts()[-1]
    return post.message_id, [b["custom_id"] for b in buttons(post.payload)]


def busy_outbox(client: QuizClient) -> Outbox:
    """The client's outbox made small, in its production shape (acks may take every slot,
    posts and receipts only some): 3 calls at once, posts and receipts 2 of them."""
    outbox = Outbox(concurrency=3, others=2)
    client.outbox = outbox
    client.replies = RestReplies(client.replies.http, outbox)
    return outbox
