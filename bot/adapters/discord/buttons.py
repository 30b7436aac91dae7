"""The answer buttons: one dynamic item class matches every answer id (bot/core/view_ids.py),
so a posted card keeps no per-message state in memory. Clicks on them are taken from the raw
payload before discord.py dispatches (see `clicks`); the item's callback only answers a click
that names no server member (a direct message), which the quiz refuses like any action there."""

from __future__ import annotations

import re
from typing import Any

import discord

from bot.adapters.discord.identity import team_of
from bot.adapters.discord.render import ButtonSpec
from bot.adapters.discord.replies import guarded, tell
from bot.core.view_ids import ANSWER_ID_PATTERN, parse_answer_id


class AnswerButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=ANSWER_ID_PATTERN):
    def __init__(self, spec: ButtonSpec) -> None:
        super().__init__(
            discord.ui.Button(
                label=spec.label,
                style=spec.style,
                custom_id=spec.custom_id,
                disabled=spec.disabled,
            )
        )
        parsed = parse_answer_id(spec.custom_id)
        assert parsed is not None
        self.rq_id, self.choice = parsed

    @classmethod
    async def from_custom_id(
        cls,
        interaction: discord.Interaction[Any],
        item: discord.ui.Item[Any],
        match: re.Match[str],
        /,
    ) -> AnswerButton:
        button = item if isinstance(item, discord.ui.Button) else None
        return cls(
            ButtonSpec(
                custom_id=match.string,
                label=(button.label if button and button.label else "?"),
                style=button.style if button else discord.ButtonStyle.primary,
                disabled=bool(button and button.disabled),
            )
        )

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        async with guarded(interaction, "answer"):
            team_of(interaction)  # outside a server: the quiz's refusal
            await tell(interaction, "This button no longer works.")


def answer_view(specs: list[ButtonSpec]) -> discord.ui.View:
    """A view of dynamic items only: discord.py keeps no per-message state for it."""
    view = discord.ui.View(timeout=None)
    for spec in specs:
        view.add_item(AnswerButton(spec))
    return view
