"""Put bank files' questions into the database, idempotently and keeping ids stable.

`load_banks` and `load_shipped_banks_if_empty` open their own transaction on a repository (the
CLI and the runtime call them); `load_bank` works inside a session the caller holds."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from sqlalchemy import ColumnElement, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db.records import question_values
from bot.db.session import CHUNK
from bot.db.tables import Question
from questions.bank import Bank, BankError, Problem, fold_text, shipped_bank_paths
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

    def __str__(self) -> str:
        text = (
            f"{self.added} added, {self.updated} updated, {self.unchanged} unchanged, "
            f"{self.retired} retired"
        )
        if self.renamed:
            text += f", {self.renamed} kept under a new id (same content, statistics kept)"
        return text


ContentKey = tuple[str, tuple[str, ...], int]


def _content_key(prompt: str, choices: Sequence[str], answer: int) -> ContentKey:
    """What makes two questions the same question, whatever their ids."""
    return fold_text(prompt), tuple(fold_text(c) for c in choices), answer


def _scope(team_id: int | None) -> ColumnElement[bool]:
    return Question.team_id.is_(None) if team_id is None else Question.team_id == team_id


async def load_bank(session: AsyncSession, bank: Bank, team_id: int | None = None) -> LoadResult:
    """Upsert by the stable question id. Shared-bank questions that left the file are retired
    (status 'retired': kept for their statistics, never asked).

    A row whose id left the file while a question of the file with a new id has its content
    (prompt, choices, answer) is that question under its new id (content ids grew from 32 to
    64 bits): it takes the new id and keeps its database id, so its statistics stay. An id
    another bank in the same scope already holds is a BankError naming both, raised before
    anything changes; team questions are another scope and never collide with the shared bank.
    """
    now = datetime.now(UTC)
    await _refuse_ids_of_other_banks(session, bank, team_id)
    existing = {
        q.uid: q
        for q in await session.scalars(
            select(Question).where(Question.bank == bank.bank, _scope(team_id))
        )
    }
    file_ids = {bq.id for bq in bank.questions}
    left: dict[ContentKey, list[Question]] = {}
    for old in existing.values():
        if old.uid not in file_ids:
            left.setdefault(_content_key(old.prompt, old.choices, old.answer), []).append(old)
    added = updated = unchanged = renamed = 0
    for bq in bank.questions:
        row: Question | None = existing.pop(bq.id) if bq.id in existing else None
        fields = question_values(bq)
        if row is None and (same := left.get(_content_key(bq.prompt, bq.choices, bq.answer))):
            row = same.pop(0)
            del existing[row.uid]
            row.uid = bq.id
            renamed += 1
            for k, v in fields.items():
                setattr(row, k, v)
            row.status = "active" if row.status == "retired" else row.status
            row.updated_at = now
        elif row is None:
            session.add(
                Question(
                    uid=bq.id,
                    bank=bank.bank,
                    team_id=team_id,
                    status="active",
                    created_at=now,
                    updated_at=now,
                    **fields,
                )
            )
            added += 1
        elif any(getattr(row, k) != v for k, v in fields.items()) or row.status == "retired":
            for k, v in fields.items():
                setattr(row, k, v)
            if row.status == "retired":
                row.status = "active"
            row.updated_at = now
            updated += 1
        else:
            unchanged += 1
    retired = 0
    gone = [row.id for row in existing.values() if row.status != "retired"]
    for start in range(0, len(gone), CHUNK):
        await session.execute(
            update(Question)
            .where(Question.id.in_(gone[start : start + CHUNK]))
            .values(status="retired", updated_at=now)
        )
    retired = len(gone)
    await session.flush()
    return LoadResult(added, updated, unchanged, retired, renamed)


async def _refuse_ids_of_other_banks(
    session: AsyncSession, bank: Bank, team_id: int | None
) -> None:
    ids = [q.id for q in bank.questions]
    taken: list[tuple[str, str]] = []
    for start in range(0, len(ids), CHUNK):
        rows = await session.execute(
            select(Question.uid, Question.bank).where(
                _scope(team_id),
                Question.bank != bank.bank,
                Question.uid.in_(ids[start : start + CHUNK]),
            )
        )
        taken += [(uid, other) for uid, other in rows]
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
