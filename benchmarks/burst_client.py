"""An HTTP/1.1 client for request bursts, as lean as the driver of a benchmark must be on a small
machine: every request is serialised (and signed) before the burst, connections are opened and
kept alive before it (as a platform keeps its connections to an endpoint), and during the burst a
request costs one socket write and its response one pass of httptools' parser; bodies are kept
raw, to be read after the burst. A general client (aiohttp's) spent 0.3-0.5 ms of CPU per request
here, about as much as the bot replicas it was measuring.

One request at a time per connection (no pipelining): a request finding no idle connection waits
in line for the first one free, and that wait counts in its latency, which runs from when the
request was due (`send(i, due)`), not from when this process got round to writing it.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, cast

import httptools


def request_bytes(host: str, path: str, body: bytes, headers: dict[str, str]) -> bytes:
    """A POST as it goes on the wire."""
    head = [f"POST {path} HTTP/1.1", f"Host: {host}", f"Content-Length: {len(body)}"]
    head += [f"{k}: {v}" for k, v in headers.items()]
    return ("\r\n".join(head) + "\r\n\r\n").encode() + body


@dataclass
class Result:
    status: int = 0
    body: bytes = b""
    done_at: float = 0.0  # time.monotonic() when the response was complete
    error: str = ""


class _Connection(asyncio.Protocol):
    def __init__(self, pool: BurstClient) -> None:
        self.pool = pool
        self.transport: asyncio.Transport | None = None
        self.parser = httptools.HttpResponseParser(self)
        self.current: int | None = None  # the request whose response is being read
        self.chunks: list[bytes] = []

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        # uvloop's transports do not derive from asyncio.Transport, but behave as one
        self.transport = cast(asyncio.Transport, transport)

    def data_received(self, data: bytes) -> None:
        try:
            self.parser.feed_data(data)
        except httptools.HttpParserError as exc:
            self._fail(f"bad response: {exc}")

    def on_body(self, body: bytes) -> None:
        self.chunks.append(body)

    def on_message_complete(self) -> None:
        i, self.current = self.current, None
        if i is None:
            return
        result = self.pool.results[i]
        result.done_at = time.monotonic()
        result.status = self.parser.get_status_code()
        result.body = b"".join(self.chunks)
        self.chunks = []
        self.pool.finished(i)
        if self.parser.should_keep_alive():
            self.pool.idle(self)
        elif self.transport is not None:
            self.transport.close()

    def connection_lost(self, exc: Exception | None) -> None:
        self.transport = None
        self._fail("connection closed")
        self.pool.lost(self)

    def _fail(self, why: str) -> None:
        i, self.current = self.current, None
        if i is not None:
            self.pool.results[i].error = why
            self.pool.results[i].done_at = time.monotonic()
            self.pool.finished(i)
        if self.transport is not None:
            self.transport.close()

    def send(self, i: int) -> None:
        assert self.transport is not None
        self.current = i
        self.transport.write(self.pool.requests[i])


@dataclass
class BurstClient:
    """Sends `requests` (whole requests as bytes, `request_bytes`) to host:port."""

    host: str
    port: int
    requests: list[bytes]
    results: list[Result] = field(init=False)
    due: list[float] = field(init=False)
    _idle: list[_Connection] = field(default_factory=list)
    _open: set[_Connection] = field(default_factory=set)
    _waiting: deque[int] = field(default_factory=deque)
    _left: int = 0
    _all_done: asyncio.Event = field(default_factory=asyncio.Event)

    def __post_init__(self) -> None:
        self.results = [Result() for _ in self.requests]
        self.due = [0.0] * len(self.requests)
        self._left = len(self.requests)
        if not self.requests:
            self._all_done.set()

    async def connect(self, n: int, at_once: int = 100) -> None:
        """Open `n` connections (`at_once` in flight) before the burst."""
        loop = asyncio.get_running_loop()

        async def one() -> None:
            _, conn = await loop.create_connection(lambda: _Connection(self), self.host, self.port)
            self._open.add(conn)
            self._idle.append(conn)

        for start in range(0, n, at_once):
            await asyncio.gather(*(one() for _ in range(min(at_once, n - start))))

    def send(self, i: int, due: float) -> None:
        """Request `i`, due at `due` (time.monotonic()): on an idle connection, or in line."""
        self.due[i] = due
        if self._idle:
            self._idle.pop().send(i)
        else:
            self._waiting.append(i)

    def idle(self, conn: _Connection) -> None:
        if self._waiting:
            conn.send(self._waiting.popleft())
        else:
            self._idle.append(conn)

    def lost(self, conn: _Connection) -> None:
        self._open.discard(conn)
        if conn in self._idle:
            self._idle.remove(conn)
        if not self._open:
            while self._waiting:
                i = self._waiting.popleft()
                self.results[i].error = "no connection left"
                self.finished(i)

    def finished(self, i: int) -> None:
        self._left -= 1
        if self._left == 0:
            self._all_done.set()

    async def wait(self) -> None:
        await self._all_done.wait()

    def latencies(self) -> list[float]:
        """Seconds from each answered request's due time to its complete response."""
        return [r.done_at - d for r, d in zip(self.results, self.due, strict=True) if not r.error]

    def close(self) -> None:
        for conn in list(self._open):
            if conn.transport is not None:
                conn.transport.close()


@dataclass
class Burst:
    """What a burst in a process of its own (`burst_in_process`) brings back."""

    results: list[Result]
    due: list[float]
    started: float  # time.monotonic() (one clock for every process on the machine)
    sent_in: float  # seconds from the start until the last request was written
    cpu: float  # the driver process's CPU seconds from the start to the last response
    connect_cpu: float  # and before the burst, opening its connections

    def latencies(self) -> list[float]:
        """Seconds from each answered request's due time to its complete response."""
        return [r.done_at - d for r, d in zip(self.results, self.due, strict=True) if not r.error]


async def paced(n: int, within: float, send: Callable[[int, float], None]) -> None:
    """Call `send(i, due)` for i in 0..n-1, each at (or, when this process is late, soon after)
    its due time: the burst spread evenly over `within` seconds."""
    start = time.monotonic()
    step = within / n if n else 0.0
    i = 0
    while i < n:
        now = time.monotonic()
        while i < n and start + i * step <= now:
            send(i, start + i * step)
            i += 1
        if i < n:
            await asyncio.sleep(max(0.0, min(0.01, start + i * step - time.monotonic())))


async def _burst(
    host: str, port: int, requests: list[bytes], within: float, connections: int, control: Any
) -> Burst:
    cpu = time.process_time()
    client = BurstClient(host, port, requests)
    await client.connect(connections)
    connected = time.process_time()
    control.put("connected")
    await asyncio.get_running_loop().run_in_executor(None, control.go.wait)
    started = time.monotonic()
    await paced(len(requests), within, client.send)
    sent_in = time.monotonic() - started
    await client.wait()
    done = time.process_time()
    control.put(
        Burst(client.results, client.due, started, sent_in, done - connected, connected - cpu)
    )
    # connections stay open until the CPU of the others is read: closing them is not the burst's
    await asyncio.get_running_loop().run_in_executor(None, control.release.wait, 600)
    client.close()


@dataclass
class _Control:
    queue: Any
    go: Any
    release: Any

    def put(self, item: Any) -> None:
        self.queue.put(item)


def _worker(args: tuple[str, int, list[bytes], float, int], control: _Control) -> None:
    try:
        asyncio.run(_burst(*args, control))
    except BaseException as exc:
        control.put(exc)
        raise


class BurstProcess:
    """A burst sent from a process of its own, so that its CPU is its own and not that of the
    process playing the platform's API meanwhile. `connect()` opens the connections; `burst()`
    sends the requests evenly over `within` seconds and returns every answer."""

    def __init__(
        self, host: str, port: int, requests: list[bytes], within: float, connections: int
    ) -> None:
        ctx = multiprocessing.get_context("spawn")
        self.control = _Control(ctx.Queue(), ctx.Event(), ctx.Event())
        self.proc = ctx.Process(
            target=_worker, args=((host, port, requests, within, connections), self.control)
        )

    @property
    def pid(self) -> int:
        assert self.proc.pid is not None
        return self.proc.pid

    async def _next(self) -> Any:
        item = await asyncio.get_running_loop().run_in_executor(
            None, self.control.queue.get, True, 600
        )
        if isinstance(item, BaseException):
            raise RuntimeError("the burst process failed") from item
        return item

    async def connect(self) -> None:
        self.proc.start()
        await self._next()

    async def burst(self) -> Burst:
        self.control.go.set()
        result: Burst = await self._next()
        return result

    async def release(self) -> None:
        """Close the connections (once the burst is measured) and end the process."""
        self.control.release.set()
        await asyncio.get_running_loop().run_in_executor(None, self.proc.join, 60)

    def stop(self) -> None:
        if self.proc.is_alive():
            self.proc.kill()
