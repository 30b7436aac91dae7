"""What the listeners share: the core services, the users.info cache, the messenger for
receipts and the outbox that orders outgoing calls, handed to every listener in Bolt's context
(see listeners/__init__.py) and to the click fast path (see clicks.py)."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from typing import Any, cast

from slack_bolt.context.async_context import AsyncBoltContext

from bot.adapters.acking import ACK_DEADLINE_SECONDS, LateWrites
from bot.adapters.inflight import InFlight
from bot.adapters.outbox import Outbox
from bot.adapters.slack.identity import UserDirectory
from bot.adapters.slack.messenger import SlackMessenger
from bot.service import QuizService


@dataclass
class SlackDeps:
    service: QuizService
    messenger: SlackMessenger  # a click's receipt (chat.postEphemeral)
    users: UserDirectory = field(default_factory=UserDirectory)
    # Work that must finish before an ack (a click's write, a modal's validation against the
    # database) gets this long, leaving room inside Slack's 3 seconds.
    ack_budget_seconds: float = ACK_DEADLINE_SECONDS
    # Listener runs in progress, for a graceful shutdown.
    inflight: InFlight = field(default_factory=InFlight)
    outbox: Outbox = field(default_factory=Outbox)
    late_writes: LateWrites = field(default_factory=LateWrites)
    # First-time clickers' names are fetched one at a time: a burst of new players then
    # costs its clicks a trickle of users.info calls, not one beside every click.
    names_wanted: NamesWanted = field(default_factory=lambda: NamesWanted())


class NamesWanted:
    """Clicks whose player's display name is still to be fetched, taken in order by one task
    while any wait. A queue, not a task per click behind a lock: asyncio's Semaphore scans all
    its waiters on every acquire, so 10,000 first-time clickers cost quadratic time."""

    def __init__(self) -> None:
        self.clicks: deque[Any] = deque()  # clicks.AnswerClick (which imports this module)
        self.working = False


CONTEXT_KEY = "quizbot"


def deps_of(context: AsyncBoltContext) -> SlackDeps:
    """The listeners' dependencies, which `listeners.register` puts in every request's context."""
    return cast(SlackDeps, context[CONTEXT_KEY])
