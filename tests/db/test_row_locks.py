"""Which writes wait for a batch of answers in flight (PostgreSQL row locks, on separate
connections with real transactions): a close must, so every answer it lets in is counted and
revealed; writing a posted card's message reference must not, or a card's first clicks hold up
the reference and every answer batch queued behind it."""

from __future__ import annotations

import random
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncSession

from bot.core.play import answering
from bot.core.play.answering import AnswerRequest
from bot.core.play.service import QuizEngine
from bot.db.connect import create_engine
from bot.db.repository import SqlRepository, SqlUnit
from tests.helpers import CHANNEL, T0, FixedClock, RecordingMessenger, load_questions, player
from tests.helpers import sample_questions as questions

pytestmark = pytest.mark.parametrize("backend", ["postgresql"])  # SQLite has no row locks


@asynccontextmanager
async def answers_in_flight(url: str, rq_id: int) -> AsyncIterator[None]:
    """A batch of answers to `rq_id` whose write has run and not yet committed: the answer
    path's write statement held open in a transaction, as a close meets it in flight."""
    engine = create_engine(url)
    try:
        async with engine.connect() as conn, conn.begin() as tx:
            unit = SqlUnit(AsyncSession(bind=conn, expire_on_commit=False))
            click = AnswerRequest(rq_id, player("p1"), 0, T0)
            [outcome] = await answering.record(unit, [click])
            assert outcome.receipt.accepted, outcome.receipt.text
            yield
            await tx.rollback()
    finally:
        await engine.dispose()


async def open_question(repo: SqlRepository) -> int:
    await load_questions(repo, questions(4))
    quiz = QuizEngine(
        repo, RecordingMessenger(), platform="discord", clock=FixedClock(), rng=random.Random(3)
    )
    return (await quiz.start_round(CHANNEL, player("host"), questions=2)).card.round_question_id


@pytest.fixture
async def own_repo(fresh_db: str) -> AsyncIterator[SqlRepository]:
    engine = create_engine(fresh_db)
    yield SqlRepository(engine)
    await engine.dispose()


async def test_a_cards_message_reference_is_written_beside_answers_in_flight(fresh_db, own_repo):
    rq_id = await open_question(own_repo)
    async with answers_in_flight(fresh_db, rq_id), own_repo.unit() as u:
        # Waiting for the answers would end here, with an error, instead of never.
        await u.session.execute(text("SET LOCAL lock_timeout = '5s'"))
        await u.play.set_message_refs([(rq_id, "message-1")])
    async with own_repo.unit() as u:
        assert (await u.play.round_question(rq_id)).message_ref == "message-1"  # type: ignore[union-attr]


async def test_a_close_waits_for_answers_in_flight(fresh_db, own_repo):
    rq_id = await open_question(own_repo)
    now = datetime(2026, 12, 2, tzinfo=UTC)
    async with answers_in_flight(fresh_db, rq_id):
        with pytest.raises(DBAPIError, match="lock timeout"):
            async with own_repo.unit() as u:
                await u.session.execute(text("SET LOCAL lock_timeout = '300ms'"))
                await u.play.close_questions([(rq_id, now)])
    async with own_repo.unit() as u:
        assert [rq.id for rq in await u.play.close_questions([(rq_id, now)])] == [rq_id]
