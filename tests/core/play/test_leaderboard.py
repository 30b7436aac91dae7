"""Leaderboards read from the aggregated tables: ranks, ties, weeks, personal stats."""

from __future__ import annotations

import random
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from bot.core.models import ChannelRef, TeamRef
from bot.core.play.service import QuizEngine
from bot.core.views import QuestionCard
from bot.db.tables import ScoreWeekly
from tests.helpers import (
    CHANNEL,
    TEAM,
    FixedClock,
    RecordingMessenger,
    load_questions,
    player,
    sample_questions,
)


@pytest.fixture
async def engine(repo):
    await load_questions(repo, sample_questions(10))
    clock = FixedClock()
    return QuizEngine(
        repo, RecordingMessenger(), platform="discord", clock=clock, rng=random.Random(1)
    )


def right(card: QuestionCard) -> int:
    return next(i for i, c in enumerate(card.choices) if c.startswith("right"))


async def play_question(engine, answers: dict[str, bool], after: float = 0.0) -> None:
    """Start a one-question round where each named player answers right or wrong."""
    await engine.start_round(CHANNEL, player("host"), questions=1, seconds=20)
    card = engine.messenger.of(QuestionCard)[-1]
    engine.clock.advance(after)
    for name, ok in answers.items():
        idx = right(card) if ok else (right(card) + 1) % len(card.choices)
        assert (await engine.answer(card.round_question_id, player(name), idx)).accepted
    engine.clock.advance(20)
    await engine.run_due()


async def test_ranks_and_ties(engine):
    await play_question(engine, {"ann": True, "bob": True, "cat": False})
    board = await engine.leaderboard(TEAM, "week")
    ranks = [(e.rank, e.row.display_name, e.row.points) for e in board.entries]
    assert ranks == [(1, "ann", 150), (1, "bob", 150), (3, "cat", 0)]
    alltime = await engine.leaderboard(TEAM, "all")
    assert [(e.rank, e.row.points) for e in alltime.entries] == [(1, 150), (1, 150), (3, 0)]


async def test_week_boundary(engine, repo):
    engine.clock.now = datetime(2026, 11, 29, 23, 59, 39, tzinfo=UTC)  # Sunday
    await play_question(engine, {"ann": True}, after=20 - 0.5)  # answers at 23:59:58.5
    engine.clock.now = datetime(2026, 11, 30, 0, 0, 0, tzinfo=UTC)  # Monday
    await play_question(engine, {"ann": True})
    async with repo.unit() as u:
        weeks = sorted(
            (r.week_start.isoformat(), r.answered)
            for r in await u.session.scalars(select(ScoreWeekly))
        )
    assert weeks == [("2026-11-23", 1), ("2026-11-30", 1)]


async def test_week_boundary_exact_second(engine, repo):
    """An answer at Sunday 23:59:59 UTC and one at Monday 00:00:00 land in different weeks."""
    engine.clock.now = datetime(2026, 11, 29, 23, 59, 50, tzinfo=UTC)
    await engine.start_round(CHANNEL, player("host"), questions=1, seconds=30)
    card = engine.messenger.of(QuestionCard)[-1]
    engine.clock.now = datetime(2026, 11, 29, 23, 59, 59, tzinfo=UTC)
    assert (await engine.answer(card.round_question_id, player("ann"), right(card))).accepted
    engine.clock.now = datetime(2026, 11, 30, 0, 0, 0, tzinfo=UTC)
    assert (await engine.answer(card.round_question_id, player("bob"), right(card))).accepted
    async with repo.unit() as u:
        rows = {r.week_start.isoformat() for r in await u.session.scalars(select(ScoreWeekly))}
    assert rows == {"2026-11-23", "2026-11-30"}


async def test_teams_do_not_mix(engine):
    other = TeamRef("slack", "T1", "Other")
    await play_question(engine, {"ann": True})
    await engine.start_round(ChannelRef(other, "C1"), player("zed", other), questions=1)
    board = await engine.leaderboard(other, "week")
    assert board.entries == ()


async def test_player_stats(engine):
    await play_question(engine, {"ann": True, "bob": True})
    await play_question(engine, {"ann": False, "bob": True})
    me = await engine.player_stats(player("ann"))
    assert (me.week_points, me.correct, me.answered, me.streak, me.best_streak) == (150, 1, 2, 0, 1)
    assert me.week_rank == 2
    bob = await engine.player_stats(player("bob"))
    assert (bob.week_rank, bob.all_rank, bob.streak, bob.best_streak) == (1, 1, 2, 2)
    nobody = await engine.player_stats(player("new"))
    assert (nobody.week_rank, nobody.all_rank, nobody.answered) == (None, None, 0)
