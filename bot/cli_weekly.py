"""`quizbot weekly ...`: set, stop, show and run the weekly leaderboard post from a shell.

`run-due` runs the due step once (for cron, and for tests with a fixed `--now`). It has no
platform connection, so it PRINTS each due post as text and records it as sent: the running
bot then does not post that week again. Use `--dry-run` to see what is due without claiming
anything. In normal operation the bot posts by itself on its due-work timer; this command is
for a bot that is not running, for checks, and for the terminal (`console`) team.
"""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from typing import Any, TextIO

from bot.config import Settings

PLATFORMS = ("discord", "slack", "console")


class PrintMessenger:
    """A Messenger that writes posts to a stream as plain text (no platform, no token)."""

    def __init__(self, out: TextIO | None = None) -> None:
        self.out = out or sys.stdout

    async def post(self, channel: Any, view: Any) -> str | None:
        from bot.core.render import render_text

        where = f"#{channel.name}" if channel.name else channel.external_id
        print(f"--- {channel.team.key} {where} ---", file=self.out)
        print(render_text(view), file=self.out)
        return None

    async def update(self, channel: Any, message_ref: str, view: Any) -> None:
        return None


def _cli_admin(team: Any) -> Any:
    """Whoever can run the CLI against the database is trusted as an admin."""
    from bot.core.models import PlayerRef

    return PlayerRef(team, "cli", "quizbot CLI", is_platform_admin=True)


def _now(text: str) -> datetime:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"--now must be an ISO-8601 time like 2026-11-23T09:00:00+01:00, not {text!r}"
        ) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _service(rt: Any, platform: str | None = None, messenger: Any = None) -> Any:
    from bot.core.weekly import WeeklyService

    return WeeklyService(rt.repo, messenger or PrintMessenger(), platform=platform)


def _guarded(work: Any) -> int:
    """Run one command; a user-facing refusal becomes `error: ...` and exit status 2."""
    from bot.cli import _run
    from bot.core.errors import QuizError

    async def main() -> int:
        try:
            return int(await work())
        except QuizError as exc:
            print(f"error: {exc.message}", file=sys.stderr)
            return 2

    return _run(main())


def cmd_set(args: argparse.Namespace, settings: Settings) -> int:
    from bot.cli import _team_ref
    from bot.core.models import ChannelRef
    from bot.runtime import open_runtime

    team = _team_ref(args.team)
    channel = ChannelRef(team, args.channel, args.channel_name)

    async def work() -> int:
        async with open_runtime(settings) as rt:
            info = await _service(rt).set_schedule(
                _cli_admin(team),
                channel,
                weekday=args.day,
                hour=args.hour,
                timezone=args.timezone,
                nudge=args.nudge,
            )
        print(info.text)
        return 0

    return _guarded(work)


def cmd_off(args: argparse.Namespace, settings: Settings) -> int:
    from bot.cli import _team_ref
    from bot.runtime import open_runtime

    team = _team_ref(args.team)

    async def work() -> int:
        async with open_runtime(settings) as rt:
            info = await _service(rt).disable(_cli_admin(team))
        print(info.text)
        return 0

    return _guarded(work)


def cmd_show(args: argparse.Namespace, settings: Settings) -> int:
    from bot.cli import _team_ref
    from bot.runtime import open_runtime

    team = _team_ref(args.team)

    async def work() -> int:
        async with open_runtime(settings) as rt:
            info = await _service(rt).show(team)
        print(info.text)
        if info.enabled and info.last_posted_week is not None:
            print(f"Last week posted: week of {info.last_posted_week.isoformat()}.")
        return 0

    return _guarded(work)


def cmd_run_due(args: argparse.Namespace, settings: Settings) -> int:
    from bot.core.render import render_text
    from bot.runtime import open_runtime

    now: datetime = args.now or datetime.now(UTC)

    async def work() -> int:
        async with open_runtime(settings) as rt:
            service = _service(rt, args.platform)
            if args.dry_run:
                due = await service.due(now)
                for rec, week in due:
                    async with rt.repo.unit() as u:
                        channel = await u.channel_ref(rec.channel_id)
                        post = await service.post_for(u, rec.team_id, week)
                    where = f"#{channel.name}" if channel.name else channel.external_id
                    print(f"--- due (not sent): {channel.team.key} {where} ---")
                    print(render_text(post))
                print(f"{len(due)} weekly post(s) due at {now.isoformat()}.")
                return 0
            sent = await service.run_due(now)
        print(f"{sent} weekly post(s) sent at {now.isoformat()}.")
        return 0

    return _guarded(work)


def register(sub: Any) -> None:
    """Add `quizbot weekly ...` to the CLI's subcommands."""
    weekly = sub.add_parser(
        "weekly", help="the weekly leaderboard post", description=__doc__
    ).add_subparsers(dest="weekly_cmd", required=True, metavar="ACTION")

    team_help = "PLATFORM:ID, e.g. discord:123456 or slack:T0123 (console:local for the terminal)"
    s = weekly.add_parser("set", help="post the weekly leaderboard to a channel")
    s.add_argument("--team", required=True, help=team_help)
    s.add_argument("--channel", required=True, help="the platform's channel id")
    s.add_argument("--channel-name", default=None, help="the channel's name, for messages")
    s.add_argument("--day", default="mon", help="mon ... sun, or 0-6 with 0 = Monday (default mon)")
    s.add_argument("--hour", default="9", help="0-23, local time (default 9)")
    s.add_argument(
        "--timezone", default=None, help="IANA name like Europe/Berlin (default: the team's)"
    )
    s.add_argument(
        "--nudge",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="post a short 'no games this week' note for empty weeks (default on)",
    )
    s.set_defaults(handler=cmd_set)

    off = weekly.add_parser("off", help="stop the weekly post")
    off.add_argument("--team", required=True, help=team_help)
    off.set_defaults(handler=cmd_off)

    show = weekly.add_parser("show", help="show where and when the weekly post goes out")
    show.add_argument("--team", required=True, help=team_help)
    show.set_defaults(handler=cmd_show)

    run = weekly.add_parser(
        "run-due",
        help="run the due step once: print due posts and record them as sent",
        description=(
            "Print every weekly post that is due (as text) and record it as sent, once. "
            "The running bot posts by itself; use --dry-run to look without claiming."
        ),
    )
    run.add_argument(
        "--now", type=_now, default=None, help="ISO-8601 time to run at (default: now; naive = UTC)"
    )
    run.add_argument(
        "--platform", choices=PLATFORMS, default=None, help="only this platform's teams"
    )
    run.add_argument("--dry-run", action="store_true", help="show what is due; claim nothing")
    run.set_defaults(handler=cmd_run_due)
