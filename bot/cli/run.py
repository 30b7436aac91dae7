"""`quizbot run console|discord|slack`: play in the terminal, or run a bot."""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Callable, Coroutine
from typing import Any

from bot.cli._common import player_name, whole_number
from bot.config import Settings
from bot.core.play.limits import (
    DEFAULT_QUESTIONS,
    DEFAULT_SECONDS,
    MAX_QUESTIONS,
    MAX_SECONDS,
    MIN_QUESTIONS,
    MIN_SECONDS,
)


def loop_factory() -> Callable[[], asyncio.AbstractEventLoop] | None:
    """The event loop the bots run on: uvloop's on Linux when it is installed (its transports
    and callbacks cost about half the CPU of asyncio's per request), else asyncio's own."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        import uvloop
    except ImportError:
        return None
    return uvloop.new_event_loop


def run(coro: Coroutine[Any, Any, int]) -> int:
    """Run a `quizbot run` mode's coroutine on `loop_factory`'s loop; errors go to the boundary
    around `main`."""
    with asyncio.Runner(loop_factory=loop_factory()) as runner:
        return runner.run(coro)


def cmd_run_console(args: argparse.Namespace, settings: Settings) -> int:
    from bot.adapters.console import play
    from bot.runtime import open_runtime

    async def main() -> int:
        async with open_runtime(settings, serve=True) as rt:
            return await play(
                rt.repo,
                player_name=args.player,
                questions=args.questions,
                seconds=args.seconds,
                deck=args.deck,
                topics=args.topic or (),
            )

    return run(main())


def cmd_run_discord(args: argparse.Namespace, settings: Settings) -> int:
    from bot.adapters.discord.app import run as run_discord

    return run(run_discord(settings, http_port=args.port if args.http else None))


def cmd_run_slack(args: argparse.Namespace, settings: Settings) -> int:
    from bot.adapters.heap import starting_up

    with starting_up():  # until the app serves (its `settle_heap`)
        from bot.adapters.slack.app import run as run_slack

        return run(run_slack(settings, port=args.port))


# The bots' stderr is their log; every other command's is the user's screen.
BOTS = (cmd_run_discord, cmd_run_slack)


def register(sub: Any) -> None:
    run_ = sub.add_parser("run", help="run the bot on a platform").add_subparsers(
        dest="platform", required=True, metavar="PLATFORM"
    )
    console = run_.add_parser("console", help="play a round in this terminal (no token needed)")
    console.add_argument(
        "--questions",
        "-n",
        type=int,
        default=None,
        help=f"{MIN_QUESTIONS} to {MAX_QUESTIONS} (default {DEFAULT_QUESTIONS})",
    )
    console.add_argument(
        "--deck",
        default=None,
        help="the deck to play (default: the team's; see quizbot decks list)",
    )
    console.add_argument(
        "--topic",
        action="append",
        default=None,
        help='only questions on this topic ("sqs" finds "AWS SQS"); repeat for several',
    )
    console.add_argument(
        "--seconds",
        type=int,
        default=None,
        help=f"{MIN_SECONDS} to {MAX_SECONDS} per question (default {DEFAULT_SECONDS})",
    )
    console.add_argument(
        "--player", default="you", type=player_name, help="your name on the leaderboard"
    )
    console.set_defaults(handler=cmd_run_console)
    discord = run_.add_parser("discord", help="run the Discord bot (needs DISCORD_TOKEN)")
    discord.add_argument(
        "--http",
        action="store_true",
        help="serve Discord's Interactions Endpoint URL instead of the gateway "
        "(needs DISCORD_PUBLIC_KEY)",
    )
    discord.add_argument(
        "--port", type=whole_number(1, 65535), default=8080, help="--http port (default 8080)"
    )
    discord.set_defaults(handler=cmd_run_discord)
    slack = run_.add_parser("slack", help="run the Slack app (needs SLACK_BOT_TOKEN)")
    slack.add_argument(
        "--port", type=whole_number(1, 65535), default=3000, help="HTTP mode port (default 3000)"
    )
    slack.set_defaults(handler=cmd_run_slack)
