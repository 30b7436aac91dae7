"""A batch of closes costs the same few statements whatever its size: on a busy server the
close path's round trips, not its questions, bound how fast rounds move on. Counted on both
databases, with the transitions and messages of every close checked as well."""

from __future__ import annotations

import asyncio
import random
from datetime import timedelta

import pytest

from bot.core.models import ChannelRef, QuestionStatus, RoundStatus
from bot.core.play import announcements, closing
from bot.core.play.service import QuizEngine
from bot.core.views import QuestionCard, RoundSummary
from bot.db.repository import SqlRepository
from tests.helpers import (
    TEAM,
    FixedClock,
    RecordingMessenger,
    load_questions,
    player,
    statements_sent,
)
from tests.helpers import sample_questions as questions


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
    with statements_sent(repo) as sent:
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


def _not_a_card_reference(statement: str) -> bool:
    """The posted cards' message references are written on their own queue."""
    return "message_ref" not in statement.split("SET", 1)[-1][:40]


async def filled(repo: SqlRepository, channels: int, per_round: int, fill: int = 1):
    """An engine, and one answer by a known player to each channel's first question, written
    (closes after `fill` answers): the outcomes whose closes are still to run."""
    await load_questions(repo, questions(8))
    quiz = QuizEngine(
        repo, RecordingMessenger(), platform="discord", clock=FixedClock(), rng=random.Random(5)
    )
    cards = [
        (
            await quiz.start_round(
                ChannelRef(TEAM, f"c{c}"),
                player("host"),
                questions=per_round,
                close_after_answers=fill,
            )
        ).card
        for c in range(channels)
    ]
    await quiz.learn_name(player("ann"))
    outcomes = [await quiz.record_answer(c.round_question_id, player("ann"), 0) for c in cards]
    return quiz, cards, outcomes


async def close_filled(quiz: QuizEngine, cards: list[QuestionCard], outcomes: list) -> None:
    """Run each answer's close check, as the engine does after the answers' commit."""
    await asyncio.gather(
        *(
            quiz.close_if_filled(c.round_question_id, o)
            for c, o in zip(cards, outcomes, strict=True)
        )
    )


@pytest.mark.parametrize("backend", ["postgresql"])
async def test_a_batch_of_filled_questions_closes_in_one_statement_and_reads_in_one(fresh_repo):
    """Transitions (count, close, open the next) in one statement that commits by itself,
    the reveals and next cards in one more: no BEGIN, no COMMIT, nothing per question."""
    quiz, cards, outcomes = await filled(fresh_repo, 6, per_round=2)
    with statements_sent(fresh_repo, _not_a_card_reference) as sent:
        await close_filled(quiz, cards, outcomes)
    assert len(sent) == 2 * quiz.close_queue.batches, sent  # was 8 per batch
    assert quiz.close_queue.batches <= 2
    next_cards = [c for c in quiz.messenger.of(QuestionCard) if c.number == 2]  # type: ignore[attr-defined]
    assert len(next_cards) == 6
    reveals = [v for _, _, v in quiz.messenger.updates]  # type: ignore[attr-defined]
    assert sorted(r.answered for r in reveals) == [1] * 6


@pytest.mark.parametrize("backend", ["postgresql"])
async def test_last_questions_close_with_their_summaries_in_three_statements(fresh_repo):
    quiz, cards, outcomes = await filled(fresh_repo, 4, per_round=1)
    with statements_sent(fresh_repo, _not_a_card_reference) as sent:
        await close_filled(quiz, cards, outcomes)
    assert len(sent) == 3 * quiz.close_queue.batches, sent  # was 11 per batch
    summaries = quiz.messenger.of(RoundSummary)  # type: ignore[attr-defined]
    assert len(summaries) == 4
    assert {s.questions_asked for s in summaries} == {1}
    assert [[e.row.display_name for e in s.standings.entries] for s in summaries] == [["ann"]] * 4
    assert {tuple(e.row.display_name for e in s.week_top.entries) for s in summaries} == {("ann",)}


@pytest.mark.parametrize("backend", ["postgresql"])
async def test_a_fill_check_that_closes_nothing_costs_one_statement(fresh_repo):
    """A batch of answers asks for a count of each question it wrote to; while the question
    is short of its answers that check is one statement (it was five)."""
    quiz, cards, outcomes = await filled(fresh_repo, 3, per_round=2, fill=2)
    with statements_sent(fresh_repo, _not_a_card_reference) as sent:
        await close_filled(quiz, cards, outcomes)
    assert len(sent) == quiz.close_queue.batches, sent
    assert quiz.messenger.updates == []  # type: ignore[attr-defined]


@pytest.mark.parametrize("backend", ["postgresql"])
async def test_a_round_start_is_three_statements(fresh_repo):
    """What it reads (running round, defaults, decks and topics), its candidates, and one
    insert of the round with its questions and the first opened (it was 12, BEGIN, SAVEPOINT
    and COMMIT aside); the channel and player are known to the process."""
    await load_questions(fresh_repo, questions(8))
    quiz = QuizEngine(
        fresh_repo,
        RecordingMessenger(),
        platform="discord",
        clock=FixedClock(),
        rng=random.Random(5),
    )
    channel = ChannelRef(TEAM, "c0")
    await quiz.start_round(channel, player("host"), questions=3)
    await quiz.stop_round(channel, player("host"))
    with statements_sent(fresh_repo, _not_a_card_reference) as sent:
        out = await quiz.start_round(channel, player("host"), questions=3, seconds=40)
    assert len(sent) == 3, sent
    assert (out.card.number, out.card.total, out.card.seconds) == (1, 3, 40)
    async with fresh_repo.unit() as u:
        asked = await u.play.round_questions(out.round_id)
    assert [(q.ordinal, q.status) for q in asked] == [
        (1, QuestionStatus.OPEN),
        (2, QuestionStatus.PENDING),
        (3, QuestionStatus.PENDING),
    ]
    assert asked[0].closes_at - asked[0].opens_at == timedelta(seconds=40)
    assert asked[0].id == out.card.round_question_id
    assert out.card.prompt == asked[0].asked.prompt
