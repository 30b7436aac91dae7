"""Per-question statistics: exact values after a scripted set of answers."""

from __future__ import annotations

import pytest

from questions.stats import (
    ALMOST_NOBODY_RIGHT,
    TOP_DO_WORSE,
    QuestionStats,
    choice_counts,
    discrimination,
    facility,
    question_stats,
    top_group,
)

WEEK = {
    "ann": 900,
    "bob": 800,
    "cat": 700,
    "dan": 700,
    "eve": 300,
    "fay": 200,
    "gus": 100,
    "hal": 50,
    "ivy": 0,
    "jon": 0,
}
SQS = ("Standard", "FIFO", "Delay queue", "Dead-letter queue")


def test_top_group_is_upper_27_percent_with_ties() -> None:
    # 10 players: k = floor(2.7 + 0.5) = 3; cat is 3rd with 700 and dan ties her
    assert top_group(WEEK) == {"ann", "bob", "cat", "dan"}


@pytest.mark.parametrize(
    ("points", "fraction", "expected"),
    [
        ({}, 0.27, set()),
        ({"a": 10}, 0.27, {"a"}),
        ({"a": 4, "b": 3, "c": 2, "d": 1}, 0.27, {"a"}),  # floor(1.08 + 0.5) = 1
        ({"a": 4, "b": 3, "c": 2, "d": 1}, 0.5, {"a", "b"}),
        ({"a": 0, "b": 0, "c": 0}, 0.27, {"a", "b", "c"}),  # all tied: all top
        ({1: 5.5, 2: 7.25}, 1.0, {1, 2}),
    ],
)
def test_top_group_cases(
    points: dict[object, float], fraction: float, expected: set[object]
) -> None:
    assert top_group(points, fraction) == expected


@pytest.mark.parametrize("fraction", [0, -0.1, 1.5])
def test_top_group_rejects_bad_fraction(fraction: float) -> None:
    with pytest.raises(ValueError):
        top_group(WEEK, fraction)


def test_scripted_answers_exact_values() -> None:
    answers = [
        ("ann", 1, True),
        ("bob", 1, True),
        ("cat", 0, False),
        ("dan", 1, True),
        ("eve", 0, False),
        ("fay", 0, False),
        ("gus", 2, False),
        ("hal", 0, False),
        ("ivy", 1, True),
        ("ann", 1, True),  # ann met the question again in a later round
    ]
    stats = question_stats(answers, times_asked=3, choices=SQS, answer=1, top=top_group(WEEK))
    assert stats == QuestionStats(
        asked=3,
        answered=10,
        correct=5,
        facility=50.0,
        choice_counts=(4, 5, 1, 0),
        # top: ann, bob, cat, dan, ann -> 4/5 correct; rest: eve, fay, gus, hal, ivy -> 1/5
        discrimination=0.6,
        flags=[],
    )


def test_broken_question_gets_every_flag() -> None:
    answers = [
        ("ann", 1, False),
        ("bob", 1, False),
        ("eve", 0, True),
        ("fay", 1, False),
        ("gus", 1, False),
        ("hal", 2, False),
    ]
    stats = question_stats(
        answers,
        times_asked=2,
        choices=("3 seconds", "30 seconds", "60 seconds"),
        answer=0,
        top={"ann", "bob"},
    )
    assert stats.facility == 100 / 6
    assert stats.choice_counts == (1, 4, 1)
    assert stats.discrimination == -0.25  # top 0/2, rest 1/4
    assert stats.flags == [
        ALMOST_NOBODY_RIGHT,
        'distractor B "30 seconds" picked more than the answer',
        TOP_DO_WORSE,
    ]


def test_no_answers() -> None:
    stats = question_stats([], times_asked=1, choices=SQS, answer=1, top={"ann"})
    assert stats == QuestionStats(1, 0, 0, None, (0, 0, 0, 0), None, [])


def test_too_few_answers_flag_nothing() -> None:
    answers = [(p, 0, False) for p in ("ann", "bob", "cat", "dan")]
    stats = question_stats(answers, times_asked=1, choices=SQS, answer=1)
    assert stats.facility == 0.0 and stats.flags == []


def test_discrimination_none_when_a_group_is_empty() -> None:
    answers = [("ann", 1, True), ("bob", 0, False)]
    assert discrimination(answers, set()) is None
    assert discrimination(answers, {"ann", "bob"}) is None
    assert discrimination(answers, {"ann"}) == 1.0


def test_equal_counts_are_not_flagged() -> None:
    answers = [(f"p{i}", i % 2, i % 2 == 1) for i in range(6)]  # 3 on A, 3 on B (the answer)
    stats = question_stats(answers, times_asked=1, choices=("a", "b"), answer=1)
    assert stats.flags == []


def test_helpers() -> None:
    assert facility(1, 3) == 100 / 3
    assert facility(0, 0) is None
    assert choice_counts([("a", 2, True)], 3) == (0, 0, 1)
    with pytest.raises(ValueError, match="out of range"):
        choice_counts([("a", 3, True)], 3)
