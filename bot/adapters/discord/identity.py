"""Who and where an interaction comes from, as core refs. No database work: safe before the ack."""

from __future__ import annotations

import discord

from bot.core.errors import QuizError
from bot.core.models import ChannelRef, PlayerRef, TeamRef

PLATFORM = "discord"


def team_of(interaction: discord.Interaction) -> TeamRef:
    """The guild is the team; quizzes need a server (DMs have no leaderboard to share)."""
    if interaction.guild_id is None:
        raise QuizError("The quiz runs in server channels, not in direct messages.")
    guild = interaction.guild
    name = getattr(guild, "name", None) if guild is not None else None
    return TeamRef(PLATFORM, str(interaction.guild_id), name)


def channel_of(interaction: discord.Interaction) -> ChannelRef:
    team = team_of(interaction)
    if interaction.channel_id is None:
        raise QuizError("Run this in a text channel.")
    name = getattr(interaction.channel, "name", None)
    return ChannelRef(team, str(interaction.channel_id), name)


def player_of(interaction: discord.Interaction) -> PlayerRef:
    """Platform admin = Manage Server. `interaction.permissions` comes with every interaction
    (resolved by Discord for this member in this channel), so it needs no member cache."""
    team = team_of(interaction)
    user = interaction.user
    manage = interaction.permissions.manage_guild or interaction.permissions.administrator
    own = [r for r in user.roles if not r.is_default()] if isinstance(user, discord.Member) else []
    # Role ids, which survive a rename, are what the settings store; names still match
    # admin roles stored by name before ids were (never an id: see permissions.is_admin).
    return PlayerRef(
        team,
        str(user.id),
        user.display_name,
        is_platform_admin=bool(manage),
        roles=role_ids(user),
        role_names=tuple(r.name for r in own),
    )


def role_ids(user: discord.User | discord.Member) -> tuple[str, ...]:
    """The member's role ids as the interaction carried them. `Member.roles` keeps only the
    roles the guild cache knows, which the gateway fills and HTTP interactions mode never
    does (no gateway), so the ids are read from the payload's list that discord.py keeps."""
    return tuple(str(r) for r in getattr(user, "_roles", ()))
