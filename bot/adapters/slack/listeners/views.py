"""Modal submissions. A modal's errors must go back in the ack itself (`response_action:
errors`), so this is the one place where validation, and the insert, run before the ack, within
a time budget that keeps inside Slack's 3 seconds."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from slack_bolt.context.async_context import AsyncBoltContext
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.adapters.slack.deps import deps_of
from bot.adapters.slack.escape import escape_cut
from bot.adapters.slack.identity import user_id_of
from bot.adapters.slack.render import form_errors
from bot.core.curation.drafts import QuestionDraft, draft_from_form
from bot.core.errors import NotAllowed, ValidationFailed

log = logging.getLogger(__name__)


def form_value(view: dict[str, Any], block_id: str) -> str:
    """A plain_text_input's value from view.state.values (None when left empty)."""
    block = ((view.get("state") or {}).get("values") or {}).get(block_id) or {}
    for element in block.values():
        value = element.get("value") if isinstance(element, dict) else None
        return str(value or "")
    return ""


def draft_of(view: dict[str, Any]) -> QuestionDraft:
    """The question a submitted add or suggest form holds; ValidationFailed names bad fields."""
    return draft_from_form(
        form_value(view, "prompt"),
        form_value(view, "choices"),
        form_value(view, "answer"),
        form_value(view, "explanation"),
        form_value(view, "topic"),
    )


async def add_question(
    ack: Callable[..., Awaitable[Any]],
    body: dict[str, Any],
    view: dict[str, Any],
    client: AsyncWebClient,
    context: AsyncBoltContext,
) -> None:
    deps = deps_of(context)
    try:
        draft = draft_of(view)
    except ValidationFailed as exc:
        await ack(response_action="errors", errors=form_errors(exc.by_field()))
        return
    try:
        player = await deps.users.player(client, body)
        rec = await asyncio.wait_for(
            deps.service.admin.add_question(player, draft), deps.ack_budget_seconds
        )
    except ValidationFailed as exc:
        await ack(response_action="errors", errors=form_errors(exc.by_field()))
        return
    except NotAllowed as exc:
        await ack(response_action="errors", errors={"prompt": exc.message})
        return
    except TimeoutError:
        await ack(
            response_action="errors",
            errors={"prompt": "The quiz is busy; nothing was added. Please submit again."},
        )
        return
    await ack()  # closes the modal
    channel_id = str(view.get("private_metadata") or "")
    if not channel_id:
        return
    try:
        await client.chat_postEphemeral(
            channel=channel_id,
            user=user_id_of(body),
            text=escape_cut(f"Added to {rec.topic}: {rec.prompt}", 3000),
        )
    except SlackApiError as exc:
        log.warning(
            "confirming an added question in channel %s failed: %s",
            channel_id,
            exc.response.get("error"),
        )
