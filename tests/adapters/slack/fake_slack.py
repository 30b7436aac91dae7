"""A local stand-in for the Slack Web API (and response_url webhooks) on 127.0.0.1.

It records every call and answers the way Slack does (`ok`, `ts`, `channel`; users.info with
is_admin), so the adapter's real slack_sdk client is exercised end to end with no network.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import secrets
import time
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web
from aiohttp.test_utils import TestServer

BOT_TOKEN = "xoxb-test-token"


def trigger_id(n: int) -> str:
    """Shaped like Slack's (<ts>.<team no>.<hex>): it opens a modal as the bot for 3 s."""
    return f"{1700000000 + n}.{123456789:09d}.{secrets.token_hex(16)}"


@dataclass
class Call:
    method: str  # "chat.postMessage", or "response_url" for webhook posts
    args: dict[str, Any]
    token: str | None
    path: str
    at: float = field(default_factory=time.monotonic)  # when it arrived (benchmarks time receipts)


@dataclass
class FakeSlack:
    admins: set[str] = field(default_factory=set)
    calls: list[Call] = field(default_factory=list)
    # method -> error code to answer with (ok: false), e.g. {"chat.postMessage": "not_in_channel"}
    errors: dict[str, str] = field(default_factory=dict)
    # method -> how many times to answer 429 (Retry-After: 0) before answering normally
    rate_limited: dict[str, int] = field(default_factory=dict)
    # user id -> the display name users.info gives (default: "name-<user id>")
    names: dict[str, str] = field(default_factory=dict)
    # the workspace's members as users.list gives them, a page of `limit` at a time
    members: list[str] = field(default_factory=list)
    # the workspace an OAuth code installs into (oauth.v2.access answers with its bot token)
    install_team: str = "T0042"
    # file id -> the bytes POSTed to its upload URL (files.upload v2, step 2)
    uploads: dict[str, bytes] = field(default_factory=dict)
    # file id -> (name, bytes) served at the url_private(_download) that host_file hands out
    hosted: dict[str, tuple[str, bytes]] = field(default_factory=dict)
    # method -> an event the fake waits for before answering it (a slow Slack); each call
    # arriving for a held method sets `arrived`
    held: dict[str, asyncio.Event] = field(default_factory=dict)
    arrived: asyncio.Event = field(default_factory=asyncio.Event)
    _ts: itertools.count[int] = field(default_factory=lambda: itertools.count(1))
    server: TestServer | None = None

    @property
    def api_url(self) -> str:
        assert self.server is not None
        return str(self.server.make_url("/api/"))

    def response_url(self, name: str = "1") -> str:
        """Shaped like Slack's (hooks.slack.com/commands/<team>/<id>/<secret>): whoever holds
        one can post in the channel for 30 minutes."""
        assert self.server is not None
        return str(self.server.make_url(f"/commands/T0001/{name}/{secrets.token_urlsafe(18)}"))

    def of(self, method: str) -> list[Call]:
        return [c for c in self.calls if c.method == method]

    async def start(self) -> None:
        app = web.Application()
        app.router.add_post("/api/{method}", self._api)
        app.router.add_get("/api/{method}", self._api)  # users.info is a GET in slack_sdk
        app.router.add_post("/commands/{tail:.*}", self._webhook)
        app.router.add_post("/upload/v1/{file_id}", self._upload)
        app.router.add_get("/files-pri/{team_file}/{tail:.*}", self._download)
        self.server = TestServer(app, host="127.0.0.1")
        await self.server.start_server()

    async def close(self) -> None:
        if self.server is not None:
            await self.server.close()

    async def _args(self, request: web.Request) -> dict[str, Any]:
        # slack_sdk sends some methods' arguments (files.*) as query parameters of a POST
        out: dict[str, Any] = dict(request.query)
        if request.method == "GET":
            return out
        if request.content_type == "application/json":
            data: dict[str, Any] = await request.json()
            return {**out, **data}
        form = await request.post()
        for key, value in form.items():
            text = str(value)
            out[key] = text
        for key in ("blocks", "view", "files"):
            if isinstance(out.get(key), str):
                out[key] = json.loads(out[key])
        return out

    async def _upload(self, request: web.Request) -> web.Response:
        """The upload URL files.getUploadURLExternal hands out: takes the file's raw bytes."""
        file_id = request.match_info["file_id"]
        self.uploads[file_id] = await request.read()
        self.calls.append(Call("upload", {"file_id": file_id}, None, request.path))
        return web.Response(text=f"OK - {len(self.uploads[file_id])}")

    def host_file(self, name: str, data: bytes, *, size: int | None = None) -> dict[str, Any]:
        """Keep a file as if a user had attached it in a modal; its file object as the
        file_input value of a view_submission carries it (size as stated, default the real one)."""
        assert self.server is not None
        file_id = f"F{next(self._ts):06d}"
        self.hosted[file_id] = (name, data)
        base = f"/files-pri/T0001-{file_id}"
        return {
            "id": file_id,
            "created": 1700000000,
            "timestamp": 1700000000,
            "name": name,
            "title": name,
            "mimetype": "text/plain",
            "filetype": name.rsplit(".", 1)[-1],
            "user": "UADMIN",
            "user_team": "T0001",
            "size": len(data) if size is None else size,
            "is_public": False,
            "url_private": str(self.server.make_url(f"{base}/{name}")),
            "url_private_download": str(self.server.make_url(f"{base}/download/{name}")),
            "permalink": f"https://acme.slack.com/files/UADMIN/{file_id}/{name}",
        }

    async def _download(self, request: web.Request) -> web.Response:
        """files.slack.com: the bytes for a bot token, Slack's sign-in page (HTML) otherwise."""
        file_id = request.match_info["team_file"].rsplit("-", 1)[-1]
        token = request.headers.get("Authorization", "").removeprefix("Bearer ") or None
        self.calls.append(Call("files.download", {"file_id": file_id}, token, request.path))
        if file_id not in self.hosted:
            return web.Response(status=404, text="file_not_found")
        if not (token or "").startswith("xoxb-"):
            return web.Response(text="<html>Sign in to Slack</html>", content_type="text/html")
        return web.Response(body=self.hosted[file_id][1], content_type="application/octet-stream")

    async def _webhook(self, request: web.Request) -> web.Response:
        self.calls.append(Call("response_url", await request.json(), None, request.path))
        return web.Response(text="ok")

    async def _api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        auth = request.headers.get("Authorization", "")
        token = auth.removeprefix("Bearer ") or None
        args = await self._args(request)
        if self.rate_limited.get(method, 0) > 0:
            self.rate_limited[method] -= 1
            self.calls.append(Call(method + "#429", args, token, request.path))
            return web.json_response(
                {"ok": False, "error": "ratelimited"}, status=429, headers={"Retry-After": "0"}
            )
        self.calls.append(Call(method, args, token, request.path))
        if method in self.held:
            self.arrived.set()
            await self.held[method].wait()
        self._token = token
        if token is None and method != "oauth.v2.access":
            return web.json_response({"ok": False, "error": "not_authed"})
        if method in self.errors:
            return web.json_response({"ok": False, "error": self.errors[method]})
        return web.json_response(self._answer(method, args))

    _token: str | None = None

    @staticmethod
    def _team_of(token: str | None) -> str:
        prefix = "xoxb-installed-"
        return token[len(prefix) :] if token and token.startswith(prefix) else "T0001"

    def _member(self, uid: str) -> dict[str, Any]:
        return {
            "id": uid,
            "team_id": "T0001",
            "name": uid.lower(),
            "is_admin": uid in self.admins,
            "is_owner": False,
            "is_primary_owner": False,
            "profile": {
                "display_name": self.names.get(uid, f"name-{uid}"),
                "real_name": f"Real {uid}",
            },
        }

    def _answer(self, method: str, args: dict[str, Any]) -> dict[str, Any]:
        if method == "oauth.v2.access":
            return {
                "ok": True,
                "access_token": f"xoxb-installed-{self.install_team}",
                "token_type": "bot",
                "scope": "commands,chat:write,users:read",
                "bot_user_id": "UBOT",
                "app_id": "A0001",
                "team": {"name": "Globex", "id": self.install_team},
                "enterprise": None,
                "authed_user": {"id": "UINSTALLER"},
                "is_enterprise_install": False,
            }
        if method == "auth.test":
            return {
                "ok": True,
                "url": "https://acme.slack.com/",
                "team": "Acme",
                "user": "quizbot",
                "team_id": self._team_of(self._token),
                "user_id": "UBOT",
                "bot_id": "BBOT",
                "is_enterprise_install": False,
            }
        if method == "chat.postMessage":
            ts = f"1700000000.{next(self._ts):06d}"
            return {
                "ok": True,
                "channel": args.get("channel"),
                "ts": ts,
                "message": {"type": "message", "text": args.get("text"), "ts": ts},
            }
        if method == "chat.update":
            return {"ok": True, "channel": args.get("channel"), "ts": args.get("ts")}
        if method == "chat.postEphemeral":
            return {"ok": True, "message_ts": f"1700000001.{next(self._ts):06d}"}
        if method == "users.info":
            return {"ok": True, "user": self._member(str(args.get("user")))}
        if method == "users.list":
            start, limit = int(args.get("cursor") or 0), int(args.get("limit") or 100)
            page = self.members[start : start + limit]
            following = str(start + limit) if start + limit < len(self.members) else ""
            return {
                "ok": True,
                "members": [self._member(uid) for uid in page],
                "response_metadata": {"next_cursor": following},
            }
        if method == "conversations.open":
            return {"ok": True, "channel": {"id": "D" + str(args.get("users", "X"))[1:]}}
        if method == "files.getUploadURLExternal":
            file_id = f"F{next(self._ts):06d}"
            assert self.server is not None
            url = str(self.server.make_url(f"/upload/v1/{file_id}"))
            return {"ok": True, "upload_url": url, "file_id": file_id}
        if method == "files.completeUploadExternal":
            files = [
                {"id": f["id"], "title": f.get("title"), "name": f.get("title")}
                for f in args.get("files") or []
            ]
            return {"ok": True, "files": files}
        if method == "views.open":
            return {"ok": True, "view": {"id": "V0001", **(args.get("view") or {})}}
        return {"ok": True}
