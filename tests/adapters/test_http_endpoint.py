"""The HTTP/1.1 server under Discord's and Slack's HTTP modes (bot/adapters/http_endpoint.py), spoken to
over a real socket byte for byte: keep-alive, pipelining in order, limits and refusals."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field

import orjson

from bot.adapters.http_endpoint import Answer, Endpoint, Later, Request, Response
from tests.conftest import async_wait_until


@dataclass
class Recorder:
    """A handler that records what it was given; a request to /later is answered when the
    test says so (its future), others at once."""

    seen: list[Request] = field(default_factory=list)
    later: list[asyncio.Future[Answer]] = field(default_factory=list)

    def __call__(self, request: Request) -> Response | Awaitable[Answer]:
        self.seen.append(request)
        if request.path == "/later":
            future: asyncio.Future[Answer] = asyncio.get_running_loop().create_future()
            self.later.append(future)
            return future
        if request.path == "/boom":
            raise RuntimeError("a handler's bug")
        if request.path == "/async":
            return self.slowly(request)
        return Response.json({"path": request.path, "body": request.body.decode()})

    async def slowly(self, request: Request) -> Answer:
        await asyncio.sleep(0)
        return {"async": request.path}


@asynccontextmanager
async def serving(
    handler: Callable[[Request], Response | Awaitable[Answer]], max_body: int = 1000
) -> AsyncIterator[Endpoint]:
    endpoint = Endpoint(handler, (b"X-Wanted",), max_body=max_body)
    await endpoint.start("127.0.0.1", 0)
    try:
        yield endpoint
    finally:
        await endpoint.close()


def post(path: str, body: bytes = b"{}", *extra: str, version: str = "1.1") -> bytes:
    head = [f"POST {path} HTTP/{version}", "Host: x", f"Content-Length: {len(body)}", *extra]
    return ("\r\n".join(head) + "\r\n\r\n").encode() + body


async def read_response(reader: asyncio.StreamReader) -> tuple[int, dict[str, str], bytes]:
    status_line = await reader.readuntil(b"\r\n")
    status = int(status_line.split()[1])
    headers = {}
    while (line := await reader.readuntil(b"\r\n")) != b"\r\n":
        name, _, value = line.decode().partition(":")
        headers[name.lower()] = value.strip()
    body = await reader.readexactly(int(headers.get("content-length", "0")))
    return status, headers, body


async def test_requests_on_one_kept_alive_connection_are_each_answered() -> None:
    handler = Recorder()
    async with serving(handler) as endpoint:
        reader, writer = await asyncio.open_connection("127.0.0.1", endpoint.port)
        for n in range(3):
            writer.write(post(f"/p{n}?q=1", b'{"n":%d}' % n, "X-Wanted: yes", "X-Other: no"))
            status, _, body = await read_response(reader)
            assert status == 200
            assert orjson.loads(body) == {"path": f"/p{n}", "body": f'{{"n":{n}}}'}
        writer.close()
    assert [r.headers for r in handler.seen] == [{b"x-wanted": b"yes"}] * 3
    assert [r.method for r in handler.seen] == ["POST"] * 3


async def test_pipelined_requests_are_answered_in_order_whenever_each_is_ready() -> None:
    handler = Recorder()
    async with serving(handler) as endpoint:
        reader, writer = await asyncio.open_connection("127.0.0.1", endpoint.port)
        writer.write(post("/later", b"1") + post("/now", b"2") + post("/later", b"3"))
        assert await async_wait_until(lambda: len(handler.later) == 2)
        handler.later[1].set_result({"third": True})  # ready first, but must wait its turn
        handler.later[0].set_result(Response.json({"first": True}, 202))
        answers = [await read_response(reader) for _ in range(3)]
        writer.close()
    assert [(s, orjson.loads(b)) for s, _, b in answers] == [
        (202, {"first": True}),
        (200, {"path": "/now", "body": "2"}),
        (200, {"third": True}),
    ]


async def test_a_coroutine_handler_is_run_and_its_answer_sent() -> None:
    async with serving(Recorder()) as endpoint:
        reader, writer = await asyncio.open_connection("127.0.0.1", endpoint.port)
        writer.write(post("/async"))
        status, _, body = await read_response(reader)
        writer.close()
    assert (status, orjson.loads(body)) == (200, {"async": "/async"})


async def test_a_body_over_the_limit_is_refused_with_413_and_the_connection_closed() -> None:
    handler = Recorder()
    async with serving(handler, max_body=10) as endpoint:
        reader, writer = await asyncio.open_connection("127.0.0.1", endpoint.port)
        writer.write(post("/big", b"x" * 11))
        status, headers, body = await read_response(reader)
        assert await reader.read() == b""  # closed
        writer.close()
    assert (status, headers["connection"]) == (413, "close")
    assert b"10 bytes" in body and handler.seen == []


async def test_what_is_not_http_gets_400_and_a_close() -> None:
    handler = Recorder()
    async with serving(handler) as endpoint:
        reader, writer = await asyncio.open_connection("127.0.0.1", endpoint.port)
        writer.write(b"HELLO THERE\r\n\r\n")
        status, _, _ = await read_response(reader)
        assert await reader.read() == b""
        writer.close()
    assert status == 400 and handler.seen == []


async def test_a_failing_handler_gets_500_and_the_connection_goes_on() -> None:
    async with serving(Recorder()) as endpoint:
        reader, writer = await asyncio.open_connection("127.0.0.1", endpoint.port)
        writer.write(post("/boom"))
        first = await read_response(reader)
        writer.write(post("/fine"))
        second = await read_response(reader)
        writer.close()
    assert (first[0], second[0]) == (500, 200)
    assert b"a handler's bug" not in first[2]  # no internals to the client


async def test_http_1_0_without_keep_alive_is_answered_then_closed() -> None:
    async with serving(Recorder()) as endpoint:
        reader, writer = await asyncio.open_connection("127.0.0.1", endpoint.port)
        writer.write(post("/old", version="1.0"))
        status, headers, _ = await read_response(reader)
        assert await reader.read() == b""
        writer.close()
    assert (status, headers["connection"]) == (200, "close")


async def test_expect_100_continue_is_told_to_go_on_before_the_body() -> None:
    async with serving(Recorder()) as endpoint:
        reader, writer = await asyncio.open_connection("127.0.0.1", endpoint.port)
        head = "POST /e HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nExpect: 100-continue\r\n\r\n"
        writer.write(head.encode())
        assert await reader.readuntil(b"\r\n\r\n") == b"HTTP/1.1 100 Continue\r\n\r\n"
        writer.write(b"ok")
        status, _, body = await read_response(reader)
        writer.close()
    assert (status, orjson.loads(body)["body"]) == (200, "ok")


async def test_an_idle_connection_is_closed() -> None:
    endpoint = Endpoint(Recorder(), (), max_body=10, idle_seconds=0.05)
    await endpoint.start("127.0.0.1", 0)
    try:
        reader, writer = await asyncio.open_connection("127.0.0.1", endpoint.port)
        assert await asyncio.wait_for(reader.read(), 30) == b""
        writer.close()
    finally:
        await endpoint.close()


async def test_stopping_lets_an_owed_answer_out_then_closes() -> None:
    handler = Recorder()
    async with serving(handler) as endpoint:
        busy_reader, busy_writer = await asyncio.open_connection("127.0.0.1", endpoint.port)
        idle_reader, idle_writer = await asyncio.open_connection("127.0.0.1", endpoint.port)
        busy_writer.write(post("/later"))
        assert await async_wait_until(lambda: bool(handler.later))
        endpoint.stop_listening()
        assert await idle_reader.read() == b""  # nothing owed: closed at once
        handler.later[0].set_result({"late": "but sent"})
        status, _, body = await read_response(busy_reader)
        assert await busy_reader.read() == b""
        for writer in (busy_writer, idle_writer):
            writer.close()
    assert (status, orjson.loads(body)) == (200, {"late": "but sent"})


async def test_a_handler_gets_the_query_and_may_answer_with_a_type_and_headers() -> None:
    seen: list[Request] = []

    def page(request: Request) -> Response:
        seen.append(request)
        cookie = (b"Set-Cookie", b"state=abc; Secure; HttpOnly")
        return Response(302, b"<a>go</a>", b"text/html", ((b"Location", b"/next?x=1"), cookie))

    async with serving(page) as endpoint:
        reader, writer = await asyncio.open_connection("127.0.0.1", endpoint.port)
        writer.write(b"GET /install?code=1&state=s%20t HTTP/1.1\r\nHost: x\r\n\r\n")
        status, headers, body = await read_response(reader)
        writer.close()
    assert (seen[0].path, seen[0].query) == ("/install", "code=1&state=s%20t")
    assert (status, body) == (302, b"<a>go</a>")
    assert headers["content-type"] == "text/html" and headers["location"] == "/next?x=1"
    assert headers["set-cookie"] == "state=abc; Secure; HttpOnly"


async def test_a_header_with_a_line_break_is_never_written() -> None:
    def split(request: Request) -> Response:
        return Response(200, b"", headers=((b"Location", b"/a\r\nSet-Cookie: evil=1"),))

    async with serving(split) as endpoint:
        reader, writer = await asyncio.open_connection("127.0.0.1", endpoint.port)
        writer.write(post("/split"))
        status, headers, _ = await read_response(reader)
        writer.close()
    assert status == 500 and "set-cookie" not in headers and "location" not in headers


async def test_a_later_answer_is_written_when_given_in_order_and_only_once() -> None:
    given: list[Later] = []

    def later(request: Request) -> Later:
        answer = Later()
        if request.path == "/ready":
            answer.give(Response.json({"ready": True}))  # given before it is returned
        given.append(answer)
        return answer

    async with serving(later) as endpoint:
        reader, writer = await asyncio.open_connection("127.0.0.1", endpoint.port)
        writer.write(post("/first") + post("/ready") + post("/third"))
        assert await async_wait_until(lambda: len(given) == 3)
        given[2].give(Response.json({"third": True}))  # waits behind the first
        given[0].give(Response(200, b"", b"text/plain"))
        given[0].give(Response.json({"twice": True}))  # ignored: the first answer counts
        answers = [await read_response(reader) for _ in range(3)]
        writer.close()
    assert [(s, h["content-type"], b) for s, h, b in answers] == [
        (200, "text/plain", b""),
        (200, "application/json", b'{"ready":true}'),
        (200, "application/json", b'{"third":true}'),
    ]
