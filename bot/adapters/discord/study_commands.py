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
from bot.adapters.discord.deck_commands import deck_autocomplete, topics_autocomplete
from bot.adapters.discord.identity import channel_of, player_of, team_of
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
from bot.adapters.discord.replies import (
    MESSAGE_MAX,
    NO_MENTIONS,
    ack,
    ack_budget_of,
    guarded,
    late_writes_of,
    service_of,
    tell,
)
from bot.adapters.discord.weekly_commands import TextChannelOption, timezone_autocomplete
from bot.core.decks.rules import MAX_NAME
from bot.core.decks.topics import split_topics
from bot.core.errors import Unavailable
from bot.core.models import ChannelRef
from bot.core.render import LETTERS
from bot.core.study.daily import DEFAULT_WINDOW_HOURS, MAX_WINDOW_HOURS, MIN_WINDOW_HOURS
from bot.core.study.daily_service import DailyService
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
from bot.core.surfaces import Commands, Surface
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
                writing,
                ack_budget_of(interaction),
                f"a review click on {self.click.question_id}",
                late_writes_of(interaction),
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
    embed.set_footer(
        text=f"{due_summary(view, Commands(Surface.DISCORD))} {streak_text(view.streak)}"
    )
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


def daily_of(interaction: discord.Interaction[Any]) -> DailyService:
    daily = service_of(interaction).daily
    if daily is None:
        raise Unavailable("The question of the day is not available on this bot.")
    return daily


def add_daily_group(admin: app_commands.Group) -> app_commands.Group:
    """`/quizadmin daily set | off | show`: a channel's question of the day."""
    daily = app_commands.Group(name="daily", description="The question of the day", parent=admin)

    @daily.command(name="set", description="Ask a question of the day in a channel")
    @app_commands.describe(
        channel="Where to ask it",
        time="Local time of day, 24-hour clock: 09:00, 17:30",
        deck="Which deck (default: this server's)",
        topics="Only these topics, separated by commas",
        window=f"Hours it stays open ({MIN_WINDOW_HOURS}-{MAX_WINDOW_HOURS}, default {DEFAULT_WINDOW_HOURS})",
        timezone="IANA timezone, e.g. Europe/Berlin; also the server's quiz week (default: the server's)",
    )
    @app_commands.autocomplete(
        deck=deck_autocomplete, topics=topics_autocomplete, timezone=timezone_autocomplete
    )
    async def set_(
        interaction: discord.Interaction[Any],
        channel: app_commands.Transform[app_commands.AppCommandChannel, TextChannelOption],
        time: app_commands.Range[str, 1, 5],
        deck: app_commands.Range[str, 1, MAX_NAME] | None = None,
        topics: app_commands.Range[str, 1, 500] | None = None,
        window: app_commands.Range[int, MIN_WINDOW_HOURS, MAX_WINDOW_HOURS] | None = None,
        timezone: app_commands.Range[str, 1, 64] | None = None,
    ) -> None:
        async with guarded(interaction, "/quizadmin daily set"):
            await ack(interaction)
            target = ChannelRef(team_of(interaction), str(channel.id), channel.name)
            info = await daily_of(interaction).set(
                player_of(interaction),
                target,
                time,
                deck=deck,
                topics=split_topics(topics),
                window_hours=window,
                timezone=timezone,
            )
            await tell(interaction, safe(info.text, MESSAGE_MAX))

    @daily.command(name="off", description="Stop a channel's question of the day")
    @app_commands.describe(channel="Which channel (default: this one)")
    async def off(
        interaction: discord.Interaction[Any],
        channel: app_commands.Transform[app_commands.AppCommandChannel, TextChannelOption]
        | None = None,
    ) -> None:
        async with guarded(interaction, "/quizadmin daily off"):
            await ack(interaction)
            target = channel_of(interaction)
            if channel is not None:
                target = ChannelRef(team_of(interaction), str(channel.id), channel.name)
            info = await daily_of(interaction).disable(player_of(interaction), target)
            await tell(interaction, safe(info.text, MESSAGE_MAX))

    @daily.command(name="show", description="Where and when questions of the day are asked")
    async def show(interaction: discord.Interaction[Any]) -> None:
        async with guarded(interaction, "/quizadmin daily show"):
            await ack(interaction)
            infos = await daily_of(interaction).show(team_of(interaction))
            text = "\n".join(i.text for i in infos) or "No question of the day is set."
            await tell(interaction, safe(text, MESSAGE_MAX))

    return daily
