"""The schema revision a database is at, and the one the shipped migrations lead to, read
without Alembic: every bot start checks them, and loading Alembic's command and script machinery
(and Mako, Pygments) for that cost more CPU than the rest of the database start-up.

SCHEMA_HEAD is written here by hand; tests/db/test_migrations.py proves it is the head Alembic
computes from migrations/, so a new migration that forgets it fails the suite.
"""

from __future__ import annotations

from sqlalchemy import Connection, text
from sqlalchemy.ext.asyncio import AsyncEngine

SCHEMA_HEAD = "0009"
# Alembic's bookkeeping table (one row: the revision the database is at)
VERSION_TABLE = "alembic_version"


class SeveralHeads(RuntimeError):
    """The database records more than one revision (branched migrations): never ours."""


async def current_revision(engine: AsyncEngine) -> str | None:
    """The revision the database behind `engine` is at; None when it was never migrated."""
    async with engine.connect() as conn:
        return await conn.run_sync(_read_revision)


def _read_revision(conn: Connection) -> str | None:
    if not conn.dialect.has_table(conn, VERSION_TABLE):
        return None
    revisions = list(conn.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalars())
    if len(revisions) > 1:
        raise SeveralHeads(f"the database records several revisions: {sorted(revisions)}")
    return str(revisions[0]) if revisions else None
