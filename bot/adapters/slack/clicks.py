"""Answer clicks: a button's action_id (bot/core/view_ids.py) carries the question and the
choice, so a click needs only that, the workspace, the channel and the user from the payload.

HTTP mode and Socket Mode take a click straight from the verified request (no Bolt: its
request parsing and middleware chain cost more than the answer itself); Bolt's action
listener takes it the same way. `answer` writes the answer and acks once it is committed
(bounded by the ack budget, see `bot.adapters.acking`), then sends the receipt
(chat.postEphemeral, at the outbox's lowest priority), queues fetching the
display name of a player the click could only name by their handle (at the same priority, in
one background task: users.list pages when many wait, else users.info each) and closes the
question if this answer filled it. Slack may deliver a click twice: the database's
one-answer-per-player rule makes the second a polite refusal, never a second score.
"""

from __future__ import annotations

import asyncio
import functools
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

import aiohttp
from slack_sdk.errors import SlackApiError

from bot.adapters.outbox import Priority
from bot.adapters.slack.deps import SlackDeps
from bot.adapters.slack.identity import PLATFORM
from bot.adapters.slack.receipts import ReceiptFailed
from bot.boundary import log_unexpected
from bot.core.errors import QuizError
from bot.core.models import ChannelRef, PlayerRef, TeamRef
from bot.core.play.answering import AnswerOutcome
from bot.core.view_ids import parse_answer_id

log = logging.getLogger(__name__)

T = TypeVar("T")


@dataclass(frozen=True)
class AnswerClick:
    rq_id: int
    choice: int
    channel: ChannelRef
    user_id: str
    handle: str  # the user's Slack handle, a stand-in name for a player seen the first time

    @property
    def what(self) -> str:
        return f"a click on question {self.rq_id}"


def answer_click(payload: Mapping[str, Any]) -> AnswerClick | None:
    """The answer click a `block_actions` payload is, or None for anything else."""
    if payload.get("type") != "block_actions":
        return None
    actions = payload.get("actions")
    if not isinstance(actions, list) or len(actions) != 1 or not isinstance(actions[0], dict):
        return None
    parsed = parse_answer_id(str(actions[0].get("action_id", "")))
    team, user = payload.get("team"), payload.get("user")
    channel = payload.get("channel") or payload.get("container")
    if parsed is None or not (
        isinstance(team, dict) and isinstance(user, dict) and isinstance(channel, dict)
    ):
        return None
    team_id, user_id = team.get("id"), user.get("id")
    channel_id = channel.get("id") or channel.get("channel_id")
    if not (_text(team_id) and _text(user_id) and _text(channel_id)):
        return None
    name = user.get("username") or user.get("name") or user_id
    return AnswerClick(
        rq_id=parsed.round_question_id,
        choice=parsed.display_index,
        channel=ChannelRef(
            TeamRef(PLATFORM, str(team_id), _text(team.get("domain"))),
            str(channel_id),
            _text(channel.get("name")),
        ),
        user_id=str(user_id),
        handle=str(name),
    )


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


async def authorized(deps: SlackDeps, click: AnswerClick) -> bool:
    """Whether the click may be taken here without Bolt: always with one workspace's token;
    with OAuth installs, once its workspace installed the app (else Bolt answers it, as any
    request from a workspace it does not know)."""
    token_for = deps.messenger.token_for
    return token_for is None or await token_for(click.channel.team.external_id) is not None


def player_of(deps: SlackDeps, click: AnswerClick) -> PlayerRef:
    """The clicking player, named as users.info named them when this process asked before;
    else by their handle, which names only a player seen for the first time (no users.info
    round trip before the ack)."""
    team = click.channel.team
    known = deps.users.name_of(team.external_id, click.user_id)
    if known:
        return PlayerRef(team, click.user_id, known)
    return PlayerRef(team, click.user_id, click.handle, provisional_name=True)


def answer(deps: SlackDeps, click: AnswerClick, acked: Callable[[], object]) -> None:
    """Take the click: its work runs in one task (counted in flight), which calls `acked` once
    the answer is committed, or when the ack budget is spent (the write going on), then sends
    the receipt. No task or future waits for the ack beside it: the HTTP mode's `acked` sets
    the response, and the budget is a timer."""
    deps.inflight.spawn(_answer(deps, click, acked))


async def taken(deps: SlackDeps, click: AnswerClick) -> None:
    """Take the click (`answer`) and return once it may be acked: for Socket Mode and Bolt's
    listener, which ack by a call of their own."""
    ack: asyncio.Future[None] = asyncio.get_running_loop().create_future()
    answer(deps, click, functools.partial(set_once, ack, None))
    await ack


def set_once(future: asyncio.Future[T], value: T) -> None:
    """An `acked` for a future: the first call sets it (the budget's timer and the write's end
    may both call)."""
    if not future.done():
        future.set_result(value)


async def _answer(deps: SlackDeps, click: AnswerClick, acked: Callable[[], object]) -> None:
    engine = deps.service.engine
    late = asyncio.get_running_loop().call_later(deps.ack_budget_seconds, _late, deps, click, acked)
    outcome: AnswerOutcome | None = None
    try:
        outcome = await engine.record_answer(click.rq_id, player_of(deps, click), click.choice)
        text = outcome.receipt.text
    except QuizError as exc:  # Unavailable: the database is away for a moment
        log.warning("answer to round question %s refused: %s", click.rq_id, exc.message)
        text = exc.message
    except Exception as exc:
        reference = log_unexpected(log, click.what, exc)
        text = f"Your answer could not be recorded (reference {reference}); please click again."
    finally:
        late.cancel()
    acked()
    await receipt(deps, click, text)
    if outcome is not None:
        if deps.users.should_fetch_name(click.channel.team.external_id, click.user_id):
            want_name(deps, click)
        await engine.close_if_filled(click.rq_id, outcome)


def _late(deps: SlackDeps, click: AnswerClick, acked: Callable[[], object]) -> None:
    """The ack budget is spent before the write committed: ack now, the write goes on and
    the receipt follows it."""
    deps.late_writes.report(click.what, deps.ack_budget_seconds)
    acked()


async def receipt(deps: SlackDeps, click: AnswerClick, text: str) -> None:
    """The player's receipt, at the outbox's lowest priority (late under a burst, never lost)."""
    try:
        await deps.outbox.send(
            Priority.RECEIPT, lambda: deps.messenger.tell(click.channel, click.user_id, text)
        )
    except ReceiptFailed as exc:  # Slack's refusal, named in one line
        log.warning("the receipt of %s was not sent: %s", click.what, exc)
    except Exception as exc:
        log_unexpected(log, f"the receipt of {click.what}", exc)


def want_name(deps: SlackDeps, click: AnswerClick) -> None:
    """Queue the clicking player's name lookup; start the one task that works the queue
    unless it runs already (counted in flight, so shutdown lets it finish)."""
    wanted = deps.names_wanted
    wanted.clicks.append(click)
    if not wanted.working:
        wanted.working = True
        deps.inflight.spawn(learn_names(deps))


# From this many first-time clickers of one workspace waiting at once, their names come from
# users.list pages (200 members a call) rather than a users.info call each.
LIST_FROM = 10


async def learn_names(deps: SlackDeps) -> None:
    """Look up the queued players' names, whoever waits at each turn together, until none are
    left."""
    wanted = deps.names_wanted
    try:
        while wanted.clicks:
            waiting = list(wanted.clicks)
            wanted.clicks.clear()
            await deps.service.engine.answers_written()  # clicks first, under a burst
            by_team: dict[str, list[AnswerClick]] = {}
            for click in waiting:
                by_team.setdefault(click.channel.team.external_id, []).append(click)
            for team_clicks in by_team.values():
                try:
                    await learn_team_names(deps, team_clicks)
                except Exception as exc:  # one workspace's failure leaves the others' names
                    log_unexpected(log, f"naming {len(team_clicks)} Slack players", exc)
    finally:
        wanted.working = False


async def learn_team_names(deps: SlackDeps, waiting: list[AnswerClick]) -> None:
    """Names for one workspace's waiting players: listed when many wait (see list_members),
    stored in one batch; anyone the list did not show asked by users.info."""
    team = waiting[0].channel.team
    if len(waiting) >= LIST_FROM:
        await list_members(deps, waiting)
    named = [(c, deps.users.name_of(team.external_id, c.user_id)) for c in waiting]
    found = [PlayerRef(team, c.user_id, name) for c, name in named if name]
    if found:
        try:
            await asyncio.gather(*(deps.service.engine.learn_name(p) for p in found))
        except QuizError as exc:  # Unavailable: the players' next clicks carry the names
            log.warning("%d learned Slack names were not stored: %s", len(found), exc.message)
        except Exception as exc:
            log_unexpected(log, f"storing {len(found)} learned Slack names", exc)
    for click in waiting:
        if not deps.users.knows(team.external_id, click.user_id):
            try:
                await learn_name(deps, click)
            except Exception as exc:  # one player's failure leaves the others' lookups
                log_unexpected(log, f"looking up the name of Slack user {click.user_id}", exc)


async def list_members(deps: SlackDeps, waiting: list[AnswerClick]) -> None:
    """users.list pages until every waiting player is listed, the list ends, or it took as many
    calls as players wait (so listing never costs more calls than asking one by one). Members
    listed before they click are named already, and never wait for a lookup."""
    team_id = waiting[0].channel.team.external_id
    auth = await deps.messenger.auth(waiting[0].channel)
    missing = {c.user_id for c in waiting}
    for _ in range(len(missing)):
        try:
            more = await deps.outbox.send(
                Priority.RECEIPT,
                lambda: deps.users.list_page(deps.messenger.client, team_id, auth),
            )
        except (aiohttp.ClientError, TimeoutError, SlackApiError) as exc:
            log.warning("users.list for workspace %s failed: %s", team_id, type(exc).__name__)
            return
        missing = {u for u in missing if not deps.users.knows(team_id, u)}
        if not missing or not more:
            return


async def learn_name(deps: SlackDeps, click: AnswerClick) -> None:
    """The clicking player's display name from users.info, stored in place of their handle.
    Runs after the ack at receipt priority; if users.info fails (rate limit, error), the handle
    stays until a later click or command asks again, and the failure is one log line."""
    team_id = click.channel.team.external_id
    await deps.service.engine.answers_written()  # clicks first, under a burst
    try:
        auth = await deps.messenger.auth(click.channel)
        user = await deps.outbox.send(
            Priority.RECEIPT,
            lambda: deps.users.lookup(deps.messenger.client, team_id, click.user_id, auth),
        )
    except (aiohttp.ClientError, TimeoutError) as exc:  # SlackApiError: lookup logs it
        log.warning("users.info for %s failed: %s", click.user_id, type(exc).__name__)
        return
    if user.display_name is None:
        return
    player = PlayerRef(click.channel.team, click.user_id, user.display_name)
    try:
        await deps.service.engine.learn_name(player)
    except QuizError as exc:  # Unavailable: the player's next click carries the name
        log.warning("the name of Slack user %s was not stored: %s", click.user_id, exc.message)
    except Exception as exc:
        log_unexpected(log, f"storing the name of Slack user {click.user_id}", exc)
