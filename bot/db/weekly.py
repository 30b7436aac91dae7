"""SQL for the weekly post: schedules, claimed posts and the week's figures, as `unit.weekly`
(implements bot.core.weekly.store.WeeklyStore)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from sqlalchemy import and_, case, func, or_, select, update

from bot.core.models import ScoreRow
from bot.core.views import Winner
from bot.core.weekly.claim import PostRec, PostStatus
from bot.core.weekly.content import QuestionTally
from bot.core.weekly.schedule import Schedule, ScheduleRec
from bot.db.play import week_score_rows
from bot.db.session import SqlStore
from bot.db.tables import (
    Answer,
    LeaderboardPost,
    Player,
    Question,
    Round,
    RoundQuestion,
    ScoreTotal,
    Team,
    WeeklySchedule,
)


def _schedule_rec(row: WeeklySchedule) -> ScheduleRec:
    return ScheduleRec(
        team_id=row.team_id,
        channel_id=row.channel_id,
        schedule=Schedule(row.weekday, row.hour, row.timezone),
        enabled=bool(row.enabled),
        nudge_when_empty=bool(row.nudge_when_empty),
        effective_from=row.updated_at,
    )


def _post_rec(row: LeaderboardPost) -> PostRec:
    return PostRec(
        id=row.id,
        team_id=row.team_id,
        channel_id=row.channel_id,
        week_start=row.week_start,
        status=PostStatus(row.status),
        claimed_by=row.claimed_by,
        claimed_at=row.claimed_at,
        sent_at=row.sent_at,
        message_ref=row.message_ref,
    )


class SqlWeeklyStore(SqlStore):
    """Implements bot.core.weekly.store.WeeklyStore."""

    async def weekly_schedule(self, team_id: int) -> ScheduleRec | None:
        row = (
            await self.session.execute(
                select(WeeklySchedule)
                .where(WeeklySchedule.team_id == team_id)
                .execution_options(populate_existing=True)
            )
        ).scalar_one_or_none()
        return _schedule_rec(row) if row else None

    async def save_weekly_schedule(self, rec: ScheduleRec, at: datetime) -> None:
        """Insert or replace the team's schedule; `at` becomes its effective-from time."""
        values = {
            "channel_id": rec.channel_id,
            "weekday": rec.schedule.weekday,
            "hour": rec.schedule.hour,
            "timezone": rec.schedule.timezone,
            "enabled": rec.enabled,
            "nudge_when_empty": rec.nudge_when_empty,
            "updated_at": at,
        }
        stmt = self._insert(WeeklySchedule).values(team_id=rec.team_id, **values)
        await self.session.execute(
            stmt.on_conflict_do_update(index_elements=["team_id"], set_=values)
        )

    async def enabled_weekly_schedules(self, platform: str | None) -> list[ScheduleRec]:
        stmt = select(WeeklySchedule).where(WeeklySchedule.enabled.is_(True))
        if platform is not None:
            stmt = stmt.join(Team, Team.id == WeeklySchedule.team_id).where(
                Team.platform == platform
            )
        rows = await self.session.scalars(
            stmt.order_by(WeeklySchedule.team_id).execution_options(populate_existing=True)
        )
        return [_schedule_rec(r) for r in rows]

    async def weekly_posts(self, keys: Sequence[tuple[int, date]]) -> list[PostRec]:
        """Every post row for these (team, week) pairs, whatever the channel."""
        if not keys:
            return []
        rows = await self.session.scalars(
            select(LeaderboardPost)
            .where(
                or_(
                    *(
                        and_(LeaderboardPost.team_id == t, LeaderboardPost.week_start == w)
                        for t, w in keys
                    )
                )
            )
            .execution_options(populate_existing=True)
        )
        return [_post_rec(r) for r in rows]

    async def last_weekly_post(self, team_id: int) -> PostRec | None:
        row = (
            await self.session.execute(
                select(LeaderboardPost)
                .where(
                    LeaderboardPost.team_id == team_id,
                    LeaderboardPost.status.in_((PostStatus.SENT, PostStatus.SKIPPED)),
                )
                .order_by(LeaderboardPost.week_start.desc())
                .limit(1)
            )
        ).scalar_one_or_none()
        return _post_rec(row) if row else None

    async def insert_weekly_claim(
        self, team_id: int, channel_id: int, week: date, worker: str, now: datetime
    ) -> int | None:
        stmt = (
            self._insert(LeaderboardPost)
            .values(
                team_id=team_id,
                channel_id=channel_id,
                week_start=week,
                status=PostStatus.CLAIMED.value,
                claimed_by=worker,
                claimed_at=now,
            )
            .on_conflict_do_nothing(index_elements=["team_id", "week_start"])
            .returning(LeaderboardPost.id)
        )
        row = (await self.session.execute(stmt)).first()
        return int(row[0]) if row else None

    async def take_over_weekly_claim(self, post: PostRec, worker: str, now: datetime) -> bool:
        seen_by = (
            LeaderboardPost.claimed_by.is_(None)
            if post.claimed_by is None
            else LeaderboardPost.claimed_by == post.claimed_by
        )
        result = await self.session.execute(
            update(LeaderboardPost)
            .where(
                LeaderboardPost.id == post.id,
                LeaderboardPost.status == post.status,
                LeaderboardPost.claimed_at == post.claimed_at,
                seen_by,
            )
            .values(claimed_by=worker, claimed_at=now)
            .execution_options(synchronize_session=False)
        )
        return bool(result.rowcount == 1)  # type: ignore[attr-defined]

    async def finish_weekly_post(
        self, post_id: int, status: PostStatus, message_ref: str | None, at: datetime
    ) -> bool:
        result = await self.session.execute(
            update(LeaderboardPost)
            .where(LeaderboardPost.id == post_id, LeaderboardPost.status == PostStatus.CLAIMED)
            .values(status=status.value, sent_at=at, message_ref=message_ref)
            .execution_options(synchronize_session=False)
        )
        return bool(result.rowcount == 1)  # type: ignore[attr-defined]

    async def week_rows(self, team_id: int, week: date) -> list[ScoreRow]:
        rows = await self.session.execute(week_score_rows(team_id, week))
        return [ScoreRow(int(p), n, int(pts), int(c), int(a)) for p, n, pts, c, a in rows]

    async def question_tallies(
        self, team_id: int, start: datetime, end: datetime
    ) -> list[QuestionTally]:
        """Answers and right answers per question, for the team's answers in [start, end)."""
        per_question = (
            select(
                RoundQuestion.question_id.label("qid"),
                func.count(Answer.id).label("answered"),
                func.sum(case((Answer.correct, 1), else_=0)).label("correct"),
            )
            .select_from(Answer)
            .join(RoundQuestion, RoundQuestion.id == Answer.round_question_id)
            .join(Round, Round.id == RoundQuestion.round_id)
            .where(Round.team_id == team_id, Answer.answered_at >= start, Answer.answered_at < end)
            .group_by(RoundQuestion.question_id)
            .subquery()
        )
        rows = await self.session.execute(
            select(
                Question.id,
                Question.prompt,
                Question.choices,
                Question.answer,
                Question.explanation,
                per_question.c.answered,
                per_question.c.correct,
            ).join(per_question, per_question.c.qid == Question.id)
        )
        out = []
        for qid, prompt, choices, answer, explanation, answered, correct in rows:
            text = str(choices[answer]) if 0 <= answer < len(choices) else ""
            out.append(
                QuestionTally(
                    int(qid), prompt, text, int(answered), int(correct or 0), explanation or ""
                )
            )
        return out

    async def streaks(self, team_id: int, min_streak: int, limit: int) -> list[Winner]:
        rows = await self.session.execute(
            select(Player.display_name, ScoreTotal.streak)
            .join(Player, Player.id == ScoreTotal.player_id)
            .where(ScoreTotal.team_id == team_id, ScoreTotal.streak >= min_streak)
            .order_by(ScoreTotal.streak.desc(), ScoreTotal.player_id)
            .limit(limit)
        )
        return [Winner(name, int(streak)) for name, streak in rows]
