"""The curation verbs of `/quiz`: list, show, disable/enable, approve/reject, history, stats,
export (a file uploaded to the admin's direct messages, not the quiz channel: it holds every
answer), and the import, edit and suggest modals. The core checks who is an admin on every
call; opening a modal checks first so a non-admin is told at once."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from typing import Any

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.adapters.slack.deps import SlackDeps
from bot.adapters.slack.modals import edit_modal, import_modal, suggest_modal
from bot.adapters.slack.respond import Respond, show_private
from bot.adapters.slack.usage import UsageError, whole_number
from bot.core.curation.rules import check_editable
from bot.core.curation.views import status_notice
from bot.core.decks.topics import match_one
from bot.core.models import PlayerRef
from bot.core.views import Notice, View
from questions.formats import FORMATS

log = logging.getLogger(__name__)


LIST_STATUSES = ("pending", "disabled", "active", "rejected", "retired", "all")
DEFAULT_EXPORT = "yaml"
CURATION_VERBS = (
    "questions",
    "show",
    "disable",
    "enable",
    "approve",
    "reject",
    "history",
    "stats",
    "export",
    "import",
    "edit",
    "suggest",
    "suggestions",
)


@dataclass(frozen=True)
class CurationArgs:
    verb: str
    query: str | None = None  # questions: a topic or words to search for
    status: str | None = None
    page: int = 1
    ref: str | None = None  # show/disable/enable/approve/reject/edit: "12", "#12" or a uid
    reason: str = ""
    fmt: str = DEFAULT_EXPORT
    allow: bool | None = None  # suggestions on|off


def parse_curation(verb: str, rest: str) -> CurationArgs:
    """Each verb's arguments, checked before the ack so mistakes get the usage at once."""
    tokens = rest.split()
    if verb == "questions":
        page = 1
        if len(tokens) >= 2 and tokens[-2].lower() == "page":
            page = whole_number("page", tokens[-1])
            tokens = tokens[:-2]
        status = None
        if tokens and tokens[0].lower() in LIST_STATUSES:
            status = tokens.pop(0).lower()
        return CurationArgs(verb, " ".join(tokens) or None, status, max(page, 1))
    if verb in ("show", "disable", "enable", "approve", "edit"):
        if len(tokens) != 1:
            raise UsageError(f"`/quiz {verb}` takes one question: its number, like `#12`.")
        return CurationArgs(verb, ref=tokens[0])
    if verb == "reject":
        if not tokens:
            raise UsageError("`/quiz reject #12 [reason]` needs the question's number.")
        return CurationArgs(verb, ref=tokens[0], reason=" ".join(tokens[1:]))
    if verb == "export":
        if len(tokens) > 1 or (tokens and tokens[0].lower() not in FORMATS):
            raise UsageError(f"Export formats: {', '.join(FORMATS)} (default {DEFAULT_EXPORT}).")
        return CurationArgs(verb, fmt=tokens[0].lower() if tokens else DEFAULT_EXPORT)
    if verb == "suggestions":
        if len(tokens) != 1 or tokens[0].lower() not in ("on", "off"):
            raise UsageError("`/quiz suggestions on|off` lets non-admins suggest questions.")
        return CurationArgs(verb, allow=tokens[0].lower() == "on")
    if tokens:
        raise UsageError(f"`/quiz {verb}` takes no arguments.")
    return CurationArgs(verb)


async def run_curation(
    deps: SlackDeps,
    client: AsyncWebClient,
    body: dict[str, Any],
    args: CurationArgs,
    respond: Respond,
) -> None:
    """After the ack. QuizError (NotAllowed, ValidationFailed, ...) is the caller's to show."""
    admin = deps.service.admin
    channel_id = str(body.get("channel_id") or "")
    if args.verb in ("import", "edit", "suggest"):
        await _open_modal(deps, client, body, args, respond)
        return
    actor = await deps.users.player(client, body)
    ref = args.ref or ""
    view: View
    if args.verb == "questions":
        topic = text = None
        if args.query:
            found = match_one(args.query, await deps.service.decks.topic_names(actor.team))
            topic = found[0] if len(found) == 1 else None
            text = None if topic else args.query
        view = await admin.list_panel(
            actor, topic=topic, text=text, status=args.status, page=args.page
        )
    elif args.verb == "show":
        view = await admin.show_panel(actor, ref)
    elif args.verb == "disable":
        view = status_notice(await admin.disable_question(actor, ref))
    elif args.verb == "enable":
        view = status_notice(await admin.enable_question(actor, ref))
    elif args.verb == "approve":
        rec = await admin.approve_question(actor, ref)
        view = Notice(f"#{rec.id} is approved and can be asked now: {rec.prompt}")
    elif args.verb == "reject":
        rec = await admin.reject_question(actor, ref, args.reason)
        view = Notice(f"#{rec.id} is rejected: {rec.prompt}")
    elif args.verb == "history":
        view = await admin.history_panel(actor)
    elif args.verb == "stats":
        view = await admin.report_panel(actor)
    elif args.verb == "suggestions":
        settings = await admin.team_settings(actor, allow_suggestions=args.allow)
        view = Notice(
            "Anyone can suggest questions with `/quiz suggest`; admins review them."
            if settings.allow_suggestions
            else "Only admins can add questions now (suggestions are off)."
        )
    else:
        await _export(deps, client, actor, channel_id, args.fmt, respond)
        return
    await show_private(respond, view)


async def _export(
    deps: SlackDeps,
    client: AsyncWebClient,
    actor: PlayerRef,
    channel_id: str,
    fmt: str,
    respond: Respond,
) -> None:
    export = await deps.service.admin.export_questions(actor, fmt)
    try:
        dm = await client.conversations_open(users=actor.external_id)
        dm_id = str((dm.get("channel") or {}).get("id") or "")
        await client.files_upload_v2(
            channel=dm_id,
            content=export.text,
            filename=export.filename,
            title=export.filename,
            initial_comment=f"{export.count} question(s) exported as {export.format}.",
        )
    except SlackApiError as exc:
        error = exc.response.get("error")
        log.warning("uploading an export for channel %s failed: %s", channel_id, error)
        await show_private(respond, Notice(f"Slack refused the upload ({error}).", ok=False))
        return
    await show_private(
        respond,
        Notice(f"Sent {export.filename} ({export.count} question(s)) to you in a direct message."),
    )


async def _open_modal(
    deps: SlackDeps,
    client: AsyncWebClient,
    body: dict[str, Any],
    args: CurationArgs,
    respond: Respond,
) -> None:
    """Check, then open the modal while the trigger_id is fresh (it lasts 3 seconds). Edit
    needs the question to prefill, so its lookup must fit in the same budget."""
    channel_id = str(body.get("channel_id") or "")
    try:
        modal = await asyncio.wait_for(
            _modal_for(deps, client, body, args, channel_id), deps.ack_budget_seconds
        )
    except TimeoutError:
        if args.verb == "edit":
            await show_private(respond, Notice("The quiz is busy; please try again.", ok=False))
            return
        log.warning("checks before /quiz %s were slow; opening the form anyway", args.verb)
        modal = import_modal(channel_id) if args.verb == "import" else suggest_modal(channel_id)
    await client.views_open(trigger_id=body["trigger_id"], view=modal)


async def _modal_for(
    deps: SlackDeps,
    client: AsyncWebClient,
    body: dict[str, Any],
    args: CurationArgs,
    channel_id: str,
) -> dict[str, Any]:
    admin = deps.service.admin
    actor = await deps.users.player(client, body)
    if args.verb == "suggest":
        await admin.require_suggester(actor)
        return suggest_modal(channel_id)
    await admin.require_admin(actor)
    if args.verb == "import":
        return import_modal(channel_id)
    tq = (await admin.show_question(actor, args.ref or "")).question
    check_editable(tq)  # the core refuses this edit too; say so before the form is filled in
    return edit_modal(channel_id, tq)
