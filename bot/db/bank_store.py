"""Put a bank file's questions into the database, idempotently and keeping ids stable."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db.tables import Question
from questions.bank import Bank, BankQuestion


@dataclass(frozen=True)
class LoadResult:
    added: int
    updated: int
    unchanged: int
    retired: int

    def __str__(self) -> str:
        return (
            f"{self.added} added, {self.updated} updated, {self.unchanged} unchanged, "
            f"{self.retired} retired"
        )


def _fields(q: BankQuestion) -> dict[str, Any]:
    return {
        "topic": q.topic,
        "kind": q.kind,
        "prompt": q.prompt,
        "choices": list(q.choices),
        "answer": q.answer,
        "explanation": q.explanation,
        "source_file": q.source.file if q.source else None,
        "source_line": q.source.line if q.source else None,
        "lang": q.lang,
    }


async def load_bank(session: AsyncSession, bank: Bank, team_id: int | None = None) -> LoadResult:
    """Upsert by the stable question id. Shared-bank questions that left the file are retired
    (status 'retired': kept for their statistics, never asked)."""
    now = datetime.now(UTC)
    existing = {
        q.uid: q
        for q in await session.scalars(
            select(Question).where(
                Question.bank == bank.bank,
                Question.team_id.is_(team_id) if team_id is None else Question.team_id == team_id,
            )
        )
    }
    added = updated = unchanged = 0
    for bq in bank.questions:
        row = existing.pop(bq.id, None)
        fields = _fields(bq)
        if row is None:
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
    if gone:
        await session.execute(
            update(Question).where(Question.id.in_(gone)).values(status="retired", updated_at=now)
        )
        retired = len(gone)
    await session.flush()
    return LoadResult(added, updated, unchanged, retired)


async def shared_question_count(session: AsyncSession) -> int:
    return int(
        (
            await session.execute(
                select(func.count()).select_from(Question).where(Question.team_id.is_(None))
            )
        ).scalar_one()
    )
