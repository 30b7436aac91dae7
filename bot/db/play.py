"""SQL for play: the questions a team may be asked, rounds and their questions as guarded
transitions, answers and scores (implements bot.core.play.store.PlayStore, as `unit.play`).
The answer path's statements are built once per dialect in hot_statements.py."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime
from functools import cache
from types import SimpleNamespace
from typing import Any

from sqlalchemy import Select, and_, exists, func, or_, select, text, update
from sqlalchemy.dialects import postgresql
from sqlalchemy.exc import IntegrityError
from sqlalchemy.sql import ColumnElement

from bot.core.decks.store import DeckRec, TopicCount
from bot.core.models import (
    AnswerContext,
    AnswerRec,
    ChannelDefaults,
    NewAnswer,
    NewRound,
    PlayerTotals,
    QuestionRec,
    QuestionStatus,
    RoundQuestionRec,
    RoundRec,
    RoundStatus,
    ScoreRow,
)
from bot.core.play.answering import is_full
from bot.core.play.store import (
    Advanced,
    AnswerReads,
    AnswersWritten,
    Close,
    Move,
    Place,
    StartReads,
    SummaryReads,
)
from bot.core.study.memory import Memory
from bot.core.study.store import MemoryRow
from bot.db import hot_statements as hot
from bot.db.decks import SqlDeckStore
from bot.db.records import (
    answer_context,
    answer_reads,
    memory_of,
    memory_values,
    question_rec,
    round_rec,
    rq_rec,
)
from bot.db.session import SqlStore
from bot.db.tables import (
    Player,
    Question,
    Round,
    RoundQuestion,
    ScoreTotal,
    ScoreWeekly,
    Team,
    TeamQuestionStatus,
)
from bot.db.teams import IdentityCache, SqlTeamStore


def week_score_rows(team_id: int, week: date) -> Select[int, str, int, int, int]:
    """Each player's points, right answers and answers in the team's week, with their name."""
    return (
        select(
            ScoreWeekly.player_id,
            Player.display_name,
            ScoreWeekly.points,
            ScoreWeekly.correct,
            ScoreWeekly.answered,
        )
        .join(Player, Player.id == ScoreWeekly.player_id)
        .where(ScoreWeekly.team_id == team_id, ScoreWeekly.week_start == week)
    )


def board_order(board: type[ScoreWeekly] | type[ScoreTotal]) -> tuple[Any, ...]:
    """A leaderboard's order: points, then right answers, then the older player first. The
    boards' indexes (tables.py) hold their rows in this order, so a top N reads N rows."""
    return (board.points.desc(), board.correct.desc(), board.player_id)


def week_top(team_id: int, week: date, limit: int) -> Select[int, str, int, int, int]:
    """The team's `limit` best players of the week, best first."""
    return week_score_rows(team_id, week).order_by(*board_order(ScoreWeekly)).limit(limit)


def all_time_top(team_id: int, limit: int) -> Select[int, str, int, int, int]:
    """The team's `limit` best players of all time, best first."""
    return (
        select(
            ScoreTotal.player_id,
            Player.display_name,
            ScoreTotal.points,
            ScoreTotal.correct,
            ScoreTotal.answered,
        )
        .join(Player, Player.id == ScoreTotal.player_id)
        .where(ScoreTotal.team_id == team_id)
        .order_by(*board_order(ScoreTotal))
        .limit(limit)
    )


@cache
def summary_reads_pg() -> Any:
    """Round summaries' reads in one statement (PostgreSQL): a row per round (its questions
    closed, each player's points, right answers and answers in it, as arrays) and a row per
    (team, week) with its best players in board order, as arrays."""
    pg: Any = postgresql.dialect()  # type: ignore[no-untyped-call]
    order = ", ".join(str(c.compile(dialect=pg)) for c in board_order(ScoreWeekly))
    return text(
        f"""
SELECT r.id AS round_id, NULL AS team_id, NULL AS week,
       (SELECT count(*) FROM round_questions q
        WHERE q.round_id = r.id AND q.status = 'closed') AS asked,
       s.players, s.names, s.points, s.corrects, s.answered
FROM unnest(CAST(:round_ids AS BIGINT[])) AS r(id)
CROSS JOIN LATERAL (
    SELECT array_agg(g.player_id) AS players, array_agg(g.display_name) AS names,
           array_agg(g.points) AS points, array_agg(g.correct) AS corrects,
           array_agg(g.answered) AS answered
    FROM (
        SELECT a.player_id, p.display_name, sum(a.points) AS points,
               sum(CASE WHEN a.correct THEN 1 ELSE 0 END) AS correct, count(*) AS answered
        FROM answers a
        JOIN round_questions rq ON rq.id = a.round_question_id
        JOIN players p ON p.id = a.player_id
        WHERE rq.round_id = r.id
        GROUP BY a.player_id, p.display_name
    ) g
) s
UNION ALL
SELECT NULL, w.team_id, w.week, NULL, b.players, b.names, b.points, b.corrects, b.answered
FROM unnest(CAST(:team_ids AS BIGINT[]), CAST(:weeks AS DATE[])) AS w(team_id, week)
CROSS JOIN LATERAL (
    SELECT array_agg(x.player_id ORDER BY x.n) AS players,
           array_agg(x.display_name ORDER BY x.n) AS names,
           array_agg(x.points ORDER BY x.n) AS points,
           array_agg(x.correct ORDER BY x.n) AS corrects,
           array_agg(x.answered ORDER BY x.n) AS answered
    FROM (
        SELECT scores_weekly.player_id, players.display_name, scores_weekly.points,
               scores_weekly.correct, scores_weekly.answered,
               row_number() OVER (ORDER BY {order}) AS n
        FROM scores_weekly JOIN players ON players.id = scores_weekly.player_id
        WHERE scores_weekly.team_id = w.team_id AND scores_weekly.week_start = w.week
        ORDER BY {order}
        LIMIT :top
    ) x
) b
"""
    )


class SqlPlayStore(SqlStore):
    """Implements bot.core.play.store.PlayStore."""

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

    async def candidate_questions(
        self, team_id: int, deck_ids: Sequence[int], topics: Sequence[str]
    ) -> list[tuple[QuestionRec, datetime | None]]:
        last_asked = (
            select(func.max(RoundQuestion.opens_at))
            .join(Round, Round.id == RoundQuestion.round_id)
            .where(RoundQuestion.question_id == Question.id, Round.team_id == team_id)
            .scalar_subquery()
        )
        stmt = select(Question, last_asked.label("last_asked")).where(
            self.usable(team_id), Question.deck_id.in_(list(deck_ids))
        )
        if topics:
            stmt = stmt.where(Question.topic.in_(list(topics)))
        rows = await self.session.execute(stmt.order_by(Question.id))
        return [(question_rec(q), last) for q, last in rows]

    async def question(self, question_id: int) -> QuestionRec | None:
        q = await self.session.get(Question, question_id)
        return question_rec(q) if q else None

    async def running_round(self, channel_id: int) -> RoundRec | None:
        r = await self._scalar(
            select(Round).where(
                Round.channel_id == channel_id, Round.status == "running", Round.daily.is_(False)
            )
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
            daily=new.daily,
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

    async def start_reads(self, team_id: int, channel_id: int) -> StartReads:
        """See PlayStore.start_reads: one statement on PostgreSQL; on SQLite the feature
        stores' own reads."""
        if self.dialect != "postgresql":
            teams = SqlTeamStore(self.session, IdentityCache(), self.dialect)
            decks_store = SqlDeckStore(self.session, self.dialect)
            decks = await decks_store.team_decks(team_id)
            return StartReads(
                running=await self.running_round(channel_id) is not None,
                defaults=await teams.channel_defaults(channel_id),
                team_default_deck=(await teams.team_settings(team_id)).default_deck_id,
                decks=decks,
                topics=await decks_store.topic_counts(team_id, [d.id for d in decks]),
            )
        params = {"team_id": team_id, "channel_id": channel_id}
        row = (await self._core(hot.START_READS_PG, params)).one()
        decks = [
            DeckRec(*fields)
            for fields in zip(
                row.deck_ids or (), row.deck_team_ids or (), row.deck_names or (),
                row.deck_statuses or (), row.deck_kinds or (), row.deck_source_names or (),
                row.deck_hashes or (), row.deck_created or (), row.deck_updated or (),
                row.deck_counts or (), strict=True,
            )
        ]  # fmt: skip
        topics = [
            TopicCount(int(d), t, int(n))
            for d, t, n in zip(
                row.topic_decks or (), row.topic_names or (), row.topic_counts or (), strict=True
            )
        ]
        defaults = ChannelDefaults(
            row.questions, row.seconds, row.topic, row.deck_id, row.deck_name
        )
        return StartReads(bool(row.running), defaults, row.default_deck_id, decks, topics)

    async def create_and_open(
        self, new: NewRound, opens_at: datetime, closes_at: datetime
    ) -> tuple[RoundRec, RoundQuestionRec] | None:
        """See PlayStore.create_and_open: one statement on PostgreSQL."""
        if self.dialect != "postgresql":
            created = await self.create_round(new)
            if created is None:
                return None
            first = (await self.round_questions(created.id))[0]
            await self.open_question(first.id, opens_at, closes_at)
            return created, replace(
                first, status=QuestionStatus.OPEN, opens_at=opens_at, closes_at=closes_at
            )
        params = {
            "team_id": new.team_id,
            "channel_id": new.channel_id,
            "num_questions": new.num_questions,
            "seconds": new.seconds,
            "topic": new.topic,
            "started_by": new.started_by,
            "close_after_answers": new.close_after_answers,
            "started_at": new.started_at,
            "daily": new.daily,
            "opens_at": opens_at,
            "closes_at": closes_at,
            "question_ids": [asked.question_id for asked, _ in new.questions],
            "prompts": [asked.prompt for asked, _ in new.questions],
            "choices": [json.dumps(list(asked.choices)) for asked, _ in new.questions],
            "answers": [asked.answer for asked, _ in new.questions],
            "orders": [json.dumps(list(order)) for _, order in new.questions],
        }
        try:
            row = (await self._core(hot.CREATE_ROUND_PG, params)).one()
        except IntegrityError:
            return None  # another round became running in this channel first
        fields = row._mapping
        rnd: Any = SimpleNamespace(
            id=row.round_id, **{c: fields[hot.ROUND + c] for c in hot.ROUND_COLUMNS}
        )
        return round_rec(rnd), rq_rec(row)

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
        return rq_id in await self.open_questions([(rq_id, opens_at, closes_at)])

    async def open_questions(self, opens: Sequence[tuple[int, datetime, datetime]]) -> set[int]:
        """Open those still pending (question, opens at, closes at); returns those opened. One
        statement per distinct pair of times (a batch's questions mostly share one)."""
        by_times: dict[tuple[datetime, datetime], list[int]] = {}
        for rq_id, opens_at, closes_at in opens:
            by_times.setdefault((opens_at, closes_at), []).append(rq_id)
        opened: set[int] = set()
        for (opens_at, closes_at), ids in by_times.items():
            params = {"ids": sorted(ids), "opens": opens_at, "closes": closes_at}
            opened.update(
                int(r[0]) for r in await self._core(hot.open_questions(self.dialect), params)
            )
        return opened

    async def close_question(self, rq_id: int, now: datetime) -> bool:
        return bool(await self.close_questions([(rq_id, now)]))

    async def close_questions(
        self, closes: Sequence[tuple[int, datetime]]
    ) -> list[RoundQuestionRec]:
        """Close those still open (question, when); returns them as closed, in id order. One
        statement per distinct time (a batch's questions mostly share one: see
        hot_statements.close_questions for the order of its locks)."""
        by_time: dict[datetime, list[int]] = {}
        for rq_id, at in closes:
            by_time.setdefault(at, []).append(rq_id)
        if len(by_time) > 1 and self.dialect == "postgresql":
            ids = sorted({rq_id for rq_id, _ in closes})
            await self._core(hot.lock_open_questions(self.dialect), {"ids": ids})
        closed: list[RoundQuestionRec] = []
        for at, group in by_time.items():
            params = {"ids": sorted(group), "at": at}
            closed.extend(
                rq_rec(r) for r in await self._core(hot.close_questions(self.dialect), params)
            )
        return sorted(closed, key=lambda rq: rq.id)

    async def rounds_with_next(
        self, round_ids: Sequence[int]
    ) -> dict[int, tuple[RoundRec, RoundQuestionRec | None]]:
        """Each of these rounds with its next question to ask (None: none left), in one query."""
        out: dict[int, tuple[RoundRec, RoundQuestionRec | None]] = {}
        for row in await self._core(hot.rounds_with_next(self.dialect), {"ids": sorted(round_ids)}):
            if int(row.id) in out:
                continue  # a later question of a round already listed
            nxt: Any = SimpleNamespace(
                **{k[len(hot.NEXT) :]: v for k, v in row._mapping.items() if k.startswith(hot.NEXT)}
            )
            out[int(row.id)] = (round_rec(row), rq_rec(nxt) if nxt.id is not None else None)
        return out

    async def question_places(self, rq_ids: Sequence[int]) -> dict[int, Place]:
        rows = await self._core(hot.question_places(self.dialect), {"ids": sorted(rq_ids)})
        return {
            int(r.id): Place(int(r.id), int(r.round_id), r.ordinal, r.num_questions, r.seconds)
            for r in rows
        }

    async def advance(self, closes: Sequence[Close], moves: Sequence[Move]) -> Advanced:
        """See PlayStore.advance: one statement on PostgreSQL; on SQLite, whose transaction
        holds the database's write lock from its start, a few for the whole batch."""
        if self.dialect == "postgresql":
            return await self._advance_pg(closes, moves)
        limited = sorted({c.rq_id for c in closes if c.fill_limit is not None})
        counts = await self.answer_counts(limited) if limited else {}
        closed = (
            await self.close_questions(
                [
                    (c.rq_id, c.at)
                    for c in closes
                    if c.fill_limit is None or is_full(c.fill_limit, counts.get(c.rq_id, 0))
                ]
            )
            if closes
            else []
        )
        if not closed:
            return Advanced([], {}, {}, set())
        with_next = await self.rounds_with_next(sorted({rq.round_id for rq in closed}))
        done = {rq.id for rq in closed}
        running = [
            m
            for m in moves
            if m.after in done
            and m.round_id in with_next
            and with_next[m.round_id][0].status == RoundStatus.RUNNING
        ]
        pending = {m.after: with_next[m.round_id][1] for m in running}
        opening = {
            after: nxt.id
            for m in running
            if m.next_ordinal is not None
            and (nxt := pending[(after := m.after)]) is not None
            and nxt.ordinal == m.next_ordinal
        }
        times = {m.after: (m.at, m.closes_at) for m in running}
        opened_ids = await self.open_questions(
            [(rq_id, *times[after]) for after, rq_id in opening.items()]  # type: ignore[misc]
        )
        opened: dict[int, RoundQuestionRec] = {}
        for after, rq_id in opening.items():
            nxt = pending[after]
            if rq_id in opened_ids and nxt is not None:
                at, closes_at = times[after]
                opened[after] = replace(
                    nxt, status=QuestionStatus.OPEN, opens_at=at, closes_at=closes_at
                )
        finishing = [(m.round_id, m.at) for m in running if m.next_ordinal is None]
        ended = await self.end_rounds(finishing, RoundStatus.FINISHED) if finishing else set()
        rounds = {round_id: rnd for round_id, (rnd, _) in with_next.items()}
        after_of = {m.round_id: m.after for m in running}
        return Advanced(closed, rounds, opened, {after_of[r] for r in ended})

    async def _advance_pg(self, closes: Sequence[Close], moves: Sequence[Move]) -> Advanced:
        params = {
            "ids": [c.rq_id for c in closes],
            "ats": [c.at for c in closes],
            "limits": [c.fill_limit for c in closes],
            "round_ids": [m.round_id for m in moves],
            "afters": [m.after for m in moves],
            "next_ordinals": [m.next_ordinal for m in moves],
            "move_ats": [m.at for m in moves],
            "move_closes": [m.closes_at for m in moves],
        }
        closed: list[RoundQuestionRec] = []
        rounds: dict[int, RoundRec] = {}
        opened: dict[int, RoundQuestionRec] = {}
        ended: set[int] = set()
        timezones: dict[int, str] = {}
        for row in await self._core(hot.ADVANCE_PG, params):
            fields = row._mapping
            rq = rq_rec(row)
            closed.append(rq)
            rnd: Any = SimpleNamespace(
                id=rq.round_id, **{c: fields[hot.ROUND + c] for c in hot.ROUND_COLUMNS}
            )
            rounds[rq.round_id] = round_rec(rnd)
            if fields[hot.NEXT + "id"] is not None:
                nxt: Any = SimpleNamespace(
                    **{k[len(hot.NEXT) :]: v for k, v in fields.items() if k.startswith(hot.NEXT)}
                )
                opened[rq.id] = rq_rec(nxt)
            if row.ended:
                ended.add(rq.id)
            timezones[rq.round_id] = row.timezone or "UTC"
        return Advanced(closed, rounds, opened, ended, timezones)

    async def reveal_reads(
        self, rq_ids: Sequence[int], question_ids: Sequence[int]
    ) -> tuple[dict[int, QuestionRec], dict[int, list[AnswerRec]]]:
        if self.dialect != "postgresql":
            return await self.questions(question_ids), await self.answers_to(rq_ids)
        params = {"rq_ids": sorted(rq_ids), "question_ids": sorted(question_ids)}
        questions: dict[int, QuestionRec] = {}
        answers: dict[int, list[AnswerRec]] = {}
        for row in await self._core(hot.REVEAL_READS_PG, params):
            if row.rq_id is None:
                questions[int(row.id)] = question_rec(row)
            elif row.a_players is not None:
                answers[int(row.rq_id)] = [
                    AnswerRec(*fields)
                    for fields in zip(
                        row.a_players, row.a_names, row.a_choices, row.a_corrects,
                        row.a_points, row.a_latencies, strict=True,
                    )
                ]  # fmt: skip
        return questions, answers

    async def summary_reads(
        self, round_ids: Sequence[int], weeks: Sequence[tuple[int, date]], top: int
    ) -> SummaryReads:
        if self.dialect != "postgresql":
            return SummaryReads(
                await self.rounds_scores(round_ids),
                await self.closed_counts(round_ids),
                {(t, w): await self.week_scores(t, w, top) for t, w in weeks},
            )
        params = {
            "round_ids": sorted(round_ids),
            "team_ids": [t for t, _ in weeks],
            "weeks": [w for _, w in weeks],
            "top": top,
        }
        scores: dict[int, list[ScoreRow]] = {}
        asked: dict[int, int] = {}
        tops: dict[tuple[int, date], list[ScoreRow]] = {}
        for row in await self._core(summary_reads_pg(), params):
            rows = [
                ScoreRow(int(p), n, int(pts), int(c), int(a))
                for p, n, pts, c, a in zip(
                    row.players or (), row.names or (), row.points or (), row.corrects or (),
                    row.answered or (), strict=True,
                )
            ]  # fmt: skip
            if row.round_id is not None:
                scores[int(row.round_id)] = rows
                asked[int(row.round_id)] = int(row.asked)
            else:
                tops[(int(row.team_id), row.week)] = rows
        return SummaryReads(scores, asked, tops)

    async def closed_counts(self, round_ids: Sequence[int]) -> dict[int, int]:
        rows = await self._core(hot.closed_counts(self.dialect), {"ids": sorted(round_ids)})
        return {int(round_id): int(n) for round_id, n in rows}

    async def skip_pending(self, round_id: int) -> int:
        return await self._transition(
            RoundQuestion,
            [RoundQuestion.round_id == round_id, RoundQuestion.status == "pending"],
            {"status": "skipped"},
        )

    async def end_round(self, round_id: int, status: RoundStatus, now: datetime) -> bool:
        return round_id in await self.end_rounds([(round_id, now)], status)

    async def end_rounds(
        self, ends: Sequence[tuple[int, datetime]], status: RoundStatus
    ) -> set[int]:
        """End those still running (round, when) with `status`; returns those ended."""
        by_time: dict[datetime, list[int]] = {}
        for round_id, at in ends:
            by_time.setdefault(at, []).append(round_id)
        ended: set[int] = set()
        for at, ids in by_time.items():
            params = {"ids": sorted(ids), "at": at, "new_status": str(status)}
            ended.update(int(r[0]) for r in await self._core(hot.end_rounds(self.dialect), params))
        return ended

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

    async def set_message_refs(self, refs: Sequence[tuple[int, str]]) -> None:
        """Posted cards' message references (question, reference), in one executemany."""
        if refs:
            params = [{"rq_id": rq_id, "ref": ref} for rq_id, ref in refs]
            await self._core(hot.set_message_ref(self.dialect), params)

    async def answer_reads(self, clicks: Sequence[tuple[int, int]]) -> AnswerReads:
        """What a batch of (round question, player) clicks needs: one statement on
        PostgreSQL, three on SQLite."""
        if self.dialect == "postgresql":
            params = {
                "rq_ids": [c[0] for c in clicks],
                "player_ids": [c[1] for c in clicks],
                "question_ids": sorted({c[0] for c in clicks}),
            }
            return answer_reads(await self._core(hot.ANSWER_READS_PG, params))
        contexts = await self._answer_contexts(sorted({rq for rq, _ in clicks}))
        players = sorted({player for _, player in clicks})
        earlier: dict[tuple[int, int], dict[int, bool]] = {}
        if contexts and players:
            params = {
                "round_ids": sorted({c.round.id for c in contexts.values()}),
                "player_ids": players,
            }
            for round_id, player_id, ordinal, correct in await self._core(
                hot.round_results(self.dialect), params
            ):
                earlier.setdefault((round_id, player_id), {})[ordinal] = bool(correct)
        wanted = {(player, contexts[rq].rq.question_id) for rq, player in clicks if rq in contexts}
        memories: dict[tuple[int, int], Memory] = {}
        if wanted:
            params = {
                "player_ids": sorted({p for p, _ in wanted}),
                "question_ids": sorted({q for _, q in wanted}),
            }
            for row in await self._core(hot.study_memories(self.dialect), params):
                if (row.player_id, row.question_id) in wanted:
                    memories[(row.player_id, row.question_id)] = memory_of(row)
        return AnswerReads(contexts, earlier, memories)

    async def _answer_contexts(self, rq_ids: Sequence[int]) -> dict[int, AnswerContext]:
        rows = await self._core(hot.answer_contexts(self.dialect), {"ids": list(rq_ids)})
        return {row.id: answer_context(row) for row in rows}

    async def write_answers(
        self, rows: Sequence[NewAnswer], memories: Sequence[MemoryRow]
    ) -> AnswersWritten:
        """Write the new answers to open questions with their scores and memories (see
        PlayStore.write_answers): one statement on PostgreSQL; on SQLite, whose transaction
        holds the database's write lock from its start, a few per answer."""
        if not rows:
            return AnswersWritten(set(), set())
        if self.dialect == "postgresql":
            return await self._write_answers_pg(rows, memories)
        ids = sorted({row.rq_id for row in rows})
        open_ids = {int(r[0]) for r in await self._core(hot.open_among(self.dialect), {"ids": ids})}
        written: set[tuple[int, int]] = set()
        for row, memory in zip(rows, memories, strict=True):
            if row.rq_id in open_ids and await self._insert_answer(row):
                written.add((row.rq_id, row.player_id))
                await self._add_score(row)
                await self._core(hot.save_memory(self.dialect), memory_values(memory))
        return AnswersWritten(written, set(ids) - open_ids)

    async def _write_answers_pg(
        self, rows: Sequence[NewAnswer], memories: Sequence[MemoryRow]
    ) -> AnswersWritten:
        params = {
            "asked": sorted({r.rq_id for r in rows}),
            "rq_ids": [r.rq_id for r in rows],
            "team_ids": [r.team_id for r in rows],
            "player_ids": [r.player_id for r in rows],
            "choices": [r.choice for r in rows],
            "corrects": [r.correct for r in rows],
            "points": [r.points for r in rows],
            "latencies": [r.latency_ms for r in rows],
            "ats": [r.at for r in rows],
            "weeks": [r.week for r in rows],
            "question_ids": [m.question_id for m in memories],
            "states": [m.memory.state for m in memories],
            "steps": [m.memory.step for m in memories],
            "stabilities": [m.memory.stability for m in memories],
            "difficulties": [m.memory.difficulty for m in memories],
            "dues": [m.memory.due for m in memories],
            "last_reviews": [m.memory.last_review for m in memories],
            "times_answered": [m.memory.answered for m in memories],
            "times_correct": [m.memory.correct for m in memories],
        }
        written: set[tuple[int, int]] = set()
        closed: set[int] = set()
        for rq_id, player_id in await self._core(hot.WRITE_ANSWERS_PG, params):
            if player_id is None:
                closed.add(int(rq_id))
            else:
                written.add((int(rq_id), int(player_id)))
        return AnswersWritten(written, closed)

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
        return (await self.answers_to([rq_id])).get(rq_id, [])

    async def answers_to(self, rq_ids: Sequence[int]) -> dict[int, list[AnswerRec]]:
        """The answers to each of these questions, in the order written (unanswered ones are
        absent)."""
        out: dict[int, list[AnswerRec]] = {}
        rows = await self._core(hot.answers_with_names(self.dialect), {"ids": sorted(rq_ids)})
        for rq_id, *fields in rows:
            out.setdefault(int(rq_id), []).append(AnswerRec(*fields))
        return out

    async def round_scores(self, round_id: int) -> list[ScoreRow]:
        return (await self.rounds_scores([round_id])).get(round_id, [])

    async def rounds_scores(self, round_ids: Sequence[int]) -> dict[int, list[ScoreRow]]:
        """Each player's points, right and all answers in each of these rounds."""
        out: dict[int, list[ScoreRow]] = {}
        rows = await self._core(hot.round_scores(self.dialect), {"ids": sorted(round_ids)})
        for round_id, p, n, pts, c, a in rows:
            out.setdefault(int(round_id), []).append(ScoreRow(int(p), n, int(pts), int(c), int(a)))
        return out

    async def questions(self, question_ids: Sequence[int]) -> dict[int, QuestionRec]:
        rows = await self._core(hot.questions_by_id(self.dialect), {"ids": sorted(question_ids)})
        return {int(r.id): question_rec(r) for r in rows}

    async def week_scores(self, team_id: int, week: date, limit: int) -> list[ScoreRow]:
        rows = await self.session.execute(week_top(team_id, week, limit))
        return [ScoreRow(int(p), n, pts, c, a) for p, n, pts, c, a in rows]

    async def all_time_scores(self, team_id: int, limit: int) -> list[ScoreRow]:
        rows = await self.session.execute(all_time_top(team_id, limit))
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
