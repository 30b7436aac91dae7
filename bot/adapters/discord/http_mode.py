"""`quizbot run discord --http --port P`: the bot as Discord's Interactions Endpoint URL.

Discord POSTs every interaction to `/discord/interactions`, signed with the application's
Ed25519 key over timestamp + body. The response body is the interaction's initial response, so
no callback request is made and any replica behind a load balancer can take any interaction:
like Slack's HTTP mode, N stateless replicas share one database (the due loop runs in each; every
transition is guarded there). The client logs in over REST (user, application, command sync) and
never opens a gateway connection.

Answer clicks go the same way as in gateway mode (`clicks`): the response is sent once the answer
is written (the receipt itself), so an acknowledged click is a written click here too. Every
other interaction (commands, forms, autocomplete) goes to discord.py's own dispatch, the same
command tree and handlers as the gateway mode, with its initial response captured for the body
(`BodyResponses`); their followups, and the game's cards and reveals, go over REST as usual.

401: a missing, wrong or stale (over 5 minutes) signature (Discord checks, when the URL is saved,
that a badly signed PING is refused); 400: a signed body that is not an interaction.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import Awaitable
from dataclasses import dataclass
from typing import Any

import orjson
from discord.http import MultipartParameters
from discord.webhook.async_ import AsyncWebhookAdapter, async_context
from nacl.exceptions import BadSignatureError
from nacl.signing import VerifyKey

from bot.adapters.discord import clicks
from bot.adapters.discord.callbacks import RestReplies
from bot.adapters.discord.client import QuizClient
from bot.adapters.health import HEALTH_PATH, health_status
from bot.adapters.http_endpoint import Endpoint, Request, Response
from bot.core.ports import Repository

log = logging.getLogger(__name__)

INTERACTIONS_PATH = "/discord/interactions"
SIGNATURE = "X-Signature-Ed25519"
TIMESTAMP = "X-Signature-Timestamp"
MAX_AGE_SECONDS = 300  # a signed request older (or newer) than this is a replay
MAX_BODY_BYTES = 1 << 20
# A handler's initial response must come within this; else the body is a deferral ("thinking")
# and the late response becomes an edit of it. Discord waits 3 seconds for the body.
RESPONSE_BUDGET_SECONDS = 2.5
PING = 1
PONG = {"type": 1}
MODAL_RESPONSE = 9
AUTOCOMPLETE_RESPONSE = 8


def signature_problem(
    key: VerifyKey, body: bytes, signature: str, timestamp: str, now: float
) -> str | None:
    """Why a request is not Discord's (None when it is): the Ed25519 signature of
    timestamp + body under the application's public key, and a timestamp within 5 minutes."""
    if not signature or not timestamp:
        return f"no {SIGNATURE} and {TIMESTAMP} headers"
    try:
        key.verify(timestamp.encode() + body, bytes.fromhex(signature))
    except (BadSignatureError, ValueError):
        return "wrong signature"
    if not timestamp.isdigit() or abs(now - int(timestamp)) > MAX_AGE_SECONDS:
        return "stale timestamp"
    return None


def callback_result(interaction_id: Any, response: dict[str, Any]) -> dict[str, Any]:
    """What Discord answers a callback request with (`with_response`), which discord.py reads
    after sending an initial response."""
    kind = int(response.get("type", 0))
    flags = int((response.get("data") or {}).get("flags", 0) or 0)
    return {
        "interaction": {
            "id": str(interaction_id),
            "type": kind,
            "response_message_loading": kind == clicks.DEFERRED_RESPONSE,
            "response_message_ephemeral": bool(flags & clicks.EPHEMERAL),
        },
        "resource": {"type": kind},
    }


class BodyResponses(AsyncWebhookAdapter):
    """discord.py's webhook adapter, except that the initial response of an interaction whose
    request is waiting (`pending`) becomes that request's body instead of a callback request.
    One that comes too late (the body went out as a deferral) or carries a file (a JSON body
    cannot) becomes an edit of the deferred response. Followups and edits go over REST."""

    def __init__(self, application_id: int) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.application_id = application_id
        self.pending: dict[str, asyncio.Future[dict[str, Any]]] = {}

    async def create_interaction_response(  # type: ignore[override]
        self,
        interaction_id: int,
        token: str,
        *,
        session: Any,
        proxy: str | None = None,
        proxy_auth: Any = None,
        params: MultipartParameters,
    ) -> dict[str, Any]:
        body = self.pending.get(str(interaction_id))
        payload = params.payload
        if body is not None and not body.done():
            if payload is not None and not params.files:
                body.set_result(payload)
                return callback_result(interaction_id, payload)
            body.set_result(clicks.DEFERRED)
        kind = int((payload or {}).get("type", clicks.MESSAGE_RESPONSE))
        if kind in (MODAL_RESPONSE, AUTOCOMPLETE_RESPONSE):
            log.warning("interaction %s answered too late for its response", interaction_id)
            return callback_result(interaction_id, clicks.DEFERRED)
        data, multipart = _as_edit(params)
        await self.edit_original_interaction_response(
            self.application_id,
            token,
            session=session,
            proxy=proxy,
            proxy_auth=proxy_auth,
            payload=data,
            multipart=multipart,
            files=params.files,
        )
        return callback_result(interaction_id, clicks.DEFERRED)


def _as_edit(params: MultipartParameters) -> tuple[dict[str, Any] | None, list[Any] | None]:
    """An initial response's message, as the edit of a deferred response carries it."""
    if params.multipart is None:
        return dict((params.payload or {}).get("data") or {}), None
    parts = []
    for part in params.multipart:
        if part.get("name") == "payload_json":
            inner = json.loads(part["value"]).get("data") or {}
            part = {**part, "value": json.dumps(inner)}
        parts.append(part)
    return None, parts


@dataclass
class BodyReplies:
    """Implements clicks.Replies in HTTP mode: the response is the request's body (or, if the
    body already went out as a deferral, a followup); followups over REST."""

    body: asyncio.Future[dict[str, Any]]
    rest: RestReplies

    async def respond(self, click: clicks.AnswerClick, response: dict[str, Any]) -> None:
        if not self.body.done():
            self.body.set_result(response)
        elif response.get("type") == clicks.MESSAGE_RESPONSE:
            await self.rest.follow_up(click, response["data"])

    async def follow_up(self, click: clicks.AnswerClick, data: dict[str, Any]) -> None:
        await self.rest.follow_up(click, data)


class Interactions:
    """The endpoint's requests: POST /discord/interactions verified, then answered in the
    body (a click once its answer is written: by a future, without a task of its own), and
    GET /healthz."""

    def __init__(
        self,
        client: QuizClient,
        repo: Repository,
        public_key: str,
        *,
        budget: float = RESPONSE_BUDGET_SECONDS,
    ) -> None:
        self.client = client
        self.repo = repo
        self.key = VerifyKey(bytes.fromhex(public_key))
        self.adapter = BodyResponses(client.application_id or 0)
        self.budget = budget

    def __call__(self, request: Request) -> Response | Awaitable[Response | dict[str, Any]]:
        if request.path == INTERACTIONS_PATH and request.method == "POST":
            return self.interaction(request)
        if request.path == HEALTH_PATH and request.method == "GET":
            return self.health()
        if request.path in (INTERACTIONS_PATH, HEALTH_PATH):
            return Response.json({"error": f"{request.method} is not allowed here"}, 405)
        return Response.json({"error": "not found"}, 404)

    def interaction(self, request: Request) -> Response | asyncio.Future[dict[str, Any]]:
        headers = request.headers
        problem = signature_problem(
            self.key,
            request.body,
            headers.get(_SIGNATURE_KEY, b"").decode("latin-1"),
            headers.get(_TIMESTAMP_KEY, b"").decode("latin-1"),
            time.time(),
        )
        if problem is not None:
            return _refuse(401, problem, request)
        try:
            data = orjson.loads(request.body)
        except ValueError:
            data = None
        if not isinstance(data, dict) or not isinstance(data.get("type"), int):
            return _refuse(400, "the body is not an interaction", request)
        if data["type"] == PING:
            return Response(200, _PONG)
        loop = asyncio.get_running_loop()
        answer: asyncio.Future[dict[str, Any]] = loop.create_future()
        click = clicks.answer_click(data)
        if click is not None:
            self.client.take_click(click, BodyReplies(answer, self.client.replies))
        else:
            iid = str(data.get("id"))
            pending = self.adapter.pending
            pending[iid] = answer
            context = async_context.set(self.adapter)
            try:
                self.client._connection.parse_interaction_create(data)  # type: ignore[arg-type]
            except Exception as exc:  # a signed payload discord.py cannot read
                pending.pop(iid, None)
                return _refuse(400, f"unreadable interaction ({type(exc).__name__})", request)
            finally:
                async_context.reset(context)
            answer.add_done_callback(lambda _: pending.pop(iid, None))
        if not answer.done():
            # At the budget the body becomes a deferral (a timer: no task to wait with).
            timer = loop.call_later(self.budget, _defer, answer)
            answer.add_done_callback(lambda _: timer.cancel())
        return answer

    async def health(self) -> Response:
        status, body = await health_status(self.repo)
        return Response.json(body, status)


def build_endpoint(
    client: QuizClient,
    repo: Repository,
    public_key: str,
    *,
    budget: float = RESPONSE_BUDGET_SECONDS,
) -> Endpoint:
    """The interactions endpoint (and /healthz) on the lean HTTP server of `endpoint`."""
    return Endpoint(
        Interactions(client, repo, public_key, budget=budget),
        (_SIGNATURE_KEY, _TIMESTAMP_KEY),
        max_body=MAX_BODY_BYTES,
    )


_SIGNATURE_KEY = SIGNATURE.lower().encode()
_TIMESTAMP_KEY = TIMESTAMP.lower().encode()
_PONG = orjson.dumps(PONG)


def _defer(answer: asyncio.Future[dict[str, Any]]) -> None:
    if not answer.done():
        answer.set_result(clicks.DEFERRED)


def _refuse(status: int, reason: str, request: Request) -> Response:
    log.warning("refused a request from %s with %d: %s", request.peer, status, reason)
    return Response.json({"error": reason}, status)
