"""The due-work loop polls, wakes early when poked, and survives a failing step."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from bot.core.due import DueLoop


async def test_poke_wakes_the_loop_before_the_poll_interval() -> None:
    calls: list[float] = []
    loop_time = asyncio.get_running_loop().time

    async def step() -> None:
        calls.append(loop_time())

    due = DueLoop(step, poll_seconds=30)
    task = asyncio.create_task(due.run())
    await asyncio.sleep(0.05)
    assert len(calls) == 1  # the first pass runs at once
    due.poke(datetime.now(UTC) + timedelta(milliseconds=50))
    await asyncio.sleep(0.3)
    assert len(calls) >= 2  # woke long before the 30 s poll
    due.stop()
    await asyncio.wait_for(task, 2)


async def test_a_failing_step_does_not_stop_the_loop() -> None:
    calls = 0

    async def step() -> None:
        nonlocal calls
        calls += 1
        raise RuntimeError("database blip")

    due = DueLoop(step, poll_seconds=0.01)
    task = asyncio.create_task(due.run())
    await asyncio.sleep(0.2)
    due.stop()
    await asyncio.wait_for(task, 2)
    assert calls >= 3


async def test_a_stop_during_a_pass_ends_the_loop_without_waiting_a_poll() -> None:
    """Shutdown asks the loop to stop while a pass is running; it must not sleep the poll
    interval (up to a minute) before noticing."""
    in_pass = asyncio.Event()
    release = asyncio.Event()

    async def step() -> None:
        in_pass.set()
        await release.wait()

    due = DueLoop(step, poll_seconds=600)
    task = asyncio.create_task(due.run())
    await asyncio.wait_for(in_pass.wait(), 2)
    due.stop()
    release.set()
    await asyncio.wait_for(task, 5)  # a hang guard: the old loop slept the 600 s poll
