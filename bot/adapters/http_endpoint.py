"""The HTTP/1.1 server under Discord's HTTP interactions mode and Slack's HTTP mode: an
asyncio.Protocol on httptools (the llhttp parser uvicorn uses), with no application, router or
middleware between a request and its handler.

Why not aiohttp's web server: under a burst of thousands of clicks, its request handling (a
task, a Request and a Response object, router and middleware per request) was 27-30 % of a
Discord replica's CPU, more than the click itself. Here a request is parsed in place, handed to one
function with its path, the headers the endpoint reads and its raw body, and the handler's
answer, given at once or by a future (a click's, once its answer is written), is written back
as bytes; no task is made for a request whose handler needs none.

What a server owes its clients is kept: keep-alive (HTTP/1.1, or 1.0 asking for it), pipelined
requests answered in order, `Expect: 100-continue`, bounded bodies (413) and reads (a client
sending too much at once is paused), 400 and a close for what does not parse, an idle connection
closed after `IDLE_SECONDS`, and at shutdown no new connections while those in progress get
their answers.
"""

from __future__ import annotations

import asyncio
import logging
from collections import deque
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from http import HTTPStatus
from typing import Any, cast

import httptools
import orjson

log = logging.getLogger(__name__)

IDLE_SECONDS = 75.0  # as aiohttp's keep-alive: an idle connection is closed after this
LINGER_SECONDS = 2.0  # a closing connection waits this long for the client to close its side
MAX_PIPELINED = 32  # requests read ahead on one connection before reading pauses


@dataclass(slots=True)
class Request:
    method: str
    path: str  # without the query string
    headers: dict[bytes, bytes]  # the names the handler asked for (`wanted`), lower case
    body: bytes
    peer: str
    query: str = ""  # the raw query string, without its `?`


JSON = b"application/json"


@dataclass(slots=True)
class Response:
    status: int
    body: bytes
    content_type: bytes = JSON
    # more header lines, as (name, value); checked for line breaks when written
    headers: tuple[tuple[bytes, bytes], ...] = ()

    @classmethod
    def json(cls, data: Any, status: int = 200) -> Response:
        return cls(status, orjson.dumps(data))


class Later:
    """An answer the handler gives later, by `give`: written in that very call (no future, and
    no callback round on the event loop), so a click's ack goes out in the step that learns its
    answer is written, before that step goes on to the receipt."""

    __slots__ = ("_ready", "answer")

    def __init__(self) -> None:
        self.answer: Response | None = None
        self._ready: Callable[[], None] | None = None

    def give(self, answer: Response) -> None:
        """The answer; only the first one given counts."""
        if self.answer is None:
            self.answer = answer
            if self._ready is not None:
                self._ready()


# A handler's answer: a Response, or a JSON object to send with 200
Answer = Response | dict[str, Any]
Handler = Callable[[Request], "Response | Later | Awaitable[Answer]"]


class TooLarge(Exception):
    """A body over the limit: answered with 413, then the connection closes."""


def _status_line(status: int) -> bytes:
    try:
        phrase = HTTPStatus(status).phrase.encode()
    except ValueError:
        phrase = b""
    return b"HTTP/1.1 %d %s\r\n" % (status, phrase)


_STATUS_LINES = {s.value: _status_line(s.value) for s in HTTPStatus}


class BadHeader(ValueError):
    """A handler's header line that would break the response (a line break in it)."""


def _head(answer: Response, close: bool) -> bytes:
    line = _STATUS_LINES.get(answer.status) or _status_line(answer.status)
    connection = b"Connection: close\r\n" if close else b""
    extra = b""
    if answer.headers:
        lines = [b"%s: %s\r\n" % pair for pair in answer.headers]
        if any(b"\r" in x or b"\n" in x for pair in answer.headers for x in pair):
            raise BadHeader("a response header holds a line break")
        extra = b"".join(lines)
    return b"%sContent-Type: %s\r\nContent-Length: %d\r\n%s%s\r\n" % (
        line,
        answer.content_type,
        len(answer.body),
        extra,
        connection,
    )


class _Connection(asyncio.Protocol):
    """One client connection: requests parsed as they arrive, answers written in order."""

    def __init__(self, server: Endpoint) -> None:
        self.server = server
        self.parser = httptools.HttpRequestParser(self)
        self.transport: asyncio.Transport | None = None
        self.peer = "?"
        # answers owed, oldest first: a Response once known, else what it comes by
        self.owed: deque[tuple[Response | Later | asyncio.Future[Answer], bool]] = deque()
        self.closing = False  # after the owed answers, close (no keep-alive, or an error)
        self.reading = True
        self.idle_timer: asyncio.TimerHandle | None = None
        self._url = b""
        self._headers: dict[bytes, bytes] = {}
        self._body: list[bytes] = []
        self._size = 0

    # transport events

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        # uvloop's transports do not derive from asyncio.Transport, but behave as one
        self.transport = cast(asyncio.Transport, transport)
        peer = transport.get_extra_info("peername")
        self.peer = str(peer[0]) if isinstance(peer, tuple) else "?"
        self.server.connections.add(self)
        self._arm_idle()

    def connection_lost(self, exc: Exception | None) -> None:
        self.transport = None
        self.server.connections.discard(self)
        self._disarm_idle()
        for owed, _ in self.owed:  # nobody to answer; the work itself goes on
            if isinstance(owed, asyncio.Future):
                owed.remove_done_callback(self._answered)
            elif isinstance(owed, Later):
                owed._ready = None
        self.owed.clear()

    def data_received(self, data: bytes) -> None:
        if self.closing:
            return
        try:
            self.parser.feed_data(data)
        except httptools.HttpParserUpgrade:
            self._refuse(400, "no protocol upgrades here")
        except httptools.HttpParserError as exc:  # what a callback raised is its context
            if isinstance(exc.__context__, TooLarge):
                self._refuse(413, f"the body is over {self.server.max_body} bytes")
            else:
                self._refuse(400, f"not HTTP/1.1: {exc}")

    # parser callbacks

    def on_message_begin(self) -> None:
        self._disarm_idle()
        self._url, self._headers, self._body, self._size = b"", {}, [], 0

    def on_url(self, url: bytes) -> None:
        self._url += url

    def on_header(self, name: bytes, value: bytes) -> None:
        name = name.lower()
        if name in self.server.wanted:
            self._headers[name] = value

    def on_headers_complete(self) -> None:
        if self._headers.get(b"expect", b"").lower() == b"100-continue" and self.transport:
            self.transport.write(b"HTTP/1.1 100 Continue\r\n\r\n")

    def on_body(self, body: bytes) -> None:
        self._size += len(body)
        if self._size > self.server.max_body:
            raise TooLarge
        self._body.append(body)

    def on_message_complete(self) -> None:
        keep_alive = self.parser.should_keep_alive()
        path, _, query = self._url.partition(b"?")
        request = Request(
            self.parser.get_method().decode("latin-1"),
            path.decode("latin-1"),
            self._headers,
            b"".join(self._body),
            self.peer,
            query.decode("latin-1"),
        )
        answer = self.server.answer(request)
        if isinstance(answer, Later):
            if answer.answer is None:
                answer._ready = self._write_ready
        elif isinstance(answer, asyncio.Future) and not answer.done():
            answer.add_done_callback(self._answered)
        self.owed.append((answer, not keep_alive))
        if not keep_alive:
            self.closing = True
        self._write_ready()
        if len(self.owed) >= MAX_PIPELINED and self.transport is not None and self.reading:
            self.reading = False
            self.transport.pause_reading()

    # answers

    def _answered(self, _: asyncio.Future[Answer]) -> None:
        self._write_ready()

    def _write_ready(self) -> None:
        """Write the answers owed that are ready, in order; close when told to."""
        owed = self.owed
        while owed:
            answer, close = owed[0]
            if isinstance(answer, Later):
                if answer.answer is None:
                    return  # written when it is given, with those behind it
                answer._ready = None
                answer = answer.answer
            elif isinstance(answer, asyncio.Future):
                if not answer.done():
                    return  # written when it is, with those behind it
                answer = _result(answer)
            owed.popleft()
            transport = self.transport
            if transport is None:
                return
            try:
                head = _head(answer, close)
            except BadHeader:
                log.error("an HTTP handler answered with a header holding a line break")
                answer = Response.json({"error": "internal error"}, 500)
                head = _head(answer, close)
            transport.write(head + answer.body)
            if close:
                self._finish(transport)
                return
        if self.transport is not None:
            if not self.reading:
                self.reading = True
                self.transport.resume_reading()
            if self.server.stopping:
                self.transport.close()
            else:
                self._arm_idle()

    def _refuse(self, status: int, reason: str) -> None:
        log.warning("refused a request from %s with %d: %s", self.peer, status, reason)
        self.closing = True
        self.owed.append((Response.json({"error": reason}, status), True))
        self._write_ready()

    def _finish(self, transport: asyncio.Transport) -> None:
        """Close after the last answer: our side at once, theirs after LINGER_SECONDS at most,
        reading (and dropping) what the client still sends meanwhile. Closing with unread bytes
        (a refused body's rest) would reset the connection, and the client might never read
        the answer."""
        if not transport.can_write_eof():
            transport.close()
            return
        transport.write_eof()
        self._disarm_idle()
        self.idle_timer = asyncio.get_running_loop().call_later(LINGER_SECONDS, transport.close)
        if not self.reading:
            self.reading = True
            transport.resume_reading()

    # idle connections

    def _arm_idle(self) -> None:
        if self.idle_timer is None and not self.owed and not self.closing:
            loop = asyncio.get_running_loop()
            self.idle_timer = loop.call_later(self.server.idle_seconds, self._idle)

    def _disarm_idle(self) -> None:
        if self.idle_timer is not None:
            self.idle_timer.cancel()
            self.idle_timer = None

    def _idle(self) -> None:
        self.idle_timer = None
        if self.transport is not None and not self.owed:
            self.transport.close()


def _result(future: asyncio.Future[Answer]) -> Response:
    """A handler's answer as a Response, or 500 when it failed."""
    if future.cancelled():
        return Response.json({"error": "cancelled"}, 503)
    error = future.exception()
    if error is not None:
        log.error("an HTTP handler failed", exc_info=error)
        return Response.json({"error": "internal error"}, 500)
    answer = future.result()
    return answer if isinstance(answer, Response) else Response.json(answer)


class Endpoint:
    """Serves `handler` on a port: it gets each request whole (headers limited to `wanted`)
    and returns a Response, a Later, or an awaitable of one (a future is used as it is; a
    coroutine runs in a task)."""

    def __init__(
        self,
        handler: Handler,
        wanted: Iterable[bytes],
        *,
        max_body: int,
        idle_seconds: float = IDLE_SECONDS,
    ) -> None:
        self.handler = handler
        self.wanted = frozenset(w.lower() for w in wanted) | {b"expect"}
        self.max_body = max_body
        self.idle_seconds = idle_seconds
        self.connections: set[_Connection] = set()
        self.stopping = False
        self._server: asyncio.Server | None = None

    def answer(self, request: Request) -> Response | Later | asyncio.Future[Answer]:
        try:
            result = self.handler(request)
        except Exception:
            log.exception("an HTTP handler failed")
            return Response.json({"error": "internal error"}, 500)
        if isinstance(result, Response | Later):
            return result
        return asyncio.ensure_future(result)

    async def start(self, host: str, port: int) -> None:
        loop = asyncio.get_running_loop()
        self._server = await loop.create_server(lambda: _Connection(self), host, port, backlog=4096)

    @property
    def port(self) -> int:
        assert self._server is not None
        return int(self._server.sockets[0].getsockname()[1])

    def stop_listening(self) -> None:
        """No new connections or requests; those owed an answer still get it, then close."""
        self.stopping = True
        if self._server is not None:
            self._server.close()
        for conn in list(self.connections):
            if not conn.owed and conn.transport is not None:
                conn.transport.close()

    async def close(self) -> None:
        """Close every connection (after `stop_listening` and the work in flight settled)."""
        self.stop_listening()
        for conn in list(self.connections):
            if conn.transport is not None:
                conn.transport.close()
        if self._server is not None:
            await self._server.wait_closed()
