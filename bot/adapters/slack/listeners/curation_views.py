"""Submissions of the import, edit and suggest modals. As with `/quiz add`, whatever must be
shown under an input has to go back in the ack, so the core call runs before it, inside the ack
budget. An import that outlasts the budget is not cut short: the modal closes and the result
follows as a message. An attached file is fetched inside that same budget, after the admin
check, so a refusal (too big, not UTF-8, a bad question) still lands under the file input."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Collection
from dataclasses import dataclass
from typing import Any, TypeVar

from slack_bolt.context.async_context import AsyncBoltContext
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.adapters.slack.deps import deps_of
from bot.adapters.slack.escape import cut
from bot.adapters.slack.identity import user_id_of
from bot.adapters.slack.listeners.views import draft_of, form_value
from bot.adapters.slack.modals import (
    DEFAULT_IMPORT_FORMAT,
    IMPORT_FILE,
    IMPORT_FORMAT,
    IMPORT_TEXT,
    MAX_FORM_ERROR,
    Meta,
    import_error,
    problem_list,
    selected,
)
from bot.adapters.slack.render import blocks_for, fallback_text, form_errors
from bot.adapters.slack.uploads import Upload, fetch_bytes, size_problem, uploads
from bot.boundary import failure_text, log_unexpected
from bot.core.curation.views import ImportReport, import_notice
from bot.core.errors import ImportRejected, QuizError, ValidationFailed
from bot.core.views import Notice, View

log = logging.getLogger(__name__)

Ack = Callable[..., Awaitable[Any]]
T = TypeVar("T")
BUSY = "The quiz is busy; nothing was saved. Please submit again."


async def tell(client: AsyncWebClient, body: dict[str, Any], channel_id: str, view: View) -> None:
    """A private message to the submitter in the channel the modal was opened from."""
    if not channel_id:
        return
    try:
        await client.chat_postEphemeral(
            channel=channel_id,
            user=user_id_of(body),
            text=fallback_text(view),
            blocks=blocks_for(view),
        )
    except SlackApiError as exc:
        log.warning(
            "a private reply in channel %s failed: %s", channel_id, exc.response.get("error")
        )


async def import_submitted(
    ack: Ack,
    body: dict[str, Any],
    view: dict[str, Any],
    client: AsyncWebClient,
    context: AsyncBoltContext,
) -> None:
    deps = deps_of(context)
    pasted = form_value(view, IMPORT_TEXT)
    files = uploads(view, IMPORT_FILE)
    chosen = selected(view, IMPORT_FORMAT) or None
    channel_id = Meta.load(view.get("private_metadata")).channel_id
    refusal = _source_refusal(pasted, files)
    if refusal is not None:
        await ack(response_action="errors", errors=dict([refusal]))
        return
    source = IMPORT_FILE if files else IMPORT_TEXT
    token = context.bot_token or client.token or ""

    async def run() -> ImportReport:
        """Pasted and attached files take one way in: (text, format, file name), where no
        format means "tell it from the name"."""
        player = await deps.users.player(client, body)
        fmt: str | None
        data: bytes | str
        if files:
            await deps.service.admin.require_admin(
                player
            )  # before fetching anything on a non-admin's word
            data = await fetch_bytes(files[0], token, api_url=client.base_url)
            fmt, filename = chosen, files[0].name
        else:
            data, fmt = pasted, chosen or DEFAULT_IMPORT_FORMAT
            filename = f"pasted.{fmt}"
        return await deps.service.admin.import_questions(player, data, fmt=fmt, filename=filename)

    await answer_upload_form(
        ack,
        client,
        body,
        channel_id,
        run(),
        UploadForm(source, IMPORT_BLOCKS, "an import", "The import failed; nothing was added."),
        import_notice,
        deps.ack_budget_seconds,
    )


async def edit_submitted(
    ack: Ack,
    body: dict[str, Any],
    view: dict[str, Any],
    client: AsyncWebClient,
    context: AsyncBoltContext,
) -> None:
    deps = deps_of(context)
    meta = Meta.load(view.get("private_metadata"))
    if meta.ref is None:
        await ack(response_action="errors", errors={"prompt": "This form lost its question."})
        return
    ref = meta.ref

    async def run() -> str:
        player = await deps.users.player(client, body)
        rec = await deps.service.admin.edit_from_form(
            player,
            ref,
            prompt=form_value(view, "prompt"),
            choices_text=form_value(view, "choices"),
            correct_text=form_value(view, "answer"),
            explanation=form_value(view, "explanation"),
            topic=form_value(view, "topic"),
        )
        return f"Saved #{rec.id} ({rec.topic}): {rec.prompt}"

    await _submit(ack, client, body, meta.channel_id, run(), deps.ack_budget_seconds)


async def suggest_submitted(
    ack: Ack,
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

    async def run() -> str:
        player = await deps.users.player(client, body)
        rec = await deps.service.admin.suggest_question(player, draft)
        return f"Thanks! Your question #{rec.id} waits for an admin's review: {rec.prompt}"

    channel_id = Meta.load(view.get("private_metadata")).channel_id
    await _submit(ack, client, body, channel_id, run(), deps.ack_budget_seconds)


IMPORT_BLOCKS = (IMPORT_FILE, IMPORT_TEXT, IMPORT_FORMAT)


def _source_refusal(pasted: str, files: list[Upload]) -> tuple[str, str] | None:
    """(block, message) when the form gives no file and no text, both, or a file too big."""
    if files and pasted.strip():
        return IMPORT_TEXT, "Give either a file or pasted text, not both; clear this box."
    if not files and not pasted.strip():
        return IMPORT_FILE, "Attach a file or paste its text below."
    if len(files) > 1:
        return IMPORT_FILE, "Attach one file at a time."
    problem = size_problem(files[0]) if files else None
    return (IMPORT_FILE, cut(problem, MAX_FORM_ERROR)) if problem else None


async def _submit(
    ack: Ack,
    client: AsyncWebClient,
    body: dict[str, Any],
    channel_id: str,
    work: Awaitable[str],
    budget: float,
) -> None:
    """Run a form's core call within the ack budget; its refusal goes under the inputs."""
    try:
        done = await asyncio.wait_for(work, budget)
    except ValidationFailed as exc:
        await ack(response_action="errors", errors=form_errors(exc.by_field()))
        return
    except QuizError as exc:
        await ack(response_action="errors", errors={"prompt": cut(exc.message, MAX_FORM_ERROR)})
        return
    except TimeoutError:
        await ack(response_action="errors", errors={"prompt": BUSY})
        return
    await ack()
    await tell(client, body, channel_id, Notice(done))


@dataclass(frozen=True)
class UploadForm:
    """Where a form that takes a file shows a refusal, and how its failures are named."""

    block: str  # the input a refusal goes under
    blocks: Collection[str]  # inputs of their own, for a QuizError naming one as its field
    what: str  # for the log: "an import"
    failed: str  # what a user is told when it broke: "The import failed; nothing was added."


async def answer_upload_form(
    ack: Ack,
    client: AsyncWebClient,
    body: dict[str, Any],
    channel_id: str,
    work: Awaitable[T],
    form: UploadForm,
    shown: Callable[[T], View],
    budget: float,
) -> None:
    """Run a file form's work within the ack budget so a refusal lands under its input; work
    that outlasts the budget is not cut short: the modal closes and the outcome follows as a
    private message."""
    task = asyncio.ensure_future(work)
    done, _ = await asyncio.wait({task}, timeout=budget)
    if task not in done:
        await ack()
        await tell(client, body, channel_id, await _outcome(task, form, shown, channel_id))
        return
    try:
        result = task.result()
    except ImportRejected as exc:
        await ack(response_action="errors", errors={form.block: import_error(exc.problems)})
        await tell(client, body, channel_id, Notice(problem_list(exc.problems), ok=False))
        return
    except QuizError as exc:
        block = exc.field if exc.field in form.blocks else form.block
        await ack(response_action="errors", errors={block: cut(exc.message, MAX_FORM_ERROR)})
        return
    await ack()
    await tell(client, body, channel_id, shown(result))


async def _outcome(
    task: asyncio.Future[T], form: UploadForm, shown: Callable[[T], View], channel_id: str
) -> View:
    """What late work came to, as a private message's view."""
    try:
        return shown(await task)
    except ImportRejected as exc:
        return Notice(problem_list(exc.problems), ok=False)
    except QuizError as exc:
        return Notice(exc.message, ok=False)
    except Exception as exc:
        reference = log_unexpected(log, f"{form.what} in channel {channel_id}", exc)
        return Notice(f"{form.failed} {failure_text(reference)}", ok=False)
