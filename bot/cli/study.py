"""`quizbot review`: a player's private review of what is due, in the terminal; `quizbot daily
set|off|show`: a channel's question of the day (the running bot posts it); `quizbot daily
run-due`: the terminal's own question of the day, posted and answered here."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from bot.cli._common import (
    TEAM_HELP,
    NullMessenger,
    iso_moment,
    operator,
    player_name,
    print_notice,
    run_refusable,
    team_ref,
)
from bot.config import Settings


def cmd_review(args: argparse.Namespace, settings: Settings) -> int:
    from bot.adapters.console import CONSOLE_TEAM, review
    from bot.core.models import PlayerRef
    from bot.core.study.service import StudyService
    from bot.runtime import open_runtime

    team = team_ref(args.team)

    async def main() -> int:
        async with open_runtime(settings) as rt:
            study = StudyService(rt.repo)
            if team == CONSOLE_TEAM or team.key == CONSOLE_TEAM.key:
                # The terminal's players are named as `run console --player` names them.
                player = PlayerRef(CONSOLE_TEAM, args.player.casefold(), args.player)
            else:
                found = await study.find_player(team, args.player)
                if found is None:
                    print(
                        f"error: --player: no single player {args.player!r} in {team.key} "
                        "(give their platform user id or exact display name)",
                        file=sys.stderr,
                    )
                    return 2
                player = found
            return await review(study, player)

    return run_refusable(main)


def _daily(rt: Any) -> Any:
    from bot.core.play.service import QuizEngine
    from bot.core.study.daily_service import DailyService

    return DailyService(rt.repo, QuizEngine(rt.repo, NullMessenger(), platform="cli"))


def cmd_daily_set(args: argparse.Namespace, settings: Settings) -> int:
    from bot.core.models import ChannelRef

    team = team_ref(args.team)
    channel = ChannelRef(team, args.channel, args.channel_name)

    return print_notice(
        settings,
        lambda rt: _daily(rt).set(
            operator(team, "quizbot CLI"),
            channel,
            args.time,
            deck=args.deck,
            topics=args.topic or (),
            window_hours=args.window,
            timezone=args.timezone,
        ),
    )


def cmd_daily_off(args: argparse.Namespace, settings: Settings) -> int:
    from bot.core.models import ChannelRef

    team = team_ref(args.team)
    return print_notice(
        settings,
        lambda rt: _daily(rt).disable(
            operator(team, "quizbot CLI"), ChannelRef(team, args.channel)
        ),
    )


def cmd_daily_show(args: argparse.Namespace, settings: Settings) -> int:
    from bot.runtime import open_runtime

    team = team_ref(args.team)

    async def work() -> int:
        async with open_runtime(settings) as rt:
            infos = await _daily(rt).show(team)
        print("\n".join(i.text for i in infos) or "No question of the day is set.")
        return 0

    return run_refusable(work)


def cmd_daily_run_due(args: argparse.Namespace, settings: Settings) -> int:
    from bot.adapters.console import play_daily
    from bot.runtime import open_runtime

    async def work() -> int:
        async with open_runtime(settings) as rt:
            return await play_daily(
                rt.repo, player_name=args.player, now=args.now, stdin=sys.stdin, out=sys.stdout
            )

    return run_refusable(work)


def register(sub: Any) -> None:
    rev = sub.add_parser(
        "review",
        help="review the questions due for a player (spaced repetition), in this terminal",
    )
    rev.add_argument(
        "--player",
        default="you",
        type=player_name,
        help="whose review: the name used with `run console --player` (default you), or a "
        "platform user id or display name with --team",
    )
    rev.add_argument("--team", default="console:local", help="PLATFORM:ID (default console:local)")
    rev.set_defaults(handler=cmd_review)

    daily = sub.add_parser(
        "daily", help="a channel's question of the day", description=__doc__
    ).add_subparsers(dest="daily_cmd", required=True, metavar="ACTION")
    s = daily.add_parser("set", help="ask a question of the day in a channel")
    s.add_argument("--team", required=True, help=TEAM_HELP)
    s.add_argument("--channel", required=True, help="the platform's channel id")
    s.add_argument("--channel-name", default=None, help="the channel's name, for messages")
    s.add_argument("--time", required=True, help="local time of day, 24-hour: 09:00, 17:30")
    s.add_argument("--deck", default=None, help="the deck to ask from (default: the team's)")
    s.add_argument(
        "--topic", action="append", default=None, help="only this topic; repeat for several"
    )
    s.add_argument("--window", default=None, help="hours it stays open, 1-23 (default 8)")
    s.add_argument(
        "--timezone", default=None, help="IANA name like Europe/Berlin (default: the team's)"
    )
    s.set_defaults(handler=cmd_daily_set)
    off = daily.add_parser("off", help="stop a channel's question of the day")
    off.add_argument("--team", required=True, help=TEAM_HELP)
    off.add_argument("--channel", required=True, help="the platform's channel id")
    off.set_defaults(handler=cmd_daily_off)
    show = daily.add_parser("show", help="list the team's questions of the day")
    show.add_argument("--team", required=True, help=TEAM_HELP)
    show.set_defaults(handler=cmd_daily_show)
    due = daily.add_parser(
        "run-due",
        help="the terminal's question of the day: post any that is due here and answer it",
        description="Run the terminal team's (console:local) question-of-the-day step once, "
        "through the same service as the bots: reveal the questions whose window ended, print "
        "any question that is due (set one with `daily set --team console:local --channel "
        "terminal --time HH:MM`) and read one choice number per line as your answer. A "
        "question is posted once per day; one left unanswered stays open for its window.",
    )
    due.add_argument(
        "--player",
        default="you",
        type=player_name,
        help="your name on the leaderboard, as with `run console --player` (default you)",
    )
    due.add_argument(
        "--now", type=iso_moment, default=None, help="ISO-8601 time to run at (default: now)"
    )
    due.set_defaults(handler=cmd_daily_run_due)
