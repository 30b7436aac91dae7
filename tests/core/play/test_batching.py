"""The group-commit queue on its own: batching, keys, failures, draining (no database)."""

from __future__ import annotations

import asyncio

import pytest

from bot.core.play.batching import Batcher


class Recorder:
    """A handler that records each batch and can be held open to let a queue build up."""

    def __init__(self) -> None:
        self.batches: list[list[tuple[str, str]]] = []
        self.gate = asyncio.Event()
        self.gate.set()
        self.running = 0
        self.most_running = 0

    async def __call__(self, batch: list[tuple[str, str]]) -> list[str | BaseException]:
        self.batches.append(list(batch))
        self.running += 1
        self.most_running = max(self.most_running, self.running)
        try:
            await self.gate.wait()
        finally:
            self.running -= 1
        if any(value == "poison" for _, value in batch):
            raise ValueError("poisoned batch")
        return [f"done:{value}" if value != "refused" else KeyError(value) for _, value in batch]


def by_key(request: tuple[str, str]) -> str:
    return request[0]


async def test_a_lone_request_is_handed_over_at_once():
    rec = Recorder()
    batcher = Batcher(rec, key=by_key)
    assert await batcher.submit(("ann", "a")) == "done:a"
    assert rec.batches == [[("ann", "a")]]


async def test_requests_that_queue_behind_a_batch_go_together():
    rec = Recorder()
    rec.gate.clear()
    batcher = Batcher(rec, key=by_key, max_batch=200)
    first = asyncio.create_task(batcher.submit(("p0", "x")))
    await asyncio.sleep(0)
    rest = [asyncio.create_task(batcher.submit((f"p{i}", str(i)))) for i in range(1, 51)]
    await asyncio.sleep(0.01)
    assert len(rec.batches) == 1  # fewer than a full batch waits for the running one
    rec.gate.set()
    results = await asyncio.gather(first, *rest)
    assert results == ["done:x"] + [f"done:{i}" for i in range(1, 51)]
    assert [len(b) for b in rec.batches] == [1, 50]


async def test_a_full_queue_starts_a_second_batch_beside_the_first():
    rec = Recorder()
    rec.gate.clear()
    batcher = Batcher(rec, key=by_key, max_batch=10, max_inflight=2)
    tasks = [asyncio.create_task(batcher.submit((f"p{i}", str(i)))) for i in range(31)]
    await asyncio.sleep(0.01)
    assert rec.most_running == 2  # never more than max_inflight
    rec.gate.set()
    await asyncio.gather(*tasks)
    assert max(len(b) for b in rec.batches) == 10
    assert sum(len(b) for b in rec.batches) == 31


async def test_a_second_batch_starts_once_half_a_batch_is_waiting():
    rec = Recorder()
    rec.gate.clear()
    batcher = Batcher(rec, key=by_key, max_batch=10)
    tasks = [asyncio.create_task(batcher.submit(("p0", "0")))]
    await asyncio.sleep(0)
    tasks += [asyncio.create_task(batcher.submit((f"p{i}", str(i)))) for i in range(1, 5)]
    await asyncio.sleep(0.01)
    assert rec.running == 1  # four waiting: less than half a batch
    tasks.append(asyncio.create_task(batcher.submit(("p5", "5"))))
    await asyncio.sleep(0.01)
    assert rec.running == 2
    assert [len(b) for b in rec.batches] == [1, 5]
    rec.gate.set()
    await asyncio.gather(*tasks)


async def test_one_key_never_shares_a_batch_nor_runs_twice_at_once():
    rec = Recorder()
    rec.gate.clear()
    batcher = Batcher(rec, key=by_key, max_batch=3, max_inflight=2)
    tasks = [
        asyncio.create_task(batcher.submit(req))
        for req in [("ann", "1"), ("ann", "2"), ("bob", "3"), ("ann", "4"), ("cy", "5")]
    ]
    await asyncio.sleep(0.01)
    rec.gate.set()
    assert await asyncio.gather(*tasks) == ["done:1", "done:2", "done:3", "done:4", "done:5"]
    for batch in rec.batches:
        keys = [k for k, _ in batch]
        assert len(keys) == len(set(keys))
    ann = [v for batch in rec.batches for k, v in batch if k == "ann"]
    assert ann == ["1", "2", "4"]  # one player's clicks stay in order


async def test_a_failing_request_fails_alone():
    rec = Recorder()
    rec.gate.clear()
    batcher = Batcher(rec, key=by_key)
    first = asyncio.create_task(batcher.submit(("p0", "ok0")))
    await asyncio.sleep(0)
    queued = [
        asyncio.create_task(batcher.submit(req))
        for req in [("p1", "ok1"), ("p2", "poison"), ("p3", "refused"), ("p4", "ok4")]
    ]
    await asyncio.sleep(0)
    rec.gate.set()
    results = await asyncio.gather(first, *queued, return_exceptions=True)
    assert results[:2] == ["done:ok0", "done:ok1"]
    assert isinstance(results[2], ValueError)
    assert isinstance(results[3], KeyError)  # a per-request error reaches only its caller
    assert results[4] == "done:ok4"
    assert [len(b) for b in rec.batches] == [1, 4, 1, 1, 1, 1]  # retried one by one


async def test_an_error_that_is_not_isolated_fails_the_whole_batch():
    rec = Recorder()
    rec.gate.clear()
    batcher = Batcher(rec, key=by_key, isolate=lambda exc: False)
    first = asyncio.create_task(batcher.submit(("p0", "ok")))
    await asyncio.sleep(0)
    queued = [asyncio.create_task(batcher.submit(r)) for r in [("p1", "ok"), ("p2", "poison")]]
    await asyncio.sleep(0)
    rec.gate.set()
    results = await asyncio.gather(first, *queued, return_exceptions=True)
    assert results[0] == "done:ok"
    assert all(isinstance(r, ValueError) for r in results[1:])
    assert len(rec.batches) == 2  # no one-by-one retry


async def test_drain_waits_until_every_request_has_its_result():
    rec = Recorder()
    rec.gate.clear()
    batcher = Batcher(rec, key=by_key)
    tasks = [asyncio.create_task(batcher.submit((f"p{i}", str(i)))) for i in range(5)]
    await asyncio.sleep(0)
    drained = asyncio.create_task(batcher.drain())
    await asyncio.sleep(0.01)
    assert not drained.done()
    rec.gate.set()
    await asyncio.wait_for(drained, 1)
    assert all(t.done() for t in tasks)


async def test_a_caller_that_gives_up_does_not_stop_the_others():
    rec = Recorder()
    rec.gate.clear()
    batcher = Batcher(rec, key=by_key)
    first = asyncio.create_task(batcher.submit(("p0", "a")))
    await asyncio.sleep(0)
    impatient = asyncio.create_task(batcher.submit(("p1", "b")))
    patient = asyncio.create_task(batcher.submit(("p2", "c")))
    await asyncio.sleep(0)
    impatient.cancel()
    rec.gate.set()
    assert await first == "done:a"
    assert await patient == "done:c"
    with pytest.raises(asyncio.CancelledError):
        await impatient


async def test_with_same_turn_the_requests_of_one_turn_go_together_beside_a_running_batch():
    """A batch is held open; three requests submitted in one turn then start one batch beside
    it at once (`overlap_at=1`), all three together instead of the first alone."""
    rec = Recorder()
    rec.gate.clear()
    batcher = Batcher(rec, key=by_key, max_batch=10, overlap_at=1, same_turn=True)
    first = asyncio.create_task(batcher.submit(("p0", "0")))
    while not rec.batches:  # the first batch is running (and held)
        await asyncio.sleep(0)
    rest = [asyncio.create_task(batcher.submit((f"p{i}", str(i)))) for i in range(1, 4)]
    while len(rec.batches) < 2:
        await asyncio.sleep(0)
    assert [len(b) for b in rec.batches] == [1, 3]
    assert rec.running == 2
    rec.gate.set()
    assert await asyncio.gather(first, *rest) == [f"done:{i}" for i in range(4)]
