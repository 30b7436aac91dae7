"""Per-question statistics from plain answer records: pure, so the database, CLI and chat agree.

Formulas (n = answers recorded for the question, every answer counts, a player answering the
same question in two rounds counts twice):
- asked: times the question was put to a channel (passed in; it is not derivable from answers).
- answered: n.  correct: answers whose `correct` flag is set (the flag scored at answer time,
  so a later edit of the question does not rewrite history).
- facility: 100 * correct / n, a percentage; None when n == 0.
- choice_counts: how many answers picked each choice, indexed like the question's choices.
- discrimination: p_top - p_rest, where p_top is the share of correct answers among answers by
  the week's top group and p_rest the share among answers by everyone else. From -1 to 1: near 1
  the question separates strong players from the rest, near 0 it does not, below 0 the strong
  players do worse (often a wrong key). None when either group gave no answers.
- flags (only once n >= MIN_ANSWERS, so one early miss flags nothing):
  "almost nobody right" when facility < 20;
  'distractor B "Standard" picked more than the answer' for each wrong choice picked strictly
  more often than the correct one;
  "top scorers do worse than the rest" when discrimination < 0.
top_group: the classic upper 27% (Kelley): players sorted by week points, the first
k = max(1, floor(fraction * players + 0.5)), plus everyone tied with the k-th player's points.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TypeVar

MIN_ANSWERS = 5
LOW_FACILITY = 20.0
TOP_FRACTION = 0.27
ALMOST_NOBODY_RIGHT = "almost nobody right"
TOP_DO_WORSE = "top scorers do worse than the rest"
LETTERS = "ABCDEFGHIJ"

P = TypeVar("P", bound=Hashable)

AnswerRecord = tuple[Hashable, int, bool]
"""One answer: (player id, index of the choice picked, whether it was scored correct)."""


@dataclass(frozen=True)
class QuestionStats:
    """What an admin needs to judge a question; see the module docstring for each formula."""

    asked: int
    answered: int
    correct: int
    facility: float | None
    choice_counts: tuple[int, ...]
    discrimination: float | None
    flags: list[str] = field(default_factory=list)


def _tally(records: Iterable[AnswerRecord]) -> tuple[int, int]:
    """(correct, answered) for a group of answers."""
    answered = correct = 0
    for _, _, ok in records:
        answered += 1
        correct += int(ok)
    return correct, answered


def facility(correct: int, answered: int) -> float | None:
    """Percentage of answers that were correct; None before anyone answered."""
    return 100 * correct / answered if answered else None


def discrimination(records: Iterable[tuple[P, int, bool]], top: Collection[P]) -> float | None:
    """Share correct among the top group's answers minus among everyone else's answers."""
    records = list(records)
    c_top, n_top = _tally(r for r in records if r[0] in top)
    c_rest, n_rest = _tally(r for r in records if r[0] not in top)
    if not n_top or not n_rest:
        return None
    # One division (c_top/n_top - c_rest/n_rest over a common denominator) keeps it exact:
    # 4/5 - 1/5 is 0.6, not 0.6000000000000001.
    return (c_top * n_rest - c_rest * n_top) / (n_top * n_rest)


def choice_counts(records: Iterable[AnswerRecord], n_choices: int) -> tuple[int, ...]:
    """How often each choice was picked; a choice index out of range is a caller's bug."""
    counts = [0] * n_choices
    for _, choice, _ in records:
        if not 0 <= choice < n_choices:
            raise ValueError(f"choice {choice} is out of range for {n_choices} choices")
        counts[choice] += 1
    return tuple(counts)


def flags(
    stats: QuestionStats, choices: Sequence[str], answer: int, min_answers: int = MIN_ANSWERS
) -> list[str]:
    """Why a question looks broken (empty when it looks fine or has too few answers)."""
    if stats.answered < min_answers:
        return []
    out = []
    if stats.facility is not None and stats.facility < LOW_FACILITY:
        out.append(ALMOST_NOBODY_RIGHT)
    right = stats.choice_counts[answer]
    for i, count in enumerate(stats.choice_counts):
        if i != answer and count > right:
            out.append(f'distractor {LETTERS[i]} "{choices[i]}" picked more than the answer')
    if stats.discrimination is not None and stats.discrimination < 0:
        out.append(TOP_DO_WORSE)
    return out


def question_stats(
    records: Iterable[tuple[P, int, bool]],
    *,
    times_asked: int,
    choices: Sequence[str],
    answer: int,
    top: Collection[P] = frozenset(),
) -> QuestionStats:
    """All statistics for one question from its answers and the week's top group."""
    records = list(records)
    n_correct = sum(1 for _, _, ok in records if ok)
    stats = QuestionStats(
        asked=times_asked,
        answered=len(records),
        correct=n_correct,
        facility=facility(n_correct, len(records)),
        choice_counts=choice_counts(records, len(choices)),
        discrimination=discrimination(records, top),
    )
    return replace(stats, flags=flags(stats, choices, answer))


def top_group(week_points: Mapping[P, float], fraction: float = TOP_FRACTION) -> set[P]:
    """The week's top scorers: the upper `fraction` of players by points, ties included."""
    if not 0 < fraction <= 1:
        raise ValueError(f"fraction must be in (0, 1], not {fraction}")
    if not week_points:
        return set()
    k = max(1, math.floor(fraction * len(week_points) + 0.5))
    ranked = sorted(week_points.values(), reverse=True)
    cutoff = ranked[k - 1]
    return {player for player, points in week_points.items() if points >= cutoff}
