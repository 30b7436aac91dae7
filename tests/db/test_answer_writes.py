"""The answer path's read and guarded write (bot/db/play.py), on both databases: an answer
reaches a question only while it is open, a repeat changes nothing (its score nor its memory),
and on PostgreSQL a batch of known players' clicks costs one read and one write."""

from __future__ import annotations

import asyncio
import random
from dataclasses import replace
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from bot.core.models import NewAnswer
from bot.core.play.service import QuizEngine
from bot.core.study.memory import remember
from bot.core.study.store import MemoryRow
from bot.core.views import QuestionCard
from bot.core.weeks import week_start
from bot.db.repository import SqlRepository
from bot.db.tables import Answer, ScoreTotal, StudyCard
from tests.helpers import (
    CHANNEL,
    TEAM,
    FixedClock,
    RecordingMessenger,
    load_questions,
    player,
    sample_questions,
    statements_sent,
)


async def started(repo: SqlRepository, questions: int = 1) -> tuple[QuizEngine, FixedClock, int]:
    """An engine, its clock, and the open first question of a round it started."""
    await load_questions(repo, sample_questions(4))
    clock = FixedClock()
    quiz = QuizEngine(
        repo, RecordingMessenger(), platform="discord", clock=clock, rng=random.Random(5)
    )
    out = await quiz.start_round(CHANNEL, player("host"), questions=questions, seconds=30)
    return quiz, clock, out.card.round_question_id


async def one_answer(
    repo: SqlRepository, rq_id: int, clock: FixedClock
) -> tuple[NewAnswer, MemoryRow]:
    """A right answer by a new player to `rq_id`, scored and remembered as the engine would."""
    async with repo.unit() as u:
        team_id = await u.teams.ensure_team(TEAM)
        player_id = await u.teams.ensure_player(team_id, player("ann"))
        reads = await u.play.answer_reads([(rq_id, player_id)])
    ctx = reads.contexts[rq_id]
    at = clock()
    row = NewAnswer(rq_id, team_id, player_id, ctx.answer, True, 100, 0, at, week_start(at, "UTC"))
    memory = MemoryRow(team_id, player_id, ctx.rq.question_id, remember(None, True, at))
    return row, memory


async def counts(repo: SqlRepository) -> tuple[int, int, int]:
    """Answers, all-time score rows and study cards in the database."""
    async with repo.unit() as u:
        return tuple(  # type: ignore[return-value]
            [
                int((await u.session.execute(select(func.count()).select_from(t))).scalar_one())
                for t in (Answer, ScoreTotal, StudyCard)
            ]
        )


async def test_an_answer_to_a_question_closed_after_its_read_writes_nothing(repo):
    """The click was read while the question was open; the question closed before the write:
    the write finds it closed (a close waits for writes in flight, and one after it must not
    add to a reveal already sent), writes no answer, score or memory, and says so."""
    _quiz, clock, rq_id = await started(repo)
    row, memory = await one_answer(repo, rq_id, clock)
    async with repo.unit() as u:
        assert [rq.id for rq in await u.play.close_questions([(rq_id, clock())])] == [rq_id]
    async with repo.unit(autocommit=True) as u:
        result = await u.play.write_answers([row], [memory])
    assert (result.written, result.closed) == (set(), {rq_id})
    assert await counts(repo) == (0, 0, 0)


async def test_a_repeated_answer_changes_neither_score_nor_memory(repo):
    _quiz, clock, rq_id = await started(repo)
    row, memory = await one_answer(repo, rq_id, clock)
    async with repo.unit(autocommit=True) as u:
        first = await u.play.write_answers([row], [memory])
    assert (first.written, first.closed) == ({(rq_id, row.player_id)}, set())
    later = clock() + timedelta(seconds=5)
    again = replace(memory, memory=remember(memory.memory, False, later))
    async with repo.unit(autocommit=True) as u:
        second = await u.play.write_answers([replace(row, correct=False, at=later)], [again])
    assert (second.written, second.closed) == (set(), set())
    assert await counts(repo) == (1, 1, 1)
    async with repo.unit() as u:
        card = (await u.study.memories([(row.player_id, memory.question_id)]))[
            (row.player_id, memory.question_id)
        ]
        total = (await u.session.execute(select(ScoreTotal.answered))).scalar_one()
    assert (card.answered, card.correct, total) == (1, 1, 1)


@pytest.mark.parametrize("backend", ["postgresql"])
async def test_a_batch_of_known_players_clicks_is_one_read_and_one_write(fresh_repo):
    quiz, _clock, rq_id = await started(fresh_repo)
    names = [f"p{i}" for i in range(5)]
    for name in names:  # players this process has met (a first click also adds the player)
        await quiz.learn_name(player(name))
    with statements_sent(fresh_repo) as sent:
        outcomes = await asyncio.gather(*(quiz.record_answer(rq_id, player(n), 0) for n in names))
    assert all(o.receipt.accepted for o in outcomes)
    assert quiz.answer_queue.batches <= 2
    per_batch = len(sent) / quiz.answer_queue.batches
    assert per_batch == 2, sent  # was 4-5 statements, BEGIN and COMMIT aside


async def test_a_channels_platform_reference_is_read_once_per_process(fresh_repo):
    """Closes tell their channel; the channel's reference never changes once written, so the
    second close of a round reads it no more."""
    quiz, clock, _rq_id = await started(fresh_repo, questions=2)
    clock.advance(30)
    assert await quiz.run_due() == 1
    clock.advance(30)
    with statements_sent(fresh_repo) as sent:
        assert await quiz.run_due() == 1
    assert not [s for s in sent if "FROM channels" in s], sent
    assert [c.number for c in quiz.messenger.of(QuestionCard)] == [1, 2]  # type: ignore[attr-defined]
