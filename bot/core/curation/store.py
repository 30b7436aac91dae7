"""What question curation needs from storage, and the records it reads
(bot/db/curation.py implements it, as `unit.curation`)."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Protocol

from bot.core.models import QuestionRec
from questions.bank import BankQuestion

# Statuses a question row can hold; "disabled" is also what a team sees for a shared question it
# switched off for itself (team_question_status), while the row itself stays "active".
STATUSES = ("active", "disabled", "pending", "rejected", "retired")
# What a team sees when it lists its questions without naming a status; also the statuses in
# which a team's own question still holds its prompt (another may not repeat it).
LIVE_STATUSES = ("active", "disabled", "pending")


@dataclass(frozen=True)
class TeamQuestion:
    """A question as one team sees it: its own status for it, and whether the team owns it."""

    rec: QuestionRec
    status: str  # the effective status for this team
    author: str | None = None

    @property
    def shared(self) -> bool:
        return self.rec.team_id is None


@dataclass(frozen=True)
class AnswerRow:
    """One answer to a question in a team's rounds, as the statistics need it."""

    question_id: int
    player_id: int
    choice: int
    correct: bool
    answered_at: datetime


class CurationStore(Protocol):
    """The curation queries, inside the unit's transaction. All reads are scoped to one team."""

    async def prompt_exists(self, team_id: int, prompt: str) -> bool:
        """An exact duplicate (spacing and case aside) among the team's own live questions."""
        ...

    async def insert_question(
        self, team_id: int, deck_id: int, q: BankQuestion, *, author: str | None, status: str
    ) -> QuestionRec:
        """Add a question to one of the team's decks (its custom deck, for the service)."""
        ...

    async def team_question(self, team_id: int, ref: int | str) -> TeamQuestion | None:
        """A question the team can see (its own or shared), by database id or uid."""
        ...

    async def list_team_questions(
        self,
        team_id: int,
        *,
        topic: str | None,
        text: str | None,
        statuses: Collection[str],
        own_only: bool,
        offset: int,
        limit: int,
    ) -> tuple[list[TeamQuestion], int]:
        """One page of the team's visible questions, and the total matching count."""
        ...

    async def update_question(
        self, question_id: int, fields: dict[str, Any], at: datetime
    ) -> None: ...

    async def set_question_status(self, question_id: int, status: str, at: datetime) -> None: ...

    async def set_team_question_status(
        self, team_id: int, question_id: int, status: str | None, at: datetime
    ) -> None:
        """A team's own status for a shared question; None removes it (back to the row's)."""
        ...

    async def own_questions(self, team_id: int) -> list[QuestionRec]:
        """Every question of the team's own, whatever its status."""
        ...

    async def shared_questions_by_uid(self, uids: Collection[str]) -> dict[str, QuestionRec]:
        """Shared-bank questions with these uids."""
        ...

    async def taken_uids(self, team_id: int, uids: Collection[str]) -> set[str]:
        """Which of these uids the team's own questions use (a uid is unique within a team and
        within the shared bank, never across them)."""
        ...

    async def insert_questions(
        self,
        team_id: int,
        deck_id: int,
        questions: Sequence[BankQuestion],
        *,
        author: str,
        status: str,
    ) -> None:
        """Add many questions to one of the team's decks at once (any count)."""
        ...

    async def update_questions(
        self, changes: Sequence[tuple[int, BankQuestion]], at: datetime
    ) -> None:
        """New content (topic, kind, prompt, choices, answer, explanation, lang) for existing
        questions, by database id."""
        ...

    async def own_prompts(self, team_id: int) -> dict[str, QuestionRec]:
        """The team's own live questions (active, disabled, pending) keyed by folded prompt."""
        ...

    async def usable_questions(self, team_id: int, *, own_only: bool) -> list[QuestionRec]:
        """What the team can be asked (active, not disabled by it), for export."""
        ...

    async def team_answers(
        self, team_id: int, question_ids: Collection[int] | None = None
    ) -> list[AnswerRow]: ...

    async def times_asked(
        self, team_id: int, question_ids: Collection[int] | None = None
    ) -> dict[int, int]: ...

    async def week_points(
        self, team_id: int, weeks: Collection[date] | None = None
    ) -> dict[tuple[int, date], int]:
        """Points per (player, week start) from the weekly scores (all weeks when None)."""
        ...
