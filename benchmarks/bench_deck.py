"""Deck benchmark: a deck made from ~1 MB of notes through DeckService (what chat and the CLI
call), on a fresh database: the whole call, the worker's part (generation in its process), the
largest event-loop gap meanwhile (a 10 ms heartbeat) and the worker's peak resident memory;
then the same notes regenerated (every question unchanged).

    python benchmarks/bench_deck.py [--bytes 1000000]
                                    [--database-url sqlite+aiosqlite:///... | postgresql+asyncpg://...]

Without --database-url it uses a fresh SQLite file in a temp dir. A benchmark, not a test.
"""

from __future__ import annotations

import argparse
import asyncio
import re
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks.bench_import import Heartbeat  # noqa: E402
from bot.core.decks.service import DeckService  # noqa: E402
from bot.core.models import PlayerRef, TeamRef  # noqa: E402
from bot.db.connect import create_engine  # noqa: E402
from bot.db.migrate import upgrade  # noqa: E402
from bot.db.repository import SqlRepository  # noqa: E402
from bot.workers import GENERATE_SECONDS, generation_pool  # noqa: E402

BOSS = PlayerRef(TeamRef("discord", "bench"), "u-boss", "boss", is_platform_admin=True)
NOTES = REPO / "questions/notes/aws-developer-associate.md"


def big_notes(size: int) -> str:
    """The shipped notes repeated until `size` bytes, every heading renamed per copy."""
    text = NOTES.read_text(encoding="utf-8")
    parts: list[str] = []
    total, n = 0, 0
    while total < size:
        n += 1
        parts.append(re.sub(r"^(#+\s+)(.*)$", rf"\g<1>\g<2> (copy {n})", text, flags=re.M))
        total += len(parts[-1].encode("utf-8"))
    return "\n".join(parts)


class TimedWorker:
    """The real worker, timing each job."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.seconds = 0.0

    async def run(self, fn: Any, *args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return await self.inner.run(fn, *args, **kwargs)
        finally:
            self.seconds = time.perf_counter() - started


async def measured(label: str, work: Any, worker: TimedWorker) -> None:
    beat = Heartbeat()
    ticking = asyncio.create_task(beat.run())
    await asyncio.sleep(0.05)
    started = time.perf_counter()
    report = await work
    elapsed = time.perf_counter() - started
    ticking.cancel()
    print(
        f"{label}: {elapsed:.2f} s in all, {worker.seconds:.2f} s in the worker, largest "
        f"event-loop gap {beat.gap * 1000:.0f} ms; {report.plan.summary()}"
    )


async def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--bytes", type=int, default=1_000_000)
    p.add_argument("--database-url", default=None)
    args = p.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = args.database_url or f"sqlite+aiosqlite:///{tmp}/bench.db"
        engine = create_engine(url)
        await upgrade(engine)
        worker = TimedWorker(generation_pool())
        decks = DeckService(SqlRepository(engine), worker=worker)
        await decks.require_admin(BOSS)  # the team exists before the clock starts
        await generation_pool().run(len, "")  # and the worker is up
        data = big_notes(args.bytes).encode()
        print(f"database {engine.dialect.name}; {len(data):,} bytes of notes")
        print(f"job time limit {GENERATE_SECONDS:g} s")
        await measured("create", decks.create_from_notes(BOSS, "big", data, "big.md"), worker)
        await measured("regenerate", decks.regenerate(BOSS, "big", data, "big.md"), worker)
        print(f"worker peak resident memory: {generation_pool().peak_rss / 2**20:.0f} MiB")
        await engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
