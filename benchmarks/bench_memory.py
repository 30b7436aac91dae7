"""Memory benchmark: resident size of one bot process holding 1,000 running rounds.

One QuizEngine (through build_service, as an adapter builds it) with its DueLoop running in the
background, starts a round in each of N channels (each by its own player, a few answers each),
then runs due passes. Round state lives in the database, so what the process holds per round is
only caches (ids, names); the figure shows it. Reads VmRSS from /proc/self/status (Linux).

    python benchmarks/bench_memory.py [--rounds 1000] [--answers-per-round 3]
                                      [--database-url sqlite+aiosqlite:///... | postgresql+asyncpg://...]

Without --database-url it uses a fresh SQLite file in a temp dir. A benchmark, not a test.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import text

from bot.core.due import DueLoop
from bot.core.models import ChannelRef, PlayerRef, TeamRef
from bot.db.banks import load_bank
from bot.db.connect import create_engine
from bot.db.migrate import upgrade
from bot.db.repository import SqlRepository
from bot.service import build_service
from questions.bank import Bank, BankQuestion


class NullMessenger:
    """The platform edge: accepts every post, like a chat API that returns a message id."""

    def __init__(self) -> None:
        self.sent = 0

    async def post(self, channel: object, view: object) -> str | None:
        self.sent += 1
        return f"m{self.sent}"

    async def update(self, channel: object, ref: str, view: object) -> None:
        return None


def rss_bytes() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    raise RuntimeError("no VmRSS in /proc/self/status (Linux only)")


async def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--rounds", type=int, default=1000)
    p.add_argument("--answers-per-round", type=int, default=3)
    p.add_argument("--database-url", default=os.environ.get("BENCH_DATABASE_URL"))
    args = p.parse_args()
    url = args.database_url or f"sqlite+aiosqlite:///{tempfile.mkdtemp()}/bench_memory.db"

    engine = create_engine(url)
    await upgrade(engine)
    repo = SqlRepository(engine)
    async with repo.unit() as u:
        await load_bank(
            u.session,
            Bank(
                "bench",
                [
                    BankQuestion(f"mem-{i}", "Bench", f"Question {i}?", ("a", "b", "c", "d"), 0)
                    for i in range(50)
                ],
            ),
        )
    service = build_service(repo, NullMessenger(), "bench")
    loop = DueLoop(service.due_step, poll_seconds=0.5)
    service.engine.on_schedule = loop.poke
    task = asyncio.create_task(loop.run())
    team = TeamRef("bench", "t1", "Bench")
    # Warm every code path once so the baseline includes imports, compiled statements, pools.
    warm = await service.engine.start_round(
        ChannelRef(team, "warm"), PlayerRef(team, "warm", "Warm"), questions=5, seconds=300
    )
    await service.engine.answer(warm.card.round_question_id, PlayerRef(team, "w2", "W2"), 0)
    await service.due_step()
    gc.collect()
    before = rss_bytes()

    for r in range(args.rounds):
        channel = ChannelRef(team, f"c{r}", f"quiz-{r}")
        out = await service.engine.start_round(
            channel, PlayerRef(team, f"host{r}", f"Host {r}"), questions=5, seconds=300
        )
        for a in range(args.answers_per_round):
            who = PlayerRef(team, f"p{r}-{a}", f"Player {r}-{a}")
            receipt = await service.engine.answer(out.card.round_question_id, who, a % 4)
            assert receipt.accepted, receipt.text
    for _ in range(3):
        await service.due_step()
    gc.collect()
    after = rss_bytes()
    async with repo.unit() as u:
        running = (
            await u.session.execute(text("SELECT count(*) FROM rounds WHERE status = 'running'"))
        ).scalar_one()
    loop.stop()
    await task
    await engine.dispose()
    per_round = (after - before) / max(args.rounds, 1)
    print(
        f"memory: {running} running rounds ({args.answers_per_round} answers each) on "
        f"{engine.dialect.name}: RSS before {before / 2**20:.1f} MiB, after {after / 2**20:.1f} MiB, "
        f"+{(after - before) / 2**20:.1f} MiB = {per_round:,.0f} bytes per round"
    )
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
