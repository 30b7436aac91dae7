"""A leaderboard's top N is read off its index in board order: a round summary's week top
and /leaderboard stay a few rows' work however many players a team has (with 15,000 in a
team, sorting them all took 50-500 ms of each summary's transaction)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import text

from bot.db.play import all_time_top, week_top
from bot.db.repository import SqlRepository


async def plan(repo: SqlRepository, stmt: object) -> str:
    """The database's plan for `stmt`, with sorting made as dear as the planner allows, so a
    plan sorts only when no index gives the order."""
    conn = repo.bind
    dialect = conn.dialect  # type: ignore[union-attr]
    sql = str(stmt.compile(dialect=dialect, compile_kwargs={"literal_binds": True}))  # type: ignore[attr-defined]
    if dialect.name == "postgresql":
        await conn.execute(text("SET LOCAL enable_sort = off"))  # type: ignore[union-attr]
        rows = await conn.execute(text("EXPLAIN " + sql))  # type: ignore[union-attr]
    else:
        rows = await conn.execute(text("EXPLAIN QUERY PLAN " + sql))  # type: ignore[union-attr]
    return "\n".join(str(r[-1]) for r in rows)


async def test_the_weeks_top_five_is_read_in_index_order_without_a_sort(repo):
    shown = await plan(repo, week_top(1, date(2026, 11, 30), 5))
    assert "ix_scores_weekly_board" in shown, shown
    assert "Sort" not in shown and "TEMP B-TREE" not in shown, shown


async def test_the_all_time_top_is_read_in_index_order_without_a_sort(repo):
    shown = await plan(repo, all_time_top(1, 10))
    assert "ix_scores_total_board" in shown, shown
    assert "Sort" not in shown and "TEMP B-TREE" not in shown, shown
