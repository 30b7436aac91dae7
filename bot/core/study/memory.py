"""How a player's memory of a question is scheduled: the FSRS algorithm of the `fsrs` package,
one card per (player, question), stored as plain columns.

The rules, in one place:
- A wrong answer rates Again, a right one Good (the bot does not ask players to grade
  themselves, and answer time says more about the round's pace than about memory).
- One learning step of a minute: a missed new question is due again at once (a review asks it
  today), a new question answered right graduates straight to days. A forgotten question
  relearns for ten minutes. No fuzzing, so a schedule is reproducible.
- A card counts as due for review until the end of the player's local day (team timezone),
  and at least LEARN_AHEAD ahead of now, so "due today" means what it says.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from functools import cache
from zoneinfo import ZoneInfo

from fsrs import Card, Rating, Scheduler, State

LEARNING_STEPS = (timedelta(minutes=1),)
RELEARNING_STEPS = (timedelta(minutes=10),)
LEARN_AHEAD = timedelta(minutes=20)

SCHEDULER = Scheduler(
    learning_steps=LEARNING_STEPS, relearning_steps=RELEARNING_STEPS, enable_fuzzing=False
)


@dataclass(frozen=True)
class Memory:
    """One player's FSRS card for one question, and how often they answered it (and right)."""

    state: int
    step: int | None
    stability: float | None
    difficulty: float | None
    due: datetime
    last_review: datetime | None
    answered: int = 0
    correct: int = 0

    def card(self) -> Card:
        # card_id given: fsrs would otherwise sleep a millisecond to make one unique.
        return Card(
            card_id=0,
            state=State(self.state),
            step=self.step,
            stability=self.stability,
            difficulty=self.difficulty,
            due=self.due,
            last_review=self.last_review,
        )


def rating_for(correct: bool) -> Rating:
    """Wrong -> Again, right -> Good."""
    return Rating.Good if correct else Rating.Again


def new_card(at: datetime) -> Card:
    return Card(card_id=0, due=at)


def remember(previous: Memory | None, correct: bool, at: datetime) -> Memory:
    """The memory after one more answer at `at` (UTC)."""
    at = at.astimezone(UTC)
    if previous is None:
        first = _first_review(correct)
        return Memory(
            state=first.state,
            step=first.step,
            stability=first.stability,
            difficulty=first.difficulty,
            due=at + first.interval,
            last_review=at,
            answered=1,
            correct=1 if correct else 0,
        )
    after, _log = SCHEDULER.review_card(previous.card(), rating_for(correct), review_datetime=at)
    return Memory(
        state=int(after.state),
        step=after.step,
        stability=after.stability,
        difficulty=after.difficulty,
        due=after.due,
        last_review=after.last_review,
        answered=previous.answered + 1,
        correct=previous.correct + (1 if correct else 0),
    )


@dataclass(frozen=True)
class _FirstReview:
    state: int
    step: int | None
    stability: float | None
    difficulty: float | None
    interval: timedelta  # from the review to the card's next due time


@cache
def _first_review(correct: bool) -> _FirstReview:
    """A new card's first review, scheduled once per rating: it depends on the rating alone,
    its times only moving with the review's (no fuzzing, and fsrs reads no earlier review of a
    new card). Most answers in a round are a player's first to that question, and the
    scheduler's copies and dataclasses were a tenth of the answer path's CPU."""
    at = datetime(2000, 1, 1, tzinfo=UTC)
    after, _log = SCHEDULER.review_card(new_card(at), rating_for(correct), review_datetime=at)
    return _FirstReview(
        int(after.state), after.step, after.stability, after.difficulty, after.due - at
    )


def end_of_day(now: datetime, tz: str) -> datetime:
    """The next local midnight after `now` in `tz`, in UTC (DST-correct through zoneinfo)."""
    zone = ZoneInfo(tz)
    local = now.astimezone(zone)
    return datetime.combine(local.date() + timedelta(days=1), time(0), tzinfo=zone).astimezone(UTC)


def due_horizon(now: datetime, tz: str) -> datetime:
    """Cards due before this moment are due for review now (see the module's rules)."""
    return max(end_of_day(now, tz), now + LEARN_AHEAD)
