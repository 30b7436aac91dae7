"""Decks in Slack: `/quiz decks [page N]`, `/quiz topics [deck] [page N]`, and the admin verbs
`/quiz deck create|regenerate <name>` (a modal with a file input for the notes, like `/quiz
import`'s), `/quiz deck preview <name> [page N]`, `publish|archive|default|export <name>`; the
notes modal and the "Start a quiz" modal (App Home) are built here too. Every reply is private.
"""

from __future__ import annotations

import asyncio
import json
import logging
from dataclasses import dataclass
from typing import Any

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.adapters.slack.deps import SlackDeps
from bot.adapters.slack.escape import plain
from bot.adapters.slack.identity import team_from
from bot.adapters.slack.respond import Respond, show_private
from bot.adapters.slack.usage import UsageError, whole_number
from bot.core.decks.rules import MAX_NAME, MAX_NOTES_BYTES, NOTES_SUFFIXES, deck_name
from bot.core.decks.views import status_notice
from bot.core.errors import ValidationFailed
from bot.core.models import PlayerRef
from bot.core.play.limits import MAX_QUESTIONS, MIN_QUESTIONS
from bot.core.views import Notice, View
from questions.formats import FORMATS

log = logging.getLogger(__name__)


DECK_VERBS = ("topics", "decks", "deck")
DECK_ACTIONS = ("create", "regenerate", "preview", "publish", "archive", "default", "export")
NOTES_CALLBACK = "quiz_deck_notes"
NOTES_FILE = "notes"
START_CALLBACK = "quiz_start"
START_TOPICS_ACTION = "start_topics"
START_CHANNEL, START_DECK, START_TOPICS, START_QUESTIONS = "channel", "deck", "topics", "questions"
MAX_OPTIONS = 100  # Block Kit's limit for a select's options
MAX_OPTION_TEXT = 75
NO_DEFAULT = "none"


@dataclass(frozen=True)
class DeckArgs:
    verb: str  # topics | decks | deck
    action: str | None = None  # deck's: create, preview, ...
    name: str | None = None
    page: int = 1
    fmt: str = "yaml"


def _page(tokens: list[str]) -> tuple[list[str], int]:
    """A trailing `page N`, taken off the tokens."""
    if len(tokens) >= 2 and tokens[-2].lower() == "page":
        return tokens[:-2], max(whole_number("page", tokens[-1]), 1)
    return tokens, 1


def parse_decks(verb: str, rest: str) -> DeckArgs:
    """Each verb's arguments, checked before the ack so mistakes get the usage at once."""
    tokens, page = _page(rest.split())
    if verb == "decks":
        if tokens:
            raise UsageError("`/quiz decks [page N]` lists the decks.")
        return DeckArgs(verb, page=page)
    if verb == "topics":
        if len(tokens) > 1:
            raise UsageError("`/quiz topics [deck] [page N]` lists the topics of one deck or all.")
        return DeckArgs(verb, name=tokens[0] if tokens else None, page=page)
    if not tokens or tokens[0].lower() not in DECK_ACTIONS:
        raise UsageError(f"`/quiz deck {'|'.join(DECK_ACTIONS)} <name>` manages decks.")
    action, args = tokens[0].lower(), tokens[1:]
    if action == "export" and len(args) == 2 and args[1].lower() in FORMATS:
        return DeckArgs(verb, action, args[0], fmt=args[1].lower())
    if len(args) != 1:
        raise UsageError(f"`/quiz deck {action} <name>` takes one deck name.")
    if action in ("create", "regenerate"):
        try:
            deck_name(args[0])
        except ValidationFailed as exc:
            raise UsageError(f"Deck name: {exc.problems[0].message}.") from None
    return DeckArgs(verb, action, args[0], page=page)


async def run_decks(
    deps: SlackDeps,
    client: AsyncWebClient,
    body: dict[str, Any],
    args: DeckArgs,
    respond: Respond,
) -> None:
    """After the ack. QuizError (NotAllowed, ValidationFailed, ...) is the caller's to show."""
    decks = deps.service.decks
    if args.verb == "decks":
        await show_private(respond, await decks.decks_panel(team_from(body), args.page))
        return
    if args.verb == "topics":
        await show_private(respond, await decks.topics_panel(team_from(body), args.name, args.page))
        return
    if args.action in ("create", "regenerate"):
        await _open_notes_modal(deps, client, body, args, respond)
        return
    actor = await deps.users.player(client, body)
    name = args.name or ""
    view: View
    if args.action == "preview":
        view = await decks.preview(actor, name, args.page)
    elif args.action == "publish":
        view = status_notice(await decks.publish(actor, name), decks.commands(actor.team))
    elif args.action == "archive":
        view = status_notice(await decks.archive(actor, name), decks.commands(actor.team))
    elif args.action == "default":
        rec = await decks.set_default(actor, name)
        view = Notice(
            f"Rounds play {rec.name} unless a deck is named."
            if rec
            else "No default deck: rounds play the workspace's own decks, else the shared ones."
        )
    else:
        await _export(deps, client, actor, args, respond)
        return
    await show_private(respond, view)


async def _export(
    deps: SlackDeps, client: AsyncWebClient, actor: PlayerRef, args: DeckArgs, respond: Respond
) -> None:
    """A deck's file goes to the admin's direct messages (it holds every answer)."""
    export = await deps.service.decks.export(actor, args.name or "", args.fmt)
    try:
        dm = await client.conversations_open(users=actor.external_id)
        await client.files_upload_v2(
            channel=str((dm.get("channel") or {}).get("id") or ""),
            content=export.text,
            filename=export.filename,
            title=export.filename,
            initial_comment=f"{export.count} question(s) exported as {export.format}.",
        )
    except SlackApiError as exc:
        error = exc.response.get("error")
        log.warning("uploading a deck export failed: %s", error)
        await show_private(respond, Notice(f"Slack refused the upload ({error}).", ok=False))
        return
    await show_private(respond, Notice(f"Sent {export.filename} to you in a direct message."))


# --- the notes modal -------------------------------------------------------------------------


@dataclass(frozen=True)
class NotesMeta:
    """What the notes modal remembers: the channel to answer in, the deck and the action."""

    channel_id: str
    deck: str
    action: str  # create | regenerate

    def dump(self) -> str:
        return json.dumps({"c": self.channel_id, "d": self.deck, "a": self.action})

    @classmethod
    def load(cls, raw: str | None) -> NotesMeta:
        try:
            data = json.loads(raw or "{}")
        except ValueError:
            data = {}
        if not isinstance(data, dict):
            data = {}
        action = "regenerate" if data.get("a") == "regenerate" else "create"
        return cls(str(data.get("c") or ""), str(data.get("d") or "")[:MAX_NAME], action)


def notes_modal(meta: NotesMeta) -> dict[str, Any]:
    verb = "Regenerate" if meta.action == "regenerate" else "New deck"
    return {
        "type": "modal",
        "callback_id": NOTES_CALLBACK,
        "private_metadata": meta.dump(),
        "title": {"type": "plain_text", "text": plain(f"{verb}: {meta.deck}", 24)},
        "submit": {"type": "plain_text", "text": "Generate"},
        "close": {"type": "plain_text", "text": "Cancel"},
        "blocks": [
            {
                "type": "input",
                "block_id": NOTES_FILE,
                "label": {"type": "plain_text", "text": "Your notes (Markdown)"},
                "element": {
                    "type": "file_input",
                    "action_id": NOTES_FILE,
                    "filetypes": [s.lstrip(".") for s in NOTES_SUFFIXES],
                    "max_files": 1,
                },
                "hint": {
                    "type": "plain_text",
                    "text": f"A .md file, UTF-8, up to {MAX_NOTES_BYTES:,} bytes. Headings "
                    "become topics; you get a summary and a draft deck to preview.",
                },
            }
        ],
    }


async def _open_notes_modal(
    deps: SlackDeps,
    client: AsyncWebClient,
    body: dict[str, Any],
    args: DeckArgs,
    respond: Respond,
) -> None:
    """Non-admins are told at once; the modal opens while the trigger_id is fresh (3 s)."""
    try:
        player = await asyncio.wait_for(deps.users.player(client, body), deps.ack_budget_seconds)
        await asyncio.wait_for(deps.service.decks.require_admin(player), deps.ack_budget_seconds)
    except TimeoutError:
        log.warning("the admin check before /quiz deck was slow; opening the form anyway")
    meta = NotesMeta(str(body.get("channel_id") or ""), args.name or "", args.action or "create")
    await client.views_open(trigger_id=body["trigger_id"], view=notes_modal(meta))


# --- the "Start a quiz" modal (App Home) -----------------------------------------------------


def _option(text: str, value: str) -> dict[str, Any]:
    return {"text": {"type": "plain_text", "text": plain(text, MAX_OPTION_TEXT)}, "value": value}


def start_modal(decks: list[str]) -> dict[str, Any]:
    """Channel, deck (a static menu: a team keeps at most a few dozen decks), topics (an
    external menu, filled as the admin types, from the deck picked: no 100-option limit) and
    the number of questions."""
    deck_element: dict[str, Any] = {
        "type": "static_select",
        "action_id": "value",
        "placeholder": {"type": "plain_text", "text": "The team's default"},
        "options": [_option(name, name) for name in decks[:MAX_OPTIONS]],
    }
    blocks: list[dict[str, Any]] = [
        {
            "type": "input",
            "block_id": START_CHANNEL,
            "label": {"type": "plain_text", "text": "Channel"},
            "element": {
                "type": "conversations_select",
                "action_id": "value",
                "filter": {"include": ["public", "private"], "exclude_bot_users": True},
            },
        }
    ]
    if decks:
        blocks.append(
            {
                "type": "input",
                "block_id": START_DECK,
                "optional": True,
                "label": {"type": "plain_text", "text": "Deck"},
                "element": deck_element,
            }
        )
    blocks += [
        {
            "type": "input",
            "block_id": START_TOPICS,
            "optional": True,
            "label": {"type": "plain_text", "text": "Topics"},
            "element": {
                "type": "multi_external_select",
                "action_id": START_TOPICS_ACTION,
                "min_query_length": 0,
                "placeholder": {"type": "plain_text", "text": "All topics"},
            },
        },
        {
            "type": "input",
            "block_id": START_QUESTIONS,
            "optional": True,
            "label": {"type": "plain_text", "text": "Questions"},
            "element": {"type": "plain_text_input", "action_id": "value"},
            "hint": {"type": "plain_text", "text": f"{MIN_QUESTIONS} to {MAX_QUESTIONS}"},
        },
    ]
    return {
        "type": "modal",
        "callback_id": START_CALLBACK,
        "title": {"type": "plain_text", "text": "Start a quiz"},
        "submit": {"type": "plain_text", "text": "Start"},
        "close": {"type": "plain_text", "text": "Cancel"},
        "blocks": blocks,
    }


def topic_options(topics: list[str]) -> list[dict[str, Any]]:
    return [_option(t, t) for t in topics[:MAX_OPTIONS]]
