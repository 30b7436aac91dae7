"""Platform-neutral views: what to show, never how. Adapters render these as Discord embeds,
Slack blocks or terminal text. Texts inside are raw user text: adapters escape and cut them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from bot.core.leaderboard import Ranked
from bot.core.view_ids import answer_id


@dataclass(frozen=True)
class QuestionCard:
    round_id: int
    round_question_id: int
    number: int  # 1-based
    total: int
    topic: str
    prompt: str
    choices: tuple[str, ...]  # in display order
    opens_at: datetime
    closes_at: datetime
    seconds: int
    kind: str = "choice"
    daily: bool = False  # the question of the day: open for hours, scored like a round

    def action_id(self, display_index: int) -> str:
        return answer_id(self.round_question_id, display_index)


@dataclass(frozen=True)
class Winner:
    display_name: str
    points: int


@dataclass(frozen=True)
class Reveal:
    card: QuestionCard
    correct_index: int  # display index
    explanation: str
    source: str | None
    winners: tuple[Winner, ...]
    answered: int
    picks: tuple[int, ...]  # answers per display index

    @property
    def correct_text(self) -> str:
        return self.card.choices[self.correct_index]


@dataclass(frozen=True)
class LeaderboardView:
    title: str
    period: str  # "week" | "all" | "round"
    entries: tuple[Ranked, ...]
    week_start: date | None = None
    empty_text: str = "No scores yet."  # the engine adds how to start a round


@dataclass(frozen=True)
class RoundSummary:
    round_id: int
    status: str  # finished | stopped | expired
    questions_asked: int
    standings: LeaderboardView
    week_top: LeaderboardView


@dataclass(frozen=True)
class PlayerStatsView:
    display_name: str
    week_rank: int | None
    week_points: int
    all_rank: int | None
    all_points: int
    correct: int
    answered: int
    streak: int
    best_streak: int

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.answered if self.answered else None


@dataclass(frozen=True)
class Notice:
    """A short message: a confirmation, a refusal, help text."""

    text: str
    title: str | None = None
    ok: bool = True


@dataclass(frozen=True)
class Panel:
    """A titled block of lines for admin lists and details."""

    title: str
    lines: tuple[str, ...] = ()
    footer: str | None = None


@dataclass(frozen=True)
class AnswerReceipt:
    """What the clicking player alone is told."""

    accepted: bool
    text: str


@dataclass
class StartOutcome:
    round_id: int
    card: QuestionCard
    message: str = field(default="")


@dataclass(frozen=True)
class HardestQuestion:
    prompt: str
    answer: str
    facility: float  # share of answers that were right
    answered: int


@dataclass(frozen=True)
class MostMissed:
    """The team's most-missed question of a week, with its explanation."""

    prompt: str
    answer: str
    explanation: str
    missed: int  # wrong answers
    answered: int


@dataclass(frozen=True)
class WeeklyPost:
    """The automatic weekly leaderboard post for the week that just ended."""

    week_start: date
    top: LeaderboardView  # top 10 with points, correct answers and accuracy
    most_improved: Winner | None = None  # points gained over the week before
    hardest: HardestQuestion | None = None
    streak_leaders: tuple[Winner, ...] = ()  # Winner.points holds the streak length here
    most_missed: MostMissed | None = None
    empty: bool = False  # no answers this week: render the short "no games" nudge


View = (
    QuestionCard
    | Reveal
    | RoundSummary
    | LeaderboardView
    | PlayerStatsView
    | Notice
    | Panel
    | WeeklyPost
)
