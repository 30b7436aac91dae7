"""SQL for question curation (list, edit, disable, import, statistics), as `unit.curation`.

Implements bot.core.curation.store.CurationStore; every read is scoped to one team (its own
questions plus the shared bank), so one team never sees or changes another team's questions."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import and_, bindparam, case, delete, exists, func, insert, or_, select, update
from sqlalchemy.sql import ColumnElement

from bot.core.curation.store import LIVE_STATUSES, AnswerRow, TeamQuestion
from bot.core.models import QuestionRec
from bot.db.records import question_rec, question_values
from bot.db.session import CHUNK, SqlStore, chunks
from bot.db.tables import (
    Answer,
    Question,
    Round,
    RoundQuestion,
    ScoreWeekly,
    TeamQuestionStatus,
)
from questions.bank import BankQuestion, fold_text

_REC_COLUMNS = (
    Question.id,
    Question.uid,
    Question.topic,
    Question.prompt,
    Question.choices,
    Question.answer,
    Question.kind,
    Question.explanation,
    Question.source_file,
    Question.source_line,
    Question.lang,
    Question.status,
    Question.team_id,
    Question.bank,
    Question.fact,
    Question.deck_id,
)


def _rec_of(row: Any) -> QuestionRec:
    """A row of _REC_COLUMNS (in QuestionRec's field order) as a QuestionRec; positional, as
    an import turns tens of thousands of them."""
    qid, uid, topic, prompt, choices, answer, kind, explanation, *rest = row
    return QuestionRec(
        qid, uid, topic, prompt, tuple(choices), answer, kind, explanation or "", *rest
    )


class SqlCurationStore(SqlStore):
    """Implements bot.core.curation.store.CurationStore."""

    async def prompt_exists(self, team_id: int, prompt: str) -> bool:
        """Exact duplicate (spacing and case aside) among the team's own questions."""
        key = fold_text(prompt)
        rows = await self.session.execute(
            select(Question.prompt).where(
                Question.team_id == team_id, Question.status.in_(LIVE_STATUSES)
            )
        )
        return any(fold_text(p) == key for (p,) in rows)

    async def insert_question(
        self, team_id: int, deck_id: int, q: BankQuestion, *, author: str | None, status: str
    ) -> QuestionRec:
        now = datetime.now(UTC)
        row = Question(
            uid=q.id,
            bank=f"team-{team_id}",
            deck_id=deck_id,
            team_id=team_id,
            **question_values(q),
            status=status,
            author=author,
            created_at=now,
            updated_at=now,
        )
        self.session.add(row)
        await self.session.flush()
        return question_rec(row)

    @staticmethod
    def _visible(team_id: int) -> ColumnElement[bool]:
        return or_(Question.team_id.is_(None), Question.team_id == team_id)

    @staticmethod
    def _effective_status(team_id: int) -> Any:
        """The row's status, except 'disabled' for a shared question this team switched off."""
        disabled = exists().where(
            TeamQuestionStatus.team_id == team_id,
            TeamQuestionStatus.question_id == Question.id,
            TeamQuestionStatus.status == "disabled",
        )
        return case(
            (and_(Question.team_id.is_(None), Question.status == "active", disabled), "disabled"),
            else_=Question.status,
        )

    async def team_question(self, team_id: int, ref: int | str) -> TeamQuestion | None:
        status = self._effective_status(team_id).label("eff")
        key = Question.id == ref if isinstance(ref, int) else Question.uid == ref
        row = (
            await self.session.execute(
                select(Question, status)
                .where(key, self._visible(team_id))
                .order_by(Question.team_id.is_(None))  # a uid names the team's own first
                .limit(1)
                .execution_options(populate_existing=True)
            )
        ).first()
        if row is None:
            return None
        q, eff = row
        return TeamQuestion(question_rec(q), str(eff), q.author)

    async def list_team_questions(
        self,
        team_id: int,
        *,
        topic: str | None,
        text: str | None,
        statuses: Collection[str],
        own_only: bool,
        offset: int,
        limit: int,
    ) -> tuple[list[TeamQuestion], int]:
        eff = self._effective_status(team_id)
        where: list[ColumnElement[bool]] = [
            Question.team_id == team_id if own_only else self._visible(team_id),
            eff.in_(list(statuses)),
        ]
        if topic:
            where.append(func.lower(Question.topic) == topic.strip().lower())
        if text:
            needle = text.strip()
            where.append(
                or_(
                    Question.prompt.icontains(needle, autoescape=True),
                    Question.uid.icontains(needle, autoescape=True),
                )
            )
        total = int(
            (
                await self.session.execute(select(func.count()).select_from(Question).where(*where))
            ).scalar_one()
        )
        rows = await self.session.execute(
            select(Question, eff.label("eff"))
            .where(*where)
            .order_by(Question.topic, Question.id)
            .offset(offset)
            .limit(limit)
        )
        return [TeamQuestion(question_rec(q), str(s), q.author) for q, s in rows], total

    async def update_question(self, question_id: int, fields: dict[str, Any], at: datetime) -> None:
        values = dict(fields)
        if "choices" in values:
            values["choices"] = list(values["choices"])
        await self.session.execute(
            update(Question)
            .where(Question.id == question_id)
            .values(**values, updated_at=at)
            .execution_options(synchronize_session=False)
        )

    async def set_question_status(self, question_id: int, status: str, at: datetime) -> None:
        await self.update_question(question_id, {"status": status}, at)

    async def set_team_question_status(
        self, team_id: int, question_id: int, status: str | None, at: datetime
    ) -> None:
        where = and_(
            TeamQuestionStatus.team_id == team_id, TeamQuestionStatus.question_id == question_id
        )
        await self.session.execute(delete(TeamQuestionStatus).where(where))
        if status is not None:
            self.session.add(
                TeamQuestionStatus(
                    team_id=team_id, question_id=question_id, status=status, updated_at=at
                )
            )
            await self.session.flush()

    async def own_questions(self, team_id: int) -> list[QuestionRec]:
        """Every question of the team's own, whatever its status (columns, not ORM objects:
        an import may compare tens of thousands)."""
        stmt = select(*_REC_COLUMNS).where(Question.team_id == team_id).order_by(Question.id)
        result = await self.session.stream(stmt.execution_options(yield_per=CHUNK))
        out: list[QuestionRec] = []
        async for rows in result.partitions():  # the event loop gets a turn between chunks
            out.extend(_rec_of(row) for row in rows)
        return out

    async def shared_questions_by_uid(self, uids: Collection[str]) -> dict[str, QuestionRec]:
        out: dict[str, QuestionRec] = {}
        for chunk in chunks(uids):
            rows = await self.session.execute(
                select(*_REC_COLUMNS).where(Question.team_id.is_(None), Question.uid.in_(chunk))
            )
            out.update((row.uid, _rec_of(row)) for row in rows)
        return out

    async def taken_uids(self, team_id: int, uids: Collection[str]) -> set[str]:
        out: set[str] = set()
        for chunk in chunks(uids):
            rows = await self.session.execute(
                select(Question.uid).where(Question.team_id == team_id, Question.uid.in_(chunk))
            )
            out.update(r[0] for r in rows)
        return out

    async def insert_questions(
        self,
        team_id: int,
        deck_id: int,
        questions: Sequence[BankQuestion],
        *,
        author: str,
        status: str,
    ) -> None:
        """Add many questions to a team, CHUNK rows a statement (any count stays far from the
        drivers' parameter limits, and the event loop gets a turn between chunks)."""
        now = datetime.now(UTC)
        for chunk in chunks(questions):
            rows = [
                {
                    "uid": q.id,
                    "bank": f"team-{team_id}",
                    "deck_id": deck_id,
                    "team_id": team_id,
                    **question_values(q),
                    "status": status,
                    "author": author,
                    "created_at": now,
                    "updated_at": now,
                }
                for q in chunk
            ]
            await self.session.execute(insert(Question), rows)

    async def update_questions(
        self, changes: Sequence[tuple[int, BankQuestion]], at: datetime
    ) -> None:
        """Write new content into existing questions (by database id), CHUNK rows at a time."""
        table: Any = Question.__table__
        fields = ("topic", "kind", "prompt", "choices", "answer", "explanation", "lang", "fact")
        stmt = (
            update(table)
            .where(table.c.id == bindparam("b_id"))
            .values({f: bindparam(f"b_{f}") for f in fields} | {"updated_at": at})
        )
        for chunk in chunks(changes):
            rows = [
                {"b_id": qid} | {f"b_{f}": v for f, v in question_values(q).items() if f in fields}
                for qid, q in chunk
            ]
            await self.session.execute(stmt, rows)

    async def own_prompts(self, team_id: int) -> dict[str, QuestionRec]:
        rows = await self.session.scalars(
            select(Question).where(
                Question.team_id == team_id,
                Question.status.in_(LIVE_STATUSES),
            )
        )
        return {fold_text(q.prompt): question_rec(q) for q in rows}

    async def usable_questions(self, team_id: int, *, own_only: bool) -> list[QuestionRec]:
        disabled = exists().where(
            TeamQuestionStatus.team_id == team_id,
            TeamQuestionStatus.question_id == Question.id,
            TeamQuestionStatus.status == "disabled",
        )
        owner = Question.team_id == team_id if own_only else self._visible(team_id)
        rows = await self.session.scalars(
            select(Question)
            .where(owner, Question.status == "active", ~disabled)
            .order_by(Question.topic, Question.id)
        )
        return [question_rec(q) for q in rows]

    async def team_answers(
        self, team_id: int, question_ids: Collection[int] | None = None
    ) -> list[AnswerRow]:
        stmt = (
            select(
                RoundQuestion.question_id,
                Answer.player_id,
                Answer.choice,
                Answer.correct,
                Answer.answered_at,
            )
            .join(RoundQuestion, RoundQuestion.id == Answer.round_question_id)
            .join(Round, Round.id == RoundQuestion.round_id)
            .where(Round.team_id == team_id)
            .order_by(Answer.id)
        )
        if question_ids is not None:
            stmt = stmt.where(RoundQuestion.question_id.in_(list(question_ids)))
        rows = await self.session.execute(stmt)
        return [AnswerRow(int(q), int(p), int(c), bool(ok), at) for q, p, c, ok, at in rows]

    async def times_asked(
        self, team_id: int, question_ids: Collection[int] | None = None
    ) -> dict[int, int]:
        """Questions put to a channel: round questions of this team's rounds that were opened."""
        stmt = (
            select(RoundQuestion.question_id, func.count())
            .join(Round, Round.id == RoundQuestion.round_id)
            .where(Round.team_id == team_id, RoundQuestion.opens_at.is_not(None))
            .group_by(RoundQuestion.question_id)
        )
        if question_ids is not None:
            stmt = stmt.where(RoundQuestion.question_id.in_(list(question_ids)))
        return {int(q): int(n) for q, n in await self.session.execute(stmt)}

    async def week_points(
        self, team_id: int, weeks: Collection[date] | None = None
    ) -> dict[tuple[int, date], int]:
        stmt = select(ScoreWeekly.player_id, ScoreWeekly.week_start, ScoreWeekly.points).where(
            ScoreWeekly.team_id == team_id
        )
        if weeks is not None:
            if not weeks:
                return {}
            stmt = stmt.where(ScoreWeekly.week_start.in_(list(weeks)))
        return {(int(p), w): int(pts) for p, w, pts in await self.session.execute(stmt)}
