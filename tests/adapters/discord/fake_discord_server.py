"""Discord's side of the wire over real sockets, for a bot running in another process (the
click benchmarks, and tests that run `quizbot run discord`): the REST API under /api/v10, the
gateway websocket (HELLO; IDENTIFY answered with READY and GUILD_CREATE; heartbeats; zlib-stream
compression as discord.py asks for it), interaction callbacks and webhook followups.

Messages are kept and answered by `FakeDiscord` (fakes.py), so a bot sees the same answers as
in the in-process tests. What the bot sent is recorded with the time it arrived, so a driver
can time an interaction from its dispatch (`dispatch`) to its callback.
"""

from __future__ import annotations

import asyncio
import json
import re
import time
import zlib
from dataclasses import dataclass, field
from typing import Any

import orjson
from aiohttp import WSMsgType, web
from discord.http import Route

from tests.adapters.discord.fakes import (
    APP_ID,
    BOT_ID,
    GUILD_ID,
    FakeDiscord,
    _user,
    guild_payload,
)

API = "/api/v10"

# The routes a bot calls, as discord.py's route templates (whose parameters FakeDiscord reads).
_ROUTES = [
    ("GET", "/users/@me"),
    ("GET", "/oauth2/applications/@me"),
    ("PUT", "/applications/{application_id}/commands"),
    ("GET", "/applications/{application_id}/commands"),
    ("PUT", "/applications/{application_id}/guilds/{guild_id}/commands"),
    ("GET", "/applications/{application_id}/guilds/{guild_id}/commands"),
    ("POST", "/channels/{channel_id}/messages"),
    ("PATCH", "/channels/{channel_id}/messages/{message_id}"),
    ("POST", "/interactions/{webhook_id}/{webhook_token}/callback"),
    ("POST", "/webhooks/{webhook_id}/{webhook_token}"),
    ("GET", "/webhooks/{webhook_id}/{webhook_token}/messages/{message_id}"),
    ("PATCH", "/webhooks/{webhook_id}/{webhook_token}/messages/{message_id}"),
]
_MATCHERS = [
    (method, re.compile("^" + re.sub(r"\{(\w+)\}", r"(?P<\1>[^/]+)", path) + "$"), path)
    for method, path in _ROUTES
]


@dataclass
class Arrival:
    """One request the bot made to an interaction's endpoint, and when it arrived."""

    at: float
    kind: str  # "callback" or "followup"
    interaction: str  # the interaction id (callbacks) or token (followups)
    payload: Any


@dataclass
class _Socket:
    ws: web.WebSocketResponse
    compress: Any  # a zlib compressor for zlib-stream, else None
    seq: int = 0

    async def send(self, message: dict[str, Any]) -> None:
        text = json.dumps(message, separators=(",", ":"))
        if self.compress is None:
            await self.ws.send_str(text)
        else:
            await self.ws.send_bytes(
                self.compress.compress(text.encode()) + self.compress.flush(zlib.Z_SYNC_FLUSH)
            )

    async def dispatch(self, event: str, data: Any) -> None:
        await self.dispatch_json(event, json.dumps(data, separators=(",", ":")))

    async def dispatch_json(self, event: str, data: str) -> None:
        """A dispatch whose data is already JSON text (a driver encodes its burst beforehand)."""
        self.seq += 1
        text = f'{{"op":0,"t":"{event}","s":{self.seq},"d":{data}}}'
        if self.compress is None:
            await self.ws.send_str(text)
        else:
            out = self.compress.compress(text.encode()) + self.compress.flush(zlib.Z_SYNC_FLUSH)
            await self.ws.send_bytes(out)


@dataclass
class DiscordServer:
    fake: FakeDiscord = field(default_factory=FakeDiscord)
    guild_id: int = GUILD_ID
    arrivals: list[Arrival] = field(default_factory=list)
    # Kept as requests arrive, so a driver polling them during a burst costs nothing per poll:
    # each interaction's first callback by id, and the text of followups by token.
    first_callbacks: dict[str, Arrival] = field(default_factory=dict)
    followup_texts: dict[str, str] = field(default_factory=dict)
    sockets: list[_Socket] = field(default_factory=list)
    identified: asyncio.Event = field(default_factory=asyncio.Event)
    runner: web.AppRunner | None = None
    port: int = 0

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def api_url(self) -> str:
        return self.base + API

    async def start(self) -> None:
        app = web.Application(client_max_size=1 << 24)
        app.router.add_get("/gateway", self._gateway)
        app.router.add_get(API + "/gateway/bot", self._gateway_bot)
        app.router.add_route("*", API + "/{tail:.*}", self._rest)
        self.runner = web.AppRunner(app, access_log=None)
        await self.runner.setup()
        site = web.TCPSite(self.runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]

    async def close(self) -> None:
        for sock in list(self.sockets):
            await sock.ws.close()
        if self.runner is not None:
            await self.runner.cleanup()

    # --- what a driver uses ------------------------------------------------------------------

    async def dispatch(self, event: str, data: Any) -> float:
        """Send a dispatch to every connected bot; the time it went out."""
        return await self.dispatch_json(event, json.dumps(data, separators=(",", ":")))

    async def dispatch_json(self, event: str, data: str) -> float:
        sent = time.monotonic()
        for sock in self.sockets:
            await sock.dispatch_json(event, data)
        return sent

    def callbacks(self) -> dict[str, Arrival]:
        """Each interaction's first callback by interaction id."""
        return self.first_callbacks

    def followups(self) -> list[Arrival]:
        return [a for a in self.arrivals if a.kind == "followup"]

    # --- the gateway ---------------------------------------------------------------------------

    async def _gateway_bot(self, request: web.Request) -> web.Response:
        return _json(
            {
                "url": f"ws://127.0.0.1:{self.port}/gateway",
                "shards": 1,
                "session_start_limit": {
                    "total": 1000,
                    "remaining": 1000,
                    "reset_after": 0,
                    "max_concurrency": 1,
                },
            }
        )

    async def _gateway(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse(max_msg_size=0)
        await ws.prepare(request)
        compressed = request.query.get("compress") == "zlib-stream"
        sock = _Socket(ws, zlib.compressobj() if compressed else None)
        await sock.send({"op": 10, "d": {"heartbeat_interval": 41250}})
        try:
            async for msg in ws:
                if msg.type != WSMsgType.TEXT:
                    continue
                frame = json.loads(msg.data)
                if frame.get("op") == 1:  # heartbeat
                    await sock.send({"op": 11})
                elif frame.get("op") == 2:  # identify
                    await sock.dispatch("READY", self._ready())
                    await sock.dispatch("GUILD_CREATE", guild_payload(self.guild_id))
                    self.sockets.append(sock)
                    self.identified.set()
        finally:
            if sock in self.sockets:
                self.sockets.remove(sock)
        return ws

    def _ready(self) -> dict[str, Any]:
        return {
            "v": 10,
            "user": _user(BOT_ID, "QuizBot", bot=True),
            "guilds": [{"id": str(self.guild_id), "unavailable": True}],
            "session_id": "fake-session",
            "resume_gateway_url": f"ws://127.0.0.1:{self.port}/gateway",
            "application": {"id": str(APP_ID), "flags": 0},
        }

    # --- REST, callbacks and webhooks ------------------------------------------------------------

    async def _rest(self, request: web.Request) -> web.Response:
        path = "/" + request.match_info["tail"]
        for method, pattern, template in _MATCHERS:
            found = pattern.match(path)
            if method == request.method and found:
                route = Route(method, template, **found.groupdict())
                return await self._answer(request, route, found.groupdict())
        return _json({"message": "404: Not Found", "code": 0}, status=404)

    async def _answer(
        self, request: web.Request, route: Route, params: dict[str, str]
    ) -> web.Response:
        payload = await _payload(request)
        if route.path.startswith(("/interactions/", "/webhooks/")):
            refused = self.fake.refuse.get((route.method, route.path))
            if refused is not None:  # e.g. 404: the interaction is unknown (or expired)
                unknown = {"message": "Unknown interaction", "code": 10062}
                return _json(
                    unknown if refused == 404 else {"message": "Error", "code": 0}, refused
                )
            if route.path.endswith("/callback"):
                self._arrived(Arrival(time.monotonic(), "callback", params["webhook_id"], payload))
            elif route.method == "POST":
                self._arrived(
                    Arrival(time.monotonic(), "followup", params["webhook_token"], payload)
                )
            answer = await self.fake.webhook_request(route, payload)
            if route.path.endswith("/callback") and "with_response" not in request.query:
                return web.Response(status=204)
            return _json(answer)
        answer = await self.fake.http_request(route, json=payload)
        return _json(answer)

    def _arrived(self, arrival: Arrival) -> None:
        self.arrivals.append(arrival)
        if arrival.kind == "callback":
            self.first_callbacks.setdefault(arrival.interaction, arrival)
        elif (arrival.payload or {}).get("content"):
            self.followup_texts.setdefault(arrival.interaction, arrival.payload["content"])


async def _payload(request: web.Request) -> Any:
    if not request.can_read_body:
        return None
    if request.content_type.startswith("multipart/"):
        form = await request.post()
        raw = form.get("payload_json")
        return json.loads(str(raw)) if raw is not None else None
    body = await request.read()
    return orjson.loads(body) if body else None


def _json(data: Any, status: int = 200) -> web.Response:
    """JSON as Discord sends it: discord.py decodes a body only when its Content-Type is
    exactly application/json (aiohttp's json_response adds a charset)."""
    return web.Response(
        body=orjson.dumps(data), status=status, headers={"Content-Type": "application/json"}
    )
