"""What question curation needs from storage, beyond the engine's Unit.

Kept apart from bot/core/ports.py so the admin feature grows without touching the engine's port;
bot/db/queries_admin.py implements it (a mixin of SqlUnit) and the core `cast()`s a unit to it.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Protocol

from bot.core.models import QuestionRec
from bot.core.ports import Unit

# Statuses a question row can hold; "disabled" is also what a team sees for a shared question it
# switched off for itself (team_question_status), while the row itself stays "active".
STATUSES = ("active", "disabled", "pending", "rejected", "retired")


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


@dataclass(frozen=True)
class AdminActionRec:
    id: int
    actor: str
    action: str
    question_id: int | None
    question_uid: str | None
    detail: dict[str, Any]
    at: datetime


class AdminUnit(Unit, Protocol):
    """One transaction, with the curation queries. All reads are scoped to one team."""

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

    async def own_questions_by_uid(
        self, team_id: int, uids: Collection[str]
    ) -> dict[str, QuestionRec]: ...

    async def visible_questions_by_uid(
        self, team_id: int, uids: Collection[str]
    ) -> dict[str, QuestionRec]:
        """Questions with these uids that the team can see (own, or shared)."""
        ...

    async def taken_uids(self, uids: Collection[str]) -> set[str]:
        """Which of these uids exist anywhere (uids are unique across all teams)."""
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
        self, team_id: int, weeks: Collection[date]
    ) -> dict[tuple[int, date], int]:
        """Points per (player, week start) from the weekly scores."""
        ...

    async def admin_actions(self, team_id: int, limit: int) -> list[AdminActionRec]: ...
