"""Memory and review on both databases: every answer (rounds and reviews) moves the player's
FSRS card exactly as the fsrs package's own scheduler would; a review asks what is due, once
per session, up to 10, privately; it never changes the leaderboards; a second click on a card
records nothing."""

from __future__ import annotations

import random
from datetime import timedelta

import pytest
from fsrs import Card, Rating, Scheduler, State
from sqlalchemy import func, select

from bot.core.play.service import QuizEngine
from bot.core.study.service import StudyService
from bot.core.study.views import ReviewCard, ReviewStep
from bot.core.view_ids import parse_review_answer_id
from bot.core.views import QuestionCard
from bot.db.tables import Answer, ScoreTotal, ScoreWeekly, StudyCard, StudyReview
from questions.bank import TRUE_FALSE, BankQuestion
from tests.helpers import (
    CHANNEL,
    FixedClock,
    RecordingMessenger,
    load_questions,
    player,
    sample_questions,
)

ANN = player("ann")


@pytest.fixture
async def world(repo):
    await load_questions(repo, sample_questions(14))
    clock = FixedClock()
    messenger = RecordingMessenger()
    engine = QuizEngine(repo, messenger, platform="discord", clock=clock, rng=random.Random(3))
    study = StudyService(repo, clock, rng=random.Random(5))
    return engine, study, messenger, clock, repo


def right(choices) -> int:
    return next(i for i, c in enumerate(choices) if c.startswith("right"))


def wrong(choices) -> int:
    return next(i for i, c in enumerate(choices) if c.startswith("wrong"))


async def play_round(engine, messenger, clock, answers: list[bool], who=ANN) -> list[int]:
    """One round, `who` answering each question right or wrong; the question ids asked."""
    await engine.start_round(CHANNEL, who, questions=len(answers), seconds=20)
    asked = []
    for correct in answers:
        card = messenger.of(QuestionCard)[-1]
        asked.append(card)
        clock.advance(2)
        pick = right(card.choices) if correct else wrong(card.choices)
        await engine.answer(card.round_question_id, who, pick)
        await engine.close_question(card.round_question_id)
    return [c.round_question_id for c in asked]


async def question_of(repo, rq_id: int) -> int:
    from bot.db.tables import RoundQuestion

    async with repo.unit() as u:
        return int(
            (
                await u.session.execute(
                    select(RoundQuestion.question_id).where(RoundQuestion.id == rq_id)
                )
            ).scalar_one()
        )


async def cards(repo) -> dict[int, StudyCard]:
    async with repo.unit() as u:
        rows = (await u.session.scalars(select(StudyCard))).all()
        return {c.question_id: c for c in rows}


async def answer(study, step: ReviewStep, correct: bool, who=ANN) -> ReviewStep:
    card = step.card
    assert isinstance(card, ReviewCard)
    pick = right(card.choices) if correct else wrong(card.choices)
    click = parse_review_answer_id(card.action_id(pick))
    return await study.answer_review(who, click)


async def test_memory_matches_the_fsrs_scheduler_through_rounds_and_reviews(world):
    engine, study, messenger, clock, repo = world
    scheduler = Scheduler(
        learning_steps=(timedelta(minutes=1),),
        relearning_steps=(timedelta(minutes=10),),
        enable_fuzzing=False,
    )
    [rq] = await play_round(engine, messenger, clock, [False])
    qid = await question_of(repo, rq)
    # The round's answer was written at the click's time, which is the clock's now still.
    expected, _ = scheduler.review_card(Card(card_id=1, due=clock.now), Rating.Again, clock.now)
    # Reviews: right after 2 minutes, wrong 3 days later, right 15 minutes after that.
    for gap, correct in [(120, True), (3 * 86400, False), (900, True)]:
        clock.advance(gap)
        step = await study.start_review(ANN)
        assert step.card is not None and step.card.question_id == qid
        await answer(study, step, correct)
        rating = Rating.Good if correct else Rating.Again
        expected, _ = scheduler.review_card(expected, rating, clock.now)
        got = (await cards(repo))[qid]
        assert (got.state, got.step, got.due, got.last_review) == (
            int(expected.state),
            expected.step,
            expected.due,
            expected.last_review,
        )
        assert (got.stability, got.difficulty) == (expected.stability, expected.difficulty)
    assert (got.answered, got.correct) == (4, 2)
    assert expected.state == State.Review


async def test_round_answers_write_a_card_per_answer_in_the_same_batch(world):
    engine, _study, messenger, clock, repo = world
    rqs = await play_round(engine, messenger, clock, [True, False, True])
    got = await cards(repo)
    assert sorted(got) == sorted([await question_of(repo, rq) for rq in rqs])
    assert sorted((c.answered, c.correct) for c in got.values()) == [(1, 0), (1, 1), (1, 1)]


async def test_review_asks_exactly_the_missed_questions_then_nothing_is_due(world):
    engine, study, messenger, clock, repo = world
    rqs = await play_round(engine, messenger, clock, [True, False, False, True])
    missed = {await question_of(repo, rqs[1]), await question_of(repo, rqs[2])}
    clock.advance(5)  # not even the minute of the learning step: due today is due
    asked = set()
    step = await study.start_review(ANN)
    while step.card is not None:
        asked.add(step.card.question_id)
        step = await answer(study, step, True)
        assert step.feedback is not None and step.feedback.correct
        assert step.feedback.explanation.startswith("Because") and step.feedback.source
    assert asked == missed
    assert step.end is not None and (step.end.asked, step.end.right) == (2, 2)
    again = await study.start_review(ANN)
    assert again.card is None and again.end is not None and again.end.asked == 0
    assert again.end.next_due is not None and again.end.next_due > clock.now + timedelta(hours=12)
    assert again.end.streak == 1


async def test_a_question_missed_in_a_review_is_not_asked_twice_in_that_session(world):
    engine, study, messenger, clock, _repo = world
    await play_round(engine, messenger, clock, [False, False])
    clock.advance(120)
    step = await study.start_review(ANN)
    first = step.card.question_id
    step = await answer(study, step, False)
    assert not step.feedback.correct and step.feedback.answer.startswith("right")
    assert step.card is not None and step.card.question_id != first
    step = await answer(study, step, False)
    assert step.card is None and step.end.asked == 2 and step.end.right == 0
    # The next session asks them again (their learning step has passed).
    clock.advance(120)
    assert (await study.start_review(ANN)).card is not None


async def test_a_session_asks_at_most_ten(world):
    engine, study, messenger, clock, _repo = world
    await play_round(engine, messenger, clock, [False] * 12)
    clock.advance(120)
    step = await study.start_review(ANN)
    n = 0
    while step.card is not None:
        n += 1
        assert step.card.number == n and step.card.limit == 10
        step = await answer(study, step, True)
    assert n == 10 and step.end.asked == 10
    assert (await study.start_review(ANN)).card is not None  # two left for the next one


async def test_a_second_click_on_a_card_records_nothing(world):
    engine, study, messenger, clock, repo = world
    await play_round(engine, messenger, clock, [False, False])
    clock.advance(120)
    step = await study.start_review(ANN)
    card = step.card
    click = parse_review_answer_id(card.action_id(right(card.choices)))
    first = await study.answer_review(ANN, click)
    assert first.feedback.correct
    again = await study.answer_review(ANN, click)
    assert again.feedback.note == "You already answered that one."
    async with repo.unit() as u:
        assert (
            await u.session.execute(select(func.count()).select_from(StudyReview))
        ).scalar_one() == 1
    assert (await cards(repo))[card.question_id].answered == 2


async def test_reviews_never_change_the_leaderboards(world):
    engine, study, messenger, clock, repo = world
    await play_round(engine, messenger, clock, [True, False, False])
    await play_round(engine, messenger, clock, [False, True], who=player("bob"))

    async def boards():
        async with repo.unit() as u:
            weekly = (await u.session.execute(select(ScoreWeekly.__table__))).all()
            total = (await u.session.execute(select(ScoreTotal.__table__))).all()
            answers = (
                await u.session.execute(select(func.count()).select_from(Answer))
            ).scalar_one()
        return sorted(weekly), sorted(total), answers, await engine.leaderboard(CHANNEL.team)

    before = await boards()
    clock.advance(120)
    step = await study.start_review(ANN)
    while step.card is not None:
        step = await answer(study, step, True)
    assert step.end.asked == 2
    assert await boards() == before


async def test_reviews_count_as_study_days(world):
    engine, study, messenger, clock, _repo = world
    await play_round(engine, messenger, clock, [False])
    clock.advance(86400)  # the next day: the round yesterday, a review today
    step = await study.start_review(ANN)
    step = await answer(study, step, True)
    assert step.end.streak == 2
    clock.advance(3 * 86400)  # two days without study: today's review starts a new streak
    step = await answer(study, await study.start_review(ANN), True)
    assert step.end.streak == 1


async def test_mastery_per_topic_counts_seen_accuracy_and_due(world):
    engine, study, messenger, clock, _repo = world
    # sample_questions alternate topics SQS (even) and Lambda (odd).
    await play_round(engine, messenger, clock, [True, False, True, True])
    await play_round(engine, messenger, clock, [False, False])
    clock.advance(5)
    view = await study.mastery(ANN)
    by_topic = {t.topic: t for t in view.topics}
    assert sum(t.seen for t in view.topics) == 6
    assert sum(t.answered for t in view.topics) == 6
    assert sum(t.correct for t in view.topics) == 3
    assert view.due == 3  # the three missed, due again today
    assert set(by_topic) <= {"SQS", "Lambda"}
    assert all(0 <= t.accuracy <= 1 and t.due <= t.seen for t in view.topics)
    assert view.streak == 1
    # A review of all three moves them out of today; the accuracy counts the reviews too.
    step = await study.start_review(ANN)
    while step.card is not None:
        step = await answer(study, step, True)
    after = await study.mastery(ANN)
    assert after.due == 0 and sum(t.correct for t in after.topics) == 6
    assert sum(t.answered for t in after.topics) == 9


async def test_a_review_orders_choices_as_a_round_does(repo):
    """True/False stays True, False and numbers of one unit are ascending, in a review as in a
    round (both come from the one choice-order rule)."""
    await load_questions(
        repo,
        [
            BankQuestion("tf", "T", "Is it so?", TRUE_FALSE, 1, kind="truefalse"),
            BankQuestion("kb", "T", "How big?", ("16 KB", "1 KB", "4 KB", "64 KB"), 2),
        ],
    )
    clock = FixedClock()
    messenger = RecordingMessenger()
    engine = QuizEngine(repo, messenger, platform="discord", clock=clock, rng=random.Random(3))
    await engine.start_round(CHANNEL, ANN, questions=2, seconds=20)
    for _ in range(2):  # both missed, so both are due
        card = messenger.of(QuestionCard)[-1]
        miss = card.choices.index("True" if card.choices[0] == "True" else "16 KB")
        await engine.answer(card.round_question_id, ANN, miss)
        await engine.close_question(card.round_question_id)
    clock.advance(5)
    shown = []
    for seed in range(6):
        study = StudyService(repo, clock, rng=random.Random(seed))
        step = await study.start_review(ANN)
        while step.card is not None:
            shown.append(step.card.choices)
            right_at = step.card.choices.index("False" if "False" in step.card.choices else "4 KB")
            step = await study.answer_review(
                ANN, parse_review_answer_id(step.card.action_id(right_at))
            )
        clock.advance(86400 * 365)  # due again by then
    assert len(shown) >= 4 and set(shown) == {TRUE_FALSE, ("1 KB", "4 KB", "16 KB", "64 KB")}
