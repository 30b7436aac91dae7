"""SQL for study: players' FSRS cards, review answers, what is due, mastery per topic (implements
bot.core.study.store.StudyStore, as `unit.study`). The answer path's two statements are built
once per dialect in hot_statements.py."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import case, func, or_, select, update

from bot.core.models import QuestionRec
from bot.core.study.memory import Memory
from bot.core.study.store import MemoryRow
from bot.core.study.views import TopicMastery
from bot.db import hot_statements as hot
from bot.db.play import SqlPlayStore
from bot.db.records import question_rec
from bot.db.session import SqlStore
from bot.db.tables import Answer, Player, Question, StudyCard, StudyReview


def _memory(row: Any) -> Memory:
    return Memory(
        state=int(row.state),
        step=row.step,
        stability=row.stability,
        difficulty=row.difficulty,
        due=row.due,
        last_review=row.last_review,
        answered=int(row.answered),
        correct=int(row.correct),
    )


def _values(row: MemoryRow) -> dict[str, Any]:
    m = row.memory
    return {
        "player_id": row.player_id,
        "question_id": row.question_id,
        "team_id": row.team_id,
        "state": m.state,
        "step": m.step,
        "stability": m.stability,
        "difficulty": m.difficulty,
        "due": m.due,
        "last_review": m.last_review,
        "answered": m.answered,
        "correct": m.correct,
    }


class SqlStudyStore(SqlStore):
    """Implements bot.core.study.store.StudyStore."""

    async def memories(self, pairs: Sequence[tuple[int, int]]) -> dict[tuple[int, int], Memory]:
        wanted = set(pairs)
        if not wanted:
            return {}
        params = {
            "player_ids": sorted({p for p, _ in wanted}),
            "question_ids": sorted({q for _, q in wanted}),
        }
        rows = await self._core(hot.study_memories(self.dialect), params)
        return {
            (r.player_id, r.question_id): _memory(r)
            for r in rows
            if (r.player_id, r.question_id) in wanted
        }

    async def save_memories(self, rows: Sequence[MemoryRow]) -> None:
        if rows:
            await self._core(hot.save_memory(self.dialect), [_values(r) for r in rows])

    async def replace_memory(self, row: MemoryRow, expected_answered: int) -> bool:
        values = _values(row)
        for key in ("player_id", "question_id", "team_id"):
            values.pop(key)
        result = await self.session.execute(
            update(StudyCard)
            .where(
                StudyCard.player_id == row.player_id,
                StudyCard.question_id == row.question_id,
                StudyCard.answered == expected_answered,
            )
            .values(**values)
            .execution_options(synchronize_session=False)
        )
        return int(result.rowcount or 0) == 1  # type: ignore[attr-defined]

    async def due_reviews(
        self, team_id: int, player_id: int, horizon: datetime, reviewed_before: datetime, limit: int
    ) -> list[tuple[QuestionRec, Memory]]:
        rows = await self.session.execute(
            select(Question, StudyCard)
            .join(StudyCard, StudyCard.question_id == Question.id)
            .where(
                StudyCard.player_id == player_id,
                StudyCard.team_id == team_id,
                StudyCard.due < horizon,
                or_(StudyCard.last_review.is_(None), StudyCard.last_review < reviewed_before),
                SqlPlayStore.usable(team_id),
            )
            .order_by(StudyCard.due, Question.id)
            .limit(limit)
        )
        return [(question_rec(q), _memory(c)) for q, c in rows]

    async def next_due(self, team_id: int, player_id: int, after: datetime) -> datetime | None:
        due: datetime | None = await self._scalar(
            select(func.min(StudyCard.due))
            .join(Question, Question.id == StudyCard.question_id)
            .where(
                StudyCard.player_id == player_id,
                StudyCard.team_id == team_id,
                StudyCard.due > after,
                SqlPlayStore.usable(team_id),
            )
        )
        return due

    async def record_review(
        self, team_id: int, player_id: int, question_id: int, correct: bool, at: datetime
    ) -> None:
        self.session.add(
            StudyReview(
                team_id=team_id,
                player_id=player_id,
                question_id=question_id,
                correct=correct,
                at=at,
            )
        )
        await self.session.flush()

    async def answer_moments(self, team_id: int, player_id: int, since: datetime) -> list[datetime]:
        answered = await self.session.scalars(
            select(Answer.answered_at).where(
                Answer.player_id == player_id, Answer.answered_at >= since
            )
        )
        reviewed = await self.session.scalars(
            select(StudyReview.at).where(
                StudyReview.player_id == player_id,
                StudyReview.team_id == team_id,
                StudyReview.at >= since,
            )
        )
        return [*answered, *reviewed]

    async def mastery(self, team_id: int, player_id: int, horizon: datetime) -> list[TopicMastery]:
        rows = await self.session.execute(
            select(
                Question.topic,
                func.count(),
                func.sum(StudyCard.answered),
                func.sum(StudyCard.correct),
                func.sum(case((StudyCard.due < horizon, 1), else_=0)),
            )
            .join(StudyCard, StudyCard.question_id == Question.id)
            .where(
                StudyCard.player_id == player_id,
                StudyCard.team_id == team_id,
                SqlPlayStore.usable(team_id),
            )
            .group_by(Question.topic)
            .order_by(Question.topic)
        )
        return [
            TopicMastery(topic, int(seen), int(answered or 0), int(correct or 0), int(due or 0))
            for topic, seen, answered, correct, due in rows
        ]

    async def find_player(self, team_id: int, name: str) -> tuple[str, str] | None:
        by_id = (
            await self.session.execute(
                select(Player.external_id, Player.display_name).where(
                    Player.team_id == team_id, Player.external_id == name
                )
            )
        ).first()
        if by_id is not None:
            return (by_id[0], by_id[1])
        named = (
            await self.session.execute(
                select(Player.external_id, Player.display_name)
                .where(
                    Player.team_id == team_id,
                    func.lower(Player.display_name) == name.casefold(),
                )
                .limit(2)
            )
        ).all()
        return (named[0][0], named[0][1]) if len(named) == 1 else None
