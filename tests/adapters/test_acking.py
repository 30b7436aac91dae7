"""Writes that miss their ack deadline are reported, but under a burst not one line per click
(formatting thousands of warnings cost the CPU the clicks needed)."""

from __future__ import annotations

import asyncio
import logging

import pytest

from bot.adapters.acking import REPORT_EVERY_SECONDS, LateWrites, finished_within


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_a_burst_of_late_writes_is_one_line_then_a_count(caplog: pytest.LogCaptureFixture) -> None:
    clock = Clock()
    late = LateWrites(clock)
    with caplog.at_level(logging.WARNING, logger="bot.adapters.acking"):
        for n in range(500):
            late.report(f"a click on question {n}", 2.0)
        assert [r.getMessage() for r in caplog.records] == [
            "a click on question 0 not written within 2.0 s; acknowledged before its write"
        ]
        clock.now += REPORT_EVERY_SECONDS
        late.report("a click on question 500", 2.0)
    assert len(caplog.records) == 2
    assert caplog.records[1].getMessage().endswith("(and 499 more since the last report)")


async def test_finished_within_reports_only_a_write_that_missed_the_deadline(
    caplog: pytest.LogCaptureFixture,
) -> None:
    late = LateWrites()
    done: asyncio.Future[int] = asyncio.get_running_loop().create_future()
    done.set_result(1)
    held: asyncio.Future[int] = asyncio.get_running_loop().create_future()
    with caplog.at_level(logging.WARNING, logger="bot.adapters.acking"):
        assert await finished_within(done, 0.01, "a written click", late)
        assert not await finished_within(held, 0.01, "a held click", late)
    assert [r.getMessage().split(" not written")[0] for r in caplog.records] == ["a held click"]
    assert not held.done()  # not cancelled: the write goes on after the ack
