"""`quizbot`: run the bot on a platform, manage the database and the question banks.

One module per command group (run, db, questions + curation, decks, leaderboard, study, weekly), each with a
`register(subparsers)`; `_common` holds what they share; `boundary` is the error boundary that
`main` runs every command inside.
"""

from __future__ import annotations

import argparse
import logging
from collections.abc import Callable

from bot.cli import boundary, db, decks, leaderboard, questions, run, study, weekly
from bot.config import LOG_LEVELS, Settings, get_settings
from bot.logs import configure_logging, secret_values

Handler = Callable[[argparse.Namespace, Settings], int]


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="quizbot",
        description="A team quiz bot for Discord and Slack, with questions from your own notes.",
    )
    p.add_argument(
        "--log-level",
        default=None,
        type=str.upper,
        choices=LOG_LEVELS,
        help="DEBUG, INFO, WARNING, ERROR (default from LOG_LEVEL)",
    )
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for group in (run, db, leaderboard, questions, decks, study, weekly):
        group.register(sub)
    return p


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    in_terminal = args.handler not in run.BOTS
    crash_file = boundary.CRASH_LOG if in_terminal else None
    configure_logging(args.log_level or "WARNING", "text", crash_file=crash_file)

    def command() -> int:
        settings = get_settings()
        quiet = args.handler is run.cmd_run_console  # the terminal is the game's screen
        configure_logging(
            args.log_level or ("WARNING" if quiet else settings.log_level),
            settings.log_format,
            secrets=secret_values(settings),
            crash_file=crash_file,
        )
        for noisy in ("aiosqlite", "alembic.runtime.migration", "alembic.runtime.plugins"):
            logging.getLogger(noisy).setLevel(logging.WARNING)
        handler: Handler = args.handler
        return handler(args, settings)

    return boundary.run_guarded(command, crash_file=crash_file)
