"""A throwaway PostgreSQL server from the system's binaries, for tests and benchmarks.

initdb and pg_ctl refuse to run as root, so as root the server runs as the `postgres` user.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path


def in_ci() -> bool:
    """CI sets CI=true; there a missing PostgreSQL fails the run instead of skipping."""
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
    stop: Callable[[], None]  # stop the server and delete its data
    # For outage tests: stop the server keeping its data (pg_ctl stop -m fast), start it again
    # on the same data dir and port.
    halt: Callable[[], None] | None = None
    resume: Callable[[], None] | None = None


def start_pg() -> PgServer | str:
    """Start a throwaway PostgreSQL; a string says why it could not."""
    bindir = _find_pg_bin()
    if bindir is None:
        return "no PostgreSQL binaries (install Debian's postgresql, or set TEST_DATABASE_URL)"
    root = os.geteuid() == 0
    prefix: list[str] = []
    workdir = Path(tempfile.mkdtemp(prefix="quizbot-pg-"))
    if root:
        # root's own PATH has the sbin folders; a trimmed one (env -i, some CI images) may not
        runuser = shutil.which("runuser", path=f"{os.environ.get('PATH', '')}:/usr/sbin:/sbin")
        if runuser is None:
            return "running as root and runuser is missing"
        try:
            import pwd

            pw = pwd.getpwnam("postgres")
        except KeyError:
            return "running as root and there is no 'postgres' user to run the server"
        os.chown(workdir, pw.pw_uid, pw.pw_gid)
        prefix = [runuser, "-u", "postgres", "--"]
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
        start = lambda: run(  # noqa: E731
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
        start()
    except subprocess.CalledProcessError as exc:
        return f"could not start PostgreSQL: {exc.stderr.strip()[-500:]}"

    def halt() -> None:
        run(str(bindir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop")

    def stop() -> None:
        subprocess.run(
            [*prefix, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
            capture_output=True,
            timeout=60,
        )
        shutil.rmtree(workdir, ignore_errors=True)

    return PgServer(f"postgresql+asyncpg://postgres@127.0.0.1:{port}/postgres", stop, halt, start)
