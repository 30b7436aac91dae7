"""Wiring shared by every entry point: settings -> engine -> repository, schema and bank ready."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncEngine

from bot.config import Settings, redact_url
from bot.db.bank_store import load_bank, shared_question_count
from bot.db.connect import create_engine, is_sqlite
from bot.db.migrate import current_revision, upgrade
from bot.db.repository import SqlRepository
from questions.bank import load_bank as read_bank_file
from questions.bank import shipped_bank_paths

log = logging.getLogger(__name__)


class NotMigrated(RuntimeError):
    pass


@dataclass
class Runtime:
    settings: Settings
    engine: AsyncEngine
    repo: SqlRepository


@asynccontextmanager
async def open_runtime(settings: Settings, *, prepare: bool = True) -> AsyncIterator[Runtime]:
    """Connect; with `prepare`, make sure the schema is current and a question bank exists.

    The embedded SQLite default is migrated automatically (nothing else can have done it);
    PostgreSQL is migrated by `quizbot db upgrade` (the compose `migrate` service), so that
    replicas starting together do not race on schema changes.
    """
    engine = create_engine(
        settings.database_url, pool_size=settings.db_pool_size, timeout=settings.db_timeout
    )
    try:
        if prepare:
            await prepare_database(engine)
        yield Runtime(settings, engine, SqlRepository(engine))
    finally:
        await engine.dispose()


async def prepare_database(engine: AsyncEngine) -> None:
    if is_sqlite(engine):
        await upgrade(engine)
    else:
        from alembic.script import ScriptDirectory

        from bot.db.migrate import alembic_config

        head = ScriptDirectory.from_config(alembic_config()).get_current_head()
        if await current_revision(engine) != head:
            raise NotMigrated(
                f"The database at {redact_url(str(engine.url))} is not at the latest schema; "
                "run `quizbot db upgrade` first."
            )
    await load_shipped_banks_if_empty(engine)


async def load_shipped_banks_if_empty(engine: AsyncEngine) -> None:
    """A new install plays at once: load the shipped banks when no shared question exists."""
    from sqlalchemy.ext.asyncio import AsyncSession

    async with AsyncSession(engine) as session, session.begin():
        if await shared_question_count(session):
            return
        for path in shipped_bank_paths():
            result = await load_bank(session, read_bank_file(path))
            log.info("loaded shipped bank %s: %s", path.name, result)
