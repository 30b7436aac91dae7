"""A logged-in bot (real discord.py client, fake network) wired to a real database."""

from __future__ import annotations

import random
from collections.abc import AsyncIterator
from dataclasses import dataclass

import pytest

from bot.adapters.discord.app import build
from bot.adapters.discord.client import QuizClient, make_client
from bot.core.ports import Repository
from bot.service import QuizService
from tests.adapters.discord.fakes import FakeDiscord, Sender, connect
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
