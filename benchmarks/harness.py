"""What the adapter benchmarks share: a throwaway PostgreSQL, the bot in a process of its own
(so its CPU can be read from /proc), percentiles, and the core-only answer figure measured in
the same run for comparison.

Benchmarks, not tests: figures depend on the machine and its load, which each one prints.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import multiprocessing
import os
import platform
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from queue import Empty
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy.engine import make_url

from bot.db.banks import load_bank
from bot.db.connect import create_engine
from bot.db.migrate import upgrade
from bot.db.repository import SqlRepository

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def database(url: str | None, name: str) -> Iterator[str]:
    """`url`, or a new database `name` on a throwaway PostgreSQL stopped on exit."""
    if url:
        yield url
        return
    from benchmarks.bench_answers import _exec
    from tests.pgserver import start_pg

    server = start_pg()
    if isinstance(server, str):
        raise SystemExit(f"cannot start PostgreSQL: {server}")
    try:
        asyncio.run(_exec(server.url, f"CREATE DATABASE {name}"))
        yield make_url(server.url).set(database=name).render_as_string(hide_password=False)
    finally:
        server.stop()


async def prepare_schema(url: str, questions: int = 20) -> None:
    """Migrate and load a small bank, as `quizbot db upgrade` and an import would."""
    from benchmarks.bench_answers import bank

    engine = create_engine(url)
    await upgrade(engine)
    async with SqlRepository(engine).unit() as u:
        await load_bank(u.session, bank(questions))
    await engine.dispose()


def cpu_times(pid: int) -> tuple[float, float]:
    """User and system CPU seconds a process has used since it started (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    tick = os.sysconf("SC_CLK_TCK")
    return int(fields[11]) / tick, int(fields[12]) / tick


def cpu_seconds(pid: int) -> float:
    """User + system CPU a process has used since it started."""
    return sum(cpu_times(pid))


def quantiles_ms(samples: Sequence[float]) -> tuple[float, float, float]:
    """p50, p95, p99 of latencies in seconds, in milliseconds."""
    if len(samples) < 2:
        one = (samples[0] if samples else 0.0) * 1000
        return one, one, one
    q = statistics.quantiles(samples, n=100)
    return q[49] * 1000, q[94] * 1000, q[98] * 1000


def machine() -> str:
    one, five, _ = os.getloadavg()
    return (
        f"machine: {os.cpu_count()} cpu, {platform.machine()}, Python "
        f"{platform.python_version()}, load average {one:.2f} (1 min) {five:.2f} (5 min)"
    )


def bot_env(url: str, home: Path, **extra: str) -> dict[str, str]:
    """The bot's environment: this one without platform settings, plus `extra`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "DISCORD_"))}
    # Byte-code cached as in the image (pip compiles what it installs): a start-up that
    # compiles every module is not what a deployed bot pays.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.update(
        {
            "DATABASE_URL": url,
            "LOG_LEVEL": "WARNING",
            "HOME": str(home),
            "PYTHONPATH": str(ROOT),
            "DB_POOL_SIZE": "20",
        }
    )
    env.update(extra)
    return env


@dataclass
class BotProcess:
    """`quizbot run ...` in a process of its own, optionally under py-spy."""

    proc: subprocess.Popen[bytes]
    log: Path
    profile: Path | None = None

    @classmethod
    def start(
        cls, argv: list[str], env: dict[str, str], workdir: Path, *, profile: Path | None = None
    ) -> BotProcess:
        log = workdir / f"bot-{len(list(workdir.glob('bot-*.log')))}.log"
        command = [sys.executable, "-m", "bot.cli", *argv]
        if profile is not None:
            profile.parent.mkdir(parents=True, exist_ok=True)  # py-spy writes no folder itself
            spy = Path(sys.executable).with_name("py-spy")
            command = [
                str(spy),
                "record",
                "-o",
                str(profile),
                "-f",
                "raw",
                "-r",
                "250",
                "--",
                *command,
            ]
        with log.open("w") as out:
            proc = subprocess.Popen(
                command, env=env, cwd=workdir, stdout=out, stderr=subprocess.STDOUT
            )
        return cls(proc, log, profile)

    @property
    def pid(self) -> int:
        """The bot's own pid (under py-spy, its child)."""
        if self.profile is None:
            return self.proc.pid
        children = Path(f"/proc/{self.proc.pid}/task/{self.proc.pid}/children")
        for _ in range(200):
            found = children.read_text().split()
            if found:
                return int(found[0])
            time.sleep(0.05)
        raise RuntimeError("py-spy did not start the bot")

    async def wait_healthy(self, url: str, timeout: float = 60) -> None:
        import aiohttp

        deadline = time.monotonic() + timeout
        async with aiohttp.ClientSession() as http:
            while True:
                if self.proc.poll() is not None:
                    raise RuntimeError(f"the bot exited:\n{self.log.read_text()[-3000:]}")
                try:
                    async with http.get(url) as resp:
                        if resp.status == 200:
                            return
                except aiohttp.ClientError:
                    pass
                if time.monotonic() > deadline:
                    raise RuntimeError(f"the bot did not start:\n{self.log.read_text()[-3000:]}")
                await asyncio.sleep(0.05)

    def stop(self) -> None:
        """SIGTERM (a graceful shutdown, which also lets py-spy write its profile)."""
        if self.proc.poll() is None:
            if self.profile is not None:
                os.kill(self.pid, 15)
            else:
                self.proc.terminate()
        try:
            self.proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def log_summary(log: Path, n: int = 5) -> str:
    """The bot's warnings and errors, counted by message (numbers blanked so that one kind of
    line counts once): what went wrong during a run, in a few lines."""
    import re

    counts: dict[str, int] = {}
    for line in log.read_text(errors="replace").splitlines():
        if " WARNING " in line or " ERROR " in line or " CRITICAL " in line:
            key = re.sub(r"reference \w+|\d+", "N", line.split(" ", 3)[-1])[:200]
            counts[key] = counts.get(key, 0) + 1
    if not counts:
        return "bot log: no warnings or errors"
    rows = sorted(counts.items(), key=lambda kv: -kv[1])[:n]
    return "bot log:\n" + "\n".join(f"  {c} x {k}" for k, c in rows)


def top_frames(profile: Path, n: int = 12) -> str:
    """Where py-spy saw the bot on CPU (from its raw, collapsed-stack output): the functions
    with the most self time, and our own functions (bot/) with the most inclusive time, each
    counted once per stack: where a click's CPU goes, below the event loop's frames."""
    own: dict[str, int] = {}
    inclusive: dict[str, int] = {}
    total = 0
    for line in profile.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        if not count.isdigit():
            continue
        samples = int(count)
        total += samples
        raw = stack.split(";")[1:]
        if not raw:
            continue
        frames = [_frame_name(f) for f in raw]
        own[frames[-1]] = own.get(frames[-1], 0) + samples
        for frame in {_frame_name(f) for f in raw if _frame_path(f).startswith("bot/")}:
            if not frame.startswith(("<module>", "main", "run", "cmd_")):  # start-up, the loop
                inclusive[frame] = inclusive.get(frame, 0) + samples

    def table(counts: dict[str, int]) -> str:
        rows = sorted(counts.items(), key=lambda kv: -kv[1])[:n]
        return "\n".join(f"  {c / max(total, 1) * 100:5.1f}%  {frame}" for frame, c in rows)

    return f"self time:\n{table(own)}\nour functions, inclusive time:\n{table(inclusive)}"


def _frame_path(frame: str) -> str:
    return frame.rsplit(" (", 1)[-1].split(":")[0]


def _frame_name(frame: str) -> str:
    """`function (file.py)` from py-spy's `function (path/file.py:line)`."""
    return f"{frame.rsplit(' (', 1)[0]} ({_frame_path(frame).rsplit('/', 1)[-1]})"


def core_only(url: str, channels: int, players: int, concurrency: int) -> dict[str, float]:
    """The same clicks through `QuizEngine.answer` alone (no adapter, no platform), in a
    process of its own: answers/s, p99 and CPU per answer, for comparison in the same run."""
    ctx = multiprocessing.get_context("spawn")
    queue = ctx.Queue()
    proc = ctx.Process(target=_core_worker, args=(url, channels, players, concurrency, queue))
    proc.start()
    deadline = time.monotonic() + 600
    while True:  # a worker that died says so now, not after the whole timeout
        try:
            result: dict[str, float] = queue.get(timeout=1)
            break
        except Empty:
            if not proc.is_alive() or time.monotonic() > deadline:
                raise SystemExit(
                    f"core-only worker ended without a result (exit {proc.exitcode})"
                ) from None
    proc.join()
    return result


def _core_worker(url: str, channels: int, players: int, concurrency: int, out: Any) -> None:
    from benchmarks import bench_answers

    args = argparse.Namespace(
        channels=channels,
        players=players,
        questions=1,
        concurrency=concurrency,
        processes=1,
        rate=0.0,
        phases=False,
    )
    parts = asyncio.run(bench_answers.prepare(url, args))
    cpu = time.process_time()
    latencies, started, finished, *_ = bench_answers.on_bot_loop(
        bench_answers.drive(url, parts[0], args)
    )
    cpu = time.process_time() - cpu
    out.put(
        {
            "rate": len(latencies) / (finished - started),
            "p99": quantiles_ms(latencies)[2],
            "cpu_ms": cpu * 1000 / max(len(latencies), 1),
        }
    )


def core_line(core: dict[str, float]) -> str:
    return (
        f"core only (QuizEngine.answer, same clicks, same database): {core['rate']:.0f} answers/s, "
        f"p99 {core['p99']:.0f} ms, {core['cpu_ms']:.2f} ms CPU per answer"
    )
