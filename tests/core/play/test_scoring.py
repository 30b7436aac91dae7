"""The scoring rule: base, speed bonus falling linearly, streak bonus capped; wrong earns 0."""

import pytest

from bot.core.play import scoring


@pytest.mark.parametrize(
    ("elapsed", "limit", "bonus"),
    [(0, 20, 50), (10, 20, 25), (5, 20, 38), (20, 20, 0), (25, 20, 0), (-1, 20, 50), (3, 0, 0)],
)
def test_speed_bonus(elapsed, limit, bonus):
    assert scoring.speed_bonus(elapsed, limit) == bonus


@pytest.mark.parametrize(("before", "bonus"), [(0, 0), (1, 10), (4, 40), (5, 50), (9, 50), (-2, 0)])
def test_streak_bonus(before, bonus):
    assert scoring.streak_bonus(before) == bonus


def test_points():
    assert scoring.points(True, 0, 20, 0) == 150
    assert scoring.points(True, 10, 20, 2) == 100 + 25 + 20
    assert scoring.points(False, 0, 20, 5) == 0


@pytest.mark.parametrize(
    ("results", "before", "run"),
    [
        ({}, 1, 0),
        ({1: True, 2: True}, 3, 2),
        ({1: True, 2: False}, 3, 0),
        ({1: False, 2: True}, 3, 1),
        ({1: True, 3: True}, 4, 1),  # question 2 unanswered ends the run
        ({1: True, 2: True, 3: True}, 3, 2),  # only questions before this one count
    ],
)
def test_correct_run(results, before, run):
    assert scoring.correct_run(results, before) == run


def test_a_time_limit_under_a_second_still_rewards_speed():
    assert scoring.speed_bonus(0.25, 0.5) == scoring.SPEED_BONUS_MAX // 2
    assert scoring.speed_bonus(0.0, 0.5) == scoring.SPEED_BONUS_MAX


def test_the_help_texts_sentence_names_every_part_of_the_rule():
    assert scoring.summary() == (
        f"{scoring.BASE_POINTS} for a right answer, up to {scoring.SPEED_BONUS_MAX} more for "
        "speed, a streak bonus for runs."
    )
