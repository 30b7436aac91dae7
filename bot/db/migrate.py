"""Run Alembic from code, so `quizbot db upgrade` and the tests use the shipped migrations."""

from __future__ import annotations

from importlib.resources import files
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine


def alembic_config(url: str | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(files("migrations")))
    if url:
        cfg.attributes["database_url"] = url
    return cfg


async def upgrade(engine: AsyncEngine, revision: str = "head") -> None:
    """Bring the database behind `engine` to `revision` (head by default)."""
    await _migrate(engine, command.upgrade, revision)


async def downgrade(engine: AsyncEngine, revision: str) -> None:
    """Take the database behind `engine` back to `revision` (tests of data migrations)."""
    await _migrate(engine, command.downgrade, revision)


async def _migrate(engine: AsyncEngine, step: Any, revision: str) -> None:
    cfg = alembic_config()

    def _run(sync_conn: object) -> None:
        cfg.attributes["connection"] = sync_conn
        step(cfg, revision)

    async with engine.connect() as conn:
        sqlite = engine.dialect.name == "sqlite"
        if sqlite:  # see _sqlite_foreign_keys
            await _sqlite_foreign_keys(conn, on=False)
        try:
            async with conn.begin():
                await conn.run_sync(_run)
                if sqlite:
                    broken = (await conn.exec_driver_sql("PRAGMA foreign_key_check")).all()
                    if broken:
                        raise RuntimeError(f"migration left broken references: {broken[:5]}")
        finally:
            if sqlite:
                await _sqlite_foreign_keys(conn, on=True)


async def _sqlite_foreign_keys(conn: AsyncConnection, *, on: bool) -> None:
    """SQLite changes most tables by rebuilding them (Alembic's batch mode), and dropping the
    old table with foreign keys on would first delete its rows, cascading into every table that
    refers to it (a rebuilt `questions` took all round questions and answers with it). So
    migrations run with them off, as SQLite's own procedure says, and are checked with
    foreign_key_check before they commit. The pragma only works outside a transaction, so it
    goes to the driver's connection directly."""
    raw = await conn.get_raw_connection()
    driver: Any = raw.driver_connection
    await driver.execute(f"PRAGMA foreign_keys={'ON' if on else 'OFF'}")


def head_revision() -> str | None:
    """The latest revision the shipped migrations lead to, as Alembic computes it (what
    `bot.db.revision.SCHEMA_HEAD` must equal)."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()
