"""What every `quizbot` command group shares: running a command's coroutine, the `--team` value,
the operator the CLI acts as, and argument types that argparse refuses with one line naming the
option (exit 2) before anything runs."""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Awaitable, Callable, Coroutine
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bot.core.models import PlayerRef, TeamRef

NAME_MAX = 80
TEAM_PLATFORMS = ("discord", "slack", "console")
TEAM_HELP = "PLATFORM:ID, e.g. discord:123456 or slack:T0123 (console:local for the terminal)"
# Whoever can run the CLI against the database is trusted as an admin, recorded as this actor.
OPERATOR_ID = "cli"


def run(coro: Coroutine[Any, Any, int]) -> int:
    """Run a command's coroutine; its errors go to the boundary around `main`."""
    return asyncio.run(coro)


def run_refusable(work: Callable[[], Awaitable[int]]) -> int:
    """Run one command; a user-facing refusal (QuizError) becomes `error: ...` and exit 2."""
    from bot.core.errors import QuizError

    async def main() -> int:
        try:
            return int(await work())
        except QuizError as exc:
            print(f"error: {exc.message}", file=sys.stderr)
            return 2

    return run(main())


def print_notice(settings: Any, act: Callable[[Any], Awaitable[Any]]) -> int:
    """Run `act` on a runtime opened for `settings` and print the notice it returns: the shape
    of every command that changes or shows one setting."""
    from bot.runtime import open_runtime

    async def work() -> int:
        async with open_runtime(settings) as rt:
            notice = await act(rt)
        print(notice.text)
        return 0

    return run_refusable(work)


def team_ref(text: str) -> TeamRef:
    """`--team PLATFORM:ID` as the core's team reference."""
    from bot.core.models import TeamRef

    platform, sep, ext = text.partition(":")
    if not sep or platform not in TEAM_PLATFORMS or not ext:
        raise SystemExit(
            f"error: --team must look like discord:GUILD_ID, slack:TEAM_ID or console:local, not {text!r}"
        )
    return TeamRef(platform, ext)


def operator(team: TeamRef, name: str = OPERATOR_ID) -> PlayerRef:
    """The admin a CLI command acts as in `team`."""
    from bot.core.models import PlayerRef

    return PlayerRef(team, OPERATOR_ID, name, is_platform_admin=True)


def whole_number(low: int, high: int) -> Callable[[str], int]:
    """A whole number from `low` to `high`."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(
                f"must be a whole number from {low} to {high}, not {text!r}"
            ) from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"must be {low} to {high}, not {value}")
        return value

    return parse


def iso_moment(text: str) -> datetime:
    """`--now`: an ISO-8601 time; a naive one is UTC."""
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"--now must be an ISO-8601 time like 2026-11-23T09:00:00+01:00, not {text!r}"
        ) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def player_name(text: str) -> str:
    """A name to show on the leaderboard: something visible, at most NAME_MAX characters."""
    name = " ".join(text.split())
    if not name:
        raise argparse.ArgumentTypeError("must not be empty")
    if len(name) > NAME_MAX:
        raise argparse.ArgumentTypeError(f"must be at most {NAME_MAX} characters")
    return name


def write_out(path: str, text: str) -> None:
    """Write `--out`. An error while writing (a full disk) names the file, as one while
    opening it does, so the error boundary reports it as the file's."""
    try:
        Path(path).write_text(text, encoding="utf-8")
    except OSError as exc:
        if exc.filename is not None:
            raise
        raise OSError(exc.errno, exc.strerror, path) from exc


def export_refusal(args: argparse.Namespace, settings: Any) -> str | None:
    """Why an export may not write `--out`, by the rule `questions generate` follows
    (questions/out_file.overwrite_refusal): never a Markdown name (that is notes), an existing
    file only with `--force`, and never the SQLite database the export reads (nor its journal
    files). Only a regular file is guarded: a device (`--out /dev/stdout`) is written to, not
    replaced, and a directory or a missing folder fails at the write, naming the file."""
    from bot.db.connect import sqlite_path
    from questions.out_file import markdown_refusal, overwrite_refusal

    if not Path(args.out).is_file():
        return markdown_refusal(args.out, "export")
    database = sqlite_path(settings.database_url)
    files = [f"{database}{end}" for end in ("", "-wal", "-shm", "-journal")] if database else []
    return overwrite_refusal(
        files, args.out, force=args.force, inputs_are="the database file", writing="export"
    )


def refusing_export(
    handle: Callable[[argparse.Namespace, Any], int],
) -> Callable[[argparse.Namespace, Any], int]:
    """`handle`, run only once `export_refusal` finds nothing: a refusal is one line and exit
    2 before the database is opened, as `questions generate` refuses its --out."""

    def guarded(args: argparse.Namespace, settings: Any) -> int:
        refusal = export_refusal(args, settings)
        if refusal:
            print(f"error: {refusal}", file=sys.stderr)
            return 2
        return handle(args, settings)

    return guarded


EXPORT_FORMAT_HELP = "default: from --out's extension (.gift, .csv, .json, ...), else yaml"


def add_out(p: argparse.ArgumentParser) -> None:
    """An export's `--out FILE [--force]`."""
    p.add_argument("--out", required=True, help="file to write (never the database)")
    p.add_argument("--force", action="store_true", help="overwrite --out if it exists")


def print_view(view: Any) -> None:
    from bot.core.render import render_text

    print(render_text(view))


class NullMessenger:
    """A Messenger for commands that post nothing."""

    async def post(self, channel: Any, view: Any) -> str | None:
        return None

    async def update(self, channel: Any, message_ref: str, view: Any) -> None:
        return None
