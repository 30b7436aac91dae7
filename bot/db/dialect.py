"""The one place SQL differs by database: the INSERT that can say ON CONFLICT, and a list-of-ids
filter. Everything else in bot/db is written once for SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ARRAY, any_, bindparam
from sqlalchemy.dialects import postgresql, sqlite

POSTGRESQL = "postgresql"


def insert_for(dialect: str, table: Any) -> Any:
    """An INSERT on `table` (a model or a Table) with the dialect's ON CONFLICT clauses, on the
    plain table: the ORM's bulk path is several times slower and buys nothing here."""
    table = getattr(table, "__table__", table)
    return (postgresql.insert if dialect == POSTGRESQL else sqlite.insert)(table)


def id_in(column: Any, name: str, dialect: str) -> Any:
    """`column` is one of a list of ids: `= ANY(array)` on PostgreSQL, so one prepared
    statement serves every batch size; an expanding IN elsewhere."""
    if dialect == POSTGRESQL:
        return column == any_(bindparam(name, type_=ARRAY(column.type)))
    return column.in_(bindparam(name, expanding=True))
