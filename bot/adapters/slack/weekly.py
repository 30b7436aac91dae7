"""`/quiz weekly`: where and when the weekly leaderboard is posted.

Slack sends a channel picked from the autocomplete as `<#C123ABC|name>` (or `<#C123ABC>`) when
the command escapes its text (manifest: `should_escape: true`); a bare `#name` cannot be turned
into a channel id without an extra scope, so it is refused with a hint.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from slack_sdk.web.async_client import AsyncWebClient

from bot.adapters.slack.deps import SlackDeps
from bot.adapters.slack.escape import escape, escape_cut
from bot.adapters.slack.identity import channel_from
from bot.adapters.slack.respond import Respond
from bot.adapters.slack.usage import UsageError, unescape
from bot.core.errors import QuizError, ValidationFailed
from bot.core.models import ChannelRef
from bot.core.weekly.schedule import DEFAULT_HOUR, DEFAULT_WEEKDAY

USAGE = (
    "`/quiz weekly [#channel] [day] [hour] [timezone]` posts the weekly leaderboard there "
    "(default: this channel, Monday, 09:00, the team's timezone), e.g. "
    "`/quiz weekly #general fri 17 Europe/Berlin`; `/quiz weekly off` stops it; "
    "`/quiz weekly` shows it."
)
CHANNEL_MENTION = re.compile(r"^<#([CG][A-Z0-9]+)(?:\|([^>]*))?>$")
_TIMEZONE = re.compile(r"^(?:[A-Za-z_]+(?:/[A-Za-z0-9_+\-]+)+|UTC|GMT|Etc/.+)$")


@dataclass(frozen=True)
class WeeklyArgs:
    action: str  # "show" | "off" | "set"
    channel_id: str | None = None
    channel_name: str | None = None
    day: str | None = None  # as typed; the core parses and names a bad one
    hour: str | None = None
    timezone: str | None = None


def parse_channel(token: str) -> tuple[str, str | None] | None:
    """`<#C123ABC|name>` or `<#C123ABC>` -> (id, name or None); None when it is no mention."""
    found = CHANNEL_MENTION.match(token)
    if found is None:
        return None
    return found.group(1), (found.group(2) or None)


def parse_weekly(text: str) -> WeeklyArgs:
    """The grammar in USAGE. After the optional channel come day, hour and timezone in that
    order; a token with a `/` (or UTC) is always the timezone and one with a `:` the hour, so
    `/quiz weekly #c 17:00 Europe/Berlin` means what it says."""
    tokens = text.split()
    if not tokens or (len(tokens) == 1 and tokens[0].lower() == "show"):
        return WeeklyArgs("show")
    if tokens[0].lower() in ("off", "stop", "disable"):
        if len(tokens) > 1:
            raise UsageError(f"`/quiz weekly {tokens[0].lower()}` takes no arguments.")
        return WeeklyArgs("off")
    channel_id = channel_name = None
    mention = parse_channel(tokens[0])
    if mention is not None:
        channel_id, channel_name = mention
        tokens.pop(0)
    elif unescape(tokens[0]).startswith(("#", "<#")):
        raise UsageError(
            f"channel: `{escape_cut(unescape(tokens[0]), 80)}` is not a channel Slack linked; "
            "pick it from the list that pops up after typing `#`."
        )
    slots = ("day", "hour", "timezone")
    schedule: dict[str, str] = {}
    last = -1
    for value in (unescape(t) for t in tokens):
        if _TIMEZONE.match(value):
            slot = 2
        elif ":" in value:
            slot = 1
        else:
            slot = last + 1
        if slot <= last or slot >= len(slots):
            raise UsageError(f"Unexpected `{escape_cut(value, 80)}`.")
        schedule[slots[slot]] = value
        last = slot
    return WeeklyArgs(
        "set",
        channel_id,
        channel_name,
        schedule.get("day"),
        schedule.get("hour"),
        schedule.get("timezone"),
    )


def problem_text(exc: QuizError) -> str:
    """Each bad field on its own line, named."""
    if isinstance(exc, ValidationFailed):
        return "\n".join(
            msg if msg.startswith(name) else f"{name}: {msg}"
            for name, msg in exc.by_field().items()
        )
    if exc.field and not exc.message.startswith(exc.field):
        return f"{exc.field}: {exc.message}"
    return exc.message


async def run_weekly(
    deps: SlackDeps,
    client: AsyncWebClient,
    body: dict[str, Any],
    args: WeeklyArgs,
    respond: Respond,
) -> None:
    weekly = deps.service.weekly
    if weekly is None:
        await _reply(respond, "Weekly leaderboard posts are not available here.")
        return
    try:
        if args.action == "show":
            info = await weekly.show((await deps.users.player(client, body)).team)
        elif args.action == "off":
            info = await weekly.disable(await deps.users.player(client, body))
        else:
            actor = await deps.users.player(client, body)
            here = channel_from(body)
            if args.channel_id is not None:
                channel = ChannelRef(actor.team, args.channel_id, args.channel_name)
            elif here is not None:
                channel = ChannelRef(actor.team, here.external_id, here.name)
            else:
                raise QuizError("name a channel: `/quiz weekly #channel`", field="channel")
            info = await weekly.set_schedule(
                actor,
                channel,
                weekday=args.day if args.day is not None else DEFAULT_WEEKDAY,
                hour=args.hour if args.hour is not None else DEFAULT_HOUR,
                timezone=args.timezone,
            )
    except QuizError as exc:
        await _reply(respond, f"{escape(problem_text(exc))}\n\n{USAGE}")
        return
    await _reply(respond, escape(info.text))


async def _reply(respond: Respond, text: str) -> None:
    await respond(text=text, response_type="ephemeral", replace_original=False)
