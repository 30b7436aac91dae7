"""The answer buttons: one dynamic item class matches every answer id (bot/core/view_ids.py),
so a click works on any process and after any restart, with no per-message state in memory."""

from __future__ import annotations

import asyncio
import re
from typing import Any

import discord

from bot.adapters.acking import finished_within
from bot.adapters.discord.identity import player_of
from bot.adapters.discord.render import ButtonSpec
from bot.adapters.discord.replies import ack, ack_budget_of, guarded, service_of, tell
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
        """Write the answer, then answer the interaction: with the receipt itself (one call,
        the ack and the receipt at once) when the write committed within the deadline; else
        defer at the deadline and send the receipt as a followup (see `bot.adapters.acking`)."""
        async with guarded(interaction, "answer"):
            engine = service_of(interaction).engine
            player = player_of(interaction)
            writing = asyncio.ensure_future(engine.record_answer(self.rq_id, player, self.choice))
            budget = ack_budget_of(interaction)
            if not await finished_within(writing, budget, f"a click on question {self.rq_id}"):
                await ack(interaction)
            outcome = await writing
            await tell(interaction, outcome.receipt.text)
            await engine.close_if_filled(self.rq_id, outcome)


def answer_view(specs: list[ButtonSpec]) -> discord.ui.View:
    """A view of dynamic items only: discord.py keeps no per-message state for it."""
    view = discord.ui.View(timeout=None)
    for spec in specs:
        view.add_item(AnswerButton(spec))
    return view
