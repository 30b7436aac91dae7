"""Shared test doubles that stand at the edge of the core: a clock and a recording Messenger.
(Never a fake of our own database layer: tests use the real SqlRepository.)"""

from __future__ import annotations

import io
import logging
import socket
from collections.abc import AsyncIterator, Callable, Iterable, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.core.models import ChannelRef, PlayerRef, TeamRef
from bot.core.views import View
from bot.db.banks import LoadResult, load_bank
from bot.db.repository import SqlRepository
from bot.logs import configure_logging
from questions.bank import Bank, BankQuestion, Source

T0 = datetime(2026, 11, 25, 12, 0, 0, tzinfo=UTC)  # a Wednesday


class FixedClock:
    def __init__(self, now: datetime = T0) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> datetime:
        self.now += timedelta(seconds=seconds)
        return self.now


@dataclass
class RecordingMessenger:
    posts: list[tuple[ChannelRef, View, str]] = field(default_factory=list)
    updates: list[tuple[ChannelRef, str, View]] = field(default_factory=list)
    fail: bool = False

    async def post(self, channel: ChannelRef, view: View) -> str | None:
        if self.fail:
            raise RuntimeError("platform down")
        ref = f"m{len(self.posts) + 1}"
        self.posts.append((channel, view, ref))
        return ref

    async def update(self, channel: ChannelRef, message_ref: str, view: View) -> None:
        if self.fail:
            raise RuntimeError("platform down")
        self.updates.append((channel, message_ref, view))

    def of(self, kind: type) -> list:
        return [v for _, v, _ in self.posts if isinstance(v, kind)]


TEAM = TeamRef("discord", "g1", "Guild One")
CHANNEL = ChannelRef(TEAM, "c1", "quiz")


def player(name: str, team: TeamRef = TEAM, *, admin: bool = False) -> PlayerRef:
    return PlayerRef(team, f"u-{name}", name, is_platform_admin=admin)


def sample_questions(n: int = 8, topics: tuple[str, ...] = ("SQS", "Lambda")) -> list[BankQuestion]:
    out = []
    for i in range(n):
        out.append(
            BankQuestion(
                id=f"q-{i:03d}",
                topic=topics[i % len(topics)],
                prompt=f"Question number {i}?",
                choices=(f"right {i}", f"wrong a{i}", f"wrong b{i}", f"wrong c{i}"),
                answer=0,
                explanation=f"Because {i}.",
                source=Source("notes.md", 10 + i),
            )
        )
    return out


async def load_questions(
    repo: SqlRepository, questions: list[BankQuestion], bank: str = "test"
) -> LoadResult:
    async with repo.unit() as u:
        return await load_bank(u.session, Bank(bank=bank, questions=questions))


@contextmanager
def captured_log(level: str = "DEBUG", secrets: Iterable[str] = ()) -> Iterator[io.StringIO]:
    """Our logging set-up (redaction included) writing to a buffer at `level`, every library's
    logger let through; the root logger as it was afterwards. aiosqlite stays quiet, as in the
    CLI (it logs every statement)."""
    root = logging.getLogger()
    saved = (list(root.handlers), root.level)
    quiet = logging.getLogger("aiosqlite")
    saved_quiet = quiet.level
    quiet.setLevel(logging.WARNING)
    out = io.StringIO()
    handler = configure_logging(level, "text", secrets=secrets, stream=out)
    try:
        yield out
    finally:
        root.removeHandler(handler)
        root.handlers[:] = saved[0]
        root.setLevel(saved[1])
        quiet.setLevel(saved_quiet)


@asynccontextmanager
async def writes_held(url: str, rq_id: int) -> AsyncIterator[None]:
    """Another connection holds what writing an answer to `rq_id` needs until the block ends:
    SQLite's write lock (BEGIN IMMEDIATE), the round question's row on PostgreSQL (the answers'
    write key-share-locks it): a database that is slow to take the click, for real."""
    from sqlalchemy import select

    from bot.db.connect import create_engine
    from bot.db.tables import RoundQuestion

    engine = create_engine(url)
    try:
        async with engine.begin() as conn:
            await conn.execute(
                select(RoundQuestion.id).where(RoundQuestion.id == rq_id).with_for_update()
            )
            yield
    finally:
        await engine.dispose()


async def count_rows(url: str, table: Any) -> int:
    """Rows in `table`, read on a connection of its own that takes no write lock (ours take
    SQLite's at BEGIN), so it can look while `writes_held` holds the database."""
    from sqlalchemy import func, select
    from sqlalchemy.ext.asyncio import create_async_engine

    engine = create_async_engine(url)
    try:
        async with engine.connect() as conn:
            return int((await conn.execute(select(func.count()).select_from(table))).scalar_one())
    finally:
        await engine.dispose()


@contextmanager
def statements_sent(
    repo: SqlRepository, keep: Callable[[str], bool] = lambda _: True
) -> Iterator[list[str]]:
    """The SQL statements `keep` accepts, sent meanwhile on the repository's one connection (the
    `repo` fixture) or on any connection of its engine (`fresh_repo`)."""
    sent: list[str] = []
    bind = repo.bind
    target = bind.sync_connection if isinstance(bind, AsyncConnection) else bind.sync_engine

    def record(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if keep(statement):
            sent.append(statement)

    event.listen(target, "before_cursor_execute", record)
    try:
        yield sent
    finally:
        event.remove(target, "before_cursor_execute", record)


def free_port() -> int:
    """A TCP port nobody listens on now, for a server the test starts by port number."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])
