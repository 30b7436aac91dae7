"""Answer buttons, as Bolt delivers them (HTTP mode and Socket Mode take answer clicks before
Bolt, see `clicks`; this listener is the same steps for a click that reaches Bolt). The click
is acked after its answer is written (see `bot.adapters.acking`): Slack shows nothing for a
block_actions ack, so the receipt follows as an ephemeral message either way."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from typing import Any

from slack_bolt.context.async_context import AsyncBoltContext

from bot.adapters.slack import clicks
from bot.adapters.slack.deps import deps_of
from bot.core.view_ids import ANSWER_ID_PATTERN

ANSWER_ACTION = re.compile(f"^{ANSWER_ID_PATTERN}$")


async def answer(
    ack: Callable[..., Awaitable[Any]], body: dict[str, Any], context: AsyncBoltContext
) -> None:
    deps = deps_of(context)
    click = clicks.answer_click(body)
    if click is None:
        await ack()
        return
    await clicks.taken(deps, click)
    await ack()
