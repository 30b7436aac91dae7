"""The worker pool bounds heavy work for real (time and memory), and while it works the event
loop keeps answering clicks: counted, not timed, so a slow machine cannot make it flaky."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import func, select

from bot.core.admin import AdminService
from bot.core.engine import QuizEngine
from bot.core.errors import ImportRejected, WorkRefused
from bot.db.tables import Answer, Question
from bot.workers import WorkerPool, shared_pool
from tests.admin.support import BOSS
from tests.helpers import (
    CHANNEL,
    FixedClock,
    RecordingMessenger,
    load_questions,
    player,
    sample_questions,
)

MB = 1024 * 1024


async def test_a_job_past_its_time_is_stopped_and_the_pool_goes_on() -> None:
    pool = WorkerPool(workers=1, seconds=0.5)
    try:
        started = time.monotonic()
        with pytest.raises(WorkRefused) as err:
            await pool.run(time.sleep, 60)
        assert err.value.message == "took longer than 0.5 seconds and was stopped"
        assert time.monotonic() - started < 30  # stopped, not waited out
        assert await pool.run(sum, [1, 2, 3]) == 6  # a fresh worker took over
    finally:
        pool.close()


async def test_a_job_past_its_memory_is_stopped_and_the_pool_goes_on() -> None:
    pool = WorkerPool(workers=1, memory_bytes=256 * MB)
    try:
        with pytest.raises(WorkRefused) as err:
            await pool.run(bytearray, 600 * MB)
        assert err.value.message == "needed more than the 256 MB a job may use"
        assert await pool.run(len, "four") == 4
        assert pool.peak_rss < 256 * MB
    finally:
        pool.close()


def big_csv(rows: int, *, bad_last: bool) -> bytes:
    lines = ["prompt,choice1,choice2,answer"]
    lines += [f"Question {i}?,yes {i},no {i},A" for i in range(rows)]
    if bad_last:
        lines[-1] = "Last question?,same,same,A"
    return ("\n".join(lines) + "\n").encode()


async def test_an_import_past_its_bounds_is_refused_naming_the_file(repo) -> None:
    pool = WorkerPool(workers=1, seconds=0.2)  # far less than reading 50,000 rows takes
    try:
        admin = AdminService(repo, FixedClock(), worker=pool)
        with pytest.raises(ImportRejected) as err:
            await admin.import_questions(BOSS, big_csv(50_000, bad_last=False), filename="b.csv")
        assert [str(p) for p in err.value.problems] == [
            "file: reading b.csv took longer than 0.2 seconds and was stopped"
        ]
    finally:
        pool.close()
    async with repo.unit() as u:
        assert (
            await u.session.execute(select(func.count()).select_from(Question))
        ).scalar_one() == 0


class Watching:
    """The real pool, noting how many clicks had been answered when each job started and when
    it came back."""

    def __init__(self, answered: list[int]) -> None:
        self.answered = answered
        self.during: list[int] = []

    async def run(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Any:
        before = len(self.answered)
        try:
            return await shared_pool().run(fn, *args, **kwargs)
        finally:
            self.during.append(len(self.answered) - before)


async def test_clicks_are_answered_while_a_huge_import_is_read(fresh_repo) -> None:
    """With the file read on the event loop no click could complete while it is read (a
    synchronous parse lets no other coroutine run): here dozens do."""
    await load_questions(fresh_repo, sample_questions(4))
    engine = QuizEngine(fresh_repo, RecordingMessenger(), platform="discord", clock=FixedClock())
    rq = (await engine.start_round(CHANNEL, player("host"), questions=1)).card.round_question_id
    answered: list[int] = []
    watching = Watching(answered)
    admin = AdminService(fresh_repo, FixedClock(), worker=watching)
    data = big_csv(50_000, bad_last=True)  # read in full, then refused: nothing is written
    importing = asyncio.create_task(admin.import_questions(BOSS, data, filename="huge.csv"))
    while not importing.done():
        receipt = await engine.answer(rq, player(f"p{len(answered)}"), 0)
        assert receipt.accepted
        answered.append(1)
    with pytest.raises(ImportRejected) as err:
        await importing
    [problem] = err.value.problems
    assert (problem.line, problem.field, problem.message) == (
        50_001,
        "choices",
        "has the same choice twice",
    )
    assert watching.during and watching.during[0] >= 3, watching.during
    assert shared_pool().peak_rss < 300 * MB
    async with fresh_repo.unit() as u:
        count = (await u.session.execute(select(func.count()).select_from(Answer))).scalar_one()
    assert count == len(answered)
