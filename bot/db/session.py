"""What every feature store shares: the unit's session, its dialect, and statement helpers."""

from __future__ import annotations

from collections.abc import Collection, Iterator
from typing import Any, TypeVar

from sqlalchemy.ext.asyncio import AsyncSession

from bot.db.dialect import insert_for

T = TypeVar("T")

CHUNK = 1000  # rows or ids per statement: asyncpg allows 32,767 parameters, SQLite 32,766


def chunks(items: Collection[T]) -> Iterator[list[T]]:
    """The items in lists of at most CHUNK, so no statement nears a parameter limit."""
    seq = list(items)
    for start in range(0, len(seq), CHUNK):
        yield seq[start : start + CHUNK]


class SqlStore:
    """A feature's queries, run inside one unit of work's transaction (`self.session`)."""

    def __init__(self, session: AsyncSession, dialect: str | None = None) -> None:
        self.session = session
        self.dialect = dialect or session.get_bind().dialect.name

    def _insert(self, model: Any) -> Any:
        return insert_for(self.dialect, model)

    async def _core(
        self, stmt: Any, params: dict[str, Any] | list[dict[str, Any]] | None = None
    ) -> Any:
        """Run a Core statement on the unit's connection, skipping the ORM layer (hot paths)."""
        return await (await self.session.connection()).execute(stmt, params)

    async def _scalar(self, stmt: Any) -> Any:
        return (await self.session.execute(stmt)).scalar_one_or_none()
