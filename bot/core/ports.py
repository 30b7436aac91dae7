"""The seams of the core: how it talks to a platform (Messenger), to storage (Repository and
its Unit of work, composed of one store per feature) and to a worker process (Worker).

Adapters implement Messenger; bot/db implements Repository. Each feature's store protocol lives
in its package (core/play/store.py, core/weekly/store.py, core/curation/store.py,
core/decks/store.py, core/study/store.py).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import AbstractAsyncContextManager
from datetime import datetime
from typing import Any, Protocol, TypeVar

from bot.core.curation.store import CurationStore
from bot.core.decks.store import DeckStore
from bot.core.models import (
    AdminActionRec,
    ChannelDefaults,
    ChannelRef,
    PlayerRef,
    TeamRef,
    TeamSettings,
)
from bot.core.play.store import PlayStore
from bot.core.study.store import StudyStore
from bot.core.views import View
from bot.core.weekly.store import WeeklyStore

T = TypeVar("T")


class Worker(Protocol):
    """Runs CPU-heavy pure work (fn must be a module-level function of picklable data) away from
    the event loop, bounded in time and memory; raises errors.WorkRefused past a bound."""

    async def run(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> T: ...


class Messenger(Protocol):
    """What the core needs from a platform. `post` returns a reference the platform can edit,
    or None when the platform did not take the message (the core then treats it as unsent)."""

    async def post(self, channel: ChannelRef, view: View) -> str | None: ...

    async def update(self, channel: ChannelRef, message_ref: str, view: View) -> None: ...


class TeamStore(Protocol):
    """Teams, channels and players (ids by platform reference), their settings, and the team's
    admin history. Every feature's service reads and writes these."""

    async def ensure_team(self, ref: TeamRef) -> int: ...
    async def ensure_channel(self, team_id: int, ref: ChannelRef) -> int: ...
    async def ensure_player(self, team_id: int, ref: PlayerRef) -> int: ...
    async def ensure_players(
        self, team_id: int, refs: Sequence[PlayerRef]
    ) -> dict[str, int]: ...  # external id -> player id
    async def channel_ref(self, channel_id: int) -> ChannelRef: ...
    async def channel_refs(self, channel_ids: Sequence[int]) -> dict[int, ChannelRef]: ...
    async def team_settings(self, team_id: int) -> TeamSettings: ...
    async def set_team_settings(self, team_id: int, settings: TeamSettings) -> None: ...
    async def channel_defaults(self, channel_id: int) -> ChannelDefaults: ...
    async def set_channel_defaults(
        self, channel_id: int, defaults: ChannelDefaults, at: datetime
    ) -> None: ...
    async def record_admin_action(
        self,
        team_id: int,
        actor: str,
        action: str,
        question_id: int | None,
        detail: dict[str, Any],
        at: datetime,
    ) -> None: ...
    async def admin_actions(self, team_id: int, limit: int) -> list[AdminActionRec]: ...


class Unit(Protocol):
    """One database transaction, composed of one store per feature. Commits when the
    `async with` block ends without error."""

    @property
    def teams(self) -> TeamStore: ...
    @property
    def play(self) -> PlayStore: ...
    @property
    def weekly(self) -> WeeklyStore: ...
    @property
    def curation(self) -> CurationStore: ...
    @property
    def decks(self) -> DeckStore: ...
    @property
    def study(self) -> StudyStore: ...


class Repository(Protocol):
    def unit(self, *, autocommit: bool = False) -> AbstractAsyncContextManager[Unit]:
        """A unit of work. With `autocommit`, each statement commits on its own, with no
        BEGIN and COMMIT round trips: for work whose every write is one statement guarded by
        itself (the answer path). Where that is not so cheap (SQLite, whose writers take the
        database's lock at BEGIN; a repository bound to one connection), it is one
        transaction as usual."""
        ...

    async def ping(self) -> None: ...
