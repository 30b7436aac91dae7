"""Slack's HTTP mode on the lean HTTP server (`bot.adapters.http_endpoint`, the one under
Discord's HTTP interactions mode too).

POST /slack/events: `gate` checks the signature on the raw bytes first. An answer click is then
taken at once (`clicks.answer`): no Bolt request or response, and no task but the click's own
work; its HTTP response (200, empty, as Bolt acks a block action) is written in the step that
learns the answer is written, before that step goes on to the receipt.
Every other request (slash commands, views, events, other actions) goes to Bolt's AsyncApp
through its own request and response objects, as its aiohttp adapter would pass them. GET
/healthz pings the database; with OAuth installs, Bolt's install and redirect pages are served
as well.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from slack_bolt.request.async_request import AsyncBoltRequest
from slack_bolt.response import BoltResponse

from bot.adapters.health import HEALTH_PATH, health_status
from bot.adapters.http_endpoint import Answer, Endpoint, Later, Request, Response
from bot.adapters.slack import clicks, gate
from bot.adapters.slack.deps import SlackDeps
from bot.boundary import new_reference
from bot.core.ports import Repository

log = logging.getLogger(__name__)

EVENTS_PATH = "/slack/events"
# The headers Bolt reads besides the signature's (its retry headers, the OAuth state cookie);
# others never reach it.
WANTED = (
    gate.TIMESTAMP,
    gate.SIGNATURE,
    gate.CONTENT_TYPE,
    b"x-slack-retry-num",
    b"x-slack-retry-reason",
    b"cookie",
)
_ACK = Response(200, b"", b"text/plain")  # how Bolt acks a block action: 200, empty

# Header lines the server writes itself
_OURS = frozenset(("content-length", "connection", "transfer-encoding"))

BoltHandler = Callable[[AsyncBoltRequest], Awaitable[BoltResponse]]


class SlackRequests:
    """The server's handler: routes a request by path and method."""

    def __init__(self, bolt: Any, deps: SlackDeps, repo: Repository, signing_secret: str) -> None:
        self.bolt = bolt  # slack_bolt's AsyncApp
        self.deps = deps
        self.repo = repo
        self.secret = signing_secret.encode()
        self.pages: dict[str, BoltHandler] = {}
        flow = bolt.oauth_flow
        if flow is not None:
            self.pages[flow.install_path] = flow.handle_installation
            self.pages[flow.redirect_uri_path] = flow.handle_callback

    def __call__(self, request: Request) -> Response | Later | Awaitable[Answer]:
        if request.path == EVENTS_PATH:
            if request.method == "POST":
                return self.event(request)
        elif request.path == HEALTH_PATH:
            if request.method == "GET":
                return self.health()
        elif request.path in self.pages:
            if request.method == "GET":
                return self.page(self.pages[request.path], request)
        else:
            return Response.json({"error": "not found"}, 404)
        return Response.json({"error": f"{request.method} is not allowed here"}, 405)

    def event(self, request: Request) -> Response | Later | Awaitable[Answer]:
        checked = gate.check(request.body, request.headers, self.secret)
        if isinstance(checked, gate.Refusal):
            gate.log_refusal(checked, request.body, request.peer)
            return Response.json({"error": checked.reason}, checked.status)
        click = clicks.answer_click(checked.payload) if checked.payload is not None else None
        if click is None:
            return self.dispatch(request)
        if self.deps.messenger.token_for is None:  # one workspace: every click is ours
            return self.take(click)
        return self.installed_click(click, request)

    def take(self, click: clicks.AnswerClick) -> Later:
        """The click's response, given (and written) once its answer is written, or the ack
        budget spent."""
        response = Later()
        clicks.answer(self.deps, click, functools.partial(response.give, _ACK))
        return response

    async def installed_click(self, click: clicks.AnswerClick, request: Request) -> Answer:
        """With OAuth installs: a click from a workspace that installed the app is taken here;
        Bolt answers one it does not know."""
        if await clicks.authorized(self.deps, click):
            await clicks.taken(self.deps, click)
            return _ACK
        return await self.dispatch(request)

    async def dispatch(self, request: Request) -> Response:
        """A signed request for Bolt, and Bolt's response."""
        try:
            response = await self.bolt.async_dispatch(bolt_request(request))
        except Exception as exc:  # a signed request whose shape Bolt could not take
            reference = new_reference()
            log.warning(
                "refused a signed request Bolt could not read, reference %s: %s: %s",
                reference,
                type(exc).__name__,
                str(exc)[: gate.LOGGED_PREFIX],
            )
            return Response.json({"error": f"malformed request ({reference})"}, 400)
        return from_bolt(response)

    async def page(self, handler: BoltHandler, request: Request) -> Response:
        """Bolt's OAuth install page or redirect (its state cookie is set and read here)."""
        return from_bolt(await handler(bolt_request(request)))

    async def health(self) -> Response:
        status, body = await health_status(self.repo)
        return Response.json(body, status)


def bolt_request(request: Request) -> AsyncBoltRequest:
    """Bolt's request object for ours (the gate made sure an event's body is UTF-8)."""
    return AsyncBoltRequest(
        body=request.body.decode("utf-8", "replace"),
        query=request.query,
        headers={k.decode("latin-1"): v.decode("latin-1") for k, v in request.headers.items()},
    )


def from_bolt(response: BoltResponse) -> Response:
    """Our response for Bolt's: its status, body and headers (cookies included) as it made
    them; JSON or plain text when it names no content type, as its aiohttp adapter."""
    headers = dict(response.headers)
    body = response.body
    default = "application/json" if body.startswith("{") else "text/plain"
    content_type = (headers.pop("content-type", None) or [default])[0]
    lines = tuple(
        (name.encode("latin-1"), str(value).encode("utf-8"))
        for name, values in headers.items()
        if name not in _OURS
        for value in values
    )
    return Response(response.status, body.encode("utf-8"), content_type.encode(), lines)


def build_endpoint(bolt: Any, deps: SlackDeps, repo: Repository, signing_secret: str) -> Endpoint:
    """POST /slack/events, GET /healthz (and the OAuth pages) on the lean HTTP server."""
    return Endpoint(
        SlackRequests(bolt, deps, repo, signing_secret), WANTED, max_body=gate.MAX_BODY_BYTES
    )
