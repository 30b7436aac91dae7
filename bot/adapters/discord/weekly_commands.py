"""`/quizadmin weekly set | off | show`: where and when the weekly leaderboard is posted.

A subgroup reads as a sentence in Discord's command picker ("quizadmin weekly set") and keeps
the three verbs together. The post itself is sent by the core's due step (bot/core/weekly/service.py)
through the messenger, as an embed from render.weekly_embed.
"""

from __future__ import annotations

import functools
from typing import Any, Literal
from zoneinfo import available_timezones

import discord
from discord import app_commands

from bot.adapters.discord.identity import channel_of, player_of, team_of
from bot.adapters.discord.render import safe
from bot.adapters.discord.replies import MESSAGE_MAX, ack, guarded, service_of, tell
from bot.core.errors import Unavailable, ValidationFailed
from bot.core.models import ChannelRef
from bot.core.weekly.service import WeeklyService

AUTOCOMPLETE_MAX = 25  # Discord shows at most 25 choices
Weekday = Literal["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
FIELD_LABELS = {"day": "Day", "hour": "Hour", "timezone": "Timezone", "channel": "Channel"}

# Offered before anything is typed: one or two zones per region most teams are in.
COMMON_ZONES = (
    "UTC",
    "Europe/London",
    "Europe/Berlin",
    "Europe/Paris",
    "Europe/Madrid",
    "Europe/Warsaw",
    "Europe/Kyiv",
    "Europe/Istanbul",
    "America/New_York",
    "America/Chicago",
    "America/Denver",
    "America/Los_Angeles",
    "America/Toronto",
    "America/Mexico_City",
    "America/Sao_Paulo",
    "Africa/Lagos",
    "Africa/Johannesburg",
    "Asia/Dubai",
    "Asia/Kolkata",
    "Asia/Singapore",
    "Asia/Shanghai",
    "Asia/Tokyo",
    "Asia/Seoul",
    "Australia/Sydney",
    "Pacific/Auckland",
)


@functools.cache
def zone_names() -> tuple[str, ...]:
    return tuple(sorted(available_timezones()))


def timezone_matches(typed: str, limit: int = AUTOCOMPLETE_MAX) -> list[str]:
    """IANA names containing what was typed ("new york" finds America/New_York); names and
    cities starting with it come first. Nothing typed: the common zones."""
    names = zone_names()
    needle = typed.strip().casefold().replace(" ", "_")
    if not needle:
        known = set(names)
        return [z for z in COMMON_ZONES if z in known][:limit]

    def rank(zone: str) -> tuple[int, int, str]:
        low = zone.casefold()
        city = low.rsplit("/", 1)[-1]
        first = 0 if low.startswith(needle) else 1 if city.startswith(needle) else 2
        return (first, 0 if zone in COMMON_ZONES else 1, low)

    hits = [z for z in names if needle in z.casefold()]
    return sorted(hits, key=rank)[:limit]


async def timezone_autocomplete(
    interaction: discord.Interaction[Any], current: str
) -> list[app_commands.Choice[str]]:
    """No database work: answers at once, as an autocomplete must."""
    return [app_commands.Choice(name=z, value=z) for z in timezone_matches(current)]


class TextChannelOption(app_commands.Transformer[Any]):
    """A text (or announcement) channel picker whose value is taken from the interaction
    itself, so it works without the guild's channel cache (any shard, right after start-up)."""

    @property
    def type(self) -> discord.AppCommandOptionType:
        return discord.AppCommandOptionType.channel

    @property
    def channel_types(self) -> list[discord.ChannelType]:
        return [discord.ChannelType.text, discord.ChannelType.news]

    async def transform(
        self, interaction: discord.Interaction[Any], value: Any, /
    ) -> app_commands.AppCommandChannel:
        if not isinstance(value, app_commands.AppCommandChannel) or value.type not in (
            discord.ChannelType.text,
            discord.ChannelType.news,
        ):
            raise app_commands.TransformerError(value, self.type, self)
        return value


def weekly_of(interaction: discord.Interaction[Any]) -> WeeklyService:
    weekly = service_of(interaction).weekly
    if weekly is None:
        raise Unavailable("Weekly posts are not available on this bot.")
    return weekly


def schedule_problems(exc: ValidationFailed) -> str:
    lines = ["The weekly post was not changed. Please fix:"]
    for field, message in exc.by_field().items():
        lines.append(f"• {FIELD_LABELS.get(field, field)}: {message}")
    return "\n".join(lines)


def add_weekly_group(admin: app_commands.Group) -> app_commands.Group:
    weekly = app_commands.Group(
        name="weekly", description="The weekly leaderboard post", parent=admin
    )

    @weekly.command(name="set", description="Post the weekly leaderboard in a channel")
    @app_commands.describe(
        channel="Where to post (default: this channel)",
        day="Day of the week (default Monday)",
        hour="Hour of the day, 0-23 (default 9)",
        timezone="IANA timezone, e.g. Europe/Berlin; also the server's quiz week (default: UTC)",
    )
    @app_commands.autocomplete(timezone=timezone_autocomplete)
    async def set_(
        interaction: discord.Interaction[Any],
        channel: app_commands.Transform[app_commands.AppCommandChannel, TextChannelOption]
        | None = None,
        day: Weekday | None = None,
        hour: app_commands.Range[int, 0, 23] | None = None,
        timezone: app_commands.Range[str, 1, 64] | None = None,
    ) -> None:
        async with guarded(interaction, "/quizadmin weekly set"):
            await ack(interaction)
            target = channel_of(interaction)
            if channel is not None:
                target = ChannelRef(team_of(interaction), str(channel.id), channel.name)
            given: dict[str, Any] = {}
            if day is not None:
                given["weekday"] = day
            if hour is not None:
                given["hour"] = hour
            if timezone is not None:
                given["timezone"] = timezone
            try:
                info = await weekly_of(interaction).set_schedule(
                    player_of(interaction), target, **given
                )
            except ValidationFailed as exc:
                await tell(interaction, safe(schedule_problems(exc), MESSAGE_MAX))
                return
            await tell(interaction, safe(info.text, MESSAGE_MAX))

    @weekly.command(name="off", description="Stop the weekly leaderboard post")
    async def off(interaction: discord.Interaction[Any]) -> None:
        async with guarded(interaction, "/quizadmin weekly off"):
            await ack(interaction)
            info = await weekly_of(interaction).disable(player_of(interaction))
            await tell(interaction, safe(info.text, MESSAGE_MAX))

    @weekly.command(name="show", description="Where and when the weekly leaderboard is posted")
    async def show(interaction: discord.Interaction[Any]) -> None:
        async with guarded(interaction, "/quizadmin weekly show"):
            await ack(interaction)
            info = await weekly_of(interaction).show(team_of(interaction))
            await tell(interaction, safe(info.text, MESSAGE_MAX))

    return weekly
