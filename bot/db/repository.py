"""The core's Repository port on SQLAlchemy: each unit of work is one transaction, composed of
one store per feature (bot/db/teams.py, play.py, weekly.py, curation.py, decks.py, study.py).

Guarded transitions are conditional UPDATEs (`... WHERE status = 'open'`) whose row count says
whether this caller won; uniqueness (one answer per player, one running round per channel) is
left to the database's constraints, so racing replicas cannot double-count.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from sqlalchemy import select
from sqlalchemy.exc import DBAPIError, IntegrityError, InterfaceError, OperationalError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession, async_sessionmaker

from bot.core.errors import Contended, Unavailable
from bot.db.curation import SqlCurationStore
from bot.db.decks import SqlDeckStore
from bot.db.play import SqlPlayStore
from bot.db.study import SqlStudyStore
from bot.db.teams import IdentityCache, SqlTeamStore
from bot.db.weekly import SqlWeeklyStore


def _is_outage(exc: BaseException) -> bool:
    """True when the error means 'the database is away', not 'the statement is wrong'."""
    if isinstance(exc, OperationalError | InterfaceError):
        return True
    if isinstance(exc, DBAPIError) and exc.connection_invalidated:
        return True
    return isinstance(exc, OSError | ConnectionError | asyncio.TimeoutError)


# Deadlock detected, serialization failure: the transaction was cancelled and may run again.
_RETRYABLE = frozenset({"40P01", "40001"})


def _sqlstate(exc: BaseException) -> str | None:
    orig = getattr(exc, "orig", None)
    return getattr(orig, "sqlstate", None) or getattr(orig, "pgcode", None)


class SqlUnit:
    """Implements bot.core.ports.Unit: one session, one store per feature over it."""

    def __init__(self, session: AsyncSession, identities: IdentityCache | None = None) -> None:
        self.session = session
        dialect = session.get_bind().dialect.name
        self.teams = SqlTeamStore(session, identities or IdentityCache(), dialect)
        self.play = SqlPlayStore(session, dialect)
        self.weekly = SqlWeeklyStore(session, dialect)
        self.curation = SqlCurationStore(session, dialect)
        self.decks = SqlDeckStore(session, dialect)
        self.study = SqlStudyStore(session, dialect)


class SqlRepository:
    """Implements bot.core.ports.Repository on an AsyncEngine (or, in tests, on one connection
    whose outer transaction is rolled back afterwards)."""

    def __init__(self, bind: AsyncEngine | AsyncConnection) -> None:
        self.bind = bind
        self._sessions = async_sessionmaker(
            bind, expire_on_commit=False, join_transaction_mode="create_savepoint"
        )
        # Units whose statements commit one by one: PostgreSQL's pool, shared, with no BEGIN
        # and COMMIT sent (see Repository.unit). Elsewhere they are ordinary units.
        self._autocommit_sessions = (
            async_sessionmaker(
                bind.execution_options(isolation_level="AUTOCOMMIT"), expire_on_commit=False
            )
            if isinstance(bind, AsyncEngine) and bind.dialect.name == "postgresql"
            else self._sessions
        )
        self.identities = IdentityCache()
        # One connection holds one transaction at a time: units that the core runs side by
        # side (closes of different channels) take turns on it. An engine's pool needs no turns.
        self._turn = asyncio.Lock() if isinstance(bind, AsyncConnection) else None
        self._turn_holder: asyncio.Task[object] | None = None

    @asynccontextmanager
    async def session(self) -> AsyncIterator[AsyncSession]:
        """One plain transaction (bank loading works on the ORM session directly)."""
        async with self._sessions() as session, session.begin():
            yield session

    @asynccontextmanager
    async def _connection_turn(self) -> AsyncIterator[None]:
        """Wait for the connection (a unit opened inside another, in the same task, is a
        savepoint of it and goes on at once)."""
        me = asyncio.current_task()
        if self._turn is None or me is self._turn_holder:
            yield
            return
        async with self._turn:
            self._turn_holder = me
            try:
                yield
            finally:
                self._turn_holder = None

    @asynccontextmanager
    async def unit(self, *, autocommit: bool = False) -> AsyncIterator[SqlUnit]:
        sessions = self._autocommit_sessions if autocommit else self._sessions
        try:
            async with (
                self._connection_turn(),
                sessions() as session,
                session.begin(),
            ):
                unit = SqlUnit(session, self.identities)
                yield unit
            self.identities.merge(
                unit.teams.learned_ids, unit.teams.learned_names, unit.teams.learned_channels
            )
        except IntegrityError:
            raise
        except Exception as exc:
            if _sqlstate(exc) in _RETRYABLE:
                raise Contended() from exc
            if _is_outage(exc):
                raise Unavailable() from exc
            raise

    async def ping(self) -> None:
        async with self.unit() as u:
            await u.session.execute(select(1))

    @property
    def dialect(self) -> str:
        return self.bind.dialect.name
