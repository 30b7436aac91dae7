"""What the listeners share: the core services and the users.info cache, handed to every
listener in Bolt's context (see listeners/__init__.py)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import cast

from slack_bolt.context.async_context import AsyncBoltContext

from bot.adapters.acking import ACK_DEADLINE_SECONDS
from bot.adapters.inflight import InFlight
from bot.adapters.slack.identity import UserDirectory
from bot.service import QuizService


@dataclass
class SlackDeps:
    service: QuizService
    users: UserDirectory = field(default_factory=UserDirectory)
    # Work that must finish before an ack (a click's write, a modal's validation against the
    # database) gets this long, leaving room inside Slack's 3 seconds.
    ack_budget_seconds: float = ACK_DEADLINE_SECONDS
    # Listener runs in progress, for a graceful shutdown.
    inflight: InFlight = field(default_factory=InFlight)


CONTEXT_KEY = "quizbot"


def deps_of(context: AsyncBoltContext) -> SlackDeps:
    """The listeners' dependencies, which `listeners.register` puts in every request's context."""
    return cast(SlackDeps, context[CONTEXT_KEY])
