"""Put bank files' questions into the database, idempotently and keeping ids stable.

`load_banks` and `load_shipped_banks_if_empty` open their own transaction on a repository (the
CLI and the runtime call them); `load_bank` works inside a session the caller holds."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.core.decks.rules import DeckStatus
from bot.core.decks.store import DeckRec, NewDeck, SyncPlan
from bot.core.decks.sync import plan_sync
from bot.db.decks import SqlDeckStore
from bot.db.session import chunks
from bot.db.tables import Question
from questions.bank import Bank, BankError, Problem, shipped_bank_paths
from questions.bank import load_bank as read_bank_file

if TYPE_CHECKING:
    from bot.db.repository import SqlRepository

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class LoadResult:
    added: int
    updated: int
    unchanged: int
    retired: int
    renamed: int = 0

    @classmethod
    def of(cls, plan: SyncPlan) -> LoadResult:
        return cls(plan.added, plan.updated, plan.unchanged, len(plan.retired), plan.renamed)

    def __str__(self) -> str:
        text = (
            f"{self.added} added, {self.updated} updated, {self.unchanged} unchanged, "
            f"{self.retired} retired"
        )
        if self.renamed:
            text += f", {self.renamed} kept under a new id (same content, statistics kept)"
        return text


async def load_bank(session: AsyncSession, bank: Bank, team_id: int | None = None) -> LoadResult:
    """Put a bank into its deck (the shared deck named as the bank, or the team's with
    `team_id`), made published on first load. Questions follow core.decks.sync: upserted by
    the stable id, kept under a new id when only the id changed (ids grew from 32 to 64 bits),
    retired when they left the file (kept for their statistics, never asked). An id another
    shared deck already holds is a BankError naming both, raised before anything changes."""
    now = datetime.now(UTC)
    store = SqlDeckStore(session)
    decks = [d for d in await store.team_decks(team_id) if d.team_id == team_id]
    if team_id is None:
        await _refuse_ids_of_other_banks(session, bank, decks)
    deck = next((d for d in decks if d.name == bank.bank), None)
    if deck is None:
        deck = await store.create_deck(
            NewDeck(team_id, bank.bank, DeckStatus.PUBLISHED, "bank", bank.source, None, now)
        )
    plan = plan_sync(await store.deck_questions(deck.id), bank.questions)
    await store.write_sync(deck, plan, author=None, at=now)
    await session.flush()
    return LoadResult.of(plan)


async def _refuse_ids_of_other_banks(
    session: AsyncSession, bank: Bank, shared: list[DeckRec]
) -> None:
    others = {d.id: d.name for d in shared if d.name != bank.bank}
    if not others:
        return
    ids = [q.id for q in bank.questions]
    taken: list[tuple[str, str]] = []
    for chunk in chunks(ids):
        rows = await session.execute(
            select(Question.uid, Question.deck_id).where(
                Question.deck_id.in_(list(others)), Question.uid.in_(chunk)
            )
        )
        taken += [(uid, others[deck_id]) for uid, deck_id in rows]
    if taken:
        raise BankError(
            [
                Problem(
                    "id", f"is already used by the bank {other!r}; ids are unique across banks", uid
                )
                for uid, other in sorted(taken)
            ]
        )


async def shared_question_count(session: AsyncSession) -> int:
    return int(
        (
            await session.execute(
                select(func.count()).select_from(Question).where(Question.team_id.is_(None))
            )
        ).scalar_one()
    )


async def load_banks(repo: SqlRepository, banks: Iterable[Bank]) -> list[LoadResult]:
    """Load several banks in one transaction: all of them, or (on a BankError) none."""
    async with repo.session() as session:
        return [await load_bank(session, bank) for bank in banks]


async def load_shipped_banks_if_empty(repo: SqlRepository) -> None:
    """A new install plays at once: load the shipped banks when no shared question exists."""
    async with repo.session() as session:
        if await shared_question_count(session):
            return
        for path in shipped_bank_paths():
            result = await load_bank(session, read_bank_file(path))
            log.info("loaded shipped bank %s: %s", path.name, result)
