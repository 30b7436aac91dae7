"""The SQL behind the core's Repository/Unit ports. Each Unit is one transaction.

Guarded transitions are conditional UPDATEs (`... WHERE status = 'open'`) whose row count says
whether this caller won; uniqueness (one answer per player, one running round per channel) is
left to the database's constraints, so racing replicas cannot double-count.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import and_, case, exists, func, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import DBAPIError, IntegrityError, InterfaceError, OperationalError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession, async_sessionmaker
from sqlalchemy.sql import ColumnElement

from bot.core.errors import Contended, Unavailable
from bot.core.models import (
    AnswerContext,
    AnswerRec,
    Asked,
    ChannelDefaults,
    ChannelRef,
    NewAnswer,
    NewRound,
    PlayerRef,
    PlayerTotals,
    QuestionRec,
    QuestionStatus,
    RoundQuestionRec,
    RoundRec,
    RoundStatus,
    ScoreRow,
    TeamRef,
    TeamSettings,
)
from bot.db import hot_statements as hot
from bot.db.queries_admin import AdminQueries
from bot.db.queries_weekly import WeeklyQueries
from bot.db.tables import (
    AdminAction,
    Answer,
    Channel,
    ChannelSetting,
    Player,
    Question,
    Round,
    RoundQuestion,
    ScoreTotal,
    ScoreWeekly,
    Team,
    TeamQuestionStatus,
)
from questions.bank import BankQuestion


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


def _now() -> datetime:
    return datetime.now(UTC)


def _answer_context(row: Any) -> AnswerContext:
    return AnswerContext(
        rq=RoundQuestionRec(
            id=row.id,
            round_id=row.round_id,
            ordinal=row.ordinal,
            question_id=row.question_id,
            choice_order=tuple(row.choice_order),
            status=QuestionStatus(row.status),
            opens_at=row.opens_at,
            closes_at=row.closes_at,
        ),
        round=RoundRec(
            id=row.round_id,
            team_id=row.team_id,
            channel_id=row.channel_id,
            status=RoundStatus(row.r_status),
            num_questions=row.num_questions,
            seconds=row.seconds,
            topic=None,
            started_by=None,
            started_at=row.started_at,
            close_after_answers=row.close_after_answers,
        ),
        answer=row.answer,
        choices=tuple(row.choices),
        timezone=row.timezone or "UTC",
    )


class IdentityCache:
    """Team, channel and player ids never change once committed, so a process may remember
    them and save a query per click. What a transaction learns is kept only if it commits."""

    LIMIT = 200_000

    def __init__(self) -> None:
        self.ids: dict[tuple[Any, ...], int] = {}
        self.names: dict[int, str] = {}  # player id -> display name last written

    def merge(self, ids: dict[tuple[Any, ...], int], names: dict[int, str]) -> None:
        if len(self.ids) > self.LIMIT:
            self.ids.clear()
            self.names.clear()
        self.ids.update(ids)
        self.names.update(names)


class SqlRepository:
    """Implements bot.core.ports.Repository on an AsyncEngine (or, in tests, on one connection
    whose outer transaction is rolled back afterwards)."""

    def __init__(self, bind: AsyncEngine | AsyncConnection) -> None:
        self.bind = bind
        self._sessions = async_sessionmaker(
            bind, expire_on_commit=False, join_transaction_mode="create_savepoint"
        )
        self.identities = IdentityCache()

    @asynccontextmanager
    async def session(self) -> AsyncIterator[AsyncSession]:
        """One plain transaction (bank loading works on the ORM session directly)."""
        async with self._sessions() as session, session.begin():
            yield session

    @asynccontextmanager
    async def unit(self) -> AsyncIterator[SqlUnit]:
        try:
            async with self._sessions() as session, session.begin():
                unit = SqlUnit(session, self.identities)
                yield unit
            self.identities.merge(unit.learned_ids, unit.learned_names)
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


class SqlUnit(AdminQueries, WeeklyQueries):
    def __init__(self, session: AsyncSession, identities: IdentityCache | None = None) -> None:
        self.session = session
        self.dialect = session.get_bind().dialect.name
        self.identities = identities or IdentityCache()
        self.learned_ids: dict[tuple[Any, ...], int] = {}
        self.learned_names: dict[int, str] = {}

    def _known(self, key: tuple[Any, ...]) -> int | None:
        return self.learned_ids.get(key) or self.identities.ids.get(key)

    def _insert(self, model: Any) -> Any:
        """A dialect INSERT (for ON CONFLICT) on the plain table: the ORM's bulk path is
        several times slower and buys nothing here."""
        table = getattr(model, "__table__", model)
        return (postgresql.insert if self.dialect == "postgresql" else sqlite.insert)(table)

    async def _core(self, stmt: Any, params: dict[str, Any] | None = None) -> Any:
        """Run a Core statement on the unit's connection, skipping the ORM layer (hot paths)."""
        return await (await self.session.connection()).execute(stmt, params)

    async def _scalar(self, stmt: Any) -> Any:
        return (await self.session.execute(stmt)).scalar_one_or_none()

    # --- identities ----------------------------------------------------------------------------

    async def ensure_team(self, ref: TeamRef) -> int:
        key = ("team", ref.platform, ref.external_id)
        if (known := self._known(key)) is not None:
            return known
        team_id = await self._find_or_add_team(ref)
        self.learned_ids[key] = team_id
        return team_id

    async def _find_or_add_team(self, ref: TeamRef) -> int:
        where = and_(Team.platform == ref.platform, Team.external_id == ref.external_id)
        found = await self._scalar(select(Team.id).where(where))
        if found is not None:
            return int(found)
        await self.session.execute(
            self._insert(Team)
            .values(
                platform=ref.platform,
                external_id=ref.external_id,
                name=ref.name,
                admin_user_ids=[],
                admin_roles=[],
                allow_suggestions=False,
                timezone="UTC",
            )
            .on_conflict_do_nothing()
        )
        return int((await self.session.execute(select(Team.id).where(where))).scalar_one())

    async def ensure_channel(self, team_id: int, ref: ChannelRef) -> int:
        key = ("channel", team_id, ref.external_id)
        if (known := self._known(key)) is not None:
            return known
        channel_id = await self._find_or_add_channel(team_id, ref)
        self.learned_ids[key] = channel_id
        return channel_id

    async def _find_or_add_channel(self, team_id: int, ref: ChannelRef) -> int:
        where = and_(Channel.team_id == team_id, Channel.external_id == ref.external_id)
        found = await self._scalar(select(Channel.id).where(where))
        if found is not None:
            return int(found)
        await self.session.execute(
            self._insert(Channel)
            .values(team_id=team_id, external_id=ref.external_id, name=ref.name)
            .on_conflict_do_nothing()
        )
        return int((await self.session.execute(select(Channel.id).where(where))).scalar_one())

    async def ensure_player(self, team_id: int, ref: PlayerRef) -> int:
        return (await self.ensure_players(team_id, [ref]))[ref.external_id]

    async def ensure_players(self, team_id: int, refs: Sequence[PlayerRef]) -> dict[str, int]:
        """Player ids by external id, adding new players and refreshing changed names; a
        player known to this process under the same name costs no query."""
        found: dict[str, int] = {}
        unknown: dict[str, PlayerRef] = {}
        for ref in refs:
            known = self._known(("player", team_id, ref.external_id))
            if known is not None and self.identities.names.get(known) == ref.display_name:
                found[ref.external_id] = known
            else:
                unknown[ref.external_id] = ref
        if unknown:
            found.update(await self._find_or_add_players(team_id, list(unknown.values())))
            for external_id, ref in unknown.items():
                self.learned_ids[("player", team_id, external_id)] = found[external_id]
                self.learned_names[found[external_id]] = ref.display_name
        return found

    async def _find_or_add_players(self, team_id: int, refs: Sequence[PlayerRef]) -> dict[str, int]:
        """Write only the new or renamed players: a click must not rewrite an unchanged row.

        PostgreSQL tries the write first (it returns only rows it inserted or renamed), so a
        burst of new players costs one statement; the rest, and SQLite, read first."""
        found: dict[str, int] = {}
        if self.dialect == "postgresql":
            named = [r for r in refs if r.display_name]
            found = await self._upsert_players(team_id, named) if named else {}
            refs = [r for r in refs if r.external_id not in found]
            if not refs:
                return found
        rows = await self._core(
            hot.players_by_external_ids(self.dialect),
            {"team_id": team_id, "external_ids": [r.external_id for r in refs]},
        )
        existing = {row.external_id: (int(row.id), row.display_name) for row in rows}
        stale: list[PlayerRef] = []
        for ref in refs:
            have = existing.get(ref.external_id)
            if have is not None and have[1] == (ref.display_name or have[1]):
                found[ref.external_id] = have[0]
            else:
                stale.append(ref)
        if stale:
            found.update(await self._upsert_players(team_id, stale))
        return found

    async def _upsert_players(self, team_id: int, refs: Sequence[PlayerRef]) -> dict[str, int]:
        refs = sorted(refs, key=lambda r: r.external_id)  # key order: no lock cycles
        names = [r.display_name or r.external_id for r in refs]
        if self.dialect == "postgresql":
            params = {
                "team_id": team_id,
                "external_ids": [r.external_id for r in refs],
                "names": names,
                "created_at": _now(),
            }
            rows = await self._core(hot.UPSERT_PLAYERS_PG, params)
            return {row.external_id: int(row.id) for row in rows}
        found: dict[str, int] = {}
        for ref, name in zip(refs, names, strict=True):
            params = {
                "team_id": team_id,
                "external_id": ref.external_id,
                "display_name": name,
                "created_at": _now(),
            }
            found[ref.external_id] = int(
                (await self._core(hot.upsert_player(self.dialect), params)).scalar_one()
            )
        return found

    async def channel_ref(self, channel_id: int) -> ChannelRef:
        row = (
            await self.session.execute(
                select(
                    Channel.external_id,
                    Channel.name,
                    Team.platform,
                    Team.external_id.label("team_ext"),
                    Team.name.label("team_name"),
                )
                .join(Team, Team.id == Channel.team_id)
                .where(Channel.id == channel_id)
            )
        ).one()
        return ChannelRef(
            TeamRef(row.platform, row.team_ext, row.team_name), row.external_id, row.name
        )

    async def team_settings(self, team_id: int) -> TeamSettings:
        team = await self.session.get(Team, team_id)
        if team is None:
            return TeamSettings()
        return TeamSettings(
            admin_user_ids=tuple(str(x) for x in team.admin_user_ids or ()),
            admin_roles=tuple(str(x) for x in team.admin_roles or ()),
            allow_suggestions=bool(team.allow_suggestions),
            timezone=team.timezone or "UTC",
        )

    async def channel_defaults(self, channel_id: int) -> ChannelDefaults:
        row = await self.session.get(ChannelSetting, channel_id)
        if row is None:
            return ChannelDefaults()
        return ChannelDefaults(row.questions, row.seconds, row.topic)

    # --- questions -----------------------------------------------------------------------------

    @staticmethod
    def usable(team_id: int) -> ColumnElement[bool]:
        """Active questions this team may be asked: shared or its own, not disabled by it."""
        disabled = exists().where(
            TeamQuestionStatus.team_id == team_id,
            TeamQuestionStatus.question_id == Question.id,
            TeamQuestionStatus.status == "disabled",
        )
        return and_(
            Question.status == "active",
            or_(Question.team_id.is_(None), Question.team_id == team_id),
            ~disabled,
        )

    async def topics(self, team_id: int) -> list[str]:
        rows = await self.session.execute(
            select(Question.topic).where(self.usable(team_id)).distinct().order_by(Question.topic)
        )
        return [r[0] for r in rows]

    async def candidate_questions(
        self, team_id: int, topic: str | None
    ) -> list[tuple[QuestionRec, datetime | None]]:
        last_asked = (
            select(func.max(RoundQuestion.opens_at))
            .join(Round, Round.id == RoundQuestion.round_id)
            .where(RoundQuestion.question_id == Question.id, Round.team_id == team_id)
            .scalar_subquery()
        )
        stmt = select(Question, last_asked.label("last_asked")).where(self.usable(team_id))
        if topic is not None:
            stmt = stmt.where(Question.topic == topic)
        rows = await self.session.execute(stmt.order_by(Question.id))
        return [(question_rec(q), last) for q, last in rows]

    async def question(self, question_id: int) -> QuestionRec | None:
        q = await self.session.get(Question, question_id)
        return question_rec(q) if q else None

    async def prompt_exists(self, team_id: int, prompt: str) -> bool:
        """Exact duplicate (spacing and case aside) among the team's own questions."""
        key = " ".join(prompt.split()).casefold()
        rows = await self.session.execute(
            select(Question.prompt).where(
                Question.team_id == team_id, Question.status.in_(("active", "disabled", "pending"))
            )
        )
        return any(" ".join(p.split()).casefold() == key for (p,) in rows)

    async def insert_question(
        self, team_id: int | None, q: BankQuestion, *, author: str | None, status: str
    ) -> QuestionRec:
        now = datetime.now(UTC)
        row = Question(
            uid=q.id,
            bank=f"team-{team_id}" if team_id else "shared",
            team_id=team_id,
            topic=q.topic,
            kind=q.kind,
            prompt=q.prompt,
            choices=list(q.choices),
            answer=q.answer,
            explanation=q.explanation,
            source_file=q.source.file if q.source else None,
            source_line=q.source.line if q.source else None,
            lang=q.lang,
            status=status,
            author=author,
            created_at=now,
            updated_at=now,
        )
        self.session.add(row)
        await self.session.flush()
        return question_rec(row)

    # --- admin ---------------------------------------------------------------------------------

    async def record_admin_action(
        self,
        team_id: int,
        actor: str,
        action: str,
        question_id: int | None,
        detail: dict[str, Any],
        at: datetime,
    ) -> None:
        self.session.add(
            AdminAction(
                team_id=team_id,
                actor=actor,
                action=action,
                question_id=question_id,
                detail=detail,
                at=at,
            )
        )
        await self.session.flush()

    async def set_channel_defaults(
        self, channel_id: int, defaults: ChannelDefaults, at: datetime
    ) -> None:
        row = await self.session.get(ChannelSetting, channel_id)
        if row is None:
            row = ChannelSetting(channel_id=channel_id)
            self.session.add(row)
        row.questions, row.seconds, row.topic = defaults.questions, defaults.seconds, defaults.topic
        row.updated_at = at
        await self.session.flush()

    async def set_team_settings(self, team_id: int, settings: TeamSettings) -> None:
        await self.session.execute(
            update(Team)
            .where(Team.id == team_id)
            .values(
                admin_user_ids=list(settings.admin_user_ids),
                admin_roles=list(settings.admin_roles),
                allow_suggestions=settings.allow_suggestions,
                timezone=settings.timezone,
            )
        )

    # --- rounds --------------------------------------------------------------------------------

    async def running_round(self, channel_id: int) -> RoundRec | None:
        r = await self._scalar(
            select(Round).where(Round.channel_id == channel_id, Round.status == "running")
        )
        return round_rec(r) if r else None

    async def create_round(self, new: NewRound) -> RoundRec | None:
        rnd = Round(
            team_id=new.team_id,
            channel_id=new.channel_id,
            status="running",
            num_questions=new.num_questions,
            seconds=new.seconds,
            topic=new.topic,
            started_by=new.started_by,
            close_after_answers=new.close_after_answers,
            started_at=new.started_at,
        )
        try:
            async with self.session.begin_nested():
                self.session.add(rnd)
                await self.session.flush()
        except IntegrityError:
            return None  # another round became running in this channel first
        for ordinal, (asked, order) in enumerate(new.questions, start=1):
            self.session.add(
                RoundQuestion(
                    round_id=rnd.id,
                    ordinal=ordinal,
                    question_id=asked.question_id,
                    prompt=asked.prompt,
                    choices=list(asked.choices),
                    answer=asked.answer,
                    choice_order=list(order),
                    status="pending",
                )
            )
        await self.session.flush()
        return round_rec(rnd)

    async def round(self, round_id: int) -> RoundRec | None:
        r = await self._scalar(
            select(Round).where(Round.id == round_id).execution_options(populate_existing=True)
        )
        return round_rec(r) if r else None

    async def round_question(self, rq_id: int, *, lock: bool = False) -> RoundQuestionRec | None:
        stmt = select(RoundQuestion).where(RoundQuestion.id == rq_id)
        if lock and self.dialect == "postgresql":
            # Answers share the row; a close (UPDATE) waits for answers in flight.
            stmt = stmt.with_for_update(read=True)
        r = await self._scalar(stmt.execution_options(populate_existing=True))
        return rq_rec(r) if r else None

    async def answer_contexts(self, rq_ids: Sequence[int]) -> dict[int, AnswerContext]:
        """Everything a batch of answers needs in one query (Core rows, not ORM objects)."""
        rows = await self._core(hot.answer_contexts(self.dialect), {"ids": list(rq_ids)})
        return {row.id: _answer_context(row) for row in rows}

    async def round_questions(self, round_id: int) -> list[RoundQuestionRec]:
        rows = await self.session.scalars(
            select(RoundQuestion)
            .where(RoundQuestion.round_id == round_id)
            .order_by(RoundQuestion.ordinal)
            .execution_options(populate_existing=True)
        )
        return [rq_rec(r) for r in rows]

    async def _transition(self, table: Any, where: list[Any], values: dict[str, Any]) -> int:
        result = await self.session.execute(
            update(table)
            .where(*where)
            .values(**values)
            .execution_options(synchronize_session=False)
        )
        return int(result.rowcount or 0)  # type: ignore[attr-defined]

    async def open_question(self, rq_id: int, opens_at: datetime, closes_at: datetime) -> bool:
        return (
            await self._transition(
                RoundQuestion,
                [RoundQuestion.id == rq_id, RoundQuestion.status == "pending"],
                {"status": "open", "opens_at": opens_at, "closes_at": closes_at},
            )
            == 1
        )

    async def close_question(self, rq_id: int, now: datetime) -> bool:
        return (
            await self._transition(
                RoundQuestion,
                [RoundQuestion.id == rq_id, RoundQuestion.status == "open"],
                {"status": "closed", "closed_at": now},
            )
            == 1
        )

    async def skip_pending(self, round_id: int) -> int:
        return await self._transition(
            RoundQuestion,
            [RoundQuestion.round_id == round_id, RoundQuestion.status == "pending"],
            {"status": "skipped"},
        )

    async def end_round(self, round_id: int, status: RoundStatus, now: datetime) -> bool:
        return (
            await self._transition(
                Round,
                [Round.id == round_id, Round.status == "running"],
                {"status": str(status), "ended_at": now},
            )
            == 1
        )

    async def due_questions(self, platform: str, now: datetime, limit: int) -> list[int]:
        rows = await self.session.execute(
            select(RoundQuestion.id)
            .join(Round, Round.id == RoundQuestion.round_id)
            .join(Team, Team.id == Round.team_id)
            .where(
                RoundQuestion.status == "open",
                RoundQuestion.closes_at <= now,
                Team.platform == platform,
            )
            .order_by(RoundQuestion.closes_at)
            .limit(limit)
        )
        return [int(r[0]) for r in rows]

    async def stale_rounds(self, platform: str, older_than: datetime) -> list[int]:
        rows = await self.session.execute(
            select(Round.id)
            .join(Team, Team.id == Round.team_id)
            .where(
                Round.status == "running", Round.started_at < older_than, Team.platform == platform
            )
        )
        return [int(r[0]) for r in rows]

    async def set_message_ref(self, rq_id: int, ref: str) -> None:
        await self.session.execute(
            update(RoundQuestion).where(RoundQuestion.id == rq_id).values(message_ref=ref)
        )

    # --- answers and scores --------------------------------------------------------------------

    async def round_results(
        self, pairs: Sequence[tuple[int, int]]
    ) -> dict[tuple[int, int], dict[int, bool]]:
        """{(round, player): {ordinal: correct}} for the given pairs."""
        wanted = set(pairs)
        params = {
            "round_ids": sorted({r for r, _ in wanted}),
            "player_ids": sorted({p for _, p in wanted}),
        }
        out: dict[tuple[int, int], dict[int, bool]] = {}
        for round_id, player_id, ordinal, correct in await self._core(
            hot.round_results(self.dialect), params
        ):
            if (round_id, player_id) in wanted:
                out.setdefault((round_id, player_id), {})[ordinal] = bool(correct)
        return out

    async def record_answers(self, rows: Sequence[NewAnswer]) -> set[tuple[int, int]]:
        """Write the answers that are new and add their scores; returns (rq, player) of those
        written. A repeat (same player, same question) changes nothing."""
        if not rows:
            return set()
        if self.dialect == "postgresql":
            return await self._record_answers_pg(rows)
        written: set[tuple[int, int]] = set()
        for row in rows:
            if await self._insert_answer(row):
                written.add((row.rq_id, row.player_id))
                await self._add_score(row)
        return written

    async def _record_answers_pg(self, rows: Sequence[NewAnswer]) -> set[tuple[int, int]]:
        params = {
            "rq_ids": [r.rq_id for r in rows],
            "team_ids": [r.team_id for r in rows],
            "player_ids": [r.player_id for r in rows],
            "choices": [r.choice for r in rows],
            "corrects": [r.correct for r in rows],
            "points": [r.points for r in rows],
            "latencies": [r.latency_ms for r in rows],
            "ats": [r.at for r in rows],
            "weeks": [r.week for r in rows],
        }
        result = await self._core(hot.RECORD_ANSWERS_PG, params)
        return {(int(rq), int(player)) for rq, player in result}

    async def _insert_answer(self, row: NewAnswer) -> bool:
        params = {
            "rq_id": row.rq_id,
            "player_id": row.player_id,
            "choice": row.choice,
            "correct": row.correct,
            "points": row.points,
            "latency_ms": row.latency_ms,
            "answered_at": row.at,
        }
        return (await self._core(hot.insert_answer(self.dialect), params)).first() is not None

    async def _add_score(self, row: NewAnswer) -> None:
        params = {"team_id": row.team_id, "player_id": row.player_id, "points": row.points}
        c = 1 if row.correct else 0
        await self._core(hot.add_weekly(self.dialect), {**params, "week": row.week, "correct": c})
        await self._core(hot.add_total(self.dialect), {**params, "correct": c})

    async def answer_counts(self, rq_ids: Sequence[int]) -> dict[int, int]:
        rows = await self._core(hot.answer_counts(self.dialect), {"ids": list(rq_ids)})
        return {int(rq): int(n) for rq, n in rows}

    async def answers(self, rq_id: int) -> list[AnswerRec]:
        rows = await self.session.execute(
            select(Answer, Player.display_name)
            .join(Player, Player.id == Answer.player_id)
            .where(Answer.round_question_id == rq_id)
            .order_by(Answer.id)
        )
        return [
            AnswerRec(a.player_id, name, a.choice, a.correct, a.points, a.latency_ms)
            for a, name in rows
        ]

    async def round_scores(self, round_id: int) -> list[ScoreRow]:
        rows = await self.session.execute(
            select(
                Answer.player_id,
                Player.display_name,
                func.sum(Answer.points),
                func.sum(case((Answer.correct, 1), else_=0)),
                func.count(),
            )
            .join(RoundQuestion, RoundQuestion.id == Answer.round_question_id)
            .join(Player, Player.id == Answer.player_id)
            .where(RoundQuestion.round_id == round_id)
            .group_by(Answer.player_id, Player.display_name)
        )
        return [ScoreRow(int(p), n, int(pts), int(c), int(a)) for p, n, pts, c, a in rows]

    async def week_scores(self, team_id: int, week: date, limit: int) -> list[ScoreRow]:
        rows = await self.session.execute(
            select(
                ScoreWeekly.player_id,
                Player.display_name,
                ScoreWeekly.points,
                ScoreWeekly.correct,
                ScoreWeekly.answered,
            )
            .join(Player, Player.id == ScoreWeekly.player_id)
            .where(ScoreWeekly.team_id == team_id, ScoreWeekly.week_start == week)
            .order_by(ScoreWeekly.points.desc(), ScoreWeekly.correct.desc(), ScoreWeekly.player_id)
            .limit(limit)
        )
        return [ScoreRow(int(p), n, pts, c, a) for p, n, pts, c, a in rows]

    async def all_time_scores(self, team_id: int, limit: int) -> list[ScoreRow]:
        rows = await self.session.execute(
            select(
                ScoreTotal.player_id,
                Player.display_name,
                ScoreTotal.points,
                ScoreTotal.correct,
                ScoreTotal.answered,
            )
            .join(Player, Player.id == ScoreTotal.player_id)
            .where(ScoreTotal.team_id == team_id)
            .order_by(ScoreTotal.points.desc(), ScoreTotal.correct.desc(), ScoreTotal.player_id)
            .limit(limit)
        )
        return [ScoreRow(int(p), n, pts, c, a) for p, n, pts, c, a in rows]

    async def player_totals(self, team_id: int, player_id: int) -> PlayerTotals | None:
        row = (
            await self.session.execute(
                select(ScoreTotal, Player.display_name)
                .join(Player, Player.id == ScoreTotal.player_id)
                .where(ScoreTotal.team_id == team_id, ScoreTotal.player_id == player_id)
            )
        ).first()
        if row is None:
            return None
        t, name = row
        return PlayerTotals(
            player_id, name, t.points, t.correct, t.answered, t.streak, t.best_streak
        )

    async def week_row(self, team_id: int, player_id: int, week: date) -> ScoreRow | None:
        rows = await self.session.execute(
            select(
                ScoreWeekly.points, ScoreWeekly.correct, ScoreWeekly.answered, Player.display_name
            )
            .join(Player, Player.id == ScoreWeekly.player_id)
            .where(
                ScoreWeekly.team_id == team_id,
                ScoreWeekly.player_id == player_id,
                ScoreWeekly.week_start == week,
            )
        )
        row = rows.first()
        return (
            ScoreRow(player_id, row.display_name, row.points, row.correct, row.answered)
            if row
            else None
        )

    async def count_week_above(self, team_id: int, week: date, points: int) -> int:
        return int(
            (
                await self.session.execute(
                    select(func.count())
                    .select_from(ScoreWeekly)
                    .where(
                        ScoreWeekly.team_id == team_id,
                        ScoreWeekly.week_start == week,
                        ScoreWeekly.points > points,
                    )
                )
            ).scalar_one()
        )

    async def count_all_above(self, team_id: int, points: int) -> int:
        return int(
            (
                await self.session.execute(
                    select(func.count())
                    .select_from(ScoreTotal)
                    .where(ScoreTotal.team_id == team_id, ScoreTotal.points > points)
                )
            ).scalar_one()
        )


# --- row -> record conversions -----------------------------------------------------------------


def question_rec(q: Question) -> QuestionRec:
    return QuestionRec(
        id=q.id,
        uid=q.uid,
        topic=q.topic,
        prompt=q.prompt,
        choices=tuple(q.choices),
        answer=q.answer,
        kind=q.kind,
        explanation=q.explanation or "",
        source_file=q.source_file,
        source_line=q.source_line,
        lang=q.lang,
        status=q.status,
        team_id=q.team_id,
        bank=q.bank,
    )


def round_rec(r: Round) -> RoundRec:
    return RoundRec(
        id=r.id,
        team_id=r.team_id,
        channel_id=r.channel_id,
        status=RoundStatus(r.status),
        num_questions=r.num_questions,
        seconds=r.seconds,
        topic=r.topic,
        started_by=r.started_by,
        started_at=r.started_at,
        close_after_answers=r.close_after_answers,
        ended_at=r.ended_at,
    )


def rq_rec(r: RoundQuestion) -> RoundQuestionRec:
    return RoundQuestionRec(
        id=r.id,
        round_id=r.round_id,
        ordinal=r.ordinal,
        question_id=r.question_id,
        choice_order=tuple(r.choice_order),
        status=QuestionStatus(r.status),
        opens_at=r.opens_at,
        closes_at=r.closes_at,
        closed_at=r.closed_at,
        message_ref=r.message_ref,
        asked=Asked(r.question_id, r.prompt, tuple(r.choices), r.answer),
    )
