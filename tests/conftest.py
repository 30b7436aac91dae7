"""Test databases: the same tests run on SQLite and on a real PostgreSQL.

PostgreSQL comes from TEST_DATABASE_URL when set; otherwise the session starts a throwaway
server from the system's binaries in a temp dir (as the `postgres` user when we are root, since
initdb refuses to run as root). In CI (CI=true) a missing PostgreSQL fails the run.

Fixtures:
- `repo`: a SqlRepository on one connection whose transaction is rolled back after the test
  (join_transaction_mode="create_savepoint"), on a database migrated once per session. Fast;
  for everything that does not need several connections.
- `fresh_db`: the URL of a brand-new migrated database of its own, for tests that need real
  commits and several connections (concurrency, two bot instances, restarts).
"""

from __future__ import annotations

import asyncio
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from bot.db.connect import create_engine
from bot.db.migrate import upgrade
from bot.db.repository import SqlRepository

BACKENDS = ("sqlite", "postgresql")
_counter = itertools.count()


def _in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


def _find_pg_bin() -> Path | None:
    found = shutil.which("pg_ctl")
    if found:
        return Path(found).resolve().parent
    for candidate in sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True):
        if (candidate / "pg_ctl").exists():
            return candidate
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class PgServer:
    url: str  # admin URL (database "postgres")
    stop: callable  # type: ignore[valid-type]


def _start_pg() -> PgServer | str:
    """Start a throwaway PostgreSQL; a string says why it could not."""
    bindir = _find_pg_bin()
    if bindir is None:
        return "no PostgreSQL binaries (install Debian's postgresql, or set TEST_DATABASE_URL)"
    root = os.geteuid() == 0
    prefix: list[str] = []
    workdir = Path(tempfile.mkdtemp(prefix="quizbot-pg-"))
    if root:
        if shutil.which("runuser") is None:
            return "running as root and runuser is missing"
        try:
            import pwd

            pw = pwd.getpwnam("postgres")
        except KeyError:
            return "running as root and there is no 'postgres' user to run the server"
        os.chown(workdir, pw.pw_uid, pw.pw_gid)
        prefix = ["runuser", "-u", "postgres", "--"]
    data = workdir / "data"
    port = _free_port()
    run = lambda *cmd: subprocess.run(  # noqa: E731
        [*prefix, *cmd], check=True, capture_output=True, text=True, timeout=120
    )
    try:
        run(
            str(bindir / "initdb"),
            "-D",
            str(data),
            "-A",
            "trust",
            "-U",
            "postgres",
            "-E",
            "UTF8",
            "--no-sync",
        )
        opts = (
            f"-p {port} -k {workdir} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
        )
        run(
            str(bindir / "pg_ctl"),
            "-D",
            str(data),
            "-o",
            opts,
            "-l",
            str(workdir / "log"),
            "-w",
            "start",
        )
    except subprocess.CalledProcessError as exc:
        return f"could not start PostgreSQL: {exc.stderr.strip()[-500:]}"

    def stop() -> None:
        subprocess.run(
            [*prefix, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
            capture_output=True,
            timeout=60,
        )
        shutil.rmtree(workdir, ignore_errors=True)

    return PgServer(f"postgresql+asyncpg://postgres@127.0.0.1:{port}/postgres", stop)


@pytest.fixture(scope="session")
def pg_admin_url() -> Iterator[str | None]:
    env = os.environ.get("TEST_DATABASE_URL")
    if env:
        yield env
        return
    server = _start_pg()
    if isinstance(server, str):
        if _in_ci():
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


def _need(backend: str, urls: dict[str, str | None]) -> str:
    url = urls[backend]
    if url is None:
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
