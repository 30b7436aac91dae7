"""What a weekly post says: the top of the week, most improved, hardest question, streaks."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from bot.core.leaderboard import rank_rows
from bot.core.models import ScoreRow
from bot.core.views import HardestQuestion, LeaderboardView, MostMissed, WeeklyPost, Winner

TOP_N = 10


MIN_ANSWERS_FOR_HARDEST = 3  # one unlucky answer does not make a question "the hardest"


STREAK_MIN = 2


STREAK_LEADERS = 3


@dataclass(frozen=True)
class QuestionTally:
    """How one question fared in a week: answers and right answers."""

    question_id: int
    prompt: str
    answer: str  # the correct choice's text
    answered: int
    correct: int
    explanation: str = ""

    @property
    def missed(self) -> int:
        return self.answered - self.correct

    @property
    def facility(self) -> float:
        return self.correct / self.answered if self.answered else 0.0


def most_improved(week_rows: Sequence[ScoreRow], points_before: Mapping[int, int]) -> Winner | None:
    """The largest points gain over the week before, among players who answered this week.

    Someone new gains all their points. Ties go to more points this week, then the name. A
    week where nobody gained has no most improved player."""
    best: tuple[int, int, str, int] | None = None
    winner: Winner | None = None
    for row in week_rows:
        if row.answered <= 0:
            continue
        gain = row.points - points_before.get(row.player_id, 0)
        if gain <= 0:
            continue
        key = (-gain, -row.points, row.display_name.casefold(), row.player_id)
        if best is None or key < best:
            best, winner = key, Winner(row.display_name, gain)
    return winner


def hardest_question(
    tallies: Sequence[QuestionTally], min_answers: int = MIN_ANSWERS_FOR_HARDEST
) -> HardestQuestion | None:
    """The lowest share of right answers among questions answered at least `min_answers`
    times; ties go to the more answered question, then the older one."""
    eligible = [t for t in tallies if t.answered >= max(min_answers, 1)]
    if not eligible:
        return None
    t = min(eligible, key=lambda t: (t.facility, -t.answered, t.question_id))
    return HardestQuestion(t.prompt, t.answer, t.facility, t.answered)


def most_missed(tallies: Sequence[QuestionTally]) -> MostMissed | None:
    """The question the team answered wrong most often this week; ties go to the lower share
    of right answers, then the more answered, then the older question. None when nothing was
    missed."""
    missed = [t for t in tallies if t.missed > 0]
    if not missed:
        return None
    t = min(missed, key=lambda t: (-t.missed, t.facility, -t.answered, t.question_id))
    return MostMissed(t.prompt, t.answer, t.explanation, t.missed, t.answered)


def streak_leaders(
    streaks: Sequence[Winner], limit: int = STREAK_LEADERS, min_streak: int = STREAK_MIN
) -> tuple[Winner, ...]:
    """The longest current answer streaks (Winner.points holds the streak length)."""
    ok = [w for w in streaks if w.points >= min_streak]
    ok.sort(key=lambda w: (-w.points, w.display_name.casefold()))
    return tuple(ok[:limit])


def build_post(
    week: date,
    week_rows: Sequence[ScoreRow],
    rows_before: Sequence[ScoreRow],
    tallies: Sequence[QuestionTally],
    streaks: Sequence[Winner],
    *,
    top_n: int = TOP_N,
    min_answers: int = MIN_ANSWERS_FOR_HARDEST,
) -> WeeklyPost:
    """The post for the week starting `week`, from that week's figures."""
    played = [r for r in week_rows if r.answered > 0]
    top = LeaderboardView(
        f"Weekly leaderboard, week of {week.isoformat()}",
        "week",
        tuple(rank_rows(played)[:top_n]),
        week,
        empty_text="No games this week.",
    )
    if not played:
        return WeeklyPost(week_start=week, top=top, empty=True)
    before = {r.player_id: r.points for r in rows_before}
    return WeeklyPost(
        week_start=week,
        top=top,
        most_improved=most_improved(played, before),
        hardest=hardest_question(tallies, min_answers),
        most_missed=most_missed(tallies),
        streak_leaders=streak_leaders(streaks),
    )
