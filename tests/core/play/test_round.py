"""A round's life on both databases: start, answer, close, advance, finish, stop."""

from __future__ import annotations

import random

import pytest
from sqlalchemy import func, select

from bot.core.errors import NotAllowed, QuizError
from bot.core.models import ChannelRef
from bot.core.play.service import QuizEngine
from bot.core.views import QuestionCard, Reveal, RoundSummary
from bot.db.tables import Answer, Round, ScoreWeekly
from questions.bank import BankQuestion
from tests.helpers import (
    CHANNEL,
    FixedClock,
    RecordingMessenger,
    load_questions,
    player,
    sample_questions,
)


@pytest.fixture
async def setup(repo):
    await load_questions(repo, sample_questions(8))
    clock = FixedClock()
    messenger = RecordingMessenger()
    engine = QuizEngine(repo, messenger, platform="discord", clock=clock, rng=random.Random(7))
    return engine, messenger, clock, repo


async def count(repo, stmt) -> int:
    async with repo.unit() as u:
        return int((await u.session.execute(stmt)).scalar_one())


async def test_start_posts_the_first_question(setup):
    engine, messenger, _clock, _ = setup
    out = await engine.start_round(CHANNEL, player("ann"), questions=3, seconds=20)
    cards = messenger.of(QuestionCard)
    assert len(cards) == 1
    card = cards[0]
    assert (card.number, card.total, card.seconds) == (1, 3, 20)
    assert out.card == card
    assert sorted(card.choices)[0].startswith("right") or any(
        c.startswith("right") for c in card.choices
    )
    assert (card.closes_at - card.opens_at).total_seconds() == 20


async def test_second_start_in_channel_is_refused(setup):
    engine, _messenger, _, repo = setup
    await engine.start_round(CHANNEL, player("ann"))
    with pytest.raises(QuizError, match="already running here"):
        await engine.start_round(CHANNEL, player("bob"))
    assert await count(repo, select(func.count()).select_from(Round)) == 1


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"questions": 0}, "questions"),
        ({"questions": 51}, "questions"),
        ({"seconds": 4}, "seconds"),
        ({"seconds": 301}, "seconds"),
        ({"topic": "Nope"}, "topic"),
    ],
)
async def test_bad_start_arguments_change_nothing(setup, kwargs, field):
    engine, messenger, _, repo = setup
    with pytest.raises(QuizError) as err:
        await engine.start_round(CHANNEL, player("ann"), **kwargs)
    assert err.value.field == field
    assert field in err.value.message
    assert await count(repo, select(func.count()).select_from(Round)) == 0
    assert messenger.posts == []


async def test_topic_filter_and_no_repeats(setup):
    engine, messenger, clock, _ = setup
    await engine.start_round(CHANNEL, player("ann"), questions=4, topic="sqs")
    seen = []
    for _ in range(4):
        card = messenger.of(QuestionCard)[-1]
        seen.append(card.prompt)
        assert card.topic == "SQS"
        clock.advance(21)
        await engine.run_due()
    assert len(set(seen)) == 4
    assert messenger.of(RoundSummary)


async def test_least_recently_asked_preferred(setup):
    engine, messenger, clock, _ = setup
    first = await _play_silent_round(engine, messenger, clock, 4)
    second = await _play_silent_round(engine, messenger, clock, 4)
    assert not set(first) & set(second)
    third = await _play_silent_round(engine, messenger, clock, 4)
    assert set(third) == set(first)


async def _play_silent_round(engine, messenger, clock, n):
    await engine.start_round(CHANNEL, player("ann"), questions=n)
    prompts = []
    for _ in range(n):
        prompts.append(messenger.of(QuestionCard)[-1].prompt)
        clock.advance(30)
        await engine.run_due()
    return prompts


def right_index(card: QuestionCard) -> int:
    return next(i for i, c in enumerate(card.choices) if c.startswith("right"))


async def test_answer_scores_once_and_refuses_second(setup):
    engine, messenger, clock, repo = setup
    await engine.start_round(CHANNEL, player("ann"), seconds=20)
    card = messenger.of(QuestionCard)[0]
    clock.advance(5)
    first = await engine.answer(card.round_question_id, player("ann"), right_index(card))
    assert first.accepted and "Locked in" in first.text
    again = await engine.answer(card.round_question_id, player("ann"), 0)
    assert not again.accepted and "already answered" in again.text
    async with repo.unit() as u:
        row = (await u.session.execute(select(ScoreWeekly))).scalar_one()
    # 100 base + speed bonus 50 * (1 - 5/20) = 37.5 -> 38
    assert (row.points, row.correct, row.answered) == (138, 1, 1)


async def test_answer_after_close_is_refused(setup):
    engine, messenger, clock, repo = setup
    await engine.start_round(CHANNEL, player("ann"), seconds=10)
    card = messenger.of(QuestionCard)[0]
    clock.advance(10)  # time is up, not yet closed by the due step
    late = await engine.answer(card.round_question_id, player("bob"), 0)
    assert not late.accepted and "closed" in late.text
    await engine.run_due()
    later = await engine.answer(card.round_question_id, player("bob"), 0)
    assert not later.accepted and "closed" in later.text
    assert await count(repo, select(func.count()).select_from(Answer)) == 0


async def test_bad_choice_index_is_refused(setup):
    engine, messenger, _, _repo = setup
    await engine.start_round(CHANNEL, player("ann"))
    card = messenger.of(QuestionCard)[0]
    out = await engine.answer(card.round_question_id, player("ann"), 9)
    assert not out.accepted
    assert (await engine.answer(999999, player("ann"), 0)).accepted is False


async def test_close_reveals_and_advances_then_summarises(setup):
    engine, messenger, clock, _ = setup
    await engine.start_round(CHANNEL, player("ann"), questions=2, seconds=10)
    card1 = messenger.of(QuestionCard)[0]
    await engine.answer(card1.round_question_id, player("ann"), right_index(card1))
    await engine.answer(card1.round_question_id, player("bob"), (right_index(card1) + 1) % 4)
    clock.advance(10)
    assert await engine.run_due() == 1
    assert await engine.run_due() == 0  # closed once
    ref, reveal = messenger.updates[0][1], messenger.updates[0][2]
    assert ref == "m1" and isinstance(reveal, Reveal)
    assert reveal.correct_text.startswith("right")
    assert [w.display_name for w in reveal.winners] == ["ann"]
    assert reveal.answered == 2 and sum(reveal.picks) == 2
    assert reveal.source == "notes.md:" + str(reveal.source.split(":")[1])
    card2 = messenger.of(QuestionCard)[1]
    assert card2.number == 2 and card2.prompt != card1.prompt
    clock.advance(10)
    await engine.run_due()
    summary = messenger.of(RoundSummary)[0]
    assert summary.status == "finished" and summary.questions_asked == 2
    assert [e.row.display_name for e in summary.standings.entries] == ["ann", "bob"]
    assert summary.week_top.entries[0].row.display_name == "ann"


async def test_streak_bonus_within_round(setup):
    engine, messenger, clock, repo = setup
    await engine.start_round(CHANNEL, player("ann"), questions=3, seconds=20)
    for _ in range(3):
        card = messenger.of(QuestionCard)[-1]
        await engine.answer(card.round_question_id, player("ann"), right_index(card))
        clock.advance(20)
        await engine.run_due()
    async with repo.unit() as u:
        pts = [a.points for a in (await u.session.scalars(select(Answer).order_by(Answer.id)))]
    assert pts == [150, 160, 170]  # instant answers: 100 + 50 speed + 0/10/20 streak


async def test_stop_by_starter_or_admin_only(setup):
    engine, messenger, _clock, _repo = setup
    await engine.start_round(CHANNEL, player("ann"), questions=3)
    card = messenger.of(QuestionCard)[0]
    await engine.answer(card.round_question_id, player("ann"), right_index(card))
    with pytest.raises(NotAllowed):
        await engine.stop_round(CHANNEL, player("bob"))
    await engine.stop_round(CHANNEL, player("boss", admin=True))
    summary = messenger.of(RoundSummary)[0]
    assert summary.status == "stopped" and summary.questions_asked == 1
    assert summary.standings.entries[0].row.points == 150
    with pytest.raises(QuizError, match="No round is running"):
        await engine.stop_round(CHANNEL, player("ann"))
    await engine.start_round(CHANNEL, player("bob"))  # the channel is free again


async def test_close_after_answers_closes_early(setup):
    engine, messenger, _, _ = setup
    await engine.start_round(CHANNEL, player("ann"), questions=2, close_after_answers=1)
    card = messenger.of(QuestionCard)[0]
    await engine.answer(card.round_question_id, player("ann"), 0)
    assert len(messenger.of(QuestionCard)) == 2
    assert isinstance(messenger.updates[0][2], Reveal)


async def test_stale_round_expires(setup):
    engine, messenger, clock, _ = setup
    await engine.start_round(CHANNEL, player("ann"), questions=2, seconds=10)
    clock.advance(3 * 3600)  # the bot was away for hours
    await engine.run_due()
    summary = messenger.of(RoundSummary)[0]
    assert summary.status == "expired"
    assert len(messenger.of(QuestionCard)) == 1  # no stale question posted hours late


async def test_platform_failure_does_not_lose_the_round(setup):
    engine, messenger, clock, _repo = setup
    await engine.start_round(CHANNEL, player("ann"), questions=2, seconds=10)
    card = messenger.of(QuestionCard)[0]
    messenger.fail = True
    clock.advance(10)
    assert await engine.run_due() == 1  # closed and advanced although posting failed
    messenger.fail = False
    clock.advance(10)
    assert await engine.run_due() == 1
    assert messenger.of(RoundSummary)
    assert card.round_question_id


async def test_numeric_choices_are_shown_ascending_and_scored_by_their_text(repo):
    """The generator writes a quantity's options ascending (README, "Distractors") and a round
    shows them so; the right one is still the one scored right."""
    sizes = BankQuestion(
        id="q-size",
        topic="DynamoDB",
        prompt="One read unit covers items up to ___.",
        choices=("4 KB", "16 KB", "1 KB", "8 KB"),
        answer=0,
    )
    await load_questions(repo, [sizes])
    messenger = RecordingMessenger()
    clock = FixedClock()
    for seed in range(5):
        engine = QuizEngine(
            repo, messenger, platform="discord", clock=clock, rng=random.Random(seed)
        )
        channel = ChannelRef(CHANNEL.team, f"numbers-{seed}", "numbers")
        card = (await engine.start_round(channel, player("ann"), questions=1, seconds=10)).card
        assert card is not None and card.choices == ("1 KB", "4 KB", "8 KB", "16 KB")
        await engine.answer(card.round_question_id, player("ann"), 1)
        clock.advance(10)
        await engine.run_due()
        reveal = messenger.updates[-1][2]
        assert isinstance(reveal, Reveal) and reveal.correct_index == 1
        assert [w.display_name for w in reveal.winners] == ["ann"]
