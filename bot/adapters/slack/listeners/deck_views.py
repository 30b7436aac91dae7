"""The deck modals: notes submitted for a new or regenerated deck, the App Home "Start a quiz"
button and its modal (with the topics menu filled as the admin types).

As with the import modal, a refusal must go back in the ack to show under the input, so the
work starts before the ack and gets the ack budget; generating a big notes file takes longer
(it runs on the worker process, the event loop stays free), so then the modal closes and the
summary follows as a private message."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from slack_bolt.context.async_context import AsyncBoltContext
from slack_sdk.web.async_client import AsyncWebClient

from bot.adapters.slack.decks import (
    NOTES_FILE,
    START_CHANNEL,
    START_DECK,
    START_QUESTIONS,
    START_TOPICS,
    NotesMeta,
    start_modal,
    topic_options,
)
from bot.adapters.slack.deps import deps_of
from bot.adapters.slack.escape import cut
from bot.adapters.slack.identity import team_from
from bot.adapters.slack.listeners.curation_views import UploadForm, answer_upload_form, tell
from bot.adapters.slack.listeners.views import form_value
from bot.adapters.slack.modals import MAX_FORM_ERROR, selected
from bot.adapters.slack.uploads import fetch_bytes, uploads
from bot.boundary import failure_text, log_unexpected
from bot.core.decks.rules import MAX_NOTES_BYTES, check_notes_file
from bot.core.decks.topics import suggest
from bot.core.decks.views import DeckReport, report_notice
from bot.core.errors import QuizError
from bot.core.models import ChannelRef
from bot.core.play.limits import MAX_QUESTIONS, MIN_QUESTIONS
from bot.core.views import Notice

log = logging.getLogger(__name__)

Ack = Callable[..., Awaitable[Any]]


async def notes_submitted(
    ack: Ack,
    body: dict[str, Any],
    view: dict[str, Any],
    client: AsyncWebClient,
    context: AsyncBoltContext,
) -> None:
    deps = deps_of(context)
    meta = NotesMeta.load(view.get("private_metadata"))
    files = uploads(view, NOTES_FILE)
    if len(files) != 1:
        await ack(response_action="errors", errors={NOTES_FILE: "Attach one Markdown file."})
        return
    upload = files[0]
    token = context.bot_token or client.token or ""

    async def run() -> DeckReport:
        player = await deps.users.player(client, body)
        decks = deps.service.decks
        await decks.require_admin(player)  # before fetching anything on a non-admin's word
        check_notes_file(upload.name, upload.size or 0)
        data = await fetch_bytes(upload, token, api_url=client.base_url, limit=MAX_NOTES_BYTES)
        if meta.action == "regenerate":
            return await decks.regenerate(player, meta.deck, data, upload.name)
        return await decks.create_from_notes(player, meta.deck, data, upload.name)

    await answer_upload_form(
        ack,
        client,
        body,
        meta.channel_id,
        run(),
        UploadForm(NOTES_FILE, (NOTES_FILE,), "a deck from notes", "Nothing was made."),
        lambda report: report_notice(report, deps.service.decks.commands(team_from(body))),
        deps.ack_budget_seconds,
    )


# --- "Start a quiz" from App Home --------------------------------------------------------------


async def home_start(
    ack: Ack, body: dict[str, Any], client: AsyncWebClient, context: AsyncBoltContext
) -> None:
    """The App Home button: the start modal, with the team's decks in its menu."""
    await ack()
    deps = deps_of(context)
    try:
        names = await asyncio.wait_for(
            deps.service.decks.deck_names(team_from(body)), deps.ack_budget_seconds
        )
    except Exception:  # the menu is a convenience; the round's start checks the deck anyway
        log.warning("listing decks for the start modal failed", exc_info=True)
        names = []
    await client.views_open(trigger_id=body["trigger_id"], view=start_modal(names))


async def start_topic_options(ack: Ack, body: dict[str, Any], context: AsyncBoltContext) -> None:
    """The topics menu as the admin types: the picked deck's topics (else every playable
    deck's) that match what was typed, best first, at most Block Kit's 100."""
    deps = deps_of(context)
    deck = selected(body.get("view") or {}, START_DECK) or None
    try:
        topics = await asyncio.wait_for(
            deps.service.decks.topic_names(team_from(body), deck), deps.ack_budget_seconds
        )
    except Exception:
        log.warning("topic options failed", exc_info=True)
        topics = []
    await ack(options=topic_options(suggest(str(body.get("value") or ""), topics, 100)))


async def start_submitted(
    ack: Ack,
    body: dict[str, Any],
    view: dict[str, Any],
    client: AsyncWebClient,
    context: AsyncBoltContext,
) -> None:
    deps = deps_of(context)
    channel_id = str(_element(view, START_CHANNEL).get("selected_conversation") or "")
    picked = _element(view, START_TOPICS).get("selected_options") or []
    topics = [str(o.get("value")) for o in picked if isinstance(o, dict) and o.get("value")]
    deck = selected(view, START_DECK) or None
    count_text = form_value(view, START_QUESTIONS).strip()
    errors = {}
    if not channel_id:
        errors[START_CHANNEL] = "Pick the channel to play in."
    questions = int(count_text) if count_text.isdigit() else None
    if count_text and (questions is None or not MIN_QUESTIONS <= questions <= MAX_QUESTIONS):
        errors[START_QUESTIONS] = f"A number from {MIN_QUESTIONS} to {MAX_QUESTIONS}."
    if errors:
        await ack(response_action="errors", errors=errors)
        return
    channel = ChannelRef(team_from(body), channel_id)

    async def run() -> Any:
        player = await deps.users.player(client, body)
        return await deps.service.engine.start_round(
            channel, player, questions=questions, deck=deck, topics=topics
        )

    task = asyncio.ensure_future(run())
    done, _ = await asyncio.wait({task}, timeout=deps.ack_budget_seconds)
    if task not in done:
        await ack()
        await _started(client, body, channel_id, task)
        return
    try:
        task.result()
    except QuizError as exc:
        block = {"deck": START_DECK, "topic": START_TOPICS}.get(exc.field or "", START_CHANNEL)
        await ack(response_action="errors", errors={block: cut(exc.message, MAX_FORM_ERROR)})
        return
    await ack()


def _element(view: dict[str, Any], block_id: str) -> dict[str, Any]:
    """The state of a block's one element in a submitted view ({} when absent)."""
    block = ((view.get("state") or {}).get("values") or {}).get(block_id) or {}
    for element in block.values():
        return element if isinstance(element, dict) else {}
    return {}


async def _started(
    client: AsyncWebClient, body: dict[str, Any], channel_id: str, task: asyncio.Future[Any]
) -> None:
    try:
        await task
    except QuizError as exc:
        await tell(client, body, channel_id, Notice(exc.message, ok=False))
    except Exception as exc:
        reference = log_unexpected(log, f"a round started from App Home in {channel_id}", exc)
        await tell(client, body, channel_id, Notice(failure_text(reference), ok=False))
