"""Wiring shared by every entry point: settings -> engine -> repository, schema and bank ready."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncEngine

from bot.config import Settings, redact_url
from bot.db.banks import load_shipped_banks_if_empty
from bot.db.connect import create_engine, is_sqlite, sqlite_path
from bot.db.repository import SqlRepository
from bot.db.revision import SCHEMA_HEAD, current_revision
from bot.db.warmup import warm_up

log = logging.getLogger(__name__)


class NotMigrated(RuntimeError):
    pass


@dataclass
class Runtime:
    settings: Settings
    engine: AsyncEngine
    repo: SqlRepository


@asynccontextmanager
async def open_runtime(
    settings: Settings, *, prepare: bool = True, serve: bool = False
) -> AsyncIterator[Runtime]:
    """Connect; with `prepare`, make sure the schema is current and a question bank exists;
    with `serve` (every `quizbot run` mode), warm the connections the answer path uses.

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
        if serve:
            await warm_to_serve(engine, settings.db_pool_size)
        yield Runtime(settings, engine, SqlRepository(engine))
    finally:
        await engine.dispose()


async def warm_to_serve(engine: AsyncEngine, pool_size: int) -> int:
    """Before a bot serves: open the connections its answer and close path hold at once (as
    many as the pool keeps) and run that path's statements on each, changing nothing
    (`bot.db.warmup`), so the first clicks find them ready. Returns how many were warmed."""
    from bot.core.play.service import HOT_CONNECTIONS  # the bots import it anyway; others not

    connections = min(pool_size, HOT_CONNECTIONS)
    warmed = await warm_up(engine, connections)
    log.info("warmed %d database connection(s) for the answer path", warmed)
    return warmed


async def prepare_database(engine: AsyncEngine) -> None:
    if is_sqlite(engine):
        from bot.db.migrate import upgrade  # Alembic, loaded only where it runs

        await upgrade(engine)
    else:
        if await current_revision(engine) != SCHEMA_HEAD:
            raise NotMigrated(
                f"The database at {redact_url(str(engine.url))} is not at the latest schema; "
                "run `quizbot db upgrade` first."
            )
    await load_shipped_banks_if_empty(SqlRepository(engine))


async def database_health(settings: Settings) -> str | None:
    """None when the database answers and has the latest schema; otherwise what is wrong.
    Creates nothing: a mistyped SQLite path is reported, not made into a new empty database."""
    path = sqlite_path(settings.database_url)
    if path is not None and not path.is_file():
        return (
            f"there is no database file at {path} (a mistyped path? `quizbot db upgrade` "
            "creates a new one)"
        )
    engine = create_engine(settings.database_url, pool_size=1, timeout=settings.db_timeout)
    try:
        revision = await current_revision(engine)
    finally:
        await engine.dispose()
    if revision != SCHEMA_HEAD:
        return (
            f"the schema is at {revision or 'none (an empty database)'}, not {SCHEMA_HEAD}; "
            "run `quizbot db upgrade`"
        )
    return None
