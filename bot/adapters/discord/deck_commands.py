"""Decks in Discord: `/quiz decks`, `/quiz topics [deck]` for everyone, the `deck` and `topics`
autocomplete of `/quiz start`, and `/quizadmin deck create | preview | publish | archive |
regenerate | default | export` for admins.

A notes file is attached to the command; it is checked by name and reported size before it is
fetched, fetched only after the admin check, and generated on the deck service's worker
process, so the bot keeps answering clicks meanwhile. Every reply is private.
"""

from __future__ import annotations

import asyncio
import io
import logging
from typing import Any

import discord
from discord import app_commands

from bot.adapters.discord.bank_files import FileFormat, read_bytes, rejection_embed
from bot.adapters.discord.identity import player_of, team_of
from bot.adapters.discord.render import FOOTER_MAX, cut, list_embed, plain
from bot.adapters.discord.replies import ack, guarded, service_of, tell
from bot.core.decks.rules import MAX_NAME, MAX_NOTES_BYTES, NOTES_SUFFIXES, check_notes_file
from bot.core.decks.topics import split_topics, suggest
from bot.core.decks.views import report_notice, status_notice
from bot.core.errors import ImportRejected, QuizError
from bot.core.views import Notice, Panel

log = logging.getLogger(__name__)

AUTOCOMPLETE_BUDGET = 2.0  # seconds; Discord drops autocomplete answers after 3
CHOICES_MAX = 25  # Discord shows at most 25 choices
CHOICE_MAX = 100  # characters of a choice's name and value


# --- rendering -----------------------------------------------------------------------------


def panel_list(panel: Panel) -> discord.Embed:
    """A panel whose lines hold user text (topics, prompts): each line escaped, as many as fit."""
    embed = list_embed(panel.title, list(panel.lines))
    if panel.footer:
        embed.set_footer(text=cut(panel.footer, FOOTER_MAX))
    return embed


def notice_list(notice: Notice) -> discord.Embed:
    return list_embed(notice.title, notice.text.splitlines(), ok=notice.ok)


# --- autocomplete ----------------------------------------------------------------------------


async def _bounded(work: Any) -> Any:
    """An autocomplete answer is its own ack: bounded, and nothing when slow or failing."""
    try:
        return await asyncio.wait_for(work, AUTOCOMPLETE_BUDGET)
    except Exception:
        log.warning("autocomplete failed", exc_info=True)
        return None


async def deck_autocomplete(
    interaction: discord.Interaction[Any], current: str
) -> list[app_commands.Choice[str]]:
    """The team's listed decks whose name holds what was typed."""
    names = await _bounded(service_of(interaction).decks.deck_names(team_of(interaction)))
    needle = current.strip().casefold()
    hits = [n for n in names or [] if needle in n]
    return [app_commands.Choice(name=n, value=n) for n in hits[:CHOICES_MAX]]


async def topic_autocomplete(
    interaction: discord.Interaction[Any], current: str
) -> list[app_commands.Choice[str]]:
    """One topic of the decks the team plays, best matches first."""
    topics = await _bounded(service_of(interaction).decks.topic_names(team_of(interaction)))
    return [
        app_commands.Choice(name=plain(t, CHOICE_MAX), value=t[:CHOICE_MAX])
        for t in suggest(current, topics or [], CHOICES_MAX)
    ]


async def topics_autocomplete(
    interaction: discord.Interaction[Any], current: str
) -> list[app_commands.Choice[str]]:
    """Several topics, comma-separated: the last one typed is completed, those before kept.
    The deck chosen in the same command narrows the topics to its own."""
    deck = getattr(interaction.namespace, "deck", None)
    decks = service_of(interaction).decks
    team = team_of(interaction)
    topics = await _bounded(decks.topic_names(team, deck if isinstance(deck, str) else None))
    if topics is None and deck:
        topics = await _bounded(decks.topic_names(team))  # a deck name still being typed
    head, _, last = current.rpartition(",")
    done = split_topics(head)
    prefix = ", ".join(done) + (", " if done else "")
    out = []
    for topic in suggest(last, [t for t in topics or [] if t not in done], CHOICES_MAX):
        value = prefix + topic
        if len(value) <= CHOICE_MAX:
            out.append(app_commands.Choice(name=plain(value, CHOICE_MAX), value=value))
    return out


# --- /quiz decks, /quiz topics ---------------------------------------------------------------


def add_play_commands(quiz: app_commands.Group) -> None:
    @quiz.command(name="decks", description="The decks this server can play")
    @app_commands.describe(page="Page number")
    async def decks(
        interaction: discord.Interaction[Any], page: app_commands.Range[int, 1, 1000] = 1
    ) -> None:
        async with guarded(interaction, "/quiz decks"):
            await ack(interaction)
            panel = await service_of(interaction).decks.decks_panel(team_of(interaction), page)
            await tell(interaction, embed=panel_list(panel))

    @quiz.command(name="topics", description="Topics and their question counts, per deck")
    @app_commands.describe(deck="Only this deck", page="Page number")
    @app_commands.autocomplete(deck=deck_autocomplete)
    async def topics(
        interaction: discord.Interaction[Any],
        deck: app_commands.Range[str, 1, MAX_NAME] | None = None,
        page: app_commands.Range[int, 1, 1000] = 1,
    ) -> None:
        async with guarded(interaction, "/quiz topics"):
            await ack(interaction)
            panel = await service_of(interaction).decks.topics_panel(
                team_of(interaction), deck, page
            )
            await tell(interaction, embed=panel_list(panel))


# --- /quizadmin deck ... ---------------------------------------------------------------------


async def _notes(interaction: discord.Interaction[Any], notes: discord.Attachment) -> bytes:
    """The notes file's bytes, once the actor is known to be an admin and the file looks
    right by name and reported size (a 3 MB file is refused before it is fetched)."""
    await service_of(interaction).decks.require_admin(player_of(interaction))
    check_notes_file(notes.filename, notes.size)
    return await read_bytes(notes, MAX_NOTES_BYTES)


def add_deck_group(admin: app_commands.Group) -> None:
    deck = app_commands.Group(
        name="deck", description="Decks of questions from your notes", parent=admin
    )

    @deck.command(name="create", description="Make a draft deck from a Markdown notes file")
    @app_commands.describe(
        name=f"The deck's name (1-{MAX_NAME} letters, digits, - _ .)",
        notes=f"Your notes as a Markdown file ({' '.join(NOTES_SUFFIXES)}), UTF-8, up to {MAX_NOTES_BYTES:,} bytes",
    )
    async def create(
        interaction: discord.Interaction[Any],
        name: app_commands.Range[str, 1, MAX_NAME],
        notes: discord.Attachment,
    ) -> None:
        async with guarded(interaction, "/quizadmin deck create"):
            await ack(interaction)
            data = await _notes(interaction, notes)
            try:
                report = await service_of(interaction).decks.create_from_notes(
                    player_of(interaction), name, data, notes.filename
                )
            except ImportRejected as exc:
                await tell(interaction, embed=rejection_embed(notes.filename, exc.problems))
                return
            commands = service_of(interaction).decks.commands(team_of(interaction))
            await tell(interaction, embed=notice_list(report_notice(report, commands)))

    @deck.command(
        name="regenerate", description="Regenerate a deck from a new version of its notes"
    )
    @app_commands.describe(
        name="The deck", notes=f"The notes as a Markdown file ({' '.join(NOTES_SUFFIXES)})"
    )
    @app_commands.autocomplete(name=deck_autocomplete)
    async def regenerate(
        interaction: discord.Interaction[Any],
        name: app_commands.Range[str, 1, MAX_NAME],
        notes: discord.Attachment,
    ) -> None:
        async with guarded(interaction, "/quizadmin deck regenerate"):
            await ack(interaction)
            data = await _notes(interaction, notes)
            try:
                report = await service_of(interaction).decks.regenerate(
                    player_of(interaction), name, data, notes.filename
                )
            except ImportRejected as exc:
                await tell(interaction, embed=rejection_embed(notes.filename, exc.problems))
                return
            commands = service_of(interaction).decks.commands(team_of(interaction))
            await tell(interaction, embed=notice_list(report_notice(report, commands)))

    @deck.command(name="preview", description="A page of a deck's questions with their sources")
    @app_commands.describe(name="The deck", page="Page number")
    @app_commands.autocomplete(name=deck_autocomplete)
    async def preview(
        interaction: discord.Interaction[Any],
        name: app_commands.Range[str, 1, MAX_NAME],
        page: app_commands.Range[int, 1, 1000] = 1,
    ) -> None:
        async with guarded(interaction, "/quizadmin deck preview"):
            await ack(interaction)
            panel = await service_of(interaction).decks.preview(player_of(interaction), name, page)
            await tell(interaction, embed=panel_list(panel))

    @deck.command(name="publish", description="Make a deck playable")
    @app_commands.describe(name="The deck")
    @app_commands.autocomplete(name=deck_autocomplete)
    async def publish(
        interaction: discord.Interaction[Any], name: app_commands.Range[str, 1, MAX_NAME]
    ) -> None:
        async with guarded(interaction, "/quizadmin deck publish"):
            await ack(interaction)
            rec = await service_of(interaction).decks.publish(player_of(interaction), name)
            commands = service_of(interaction).decks.commands(team_of(interaction))
            await tell(interaction, embed=notice_list(status_notice(rec, commands)))

    @deck.command(name="archive", description="Hide a deck from play and lists")
    @app_commands.describe(name="The deck")
    @app_commands.autocomplete(name=deck_autocomplete)
    async def archive(
        interaction: discord.Interaction[Any], name: app_commands.Range[str, 1, MAX_NAME]
    ) -> None:
        async with guarded(interaction, "/quizadmin deck archive"):
            await ack(interaction)
            rec = await service_of(interaction).decks.archive(player_of(interaction), name)
            commands = service_of(interaction).decks.commands(team_of(interaction))
            await tell(interaction, embed=notice_list(status_notice(rec, commands)))

    @deck.command(name="default", description="The deck this server plays when none is named")
    @app_commands.describe(name="A published deck, or none (own decks, else the shared ones)")
    @app_commands.autocomplete(name=deck_autocomplete)
    async def default(
        interaction: discord.Interaction[Any], name: app_commands.Range[str, 1, MAX_NAME]
    ) -> None:
        async with guarded(interaction, "/quizadmin deck default"):
            await ack(interaction)
            rec = await service_of(interaction).decks.set_default(player_of(interaction), name)
            text = (
                f"Rounds here play {rec.name} unless a deck is named."
                if rec
                else "No default deck: rounds play this server's own decks, else the shared ones."
            )
            await tell(interaction, text)

    @deck.command(name="export", description="Download a deck's questions as a file")
    @app_commands.describe(name="The deck", format="File format (default: bank YAML)")
    @app_commands.autocomplete(name=deck_autocomplete)
    async def export(
        interaction: discord.Interaction[Any],
        name: app_commands.Range[str, 1, MAX_NAME],
        format: FileFormat = "yaml",  # the option's name in Discord
    ) -> None:
        async with guarded(interaction, "/quizadmin deck export"):
            await ack(interaction)
            exported = await service_of(interaction).decks.export(
                player_of(interaction), name, format
            )
            data = exported.text.encode("utf-8")
            if len(data) > interaction.filesize_limit:
                raise QuizError(
                    "The export is more than Discord lets me attach here; use "
                    "`quizbot decks export` on the server.",
                    field="format",
                )
            await tell(
                interaction,
                f"{exported.count} question(s) of {exported.filename} as {exported.format}.",
                file=discord.File(io.BytesIO(data), filename=exported.filename),
            )
