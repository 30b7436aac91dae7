"""`quizbot run slack`: the Bolt AsyncApp, in Socket Mode or HTTP mode, plus the due loop.

Socket Mode (SLACK_APP_TOKEN set) needs no public URL: the quick start. HTTP mode serves
`/slack/events` (the signature checked with SLACK_SIGNING_SECRET on the raw body before anything
parses it, see `gate`) and `GET /healthz` for a load balancer, on the lean HTTP server that
serves Discord's HTTP mode too (see `http_mode`); any number of replicas can share the
database because every game transition is guarded there.

Without SLACK_BOT_TOKEN but with SLACK_CLIENT_ID and SLACK_CLIENT_SECRET, HTTP mode runs as a
distributable app: `/slack/install` and `/slack/oauth_redirect` install it into any workspace,
and each workspace's bot token is stored in our database by slack_sdk's SQLAlchemy stores.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sys
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import aiohttp
from slack_bolt.async_app import AsyncApp
from slack_bolt.oauth.async_oauth_settings import AsyncOAuthSettings
from slack_sdk.web.async_client import AsyncWebClient
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.adapters.acking import ACK_DEADLINE_SECONDS
from bot.adapters.health import HEALTH_PATH
from bot.adapters.heap import settle_heap
from bot.adapters.http_endpoint import Endpoint
from bot.adapters.inflight import InFlight
from bot.adapters.outbox import OrderedMessenger, Outbox
from bot.adapters.shutdown import settle, stop_on_signals
from bot.adapters.slack import clicks, gate, http_mode, listeners
from bot.adapters.slack.deps import SlackDeps
from bot.adapters.slack.identity import PLATFORM, UserDirectory
from bot.adapters.slack.messenger import SlackMessenger, make_client
from bot.adapters.slack.receipts import Receipts
from bot.config import Settings
from bot.core.due import DueLoop
from bot.core.ports import Messenger, Repository
from bot.service import QuizService, build_service, deck_limits

if TYPE_CHECKING:  # OAuth installs only (`Installs.create` imports them)
    from slack_sdk.oauth.installation_store.sqlalchemy import AsyncSQLAlchemyInstallationStore
    from slack_sdk.oauth.state_store.sqlalchemy import AsyncSQLAlchemyOAuthStateStore

log = logging.getLogger(__name__)

EVENTS_PATH = http_mode.EVENTS_PATH


class ConfigError(RuntimeError):
    """A setting the chosen mode needs is missing; the message names it."""


# keep in step with manifest.yaml; files:write and im:write send `/quiz export` to the admin,
# files:read lets `/quiz import` fetch the file attached in its form
SCOPES = ("commands", "chat:write", "users:read", "files:read", "files:write", "im:write")
OAUTH_STATE_SECONDS = 600
# Shutdown lets listener runs that already acked finish for at most this long (compose gives
# the container 20 s after SIGTERM).


def oauth_mode(settings: Settings) -> bool:
    """Many workspaces: client id and secret, and no single-workspace bot token."""
    return (
        settings.slack_bot_token is None
        and bool(settings.slack_client_id)
        and settings.slack_client_secret is not None
    )


def client_from_settings(
    settings: Settings, session: aiohttp.ClientSession | None = None
) -> AsyncWebClient:
    if oauth_mode(settings):
        return make_client(None, settings.slack_api_url, session)  # tokens come per workspace
    if settings.slack_bot_token is None:
        raise ConfigError(
            "SLACK_BOT_TOKEN is not set (the xoxb-... token of your Slack app); or set "
            "SLACK_CLIENT_ID and SLACK_CLIENT_SECRET to install the app into many workspaces."
        )
    token = settings.slack_bot_token.get_secret_value()
    return make_client(token, settings.slack_api_url, session)


# How long a workspace's bot token is reused before the installation store is read again.
TOKEN_CACHE_SECONDS = 60.0


@dataclass
class Installs:
    """OAuth installs kept in our database (tables made by our migrations)."""

    installations: AsyncSQLAlchemyInstallationStore
    states: AsyncSQLAlchemyOAuthStateStore
    _tokens: dict[str, tuple[float, str | None]] = field(default_factory=dict, repr=False)

    @classmethod
    def create(cls, client_id: str, engine: AsyncEngine) -> Installs:
        from slack_sdk.oauth.installation_store.sqlalchemy import (
            AsyncSQLAlchemyInstallationStore,
        )
        from slack_sdk.oauth.state_store.sqlalchemy import AsyncSQLAlchemyOAuthStateStore

        return cls(
            AsyncSQLAlchemyInstallationStore(client_id=client_id, engine=engine),
            AsyncSQLAlchemyOAuthStateStore(expiration_seconds=OAUTH_STATE_SECONDS, engine=engine),
        )

    async def token_for(self, team_id: str) -> str | None:
        """The bot token of a workspace that installed the app (None if it never did), kept
        for a minute: every click and receipt asks."""
        now = time.monotonic()
        hit = self._tokens.get(team_id)
        if hit is not None and now - hit[0] < TOKEN_CACHE_SECONDS:
            return hit[1]
        bot = await self.installations.async_find_bot(enterprise_id=None, team_id=team_id)
        token = bot.bot_token if bot is not None else None
        self._tokens[team_id] = (now, token)
        return token


# Bolt's name for the app, which names its listeners' logger: under ours, so their lines
# pass through our logging setup (and bolt_logger's filter, which Bolt copies onto it).
BOLT_APP_NAME = "bot.adapters.slack.bolt.app"


def bolt_logger() -> logging.Logger:
    """Bolt's logger, its messages cut short (it quotes whole request bodies)."""
    logger = logging.getLogger("bot.adapters.slack.bolt")
    if not any(isinstance(f, gate.BoundedMessages) for f in logger.filters):
        logger.addFilter(gate.BoundedMessages())
    return logger


@dataclass
class SlackApp:
    """The Bolt app, and what its listeners share (which the click fast path uses too)."""

    bolt: AsyncApp
    deps: SlackDeps


def build_app(
    service: QuizService,
    settings: Settings,
    client: AsyncWebClient | None = None,
    *,
    users: UserDirectory | None = None,
    installs: Installs | None = None,
    inflight: InFlight | None = None,
    outbox: Outbox | None = None,
    receipts: Receipts | None = None,
    ack_budget_seconds: float = ACK_DEADLINE_SECONDS,
) -> SlackApp:
    """The Bolt app with every listener registered. `client` defaults to one made from the
    settings (bot token, SLACK_API_URL, 429 retries). With `installs` it is an OAuth app.
    `ack_budget_seconds`: how long work may take before its ack goes out regardless."""
    client = client or client_from_settings(settings)
    secret = settings.slack_signing_secret
    socket_mode = settings.slack_app_token is not None and installs is None
    if secret is None and not socket_mode:
        raise ConfigError(
            "SLACK_SIGNING_SECRET is not set; HTTP mode needs it to verify requests "
            "(or set SLACK_APP_TOKEN for Socket Mode)."
        )
    oauth: AsyncOAuthSettings | None = None
    if installs is not None:
        if not settings.slack_client_id or settings.slack_client_secret is None:
            raise ConfigError("OAuth mode needs SLACK_CLIENT_ID and SLACK_CLIENT_SECRET.")
        oauth = AsyncOAuthSettings(
            client_id=settings.slack_client_id,
            client_secret=settings.slack_client_secret.get_secret_value(),
            scopes=list(SCOPES),
            installation_store=installs.installations,
            state_store=installs.states,
            state_expiration_seconds=OAUTH_STATE_SECONDS,
        )
    app = AsyncApp(
        client=client,
        signing_secret=secret.get_secret_value() if secret else None,
        # Socket Mode requests are not HTTP-signed; HTTP requests always are checked.
        request_verification_enabled=not socket_mode or secret is not None,
        oauth_settings=oauth,
        installation_store=installs.installations if installs else None,
        logger=bolt_logger(),
        # Named, so Bolt does not name it after its caller's file by inspect.stack(), which
        # reads the source of every frame on the stack: about 50 ms of start-up.
        name=BOLT_APP_NAME,
    )
    deps = SlackDeps(
        service=service,
        messenger=SlackMessenger(client, installs.token_for if installs else None, receipts),
        users=users or UserDirectory(),
        inflight=inflight or InFlight(),
        outbox=outbox or Outbox(),
        ack_budget_seconds=ack_budget_seconds,
    )
    listeners.register(app, deps)
    return SlackApp(app, deps)


def build_endpoint(app: SlackApp, repo: Repository, signing_secret: str) -> Endpoint:
    """HTTP mode's server: answer clicks straight to `clicks`, anything else into Bolt
    (see `http_mode`)."""
    return http_mode.build_endpoint(app.bolt, app.deps, repo, signing_secret)


MessengerFactory = Callable[[AsyncEngine], Messenger]


@asynccontextmanager
async def running_service(
    settings: Settings, make_messenger: MessengerFactory
) -> AsyncIterator[tuple[QuizService, Repository, AsyncEngine]]:
    """Runtime + service + due loop in the background; on exit: refuse new rounds, stop the
    loop, close the database."""
    from bot.runtime import open_runtime

    async with open_runtime(settings, serve=True) as rt:
        service = build_service(
            rt.repo, make_messenger(rt.engine), PLATFORM, deck_limits=deck_limits(settings)
        )
        loop = DueLoop(service.due_step, poll_seconds=settings.due_poll_seconds)
        service.engine.on_schedule = loop.poke
        task = asyncio.create_task(loop.run(), name="quizbot-due-loop")
        try:
            yield service, rt.repo, rt.engine
        finally:
            service.engine.accepting_rounds = False
            loop.stop()
            with contextlib.suppress(asyncio.CancelledError):
                await task


async def serve(
    settings: Settings,
    port: int,
    stop: asyncio.Event,
    host: str = "0.0.0.0",
    ready: Callable[[], None] | None = None,
) -> int:
    """Run until `stop` is set; `ready` is called once start-up is done. Returns the process
    exit code."""
    oauth = oauth_mode(settings)
    if oauth and settings.slack_app_token is not None:
        raise ConfigError(
            "OAuth install mode runs over HTTP: unset SLACK_APP_TOKEN, or set SLACK_BOT_TOKEN "
            "for a single workspace in Socket Mode."
        )
    # One session for every Web API call: kept-alive connections instead of one per call;
    # receipts on a client of their own (see `receipts`).
    receipts = Receipts()
    try:
        async with aiohttp.ClientSession() as session:
            client = client_from_settings(settings, session)
            return await _serve(
                settings, port, stop, host, client, receipts, ready or (lambda: None)
            )
    finally:
        await receipts.close()


async def _serve(
    settings: Settings,
    port: int,
    stop: asyncio.Event,
    host: str,
    client: AsyncWebClient,
    receipts: Receipts,
    ready: Callable[[], None],
) -> int:
    oauth = oauth_mode(settings)
    installs: Installs | None = None
    outbox = Outbox()

    def make_messenger(engine: AsyncEngine) -> Messenger:
        nonlocal installs
        if not oauth:
            return OrderedMessenger(SlackMessenger(client, receipts=receipts), outbox)
        installs = Installs.create(str(settings.slack_client_id), engine)
        return OrderedMessenger(SlackMessenger(client, installs.token_for, receipts), outbox)

    async with running_service(settings, make_messenger) as (service, repo, _engine):
        inflight = InFlight()
        app = build_app(
            service,
            settings,
            client,
            installs=installs,
            inflight=inflight,
            outbox=outbox,
            receipts=receipts,
        )
        if settings.slack_app_token is not None:
            handler = guarded_socket_mode(app, settings.slack_app_token.get_secret_value())
            ready()
            try:
                await _connect_until_stopped(handler, stop)
            finally:
                await handler.close_async()
                await settle(service, inflight, "Slack request(s)")
            return 0
        assert settings.slack_signing_secret is not None  # build_app refused HTTP mode without
        endpoint = build_endpoint(app, repo, settings.slack_signing_secret.get_secret_value())
        await endpoint.start(host, port)
        ready()
        log.info(
            "Slack app (%s) serving %s and %s on port %s",
            "OAuth installs" if oauth else "one workspace",
            EVENTS_PATH,
            HEALTH_PATH,
            port,
        )
        try:
            await stop.wait()
        finally:
            service.engine.accepting_rounds = False
            endpoint.stop_listening()  # no new requests; those in progress get their response
            await settle(service, inflight, "Slack request(s)")
            await endpoint.close()
        return 0


def guarded_socket_mode(app: SlackApp, app_token: str) -> Any:
    """Bolt's Socket Mode handler, except that a malformed envelope (Slack's socket authenticates
    it, not its shape) is acked and logged in one line, by the same rules as HTTP bodies
    (`gate.payload_problem`), instead of a traceback and an envelope Slack keeps re-sending;
    and an answer click goes straight to `clicks`, as in HTTP mode."""
    from slack_bolt.adapter.socket_mode.aiohttp import AsyncSocketModeHandler
    from slack_bolt.adapter.socket_mode.async_internals import (
        run_async_bolt_app,
        send_async_response,
    )
    from slack_sdk.socket_mode.response import SocketModeResponse

    class Guarded(AsyncSocketModeHandler):
        async def handle(self, client: Any, req: Any) -> None:
            started = time.time()
            problem = gate.payload_problem(req.payload)
            if problem is not None:
                log.warning("acked a malformed %s envelope unread: %s", req.type, problem)
                await client.send_socket_mode_response(SocketModeResponse(req.envelope_id))
                return
            click = clicks.answer_click(req.payload) if req.type == "interactive" else None
            if click is not None and await clicks.authorized(app.deps, click):
                await clicks.taken(app.deps, click)
                await client.send_socket_mode_response(SocketModeResponse(req.envelope_id))
                return
            response = await run_async_bolt_app(self.app, req)
            await send_async_response(client, req, response, started)

    return Guarded(app.bolt, app_token)


async def _connect_until_stopped(handler: Any, stop: asyncio.Event) -> None:
    """Socket Mode until `stop`. A stop also ends a connect that keeps retrying (a revoked
    app token makes slack_sdk retry forever), so SIGTERM is never stuck behind it."""
    connecting = asyncio.ensure_future(handler.connect_async())
    stopped = asyncio.ensure_future(stop.wait())
    try:
        await asyncio.wait({connecting, stopped}, return_when=asyncio.FIRST_COMPLETED)
        if connecting.done():
            connecting.result()
            log.info("Slack app connected in Socket Mode")
            await stopped
    finally:
        for task in (connecting, stopped):
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task


async def run(settings: Settings, port: int = 3000) -> int:
    """`quizbot run slack [--port N]`: until SIGTERM or Ctrl-C."""
    stop = stop_on_signals()
    try:
        return await serve(settings, port, stop, ready=settle_heap)
    except ConfigError as exc:  # said as the CLI says a setting it refuses (its exit code too)
        print(f"error: {exc}", file=sys.stderr)
        return 2
