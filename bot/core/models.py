"""Plain records passed between adapters, the engine and the repository.

Refs (`TeamRef`, `ChannelRef`, `PlayerRef`) are what an adapter knows from a platform event;
records (`*Rec`) are what the repository reads back from the database.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any


@dataclass(frozen=True)
class TeamRef:
    """A Discord guild, a Slack workspace or the terminal (`console:local`)."""

    platform: str
    external_id: str
    name: str | None = None

    @property
    def key(self) -> str:
        return f"{self.platform}:{self.external_id}"


@dataclass(frozen=True)
class ChannelRef:
    team: TeamRef
    external_id: str
    name: str | None = None


@dataclass(frozen=True)
class PlayerRef:
    """Who did something. `is_platform_admin` is the platform's own say (Manage Server, Slack
    admin); the core adds the team's own admin list and roles on top.

    `roles` are the player's role ids (what admin roles are stored as); `role_names` their
    names, which anyone allowed to make a role can choose, so they only ever match admin roles
    stored by name before ids were (see `permissions.is_admin`).

    `provisional_name`: `display_name` is only a stand-in (the handle a click carries, where the
    platform's display name would cost an API call before the ack); it names a player seen for
    the first time, and a known player keeps the name stored."""

    team: TeamRef
    external_id: str
    display_name: str
    is_platform_admin: bool = False
    roles: tuple[str, ...] = ()
    role_names: tuple[str, ...] = ()
    provisional_name: bool = False


class RoundStatus(StrEnum):
    RUNNING = "running"
    FINISHED = "finished"
    STOPPED = "stopped"
    EXPIRED = "expired"


class QuestionStatus(StrEnum):
    PENDING = "pending"
    OPEN = "open"
    CLOSED = "closed"
    SKIPPED = "skipped"


@dataclass(frozen=True)
class QuestionRec:
    id: int
    uid: str
    topic: str
    prompt: str
    choices: tuple[str, ...]
    answer: int
    kind: str = "choice"
    explanation: str = ""
    source_file: str | None = None
    source_line: int | None = None
    lang: str = "en"
    status: str = "active"
    team_id: int | None = None
    bank: str = ""
    fact: str | None = None  # questions on one fact share it; a round asks one of them
    deck_id: int | None = None

    @property
    def source(self) -> str | None:
        """Where the question comes from, as `file:line`, for reveals and reviews."""
        if not self.source_file:
            return None
        return self.source_file + (f":{self.source_line}" if self.source_line else "")


@dataclass(frozen=True)
class RoundRec:
    id: int
    team_id: int
    channel_id: int
    status: RoundStatus
    num_questions: int
    seconds: int
    topic: str | None
    started_by: int | None
    started_at: datetime
    close_after_answers: int | None = None
    ended_at: datetime | None = None
    daily: bool = False  # a question of the day (bot/core/study/daily.py)


@dataclass(frozen=True)
class Asked:
    """A question as a round asks it: its text, choices and answer when the round started.
    Cards, answers, reveals and summaries use this copy, so an admin's edit (5 choices cut to
    2, a new answer) changes later rounds only, never a question open or pending in a round."""

    question_id: int
    prompt: str
    choices: tuple[str, ...]
    answer: int

    @classmethod
    def of(cls, question: QuestionRec) -> Asked:
        return cls(question.id, question.prompt, question.choices, question.answer)


@dataclass(frozen=True)
class RoundQuestionRec:
    id: int
    round_id: int
    ordinal: int
    question_id: int
    choice_order: tuple[int, ...]
    status: QuestionStatus
    opens_at: datetime | None = None
    closes_at: datetime | None = None
    closed_at: datetime | None = None
    message_ref: str | None = None
    asked: Asked | None = None  # None only in records read without it (answer contexts)


@dataclass(frozen=True)
class AnswerRec:
    player_id: int
    display_name: str
    choice: int  # index into the question's original choices
    correct: bool
    points: int
    latency_ms: int


@dataclass(frozen=True)
class ScoreRow:
    """One player's totals for a period (a week, all time or one round)."""

    player_id: int
    display_name: str
    points: int
    correct: int
    answered: int


@dataclass(frozen=True)
class PlayerTotals:
    player_id: int
    display_name: str
    points: int
    correct: int
    answered: int
    streak: int
    best_streak: int


@dataclass(frozen=True)
class TeamSettings:
    """A team's own rules on top of platform permissions."""

    admin_user_ids: tuple[str, ...] = ()
    admin_roles: tuple[str, ...] = ()
    allow_suggestions: bool = False
    timezone: str = "UTC"
    default_deck_id: int | None = None  # what the team plays when no deck is named


@dataclass(frozen=True)
class ChannelDefaults:
    questions: int | None = None
    seconds: int | None = None
    topic: str | None = None  # one topic, or several separated by commas
    deck_id: int | None = None
    deck_name: str | None = None  # read with deck_id, for showing the defaults


@dataclass
class NewRound:
    """What the engine asks the repository to create in one transaction."""

    team_id: int
    channel_id: int
    started_by: int | None
    num_questions: int
    seconds: int
    topic: str | None
    started_at: datetime
    close_after_answers: int | None
    # Each question as asked, with the order its choices are shown in.
    questions: list[tuple[Asked, tuple[int, ...]]] = field(default_factory=list)
    daily: bool = False


@dataclass(frozen=True)
class WeekKey:
    team_id: int
    week_start: date


@dataclass(frozen=True)
class NewAnswer:
    """One scored answer to write; its score rows change only if the answer is new."""

    rq_id: int
    team_id: int
    player_id: int
    choice: int
    correct: bool
    points: int
    latency_ms: int
    at: datetime
    week: date


@dataclass(frozen=True)
class AnswerContext:
    """What recording one answer needs, read in one go."""

    rq: RoundQuestionRec
    round: RoundRec
    answer: int  # index of the correct choice among the choices as asked
    choices: tuple[str, ...]  # as asked (the round's copy, see Asked)
    timezone: str


@dataclass(frozen=True)
class AdminActionRec:
    """One recorded admin action (who, what, when) in a team's history."""

    id: int
    actor: str
    action: str
    question_id: int | None
    question_uid: str | None
    detail: dict[str, Any]
    at: datetime
