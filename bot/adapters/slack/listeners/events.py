"""App Home: the user's own stats, mastery per topic and this week's leaderboard, published when
they open it, with "Start a quiz" and "Review now"."""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt.context.async_context import AsyncBoltContext
from slack_sdk.web.async_client import AsyncWebClient

from bot.adapters.slack.deps import deps_of
from bot.adapters.slack.render import home_view
from bot.adapters.slack.study import mastery_blocks

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
    mastery = await deps.service.study.mastery(player)
    await client.views_publish(
        user_id=event["user"], view=home_view(stats, board, mastery_blocks(mastery))
    )
