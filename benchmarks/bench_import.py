"""Import benchmark: how long big and hostile imports take, and how free the event loop stays.

Through AdminService.import_questions (what every import path calls), on a fresh database:
- a CSV of N questions (default 50,000) imported, then imported again (all unchanged);
- a CSV of 15,000 questions with one and the same prompt (the duplicate-prompt check that once
  rescanned the file per problem, 12 s on the event loop), refused;
- the 451-byte alias bomb as bank YAML, refused.
Meanwhile a heartbeat task ticks every 10 ms; the report gives the largest gap between ticks
during each import (the time the loop was not free) and the worker's peak resident memory.

    python benchmarks/bench_import.py [--questions 50000]
                                      [--database-url sqlite+aiosqlite:///... | postgresql+asyncpg://...]

Without --database-url it uses a fresh SQLite file in a temp dir. A benchmark, not a test.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from collections.abc import Awaitable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.core.curation.service import AdminService
from bot.core.errors import ImportRejected
from bot.core.models import PlayerRef, TeamRef
from bot.db.connect import create_engine
from bot.db.migrate import upgrade
from bot.db.repository import SqlRepository
from bot.workers import shared_pool

BOSS = PlayerRef(TeamRef("discord", "bench"), "u-boss", "boss", is_platform_admin=True)
BOMB = (
    "bank: b\n"
    + 'l0: &l0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    + "".join(f"l{i}: &l{i} [" + ",".join([f"*l{i - 1}"] * 9) + "]\n" for i in range(1, 9))
    + "questions:\n  - {*l8 : 1}\n"
)


def csv_rows(n: int, *, same_prompt: bool = False) -> bytes:
    rows = [f"{'Same?' if same_prompt else f'Question {i}?'},yes {i},no {i},A" for i in range(n)]
    return ("prompt,choice1,choice2,answer\n" + "\n".join(rows) + "\n").encode()


class Heartbeat:
    """Ticks every 10 ms; `gap` is the longest time between two ticks while it ran."""

    def __init__(self) -> None:
        self.gap = 0.0

    async def run(self) -> None:
        last = time.perf_counter()
        while True:
            await asyncio.sleep(0.01)
            now = time.perf_counter()
            self.gap = max(self.gap, now - last)
            last = now


async def measured(label: str, work: Awaitable[Any]) -> None:
    beat = Heartbeat()
    ticking = asyncio.create_task(beat.run())
    await asyncio.sleep(0.05)
    started = time.perf_counter()
    try:
        result = await work
        outcome = result.summary()
    except ImportRejected as exc:
        outcome = f"refused, {len(exc.problems)} problem(s): {exc.problems[0]}"
    elapsed = time.perf_counter() - started
    ticking.cancel()
    print(f"{label}: {elapsed:.2f} s, largest event-loop gap {beat.gap * 1000:.0f} ms")
    print(f"    {outcome[:160]}")


async def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--questions", type=int, default=50_000)
    p.add_argument("--database-url", default=None)
    args = p.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = args.database_url or f"sqlite+aiosqlite:///{tmp}/bench.db"
        engine = create_engine(url)
        await upgrade(engine)
        admin = AdminService(SqlRepository(engine), worker=shared_pool())
        await admin.require_admin(BOSS)  # the team exists before the clock starts
        await shared_pool().run(len, "")  # and the worker is up
        big = csv_rows(args.questions)
        print(f"database {engine.dialect.name}; {len(big):,} bytes of CSV")
        await measured(
            f"import {args.questions:,}", admin.import_questions(BOSS, big, filename="big.csv")
        )
        await measured("again, unchanged", admin.import_questions(BOSS, big, filename="big.csv"))
        dupes = csv_rows(15_000, same_prompt=True)
        await measured(
            "15,000 duplicate prompts", admin.import_questions(BOSS, dupes, filename="dupes.csv")
        )
        await measured(
            "the 451-byte bomb", admin.import_questions(BOSS, BOMB.encode(), filename="b.yaml")
        )
        print(f"worker peak resident memory: {shared_pool().peak_rss / 2**20:.0f} MiB")
        await engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
