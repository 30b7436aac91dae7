"""A batch of closes costs the same few statements whatever its size: on a busy server the
close path's round trips, not its questions, bound how fast rounds move on. Counted on both
databases, with the transitions and messages of every close checked as well."""

from __future__ import annotations

import random
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from typing import Any

from sqlalchemy import event

from bot.core.models import ChannelRef, QuestionStatus, RoundStatus
from bot.core.play import announcements, closing
from bot.core.play.service import QuizEngine
from bot.core.views import QuestionCard
from bot.db.repository import SqlRepository
from tests.helpers import TEAM, FixedClock, RecordingMessenger, load_questions, player
from tests.helpers import sample_questions as questions


@contextmanager
def statements(repo: SqlRepository) -> Iterator[list[str]]:
    """Every statement sent on the repository's connection meanwhile."""
    sent: list[str] = []
    conn = repo.bind.sync_connection  # the `repo` fixture's one connection

    def record(*args: Any) -> None:
        sent.append(str(args[2]))

    event.listen(conn, "before_cursor_execute", record)
    try:
        yield sent
    finally:
        event.remove(conn, "before_cursor_execute", record)


async def started(repo: SqlRepository, channels: int, per_round: int) -> list[QuestionCard]:
    await load_questions(repo, questions(8))
    quiz = QuizEngine(
        repo, RecordingMessenger(), platform="discord", clock=FixedClock(), rng=random.Random(5)
    )
    return [
        (
            await quiz.start_round(ChannelRef(TEAM, f"c{c}"), player("host"), questions=per_round)
        ).card
        for c in range(channels)
    ]


async def close_and_read(repo: SqlRepository, cards: list[QuestionCard]) -> tuple[int, list]:
    """Close these cards' questions in one unit and build their messages: (statements, news)."""
    now = FixedClock().advance(30)
    with statements(repo) as sent:
        async with repo.unit() as u:
            closed = await closing.close(u, [(c.round_question_id, now) for c in cards])
            reads = await announcements.read_all(u, closed, now)
    return len(sent), [announcements.compose(c, reads) for c in closed]


async def test_closing_twenty_questions_that_open_the_next_costs_what_closing_one_does(repo):
    cards = await started(repo, 21, per_round=2)
    one, first = await close_and_read(repo, cards[:1])
    many, rest = await close_and_read(repo, cards[1:])
    assert many == one
    news = first + rest
    assert [n.reveal.card.round_question_id for n in news] == [c.round_question_id for c in cards]
    assert all(n.next_card is not None and n.next_card.number == 2 for n in news)
    assert {n.channel.external_id for n in news} == {f"c{c}" for c in range(21)}
    async with repo.unit() as u:
        opened = [await u.play.round_question(n.next_card.round_question_id) for n in news]
    assert {q.status for q in opened if q} == {QuestionStatus.OPEN}


async def test_closing_ten_last_questions_with_their_summaries_costs_what_closing_one_does(repo):
    cards = await started(repo, 11, per_round=1)
    one, first = await close_and_read(repo, cards[:1])
    many, rest = await close_and_read(repo, cards[1:])
    assert many == one
    news = first + rest
    assert all(n.ended == RoundStatus.FINISHED and n.summary is not None for n in news)
    assert [n.summary.questions_asked for n in news] == [1] * 11
    async with repo.unit() as u:
        rounds = [await u.play.round(c.round_id) for c in cards]
    assert {r.status for r in rounds if r} == {RoundStatus.FINISHED}


async def test_a_question_closed_already_is_left_out_of_the_batch(repo):
    cards = await started(repo, 3, per_round=2)
    _, first = await close_and_read(repo, cards[1:2])
    _, again = await close_and_read(repo, cards)
    assert len(first) == 1
    assert [n.reveal.card.round_question_id for n in again] == [
        cards[0].round_question_id,
        cards[2].round_question_id,
    ]


async def test_questions_closed_at_different_times_in_one_batch_keep_their_own(repo):
    """A due close (the pass's time) and a filled one (the batch's) can share a batch."""
    cards = await started(repo, 2, per_round=2)
    early, late = FixedClock().advance(5), FixedClock().advance(9)
    async with repo.unit() as u:
        closed = await closing.close(
            u, [(cards[0].round_question_id, late), (cards[1].round_question_id, early)]
        )
    assert [(c.question.closed_at, c.next_question.opens_at) for c in closed] == [
        (late, late),
        (early, early),
    ]
    assert [c.next_question.closes_at - c.next_question.opens_at for c in closed] == [
        timedelta(seconds=c.round.seconds) for c in closed
    ]
