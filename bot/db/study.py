"""SQL for study: players' FSRS cards, review answers, what is due, mastery per topic (implements
bot.core.study.store.StudyStore, as `unit.study`). The answer path's two statements are built
once per dialect in hot_statements.py."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from sqlalchemy import case, func, or_, select, tuple_, update
from sqlalchemy.exc import IntegrityError

from bot.core.models import QuestionRec
from bot.core.study.daily import DailyPostRec, DailyRec, PostState
from bot.core.study.memory import Memory
from bot.core.study.store import MemoryRow
from bot.core.study.views import TopicMastery
from bot.db import hot_statements as hot
from bot.db.play import SqlPlayStore
from bot.db.records import memory_of, memory_values, question_rec
from bot.db.session import SqlStore, chunks
from bot.db.tables import (
    Answer,
    DailyPost,
    DailySchedule,
    Player,
    Question,
    Round,
    RoundQuestion,
    StudyCard,
    StudyReview,
    Team,
)


def _daily_post(row: DailyPost) -> DailyPostRec:
    return DailyPostRec(
        int(row.id),
        int(row.channel_id),
        row.day,
        PostState(row.status),
        int(row.attempts),
        row.claimed_at,
        row.round_id,
    )


def _daily(row: DailySchedule) -> DailyRec:
    return DailyRec(
        team_id=row.team_id,
        channel_id=row.channel_id,
        hour=row.hour,
        minute=row.minute,
        window_minutes=row.window_minutes,
        deck_id=row.deck_id,
        topics=tuple(str(t) for t in row.topics or ()),
        enabled=bool(row.enabled),
        effective_from=row.updated_at,
    )


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
            (r.player_id, r.question_id): memory_of(r)
            for r in rows
            if (r.player_id, r.question_id) in wanted
        }

    async def replace_memory(self, row: MemoryRow, expected_answered: int) -> bool:
        values = memory_values(row)
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
        return [(question_rec(q), memory_of(c)) for q, c in rows]

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

    # --- the question of the day ---------------------------------------------------------------

    async def daily_schedule(self, channel_id: int) -> DailyRec | None:
        row = await self.session.get(DailySchedule, channel_id, populate_existing=True)
        return _daily(row) if row else None

    async def team_daily_schedules(self, team_id: int) -> list[DailyRec]:
        rows = await self.session.scalars(
            select(DailySchedule)
            .where(DailySchedule.team_id == team_id)
            .order_by(DailySchedule.channel_id)
        )
        return [_daily(r) for r in rows]

    async def save_daily_schedule(self, rec: DailyRec, at: datetime) -> None:
        values = {
            "team_id": rec.team_id,
            "hour": rec.hour,
            "minute": rec.minute,
            "window_minutes": rec.window_minutes,
            "deck_id": rec.deck_id,
            "topics": list(rec.topics),
            "enabled": rec.enabled,
            "updated_at": at,
        }
        ins = self._insert(DailySchedule).values(channel_id=rec.channel_id, **values)
        await self.session.execute(
            ins.on_conflict_do_update(index_elements=["channel_id"], set_=values)
        )

    async def enabled_daily_schedules(self, platform: str | None) -> list[tuple[DailyRec, str]]:
        stmt = (
            select(DailySchedule, Team.timezone)
            .join(Team, Team.id == DailySchedule.team_id)
            .where(DailySchedule.enabled.is_(True))
            .order_by(DailySchedule.channel_id)
        )
        if platform is not None:
            stmt = stmt.where(Team.platform == platform)
        return [(_daily(row), tz) for row, tz in await self.session.execute(stmt)]

    async def daily_posts(
        self, keys: Sequence[tuple[int, date]]
    ) -> dict[tuple[int, date], DailyPostRec]:
        if not keys:
            return {}
        rows = await self.session.execute(
            select(DailyPost).where(tuple_(DailyPost.channel_id, DailyPost.day).in_(list(keys)))
        )
        return {(int(p.channel_id), p.day): _daily_post(p) for p in rows.scalars()}

    async def claim_daily(
        self, team_id: int, channel_id: int, day: date, worker: str, now: datetime
    ) -> int | None:
        post = DailyPost(
            team_id=team_id,
            channel_id=channel_id,
            day=day,
            claimed_by=worker,
            claimed_at=now,
            status=PostState.POSTING.value,
            attempts=1,
        )
        try:
            async with self.session.begin_nested():
                self.session.add(post)
                await self.session.flush()
        except IntegrityError:
            return None  # another process has today's question in this channel
        return int(post.id)

    async def retake_daily(
        self, post_id: int, worker: str, now: datetime, refused_before: datetime
    ) -> bool:
        result = await self.session.execute(
            update(DailyPost)
            .where(
                DailyPost.id == post_id,
                DailyPost.status == PostState.FAILED.value,
                DailyPost.claimed_at <= refused_before,
            )
            .values(
                status=PostState.POSTING.value,
                attempts=DailyPost.attempts + 1,
                claimed_by=worker,
                claimed_at=now,
            )
            .execution_options(synchronize_session=False)
        )
        return bool(result.rowcount == 1)  # type: ignore[attr-defined]

    async def finish_daily(self, post_id: int, status: PostState) -> bool:
        result = await self.session.execute(
            update(DailyPost)
            .where(DailyPost.id == post_id, DailyPost.status == PostState.POSTING.value)
            .values(status=status.value)
            .execution_options(synchronize_session=False)
        )
        return bool(result.rowcount == 1)  # type: ignore[attr-defined]

    async def set_daily_round(self, post_id: int, round_id: int) -> None:
        await self.session.execute(
            update(DailyPost).where(DailyPost.id == post_id).values(round_id=round_id)
        )

    async def team_results(
        self, team_id: int, question_ids: Sequence[int]
    ) -> dict[int, tuple[int, int]]:
        out: dict[int, tuple[int, int]] = {}
        for ids in chunks(question_ids):
            rows = await self.session.execute(
                select(
                    RoundQuestion.question_id,
                    func.count(Answer.id),
                    func.sum(case((Answer.correct, 1), else_=0)),
                )
                .select_from(Answer)
                .join(RoundQuestion, RoundQuestion.id == Answer.round_question_id)
                .join(Round, Round.id == RoundQuestion.round_id)
                .where(Round.team_id == team_id, RoundQuestion.question_id.in_(ids))
                .group_by(RoundQuestion.question_id)
            )
            out.update({int(q): (int(n), int(c or 0)) for q, n, c in rows})
        return out
