"""Shared pieces for the admin tests: a service on the real repository and small DB reads."""

from __future__ import annotations

from sqlalchemy import func, select

from bot.core.curation.service import AdminService
from bot.core.models import ChannelRef, PlayerRef, TeamRef
from bot.db.repository import SqlRepository
from bot.db.tables import AdminAction, Question
from bot.workers import shared_pool
from tests.helpers import TEAM, FixedClock, player

BOSS = player("boss", admin=True)
ANN = player("ann")
OTHER_TEAM = TeamRef("slack", "T2", "Other")
OTHER_BOSS = PlayerRef(OTHER_TEAM, "u-o", "otherboss", is_platform_admin=True)
OTHER_CHANNEL = ChannelRef(OTHER_TEAM, "oc", "quiz")


def service(repo: SqlRepository) -> AdminService:
    return AdminService(repo, FixedClock(), worker=shared_pool())


async def count_questions(repo: SqlRepository, **where: object) -> int:
    stmt = select(func.count()).select_from(Question)
    for key, value in where.items():
        stmt = stmt.where(getattr(Question, key) == value)
    async with repo.unit() as u:
        return int((await u.session.execute(stmt)).scalar_one())


async def snapshot(repo: SqlRepository) -> list[tuple[object, ...]]:
    """Every question row's content and status, to prove a refused operation changed nothing."""
    async with repo.unit() as u:
        rows = await u.session.execute(
            select(
                Question.uid,
                Question.team_id,
                Question.prompt,
                Question.choices,
                Question.answer,
                Question.topic,
                Question.explanation,
                Question.status,
            ).order_by(Question.uid)
        )
        return [tuple(r) for r in rows]


async def actions(repo: SqlRepository) -> list[tuple[str, str, int | None]]:
    async with repo.unit() as u:
        rows = await u.session.execute(
            select(AdminAction.actor, AdminAction.action, AdminAction.question_id).order_by(
                AdminAction.id
            )
        )
        return [tuple(r) for r in rows]  # type: ignore[misc]


__all__ = ["ANN", "BOSS", "OTHER_BOSS", "OTHER_CHANNEL", "OTHER_TEAM", "TEAM", "service"]
