"""Answers written in batches score exactly as if written one by one, on both databases."""

from __future__ import annotations

import asyncio
import random
from collections import defaultdict

import pytest
from sqlalchemy import select, text

from bot.core.errors import Contended
from bot.core.models import ChannelRef
from bot.core.play import scoring
from bot.core.play.service import QuizEngine
from bot.core.views import QuestionCard
from bot.db.connect import create_engine
from bot.db.repository import SqlRepository
from bot.db.tables import Answer, Player, ScoreTotal, ScoreWeekly
from tests.helpers import (
    TEAM,
    FixedClock,
    RecordingMessenger,
    load_questions,
    player,
    sample_questions,
)

SECONDS = 20


def right(card: QuestionCard) -> int:
    return next(i for i, c in enumerate(card.choices) if c.startswith("right"))


def wrong(card: QuestionCard) -> int:
    return next(i for i, c in enumerate(card.choices) if c.startswith("wrong"))


def streaks(sequence: list[bool]) -> tuple[int, int]:
    """All-time (streak, best streak) after answers in this order, by the scoring rule."""
    streak = best = 0
    for correct in sequence:
        streak = streak + 1 if correct else 0
        best = max(best, streak)
    return streak, best


async def totals(repo: SqlRepository) -> dict[str, tuple[int, int, int, int, int]]:
    async with repo.unit() as u:
        rows = await u.session.execute(
            select(
                Player.display_name,
                ScoreTotal.points,
                ScoreTotal.answered,
                ScoreTotal.correct,
                ScoreTotal.streak,
                ScoreTotal.best_streak,
            ).join(Player, Player.id == ScoreTotal.player_id)
        )
        return {name: tuple(rest) for name, *rest in rows}


async def weekly_points(repo: SqlRepository) -> dict[str, tuple[int, int]]:
    async with repo.unit() as u:
        rows = await u.session.execute(
            select(Player.display_name, ScoreWeekly.points, ScoreWeekly.answered).join(
                Player, Player.id == ScoreWeekly.player_id
            )
        )
        return {name: (points, answered) for name, points, answered in rows}


async def test_a_burst_is_written_in_batches_and_scored_as_one_by_one(fresh_repo):
    """30 players answer two questions in three channels at once: every score, streak and
    weekly row equals what the scoring rule gives answer by answer."""
    await load_questions(fresh_repo, sample_questions(8))
    clock = FixedClock()
    messenger = RecordingMessenger()
    quiz = QuizEngine(fresh_repo, messenger, platform="discord", clock=clock, rng=random.Random(3))
    channels = [ChannelRef(TEAM, f"burst{c}") for c in range(3)]
    for ch in channels:
        await quiz.start_round(ch, player("host"), questions=2, seconds=SECONDS)
    names = [f"p{i}" for i in range(30)]
    expected: dict[str, int] = defaultdict(int)
    history: dict[str, list[bool]] = defaultdict(list)

    async def everyone_answers(number: int, is_right, elapsed: int, run_before) -> None:
        cards = [c for c in messenger.of(QuestionCard) if c.number == number]
        assert len(cards) == 3
        receipts = await asyncio.gather(
            *(
                quiz.answer(
                    card.round_question_id, player(n), right(card) if is_right(n) else wrong(card)
                )
                for card in cards
                for n in names
            )
        )
        assert all(r.accepted for r in receipts), {r.text for r in receipts}
        for _card in cards:
            for n in names:
                expected[n] += scoring.points(is_right(n), elapsed, SECONDS, run_before(n))
                history[n].append(is_right(n))

    clock.advance(4)
    first = lambda n: int(n[1:]) % 3 != 0  # noqa: E731
    await everyone_answers(1, first, 4, lambda n: 0)
    clock.advance(SECONDS)
    await quiz.run_due()
    clock.advance(7)
    second = lambda n: int(n[1:]) % 2 == 0  # noqa: E731
    await everyone_answers(2, second, 7, lambda n: 1 if first(n) else 0)

    assert quiz.answer_queue.largest > 1  # clicks really were grouped
    assert quiz.answer_queue.batches < 180
    got = await totals(fresh_repo)
    week = await weekly_points(fresh_repo)
    for n in names:
        streak, best = streaks(history[n])
        assert got[n] == (expected[n], 6, sum(history[n]), streak, best), n
        assert week[n] == (expected[n], 6), n


async def test_double_clicks_in_one_burst_count_once(fresh_repo):
    await load_questions(fresh_repo, sample_questions(4))
    messenger = RecordingMessenger()
    quiz = QuizEngine(fresh_repo, messenger, platform="discord", clock=FixedClock())
    await quiz.start_round(ChannelRef(TEAM, "dbl"), player("host"), questions=1)
    card = messenger.of(QuestionCard)[0]
    names = [f"p{i}" for i in range(20)]
    receipts = await asyncio.gather(
        *(quiz.answer(card.round_question_id, player(n), k % 4) for n in names for k in range(3))
    )
    accepted = [r for r in receipts if r.accepted]
    assert len(accepted) == 20
    assert sum("already answered" in r.text for r in receipts) == 40
    got = await totals(fresh_repo)
    assert {n: got[n][1] for n in names} == dict.fromkeys(names, 1)


async def _poison_players(repo: SqlRepository, backend: str) -> None:
    """A real database fault for one player: inserting 'u-poison' raises in the database."""
    async with repo.unit() as u:
        if backend == "postgresql":
            await u.session.execute(
                text(
                    "CREATE FUNCTION poison() RETURNS trigger AS $$ BEGIN "
                    "RAISE EXCEPTION 'poisoned'; END $$ LANGUAGE plpgsql"
                )
            )
            await u.session.execute(
                text(
                    "CREATE TRIGGER poison BEFORE INSERT ON players FOR EACH ROW "
                    "WHEN (NEW.external_id = 'u-poison') EXECUTE FUNCTION poison()"
                )
            )
        else:
            await u.session.execute(
                text(
                    "CREATE TRIGGER poison BEFORE INSERT ON players "
                    "WHEN NEW.external_id = 'u-poison' BEGIN SELECT RAISE(ABORT, 'poisoned'); END"
                )
            )


async def test_a_click_the_database_refuses_fails_alone(fresh_repo, backend):
    await load_questions(fresh_repo, sample_questions(4))
    await _poison_players(fresh_repo, backend)
    messenger = RecordingMessenger()
    quiz = QuizEngine(fresh_repo, messenger, platform="discord", clock=FixedClock())
    await quiz.start_round(ChannelRef(TEAM, "poison"), player("host"), questions=1)
    rq = messenger.of(QuestionCard)[0].round_question_id
    names = [f"p{i}" for i in range(10)] + ["poison"] + [f"q{i}" for i in range(10)]
    results = await asyncio.gather(
        *(quiz.answer(rq, player(n), 0) for n in names), return_exceptions=True
    )
    failed = [n for n, r in zip(names, results, strict=True) if isinstance(r, Exception)]
    assert failed == ["poison"]
    assert all(r.accepted for r in results if not isinstance(r, Exception))
    assert quiz.answer_queue.largest > 1  # the poisoned click shared a batch with others
    async with fresh_repo.unit() as u:
        count = len((await u.session.scalars(select(Answer.id))).all())
    assert count == 20


async def test_two_replicas_scoring_the_same_players_at_once_count_everything(fresh_db):
    """The same 40 players answer in four channels, two through each replica, all at once:
    the shared score rows end up with every answer exactly once."""
    engines = [create_engine(fresh_db), create_engine(fresh_db)]
    try:
        repos = [SqlRepository(e) for e in engines]
        await load_questions(repos[0], sample_questions(4))
        clock = FixedClock()
        messenger = RecordingMessenger()
        replicas = [
            QuizEngine(r, messenger, platform="discord", clock=clock, rng=random.Random(i))
            for i, r in enumerate(repos)
        ]
        for c in range(4):
            await replicas[0].start_round(
                ChannelRef(TEAM, f"rep{c}"), player("host"), questions=1, seconds=SECONDS
            )
        cards = messenger.of(QuestionCard)
        names = [f"p{i}" for i in range(40)]
        receipts = await asyncio.gather(
            *(
                replicas[c % 2].answer(card.round_question_id, player(n), right(card))
                for c, card in enumerate(cards)
                for n in (reversed(names) if c % 2 else names)
            )
        )
        assert all(r.accepted for r in receipts)
        got = await totals(repos[1])
        per_answer = scoring.points(True, 0, SECONDS, 0)
        assert {n: got[n] for n in names} == dict.fromkeys(names, (4 * per_answer, 4, 4, 4, 4))
    finally:
        for e in engines:
            await e.dispose()


@pytest.mark.parametrize("backend", ["postgresql"])  # SQLite has one writer: no deadlocks
async def test_a_deadlock_is_reported_as_contended_so_the_batch_can_run_again(fresh_repo):
    """Two transactions lock two rows in opposite orders; PostgreSQL cancels one of them."""
    async with fresh_repo.unit() as u:
        await u.session.execute(text("CREATE TABLE lockme (id int PRIMARY KEY, n int)"))
        await u.session.execute(text("INSERT INTO lockme VALUES (1, 0), (2, 0)"))
    both_hold = asyncio.Barrier(2)

    async def lock(first: int, second: int) -> None:
        async with fresh_repo.unit() as u:
            await u.session.execute(text(f"UPDATE lockme SET n = n + 1 WHERE id = {first}"))
            await both_hold.wait()
            await u.session.execute(text(f"UPDATE lockme SET n = n + 1 WHERE id = {second}"))

    results = await asyncio.gather(lock(1, 2), lock(2, 1), return_exceptions=True)
    assert sum(isinstance(r, Contended) for r in results) == 1
    assert sum(r is None for r in results) == 1


async def test_drain_writes_every_answer_already_received(fresh_repo):
    """Graceful shutdown: answers received before it are all written (none left queued)."""
    await load_questions(fresh_repo, sample_questions(4))
    messenger = RecordingMessenger()
    quiz = QuizEngine(fresh_repo, messenger, platform="discord", clock=FixedClock())
    await quiz.start_round(ChannelRef(TEAM, "drain"), player("host"), questions=1)
    rq = messenger.of(QuestionCard)[0].round_question_id
    clicks = [asyncio.create_task(quiz.answer(rq, player(f"p{i}"), 0)) for i in range(40)]
    await asyncio.sleep(0)  # the clicks are queued, the first batch is on its way
    await quiz.drain()
    assert all(c.done() for c in clicks)
    assert all(c.result().accepted for c in clicks)
    async with fresh_repo.unit() as u:
        assert len((await u.session.scalars(select(Answer.id))).all()) == 40


@pytest.mark.parametrize("backend", ["postgresql"])  # SQLite has one writer: no such race
async def test_replicas_writing_the_last_answers_at_once_still_close_early(fresh_db):
    """A round that closes each question after 4 answers; two replicas write the last ones
    at the same time. Commits are slowed down in the database so that each replica counts
    before the other has committed: the count must come after the commit."""
    engines = [create_engine(fresh_db), create_engine(fresh_db)]
    try:
        repos = [SqlRepository(e) for e in engines]
        await load_questions(repos[0], sample_questions(4))
        async with repos[0].unit() as u:
            await u.session.execute(
                text(
                    "CREATE FUNCTION slow_commit() RETURNS trigger AS $$ BEGIN "
                    "PERFORM pg_sleep(0.2); RETURN NULL; END $$ LANGUAGE plpgsql"
                )
            )
            await u.session.execute(
                text(
                    "CREATE CONSTRAINT TRIGGER slow_commit AFTER INSERT ON answers "
                    "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION slow_commit()"
                )
            )
        clock = FixedClock()
        messenger = RecordingMessenger()
        replicas = [
            QuizEngine(r, messenger, platform="discord", clock=clock, rng=random.Random(i))
            for i, r in enumerate(repos)
        ]
        await replicas[0].start_round(
            ChannelRef(TEAM, "early"), player("host"), questions=2, close_after_answers=4
        )
        rq = messenger.of(QuestionCard)[0].round_question_id
        receipts = await asyncio.gather(
            *(replicas[i % 2].answer(rq, player(f"p{i}"), 0) for i in range(4))
        )
        assert all(r.accepted for r in receipts)
        cards = messenger.of(QuestionCard)
        assert [c.number for c in cards] == [1, 2]  # the 4th answer closed the first question
    finally:
        for e in engines:
            await e.dispose()
