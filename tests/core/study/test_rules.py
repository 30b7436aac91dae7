"""Study's pure rules: FSRS through the fsrs package, the due horizon (DST days), the study-day
streak, due dates as players read them, and the review buttons' ids."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from fsrs import Card, Rating, Scheduler

from bot.core.study import memory as memory_rules
from bot.core.study.memory import (
    Memory,
    due_horizon,
    end_of_day,
    new_card,
    rating_for,
    remember,
)
from bot.core.study.streaks import study_streak
from bot.core.study.views import when_text
from bot.core.view_ids import parse_review_answer_id, review_answer_id

T0 = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


def test_ratings_are_again_for_wrong_and_good_for_right():
    assert rating_for(False) == Rating.Again
    assert rating_for(True) == Rating.Good


def test_remember_follows_the_fsrs_scheduler_answer_by_answer():
    scheduler = Scheduler(
        learning_steps=(timedelta(minutes=1),),
        relearning_steps=(timedelta(minutes=10),),
        enable_fuzzing=False,
    )
    card = Card(card_id=1, due=T0)
    memory = None
    at = T0
    for correct, gap in [
        (False, 0),
        (True, 90),
        (True, 86400 * 3),
        (False, 86400 * 9),
        (True, 700),
    ]:
        at += timedelta(seconds=gap)
        card, _ = scheduler.review_card(card, Rating.Good if correct else Rating.Again, at)
        memory = remember(memory, correct, at)
        _assert_same(memory, card)
    assert (memory.answered, memory.correct) == (5, 3)


def _assert_same(memory: Memory, card: Card) -> None:
    """Our memory of a card holds what fsrs's own card holds after the same reviews."""
    assert (memory.state, memory.step, memory.due, memory.last_review) == (
        int(card.state),
        card.step,
        card.due,
        card.last_review,
    )
    assert (memory.stability, memory.difficulty) == (card.stability, card.difficulty)


def _moments(n: int) -> list[datetime]:
    rng = random.Random(11)
    start = datetime(1999, 12, 31, 23, 59, 59, 999999, tzinfo=UTC)
    return [start + timedelta(seconds=rng.uniform(0, 40 * 365 * 86400)) for _ in range(n)]


def test_a_first_answer_is_remembered_exactly_as_the_scheduler_reviews_a_new_card():
    for at in [*_moments(300), datetime(2028, 2, 29, 0, 0, tzinfo=UTC)]:
        for correct in (False, True):
            card, _ = memory_rules.SCHEDULER.review_card(
                new_card(at), rating_for(correct), review_datetime=at
            )
            memory = remember(None, correct, at)
            _assert_same(memory, card)
            assert (memory.answered, memory.correct) == (1, int(correct))


def test_first_answers_run_the_scheduler_once_per_rating_not_once_each(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Most answers in a round are a player's first to the question: scheduling each cost a
    tenth of the answer path's CPU (bench_answers.py under py-spy)."""
    runs: list[Rating] = []
    review = memory_rules.SCHEDULER.review_card

    def counted(card: Card, rating: Rating, *args: Any, **kwargs: Any) -> Any:
        runs.append(rating)
        return review(card, rating, *args, **kwargs)

    monkeypatch.setattr(memory_rules.SCHEDULER, "review_card", counted)
    for i, at in enumerate(_moments(200)):
        remember(None, i % 3 == 0, at)
    assert len(runs) <= 2  # none when this process scheduled both ratings before
    first = remember(None, True, T0)
    before = len(runs)
    remember(first, True, T0 + timedelta(days=3))  # a second answer is the scheduler's own
    assert len(runs) == before + 1


def test_a_missed_new_question_is_due_at_once_and_a_right_one_in_days():
    missed = remember(None, False, T0)
    assert missed.due - T0 == timedelta(minutes=1)
    right = remember(None, True, T0)
    assert right.due - T0 >= timedelta(days=1)
    assert right.due > due_horizon(T0, "UTC")  # so it is not due today
    assert missed.due < due_horizon(T0, "UTC")


def test_due_horizon_is_the_local_midnight_also_on_dst_days():
    # 2026-03-08 is 23 hours long in New York; 2026-11-01 is 25 hours long.
    spring = datetime(2026, 3, 8, 12, 0, tzinfo=UTC)  # 08:00 EDT
    assert end_of_day(spring, "America/New_York") == datetime(2026, 3, 9, 4, 0, tzinfo=UTC)
    autumn = datetime(2026, 11, 1, 12, 0, tzinfo=UTC)  # 07:00 EST
    assert end_of_day(autumn, "America/New_York") == datetime(2026, 11, 2, 5, 0, tzinfo=UTC)
    late = datetime(2026, 11, 25, 23, 55, tzinfo=UTC)
    assert due_horizon(late, "UTC") == late + timedelta(minutes=20)  # learn ahead past midnight


def test_study_streak_counts_days_in_a_row_ending_today_or_yesterday():
    tz = "Europe/Berlin"
    now = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)
    day = timedelta(days=1)
    assert study_streak([], now, tz) == 0
    assert study_streak([now, now - day, now - 2 * day], now, tz) == 3
    assert study_streak([now - day, now - 2 * day], now, tz) == 2  # today is not over
    assert study_streak([now - 2 * day], now, tz) == 0
    assert study_streak([now, now - 2 * day], now, tz) == 1
    # 23:30 UTC on the 24th is already the 25th in Berlin: the same local day as `now`.
    assert study_streak([datetime(2026, 11, 24, 23, 30, tzinfo=UTC)], now, tz) == 1
    assert study_streak([datetime(2026, 11, 24, 22, 30, tzinfo=UTC)], now, tz) == 1  # yesterday


def test_when_text():
    assert when_text(None, T0, "UTC") == "nothing scheduled yet"
    assert when_text(T0 - timedelta(minutes=1), T0, "UTC") == "now"
    assert when_text(T0 + timedelta(hours=2), T0, "UTC") == "today at 14:00 UTC"
    assert when_text(T0 + timedelta(days=1), T0, "Asia/Tokyo") == "Thu 26 Nov 2026"


def test_review_ids_round_trip_and_refuse_strangers():
    text = review_answer_id(42, 3, 1, 1764072000000, 2, 1)
    click = parse_review_answer_id(text)
    assert click is not None and tuple(click) == (42, 3, 1, 1764072000000, 2, 1)
    assert parse_review_answer_id("quiz:a:1:2") is None
    assert parse_review_answer_id(text + "9" * 3) is None


def test_bar_reads_the_share_in_tenths_and_percent():
    from bot.core.study.views import bar

    assert bar(0.52) == "▓▓▓▓▓░░░░░ 52 %"
    assert bar(0.0) == "░░░░░░░░░░ 0 %"
    assert bar(1.0) == "▓▓▓▓▓▓▓▓▓▓ 100 %"
    assert bar(0.96) == "▓▓▓▓▓▓▓▓▓▓ 96 %"


def test_mastery_shows_the_most_due_then_the_weakest_topics_and_counts_the_rest():
    from bot.core.study.views import MasteryView, TopicMastery, mastery_text

    topics = tuple(TopicMastery(f"T{i:02d}", 3, 4, i % 5, i % 3) for i in range(20))
    view = MasteryView("ann", topics, 2, None, T0, "UTC")
    shown, left = view.shown()
    assert len(shown) == 15 and left == 5
    assert [t.due for t in shown[:7]] == [2] * 6 + [1]  # most due first
    twos = [t for t in shown if t.due == 2]
    assert [t.accuracy for t in twos] == sorted(t.accuracy for t in twos)  # then the weakest
    from bot.core.surfaces import Commands, Surface

    text = mastery_text(view, Commands(Surface.TERMINAL))
    assert "…and 5 more topic(s)" in text and "Study streak: 2 days." in text
    assert f"{sum(t.due for t in topics)} question(s) due for review now: quizbot review." in text
