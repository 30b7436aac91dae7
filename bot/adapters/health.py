"""`GET /healthz` of the HTTP modes (Slack's and Discord's): what a load balancer or the image's
HEALTHCHECK asks before sending a replica traffic."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from aiohttp import web

from bot.core.ports import Repository

HEALTH_PATH = "/healthz"


def health_check(repo: Repository) -> Callable[[web.Request], Awaitable[web.Response]]:
    """200 `{"ok": true}` while the database answers; 503 naming the error's kind if not."""

    async def healthz(request: web.Request) -> web.Response:
        try:
            await repo.ping()
        except Exception as exc:
            return web.json_response({"ok": False, "database": exc.__class__.__name__}, status=503)
        return web.json_response({"ok": True})

    return healthz
