"""Discord at the network edge, and every touch of discord.py internals the tests need.

`FakeDiscord` stands where Discord's API would: the bot's REST calls (`HTTPClient.request`) and
its interaction replies (the webhook adapter in `discord.webhook.async_`, which interaction
responses and followups use instead of HTTPClient) both land here and are recorded. Messages the
bot posts are kept, so a later click can carry the message exactly as Discord would.

Interactions are built as the JSON payloads Discord sends over the gateway (application
command, component click, modal submit, autocomplete) and fed to the client's parser for
INTERACTION_CREATE, exactly where discord.py's gateway hands a dispatch: the bot's answer-click
hook, and behind it discord.py's real CommandTree, DynamicItem dispatch and Modal code run.
Nothing else in the tests imports discord.py internals.
"""

from __future__ import annotations

import asyncio
import base64
import itertools
import json
import secrets
from dataclasses import dataclass, field
from datetime import UTC, datetime
from types import SimpleNamespace
from typing import Any

import discord
from discord.http import HTTPClient, Route
from discord.webhook.async_ import AsyncWebhookAdapter, async_context

from bot.adapters.discord.client import QuizClient

APP_ID = 900000000000000001
BOT_ID = 900000000000000002
GUILD_ID = 800000000000000001
CHANNEL_ID = 700000000000000001
_snowflakes = itertools.count(600000000000000001)

MANAGE_GUILD = 1 << 5
# What an ordinary member may do in a text channel (view, send, embed, history, use commands).
MEMBER_PERMS = (1 << 10) | (1 << 11) | (1 << 14) | (1 << 16) | (1 << 31)
BOT_PERMS = MEMBER_PERMS


def snowflake() -> int:
    return next(_snowflakes)


def interaction_token(interaction_id: int) -> str:
    """A token shaped like Discord's: base64 of `interaction:<id>:<random>` (about 200 chars);
    whoever holds it can answer the interaction for 15 minutes."""
    raw = f"interaction:{interaction_id}:{secrets.token_urlsafe(120)}".encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _now() -> str:
    return datetime.now(UTC).isoformat()


@dataclass
class Sent:
    """One request the bot made: `via` is "http" (bot REST), "webhook" (interaction reply) or
    "cdn" (an attachment download)."""

    via: str
    method: str
    path: str  # the route template, e.g. /channels/{channel_id}/messages
    url: str
    payload: Any
    response: Any = None
    files: dict[str, bytes] = field(default_factory=dict)  # attached files by file name

    @property
    def data(self) -> dict[str, Any]:
        """The message part: an interaction callback's `data`, else the payload itself."""
        body = self.payload or {}
        if self.path.endswith("/callback"):
            return dict(body.get("data") or {})
        return dict(body)

    @property
    def flags(self) -> int:
        return int(self.data.get("flags", 0) or 0)

    @property
    def message_id(self) -> int:
        """The id Discord gave the message this request created or edited."""
        return int(self.response["id"])

    @property
    def is_ephemeral(self) -> bool:
        return bool(self.flags & 64)


def _user(uid: int, name: str, *, bot: bool = False) -> dict[str, Any]:
    return {
        "id": str(uid),
        "username": name,
        "global_name": name,
        "discriminator": "0",
        "avatar": None,
        "bot": bot,
        "public_flags": 0,
    }


@dataclass
class Member:
    """A guild member as the interaction payload describes them."""

    name: str
    id: int = field(default_factory=snowflake)
    admin: bool = False
    roles: tuple[int, ...] = ()

    def payload(self) -> dict[str, Any]:
        perms = MEMBER_PERMS | (MANAGE_GUILD if self.admin else 0)
        return {
            "user": _user(self.id, self.name),
            "nick": None,
            "avatar": None,
            "roles": [str(r) for r in self.roles],
            "joined_at": "2025-01-01T00:00:00+00:00",
            "premium_since": None,
            "deaf": False,
            "mute": False,
            "pending": False,
            "flags": 0,
            "communication_disabled_until": None,
            "permissions": str(perms),
        }


class FakeDiscord:
    """Discord's side of the wire for one or more bot clients (they share its messages)."""

    def __init__(self) -> None:
        self.sent: list[Sent] = []
        self.messages: dict[int, dict[str, Any]] = {}
        self.commands: dict[str, list[dict[str, Any]]] = {}
        self.tokens: dict[str, int] = {}  # interaction token -> interaction id
        self.cdn: dict[str, bytes] = {}  # attachment URL -> file bytes
        # (method, route path) -> the HTTP status Discord answers it with, e.g.
        # {("POST", "/channels/{channel_id}/messages"): 403}; ("GET", "/users/@me"): 401 is a bad token
        self.refuse: dict[tuple[str, str], int] = {}
        self.adapter = _RecordingWebhookAdapter(self)
        # While set (and not yet released), interaction followups wait here: a handler that
        # has deferred stays in flight until the test releases it.
        self.held_followups: asyncio.Event | None = None
        self.followups_waiting = 0

    # --- what the tests read ---------------------------------------------------------------

    def http(self, method: str, path: str) -> list[Sent]:
        return [s for s in self.sent if s.via == "http" and s.method == method and s.path == path]

    def posts(self) -> list[Sent]:
        return self.http("POST", "/channels/{channel_id}/messages")

    def edits(self) -> list[Sent]:
        return self.http("PATCH", "/channels/{channel_id}/messages/{message_id}")

    def replies(self, interaction_id: int) -> list[Sent]:
        """Everything sent in answer to one interaction (initial response and followups)."""
        tokens = {t for t, i in self.tokens.items() if i == interaction_id}
        return [
            s
            for s in self.sent
            if s.via == "webhook"
            and (f"/{interaction_id}/" in s.url or any(f"/{t}" in s.url for t in tokens))
        ]

    def reply_texts(self, interaction_id: int) -> list[str]:
        """The text of each reply (content, then embed titles and descriptions)."""
        out = []
        for s in self.replies(interaction_id):
            data = s.data
            text = data.get("content") or ""
            for embed in data.get("embeds") or []:
                text += "\n" + (embed.get("title") or "") + "\n" + (embed.get("description") or "")
            if text.strip():
                out.append(text.strip())
        return out

    # --- the REST API ----------------------------------------------------------------------

    async def http_request(
        self, route: Route, *, files: Any = None, form: Any = None, **kw: Any
    ) -> Any:
        payload = kw.get("json")
        if form:
            payload = next(
                (json.loads(f["value"]) for f in form if f.get("name") == "payload_json"), None
            )
        sent = Sent("http", route.method, route.path, route.url, payload)
        self.sent.append(sent)
        status = self.refuse.get((route.method, route.path))
        if status is not None:
            raise _http_error(status)
        sent.response = self._answer_http(route, payload)
        return sent.response

    def _answer_http(self, route: Route, payload: Any) -> Any:
        key = (route.method, route.path)
        if key == ("GET", "/users/@me"):
            return _user(BOT_ID, "QuizBot", bot=True)
        if key == ("GET", "/oauth2/applications/@me"):
            return {
                "id": str(APP_ID),
                "name": "QuizBot",
                "icon": None,
                "description": "",
                "rpc_origins": [],
                "bot_public": True,
                "bot_require_code_grant": False,
                "owner": _user(1, "owner"),
                "verify_key": "0" * 64,
                "flags": 0,
                "interactions_endpoint_url": None,
            }
        if route.path.startswith("/applications/") and route.path.endswith("/commands"):
            if route.method == "PUT":
                scope = str(route.guild_id or "global")
                self.commands[scope] = [
                    {
                        **c,
                        "id": str(snowflake()),
                        "application_id": str(APP_ID),
                        "version": "1",
                        **({"guild_id": str(route.guild_id)} if route.guild_id else {}),
                    }
                    for c in payload or []
                ]
                return self.commands[scope]
            return []
        if key == ("POST", "/channels/{channel_id}/messages"):
            return self._store(snowflake(), int(route.channel_id or 0), payload or {})
        if key == ("PATCH", "/channels/{channel_id}/messages/{message_id}"):
            message_id = int(route.url.rstrip("/").rsplit("/", 1)[1])
            old = self.messages.get(message_id, {})
            return self._store(message_id, int(route.channel_id or 0), {**old, **(payload or {})})
        return {}

    def message_with_buttons(self, custom_ids: list[str]) -> int:
        """A message with answer buttons already in the channel (posted by an earlier process)."""
        row = [
            {"type": 2, "style": 1, "label": str(i), "custom_id": cid}
            for i, cid in enumerate(custom_ids)
        ]
        components = [{"type": 1, "components": row}]
        return int(self._store(snowflake(), CHANNEL_ID, {"components": components})["id"])

    def _store(self, message_id: int, channel_id: int, payload: dict[str, Any]) -> dict[str, Any]:
        message = {
            "id": str(message_id),
            "channel_id": str(channel_id),
            "guild_id": str(GUILD_ID),
            "author": _user(BOT_ID, "QuizBot", bot=True),
            "content": payload.get("content") or "",
            "timestamp": _now(),
            "edited_timestamp": None,
            "tts": False,
            "mention_everyone": False,
            "mentions": [],
            "mention_roles": [],
            "attachments": [],
            "embeds": payload.get("embeds") or [],
            "components": payload.get("components") or [],
            "pinned": False,
            "type": 0,
            "flags": int(payload.get("flags") or 0),
        }
        self.messages[message_id] = message
        return message

    # --- the CDN (attachment downloads) ------------------------------------------------------

    def upload(self, filename: str, data: bytes) -> AttachmentOption:
        """A file a user attached to a slash command: Discord keeps it on its CDN by URL."""
        attachment = AttachmentOption(filename, data)
        self.cdn[attachment.url] = data
        return attachment

    async def cdn_get(self, url: str) -> bytes:
        """`HTTPClient.get_from_cdn`, which `Attachment.read()` calls."""
        self.sent.append(Sent("cdn", "GET", url, url, None))
        if url not in self.cdn:
            raise discord.NotFound(
                SimpleNamespace(status=404, reason="Not Found"), "asset not found"
            )
        return self.cdn[url]

    # --- interaction replies (webhook adapter) ---------------------------------------------

    async def webhook_request(
        self, route: Route, payload: Any, files: dict[str, bytes] | None = None
    ) -> Any:
        if (
            self.held_followups is not None
            and route.method == "POST"
            and not route.path.endswith("/callback")
        ):
            self.followups_waiting += 1
            await self.held_followups.wait()
        sent = Sent("webhook", route.method, route.path, route.url, payload, files=files or {})
        self.sent.append(sent)
        sent.response = self._answer_webhook(route, payload)
        return sent.response

    def _answer_webhook(self, route: Route, payload: Any) -> Any:
        if route.path.endswith("/callback"):
            kind = int((payload or {}).get("type", 0))
            data = (payload or {}).get("data") or {}
            resource: dict[str, Any] = {"type": kind}
            if kind in (4, 7):
                resource["message"] = self._store(snowflake(), CHANNEL_ID, data)
            return {
                "interaction": {
                    "id": str(route.webhook_id),
                    "type": 2,
                    "response_message_loading": kind == 5,
                    "response_message_ephemeral": bool(int(data.get("flags", 0) or 0) & 64),
                },
                "resource": resource,
            }
        if route.method in ("POST", "PATCH", "GET"):  # followups and the original response
            return {
                **self._store(snowflake(), CHANNEL_ID, payload or {}),
                "webhook_id": str(APP_ID),
            }
        return None


def _http_error(status: int) -> discord.HTTPException:
    """The exception discord.py raises for a REST answer with `status` (403 Forbidden, ...)."""
    kind = {403: discord.Forbidden, 404: discord.NotFound}.get(status, discord.HTTPException)
    reason = {401: "Unauthorized", 403: "Forbidden", 404: "Not Found"}.get(status, "Error")
    body = {"code": 50001 if status == 403 else 0, "message": reason}
    return kind(SimpleNamespace(status=status, reason=reason), body)


class _RecordingWebhookAdapter(AsyncWebhookAdapter):
    """discord.py's webhook adapter with the network call replaced by FakeDiscord."""

    def __init__(self, fake: FakeDiscord) -> None:
        super().__init__()
        self.fake = fake

    async def request(
        self, route: Route, session: Any, *, payload: Any = None, multipart: Any = None, **kw: Any
    ) -> Any:  # type: ignore[override]
        files: dict[str, bytes] = {}
        if multipart:
            payload = next(
                (json.loads(p["value"]) for p in multipart if p.get("name") == "payload_json"),
                payload,
            )
            for part in multipart:
                if part.get("name", "").startswith("files["):
                    files[part["filename"]] = part["value"].read()
        return await self.fake.webhook_request(route, payload, files)


# --- bot clients -------------------------------------------------------------------------------


class FakeInteractionHttp:
    """The bot's interaction requests (callbacks.InteractionHttp) answered by FakeDiscord, as
    discord.py's own go through `_RecordingWebhookAdapter`."""

    def __init__(self, fake: FakeDiscord) -> None:
        self.fake = fake

    async def post(self, route: Route, payload: dict[str, Any]) -> None:
        await self.fake.webhook_request(route, payload)


async def connect(client: QuizClient, fake: FakeDiscord) -> QuizClient:
    """Log the client in against the fake: discord.py's real login runs (application info,
    `setup_hook` with its dynamic items and command sync), with no token and no network."""
    client.http.request = fake.http_request  # type: ignore[method-assign]
    client.replies.http = FakeInteractionHttp(fake)
    client.http.get_from_cdn = fake.cdn_get  # type: ignore[method-assign]
    await client.login("offline-test-token")
    return client


def intercept_rest(monkeypatch: Any, fake: FakeDiscord) -> None:
    """Send the REST calls of every discord.py client, including one that code under test makes
    itself (`quizbot weekly run-due`), to `fake`; undone by `monkeypatch` after the test. A
    401 on GET /users/@me (`fake.refuse`) makes `Client.login` raise LoginFailure, as Discord's."""

    async def request(self: HTTPClient, route: Route, **kw: Any) -> Any:
        return await fake.http_request(route, **kw)

    monkeypatch.setattr(HTTPClient, "request", request)


async def disconnect(client: QuizClient) -> None:
    await client.close()


def gateway_ready(client: QuizClient) -> None:
    """What the gateway's READY does for our code: fire the client's `on_ready`."""
    client.dispatch("ready")


# --- interactions ------------------------------------------------------------------------------


def guild_payload(
    guild_id: int = GUILD_ID, roles: list[RoleOption] | None = None
) -> dict[str, Any]:
    """A guild as GUILD_CREATE describes it (with the `guilds` intent: no members)."""
    everyone = RoleOption("@everyone", id=guild_id).payload()
    return {
        "id": str(guild_id),
        "name": "Study Group",
        "icon": None,
        "owner_id": "1",
        "unavailable": False,
        "member_count": 3,
        "features": [],
        "roles": [everyone, *(r.payload() for r in roles or [])],
        "emojis": [],
        "stickers": [],
        "channels": [],
        "threads": [],
        "members": [],
        "voice_states": [],
        "presences": [],
        "stage_instances": [],
        "guild_scheduled_events": [],
        "soundboard_sounds": [],
        "large": False,
        "verification_level": 0,
        "default_message_notifications": 0,
        "explicit_content_filter": 0,
        "mfa_level": 0,
        "nsfw_level": 0,
        "premium_tier": 0,
        "preferred_locale": "en-US",
        "system_channel_flags": 0,
    }


def interaction_payload(
    kind: int,
    member: Member,
    data: dict[str, Any],
    guild_id: int = GUILD_ID,
    channel_id: int = CHANNEL_ID,
    app_permissions: int = BOT_PERMS,
) -> dict[str, Any]:
    """An interaction as Discord sends it (over the gateway, or POSTed in HTTP mode)."""
    iid = snowflake()
    return {
        "id": str(iid),
        "application_id": str(APP_ID),
        "type": kind,
        "token": interaction_token(iid),
        "version": 1,
        "guild_id": str(guild_id),
        "guild": {"id": str(guild_id), "locale": "en-US", "features": []},
        "channel_id": str(channel_id),
        "channel": {
            "id": str(channel_id),
            "type": 0,
            "guild_id": str(guild_id),
            "name": "quiz",
            "position": 0,
            "permission_overwrites": [],
            "nsfw": False,
            "parent_id": None,
            "topic": None,
            "last_message_id": None,
            "rate_limit_per_user": 0,
            "flags": 0,
        },
        "member": member.payload(),
        "app_permissions": str(app_permissions),
        "locale": "en-US",
        "guild_locale": "en-US",
        "entitlements": [],
        "authorizing_integration_owners": {"0": str(guild_id)},
        "context": 0,
        "attachment_size_limit": 10 * 1024 * 1024,
        "data": data,
    }


def command_data(path: str, options: dict[str, Any], focused: str | None = None) -> dict[str, Any]:
    """A slash command's `data` as Discord sends it: `path` like "quiz start", options
    typed by their Python value (a RoleOption is a role, resolved in the payload)."""
    top, *subs = path.split()
    resolved: dict[str, Any] = {}
    leaf: list[dict[str, Any]] = []
    for name, value in options.items():
        opt: dict[str, Any]
        if isinstance(value, bool):
            opt = {"name": name, "type": 5, "value": value}
        elif isinstance(value, int):
            opt = {"name": name, "type": 4, "value": value}
        elif isinstance(value, RoleOption):
            opt = {"name": name, "type": 8, "value": str(value.id)}
            resolved.setdefault("roles", {})[str(value.id)] = value.payload()
        elif isinstance(value, ChannelOption):
            opt = {"name": name, "type": 7, "value": str(value.id)}
            resolved.setdefault("channels", {})[str(value.id)] = value.payload()
        elif isinstance(value, AttachmentOption):
            opt = {"name": name, "type": 11, "value": str(value.id)}
            resolved.setdefault("attachments", {})[str(value.id)] = value.payload()
        else:
            opt = {"name": name, "type": 3, "value": str(value)}
        if name == focused:
            opt["focused"] = True
        leaf.append(opt)
    opts: list[dict[str, Any]] = leaf
    for depth, sub in reversed(list(enumerate(subs))):
        kind = 1 if depth == len(subs) - 1 else 2  # the leaf, else a subcommand group
        opts = [{"name": sub, "type": kind, "options": opts}]
    data: dict[str, Any] = {"id": str(snowflake()), "name": top, "type": 1, "options": opts}
    if resolved:
        data["resolved"] = resolved
    return data


@dataclass
class Sender:
    """Builds and dispatches interaction payloads for one client, guild and channel."""

    client: QuizClient
    fake: FakeDiscord
    guild_id: int = GUILD_ID
    channel_id: int = CHANNEL_ID
    app_permissions: int = BOT_PERMS

    def _base(self, kind: int, member: Member, data: dict[str, Any]) -> dict[str, Any]:
        payload = interaction_payload(
            kind, member, data, self.guild_id, self.channel_id, self.app_permissions
        )
        self.fake.tokens[payload["token"]] = int(payload["id"])
        return payload

    def guild_create(self, roles: list[RoleOption]) -> None:
        """GUILD_CREATE as the `guilds` intent delivers it on connect: fills the role cache."""
        self.client._connection.parse_guild_create(guild_payload(self.guild_id, roles))  # type: ignore[arg-type]

    async def dispatch(self, payload: dict[str, Any]) -> int:
        """Feed one INTERACTION_CREATE to discord.py and wait for every task it started."""
        before = asyncio.all_tasks()
        token = async_context.set(self.fake.adapter)
        try:
            self.client._connection.parsers["INTERACTION_CREATE"](payload)
        finally:
            async_context.reset(token)
        current = asyncio.current_task()
        for _ in range(50):
            pending = {
                t
                for t in asyncio.all_tasks() - before
                if not t.done() and t is not current and not _is_view_timer(t)
            }
            if not pending:
                break
            await asyncio.wait(pending)
        return int(payload["id"])

    async def command(self, member: Member, path: str, **options: Any) -> int:
        """A slash command, e.g. command(ann, "quiz start", questions=3)."""
        return await self.dispatch(self._base(2, member, command_data(path, options)))

    async def autocomplete(
        self, member: Member, path: str, focused: str, value: str, **options: Any
    ) -> list[dict[str, Any]]:
        data = command_data(path, {**options, focused: value}, focused=focused)
        iid = await self.dispatch(self._base(4, member, data))
        replies = self.fake.replies(iid)
        assert replies, "autocomplete got no answer"
        return list(replies[-1].payload["data"]["choices"])

    async def click(self, member: Member, message_id: int, custom_id: str) -> int:
        """A button click on a message the bot posted, carrying that message as Discord does."""
        message = self.fake.messages[message_id]
        data = {"custom_id": custom_id, "component_type": 2}
        payload = self._base(3, member, data)
        payload["message"] = message
        return await self.dispatch(payload)

    def modal(self, opened_by: int) -> dict[str, Any]:
        """The modal the bot opened in answer to interaction `opened_by`."""
        return next(
            s.payload["data"] for s in self.fake.replies(opened_by) if s.payload.get("type") == 9
        )

    def modal_values(self, opened_by: int) -> dict[str, str]:
        """What the modal's text inputs show when it opens (prefilled values), by label."""
        out: dict[str, str] = {}

        def walk(component: dict[str, Any], label: str = "") -> None:
            if component["type"] == 1:
                for c in component["components"]:
                    walk(c)
            elif component["type"] == 18:
                walk(component["component"], component.get("label", ""))
            else:
                out[component.get("label") or label] = component.get("value") or ""

        for c in self.modal(opened_by)["components"]:
            walk(c)
        return out

    async def submit_modal(self, member: Member, opened_by: int, values: dict[str, str]) -> int:
        """Submit the modal the bot opened in answer to interaction `opened_by`; `values` by
        text input label prefix (e.g. {"Question": "..."}). Inputs not given keep what the
        modal showed (its prefilled value, or empty), as when a person leaves them alone."""
        modal = self.modal(opened_by)

        def fill(component: dict[str, Any]) -> dict[str, Any]:
            if component["type"] == 1:
                return {"type": 1, "components": [fill(c) for c in component["components"]]}
            if component["type"] == 18:
                label = component.get("label", "")
                inner = dict(component["component"], label=label)
                return {"type": 18, "component": fill(inner)}
            label = component.get("label", "")
            shown = component.get("value") or ""
            value = next((v for k, v in values.items() if label.startswith(k)), shown)
            return {"type": component["type"], "custom_id": component["custom_id"], "value": value}

        data = {
            "custom_id": modal["custom_id"],
            "components": [fill(c) for c in modal["components"]],
        }
        return await self.dispatch(self._base(5, member, data))


def _is_view_timer(task: asyncio.Task[Any]) -> bool:
    """A modal's or view's expiry timer: it sleeps until the form times out, so it is not work
    the interaction started and is not waited for."""
    return "timeout_task_impl" in getattr(task.get_coro(), "__qualname__", "")


@dataclass
class RoleOption:
    name: str
    id: int = field(default_factory=snowflake)

    def payload(self) -> dict[str, Any]:
        return {
            "id": str(self.id),
            "name": self.name,
            "color": 0,
            "hoist": False,
            "position": 1,
            "permissions": "0",
            "managed": False,
            "mentionable": False,
            "flags": 0,
        }


@dataclass
class ChannelOption:
    """A channel picked in a channel option, as the interaction's `resolved` describes it."""

    name: str
    id: int = field(default_factory=snowflake)
    type: int = 0  # 0 text, 2 voice, 5 announcement

    def payload(self) -> dict[str, Any]:
        return {
            "id": str(self.id),
            "name": self.name,
            "type": self.type,
            "permissions": str(MEMBER_PERMS),
            "parent_id": None,
        }


@dataclass
class AttachmentOption:
    """A file in an attachment option; `FakeDiscord.upload` makes one and serves its bytes."""

    filename: str
    data: bytes
    id: int = field(default_factory=snowflake)
    size: int | None = None  # what Discord reports; defaults to len(data)

    @property
    def url(self) -> str:
        return f"https://cdn.discordapp.com/attachments/{CHANNEL_ID}/{self.id}/{self.filename}"

    def payload(self) -> dict[str, Any]:
        return {
            "id": str(self.id),
            "filename": self.filename,
            "size": len(self.data) if self.size is None else self.size,
            "url": self.url,
            "proxy_url": self.url.replace("cdn.discordapp.com", "media.discordapp.net"),
            "content_type": "text/plain; charset=utf-8",
            "ephemeral": True,
        }


def buttons(message: dict[str, Any]) -> list[dict[str, Any]]:
    """The buttons of a message payload, in order."""
    out: list[dict[str, Any]] = []
    for row in message.get("components") or []:
        out.extend(c for c in row.get("components", []) if c.get("type") == 2)
    return out


__all__ = [
    "APP_ID",
    "CHANNEL_ID",
    "GUILD_ID",
    "AttachmentOption",
    "ChannelOption",
    "FakeDiscord",
    "Member",
    "RoleOption",
    "Sender",
    "Sent",
    "buttons",
    "connect",
    "disconnect",
    "intercept_rest",
]
