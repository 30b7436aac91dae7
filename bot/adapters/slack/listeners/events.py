"""App Home: the user's own stats and this week's leaderboard, published when they open it."""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt.context.async_context import AsyncBoltContext
from slack_sdk.web.async_client import AsyncWebClient

from bot.adapters.slack.deps import deps_of
from bot.adapters.slack.render import home_view

log = logging.getLogger(__name__)


async def home_opened(
    body: dict[str, Any],
    event: dict[str, Any],
    client: AsyncWebClient,
    context: AsyncBoltContext,
) -> None:
    deps = deps_of(context)
    # Events are acked by Bolt before this runs.
    if event.get("tab", "home") != "home" or not event.get("user"):
        return
    player = await deps.users.player(client, body)
    stats = await deps.service.engine.player_stats(player)
    board = await deps.service.engine.leaderboard(player.team, "week", 10)
    await client.views_publish(user_id=event["user"], view=home_view(stats, board))
