"""Races that replicas and double clicks create, on separate connections (real commits)."""

from __future__ import annotations

import asyncio
import random

from sqlalchemy import func, select

from bot.core.models import ChannelRef
from bot.core.play.service import QuizEngine
from bot.core.views import QuestionCard, Reveal, RoundSummary
from bot.db.connect import create_engine
from bot.db.repository import SqlRepository
from bot.db.tables import Answer, RoundQuestion, ScoreTotal, ScoreWeekly
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
