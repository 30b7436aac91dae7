"""The review modal: `/quiz review` and App Home's "Review now" open it (a placeholder at once,
since a trigger lasts 3 seconds; then the first card), each answer button is written and acked,
then the modal is updated in place. Nothing is posted in any channel."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from slack_bolt.context.async_context import AsyncBoltContext
from slack_sdk.web.async_client import AsyncWebClient

from bot.adapters.acking import finished_within
from bot.adapters.slack.deps import SlackDeps, deps_of
from bot.adapters.slack.study import review_modal
from bot.boundary import failure_text, log_unexpected
from bot.core.errors import QuizError
from bot.core.study.views import ReviewFeedback, ReviewStep
from bot.core.view_ids import parse_review_answer_id

log = logging.getLogger(__name__)

Ack = Callable[..., Awaitable[Any]]


def _failed(text: str) -> ReviewStep:
    return ReviewStep(feedback=ReviewFeedback(False, "", "", None, note=text))


async def open_review(deps: SlackDeps, client: AsyncWebClient, body: dict[str, Any]) -> None:
    """Open the modal for the requesting player and fill it with the session's first step."""
    opened = await client.views_open(trigger_id=body["trigger_id"], view=review_modal(None))
    view_id = str(opened["view"]["id"])
    try:
        player = await deps.users.player(client, body)
        step = await deps.service.study.start_review(player)
    except QuizError as exc:
        step = _failed(exc.message)
    except Exception as exc:
        step = _failed(failure_text(log_unexpected(log, "/quiz review", exc)))
    await client.views_update(view_id=view_id, view=review_modal(step))


async def home_review(
    ack: Ack, body: dict[str, Any], client: AsyncWebClient, context: AsyncBoltContext
) -> None:
    """App Home's "Review now" button."""
    await ack()
    await open_review(deps_of(context), client, body)


async def review_answer(
    ack: Ack,
    body: dict[str, Any],
    action: dict[str, Any],
    client: AsyncWebClient,
    context: AsyncBoltContext,
) -> None:
    """A review button in the modal: written, then acked (an acked click is a written click),
    then the modal shows the feedback and the next card."""
    deps = deps_of(context)
    click = parse_review_answer_id(str(action.get("action_id", "")))
    view_id = str((body.get("view") or {}).get("id") or "")
    if click is None or not view_id:
        await ack()
        return

    async def write() -> ReviewStep:
        player = await deps.users.player(client, body)
        return await deps.service.study.answer_review(player, click)

    writing = asyncio.ensure_future(write())
    await finished_within(
        writing, deps.ack_budget_seconds, f"a review click on {click.question_id}", deps.late_writes
    )
    await ack()
    try:
        step = await writing
    except QuizError as exc:
        step = _failed(exc.message)
    except Exception as exc:
        step = _failed(failure_text(log_unexpected(log, "a review answer", exc)))
    await client.views_update(view_id=view_id, view=review_modal(step))
