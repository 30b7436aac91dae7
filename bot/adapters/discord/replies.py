"""Acknowledging and answering interactions: ack first, then work, and every failure ends as a
short private message (never Discord's "This interaction failed")."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING, cast

import discord

from bot.adapters.acking import ACK_DEADLINE_SECONDS, LateWrites
from bot.adapters.discord.render import cut, neutralise
from bot.adapters.inflight import InFlight
from bot.boundary import failure_text, log_unexpected
from bot.core.errors import QuizError, Unavailable

if TYPE_CHECKING:
    from bot.service import QuizService

log = logging.getLogger(__name__)

NO_MENTIONS = discord.AllowedMentions.none()
MESSAGE_MAX = 2000


class NotReady(Unavailable):
    """The bot is connected but not wired to its database yet (start-up)."""

    def __init__(self) -> None:
        super().__init__("The quiz is still starting up, try again in a moment.")


def service_of(interaction: discord.Interaction) -> QuizService:
    service = getattr(interaction.client, "service", None)
    if service is None:
        raise NotReady()
    return cast("QuizService", service)


async def ack(interaction: discord.Interaction, *, ephemeral: bool = True) -> None:
    """Defer (shows "thinking") unless already answered: Discord's 3-second deadline is met
    before any database work starts."""
    if not interaction.response.is_done():
        await interaction.response.defer(ephemeral=ephemeral, thinking=True)


async def tell(
    interaction: discord.Interaction,
    text: str | None = None,
    *,
    embed: discord.Embed | None = None,
    more: Sequence[discord.Embed] = (),
    file: discord.File | None = None,
    ephemeral: bool = True,
) -> None:
    """Reply once the interaction is acked or not; text is mention-neutralised and cut."""
    content = cut(neutralise(text), MESSAGE_MAX) if text else None
    embeds = [*([embed] if embed is not None else []), *more]
    files = [file] if file is not None else discord.utils.MISSING
    if interaction.response.is_done():
        await interaction.followup.send(
            content or discord.utils.MISSING,
            embeds=embeds,
            files=files,
            ephemeral=ephemeral,
            allowed_mentions=NO_MENTIONS,
        )
    else:
        await interaction.response.send_message(
            content,
            embeds=embeds,
            files=files,
            ephemeral=ephemeral,
            allowed_mentions=NO_MENTIONS,
        )


@asynccontextmanager
async def guarded(interaction: discord.Interaction, action: str) -> AsyncIterator[None]:
    """Turn every failure inside into a private reply: a refusal's own text, or for an
    unexpected error one line with a reference under which the traceback is logged once. The
    handler counts as in flight meanwhile, so a graceful shutdown lets it finish (see `bot.adapters.inflight`)."""
    async with inflight_of(interaction).running():
        try:
            yield
        except QuizError as exc:
            log.info("%s refused for user %s: %s", action, interaction.user.id, exc.message)
            await _safe_tell(interaction, exc.message)
        except Exception as exc:
            reference = log_unexpected(log, f"{action} (interaction {interaction.id})", exc)
            await _safe_tell(interaction, failure_text(reference))


def inflight_of(interaction: discord.Interaction) -> InFlight:
    """The client's count of handlers in flight (a QuizClient has one)."""
    tracker = getattr(interaction.client, "inflight", None)
    return tracker if isinstance(tracker, InFlight) else _UNTRACKED


_UNTRACKED = InFlight()
_UNREPORTED = LateWrites()


def ack_budget_of(interaction: discord.Interaction) -> float:
    """How long a click's write may take before the interaction is deferred regardless (the
    client's `ack_budget_seconds`, which tests shorten)."""
    budget = getattr(interaction.client, "ack_budget_seconds", None)
    return float(budget) if isinstance(budget, int | float) else ACK_DEADLINE_SECONDS


def late_writes_of(interaction: discord.Interaction) -> LateWrites:
    """The client's report of writes that missed their deadline (a QuizClient has one)."""
    late = getattr(interaction.client, "late_writes", None)
    return late if isinstance(late, LateWrites) else _UNREPORTED


async def _safe_tell(interaction: discord.Interaction, text: str) -> None:
    try:
        await tell(interaction, text)
    except discord.HTTPException:
        log.warning("could not tell user about a failure (interaction %s)", interaction.id)
