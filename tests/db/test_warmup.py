"""Before a bot serves it opens the connections its answer path holds at once and runs that
path's statements on each (bot/db/warmup.py), so its first clicks pay for no cold connection:
it opens exactly that many, prepares every statement a round's clicks and closes send, and
changes nothing in the database."""

from __future__ import annotations

import random
from contextlib import AsyncExitStack
from typing import Any

import pytest
from sqlalchemy import event, select, text
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.config import Settings
from bot.core.models import ChannelRef
from bot.core.play.service import HOT_CONNECTIONS, QuizEngine
from bot.db.connect import create_engine
from bot.db.repository import SqlRepository
from bot.db.tables import Base
from bot.db.warmup import answer_path, warm_up
from bot.runtime import open_runtime
from tests.helpers import (
    TEAM,
    FixedClock,
    RecordingMessenger,
    captured_log,
    load_questions,
    player,
    sample_questions,
    statements_sent,
)

pg_only = pytest.mark.parametrize("backend", ["postgresql"])


def connects(engine: AsyncEngine) -> list[int]:
    """Grows by one each time the engine opens a new database connection."""
    opened: list[int] = []
    event.listen(engine.sync_engine, "connect", lambda *_: opened.append(1))
    return opened


async def snapshot(engine: AsyncEngine) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, in a stable order."""
    out: dict[str, list[tuple[Any, ...]]] = {}
    async with engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            rows = (await conn.execute(select(table))).all()
            out[table.name] = sorted((tuple(r) for r in rows), key=repr)
    return out


async def round_with_answers(repo: SqlRepository, clock: FixedClock) -> QuizEngine:
    """A two-question round whose first question has one answer of two."""
    await load_questions(repo, sample_questions(4))
    quiz = QuizEngine(
        repo, RecordingMessenger(), platform="discord", clock=clock, rng=random.Random(3)
    )
    out = await quiz.start_round(
        ChannelRef(TEAM, "c1"), player("host"), questions=2, close_after_answers=2
    )
    await quiz.answer(out.card.round_question_id, player("ann"), 0)
    return quiz


@pg_only
async def test_it_opens_the_connections_asked_for_and_prepares_the_answer_path_on_each(fresh_db):
    engine = create_engine(fresh_db, pool_size=10)
    opened = connects(engine)
    try:
        assert await warm_up(engine, 4) == 4
        assert len(opened) == 4
        assert engine.pool.checkedin() == 4  # type: ignore[attr-defined]
        async with AsyncExitStack() as stack:  # all four at once: the warmed ones, no new one
            held = [await stack.enter_async_context(engine.connect()) for _ in range(4)]
            pids = {(await c.execute(text("SELECT pg_backend_pid()"))).scalar_one() for c in held}
            prepared = [
                (await c.execute(text("SELECT count(*) FROM pg_prepared_statements"))).scalar_one()
                for c in held
            ]
        assert len(pids) == 4 and len(opened) == 4
        assert all(n >= len(answer_path("postgresql")) for n in prepared)
    finally:
        await engine.dispose()


async def test_it_writes_nothing(fresh_db):
    engine = create_engine(fresh_db)
    try:
        await round_with_answers(SqlRepository(engine), FixedClock())
        before = await snapshot(engine)
        assert before["answers"] and before["round_questions"]
        assert await warm_up(engine, 3) == (3 if engine.dialect.name == "postgresql" else 1)
        assert await snapshot(engine) == before
    finally:
        await engine.dispose()


@pg_only
async def test_a_warmed_process_plays_a_round_with_statements_prepared_before(fresh_db):
    """Another process (its own engine, nothing learned) warms up, then takes the round's
    clicks, closes, next card and summary: every statement it sends was sent by the warm-up,
    so none is a connection's first of its kind. Fails when the answer path gains a statement
    the warm-up does not run."""
    clock = FixedClock()
    starter = create_engine(fresh_db)
    engine = create_engine(fresh_db, pool_size=HOT_CONNECTIONS)
    try:
        await round_with_answers(SqlRepository(starter), clock)
        repo = SqlRepository(engine)
        with statements_sent(repo) as warming:
            await warm_up(engine, HOT_CONNECTIONS)
        messenger = RecordingMessenger()
        quiz = QuizEngine(repo, messenger, platform="discord", clock=clock)
        async with starter.connect() as conn:
            first = (await conn.execute(text("SELECT min(id) FROM round_questions"))).scalar_one()
        with statements_sent(repo) as playing:
            await quiz.answer(first, player("bob"), 1)  # fills it: close, reveal, next card
            await quiz.answer(first + 1, player("ann"), 0)
            await quiz.answer(first + 1, player("bob"), 0)  # the last: close, summary
            await quiz.card_refs.drain()
        # the reveals (the cards edited), the second card, the summary
        assert len(messenger.updates) == 2 and len(messenger.posts) == 2
        assert set(playing) <= set(warming), set(playing) - set(warming)
    finally:
        await engine.dispose()
        await starter.dispose()


@pytest.mark.parametrize("backend", ["sqlite"])
async def test_sqlite_warms_its_one_connection(fresh_db):
    engine = create_engine(fresh_db)
    try:
        assert await warm_up(engine, HOT_CONNECTIONS) == 1
    finally:
        await engine.dispose()


@pg_only
async def test_a_bot_warms_as_many_as_its_pool_keeps_and_other_commands_none(fresh_db):
    small = Settings(_env_file=None, database_url=fresh_db, db_pool_size=2)
    default = Settings(_env_file=None, database_url=fresh_db)
    with captured_log("INFO") as log:
        async with open_runtime(default, serve=True) as rt:
            assert rt.engine.pool.checkedin() == HOT_CONNECTIONS  # type: ignore[attr-defined]
        async with open_runtime(small, serve=True) as rt:
            assert rt.engine.pool.checkedin() == 2  # type: ignore[attr-defined]
        async with open_runtime(default) as rt:  # the schema check's one connection
            assert rt.engine.pool.checkedin() == 1  # type: ignore[attr-defined]
    assert log.getvalue().count("warmed") == 2


async def test_a_failed_warm_up_is_logged_and_the_bot_serves_cold(pg_url):
    engine = create_engine(pg_url)  # the server's own database: none of our tables
    try:
        with captured_log("WARNING") as log:
            assert await warm_up(engine, 2) == 0
        assert "serving cold" in log.getvalue()
        async with AsyncExitStack() as stack:  # both its connections are fine to use
            held = [await stack.enter_async_context(engine.connect()) for _ in range(2)]
            for conn in held:
                assert (await conn.execute(text("SELECT 1"))).scalar_one() == 1
    finally:
        await engine.dispose()
