"""The database goes away mid-round and comes back (this test stops and restarts its own
PostgreSQL): players get "try again in a moment", the due loop keeps running, and afterwards
the round continues and finishes with nothing lost or counted twice."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.engine import make_url

from bot.core.due import DueLoop
from bot.core.errors import Unavailable
from bot.core.views import QuestionCard, Reveal, RoundSummary
from bot.db.connect import create_engine
from bot.db.migrate import upgrade
from bot.db.repository import SqlRepository
from bot.db.tables import Answer, Round, RoundQuestion, ScoreTotal, ScoreWeekly
from bot.service import QuizService, build_service
from tests.conftest import async_wait_until
from tests.helpers import (
    CHANNEL,
    FixedClock,
    RecordingMessenger,
    load_questions,
    player,
    sample_questions,
)
from tests.pgserver import PgServer, in_ci, start_pg


@dataclass
class World:
    server: PgServer
    repo: SqlRepository
    service: QuizService
    messenger: RecordingMessenger
    clock: FixedClock


@pytest.fixture
async def world() -> AsyncIterator[World]:
    server = start_pg()
    if isinstance(server, str):
        if in_ci():
            pytest.fail(f"PostgreSQL is required in CI: {server}")
        pytest.skip(server)
    try:
        admin = create_engine(server.url)
        async with admin.connect() as conn:
            await conn.execution_options(isolation_level="AUTOCOMMIT")
            await conn.execute(text("CREATE DATABASE outage"))
        await admin.dispose()
        # Short timeouts so a dead database is noticed quickly (the production default is 10 s).
        engine = create_engine(
            make_url(server.url).set(database="outage").render_as_string(False), timeout=2.0
        )
        await upgrade(engine)
        repo = SqlRepository(engine)
        await load_questions(repo, sample_questions(4))
        clock = FixedClock()
        messenger = RecordingMessenger()
        service = build_service(repo, messenger, "discord", clock=clock)
        yield World(server, repo, service, messenger, clock)
        await engine.dispose()
    finally:
        server.stop()


async def _count(repo: SqlRepository, stmt):  # type: ignore[no-untyped-def]
    async with repo.unit() as u:
        return (await u.session.execute(stmt)).all()


async def test_outage_mid_round_then_recovery(world: World) -> None:
    quiz, clock, messenger = world.service.engine, world.clock, world.messenger
    alice, bob = player("alice"), player("bob")
    started = await quiz.start_round(CHANNEL, alice, questions=2, seconds=20)
    rq1 = started.card.round_question_id
    assert (await quiz.answer(rq1, alice, 0)).accepted

    passes = {"ok": 0, "failed": 0}

    async def step() -> None:
        try:
            await world.service.due_step()
        except Exception:
            passes["failed"] += 1
            raise  # the loop itself must survive this
        passes["ok"] += 1

    loop = DueLoop(step, poll_seconds=0.02, clock=clock)
    quiz.on_schedule = loop.poke
    task = asyncio.create_task(loop.run())
    try:
        assert await async_wait_until(lambda: passes["ok"] >= 1)

        assert world.server.halt is not None and world.server.resume is not None
        world.server.halt()
        clock.advance(2)
        with pytest.raises(Unavailable) as refused:
            await quiz.answer(rq1, bob, 0)
        assert refused.value.message.endswith("try again in a moment.")
        # Starting a round elsewhere is refused the same way, not with a traceback.
        with pytest.raises(Unavailable):
            await quiz.start_round(CHANNEL, bob, questions=1)

        failed_before = passes["failed"]
        assert await async_wait_until(lambda: passes["failed"] >= failed_before + 3, timeout=20)
        assert not task.done(), "the due loop must keep running while the database is away"

        world.server.resume()
        ok_before = passes["ok"]
        assert await async_wait_until(lambda: passes["ok"] > ok_before, timeout=20)

        # The same click, retried, goes through once; a second one is refused by the database.
        assert (await quiz.answer(rq1, bob, 1)).accepted
        again = await quiz.answer(rq1, bob, 0)
        assert not again.accepted and "already answered" in again.text

        # Question 1's time is up: the loop closes it once and opens question 2.
        clock.advance(20)
        loop.poke(clock())
        assert await async_wait_until(lambda: len(messenger.of(QuestionCard)) == 2, timeout=10)
        rq2 = messenger.of(QuestionCard)[1].round_question_id
        assert (await quiz.answer(rq2, alice, 0)).accepted
        clock.advance(21)
        loop.poke(clock())
        assert await async_wait_until(lambda: messenger.of(RoundSummary) != [], timeout=10)
        # A few more passes: nothing is closed or posted a second time.
        settled = passes["ok"]
        assert await async_wait_until(lambda: passes["ok"] >= settled + 3)
    finally:
        loop.stop()
        await asyncio.wait_for(task, timeout=10)
    assert task.done() and task.exception() is None

    reveals = [v for _, _, v in messenger.updates if isinstance(v, Reveal)]
    assert sorted(r.card.round_question_id for r in reveals) == sorted([rq1, rq2])
    assert [r.answered for r in reveals] == [2, 1]
    assert len(messenger.of(RoundSummary)) == 1
    assert len(messenger.of(QuestionCard)) == 2

    repo = world.repo
    (status,) = await _count(repo, select(Round.status))
    assert status == ("finished",)
    closed = await _count(
        repo, select(RoundQuestion.id, RoundQuestion.status).order_by(RoundQuestion.ordinal)
    )
    assert [tuple(r) for r in closed] == [(rq1, "closed"), (rq2, "closed")]
    answers = await _count(
        repo,
        select(Answer.player_id, func.count(), func.sum(Answer.points)).group_by(Answer.player_id),
    )
    weekly = await _count(
        repo, select(ScoreWeekly.player_id, ScoreWeekly.answered, ScoreWeekly.points)
    )
    total = await _count(repo, select(ScoreTotal.player_id, ScoreTotal.answered, ScoreTotal.points))
    per_player = {pid: (n, pts) for pid, n, pts in answers}
    assert sorted(n for n, _ in per_player.values()) == [1, 2]  # bob once, alice twice
    assert {pid: (n, pts) for pid, n, pts in weekly} == per_player
    assert {pid: (n, pts) for pid, n, pts in total} == per_player
