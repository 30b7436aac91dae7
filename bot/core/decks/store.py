"""What decks need from storage, and the records it reads back (bot/db/decks.py implements it,
as `unit.decks`)."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from bot.core.models import QuestionRec
from questions.bank import BankQuestion


@dataclass(frozen=True)
class DeckRec:
    """A named set of questions, owned by a team (team_id) or shared (team_id None)."""

    id: int
    team_id: int | None
    name: str
    status: str  # rules.DeckStatus
    source_kind: str  # notes | bank | custom
    source_name: str | None
    source_hash: str | None
    created_at: datetime
    updated_at: datetime
    questions: int = 0  # active questions

    @property
    def shared(self) -> bool:
        return self.team_id is None


@dataclass(frozen=True)
class NewDeck:
    team_id: int | None
    name: str
    status: str
    source_kind: str
    source_name: str | None
    source_hash: str | None
    at: datetime
    author: str | None = None


@dataclass(frozen=True)
class TopicCount:
    """How many playable questions a deck has on one topic."""

    deck_id: int
    topic: str
    questions: int


@dataclass(frozen=True)
class Change:
    """An existing question row given new content (and maybe a new uid: same content, new
    id); `revive` sets a retired row active again."""

    question_id: int
    question: BankQuestion
    revive: bool = False


@dataclass
class SyncPlan:
    """What writing a set of questions into a deck does to its rows (sync.plan_sync)."""

    new: list[BankQuestion]
    changed: list[Change]
    unchanged: int
    retired: list[int]  # question ids no longer in the set: kept for their answers, never asked
    renamed: int = 0

    @property
    def added(self) -> int:
        return len(self.new)

    @property
    def updated(self) -> int:
        """Rows given new content (a row only given a new id counts as renamed)."""
        return len(self.changed) - self.renamed

    def summary(self) -> str:
        text = (
            f"{self.added} added, {self.updated} updated, {self.unchanged} unchanged, "
            f"{len(self.retired)} retired"
        )
        if self.renamed:
            text += f", {self.renamed} kept under a new id (same content, statistics kept)"
        return text


class DeckStore(Protocol):
    """Decks and their questions, inside the unit's transaction."""

    async def team_decks(self, team_id: int | None) -> list[DeckRec]:
        """Every deck the team sees (its own and the shared ones, any status), with its
        count of active questions, by name; None: the shared decks alone."""
        ...

    async def create_deck(self, new: NewDeck) -> DeckRec: ...

    async def set_status(self, deck_id: int, status: str, at: datetime) -> None: ...

    async def set_source(
        self, deck_id: int, name: str | None, content_hash: str | None, at: datetime
    ) -> None: ...

    async def custom_deck(self, team_id: int, at: datetime) -> int:
        """The id of the team's custom deck, made (published) on first use."""
        ...

    async def deck_questions(self, deck_id: int) -> list[QuestionRec]:
        """Every question of the deck, whatever its status."""
        ...

    async def write_sync(
        self, deck: DeckRec, plan: SyncPlan, *, author: str | None, at: datetime
    ) -> None:
        """Apply a SyncPlan: insert, update (uid, content, revival) and retire rows."""
        ...

    async def topic_counts(self, team_id: int, deck_ids: Collection[int]) -> list[TopicCount]:
        """Playable questions (active, not disabled by the team) per deck and topic."""
        ...

    async def question_page(
        self, deck_id: int, offset: int, limit: int
    ) -> tuple[list[QuestionRec], int]:
        """One page of the deck's active questions (by topic, then id), and how many in all."""
        ...

    async def active_questions(self, deck_ids: Sequence[int]) -> list[QuestionRec]:
        """The decks' active questions, by deck, topic and id."""
        ...
