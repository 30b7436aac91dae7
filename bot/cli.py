"""`quizbot`: run the bot on a platform, manage the database and the question banks."""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from collections.abc import Callable, Coroutine
from dataclasses import replace
from typing import Any

from bot import cli_boundary
from bot.cli_args import player_name, whole_number
from bot.config import LOG_LEVELS, Settings, get_settings, redact_url
from bot.logs import configure_logging, secret_values

Handler = Callable[[argparse.Namespace, Settings], int]
LEADERBOARD_MAX = 100


def _run(coro: Coroutine[Any, Any, int]) -> int:
    """Run a command's coroutine; its errors go to the boundary around `main`."""
    return asyncio.run(coro)


# --- run ---------------------------------------------------------------------------------------


def cmd_run_console(args: argparse.Namespace, settings: Settings) -> int:
    from bot.adapters.console import play
    from bot.runtime import open_runtime

    async def main() -> int:
        async with open_runtime(settings) as rt:
            return await play(
                rt.repo,
                player_name=args.player,
                questions=args.questions,
                topic=args.topic,
                seconds=args.seconds,
            )

    return _run(main())


def cmd_run_discord(args: argparse.Namespace, settings: Settings) -> int:
    from bot.adapters.discord.app import run

    return _run(run(settings))


def cmd_run_slack(args: argparse.Namespace, settings: Settings) -> int:
    from bot.adapters.slack.app import run

    return _run(run(settings, port=args.port))


# --- db ----------------------------------------------------------------------------------------


def cmd_db_upgrade(args: argparse.Namespace, settings: Settings) -> int:
    from bot.db.connect import create_engine
    from bot.db.migrate import upgrade

    async def main() -> int:
        engine = create_engine(settings.database_url)
        try:
            await upgrade(engine, args.revision)
        finally:
            await engine.dispose()
        print(f"Database {redact_url(settings.database_url)} is at {args.revision}.")
        return 0

    return _run(main())


def cmd_health(args: argparse.Namespace, settings: Settings) -> int:
    """Exit 0 when the database answers and has the latest schema, 1 otherwise (the image's
    HEALTHCHECK): one line on stdout either way, the cause logged."""
    from bot.db.problems import database_problem
    from bot.runtime import database_health

    where = redact_url(settings.database_url)

    async def main() -> int:
        try:
            problem = await database_health(settings)
        except Exception as exc:
            known = database_problem(exc, settings.database_url)
            problem = known.message if known else exc.__class__.__name__
            logging.getLogger("bot.health").error("database check failed: %r", exc.__cause__ or exc)
        if problem is not None:
            print(f"unhealthy: database {where}: {problem}")
            return 1
        print(f"ok: database {where} answers")
        return 0

    return _run(main())


# --- questions ---------------------------------------------------------------------------------


def cmd_questions_load(args: argparse.Namespace, settings: Settings) -> int:
    from sqlalchemy.ext.asyncio import AsyncSession

    from bot.db.bank_store import load_bank
    from bot.runtime import open_runtime
    from questions.bank import BankError
    from questions.bank import load_bank as read_bank

    try:
        banks = [read_bank(path) for path in args.files]
    except BankError as exc:
        print(f"error: the bank was not loaded:\n{exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2

    async def main() -> int:
        results = []
        try:
            async with open_runtime(settings) as rt, AsyncSession(rt.engine) as s, s.begin():
                for path, bank in zip(args.files, banks, strict=True):
                    results.append((path, bank, await load_bank(s, bank)))
        except BankError as exc:  # an id another bank holds; the transaction was rolled back
            print(f"error: the banks were not loaded:\n{exc}", file=sys.stderr)
            return 2
        for path, bank, result in results:
            print(f"{path}: {len(bank.questions)} questions: {result}")
        return 0

    return _run(main())


def cmd_questions_generate(args: argparse.Namespace, settings: Settings) -> int:
    from questions.cli_commands import generate_command

    return int(generate_command(args.notes, args.out, force=args.force))


def cmd_questions_check(args: argparse.Namespace, settings: Settings) -> int:
    from questions.cli_commands import check_command

    return int(check_command(args.bank))


def cmd_leaderboard(args: argparse.Namespace, settings: Settings) -> int:
    from bot.core.engine import QuizEngine
    from bot.core.render import render_text
    from bot.runtime import open_runtime

    team = _team_ref(args.team)

    async def main() -> int:
        async with open_runtime(settings) as rt:
            engine = QuizEngine(rt.repo, _NullMessenger(), platform=team.platform)
            board = await engine.leaderboard(team, args.period, args.limit)
            print(render_text(replace(board, empty_text=_no_scores(team))))
        return 0

    return _run(main())


def _no_scores(team: Any) -> str:
    """The empty board's text in a terminal: the chat's `/quiz start` hint means nothing here."""
    if team.platform == "console":
        return "No scores yet. Play a round with `quizbot run console`."
    return f"No scores yet for {team.key}."


class _NullMessenger:
    async def post(self, channel: Any, view: Any) -> str | None:
        return None

    async def update(self, channel: Any, message_ref: str, view: Any) -> None:
        return None


def _team_ref(text: str) -> Any:
    from bot.core.models import TeamRef

    platform, sep, ext = text.partition(":")
    if not sep or platform not in ("discord", "slack", "console") or not ext:
        raise SystemExit(
            f"error: --team must look like discord:GUILD_ID, slack:TEAM_ID or console:local, not {text!r}"
        )
    return TeamRef(platform, ext)


# --- parser ------------------------------------------------------------------------------------


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

    run = sub.add_parser("run", help="run the bot on a platform").add_subparsers(
        dest="platform", required=True, metavar="PLATFORM"
    )
    console = run.add_parser("console", help="play a round in this terminal (no token needed)")
    console.add_argument("--questions", "-n", type=int, default=None, help="1 to 50 (default 5)")
    console.add_argument("--topic", default=None, help="only questions on this topic")
    console.add_argument(
        "--seconds", type=int, default=None, help="5 to 300 per question (default 20)"
    )
    console.add_argument(
        "--player", default="you", type=player_name, help="your name on the leaderboard"
    )
    console.set_defaults(handler=cmd_run_console)
    discord = run.add_parser("discord", help="run the Discord bot (needs DISCORD_TOKEN)")
    discord.set_defaults(handler=cmd_run_discord)
    slack = run.add_parser("slack", help="run the Slack app (needs SLACK_BOT_TOKEN)")
    slack.add_argument(
        "--port", type=whole_number(1, 65535), default=3000, help="HTTP mode port (default 3000)"
    )
    slack.set_defaults(handler=cmd_run_slack)

    db = sub.add_parser("db", help="database schema").add_subparsers(dest="db_cmd", required=True)
    up = db.add_parser("upgrade", help="migrate the database to the latest schema")
    up.add_argument("revision", nargs="?", default="head")
    up.set_defaults(handler=cmd_db_upgrade)

    sub.add_parser("health", help="check that the database answers").set_defaults(
        handler=cmd_health
    )

    board = sub.add_parser("leaderboard", help="print a team's leaderboard")
    board.add_argument(
        "--team", default="console:local", help="PLATFORM:ID (default console:local)"
    )
    board.add_argument("--period", choices=["week", "all"], default="week")
    board.add_argument(
        "--limit", type=whole_number(1, LEADERBOARD_MAX), default=10, help="1 to 100 (default 10)"
    )
    board.set_defaults(handler=cmd_leaderboard)

    q = sub.add_parser("questions", help="question banks").add_subparsers(
        dest="q_cmd", required=True
    )
    load = q.add_parser("load", help="load bank file(s) into the database (idempotent)")
    load.add_argument("files", nargs="+")
    load.set_defaults(handler=cmd_questions_load)
    gen = q.add_parser("generate", help="generate a bank from Markdown notes")
    gen.add_argument("notes", nargs="+")
    gen.add_argument("--out", required=True, help="the bank file to write (never a notes file)")
    gen.add_argument("--force", action="store_true", help="overwrite --out if it exists")
    gen.set_defaults(handler=cmd_questions_generate)
    check = q.add_parser("check", help="validate a bank file")
    check.add_argument("bank")
    check.set_defaults(handler=cmd_questions_check)
    from bot import cli_admin

    cli_admin.register(q)
    from bot import cli_weekly

    cli_weekly.register(sub)
    return p


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    # The bots' stderr is their log; every other command's is the user's screen.
    in_terminal = args.handler not in (cmd_run_discord, cmd_run_slack)
    crash_file = cli_boundary.CRASH_LOG if in_terminal else None
    configure_logging(args.log_level or "WARNING", "text", crash_file=crash_file)

    def command() -> int:
        settings = get_settings()
        quiet = args.handler is cmd_run_console  # the terminal is the game's screen
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

    return cli_boundary.run_guarded(command, crash_file=crash_file)


if __name__ == "__main__":
    sys.exit(main())
