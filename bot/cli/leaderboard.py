"""`quizbot leaderboard`: print a team's weekly or all-time board."""

from __future__ import annotations

import argparse
from dataclasses import replace
from typing import Any

from bot.cli._common import NullMessenger, run, team_ref, whole_number
from bot.config import Settings

LEADERBOARD_MAX = 100


def cmd_leaderboard(args: argparse.Namespace, settings: Settings) -> int:
    from bot.core.play.service import QuizEngine
    from bot.core.render import render_text
    from bot.runtime import open_runtime

    team = team_ref(args.team)

    async def main() -> int:
        async with open_runtime(settings) as rt:
            engine = QuizEngine(rt.repo, NullMessenger(), platform=team.platform)
            board = await engine.leaderboard(team, args.period, args.limit)
            print(render_text(replace(board, empty_text=_no_scores(team))))
        return 0

    return run(main())


def _no_scores(team: Any) -> str:
    """The empty board's text in a terminal: the chat's `/quiz start` hint means nothing here."""
    if team.platform == "console":
        return "No scores yet. Play a round with `quizbot run console`."
    return f"No scores yet for {team.key}."


def register(sub: Any) -> None:
    board = sub.add_parser("leaderboard", help="print a team's leaderboard")
    board.add_argument(
        "--team", default="console:local", help="PLATFORM:ID (default console:local)"
    )
    board.add_argument("--period", choices=["week", "all"], default="week")
    board.add_argument(
        "--limit",
        type=whole_number(1, LEADERBOARD_MAX),
        default=10,
        help=f"1 to {LEADERBOARD_MAX} (default 10)",
    )
    board.set_defaults(handler=cmd_leaderboard)
