"""Answer clicks, read straight from the raw interaction payload: a button's custom id
(bot/core/view_ids.py) carries the question and the choice, and the payload says who clicked
where. No discord.py Interaction, Message or Member is built for a click (that cost more than
the answer itself), in gateway mode (a parser hook, see client.py) and in HTTP interactions mode
(http_mode.py) alike; only the way the interaction is answered differs (`Replies`).

The answer is written first; the interaction is answered once it is committed, with the receipt
itself (one response: the ack and the "Locked in" at once). If the write takes longer than the
ack budget, the interaction is deferred at the deadline and the receipt follows (see
`bot.adapters.acking`). A refusal (too late, already answered) is the receipt's text.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from bot.adapters.acking import LateWrites
from bot.adapters.discord.identity import PLATFORM
from bot.adapters.discord.render import cut, neutralise
from bot.boundary import failure_text, log_unexpected
from bot.core.errors import QuizError
from bot.core.models import PlayerRef, TeamRef
from bot.core.play.answering import AnswerOutcome
from bot.core.view_ids import parse_answer_id
from bot.service import QuizService

log = logging.getLogger(__name__)

COMPONENT = 3  # interaction type of a button click
BUTTON = 2  # component type
MESSAGE_RESPONSE = 4  # CHANNEL_MESSAGE_WITH_SOURCE
DEFERRED_RESPONSE = 5  # DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE ("thinking", then a followup)
EPHEMERAL = 1 << 6
MESSAGE_MAX = 2000
NOT_READY = "The quiz is still starting up, try again in a moment."


@dataclass(frozen=True)
class AnswerClick:
    interaction_id: str
    token: str
    application_id: str
    rq_id: int
    choice: int
    player: PlayerRef

    @property
    def what(self) -> str:
        return f"a click on question {self.rq_id}"


def answer_click(data: Mapping[str, Any]) -> AnswerClick | None:
    """The answer click an INTERACTION_CREATE payload is, or None for anything else (which
    discord.py's own dispatch takes: commands, forms, a click in a direct message)."""
    if data.get("type") != COMPONENT:
        return None
    inner, member = data.get("data"), data.get("member")
    if not isinstance(inner, dict) or not isinstance(member, dict):
        return None
    parsed = parse_answer_id(str(inner.get("custom_id", "")))
    user = member.get("user")
    guild_id, iid, token, app_id = (
        data.get("guild_id"),
        data.get("id"),
        data.get("token"),
        data.get("application_id"),
    )
    if parsed is None or inner.get("component_type") != BUTTON or not isinstance(user, dict):
        return None
    if not all(isinstance(v, str) and v for v in (guild_id, iid, token, app_id, user.get("id"))):
        return None
    # As discord.py's Member.display_name: the server nickname, the global name, the username.
    name = member.get("nick") or user.get("global_name") or user.get("username") or user["id"]
    guild = data.get("guild")
    guild_name = guild.get("name") if isinstance(guild, dict) else None
    return AnswerClick(
        interaction_id=str(iid),
        token=str(token),
        application_id=str(app_id),
        rq_id=parsed.round_question_id,
        choice=parsed.display_index,
        player=PlayerRef(TeamRef(PLATFORM, str(guild_id), guild_name), str(user["id"]), str(name)),
    )


def message(text: str) -> dict[str, Any]:
    """A private message's data: mention-neutralised, cut, pinging nobody."""
    return {
        "content": cut(neutralise(text), MESSAGE_MAX),
        "flags": EPHEMERAL,
        "allowed_mentions": {"parse": []},
    }


def message_response(text: str) -> dict[str, Any]:
    """An interaction response that is a private message (the ack and the receipt at once)."""
    return {"type": MESSAGE_RESPONSE, "data": message(text)}


DEFERRED = {"type": DEFERRED_RESPONSE, "data": {"flags": EPHEMERAL}}


class Replies(Protocol):
    """How an interaction is answered: the initial response (gateway mode posts it to
    Discord, HTTP mode returns it as the response body) and a later private message."""

    async def respond(self, click: AnswerClick, response: dict[str, Any]) -> None: ...

    async def follow_up(self, click: AnswerClick, data: dict[str, Any]) -> None: ...


async def take(
    service: QuizService | None,
    click: AnswerClick,
    replies: Replies,
    budget: float,
    late: LateWrites,
) -> None:
    """Write the answer, then answer the interaction (see the module docstring); then close
    the question if this answer filled it. Every failure ends as a private message.

    The deadline is a timer, not a second task to wait on: under a burst of thousands of
    clicks, each click's task, future and wait was loop work that delayed the writes
    themselves past their deadline."""
    if service is None:
        await replies.respond(click, message_response(NOT_READY))
        return
    engine = service.engine
    deferral: asyncio.Future[None] | None = None

    def at_deadline() -> None:  # the write is late: defer now, the receipt follows it
        nonlocal deferral
        late.report(click.what, budget)
        deferral = asyncio.ensure_future(replies.respond(click, DEFERRED))

    timer = asyncio.get_running_loop().call_later(budget, at_deadline)
    try:
        outcome = await _outcome(
            engine.record_answer(click.rq_id, click.player, click.choice), click
        )
    finally:
        timer.cancel()
    text = outcome.receipt.text if isinstance(outcome, AnswerOutcome) else outcome
    try:
        if deferral is None:
            await replies.respond(click, message_response(text))
        else:
            await deferral  # a followup only follows a response Discord has
            await replies.follow_up(click, message(text))
    except Exception as exc:  # Discord refused a response: nothing more can reach the player
        log_unexpected(log, f"answering {click.what}", exc)
        return
    if isinstance(outcome, AnswerOutcome):
        await engine.close_if_filled(click.rq_id, outcome)


async def _outcome(writing: Awaitable[AnswerOutcome], click: AnswerClick) -> AnswerOutcome | str:
    """The write's outcome, or the text a player is told when it failed."""
    try:
        return await writing
    except QuizError as exc:  # Unavailable: the database is away for a moment
        log.info("answer to round question %s refused: %s", click.rq_id, exc.message)
        return exc.message
    except Exception as exc:
        return failure_text(log_unexpected(log, click.what, exc))
