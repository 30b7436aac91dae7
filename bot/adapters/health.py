"""`GET /healthz` of the HTTP modes (Slack's and Discord's): what a load balancer or the image's
HEALTHCHECK asks before sending a replica traffic."""

from __future__ import annotations

from typing import Any

from bot.core.ports import Repository

HEALTH_PATH = "/healthz"


async def health_status(repo: Repository) -> tuple[int, dict[str, Any]]:
    """200 `{"ok": true}` while the database answers; 503 naming the error's kind if not."""
    try:
        await repo.ping()
    except Exception as exc:
        return 503, {"ok": False, "database": exc.__class__.__name__}
    return 200, {"ok": True}
