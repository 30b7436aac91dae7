"""Group commit: requests that arrive while earlier ones are being written go in together.

A lone request is handed over at once, so a quiet channel waits for nothing; under load the
queue grows while a batch is in the database, and the next batch takes everything that queued.
One transaction per batch instead of one per click is what lets a process keep up with a busy
server. Every request still gets its own result (or its own error) back.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Hashable, Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

Req = TypeVar("Req")
Res = TypeVar("Res")

# A handler returns one result per request, in order; an exception in the list is that
# request's own failure, raised to its caller only.
Handler = Callable[[list[Req]], Awaitable[Sequence[Res | BaseException]]]


@dataclass
class _Pending(Generic[Req, Res]):
    request: Req
    key: Hashable
    future: asyncio.Future[Res] = field(repr=False)


class Batcher(Generic[Req, Res]):
    """Runs `handler` on batches of submitted requests. A second batch runs beside the first
    only once `overlap_at` requests (half a batch by default) are waiting, and never more than
    `max_inflight` at once.

    Requests with the same `key` never share a batch or run in two batches at once: the
    database may touch a row only once per statement, and one player's clicks stay in order.
    When a batch fails as a whole and `isolate(error)` is true, its requests are retried one
    by one, so one bad request fails alone instead of taking its neighbours with it.

    With `same_turn`, a batch is taken once the event loop's turn in which its first request
    came has run, so requests submitted in one turn (the callers one batch of another queue
    released) go together even when they may start at once (`overlap_at=1`).
    """

    def __init__(
        self,
        handler: Handler[Req, Res],
        *,
        key: Callable[[Req], Hashable],
        max_batch: int = 200,
        max_inflight: int = 2,
        overlap_at: int | None = None,
        isolate: Callable[[BaseException], bool] = lambda _exc: True,
        same_turn: bool = False,
    ) -> None:
        self._handler = handler
        self._key = key
        self._max_batch = max_batch
        self._max_inflight = max_inflight
        self._overlap_at = overlap_at if overlap_at is not None else max_batch // 2
        self._isolate = isolate
        self._same_turn = same_turn
        self._kick_due = False
        self._queue: list[_Pending[Req, Res]] = []
        self._busy_keys: set[Hashable] = set()
        self._tasks: set[asyncio.Task[None]] = set()
        self.batches = 0  # handed to the handler, for benchmarks and tests
        self.largest = 0

    async def submit(self, request: Req) -> Res:
        future: asyncio.Future[Res] = asyncio.get_running_loop().create_future()
        self._queue.append(_Pending(request, self._key(request), future))
        if not self._same_turn:
            self._kick()
        elif not self._kick_due:
            self._kick_due = True
            asyncio.get_running_loop().call_soon(self._turn_kick)
        return await future

    def _turn_kick(self) -> None:
        self._kick_due = False
        self._kick()

    async def drain(self) -> None:
        """Wait until everything submitted so far has its result (graceful shutdown)."""
        while self._tasks or self._queue:
            if self._tasks:
                await asyncio.wait(set(self._tasks))
            else:
                self._kick()
                await asyncio.sleep(0)

    def _kick(self) -> None:
        while self._queue and len(self._tasks) < self._max_inflight:
            if self._tasks and len(self._queue) < self._overlap_at:
                # A short queue waits for the running batch: fewer, fuller batches. A long one
                # goes beside it, so Python prepares one batch while the database writes the
                # other (both measured in benchmarks/bench_answers.py).
                return
            batch = self._take()
            if not batch:
                return  # everything queued waits for a key that a running batch holds
            task = asyncio.get_running_loop().create_task(self._run(batch))
            self._tasks.add(task)
            task.add_done_callback(self._done)

    def _take(self) -> list[_Pending[Req, Res]]:
        batch: list[_Pending[Req, Res]] = []
        rest: list[_Pending[Req, Res]] = []
        queue = self._queue
        for i, item in enumerate(queue):
            if len(batch) == self._max_batch:
                rest.extend(queue[i:])
                break
            if item.key in self._busy_keys:
                rest.append(item)
            else:
                self._busy_keys.add(item.key)
                batch.append(item)
        self._queue = rest
        return batch

    def _done(self, task: asyncio.Task[None]) -> None:
        self._tasks.discard(task)
        self._kick()

    async def _run(self, batch: list[_Pending[Req, Res]]) -> None:
        self.batches += 1
        self.largest = max(self.largest, len(batch))
        try:
            for pending, result in zip(batch, await self._results(batch), strict=True):
                _settle(pending.future, result)
        except BaseException as exc:  # cancelled, or a handler bug: nobody waits forever
            for pending in batch:
                _settle(pending.future, exc)
            if isinstance(exc, asyncio.CancelledError):
                raise
        finally:
            for pending in batch:
                self._busy_keys.discard(pending.key)

    async def _results(self, batch: list[_Pending[Req, Res]]) -> Sequence[Res | BaseException]:
        try:
            return await self._handler([p.request for p in batch])
        except Exception as exc:
            if len(batch) == 1 or not self._isolate(exc):
                return [exc] * len(batch)
            return [await self._one(p.request) for p in batch]

    async def _one(self, request: Req) -> Res | BaseException:
        try:
            return (await self._handler([request]))[0]
        except Exception as exc:
            return exc


def _settle(future: asyncio.Future[Res], result: Res | BaseException) -> None:
    if future.done():
        return
    if isinstance(result, BaseException):
        future.set_exception(result)
    else:
        future.set_result(result)
