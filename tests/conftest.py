"""Test databases: the same tests run on SQLite and on a real PostgreSQL.

PostgreSQL comes from TEST_DATABASE_URL when set; otherwise the session starts a throwaway
server from the system's binaries in a temp dir (as the `postgres` user when we are root, since
initdb refuses to run as root). In CI (CI=true) a missing PostgreSQL fails the run.

Fixtures:
- `repo`: a SqlRepository on one connection whose transaction is rolled back after the test
  (join_transaction_mode="create_savepoint"), on a database migrated once per session. Fast;
  for everything that does not need several connections.
- `fresh_db`: the URL of a brand-new migrated database of its own, for tests that need real
  commits and several connections (concurrency, two bot instances, restarts); `two_repos`:
  two processes' repositories on it (replicas racing).
"""

from __future__ import annotations

import asyncio
import itertools
import os
import shutil
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from bot.db.connect import create_engine
from bot.db.migrate import upgrade
from bot.db.repository import SqlRepository
from tests.pgserver import in_ci, start_pg

BACKENDS = ("sqlite", "postgresql")
_counter = itertools.count()


@pytest.fixture(scope="session")
def pg_admin_url() -> Iterator[str | None]:
    env = os.environ.get("TEST_DATABASE_URL")
    if env:
        yield env
        return
    server = start_pg()
    if isinstance(server, str):
        if in_ci():
            pytest.fail(f"PostgreSQL is required in CI: {server}")
        yield None
        return
    yield server.url
    server.stop()


def _with_db(url: str, name: str) -> str:
    return make_url(url).set(database=name).render_as_string(hide_password=False)


async def _pg_admin(url: str, sql: str) -> None:
    engine = create_engine(url)
    try:
        async with engine.connect() as conn:
            await conn.execution_options(isolation_level="AUTOCOMMIT")
            await conn.execute(text(sql))
    finally:
        await engine.dispose()


@pytest.fixture(scope="session")
async def template_urls(
    pg_admin_url: str | None, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, str | None]:
    """Migrate one database per backend once; tests copy it (fresh_db) or roll back on it (repo)."""
    sqlite_path = tmp_path_factory.mktemp("sqlite") / "template.db"
    urls: dict[str, str | None] = {
        "sqlite": f"sqlite+aiosqlite:///{sqlite_path}",
        "postgresql": None,
    }
    engine = create_engine(urls["sqlite"])  # type: ignore[arg-type]
    await upgrade(engine)
    await engine.dispose()
    if pg_admin_url:
        tag = f"quizbot_tpl_{os.getpid()}"
        await _pg_admin(pg_admin_url, f"DROP DATABASE IF EXISTS {tag}")
        await _pg_admin(pg_admin_url, f"CREATE DATABASE {tag}")
        engine = create_engine(_with_db(pg_admin_url, tag))
        await upgrade(engine)
        await engine.dispose()
        urls["postgresql"] = _with_db(pg_admin_url, tag)
    return urls


@pytest.fixture
def pg_url(pg_admin_url: str | None) -> str:
    """The test server's own database, for tests that need PostgreSQL itself (never skipped in
    CI: pg_admin_url fails there first)."""
    if pg_admin_url is None:
        if in_ci():
            pytest.fail("PostgreSQL is required in CI")
        pytest.skip("PostgreSQL is not available here")
    return pg_admin_url


def _need(backend: str, urls: dict[str, str | None]) -> str:
    url = urls[backend]
    if url is None:
        if in_ci():  # pg_admin_url fails first in CI; this keeps the rule local too
            pytest.fail(f"PostgreSQL is required in CI for the {backend} tests")
        pytest.skip(
            "PostgreSQL is not available here (set TEST_DATABASE_URL or install postgresql)"
        )
    return url


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
async def fresh_db(
    backend: str, template_urls: dict[str, str | None], pg_admin_url: str | None, tmp_path: Path
) -> AsyncIterator[str]:
    """URL of a new, migrated database used by this test alone."""
    template = _need(backend, template_urls)
    if backend == "sqlite":
        path = tmp_path / f"test{next(_counter)}.db"
        shutil.copy(make_url(template).database, path)  # type: ignore[arg-type]
        yield f"sqlite+aiosqlite:///{path}"
        return
    assert pg_admin_url is not None
    name = f"quizbot_t{os.getpid()}_{next(_counter)}"
    tpl = make_url(template).database
    await _pg_admin(pg_admin_url, f"CREATE DATABASE {name} TEMPLATE {tpl}")
    yield _with_db(pg_admin_url, name)
    await _pg_admin(pg_admin_url, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
async def repo(backend: str, template_urls: dict[str, str | None]) -> AsyncIterator[SqlRepository]:
    """A repository whose every change is rolled back after the test."""
    url = _need(backend, template_urls)
    engine = create_engine(url)
    async with engine.connect() as conn:
        outer = await conn.begin()
        yield SqlRepository(conn)
        await outer.rollback()
    await engine.dispose()


@pytest.fixture
async def two_repos(fresh_db: str) -> AsyncIterator[tuple[SqlRepository, SqlRepository]]:
    """Two bot processes' repositories (separate engines and pools) on one fresh database."""
    a, b = create_engine(fresh_db), create_engine(fresh_db)
    try:
        yield SqlRepository(a), SqlRepository(b)
    finally:
        await a.dispose()
        await b.dispose()


@pytest.fixture
async def fresh_repo(fresh_db: str) -> AsyncIterator[SqlRepository]:
    engine = create_engine(fresh_db)
    yield SqlRepository(engine)
    await engine.dispose()


def wait_until(predicate: callable, timeout: float = 5.0) -> bool:  # type: ignore[valid-type]
    """Poll a condition (for background tasks); tests assert on the result."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.01)
    return False


async def async_wait_until(predicate: callable, timeout: float = 5.0) -> bool:  # type: ignore[valid-type]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        await asyncio.sleep(0.01)
    return False
