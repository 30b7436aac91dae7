"""The worker pool bounds heavy work for real (time and memory), and an import past its bounds
is refused naming the file. That clicks are answered while it works is tested with the worst
hostile files in tests/hostile."""

from __future__ import annotations

import multiprocessing
import os
import threading
import time

import pytest
from pebble import ProcessPool
from sqlalchemy import func, select

from bot.core.curation.service import AdminService
from bot.core.errors import ImportRejected, WorkRefused
from bot.db.tables import Question
from bot.workers import WorkerPool
from tests.core.curation.support import BOSS
from tests.helpers import FixedClock

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


async def test_closing_stops_every_worker_and_a_later_job_starts_a_new_pool() -> None:
    pool = WorkerPool(workers=2)
    pids = {await pool.run(os.getpid) for _ in range(3)}
    pool.close()
    for pid in pids:
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)  # gone, and reaped
    assert not [p for p in multiprocessing.active_children() if p.pid in pids]
    assert await pool.run(len, "ab") == 2
    pool.close()


async def test_a_job_is_scheduled_off_the_event_loop(monkeypatch) -> None:
    """Scheduling the first job starts the pool, and its first worker waits for the forkserver
    to start (seconds on a busy machine): never on the loop's thread."""
    threads: list[int] = []
    schedule = ProcessPool.schedule

    def spy(self, *args, **kwargs):
        threads.append(threading.get_ident())
        return schedule(self, *args, **kwargs)

    monkeypatch.setattr(ProcessPool, "schedule", spy)
    pool = WorkerPool(workers=1)
    try:
        assert await pool.run(len, "four") == 4
    finally:
        pool.close()
    assert threads and threading.get_ident() not in threads
