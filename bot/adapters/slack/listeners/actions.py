"""Answer buttons. The button's own action_id (bot/core/view_ids.py) carries
everything, so any replica can take the click. Slack may deliver a click twice; the database's
one-answer-per-player constraint makes the second a polite refusal, never a second score.

The click is acked after its answer is written (see `bot.adapters.acking`): Slack shows nothing
for a block_actions ack, so the receipt follows as an ephemeral message either way."""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Awaitable, Callable
from typing import Any

from slack_bolt.context.async_context import AsyncBoltContext
from slack_sdk.web.async_client import AsyncWebClient

from bot.adapters.acking import finished_within
from bot.adapters.slack.deps import SlackDeps, deps_of
from bot.adapters.slack.escape import escape_cut
from bot.adapters.slack.identity import channel_from, user_id_of
from bot.boundary import log_unexpected
from bot.core.errors import QuizError
from bot.core.play.answering import AnswerOutcome
from bot.core.view_ids import ANSWER_ID_PATTERN, parse_answer_id

log = logging.getLogger(__name__)

ANSWER_ACTION = re.compile(f"^{ANSWER_ID_PATTERN}$")


async def write(
    deps: SlackDeps, client: AsyncWebClient, body: dict[str, Any], rq_id: int, index: int
) -> AnswerOutcome:
    player = await deps.users.player(client, body)
    return await deps.service.engine.record_answer(rq_id, player, index)


async def answer(
    ack: Callable[..., Awaitable[Any]],
    body: dict[str, Any],
    action: dict[str, Any],
    client: AsyncWebClient,
    context: AsyncBoltContext,
) -> None:
    deps = deps_of(context)
    parsed = parse_answer_id(str(action.get("action_id", "")))
    channel = channel_from(body)
    if parsed is None or channel is None:
        await ack()
        return
    rq_id, index = parsed
    writing = asyncio.ensure_future(write(deps, client, body, rq_id, index))
    await finished_within(writing, deps.ack_budget_seconds, f"a click on question {rq_id}")
    await ack()
    outcome: AnswerOutcome | None = None
    try:
        outcome = await writing
        text = outcome.receipt.text
    except QuizError as exc:  # Unavailable: the database is away for a moment
        log.warning("answer to round question %s refused: %s", rq_id, exc.message)
        text = exc.message
    except Exception as exc:
        reference = log_unexpected(log, f"an answer to round question {rq_id}", exc)
        text = f"Your answer could not be recorded (reference {reference}); please click again."
    await client.chat_postEphemeral(
        channel=channel.external_id, user=user_id_of(body), text=escape_cut(text, 3000)
    )
    if outcome is not None:
        await deps.service.engine.close_if_filled(rq_id, outcome)
