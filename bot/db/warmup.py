"""Warming the pool before a bot serves: its first clicks must not pay for cold connections.

A new PostgreSQL connection's first statements cost far more than its later ones: the server
process loads the catalog entries of every table a statement touches and plans it, and asyncpg
prepares it (a round trip of its own) and learns its types. Measured in
benchmarks/bench_answers.py --phases, a new process's first answer batches took 217-545 ms where
later ones of the same size took 50-90 ms, and every click in flight waited for them. So a bot
opens the connections its answer and close path use at once before it serves, and runs each of
that path's statements on each of them once, with empty arrays: nothing is read or written, in a
transaction that is rolled back anyway, so warming up never changes the database.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from contextlib import AsyncExitStack
from typing import Any

from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession

from bot.core.weeks import utcnow
from bot.db import hot_statements as hot
from bot.db.dialect import POSTGRESQL
from bot.db.play import summary_reads_pg
from bot.db.teams import channel_id_of, team_id_of

log = logging.getLogger(__name__)

Statement = tuple[Any, dict[str, Any] | list[dict[str, Any]]]


def answer_path(dialect: str) -> list[Statement]:
    """The statements a batch of clicks and a batch of closes run on `dialect`, each with
    parameters that match no row (empty arrays; id 0, which no row has)."""
    none: list[Any] = []
    if dialect != POSTGRESQL:
        # SQLite has no connection to warm; its statements are compiled once for the engine.
        return [
            (hot.answer_contexts(dialect), {"ids": none}),
            (hot.round_results(dialect), {"round_ids": none, "player_ids": none}),
            (hot.study_memories(dialect), {"player_ids": none, "question_ids": none}),
            (hot.players_by_external_ids(dialect), {"team_id": 0, "external_ids": none}),
            (hot.open_among(dialect), {"ids": none}),
            (hot.answer_counts(dialect), {"ids": none}),
            (hot.channel_refs(dialect), {"ids": none}),
            (hot.question_places(dialect), {"ids": none}),
        ]
    return [
        # a batch of clicks: its new players, its reads, its write
        (
            hot.UPSERT_PLAYERS_PG,
            {"team_id": 0, "external_ids": none, "names": none, "created_at": utcnow()},
        ),
        (hot.players_by_external_ids(dialect), {"team_id": 0, "external_ids": none}),
        (hot.ANSWER_READS_PG, {"rq_ids": none, "player_ids": none, "question_ids": none}),
        (hot.WRITE_ANSWERS_PG, {name: none for name in _WRITE_ARRAYS}),
        # a batch of closes: the transitions, the reveals and next cards, the summaries
        (hot.ADVANCE_PG, {name: none for name in _ADVANCE_ARRAYS}),
        (hot.REVEAL_READS_PG, {"rq_ids": none, "question_ids": none}),
        (summary_reads_pg(), {"round_ids": none, "team_ids": none, "weeks": none, "top": 1}),
        (hot.channel_refs(dialect), {"ids": none}),
        (hot.question_places(dialect), {"ids": none}),
        # posted cards' references, as the card queue writes them (an executemany)
        (hot.set_message_ref(dialect), [{"rq_id": 0, "ref": ""}]),
    ]


_WRITE_ARRAYS = (
    "asked", "rq_ids", "team_ids", "player_ids", "choices", "corrects", "points", "latencies",
    "ats", "weeks", "question_ids", "states", "steps", "stabilities", "difficulties", "dues",
    "last_reviews", "times_answered", "times_correct",
)  # fmt: skip
_ADVANCE_ARRAYS = (
    "ids", "ats", "limits", "round_ids", "afters", "next_ordinals", "move_ats", "move_closes",
)  # fmt: skip


async def warm_up(engine: AsyncEngine, connections: int) -> int:
    """Open `connections` of the pool's connections at once (one on SQLite) and run the answer
    path's statements on each, in a transaction rolled back; they stay in the pool (keep
    `connections` within its size). Returns how many were warmed. A failure is logged, not
    raised: a bot that starts cold still serves."""
    count = max(1, connections) if engine.dialect.name == POSTGRESQL else 1
    statements = answer_path(engine.dialect.name)
    try:
        async with AsyncExitStack() as stack:
            held = [await stack.enter_async_context(engine.connect()) for _ in range(count)]
            # Every connection's run ends before any goes back to the pool, failed or not.
            runs = await asyncio.gather(
                *(_run(conn, statements) for conn in held), return_exceptions=True
            )
            for outcome in runs:
                if isinstance(outcome, BaseException):
                    raise outcome
    except Exception as exc:  # the database's own errors, at worst: serving starts cold
        log.warning("warming the database connections failed (serving cold): %s", exc)
        return 0
    return count


def identity_lookups() -> list[Any]:
    """The first click of a team or channel this process has not met looks its id up through
    the ORM session, whose first statement configures the mappers and compiles the ORM's
    context (about 20 ms of CPU, once per process): looked up here for a team and channel
    that do not exist."""
    return [team_id_of("", ""), channel_id_of(0, "")]


async def _run(conn: AsyncConnection, statements: Sequence[Statement]) -> None:
    transaction = await conn.begin()
    try:
        for statement, params in statements:
            await conn.execute(statement, params)
        session = AsyncSession(bind=conn)  # joins the transaction above
        try:
            for lookup in identity_lookups():
                await session.execute(lookup)
        finally:
            await session.close()
    finally:
        await transaction.rollback()
