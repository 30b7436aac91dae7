"""`/quiz review` on Discord: a private review session in one ephemeral message. Each answer
button is a dynamic item whose id carries the session (bot/core/view_ids.py), so any process
takes the click; the click is written, then the same ephemeral message is edited into the
feedback and the next card. Nothing is posted in the channel."""

from __future__ import annotations

import asyncio
import re
from typing import Any

import discord
from discord import app_commands

from bot.adapters.acking import finished_within
from bot.adapters.discord.identity import player_of
from bot.adapters.discord.render import (
    COLOR_BOARD,
    COLOR_QUESTION,
    DESCRIPTION_MAX,
    FIELD_VALUE_MAX,
    LABEL_MAX,
    TITLE_MAX,
    cut,
    fit,
    neutralise,
    plain,
    safe,
)
from bot.adapters.discord.replies import NO_MENTIONS, ack, ack_budget_of, guarded, service_of
from bot.core.render import LETTERS
from bot.core.study.views import (
    MasteryView,
    ReviewCard,
    ReviewStep,
    bar,
    due_summary,
    end_text,
    streak_text,
    topic_figures,
)
from bot.core.view_ids import (
    REVIEW_ID_PATTERN,
    ReviewAnswerId,
    parse_review_answer_id,
    review_answer_id,
)


def _lettered(card: ReviewCard) -> bool:
    return any(len(c) > LABEL_MAX for c in card.choices)


def review_embed(step: ReviewStep) -> discord.Embed:
    """Feedback on the last answer (a field each: the answer, why, source), then the next
    card or how the session went; user text escaped and cut."""
    card = step.card
    if card is not None:
        title = f"Review {card.number}/{card.limit} · {neutralise(card.topic)}"
        body = safe(card.prompt, DESCRIPTION_MAX // 2)
        if _lettered(card):
            per = DESCRIPTION_MAX // 2 // max(len(card.choices), 1) - 8
            body += "\n\n" + "\n".join(
                f"**{LETTERS[i]}** {safe(c, per)}" for i, c in enumerate(card.choices)
            )
        colour = COLOR_QUESTION
    else:
        title = "Review"
        body = safe(end_text(step.end), DESCRIPTION_MAX) if step.end else ""
        colour = COLOR_BOARD
    embed = discord.Embed(title=cut(title, TITLE_MAX), description=body, colour=colour)
    fb = step.feedback
    if fb is not None:
        if fb.note:
            embed.add_field(name="Note", value=safe(fb.note, FIELD_VALUE_MAX), inline=False)
        else:
            verdict = "✅ Right" if fb.correct else "❌ Wrong"
            embed.add_field(
                name=f"{verdict}: the answer was",
                value=safe(fb.answer, FIELD_VALUE_MAX),
                inline=False,
            )
            if fb.explanation:
                embed.add_field(
                    name="Why", value=safe(fb.explanation, FIELD_VALUE_MAX), inline=False
                )
            if fb.source:
                embed.add_field(name="Source", value=safe(fb.source, FIELD_VALUE_MAX), inline=False)
    embed.set_footer(text="Only you see this review; it does not change the leaderboard.")
    return fit(embed)


def review_view(step: ReviewStep) -> discord.ui.View:
    """The next card's answer buttons (none at the end)."""
    view = discord.ui.View(timeout=None)
    card = step.card
    if card is not None:
        lettered = _lettered(card)
        for i, choice in enumerate(card.choices):
            label = LETTERS[i] if lettered else (plain(choice, LABEL_MAX) or LETTERS[i])
            click = parse_review_answer_id(card.action_id(i))
            assert click is not None
            view.add_item(ReviewButton(click, label))
    return view


class ReviewButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=REVIEW_ID_PATTERN):
    def __init__(self, click: ReviewAnswerId, label: str = "?") -> None:
        custom_id = review_answer_id(*click)
        super().__init__(
            discord.ui.Button(label=label, style=discord.ButtonStyle.primary, custom_id=custom_id)
        )
        self.click = click

    @classmethod
    async def from_custom_id(
        cls,
        interaction: discord.Interaction[Any],
        item: discord.ui.Item[Any],
        match: re.Match[str],
        /,
    ) -> ReviewButton:
        click = parse_review_answer_id(match.string)
        assert click is not None  # the template matched
        return cls(click)

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        """Write the answer, then edit the private message into the next step (one call when
        the write is in within the ack budget; else a deferred update first)."""
        async with guarded(interaction, "review answer"):
            study = service_of(interaction).study
            writing = asyncio.ensure_future(study.answer_review(player_of(interaction), self.click))
            if not await finished_within(
                writing, ack_budget_of(interaction), f"a review click on {self.click.question_id}"
            ):
                await interaction.response.defer()
            step = await writing
            embed, view = review_embed(step), review_view(step)
            if interaction.response.is_done():
                await interaction.edit_original_response(
                    embed=embed, view=view, allowed_mentions=NO_MENTIONS
                )
            else:
                await interaction.response.edit_message(
                    embed=embed, view=view, allowed_mentions=NO_MENTIONS
                )


def mastery_embed(view: MasteryView) -> discord.Embed:
    """Mastery per topic: two short lines each (the bar in code font, so it lines up on a
    phone), the most due and weakest topics first, cut to the embed's limits."""
    topics, left = view.shown()
    lines = []
    for t in topics:
        lines.append(f"**{safe(t.topic, 100)}** · {topic_figures(t)}\n`{bar(t.accuracy)}`")
    if left:
        lines.append(f"…and {left} more topic(s)")
    body = "\n".join(lines) if lines else "Nothing answered yet: play a round with /quiz start."
    embed = discord.Embed(
        title="Mastery by topic (accuracy)",
        description=cut(body, DESCRIPTION_MAX),
        colour=COLOR_BOARD,
    )
    embed.set_footer(text=f"{due_summary(view)} {streak_text(view.streak)}")
    return fit(embed)


def add_study_commands(quiz: app_commands.Group) -> None:
    @quiz.command(name="review", description="Review the questions due for you, privately")
    async def review(interaction: discord.Interaction[Any]) -> None:
        async with guarded(interaction, "/quiz review"):
            await ack(interaction)
            step = await service_of(interaction).study.start_review(player_of(interaction))
            await interaction.followup.send(
                embed=review_embed(step),
                view=review_view(step),
                ephemeral=True,
                allowed_mentions=NO_MENTIONS,
            )
