"""`/quiz` and its verbs. Every request is acked first (Slack waits 3 seconds at most); the
database work and the replies (via response_url) come after the ack."""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from slack_bolt.context.async_context import AsyncBoltContext
from slack_sdk.web.async_client import AsyncWebClient

from bot.adapters.slack.curation import CURATION_VERBS, CurationArgs, parse_curation, run_curation
from bot.adapters.slack.daily import DailyArgs, parse_daily, run_daily
from bot.adapters.slack.decks import DECK_VERBS, DeckArgs, parse_decks, run_decks
from bot.adapters.slack.deps import SlackDeps, deps_of
from bot.adapters.slack.escape import escape, escape_cut
from bot.adapters.slack.identity import channel_from, player_from
from bot.adapters.slack.listeners.study_views import open_review
from bot.adapters.slack.render import add_question_modal, blocks_for, fallback_text
from bot.adapters.slack.respond import Respond, show_private
from bot.adapters.slack.study import mastery_blocks
from bot.adapters.slack.usage import UsageError, unescape, whole_number
from bot.adapters.slack.weekly import WeeklyArgs, parse_weekly, run_weekly
from bot.boundary import failure_text, log_unexpected
from bot.core.errors import NotAllowed, QuizError
from bot.core.models import ChannelRef, PlayerRef
from bot.core.play.limits import MAX_QUESTIONS, MAX_SECONDS, MIN_QUESTIONS, MIN_SECONDS
from bot.core.views import Notice
from questions.formats import FORMATS

log = logging.getLogger(__name__)

COMMAND = "/quiz"

HELP = f"""*Quiz commands*
`/quiz start [n] [topic] [seconds]`: start a round here. `n` is the number of questions \
({MIN_QUESTIONS}-{MAX_QUESTIONS}), `seconds` the time per question ({MIN_SECONDS}-{MAX_SECONDS}), `topic` any words in between: a number before the \
topic is `n`, a number after it is `seconds` (`30s` also means seconds). \
Examples: `/quiz start`, `/quiz start 5 AWS SQS 30`, `/quiz start Lambda 45s`, \
`/quiz start 5 deck:k8s topic:probes,services` (a deck, and several topics; "sqs" finds \
"AWS SQS"). `n=5 deck=k8s topic=AWS SQS seconds=30` works too.
`/quiz decks`: the decks you can play; `/quiz topics [deck]`: their topics and question counts.
`/quiz stop`: stop the round here (its starter or an admin).
`/quiz leaderboard [week|all]`: this week's or the all-time leaderboard.
`/quiz me`: your own points, rank, accuracy and streak, and your mastery per topic \
(questions seen, accuracy, reviews due).
`/quiz review`: up to 10 questions due for you to review, in a private window (spaced \
repetition: missed questions come back soon, known ones later); never changes the leaderboard.
`/quiz weekly`: when and where the weekly leaderboard is posted.
`/quiz suggest`: suggest a question for the admins to review (when the team allows it).
`/quiz help`: this text.
*Admins*
`/quiz add` opens a form to add a question; \
`/quiz settings [questions=N] [seconds=N] [topic=...] [deck=...]` sets this channel's round \
defaults (`topic=` with nothing clears the topic, `deck=none` the deck; no arguments shows the \
current defaults).
`/quiz weekly [#channel] [day] [hour] [timezone]` posts the weekly leaderboard there \
(default: here, Monday 09:00, the team's timezone); `/quiz weekly off` stops it.
`/quiz daily set #channel 09:00 [deck:NAME] [topic:A,B] [window:8] [tz:Europe/Berlin]` asks \
a question of the day there (open `window` hours, scored on the weekly board); \
`/quiz daily off [#channel]` stops it; `/quiz daily` shows them.
`/quiz questions [pending|disabled|all] [topic or words] [page N]` lists questions; \
`/quiz show #12`, `/quiz edit #12`, `/quiz disable #12`, `/quiz enable #12`; \
`/quiz approve #12`, `/quiz reject #12 [reason]` review suggestions; \
`/quiz suggestions on|off` lets everyone suggest.
`/quiz deck create <name>` opens a form for your Markdown notes and makes a draft deck of \
their questions; `/quiz deck preview <name> [page N]`, `/quiz deck publish <name>`, \
`/quiz deck regenerate <name>` (new notes: unchanged questions keep their statistics), \
`/quiz deck archive <name>`, `/quiz deck default <name|none>`, `/quiz deck export <name> [format]`.
`/quiz import` opens a form to attach or paste a file ({", ".join(FORMATS)}); \
`/quiz export [{"|".join(FORMATS)}]` sends you the bank as a file; \
`/quiz stats` shows how each asked question fared; `/quiz history` lists admin actions."""

VERBS = (
    "start",
    "stop",
    "leaderboard",
    "me",
    "review",
    "help",
    "add",
    "settings",
    "weekly",
    "daily",
    *CURATION_VERBS,
    *DECK_VERBS,
)
_KEY = re.compile(r"(?i)\b(n|questions|seconds|secs|topics?|deck)=")
_SECONDS = re.compile(r"(?i)^(\d+)s$")


@dataclass(frozen=True)
class StartArgs:
    questions: int | None = None
    topic: str | None = None  # one or more topics, separated by commas
    seconds: int | None = None
    deck: str | None = None


_int = whole_number


def parse_keyvalues(text: str) -> dict[str, str]:
    """`questions=5 topic=AWS SQS seconds=30` -> {questions: 5, topic: "AWS SQS", seconds: 30};
    a value runs until the next `key=`, so topics may hold spaces."""
    matches = list(_KEY.finditer(text))
    if not matches:
        return {}
    if text[: matches[0].start()].strip():
        raise UsageError(f"Unexpected `{text[: matches[0].start()].strip()}` before the settings.")
    out: dict[str, str] = {}
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        key = m.group(1).lower()
        key = {"n": "questions", "secs": "seconds", "topics": "topic"}.get(key, key)
        if key in out:
            raise UsageError(f"`{key}` is given twice.")
        out[key] = text[m.end() : end].strip()
    return out


def parse_start(text: str) -> StartArgs:
    """The grammar documented in HELP."""
    text = text.strip()
    if not text:
        return StartArgs()
    if _KEY.search(text):
        kv = parse_keyvalues(text)
        return StartArgs(
            questions=_int("n", kv["questions"]) if "questions" in kv else None,
            topic=kv.get("topic") or None,
            seconds=_int("seconds", kv["seconds"].rstrip("sS")) if "seconds" in kv else None,
            deck=kv.get("deck") or None,
        )
    tokens = text.split()
    questions: int | None = None
    seconds: int | None = None
    if tokens[0].isdigit():
        questions = int(tokens.pop(0))
    if tokens and _SECONDS.match(tokens[-1]):
        seconds = int(tokens.pop()[:-1])
    elif tokens and tokens[-1].isdigit():
        seconds = int(tokens.pop())
    if any(_SECONDS.match(t) for t in tokens):
        raise UsageError("Give the seconds once, at the end: `/quiz start 5 AWS SQS 30`.")
    deck, topic = _deck_and_topic(tokens)
    return StartArgs(questions, topic, seconds, deck)


def _deck_and_topic(tokens: list[str]) -> tuple[str | None, str | None]:
    """`deck:NAME` and `topic:A,B` (the topic runs on to the next key), or the loose words as
    the topic; both a `topic:` and loose words is an error."""
    deck: str | None = None
    keyed: list[str] | None = None
    loose: list[str] = []
    in_topic = False
    for token in tokens:
        key, sep, value = token.partition(":")
        if sep and key.lower() == "deck":
            if deck is not None or not value:
                raise UsageError("Name one deck: `deck:k8s`.")
            deck, in_topic = value, False
        elif sep and key.lower() in ("topic", "topics"):
            if keyed is not None:
                raise UsageError("Give the topics once: `topic:probes,services`.")
            keyed, in_topic = [value] if value else [], True
        elif in_topic and keyed is not None:
            keyed.append(token)
        else:
            loose.append(token)
    if keyed is not None and loose:
        raise UsageError(f"Unexpected `{' '.join(loose)}`: put every topic after `topic:`.")
    topic = " ".join(keyed if keyed is not None else loose).strip()
    return deck, topic or None


@dataclass(frozen=True)
class SettingsArgs:
    questions: int | None = None
    seconds: int | None = None
    topic: str | None = None  # "" clears
    deck: str | None = None  # "none" clears


def parse_settings(text: str) -> SettingsArgs:
    text = text.strip()
    if not text:
        return SettingsArgs()
    kv = parse_keyvalues(text)
    if not kv:
        raise UsageError("Settings look like `questions=5 seconds=30 topic=AWS SQS`.")
    return SettingsArgs(
        questions=_int("questions", kv["questions"]) if "questions" in kv else None,
        seconds=_int("seconds", kv["seconds"].rstrip("sS")) if "seconds" in kv else None,
        topic=kv.get("topic"),
        deck=kv.get("deck"),
    )


def parse_period(text: str) -> str:
    period = text.strip().lower() or "week"
    if period not in ("week", "all"):
        raise UsageError(f"The leaderboard period is `week` or `all`, not `{escape(period)}`.")
    return period


def usage(problem: str) -> str:
    return f"{problem}\n\n{HELP}"


async def _say(respond: Respond, text: str, *, public: bool = False) -> None:
    await respond(
        text=text,
        response_type="in_channel" if public else "ephemeral",
        replace_original=False,
    )


async def quiz(
    ack: Callable[..., Awaitable[Any]],
    body: dict[str, Any],
    client: AsyncWebClient,
    respond: Respond,
    context: AsyncBoltContext,
) -> None:
    deps = deps_of(context)
    verb, _, raw_rest = (body.get("text") or "").strip().partition(" ")
    verb = unescape(verb).lower() or "help"
    rest = unescape(raw_rest)
    weekly: WeeklyArgs | None = None
    daily: DailyArgs | None = None
    curation: CurationArgs | None = None
    decks: DeckArgs | None = None
    try:
        if verb not in VERBS:
            raise UsageError(f"Unknown command `{escape_cut(verb, 40)}`.")
        if verb == "weekly":
            weekly = parse_weekly(raw_rest)  # channel links arrive escaped, as <#C..|name>
        if verb == "daily":
            daily = parse_daily(raw_rest)
        if verb in CURATION_VERBS:
            curation = parse_curation(verb, rest)
        if verb in DECK_VERBS:
            decks = parse_decks(verb, rest)
        start = parse_start(rest) if verb == "start" else None
        settings = parse_settings(rest) if verb == "settings" else None
        period = parse_period(rest) if verb == "leaderboard" else "week"
        if verb in ("stop", "me", "review", "help", "add") and rest.strip():
            raise UsageError(f"`/quiz {verb}` takes no arguments.")
    except UsageError as exc:
        await ack(response_type="ephemeral", text=usage(str(exc)))
        return
    if verb == "help":
        await ack(response_type="ephemeral", text=HELP)
        return
    await ack()
    channel = channel_from(body)
    try:
        if verb == "add":
            await _open_add_form(deps, client, body, respond)
        elif verb == "review":
            await open_review(deps, client, body)
        elif weekly is not None:
            await run_weekly(deps, client, body, weekly, respond)
        elif daily is not None:
            await run_daily(deps, client, body, daily, respond)
        elif curation is not None:
            await run_curation(deps, client, body, curation, respond)
        elif decks is not None:
            await run_decks(deps, client, body, decks, respond)
        elif verb == "start":
            assert start is not None and channel is not None
            player = await deps.users.player(client, body)
            out = await deps.service.engine.start_round(
                channel,
                player,
                questions=start.questions,
                topic=start.topic,
                seconds=start.seconds,
                deck=start.deck,
            )
            note = f" {out.message}" if out.message else ""
            await _say(respond, escape(f"Round started: {out.card.total} question(s).{note}"))
        elif verb == "stop":
            assert channel is not None
            player = await deps.users.player(client, body)
            await _say(respond, escape(await deps.service.engine.stop_round(channel, player)))
        elif verb == "leaderboard":
            view = await deps.service.engine.leaderboard(player_from(body).team, period, 10)
            await respond(
                text=fallback_text(view),
                blocks=blocks_for(view),
                response_type="in_channel",
                replace_original=False,
            )
        elif verb == "me":
            player = await deps.users.player(client, body)
            stats = await deps.service.engine.player_stats(player)
            mastery = await deps.service.study.mastery(player)
            await respond(
                text=fallback_text(stats),
                blocks=[*blocks_for(stats), *mastery_blocks(mastery)],
                response_type="ephemeral",
                replace_original=False,
            )
        elif verb == "settings":
            assert settings is not None and channel is not None
            await _settings(deps, client, body, channel, settings, respond)
    except QuizError as exc:
        await _say(respond, escape(exc.message))
    except Exception as exc:
        where = f"/quiz {verb} in channel {body.get('channel_id')}"
        await _say(respond, failure_text(log_unexpected(log, where, exc)))


async def _settings(
    deps: SlackDeps,
    client: AsyncWebClient,
    body: dict[str, Any],
    channel: ChannelRef,
    args: SettingsArgs,
    respond: Respond,
) -> None:
    player = await deps.users.player(client, body)
    d = await deps.service.admin.channel_settings(
        player,
        channel,
        questions=args.questions,
        seconds=args.seconds,
        topic=args.topic,
        deck=args.deck,
    )
    view = Notice(
        f"questions: {d.questions or 'default'} · seconds: {d.seconds or 'default'} · "
        f"topic: {d.topic or 'any'} · deck: {d.deck_name or 'the team default'}",
        title="Round defaults for this channel",
    )
    await show_private(respond, view)


async def _open_add_form(
    deps: SlackDeps, client: AsyncWebClient, body: dict[str, Any], respond: Respond
) -> None:
    """Refuse non-admins at once; open the form while the trigger_id is fresh (3 seconds).
    If the admin check is slow the form opens anyway: the core re-checks on submit."""
    try:
        await asyncio.wait_for(_checked_admin(deps, client, body), deps.ack_budget_seconds)
    except TimeoutError:
        log.warning("admin check for /quiz add was slow; opening the form anyway")
    except NotAllowed as exc:
        await _say(respond, escape(exc.message))
        return
    await client.views_open(
        trigger_id=body["trigger_id"], view=add_question_modal(str(body.get("channel_id") or ""))
    )


async def _checked_admin(
    deps: SlackDeps, client: AsyncWebClient, body: dict[str, Any]
) -> PlayerRef:
    player = await deps.users.player(client, body)
    await deps.service.admin.require_admin(player)
    return player
