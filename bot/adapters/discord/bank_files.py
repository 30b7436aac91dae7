"""`/quizadmin import` and `/quizadmin export`: question files in and out of chat.

An import is all or nothing (the core's rule): a file with any bad question changes nothing and
the reply lists every problem with its line, so the admin fixes the file once. The file is
fetched from Discord's CDN only after the admin check, and only up to MAX_IMPORT_BYTES.
"""

from __future__ import annotations

import io
from typing import Any, Literal

import discord
from discord import app_commands

from bot.adapters.discord.identity import player_of
from bot.adapters.discord.render import list_embed, safe
from bot.adapters.discord.replies import ack, guarded, service_of, tell
from bot.core.curation.views import import_notice
from bot.core.errors import ImportRejected, QuizError
from questions.bank import BankError, Problem
from questions.formats import EXTENSIONS

MAX_IMPORT_BYTES = 1024 * 1024
#: the formats a Discord command offers (a Literal: Discord shows them as choices); one
#: definition for the bank and deck commands, checked against the registry by the tests
FileFormat = Literal["yaml", "gift", "aiken", "csv", "opentdb"]


def _size(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB" if n >= 1024 * 1024 else f"{max(n // 1024, 1)} KB"


async def read_bytes(file: discord.Attachment, limit: int = MAX_IMPORT_BYTES) -> bytes:
    """The attachment's bytes (the import decodes them, as it does every file), or a QuizError
    naming the file and what to do about it."""
    name = safe(file.filename, 100)
    if file.size > limit:
        raise QuizError(
            f"{name} is {_size(file.size)}; files up to {_size(limit)} can be imported. "
            "Split it, or use `quizbot questions import` on the command line.",
            field="file",
        )
    try:
        data = await file.read()
    except discord.HTTPException:
        raise QuizError(
            f"Could not download {name} from Discord; attach it again.", field="file"
        ) from None
    if len(data) > limit:  # the reported size was wrong
        raise QuizError(f"{name} is larger than {_size(limit)}.", field="file")
    return data


def rejection_embed(filename: str, problems: list[Problem]) -> discord.Embed:
    head = (
        f"Nothing was imported from {safe(filename, 100)}: {len(problems)} problem(s). "
        "Fix them all and import the file again:"
    )
    return list_embed("Import refused", [str(p) for p in problems], ok=False, head=head)


def add_file_commands(admin: app_commands.Group) -> None:
    @admin.command(name="import", description="Import questions from an attached file")
    @app_commands.describe(
        file=f"A question file ({' '.join(EXTENSIONS)}), {MAX_IMPORT_BYTES // 1024**2} MB max",
        format="The file's format (default: from its extension)",
    )
    async def import_(
        interaction: discord.Interaction[Any],
        file: discord.Attachment,
        format: FileFormat | None = None,  # the option's name in Discord
    ) -> None:
        async with guarded(interaction, "/quizadmin import"):
            await ack(interaction)
            admin_svc = service_of(interaction).admin
            actor = player_of(interaction)
            await admin_svc.require_admin(actor)  # before fetching anything
            data = await read_bytes(file)
            try:
                report = await admin_svc.import_questions(
                    actor, data, fmt=format, filename=file.filename
                )
            except (ImportRejected, BankError) as exc:
                await tell(interaction, embed=rejection_embed(file.filename, exc.problems))
                return
            notice = import_notice(report)
            embed = list_embed(notice.title, notice.text.splitlines(), ok=notice.ok)
            await tell(interaction, embed=embed)

    @admin.command(name="export", description="Download this server's questions as a file")
    @app_commands.describe(format="File format (default: bank YAML)")
    async def export(
        interaction: discord.Interaction[Any],
        format: FileFormat = "yaml",  # the option's name in Discord
    ) -> None:
        async with guarded(interaction, "/quizadmin export"):
            await ack(interaction)
            exported = await service_of(interaction).admin.export_questions(
                player_of(interaction), format
            )
            data = exported.text.encode("utf-8")
            if len(data) > interaction.filesize_limit:
                raise QuizError(
                    f"The export is {_size(len(data))}, more than Discord lets me attach here "
                    f"({_size(interaction.filesize_limit)}). Use `quizbot questions export`.",
                    field="format",
                )
            await tell(
                interaction,
                f"{exported.count} question(s) as {exported.format}.",
                file=discord.File(io.BytesIO(data), filename=exported.filename),
            )
