"""Answer buttons. The button's own action_id (`quiz:a:<round_question_id>:<choice>`) carries
everything, so any replica can take the click. Slack may deliver a click twice; the database's
one-answer-per-player constraint makes the second a polite refusal, never a second score."""

from __future__ import annotations

import logging
import re
from collections.abc import Awaitable, Callable
from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

from bot.adapters.slack.deps import SlackDeps
from bot.adapters.slack.escape import escape_cut
from bot.adapters.slack.identity import channel_from, user_id_of
from bot.core.errors import QuizError
from bot.core.views import parse_answer_action_id

log = logging.getLogger(__name__)

ANSWER_ACTION = re.compile(r"^quiz:a:\d+:\d+$")


def register(app: AsyncApp, deps: SlackDeps) -> None:
    engine = deps.service.engine

    async def answer(
        ack: Callable[..., Awaitable[Any]],
        body: dict[str, Any],
        action: dict[str, Any],
        client: AsyncWebClient,
    ) -> None:
        await ack()
        parsed = parse_answer_action_id(str(action.get("action_id", "")))
        channel = channel_from(body)
        if parsed is None or channel is None:
            return
        rq_id, index = parsed
        try:
            player = await deps.users.player(client, body)
            receipt = await engine.answer(rq_id, player, index)
            text = receipt.text
        except QuizError as exc:  # Unavailable: the database is away for a moment
            log.warning("answer to round question %s refused: %s", rq_id, exc.message)
            text = exc.message
        except Exception:
            log.exception("answer to round question %s failed", rq_id)
            text = "Your answer could not be recorded; please click again."
        await client.chat_postEphemeral(
            channel=channel.external_id, user=user_id_of(body), text=escape_cut(text, 3000)
        )

    app.action(ANSWER_ACTION)(deps.inflight.track(answer))
