"""Round trips to PostgreSQL, counted by what the bot was doing when it sent them.

Each network exchange asyncpg makes for the bot (a statement, an executemany, BEGIN, COMMIT,
ROLLBACK) is counted under the phase its task runs in (`phase`, a context variable the
benchmark sets inside the engine's batch handlers). On one machine the database's latency is
small, but every exchange costs both processes a wake-up and a message to parse, and a batch
holds its connection (and its row locks) for all of them. Statement preparation, once per
connection and statement, is not counted.
"""

from __future__ import annotations

import contextvars
from collections import Counter
from collections.abc import Awaitable, Callable
from typing import Any

import asyncpg
from asyncpg.prepared_stmt import PreparedStatement

phase: contextvars.ContextVar[str] = contextvars.ContextVar("phase", default="other")
counts: Counter[str] = Counter()


def install() -> None:
    """Count from now on, in this process (idempotent)."""
    if getattr(asyncpg.Connection, "_round_trips_counted", False):
        return
    _count(asyncpg.Connection, "execute")  # BEGIN, COMMIT, ROLLBACK, plain queries
    _count(asyncpg.Connection, "_executemany")
    _count(PreparedStatement, "_PreparedStatement__do_execute")  # fetch, executemany
    asyncpg.Connection._round_trips_counted = True  # type: ignore[attr-defined]


def _count(cls: type, name: str) -> None:
    original: Callable[..., Awaitable[Any]] = getattr(cls, name)

    async def counted(*args: Any, **kwargs: Any) -> Any:
        counts[phase.get()] += 1
        return await original(*args, **kwargs)

    setattr(cls, name, counted)


def tag(name: str, handler: Callable[..., Awaitable[Any]]) -> Callable[..., Awaitable[Any]]:
    """`handler` with its round trips counted under `name` (a batch runs in a task of its
    own, so the phase set here stays with that batch)."""

    async def tagged(*args: Any, **kwargs: Any) -> Any:
        phase.set(name)
        return await handler(*args, **kwargs)

    return tagged
