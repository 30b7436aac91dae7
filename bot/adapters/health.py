"""`GET /healthz` of the HTTP modes (Slack's and Discord's): what a load balancer or the image's
HEALTHCHECK asks before sending a replica traffic."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import web

from bot.core.ports import Repository

HEALTH_PATH = "/healthz"


async def health_status(repo: Repository) -> tuple[int, dict[str, Any]]:
    """200 `{"ok": true}` while the database answers; 503 naming the error's kind if not."""
    try:
        await repo.ping()
    except Exception as exc:
        return 503, {"ok": False, "database": exc.__class__.__name__}
    return 200, {"ok": True}


def health_check(repo: Repository) -> Callable[[web.Request], Awaitable[web.Response]]:
    """`health_status` as an aiohttp handler."""

    async def healthz(request: web.Request) -> web.Response:
        status, body = await health_status(repo)
        return web.json_response(body, status=status)

    return healthz
