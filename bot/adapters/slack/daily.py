"""`/quiz daily`: a channel's question of the day. `/quiz daily set #channel 09:00 [deck:NAME]
[topic:A,B] [window:8] [tz:Europe/Berlin]`, `/quiz daily off [#channel]`, `/quiz daily`
(shows every channel's). The channel comes as Slack's escaped `<#C…|name>` link."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from slack_sdk.web.async_client import AsyncWebClient

from bot.adapters.slack.deps import SlackDeps
from bot.adapters.slack.escape import escape, escape_cut
from bot.adapters.slack.identity import channel_from
from bot.adapters.slack.respond import Respond
from bot.adapters.slack.usage import UsageError, unescape
from bot.adapters.slack.weekly import parse_channel, problem_text
from bot.core.errors import QuizError
from bot.core.models import ChannelRef

USAGE = (
    "`/quiz daily set #channel 09:00 [deck:NAME] [topic:A,B] [window:8] [tz:Europe/Berlin]` "
    "asks a question of the day there at that local time, open for `window` hours (default 8; "
    "answers score on the weekly board, the answer is revealed when it closes); "
    "`/quiz daily off [#channel]` stops it; `/quiz daily` shows them."
)
KEYS = {"deck": "deck", "topic": "topics", "topics": "topics", "window": "window", "tz": "timezone"}


@dataclass(frozen=True)
class DailyArgs:
    action: str  # "show" | "off" | "set"
    channel_id: str | None = None
    channel_name: str | None = None
    time: str | None = None
    options: tuple[tuple[str, str], ...] = ()


def _channel(token: str) -> tuple[str, str | None]:
    found = parse_channel(token)
    if found is None:
        raise UsageError(
            f"channel: `{escape_cut(unescape(token), 80)}` is not a channel Slack linked; "
            "pick it from the list that pops up after typing `#`."
        )
    return found


def parse_daily(text: str) -> DailyArgs:
    """The grammar in USAGE; `key:value` options may come in any order after the time."""
    tokens = text.split()
    if not tokens or (len(tokens) == 1 and tokens[0].lower() == "show"):
        return DailyArgs("show")
    verb = tokens.pop(0).lower()
    if verb in ("off", "stop"):
        if len(tokens) > 1:
            raise UsageError("`/quiz daily off` takes at most a channel.")
        if tokens:
            return DailyArgs("off", *_channel(tokens[0]))
        return DailyArgs("off")
    if verb != "set":
        raise UsageError(f"Unknown `/quiz daily {escape_cut(verb, 40)}`.")
    if len(tokens) < 2:
        raise UsageError("`/quiz daily set` needs a channel and a time.")
    channel_id, channel_name = _channel(tokens.pop(0))
    time = unescape(tokens.pop(0))
    options: dict[str, str] = {}
    current: str | None = None
    for raw in (unescape(t) for t in tokens):
        key, sep, value = raw.partition(":")
        if sep and key.lower() in KEYS:
            current = KEYS[key.lower()]
            options[current] = value
        elif current == "topics":  # topics may hold spaces: "topic:AWS SQS, Lambda"
            options[current] = f"{options[current]} {raw}".strip()
        else:
            raise UsageError(f"Unexpected `{escape_cut(raw, 80)}`.")
    return DailyArgs("set", channel_id, channel_name, time, tuple(options.items()))


async def run_daily(
    deps: SlackDeps,
    client: AsyncWebClient,
    body: dict[str, Any],
    args: DailyArgs,
    respond: Respond,
) -> None:
    daily = deps.service.daily
    if daily is None:
        await _reply(respond, "The question of the day is not available here.")
        return
    try:
        actor = await deps.users.player(client, body)
        here = channel_from(body)
        if args.action == "show":
            infos = await daily.show(actor.team)
            text = "\n".join(i.text for i in infos) or "No question of the day is set."
        elif args.action == "off":
            if args.channel_id is not None:
                channel = ChannelRef(actor.team, args.channel_id, args.channel_name)
            elif here is not None:
                channel = here
            else:
                raise QuizError("name a channel: `/quiz daily off #channel`", field="channel")
            text = (await daily.disable(actor, channel)).text
        else:
            assert args.channel_id is not None and args.time is not None
            channel = ChannelRef(actor.team, args.channel_id, args.channel_name)
            options = dict(args.options)
            info = await daily.set(
                actor,
                channel,
                args.time,
                deck=options.get("deck"),
                topics=options.get("topics", ""),
                window_hours=options.get("window"),
                timezone=options.get("timezone"),
            )
            text = info.text
    except QuizError as exc:
        await _reply(respond, f"{escape(problem_text(exc))}\n\n{USAGE}")
        return
    await _reply(respond, escape(text))


async def _reply(respond: Respond, text: str) -> None:
    await respond(text=text, response_type="ephemeral", replace_original=False)
