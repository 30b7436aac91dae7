"""Engine factory: one place that knows how SQLite and PostgreSQL differ at connection time."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from bot.config import DEFAULT_SQLITE_PATH, ConfigError


class MissingDatabaseFolder(ConfigError):
    """A SQLite URL names a file in a folder that does not exist: most likely a typo, so the
    folder is not made (a new empty database there would hide it)."""


def create_engine(url: str, *, pool_size: int = 10, timeout: float = 10.0) -> AsyncEngine:
    """An async engine that never hands out a connection known to be dead, with bounded
    waits. SQLite gets WAL, a busy timeout and BEGIN IMMEDIATE, so concurrent writers queue
    instead of failing with 'database is locked'."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        path = sqlite_path(url)
        if path is not None:
            _ensure_folder(path)
        engine = create_async_engine(url, pool_pre_ping=True, connect_args={"timeout": timeout})
        _sqlite_tuning(engine, timeout)
        return engine
    engine = create_async_engine(
        url,
        # A pre-ping costs three round trips per transaction (asyncpg pings inside BEGIN and
        # ROLLBACK); the closed-socket check below costs none.
        pool_pre_ping=False,
        pool_size=pool_size,
        max_overflow=pool_size,
        pool_timeout=timeout,
        connect_args={"timeout": timeout, "command_timeout": timeout * 3},
    )
    _skip_closed_connections(engine)
    return engine


def _skip_closed_connections(engine: AsyncEngine) -> None:
    """A pooled connection the server closed (a restart, an idle timeout, an administrator's
    pg_terminate_backend) is replaced at checkout instead of failing its transaction: asyncpg
    notices the closed socket as it happens. A connection that dies unnoticed fails its
    statement once, and SQLAlchemy then replaces every connection pooled before it."""

    @event.listens_for(engine.sync_engine, "checkout")
    def _on_checkout(_dbapi_conn: Any, record: Any, _proxy: Any) -> None:
        driver = record.driver_connection
        if driver is not None and driver.is_closed():
            raise DisconnectionError("the server closed this pooled connection")


def sqlite_path(url: str) -> Path | None:
    """The file a SQLite URL names (None for other databases and in-memory ones)."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database).expanduser()


def _ensure_folder(path: Path) -> None:
    """The default database's folder is made on first use; any other must exist."""
    if path.parent.is_dir():
        return
    if path == DEFAULT_SQLITE_PATH:
        path.parent.mkdir(parents=True, exist_ok=True)
        return
    raise MissingDatabaseFolder(
        f"DATABASE_URL names the SQLite file {path}, but the folder {path.parent} does not "
        "exist; create it, or correct the path"
    )


def _sqlite_tuning(engine: AsyncEngine, timeout: float) -> None:
    sync = engine.sync_engine

    @event.listens_for(sync, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Take transaction control from the driver so BEGIN IMMEDIATE below is ours.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute(f"PRAGMA busy_timeout={int(timeout * 1000)}")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.close()

    @event.listens_for(sync, "begin")
    def _on_begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")


def is_sqlite(engine: AsyncEngine) -> bool:
    return engine.dialect.name == "sqlite"
