"""Leaderboard-read benchmark: one team, 10,000 players, 1,000,000 answers on PostgreSQL.

Loads the data with set-based SQL (INSERT ... SELECT over generate_series and a players x
questions cross join), builds scores_weekly and scores_total from the answers themselves (so the
aggregates match what the answer path would have written), then times QuizEngine.leaderboard
(week and all-time) and QuizEngine.player_stats, each call a full round trip through the engine
and a real transaction. Prints one summary line with p50/p99 in milliseconds.

    python benchmarks/bench_leaderboard.py [--players 10000] [--answers 1000000] [--repeat 500]
                                           [--database-url postgresql+asyncpg://...]

Without --database-url (or BENCH_DATABASE_URL) it starts a throwaway PostgreSQL from the system's
binaries. A benchmark, not a test: figures depend on the machine and its load.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import text
from sqlalchemy.engine import make_url

from bot.core.models import PlayerRef, TeamRef
from bot.core.play.service import QuizEngine
from bot.db.banks import load_bank
from bot.db.connect import create_engine
from bot.db.migrate import upgrade
from bot.db.repository import SqlRepository
from questions.bank import Bank, BankQuestion

TEAM = TeamRef("bench", "t1", "Bench team")
ROUND_SPACING_HOURS = 12  # one single-question round every 12 h, going back from now


class NullMessenger:
    async def post(self, channel: object, view: object) -> str | None:
        return "m"

    async def update(self, channel: object, ref: str, view: object) -> None:
        return None


LOAD_SQL = [
    # Players p1..pN of the team.
    """INSERT INTO players (team_id, external_id, display_name, created_at)
       SELECT :team, 'p' || g, 'Player ' || g, now() FROM generate_series(1, :players) g""",
    """INSERT INTO channels (team_id, external_id, name, created_at)
       VALUES (:team, 'c1', 'quiz', now())""",
    # One finished round with one closed question per step, going back in time.
    """INSERT INTO rounds (team_id, channel_id, status, num_questions, seconds, started_at,
                          ended_at)
       SELECT :team, (SELECT id FROM channels WHERE team_id = :team), 'finished', 1, 20,
              now() - make_interval(hours => :spacing * g),
              now() - make_interval(hours => :spacing * g) + interval '20 seconds'
       FROM generate_series(0, :rounds - 1) g""",
    """INSERT INTO round_questions (round_id, ordinal, question_id, prompt, choices, answer,
                                   choice_order, status, opens_at, closes_at, closed_at)
       SELECT r.id, 1, q.id, q.prompt, q.choices, q.answer, '[0, 1, 2, 3]', 'closed',
              r.started_at, r.started_at + interval '20 seconds',
              r.started_at + interval '20 seconds'
       FROM (SELECT id, started_at, row_number() OVER (ORDER BY id) AS n
             FROM rounds WHERE team_id = :team) r
       JOIN (SELECT id, prompt, choices, answer, row_number() OVER (ORDER BY id) AS n
             FROM questions) q
         ON q.n = 1 + (r.n - 1) % (SELECT count(*) FROM questions)""",
    # Every player answers every question: about 60 % right, points as the scorer would give.
    """INSERT INTO answers (round_question_id, player_id, choice, correct, points, latency_ms,
                           answered_at)
       SELECT rq.id, p.id, h % 4, h % 100 < 60,
              CASE WHEN h % 100 < 60 THEN 100 + (h / 100) % 51 ELSE 0 END,
              500 + (h / 7) % 19000,
              rq.opens_at + make_interval(secs => 0.5 + ((h / 7) % 19000) / 1000.0)
       FROM round_questions rq
       CROSS JOIN players p
       CROSS JOIN LATERAL (SELECT abs(hashint8(p.id * 1000003 + rq.id)::bigint) AS h) x
       WHERE p.team_id = :team""",
    # Aggregates derived from the answers: what the answer path upserts one answer at a time.
    """INSERT INTO scores_weekly (team_id, player_id, week_start, points, correct, answered)
       SELECT :team, a.player_id, date_trunc('week', a.answered_at AT TIME ZONE 'UTC')::date,
              sum(a.points), count(*) FILTER (WHERE a.correct), count(*)
       FROM answers a GROUP BY 2, 3""",
    """WITH ordered AS (
         SELECT player_id, correct,
                row_number() OVER (PARTITION BY player_id ORDER BY answered_at, id) AS n,
                row_number() OVER (PARTITION BY player_id, correct ORDER BY answered_at, id) AS k
         FROM answers),
       best AS (
         SELECT player_id, max(len) AS best FROM (
           SELECT player_id, count(*) AS len FROM ordered WHERE correct
           GROUP BY player_id, n - k) runs
         GROUP BY player_id),
       last_wrong AS (
         SELECT player_id, max(n) FILTER (WHERE NOT correct) AS n, max(n) AS total
         FROM ordered GROUP BY player_id),
       sums AS (
         SELECT player_id, sum(points) AS points, count(*) FILTER (WHERE correct) AS correct,
                count(*) AS answered
         FROM answers GROUP BY player_id)
       INSERT INTO scores_total (team_id, player_id, points, correct, answered, streak,
                                 best_streak)
       SELECT :team, s.player_id, s.points, s.correct, s.answered,
              lw.total - coalesce(lw.n, 0), coalesce(b.best, 0)
       FROM sums s JOIN last_wrong lw USING (player_id) LEFT JOIN best b USING (player_id)""",
]


async def load(url: str, players: int, answers: int) -> tuple[int, float]:
    engine = create_engine(url, timeout=600)  # bulk statements outlast the 30 s command timeout
    await upgrade(engine)
    repo = SqlRepository(engine)
    rounds = max(1, answers // players)
    async with repo.unit() as u:
        await load_bank(
            u.session,
            Bank(
                "bench",
                [
                    BankQuestion(f"bench-{i}", "Bench", f"Question {i}?", ("a", "b", "c", "d"), 0)
                    for i in range(100)
                ],
            ),
        )
        team_id = await u.teams.ensure_team(TEAM)
    started = time.perf_counter()
    params = {"team": team_id, "players": players, "rounds": rounds, "spacing": ROUND_SPACING_HOURS}
    async with engine.begin() as conn:
        for sql in LOAD_SQL:
            await conn.execute(text(sql), params)
    async with engine.connect() as conn:
        await conn.execution_options(isolation_level="AUTOCOMMIT")
        await conn.execute(text("VACUUM ANALYZE"))
        total = (await conn.execute(text("SELECT count(*) FROM answers"))).scalar_one()
        check = (
            await conn.execute(
                text(
                    "SELECT (SELECT sum(points) FROM answers) = (SELECT sum(points) FROM"
                    " scores_total) AND (SELECT sum(answered) FROM scores_weekly) ="
                    " (SELECT count(*) FROM answers)"
                )
            )
        ).scalar_one()
    assert check, "aggregates do not match the answers"
    await engine.dispose()
    return int(total), time.perf_counter() - started


async def measure(url: str, players: int, repeat: int) -> dict[str, list[float]]:
    engine = create_engine(url)
    quiz = QuizEngine(SqlRepository(engine), NullMessenger(), platform="bench")
    rng = random.Random(7)
    timings: dict[str, list[float]] = {"week": [], "all": [], "stats": []}
    for _ in range(20):  # warm the pool, the caches and the plans
        await quiz.leaderboard(TEAM, "week")
        await quiz.leaderboard(TEAM, "all")
    for _ in range(repeat):
        for period in ("week", "all"):
            start = time.perf_counter()
            view = await quiz.leaderboard(TEAM, period)
            timings[period].append(time.perf_counter() - start)
            assert len(view.entries) == 10
        g = rng.randint(1, players)
        start = time.perf_counter()
        stats = await quiz.player_stats(PlayerRef(TEAM, f"p{g}", f"Player {g}"))
        timings["stats"].append(time.perf_counter() - start)
        assert stats.answered > 0 and stats.all_rank is not None
    await engine.dispose()
    return timings


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


async def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--players", type=int, default=10_000)
    p.add_argument("--answers", type=int, default=1_000_000)
    p.add_argument("--repeat", type=int, default=500)
    p.add_argument("--database-url", default=os.environ.get("BENCH_DATABASE_URL"))
    args = p.parse_args()

    server = None
    admin = args.database_url
    if admin is None:
        from tests.pgserver import start_pg

        server = start_pg()
        if isinstance(server, str):
            print(f"error: {server}", file=sys.stderr)
            return 2
        admin = server.url
    name = f"bench_lb_{os.getpid()}"
    eng = create_engine(admin)
    async with eng.connect() as conn:
        await conn.execution_options(isolation_level="AUTOCOMMIT")
        await conn.execute(text(f"CREATE DATABASE {name}"))
    url = make_url(admin).set(database=name).render_as_string(hide_password=False)
    try:
        total, load_s = await load(url, args.players, args.answers)
        t = await measure(url, args.players, args.repeat)
    finally:
        try:
            async with eng.connect() as conn:
                await conn.execution_options(isolation_level="AUTOCOMMIT")
                await conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
            await eng.dispose()
        finally:
            if server is not None:
                server.stop()
    print(
        f"leaderboard: {total:,} answers, {args.players:,} players, {args.repeat} calls each "
        f"(load {load_s:.0f} s): "
        f"week p50 {pct(t['week'], 0.5):.2f} ms p99 {pct(t['week'], 0.99):.2f} ms; "
        f"all-time p50 {pct(t['all'], 0.5):.2f} ms p99 {pct(t['all'], 0.99):.2f} ms; "
        f"player_stats p50 {pct(t['stats'], 0.5):.2f} ms p99 {pct(t['stats'], 0.99):.2f} ms; "
        f"mean of all {statistics.fmean(t['week'] + t['all'] + t['stats']) * 1000:.2f} ms "
        f"[{os.cpu_count()} cpu]"
    )
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
