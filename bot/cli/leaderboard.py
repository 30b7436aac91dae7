"""`quizbot leaderboard`: print a team's weekly or all-time board."""

from __future__ import annotations

import argparse
from typing import Any

from bot.cli._common import NullMessenger, run, team_ref, whole_number
from bot.config import Settings

LEADERBOARD_MAX = 100


def cmd_leaderboard(args: argparse.Namespace, settings: Settings) -> int:
    from bot.core.play.service import QuizEngine
    from bot.core.render import render_text
    from bot.core.surfaces import Surface
    from bot.runtime import open_runtime

    team = team_ref(args.team)

    async def main() -> int:
        async with open_runtime(settings) as rt:
            engine = QuizEngine(
                rt.repo, NullMessenger(), platform=team.platform, surface=Surface.TERMINAL
            )
            board = await engine.leaderboard(team, args.period, args.limit)
            print(render_text(board))
        return 0

    return run(main())


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
