"""Answer-path benchmark: many concurrent channels and players against PostgreSQL.

Prints answers recorded per second, p50/p99 latency of `QuizEngine.answer`, the mean batch the
engine wrote per transaction, and, in the same run, PostgreSQL's own ceiling on this machine for a
comparable one-row-insert transaction (pgbench with a custom script, the best of several client
counts) as a ratio.

    python benchmarks/bench_answers.py [--channels 300] [--players 50] [--questions 1]
                                       [--concurrency 200 | --rate N | --rate-of-pgbench F]
                                       [--processes 1]
                                       [--database-url postgresql+asyncpg://...]
                                       [--profile DIR]

Without --database-url (or BENCH_DATABASE_URL) it starts a throwaway PostgreSQL from the system's
binaries. This is a benchmark, not a test: figures depend on the machine and its load.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import multiprocessing
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict, deque
from collections.abc import Awaitable, Callable, Coroutine, Iterable, Iterator
from pathlib import Path
from queue import Empty
from typing import Any, TypeVar

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import text
from sqlalchemy.engine import make_url

from benchmarks import round_trips
from benchmarks.harness import cpu_times
from benchmarks.phases import Phases
from bot.adapters.heap import settle_heap
from bot.cli.run import loop_factory
from bot.core.models import ChannelRef, PlayerRef, TeamRef
from bot.core.play.service import QuizEngine
from bot.core.views import QuestionCard
from bot.db.banks import load_bank
from bot.db.connect import create_engine
from bot.db.migrate import upgrade
from bot.db.repository import SqlRepository
from bot.runtime import warm_to_serve
from questions.bank import Bank, BankQuestion

Result = TypeVar("Result")


class CardMessenger:
    """Posts go nowhere; each question card is shown to its channel's players (`on_card`)."""

    def __init__(self) -> None:
        self.on_card: Callable[[QuestionCard], None] = lambda card: None

    async def post(self, channel: object, view: object) -> str | None:
        if isinstance(view, QuestionCard):
            self.on_card(view)
        return "m"

    async def update(self, channel: object, ref: str, view: object) -> None:
        return None


Click = tuple[int, PlayerRef, int]  # round question, player, choice


class Players:
    """Clicks arrive as players make them and become tasks only then, one task per click as
    the adapters spawn one per gateway event or HTTP request. The clicks of a shown card that
    have not arrived yet wait as plain tuples, i.e. still on the platform's side: creating a
    run's 15,000 click tasks up front (as this driver once did) stalled the loop that times the
    answers for 0.65 s and charged the driver's scheduling to the bot's CPU.

    Closed loop (`slots`): a click arrives whenever one of `slots` in flight finishes, so the
    bot is always saturated; the rate is the most it can take, and the latency is mostly the
    queue the driver keeps full (Little's law: `slots` / rate). Open loop (`rate`): clicks
    arrive at random (Poisson) times at `rate` per second whatever the bot's speed, as
    independent players do; a bot that keeps up answers each in its own service time, one
    that does not shows a growing latency."""

    def __init__(
        self,
        click: Callable[[int, PlayerRef, int, float], Awaitable[None]],
        *,
        slots: int | None = None,
        rate: float | None = None,
        seed: int = 1,
    ) -> None:
        assert (slots is None) != (rate is None), "closed loop (slots) or open loop (rate)"
        self._free = slots or 0
        self._rate = rate
        self._click = click
        self._rng = random.Random(seed)
        self._waiting: deque[Click] = deque()
        self._shown = asyncio.Event()
        self._running: set[asyncio.Task[None]] = set()
        self.done = 0
        self.failure: BaseException | None = None
        self.changed = asyncio.Event()

    def arrive(self, clicks: Iterable[Click]) -> None:
        """A card is shown: its players' clicks are to come."""
        self._waiting.extend(clicks)
        self._shown.set()
        while self._rate is None and self._free and self._waiting:
            self._free -= 1
            self._start(self._waiting.popleft(), asyncio.get_running_loop().time())

    async def pace(self) -> None:
        """Open loop: release the waiting clicks at Poisson arrival times; when no card is
        shown (every channel waits for its next question) the next arrival waits for one."""
        assert self._rate is not None
        loop = asyncio.get_running_loop()
        due = loop.time()
        while True:
            if not self._waiting:
                self._shown.clear()
                await self._shown.wait()
                due = max(due, loop.time())
            now = loop.time()
            while due <= now and self._waiting:
                self._start(self._waiting.popleft(), due)  # its latency counts from `due`
                due += self._rng.expovariate(self._rate)
            await asyncio.sleep(max(0.0, due - loop.time()))

    def _start(self, click: Click, arrived: float) -> None:
        task = asyncio.get_running_loop().create_task(self._click(*click, arrived))
        self._running.add(task)
        task.add_done_callback(self._finished)

    def _finished(self, task: asyncio.Task[None]) -> None:
        self._running.discard(task)
        self.done += 1
        if not task.cancelled() and task.exception() is not None and self.failure is None:
            self.failure = task.exception()
        if self._rate is None:
            if self._waiting:  # the slot goes to the next click waiting
                self._start(self._waiting.popleft(), asyncio.get_running_loop().time())
            else:
                self._free += 1
        self.changed.set()

    async def wait_for(self, total: int, stall_seconds: float = 60) -> None:
        """Until `total` clicks are done; raises a click's error, or when nothing finished
        for `stall_seconds` (a question that never closes)."""
        pacer = asyncio.create_task(self.pace()) if self._rate is not None else None
        try:
            while self.done < total and self.failure is None:
                self.changed.clear()
                await asyncio.wait_for(self.changed.wait(), stall_seconds)
        finally:
            if pacer is not None:
                pacer.cancel()
        if self.failure is not None:
            raise self.failure


def bank(n: int) -> Bank:
    return Bank(
        "bench",
        [
            BankQuestion(f"bench-{i}", "Bench", f"Question {i}?", ("a", "b", "c", "d"), i % 4)
            for i in range(n)
        ],
    )


async def prepare(url: str, args: argparse.Namespace) -> list[list[tuple[int, int]]]:
    """Migrate, load questions, start one round per channel; (round, first question) per worker.

    With --questions > 1 a question closes when every player of its channel has answered,
    which opens the next, so that run measures closing and revealing under load as well."""
    engine = create_engine(url)
    await upgrade(engine)
    repo = SqlRepository(engine)
    async with repo.unit() as u:
        await load_bank(u.session, bank(max(args.questions * 2, 10)))
    quiz = QuizEngine(repo, CardMessenger(), platform="bench")
    team = TeamRef("bench", "t1")
    rounds: list[tuple[int, int]] = []
    for c in range(args.channels):
        out = await quiz.start_round(
            ChannelRef(team, f"c{c}"),
            PlayerRef(team, "host", "host"),
            questions=args.questions,
            seconds=300,
            # Chained questions: the last player's answer closes one and opens the next.
            close_after_answers=args.players if args.questions > 1 else None,
        )
        rounds.append((out.card.round_id, out.card.round_question_id))
    await engine.dispose()
    return [rounds[i :: args.processes] for i in range(args.processes)]


async def drive(
    url: str, rounds: list[tuple[int, int]], args: argparse.Namespace
) -> tuple[list[float], float, float, int, list[float], float, dict[int, float], dict[str, int]]:
    """Every player of every channel answers every question of its round, each question as
    soon as it opens; at most `concurrency` answers in flight. Returns the latencies of
    `QuizEngine.answer` (a filling answer's includes its question's close and next card),
    the clock at start and end, the answer batches, the latencies of the ack (the answer
    written, when the adapters ack a click), the process's CPU seconds meanwhile, the CPU
    seconds of PostgreSQL's backends, and the round trips to PostgreSQL by kind of batch
    (answers, closes, card references) with the number of such batches."""
    round_trips.install()
    engine = create_engine(url, pool_size=args.concurrency)
    repo = SqlRepository(engine)
    messenger = CardMessenger()
    quiz = QuizEngine(repo, messenger, platform="bench")
    queues = {"answers": quiz.answer_queue, "closes": quiz.close_queue, "refs": quiz.card_refs}
    phases = Phases(asyncio.get_running_loop().time) if args.phases else None
    if phases is not None:
        phases.watch_pool(engine)
    for name, queue in queues.items():
        handler = queue._handler  # type: ignore[attr-defined]
        if phases is not None:
            handler = phases.wrap(name, handler)
        queue._handler = round_trips.tag(name, handler)  # type: ignore[attr-defined]
    team = TeamRef("bench", "t1")
    latencies: list[float] = []
    acks: list[float] = []

    async def one(rq: int, who: PlayerRef, choice: int, arrived: float) -> None:
        # QuizEngine.answer's two steps, timed apart from the click's arrival: the adapters
        # ack between them.
        clock = asyncio.get_running_loop().time
        times = phases.click(arrived) if phases is not None else None
        outcome = await quiz.record_answer(rq, who, choice)
        acks.append(clock() - arrived)
        if phases is not None and times is not None:
            phases.written(times, rq, who.external_id, outcome.fill_limit is not None)
        await quiz.close_if_filled(rq, outcome)
        latencies.append(clock() - arrived)
        if phases is not None and times is not None:
            phases.closed(times, rq)
        assert outcome.receipt.accepted, outcome.receipt.text

    players = Players(one, rate=args.rate) if args.rate else Players(one, slots=args.concurrency)

    def clicks(round_id: int, rq: int) -> Iterator[Click]:
        """Every player of the round answers the question `rq` once its card is shown."""
        for p in range(args.players):
            yield rq, PlayerRef(team, f"r{round_id}-p{p}", f"Player {p}"), p % 4

    messenger.on_card = lambda card: players.arrive(clicks(card.round_id, card.round_question_id))

    # Start-up as every `quizbot run` mode does it before it serves: the pool's connections
    # for the answer path opened and warmed (bot.runtime), then the heap settled.
    await warm_to_serve(engine, args.concurrency)
    settle_heap()
    round_trips.counts.clear()
    probe = phases.start() if phases is not None else None
    started, cpu = time.time(), time.process_time()
    for round_id, rq in rounds:  # the first cards, posted before the clock started
        players.arrive(clicks(round_id, rq))
    await players.wait_for(len(rounds) * args.players * args.questions)
    finished, cpu = time.time(), time.process_time() - cpu
    if phases is not None and probe is not None:
        phases.stop(probe)
        print(phases.report(), flush=True)
    trips = dict(round_trips.counts)
    trips.update({f"{name} batches": queue.batches for name, queue in queues.items()})
    backends = await backend_cpu(engine)
    await engine.dispose()
    return latencies, started, finished, quiz.answer_queue.batches, acks, cpu, backends, trips


async def backend_cpu(engine: Any) -> dict[int, float]:
    """CPU seconds of each PostgreSQL backend serving the benchmark's database, by pid (the
    server runs on this machine): the database's share of the work, which the load of other
    jobs moves far less than rates and latencies. Read before the pool closes them."""
    async with engine.connect() as conn:
        pids = (
            await conn.execute(
                text(
                    "SELECT pid FROM pg_stat_activity"
                    " WHERE datname = current_database() AND backend_type = 'client backend'"
                )
            )
        ).scalars()
        out: dict[int, float] = {}
        for pid in pids:
            with contextlib.suppress(OSError):  # not on this machine, or gone meanwhile
                out[int(pid)] = sum(cpu_times(int(pid)))
        return out


def profile(pid: int, folder: Path) -> tuple[subprocess.Popen[bytes], Path]:
    """py-spy attached to a worker (it writes its profile when the worker exits). The
    worker's set-up runs before its clock starts, so the samples are mostly the run's."""
    folder.mkdir(parents=True, exist_ok=True)
    out = folder / f"answers-{pid}.txt"
    spy = Path(sys.executable).with_name("py-spy")
    command = [str(spy), "record", "-p", str(pid), "-o", str(out), "-f", "raw", "-r", "100"]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL), out


def _worker(url: str, rounds: list[tuple[int, int]], args: argparse.Namespace, out: object) -> None:
    out.put(on_bot_loop(drive(url, rounds, args)))  # type: ignore[attr-defined]


def on_bot_loop(coro: Coroutine[Any, Any, Result]) -> Result:
    """Run `coro` on the event loop `quizbot run` serves on (uvloop's on Linux)."""
    with asyncio.Runner(loop_factory=loop_factory()) as runner:
        return runner.run(coro)


# pgbench scripts: the plain one-row insert the issue names, and one shaped like our answer
# transaction (the same statements against look-alike tables without our Python in front).
ONE_ROW_INSERT = (
    "\\set p random(1, 1000000000)\n"
    "INSERT INTO bench_answers (rq, player, choice, points) VALUES (1, :p, 1, 100)"
    " ON CONFLICT DO NOTHING;\n"
)
ANSWER_SHAPED = (
    "\\set p random(1, 1000000000)\n"
    "BEGIN;\n"
    "SELECT id, status FROM bench_questions WHERE id = 1 FOR SHARE;\n"
    "INSERT INTO bench_answers (rq, player, choice, points) VALUES (1, :p, 1, 100)"
    " ON CONFLICT DO NOTHING RETURNING id;\n"
    "INSERT INTO bench_weekly (player, week, points, answered) VALUES (:p, 1, 100, 1)"
    " ON CONFLICT (player, week) DO UPDATE SET points = bench_weekly.points + 100,"
    " answered = bench_weekly.answered + 1;\n"
    "INSERT INTO bench_total (player, points, answered) VALUES (:p, 100, 1)"
    " ON CONFLICT (player) DO UPDATE SET points = bench_total.points + 100,"
    " answered = bench_total.answered + 1;\n"
    "COMMIT;\n"
)
SETUP = (
    "CREATE TABLE IF NOT EXISTS bench_answers (id bigserial primary key, rq int, player int,"
    " choice int, points int, UNIQUE (rq, player));"
    "CREATE TABLE IF NOT EXISTS bench_questions (id int primary key, status text);"
    "INSERT INTO bench_questions VALUES (1, 'open') ON CONFLICT DO NOTHING;"
    "CREATE TABLE IF NOT EXISTS bench_weekly (player int, week int, points int, answered int,"
    " PRIMARY KEY (player, week));"
    "CREATE TABLE IF NOT EXISTS bench_total (player int primary key, points int, answered int);"
)


def pgbench_tps(url: str, clients: int, seconds: int, script_text: str) -> float | None:
    """PostgreSQL's own transaction rate for a script at the same client count."""
    exe = shutil.which("pgbench") or next(
        (str(p) for p in sorted(Path("/usr/lib/postgresql").glob("*/bin/pgbench"))), None
    )
    if exe is None:
        return None
    u = make_url(url)
    script = Path(tempfile.mkdtemp()) / "bench.sql"
    script.write_text(script_text)
    env = {**os.environ, "PGPASSWORD": u.password or ""}
    base = ["-h", u.host or "127.0.0.1", "-p", str(u.port or 5432), "-U", u.username or "postgres"]
    db = u.database or "postgres"
    psql = str(Path(exe).with_name("psql"))
    subprocess.run([psql, *base, "-d", db, "-qc", SETUP], check=True, env=env, capture_output=True)
    run = subprocess.run(
        [
            exe,
            *base,
            "-n",
            "-f",
            str(script),
            "-c",
            str(clients),
            "-j",
            "2",
            "-T",
            str(seconds),
            db,
        ],
        check=True,
        env=env,
        capture_output=True,
        text=True,
    )
    for line in run.stdout.splitlines():
        if line.startswith("tps ="):
            return float(line.split()[2])
    return None


def collect(queue: Any, procs: list[Any]) -> list[Any] | None:
    """Each worker's result; None (after saying so) when a worker died without one, instead
    of waiting for it forever."""
    results: list[Any] = []
    while len(results) < len(procs):
        try:
            results.append(queue.get(timeout=1))
        except Empty:
            failed = [p.exitcode for p in procs if p.exitcode not in (None, 0)]
            if failed:
                print(f"a benchmark worker failed (exit codes {failed})", file=sys.stderr)
                return None
    return results


PGBENCH_CLIENTS = (4, 8, 16, 32)


def best_pgbench(url: str, script_text: str) -> tuple[float | None, int]:
    """The ceiling: the best rate over a few client counts (more clients than cores only adds
    contention on a small machine, fewer leaves it idle), and the count that gave it."""
    best: tuple[float | None, int] = (None, 0)
    for clients in PGBENCH_CLIENTS:
        tps = pgbench_tps(url, clients, 5, script_text)
        if tps is not None and (best[0] is None or tps > best[0]):
            best = (tps, clients)
    return best


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--channels", type=int, default=300)
    p.add_argument("--players", type=int, default=50, help="per channel, each a different person")
    p.add_argument("--questions", type=int, default=1, help="per round, answered one after another")
    p.add_argument("--concurrency", type=int, default=200, help="answers in flight per process")
    p.add_argument("--processes", type=int, default=1, help="bot processes (replicas)")
    p.add_argument(
        "--rate",
        type=float,
        default=0.0,
        help="open loop: clicks offered per second in all (Poisson arrivals), instead of\n"
        "--concurrency clicks kept in flight",
    )
    p.add_argument(
        "--rate-of-pgbench",
        type=float,
        default=0.0,
        help="open loop at this fraction of the answer-shaped pgbench rate, measured first",
    )
    p.add_argument("--database-url", default=os.environ.get("BENCH_DATABASE_URL"))
    p.add_argument(
        "--profile", type=Path, help="folder: run py-spy on each worker, print its top frames"
    )
    p.add_argument(
        "--phases",
        action="store_true",
        help="time each click's phases and print where the slowest 1 %% spent theirs\n"
        "(the timing costs the worker CPU: read rates from runs without it)",
    )
    args = p.parse_args()

    server = None
    url = args.database_url
    if not url:
        from tests.pgserver import start_pg

        server = start_pg()
        if isinstance(server, str):
            print(f"cannot start PostgreSQL: {server}", file=sys.stderr)
            return 2
        admin = server.url
        asyncio.run(_exec(admin, "CREATE DATABASE quizbot_bench"))
        url = make_url(admin).set(database="quizbot_bench").render_as_string(hide_password=False)
    try:
        offered = ""
        if args.rate_of_pgbench:
            before, _ = best_pgbench(url, ANSWER_SHAPED)
            args.rate = args.rate_of_pgbench * (before or 0)
            offered = f"offered {args.rate_of_pgbench} x {before or 0:.0f} tps measured before; "
        if args.rate:
            offered = f"open loop: {args.rate:.0f} clicks/s offered; {offered}"
            args.rate /= args.processes  # each process gets its share of the players
        parts = asyncio.run(prepare(url, args))
        ctx = multiprocessing.get_context("spawn")
        queue = ctx.Queue()
        procs = [ctx.Process(target=_worker, args=(url, part, args, queue)) for part in parts]
        for proc in procs:
            proc.start()
        spies = [profile(proc.pid, args.profile) for proc in procs] if args.profile else []
        results = collect(queue, procs)
        if results is None:
            return 1
        for proc in procs:
            proc.join()
        for spy, out in spies:
            spy.wait(timeout=60)
            from benchmarks.harness import top_frames

            print(top_frames(out))
        latencies = [x for r in results for x in r[0]]
        batches = sum(r[3] for r in results)
        acks = statistics.quantiles([x for r in results for x in r[4]], n=100)
        cpu_ms = sum(r[5] for r in results) * 1000 / len(latencies)
        backends: dict[int, float] = {}
        for r in results:  # every worker sees every backend of the database: count each once
            for pid, seconds in r[6].items():
                backends[pid] = max(seconds, backends.get(pid, 0.0))
        pg_ms = sum(backends.values()) * 1000 / len(latencies)
        trips: dict[str, int] = defaultdict(int)
        for r in results:
            for name, n in r[7].items():
                trips[name] += n
        sent = sum(n for name, n in trips.items() if not name.endswith(" batches"))
        per_batch = ", ".join(
            f"{trips[name] / trips[name + ' batches']:.1f} per {name} batch"
            for name in ("answers", "closes", "refs")
            if trips[name + " batches"]
        )
        # From the first answer sent to the last one recorded, across processes.
        wall = max(r[2] for r in results) - min(r[1] for r in results)
        rate = len(latencies) / wall
        qs = statistics.quantiles(latencies, n=100)
        ceiling, c_clients = best_pgbench(url, ONE_ROW_INSERT)
        shaped, s_clients = best_pgbench(url, ANSWER_SHAPED)
        ratio = f"{rate / ceiling:.2f}" if ceiling else "n/a"
        shaped_ratio = f"{rate / shaped:.2f}" if shaped else "n/a"
        print(
            f"answers: {len(latencies)} in {wall:.1f}s = {rate:.0f}/s; "
            f"p50 {qs[49] * 1000:.1f} ms, p99 {qs[98] * 1000:.1f} ms; "
            f"ack (answer written) p50 {acks[49] * 1000:.1f} ms, p99 {acks[98] * 1000:.1f} ms; "
            f"{cpu_ms:.2f} ms CPU per answer (PostgreSQL's backends {pg_ms:.2f} ms); "
            f"{len(latencies) / max(batches, 1):.0f} answers per transaction; "
            f"round trips to PostgreSQL {sent / len(latencies):.3f} per answer ({per_batch}); "
            f"pgbench one-row insert {ceiling or 0:.0f} tps ({c_clients} clients), "
            f"ratio {ratio}; "
            f"pgbench answer-shaped transaction {shaped or 0:.0f} tps ({s_clients} clients), "
            f"ratio {shaped_ratio}; "
            f"{offered or f'closed loop: {args.concurrency} in flight; '}"
            f"{args.processes} process(es); "
            f"machine: {os.cpu_count()} cpu, {platform.machine()}, Python {platform.python_version()}, "
            f"load average {os.getloadavg()[0]:.2f} (1 min) {os.getloadavg()[1]:.2f} (5 min)"
        )
    finally:
        if server is not None and not isinstance(server, str):
            server.stop()
    return 0


async def _exec(url: str, sql: str) -> None:
    engine = create_engine(url)
    async with engine.connect() as conn:
        await conn.execution_options(isolation_level="AUTOCOMMIT")
        await conn.execute(text(sql))
    await engine.dispose()


if __name__ == "__main__":
    sys.exit(main())
