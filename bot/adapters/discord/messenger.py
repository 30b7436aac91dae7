"""The core's Messenger on Discord: post and edit channel messages through the bot's REST client.

Posting needs no channel cache: a partial messageable by id is enough, so this works on any
shard or replica, including one that never saw the channel.
"""

from __future__ import annotations

import discord

from bot.adapters.discord.buttons import answer_view
from bot.adapters.discord.render import answer_buttons, embed_for
from bot.core.models import ChannelRef
from bot.core.views import QuestionCard, Reveal, View

NO_MENTIONS = discord.AllowedMentions.none()


def render_message(view: View) -> tuple[discord.Embed, discord.ui.View | None]:
    embed = embed_for(view)
    if isinstance(view, QuestionCard):
        return embed, answer_view(answer_buttons(view))
    if isinstance(view, Reveal):
        return embed, answer_view(answer_buttons(view.card, view.correct_index))
    return embed, None


class DiscordMessenger:
    def __init__(self, client: discord.Client) -> None:
        self.client = client

    def _channel(self, ref: ChannelRef) -> discord.PartialMessageable:
        guild_id = int(ref.team.external_id) if ref.team.external_id.isdigit() else None
        return self.client.get_partial_messageable(int(ref.external_id), guild_id=guild_id)

    async def post(self, channel: ChannelRef, view: View) -> str | None:
        embed, ui_view = render_message(view)
        target = self._channel(channel)
        if ui_view is None:
            message = await target.send(embed=embed, allowed_mentions=NO_MENTIONS)
        else:
            message = await target.send(embed=embed, view=ui_view, allowed_mentions=NO_MENTIONS)
        return str(message.id)

    async def update(self, channel: ChannelRef, message_ref: str, view: View) -> None:
        """Edit in place (the closed question's reveal: buttons disabled, right one green)."""
        embed, ui_view = render_message(view)
        message = self._channel(channel).get_partial_message(int(message_ref))
        await message.edit(embed=embed, view=ui_view, allowed_mentions=NO_MENTIONS)
