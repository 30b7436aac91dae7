"""A local stand-in for Slack's Socket Mode on 127.0.0.1, next to the fake Web API.

Slack's protocol, as the real slack_sdk client speaks it: the app calls the Web API method
`apps.connections.open` with its app-level token (xapp-...) and gets `{"ok": true, "url":
"wss://..."}`; it opens that websocket and the server greets it with `{"type": "hello", ...}`.
Events then arrive as envelopes, `{"envelope_id", "type": "slash_commands" | "interactive" |
"events_api", "payload", "accepts_response_payload"}`, and the app acks each one on the socket
with `{"envelope_id": ...}` (plus "payload" when it answers at once), within 3 seconds.

`FakeSocketMode` is the websocket server: it hands out one-ticket URLs (`ws://`, which the
aiohttp Socket Mode client accepts as well as `wss://`), pushes envelopes the test builds, and
records every ack per envelope id, every connection and how each one ended.
`FakeSlackWithSockets` is the fake Web API (`FakeSlack`) that also answers
`apps.connections.open`, and can hold a method's answers back until the test releases them.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import uuid
from dataclasses import dataclass, field
from typing import Any

from aiohttp import WSMsgType, web
from aiohttp.test_utils import TestServer

from tests.adapters.slack.fake_slack import FakeSlack

APP_TOKEN = "xapp-1-A0001-1-socketmodetest"
APP_ID = "A0001"
LINK_PATH = "/link/"


@dataclass
class Connection:
    """One websocket the app opened; `close_code` once it ended, `closed_by_app` if the app
    (not this server) closed it."""

    ticket: str
    ws: web.WebSocketResponse
    ended: bool = False
    close_code: int | None = None
    closed_by_app: bool = False
    acked: list[str] = field(default_factory=list)  # envelope ids acked on this connection


@dataclass
class FakeSocketMode:
    # envelope id -> the envelope as sent
    sent: dict[str, dict[str, Any]] = field(default_factory=dict)
    # envelope id -> every ack the app sent for it (Slack expects exactly one)
    acks: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    # text frames that were not an ack of an envelope we sent (bad JSON, unknown id, no id)
    stray: list[str] = field(default_factory=list)
    connections: list[Connection] = field(default_factory=list)
    # ticket -> whether a websocket was opened with it
    tickets: dict[str, bool] = field(default_factory=dict)
    refused: int = 0  # upgrade attempts without a ticket we issued
    server: TestServer | None = None
    _closing: bool = False
    _n: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    async def start(self) -> None:
        app = web.Application()
        app.router.add_get(LINK_PATH, self._link)
        self.server = TestServer(app, host="127.0.0.1")
        await self.server.start_server()

    async def close(self) -> None:
        self._closing = True
        for conn in self.connections:
            if not conn.ws.closed:
                await conn.ws.close(code=1001, message=b"going away")
        if self.server is not None:
            await self.server.close()

    def issue_url(self) -> str:
        """What apps.connections.open hands out: a websocket URL with a fresh ticket."""
        assert self.server is not None
        ticket = f"ticket-{next(self._n)}-{uuid.uuid4().hex[:8]}"
        self.tickets[ticket] = False
        url = self.server.make_url(LINK_PATH).with_scheme("ws")
        return str(url.with_query(ticket=ticket, app_id=APP_ID))

    @property
    def open(self) -> list[Connection]:
        return [c for c in self.connections if not c.ended and not c.ws.closed]

    async def _link(self, request: web.Request) -> web.StreamResponse:
        ticket = request.query.get("ticket", "")
        if ticket not in self.tickets:
            self.refused += 1
            return web.Response(status=401, text="invalid_ticket")
        self.tickets[ticket] = True
        ws = web.WebSocketResponse(autoping=True)  # answers the client's pings with pongs
        await ws.prepare(request)
        conn = Connection(ticket, ws)
        self.connections.append(conn)
        try:
            await ws.send_str(
                json.dumps(
                    {
                        "type": "hello",
                        "num_connections": len(self.open),
                        "debug_info": {
                            "host": "applink-fake",
                            "build_number": 1,
                            "approximate_connection_time": 3600,
                        },
                        "connection_info": {"app_id": APP_ID},
                    }
                )
            )
            async for msg in ws:
                if msg.type == WSMsgType.TEXT:
                    self._record(conn, msg.data)
        finally:
            conn.ended = True
            conn.close_code = ws.close_code
            conn.closed_by_app = not self._closing
        return ws

    def _record(self, conn: Connection, text: str) -> None:
        try:
            message = json.loads(text)
        except ValueError:
            self.stray.append(text)
            return
        envelope_id = message.get("envelope_id") if isinstance(message, dict) else None
        if envelope_id not in self.sent:
            self.stray.append(text)
            return
        self.acks.setdefault(envelope_id, []).append(message)
        conn.acked.append(envelope_id)

    async def push(
        self, type_: str, payload: dict[str, Any], *, accepts_response_payload: bool
    ) -> str:
        """Send one envelope on the open connection; returns its envelope id."""
        live = self.open
        assert len(live) == 1, f"expected one open connection, have {len(live)}"
        envelope_id = str(uuid.uuid4())
        envelope: dict[str, Any] = {
            "envelope_id": envelope_id,
            "payload": payload,
            "type": type_,
            "accepts_response_payload": accepts_response_payload,
        }
        if type_ == "events_api":
            envelope["retry_attempt"] = 0
            envelope["retry_reason"] = ""
        self.sent[envelope_id] = envelope
        await live[0].ws.send_str(json.dumps(envelope))
        return envelope_id

    async def disconnect(self, reason: str = "refresh_requested") -> None:
        """What Slack sends before it drops a connection (it refreshes them every few hours):
        the app is expected to open a new one with a new URL from apps.connections.open."""
        live = self.open
        assert len(live) == 1, f"expected one open connection, have {len(live)}"
        message = {"type": "disconnect", "reason": reason, "debug_info": {"host": "applink-fake"}}
        await live[0].ws.send_str(json.dumps(message))

    async def wait_ack(self, envelope_id: str, timeout: float = 5.0) -> dict[str, Any]:
        """The app's (first) ack of an envelope; fails the test if none comes in `timeout`."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while not self.acks.get(envelope_id):
            if loop.time() > deadline:
                raise AssertionError(
                    f"envelope {envelope_id} ({self.sent[envelope_id]['type']}) was not acked; "
                    f"acked: {list(self.acks)}, stray frames: {self.stray}"
                )
            await asyncio.sleep(0.01)
        return self.acks[envelope_id][0]

    def unacked(self) -> list[str]:
        return [e for e in self.sent if not self.acks.get(e)]

    def acked_more_than_once(self) -> list[str]:
        return [e for e, acks in self.acks.items() if len(acks) > 1]


@dataclass
class FakeSlackWithSockets(FakeSlack):
    """The fake Web API plus `apps.connections.open` (app-level tokens only, as on Slack)."""

    socket: FakeSocketMode = field(default_factory=FakeSocketMode)
    # method -> an Event the fake waits for before answering that method (hold a call back)
    held: dict[str, asyncio.Event] = field(default_factory=dict)
    # methods called while held, in order (recorded as `calls` only once released)
    waiting: list[str] = field(default_factory=list)

    async def start(self) -> None:
        await self.socket.start()
        await super().start()

    async def close(self) -> None:
        for gate in self.held.values():
            gate.set()
        await super().close()
        await self.socket.close()

    async def _api(self, request: web.Request) -> web.Response:
        gate = self.held.get(request.match_info["method"])
        if gate is not None and not gate.is_set():
            self.waiting.append(request.match_info["method"])
            await gate.wait()
        return await super()._api(request)

    def _answer(self, method: str, args: dict[str, Any]) -> dict[str, Any]:
        if method == "apps.connections.open":
            if not (self._token or "").startswith("xapp-"):
                return {"ok": False, "error": "not_allowed_token_type"}
            return {"ok": True, "url": self.socket.issue_url()}
        return super()._answer(method, args)
