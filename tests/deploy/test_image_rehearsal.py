"""What the image does, rehearsed without a Docker engine: the files the Dockerfile copies,
installed the way it installs them (a regular, non-editable install), then the migrate
service's command and the image's healthcheck run from outside the source tree against a
real PostgreSQL, as compose would run them."""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sysconfig
import venv
from pathlib import Path

import pytest
import yaml
from sqlalchemy import text
from sqlalchemy.engine import make_url

from bot.db.connect import create_engine
from tests.conftest import _need, _pg_admin

pytestmark = pytest.mark.slow  # builds the image's virtualenv and runs quizbot from it

ROOT = Path(__file__).resolve().parents[2]


def _dockerfile_lines() -> list[str]:
    text = (ROOT / "Dockerfile").read_text().replace("\\\n", " ")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


def _copied_paths() -> list[str]:
    """Sources of the Dockerfile's COPY lines (relative to the build context)."""
    out: list[str] = []
    for line in _dockerfile_lines():
        if line.upper().startswith("COPY "):
            out.extend(shlex.split(line)[1:-1])
    return out


def _healthcheck_command() -> list[str]:
    line = next(ln for ln in _dockerfile_lines() if ln.startswith("HEALTHCHECK"))
    return list(json.loads(line[line.index("CMD") + 3 :].strip()))


def _migrate_command() -> list[str]:
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    return ["quizbot", *compose["services"]["migrate"]["command"]]


def _site_packages(env_dir: Path) -> Path:
    return next((env_dir / "lib").glob("python3*/site-packages"))


@pytest.fixture(scope="module")
def image(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A venv holding a regular install (`pip install .`, as the Dockerfile runs it) of exactly
    what the Dockerfile copies; the project itself is not editable."""
    context = tmp_path_factory.mktemp("context")
    for rel in _copied_paths():
        src = ROOT / rel
        if src.is_dir():
            shutil.copytree(src, context / rel, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(src, context / rel)
    env_dir = tmp_path_factory.mktemp("image") / "venv"
    venv.create(env_dir, with_pip=True)
    # Dependencies: the test environment's packages, appended to the path (its .pth files,
    # such as the editable install of this source tree, are not processed from there).
    purelib = sysconfig.get_path("purelib")
    (_site_packages(env_dir) / "test-deps.pth").write_text(purelib + "\n")
    subprocess.run(
        [str(env_dir / "bin" / "python"), "-m", "pip", "install", "-q", "--no-deps", str(context)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return env_dir


def _run(
    image: Path, argv: list[str], database_url: str, cwd: Path
) -> subprocess.CompletedProcess[str]:
    exe = image / "bin" / argv[0]
    env = {
        "PATH": f"{image / 'bin'}:{os.environ.get('PATH', '')}",
        "HOME": str(cwd),
        "DATABASE_URL": database_url,
        # The test run's own settings must not leak in: the image sees only compose's env.
    }
    return subprocess.run(
        [str(exe), *argv[1:]], cwd=cwd, env=env, capture_output=True, text=True, timeout=120
    )


def test_the_image_carries_its_banks_and_migrations(image: Path) -> None:
    code = (
        "import importlib.resources as r, json;"
        "print(json.dumps([str(r.files('questions') / 'bank'), str(r.files('migrations'))]))"
    )
    out = subprocess.run(
        [str(image / "bin" / "python"), "-c", code],
        cwd="/",
        capture_output=True,
        text=True,
        check=True,
    )
    bank_dir, migrations_dir = (Path(p) for p in json.loads(out.stdout))
    assert str(ROOT) not in str(bank_dir), "the project must not be imported from the source tree"
    assert sorted(p.name for p in bank_dir.glob("*.yaml")) == sorted(
        p.name for p in (ROOT / "questions" / "bank").glob("*.yaml")
    )
    shipped = sorted(p.name for p in (ROOT / "migrations" / "versions").glob("*.py"))
    assert sorted(p.name for p in (migrations_dir / "versions").glob("*.py")) == shipped


async def test_migrate_then_healthcheck_as_compose_runs_them(
    image: Path, pg_admin_url: str | None, tmp_path: Path
) -> None:
    """A brand-new database: the migrate service creates the schema, the healthcheck passes."""
    admin = _need("postgresql", {"postgresql": pg_admin_url})
    name = f"quizbot_image_{os.getpid()}"
    await _pg_admin(admin, f"DROP DATABASE IF EXISTS {name}")
    await _pg_admin(admin, f"CREATE DATABASE {name}")
    url = make_url(admin).set(database=name).render_as_string(hide_password=False)
    missing = make_url(admin).set(database="no_such_db").render_as_string(hide_password=False)
    home = tmp_path / "home"
    home.mkdir()
    try:
        assert _run(image, _healthcheck_command(), missing, home).returncode != 0
        migrate = _run(image, _migrate_command(), url, home)
        assert migrate.returncode == 0, migrate.stderr
        engine = create_engine(url)
        async with engine.connect() as conn:
            version = (
                await conn.execute(text("SELECT version_num FROM alembic_version"))
            ).scalar_one()
            tables = set(
                (
                    await conn.execute(
                        text("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
                    )
                ).scalars()
            )
        await engine.dispose()
        newest = sorted(p.stem for p in (ROOT / "migrations" / "versions").glob("0*.py"))[-1]
        assert newest.startswith(version)
        assert {"answers", "players", "rounds", "scores_weekly", "scores_total"} <= tables
        health = _run(image, _healthcheck_command(), url, home)
        assert health.returncode == 0, health.stderr
        default = _run(image, ["quizbot", "--help"], url, home)  # the image's default CMD
        assert default.returncode == 0 and "run" in default.stdout
    finally:
        await _pg_admin(admin, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
