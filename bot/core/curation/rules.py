"""Who may do what to a team's questions: each rule once, for every adapter and the service."""

from __future__ import annotations

import codecs

from bot.core.curation.store import LIVE_STATUSES, STATUSES, TeamQuestion
from bot.core.errors import QuizError, ValidationFailed
from bot.core.models import PlayerRef, TeamSettings
from bot.core.permissions import is_admin
from questions.bank import Problem

FINAL_STATUSES = ("rejected", "retired")  # never edited again
SUGGESTIONS_OFF = "Suggestions are turned off in this team; ask an admin."
HOW_TO_CHANGE_SHARED = "disable it for your team and add your own version."

MAX_PER_PAGE = 100
MAX_HISTORY = 1000
MAX_REASON = 500
MAX_UID = 40


def check_not_empty(data: bytes | str, filename: str) -> None:
    """A file (or pasted text) handed in holds something besides white space and a byte-order
    mark, in every format alike: some readers would refuse it, others read it as no questions."""
    rest = data.removeprefix(codecs.BOM_UTF8) if isinstance(data, bytes) else data.lstrip("\ufeff")
    if not rest.strip():
        raise QuizError(f"{filename} is empty.", field="file")


def statuses_for(status: str | None) -> tuple[str, ...]:
    """The statuses a listing asked for by name shows: the live ones when none is named."""
    if status is None:
        return LIVE_STATUSES
    if status == "all":
        return STATUSES
    if status not in STATUSES:
        raise ValidationFailed(
            [Problem("status", f"must be one of {', '.join(STATUSES)} or all, not {status!r}")]
        )
    return (status,)


def may_suggest(actor: PlayerRef, settings: TeamSettings) -> bool:
    """Anyone may suggest a question when the team allows suggestions; admins always may."""
    return settings.allow_suggestions or is_admin(actor, settings)


def check_editable(tq: TeamQuestion, how_to_change_shared: str = HOW_TO_CHANGE_SHARED) -> None:
    """A question of the shared bank is never edited by a team (it would change every team's),
    nor one that was rejected or retired; QuizError names the question. An adapter may say how
    to change a shared question in its own commands."""
    if tq.shared:
        raise QuizError(
            f"#{tq.rec.id} is in the shared bank and cannot be edited; {how_to_change_shared}",
            field="question",
        )
    if tq.status in FINAL_STATUSES:
        raise QuizError(f"#{tq.rec.id} is {tq.status}; it cannot be edited.", field="question")
