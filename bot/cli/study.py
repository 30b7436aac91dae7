"""`quizbot review`: a player's private review of what is due, in the terminal."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from bot.cli._common import player_name, run_refusable, team_ref
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
