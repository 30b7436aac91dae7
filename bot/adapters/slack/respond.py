"""Answers through a slash command's `respond` (its response_url): the one type for it, and
the private reply every command gives."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from bot.adapters.slack.render import blocks_for, fallback_text
from bot.core.views import View

Respond = Callable[..., Awaitable[Any]]


async def show_private(respond: Respond, view: View) -> None:
    """`view` to the person who ran the command only, as a new message."""
    await respond(
        text=fallback_text(view),
        blocks=blocks_for(view),
        response_type="ephemeral",
        replace_original=False,
    )
