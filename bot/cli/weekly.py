"""`quizbot weekly ...`: set, stop, show and run the weekly leaderboard post from a shell.

`run-due` runs the due step once (for cron, and for tests with a fixed `--now`) and really posts:
Discord teams' posts go out through Discord's REST API with DISCORD_TOKEN (a login, no gateway),
Slack teams' through the Web API with SLACK_BOT_TOKEN (or the OAuth installs' tokens), and the
terminal (`console`) team's are printed, the terminal being its channel. A post is recorded as
sent only after the platform accepted it; a failed one stays claimed and unsent, is retried after
the claim timeout, and makes the exit status 1. Discord or Slack without its token is refused
(exit 2) before anything is claimed, so a cron job can never mark a week sent that nobody saw.
`--dry-run` shows what is due without tokens and without claiming anything. The running bot posts
by itself on its due-work timer; this command is for a bot that is not running, and for checks.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, TextIO

from bot.cli._common import (
    TEAM_HELP,
    TEAM_PLATFORMS,
    iso_moment,
    operator,
    print_notice,
    run_refusable,
    team_ref,
)
from bot.config import Settings

PLATFORMS = TEAM_PLATFORMS


class PrintMessenger:
    """A Messenger that writes posts to a stream as plain text (no platform, no token)."""

    def __init__(self, out: TextIO | None = None) -> None:
        self.out = out or sys.stdout

    async def post(self, channel: Any, view: Any) -> str | None:
        from bot.core.render import render_text

        where = f"#{channel.name}" if channel.name else channel.external_id
        print(f"--- {channel.team.key} {where} ---", file=self.out)
        print(render_text(view), file=self.out)
        return "printed"

    async def update(self, channel: Any, message_ref: str, view: Any) -> None:
        return None


def _service(rt: Any, platform: str | None = None, messenger: Any = None) -> Any:
    from bot.core.weekly.service import WeeklyService

    return WeeklyService(rt.repo, messenger or PrintMessenger(), platform=platform)


def cmd_set(args: argparse.Namespace, settings: Settings) -> int:
    from bot.core.models import ChannelRef

    team = team_ref(args.team)
    channel = ChannelRef(team, args.channel, args.channel_name)

    return print_notice(
        settings,
        lambda rt: _service(rt).set_schedule(
            operator(team, "quizbot CLI"),
            channel,
            weekday=args.day,
            hour=args.hour,
            timezone=args.timezone,
            nudge=args.nudge,
        ),
    )


def cmd_off(args: argparse.Namespace, settings: Settings) -> int:
    team = team_ref(args.team)
    return print_notice(settings, lambda rt: _service(rt).disable(operator(team, "quizbot CLI")))


def cmd_show(args: argparse.Namespace, settings: Settings) -> int:
    from bot.runtime import open_runtime

    team = team_ref(args.team)

    async def work() -> int:
        async with open_runtime(settings) as rt:
            info = await _service(rt).show(team)
        print(info.text)
        if info.enabled and info.last_posted_week is not None:
            print(f"Last week posted: week of {info.last_posted_week.isoformat()}.")
        return 0

    return run_refusable(work)


class CannotPost(RuntimeError):
    """The platform refused our credentials before anything was claimed."""


def missing_setting(platform: str, settings: Settings) -> str | None:
    """What `platform` needs to post from here and does not have (None: ready). The console
    needs nothing: its posts are printed."""
    if platform == "discord" and settings.discord_token is None:
        return "DISCORD_TOKEN is not set (the bot token run-due posts to Discord with)"
    if platform == "slack" and settings.slack_bot_token is None:
        from bot.adapters.slack.app import oauth_mode

        if not oauth_mode(settings):
            return (
                "SLACK_BOT_TOKEN is not set (the xoxb-... token run-due posts to Slack with; "
                "or SLACK_CLIENT_ID and SLACK_CLIENT_SECRET for OAuth installs)"
            )
    return None


@asynccontextmanager
async def platform_messenger(platform: str, settings: Settings, rt: Any) -> AsyncIterator[Any]:
    """The messenger run-due posts with; raises CannotPost before yielding if the platform
    refuses the token, so nothing gets claimed."""
    if platform == "discord":
        from bot.adapters.discord.rest_messenger import LoginFailed, rest_messenger

        assert settings.discord_token is not None
        async with AsyncExitStack() as stack:
            try:
                opened = rest_messenger(settings.discord_token.get_secret_value())
                messenger = await stack.enter_async_context(opened)
            except LoginFailed as exc:
                raise CannotPost(str(exc)) from None
            yield messenger  # the client is closed on leaving
    elif platform == "slack":
        import aiohttp
        from slack_sdk.errors import SlackApiError

        from bot.adapters.slack.app import Installs, client_from_settings, oauth_mode
        from bot.adapters.slack.messenger import SlackMessenger
        from bot.connection_errors import cause

        client = client_from_settings(settings)  # the bot's: SLACK_API_URL, 429 retries
        if oauth_mode(settings):  # each workspace's token from the installation store
            installs = Installs.create(str(settings.slack_client_id), rt.engine)
            yield SlackMessenger(client, installs.token_for)
            return
        try:
            await client.auth_test()
        except SlackApiError as exc:
            raise CannotPost(
                f"Slack refused SLACK_BOT_TOKEN: {exc.response.get('error')}"
            ) from None
        except (aiohttp.ClientError, OSError) as exc:
            raise CannotPost(f"could not reach Slack: {cause(exc)}") from None
        yield SlackMessenger(client)
    else:
        yield PrintMessenger()


@dataclass
class RunTotals:
    sent: int = 0
    failed: int = 0  # claimed but not delivered: retried after the claim timeout
    unreached: int = 0  # due, but the platform refused or could not be reached: not claimed
    refused: int = 0  # due but not claimed, for want of a token


async def _run_platform(
    rt: Any, settings: Settings, platform: str, now: datetime, totals: RunTotals
) -> None:
    """Send one platform's due posts, each claimed before and marked sent after delivery."""
    from bot.core.weekly.service import WeeklyService
    from bot.logs import Redactor, secret_values

    due = await WeeklyService(rt.repo, PrintMessenger(), platform=platform).due(now)
    if not due:
        return  # no login, and no token needed, when nothing is due
    problem = missing_setting(platform, settings)
    if problem:
        print(
            f"error: {len(due)} {platform} weekly post(s) due but {problem}; "
            f"nothing was claimed for {platform}.",
            file=sys.stderr,
        )
        totals.refused += len(due)
        return
    try:
        async with platform_messenger(platform, settings, rt) as messenger:
            service = WeeklyService(rt.repo, messenger, platform=platform)
            totals.sent += await service.run_due(now)
    except CannotPost as exc:
        # One line, whatever the library put in its error: no token or password gets out.
        said = Redactor(secret_values(settings))(str(exc))
        print(f"error: {said}; nothing was claimed for {platform}.", file=sys.stderr)
        totals.unreached += len(due)  # unclaimed: the next run tries them again
        return
    totals.failed += await service.left_unsent(due)


async def _dry_run(rt: Any, platform: str | None, now: datetime) -> int:
    from bot.core.render import render_text

    due = await _service(rt, platform).due_posts(now)
    for channel, post in due:
        where = f"#{channel.name}" if channel.name else channel.external_id
        print(f"--- due (not sent): {channel.team.key} {where} ---")
        print(render_text(post))
    print(f"{len(due)} weekly post(s) due at {now.isoformat()}.")
    return 0


def cmd_run_due(args: argparse.Namespace, settings: Settings) -> int:
    """Exit 0 when every due post went out, 1 when some failed (left unsent, retried after the
    claim timeout), 2 when a platform's token is missing (its posts not even claimed)."""
    from bot.core.weekly.claim import CLAIM_TIMEOUT
    from bot.runtime import open_runtime

    now: datetime = args.now or datetime.now(UTC)
    if args.platform and not args.dry_run:
        problem = missing_setting(args.platform, settings)
        if problem:
            print(
                f"error: {problem}. Nothing was claimed or sent; "
                "use --dry-run to see what is due without a token.",
                file=sys.stderr,
            )
            return 2

    async def work() -> int:
        totals = RunTotals()
        async with open_runtime(settings) as rt:
            if args.dry_run:
                return await _dry_run(rt, args.platform, now)
            for platform in (args.platform,) if args.platform else PLATFORMS:
                await _run_platform(rt, settings, platform, now, totals)
        print(f"{totals.sent} weekly post(s) sent at {now.isoformat()}.")
        if totals.failed:
            minutes = int(CLAIM_TIMEOUT.total_seconds() // 60)
            print(
                f"error: {totals.failed} weekly post(s) failed and stay unsent; a run "
                f"{minutes} or more minutes from now retries them.",
                file=sys.stderr,
            )
        if totals.refused:
            return 2
        return 1 if totals.failed or totals.unreached else 0

    return run_refusable(work)


def register(sub: Any) -> None:
    """Add `quizbot weekly ...` to the CLI's subcommands."""
    weekly = sub.add_parser(
        "weekly", help="the weekly leaderboard post", description=__doc__
    ).add_subparsers(dest="weekly_cmd", required=True, metavar="ACTION")

    s = weekly.add_parser("set", help="post the weekly leaderboard to a channel")
    s.add_argument("--team", required=True, help=TEAM_HELP)
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
    off.add_argument("--team", required=True, help=TEAM_HELP)
    off.set_defaults(handler=cmd_off)

    show = weekly.add_parser("show", help="show where and when the weekly post goes out")
    show.add_argument("--team", required=True, help=TEAM_HELP)
    show.set_defaults(handler=cmd_show)

    run = weekly.add_parser(
        "run-due",
        help="run the due step once: post what is due and record it as sent",
        description=(
            "Post every weekly leaderboard that is due, once: to Discord with DISCORD_TOKEN "
            "(REST only, no gateway), to Slack with SLACK_BOT_TOKEN (or the OAuth installs), "
            "and printed for the console team. A post is recorded as sent only after the "
            "platform accepted it; a failed one stays unsent and is retried by a run after the "
            "claim timeout. Exit status: 0 all sent; 1 some failed, or the platform refused "
            "the token or could not be reached (one line says which and why; nothing claimed "
            "then); 2 a platform's token is missing (nothing "
            "claimed for it). The running bot posts by itself; use --dry-run "
            "to look without tokens and without claiming."
        ),
    )
    run.add_argument(
        "--now",
        type=iso_moment,
        default=None,
        help="ISO-8601 time to run at (default: now; naive = UTC)",
    )
    run.add_argument(
        "--platform",
        choices=PLATFORMS,
        default=None,
        help="only this platform's teams (default: all; a platform without its token and "
        "with posts due is refused)",
    )
    run.add_argument("--dry-run", action="store_true", help="show what is due; claim nothing")
    run.set_defaults(handler=cmd_run_due)
