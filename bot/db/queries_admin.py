"""SQL for question curation (list, edit, disable, import, statistics, history).

A mixin of SqlUnit: the methods run inside the unit's transaction (`self.session`). It implements
bot.core.admin_ports.AdminUnit; every read is scoped to one team (its own questions plus the
shared bank), so one team never sees or changes another team's questions.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, datetime
from typing import Any

from sqlalchemy import and_, case, delete, exists, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql import ColumnElement

from bot.core.admin_ports import AdminActionRec, AnswerRow, TeamQuestion
from bot.core.models import QuestionRec
from bot.db.tables import (
    AdminAction,
    Answer,
    Question,
    Round,
    RoundQuestion,
    ScoreWeekly,
    TeamQuestionStatus,
)


def _fold(prompt: str) -> str:
    return " ".join(prompt.split()).casefold()


def _rec(q: Question) -> QuestionRec:
    from bot.db.repository import question_rec

    return question_rec(q)


class AdminQueries:
    session: AsyncSession
    dialect: str

    # --- what a team sees ----------------------------------------------------------------------

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
                .execution_options(populate_existing=True)
            )
        ).first()
        if row is None:
            return None
        q, eff = row
        return TeamQuestion(_rec(q), str(eff), q.author)

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
        return [TeamQuestion(_rec(q), str(s), q.author) for q, s in rows], total

    # --- changes -------------------------------------------------------------------------------

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

    # --- import support ------------------------------------------------------------------------

    async def own_questions_by_uid(
        self, team_id: int, uids: Collection[str]
    ) -> dict[str, QuestionRec]:
        if not uids:
            return {}
        rows = await self.session.scalars(
            select(Question).where(Question.team_id == team_id, Question.uid.in_(list(uids)))
        )
        return {q.uid: _rec(q) for q in rows}

    async def visible_questions_by_uid(
        self, team_id: int, uids: Collection[str]
    ) -> dict[str, QuestionRec]:
        if not uids:
            return {}
        rows = await self.session.scalars(
            select(Question).where(self._visible(team_id), Question.uid.in_(list(uids)))
        )
        return {q.uid: _rec(q) for q in rows}

    async def taken_uids(self, uids: Collection[str]) -> set[str]:
        if not uids:
            return set()
        rows = await self.session.execute(select(Question.uid).where(Question.uid.in_(list(uids))))
        return {r[0] for r in rows}

    async def own_prompts(self, team_id: int) -> dict[str, QuestionRec]:
        rows = await self.session.scalars(
            select(Question).where(
                Question.team_id == team_id,
                Question.status.in_(("active", "disabled", "pending")),
            )
        )
        return {_fold(q.prompt): _rec(q) for q in rows}

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
        return [_rec(q) for q in rows]

    # --- statistics ----------------------------------------------------------------------------

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
        self, team_id: int, weeks: Collection[date]
    ) -> dict[tuple[int, date], int]:
        if not weeks:
            return {}
        rows = await self.session.execute(
            select(ScoreWeekly.player_id, ScoreWeekly.week_start, ScoreWeekly.points).where(
                ScoreWeekly.team_id == team_id, ScoreWeekly.week_start.in_(list(weeks))
            )
        )
        return {(int(p), w): int(pts) for p, w, pts in rows}

    # --- history -------------------------------------------------------------------------------

    async def admin_actions(self, team_id: int, limit: int) -> list[AdminActionRec]:
        rows = await self.session.execute(
            select(AdminAction, Question.uid)
            .outerjoin(Question, Question.id == AdminAction.question_id)
            .where(AdminAction.team_id == team_id)
            .order_by(AdminAction.at.desc(), AdminAction.id.desc())
            .limit(limit)
        )
        return [
            AdminActionRec(a.id, a.actor, a.action, a.question_id, uid, dict(a.detail or {}), a.at)
            for a, uid in rows
        ]
