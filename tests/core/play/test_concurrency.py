"""Races that replicas and double clicks create, on separate connections (real commits)."""

from __future__ import annotations

import asyncio
import random
from typing import Any

import pytest
from sqlalchemy import func, select, text

from bot.core.models import ChannelRef
from bot.core.play.service import QuizEngine
from bot.core.views import QuestionCard, Reveal, RoundSummary
from bot.db.connect import create_engine
from bot.db.repository import SqlRepository
from bot.db.tables import Answer, Round, RoundQuestion, ScoreTotal, ScoreWeekly
from tests.helpers import (
    TEAM,
    FixedClock,
    RecordingMessenger,
    load_questions,
    player,
    sample_questions,
)


async def test_fifty_concurrent_clicks_by_one_player_count_once(fresh_repo):
    await load_questions(fresh_repo, sample_questions(4))
    clock = FixedClock()
    engine = QuizEngine(fresh_repo, RecordingMessenger(), platform="discord", clock=clock)
    out = await engine.start_round(ChannelRef(TEAM, "race"), player("host"), questions=1)
    rq = out.card.round_question_id
    receipts = await asyncio.gather(*(engine.answer(rq, player("ann"), i % 4) for i in range(50)))
    assert sum(r.accepted for r in receipts) == 1
    assert all("already answered" in r.text for r in receipts if not r.accepted)
    async with fresh_repo.unit() as u:
        answers = (await u.session.execute(select(func.count()).select_from(Answer))).scalar_one()
        weekly = (await u.session.execute(select(ScoreWeekly.answered))).scalar_one()
        total = (await u.session.execute(select(ScoreTotal.answered))).scalar_one()
    assert (answers, weekly, total) == (1, 1, 1)


async def test_two_workers_close_each_question_once(fresh_db):
    """Two engines with their own connection pools race on the due step."""
    engines = [create_engine(fresh_db), create_engine(fresh_db)]
    try:
        repos = [SqlRepository(e) for e in engines]
        await load_questions(repos[0], sample_questions(12))
        clock = FixedClock()
        messengers = [RecordingMessenger(), RecordingMessenger()]
        workers = [
            QuizEngine(r, m, platform="discord", clock=clock, rng=random.Random(i))
            for i, (r, m) in enumerate(zip(repos, messengers, strict=True))
        ]
        channels = [ChannelRef(TEAM, f"c{i}") for i in range(6)]
        for ch in channels:
            await workers[0].start_round(ch, player("host"), questions=2, seconds=10)
        for _ in range(2):
            clock.advance(10)
            closed = await asyncio.gather(workers[0].run_due(), workers[1].run_due())
            assert sum(closed) == 6  # each of the six open questions closed exactly once
        reveals = [v for m in messengers for _, _, v in m.updates if isinstance(v, Reveal)]
        assert len(reveals) == 12
        assert len({r.card.round_question_id for r in reveals}) == 12
        summaries = [v for m in messengers for v in m.of(RoundSummary)]
        assert len(summaries) == 6
        cards = [v for m in messengers for v in m.of(QuestionCard)]
        assert len(cards) == 12  # 6 first questions + 6 second questions, none twice
        async with repos[0].unit() as u:
            statuses = (await u.session.execute(select(RoundQuestion.status))).scalars().all()
        assert set(statuses) == {"closed"}
    finally:
        for e in engines:
            await e.dispose()


async def test_concurrent_answers_and_close_never_lose_or_double_count(fresh_db):
    engines = [create_engine(fresh_db), create_engine(fresh_db)]
    try:
        repos = [SqlRepository(e) for e in engines]
        await load_questions(repos[0], sample_questions(4))
        clock = FixedClock()
        a = QuizEngine(repos[0], RecordingMessenger(), platform="discord", clock=clock)
        b = QuizEngine(repos[1], RecordingMessenger(), platform="discord", clock=clock)
        out = await a.start_round(ChannelRef(TEAM, "x"), player("host"), questions=1, seconds=10)
        rq = out.card.round_question_id
        names = [f"p{i}" for i in range(30)]
        results = await asyncio.gather(
            *((a if i % 2 else b).answer(rq, player(n), 0) for i, n in enumerate(names)),
        )
        assert all(r.accepted for r in results)
        clock.advance(10)
        assert sum(await asyncio.gather(a.run_due(), b.run_due())) == 1
        async with repos[0].unit() as u:
            total = (await u.session.execute(select(func.sum(ScoreWeekly.answered)))).scalar_one()
        assert total == 30
    finally:
        for e in engines:
            await e.dispose()


async def test_questions_filled_through_two_processes_close_and_move_on_once(fresh_db):
    """Both processes' answer batches ask for the fill check; whichever sees the last answer
    committed closes the question, in one guarded transition with the next card, once."""
    engines = [create_engine(fresh_db), create_engine(fresh_db)]
    try:
        repos = [SqlRepository(e) for e in engines]
        await load_questions(repos[0], sample_questions(8))
        clock = FixedClock()
        messengers = [RecordingMessenger(), RecordingMessenger()]
        bots = [
            QuizEngine(r, m, platform="discord", clock=clock, rng=random.Random(i))
            for i, (r, m) in enumerate(zip(repos, messengers, strict=True))
        ]
        firsts = [
            (
                await bots[0].start_round(
                    ChannelRef(TEAM, f"c{c}"),
                    player("host"),
                    questions=2,
                    seconds=60,
                    close_after_answers=6,
                )
            ).card.round_question_id
            for c in range(4)
        ]
        names = [f"p{i}" for i in range(6)]

        async def everyone_answers(rqs: list[int]) -> None:
            receipts = await asyncio.gather(
                *(bots[i % 2].answer(rq, player(n), 0) for rq in rqs for i, n in enumerate(names))
            )
            assert all(r.accepted for r in receipts)

        await everyone_answers(firsts)
        cards = [v for m in messengers for v in m.of(QuestionCard) if v.number == 2]
        assert len(cards) == 4  # each round moved on once
        await everyone_answers([c.round_question_id for c in cards])
        reveals = [v for m in messengers for _, _, v in m.updates if isinstance(v, Reveal)]
        assert sorted(r.card.round_question_id for r in reveals) == sorted(
            firsts + [c.round_question_id for c in cards]
        )
        assert {r.answered for r in reveals} == {6}  # every answer counted
        summaries = [v for m in messengers for v in m.of(RoundSummary)]
        assert len(summaries) == 4
        assert {s.questions_asked for s in summaries} == {2}
        assert {tuple(e.row.answered for e in s.standings.entries) for s in summaries} == {(2,) * 6}
    finally:
        for e in engines:
            await e.dispose()


@pytest.mark.parametrize("backend", ["postgresql"])
async def test_a_close_that_waits_for_an_answer_in_flight_reveals_it(fresh_db):
    """A batch of answers holds its questions' key-share locks until it commits; a close that
    comes meanwhile waits, then closes, and its reveal counts that answer (the reveal is read
    after the close's lock, never in the close's own snapshot)."""
    engine, writer = create_engine(fresh_db), create_engine(fresh_db)
    try:
        repo = SqlRepository(engine)
        await load_questions(repo, sample_questions(4))
        clock = FixedClock()
        quiz = QuizEngine(repo, RecordingMessenger(), platform="discord", clock=clock)
        out = await quiz.start_round(ChannelRef(TEAM, "c"), player("host"), questions=2)
        rq = out.card.round_question_id
        async with repo.unit() as u:
            ann = await u.teams.ensure_player(await u.teams.ensure_team(TEAM), player("ann"))
        async with writer.connect() as conn:
            tx = await conn.begin()
            await conn.execute(
                text("SELECT id FROM round_questions WHERE id = :id FOR KEY SHARE"), {"id": rq}
            )
            await conn.execute(
                text(
                    "INSERT INTO answers (round_question_id, player_id, choice, correct, points,"
                    " latency_ms, answered_at) VALUES (:rq, :p, 0, true, 100, 5, :at)"
                ),
                {"rq": rq, "p": ann, "at": clock()},
            )
            closing = asyncio.create_task(quiz.close_question(rq, clock.advance(30)))
            assert await lock_waits(engine) == 1  # the close waits for the answer's commit
            await tx.commit()
        assert await closing
        (reveal,) = [v for _, _, v in quiz.messenger.updates]  # type: ignore[attr-defined]
        assert reveal.answered == 1
        assert [w.display_name for w in reveal.winners] == ["ann"]
    finally:
        await engine.dispose()
        await writer.dispose()


async def lock_waits(engine: Any, at_least: int = 1) -> int:
    """Statements of this database waiting for a lock, once there are `at_least` (polled: no
    event says when another connection starts waiting). Each look is a transaction of its
    own: PostgreSQL keeps one snapshot of pg_stat_activity per transaction."""
    async with engine.connect() as conn:
        for _ in range(500):
            waiting = (
                await conn.execute(
                    text(
                        "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                        " AND datname = current_database()"
                    )
                )
            ).scalar_one()
            await conn.rollback()
            if waiting >= at_least:
                return int(waiting)
            await asyncio.sleep(0.01)
    return 0


async def test_two_processes_starting_a_round_in_one_channel_start_one(fresh_db):
    """The one-running-round rule is the database's: the loser writes nothing (no round, no
    questions) and is told a round is running."""
    engines = [create_engine(fresh_db), create_engine(fresh_db)]
    try:
        repos = [SqlRepository(e) for e in engines]
        await load_questions(repos[0], sample_questions(8))
        bots = [QuizEngine(r, RecordingMessenger(), platform="discord") for r in repos]
        channel = ChannelRef(TEAM, "race")
        outcomes = await asyncio.gather(
            *(b.start_round(channel, player("host"), questions=3) for b in bots),
            return_exceptions=True,
        )
        started = [o for o in outcomes if not isinstance(o, BaseException)]
        refused = [o for o in outcomes if isinstance(o, BaseException)]
        assert len(started) == 1
        assert [type(e).__name__ for e in refused] == ["QuizError"]
        assert "already running" in str(refused[0])
        async with repos[0].unit() as u:
            rounds = (await u.session.execute(select(func.count()).select_from(Round))).scalar()
            asked = (
                await u.session.execute(select(func.count()).select_from(RoundQuestion))
            ).scalar()
        assert (rounds, asked) == (1, 3)
    finally:
        for e in engines:
            await e.dispose()
