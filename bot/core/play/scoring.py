"""How many points an answer earns. The one place the rule lives; tune it here. (The all-time
streak shown in stats is kept by the database as answers are written: bot/db/hot_statements.py
next_streak.)"""

from __future__ import annotations

from collections.abc import Mapping

BASE_POINTS = 100
SPEED_BONUS_MAX = 50
STREAK_STEP = 10
STREAK_CAP = 50


def summary() -> str:
    """The scoring rule in one line, for the help texts."""
    return (
        f"{BASE_POINTS} for a right answer, up to {SPEED_BONUS_MAX} more for speed, "
        "a streak bonus for runs."
    )


def speed_bonus(elapsed_seconds: float, limit_seconds: float) -> int:
    """Up to SPEED_BONUS_MAX for an instant answer, falling linearly to 0 at the time limit."""
    if limit_seconds <= 0:
        return 0
    share = 1.0 - min(max(elapsed_seconds, 0.0), limit_seconds) / limit_seconds
    return round(SPEED_BONUS_MAX * share)


def streak_bonus(correct_before: int) -> int:
    """STREAK_STEP per consecutive correct answer in the round beyond the first, capped."""
    return min(STREAK_CAP, STREAK_STEP * max(correct_before, 0))


def points(correct: bool, elapsed_seconds: float, limit_seconds: float, correct_before: int) -> int:
    """Points for one answer; `correct_before` is the player's run of correct answers just
    before this question in the same round."""
    if not correct:
        return 0
    return BASE_POINTS + speed_bonus(elapsed_seconds, limit_seconds) + streak_bonus(correct_before)


def correct_run(results: Mapping[int, bool], before_ordinal: int) -> int:
    """The player's run of correct answers just before question `before_ordinal` of a round,
    from {ordinal: correct} of their answers there: a wrong or missing answer ends it."""
    run = 0
    ordinal = before_ordinal - 1
    while results.get(ordinal):
        run += 1
        ordinal -= 1
    return run
