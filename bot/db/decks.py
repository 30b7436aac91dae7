"""SQL for decks and their questions (implements bot.core.decks.store.DeckStore, as
`unit.decks`). Every read is scoped to one team: its own decks and the shared ones."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, bindparam, exists, func, insert, or_, select, update
from sqlalchemy.exc import IntegrityError

from bot.core.decks.rules import CUSTOM_DECK, DeckStatus
from bot.core.decks.store import DeckRec, NewDeck, SyncPlan, TopicCount
from bot.core.models import QuestionRec
from bot.db.records import CONTENT_FIELDS, question_rec, question_values
from bot.db.session import SqlStore, chunks
from bot.db.tables import Deck, Question, TeamQuestionStatus

ACTIVE = "active"
RETIRED = "retired"
CUSTOM_SOURCE = "custom"


def deck_rec(d: Deck, questions: int = 0) -> DeckRec:
    return DeckRec(
        id=d.id,
        team_id=d.team_id,
        name=d.name,
        status=d.status,
        source_kind=d.source_kind,
        source_name=d.source_name,
        source_hash=d.source_hash,
        created_at=d.created_at,
        updated_at=d.updated_at,
        questions=questions,
    )


class SqlDeckStore(SqlStore):
    """Implements bot.core.decks.store.DeckStore."""

    async def team_decks(self, team_id: int | None) -> list[DeckRec]:
        active = (
            select(func.count())
            .select_from(Question)
            .where(Question.deck_id == Deck.id, Question.status == ACTIVE)
            .scalar_subquery()
        )
        owner: ColumnElement[bool] = Deck.team_id.is_(None)
        if team_id is not None:
            owner = or_(owner, Deck.team_id == team_id)
        rows = await self.session.execute(
            select(Deck, active.label("n"))
            .where(owner)
            .order_by(Deck.name, Deck.id)
            .execution_options(populate_existing=True)
        )
        return [deck_rec(d, int(n)) for d, n in rows]

    async def create_deck(self, new: NewDeck) -> DeckRec:
        deck = Deck(
            team_id=new.team_id,
            name=new.name,
            status=str(new.status),
            source_kind=new.source_kind,
            source_name=new.source_name,
            source_hash=new.source_hash,
            created_by=new.author,
            created_at=new.at,
            updated_at=new.at,
        )
        self.session.add(deck)
        await self.session.flush()
        return deck_rec(deck)

    async def set_status(self, deck_id: int, status: str, at: datetime) -> None:
        await self.session.execute(
            update(Deck)
            .where(Deck.id == deck_id)
            .values(status=str(status), updated_at=at)
            .execution_options(synchronize_session=False)
        )

    async def set_source(
        self, deck_id: int, name: str | None, content_hash: str | None, at: datetime
    ) -> None:
        await self.session.execute(
            update(Deck)
            .where(Deck.id == deck_id)
            .values(source_name=name, source_hash=content_hash, updated_at=at)
            .execution_options(synchronize_session=False)
        )

    async def custom_deck(self, team_id: int, at: datetime) -> int:
        """The team's custom deck, added the first time the team adds a question; two
        transactions adding it at once meet the unique name, and the second reads the first's."""
        where = and_(Deck.team_id == team_id, Deck.name == CUSTOM_DECK)
        found = await self._scalar(select(Deck.id).where(where))
        if found is not None:
            return int(found)
        try:
            async with self.session.begin_nested():
                await self.session.execute(
                    insert(Deck).values(
                        team_id=team_id,
                        name=CUSTOM_DECK,
                        status=str(DeckStatus.PUBLISHED),
                        source_kind=CUSTOM_SOURCE,
                        created_at=at,
                        updated_at=at,
                    )
                )
        except IntegrityError:
            pass
        return int((await self.session.execute(select(Deck.id).where(where))).scalar_one())

    async def deck_questions(self, deck_id: int) -> list[QuestionRec]:
        rows = await self.session.scalars(
            select(Question).where(Question.deck_id == deck_id).order_by(Question.id)
        )
        return [question_rec(q) for q in rows]

    async def write_sync(
        self, deck: DeckRec, plan: SyncPlan, *, author: str | None, at: datetime
    ) -> None:
        """Inserts and updates CHUNK rows a statement, so a deck of any size stays far from
        the drivers' parameter limits and the event loop gets a turn between chunks."""
        for chunk in chunks(plan.new):
            rows = [
                {
                    "uid": q.id,
                    "bank": deck.name,
                    "deck_id": deck.id,
                    "team_id": deck.team_id,
                    **question_values(q),
                    "status": ACTIVE,
                    "author": author,
                    "created_at": at,
                    "updated_at": at,
                }
                for q in chunk
            ]
            await self.session.execute(insert(Question), rows)
        table: Any = Question.__table__
        fields = ("uid", *CONTENT_FIELDS)
        stmt = (
            update(table)
            .where(table.c.id == bindparam("b_id"))
            .values({f: bindparam(f"b_{f}") for f in fields} | {"updated_at": at})
        )
        revive = (
            update(table)
            .where(table.c.id == bindparam("b_id"), table.c.status == RETIRED)
            .values(status=ACTIVE)
        )
        for changes in chunks(plan.changed):
            await self.session.execute(
                stmt,
                [
                    {"b_id": c.question_id, "b_uid": c.question.id}
                    | {f"b_{k}": v for k, v in question_values(c.question).items()}
                    for c in changes
                ],
            )
            revived = [{"b_id": c.question_id} for c in changes if c.revive]
            if revived:
                await self.session.execute(revive, revived)
        for ids in chunks(plan.retired):
            await self.session.execute(
                update(Question)
                .where(Question.id.in_(ids))
                .values(status=RETIRED, updated_at=at)
                .execution_options(synchronize_session=False)
            )
        await self.session.execute(
            update(Deck)
            .where(Deck.id == deck.id)
            .values(updated_at=at)
            .execution_options(synchronize_session=False)
        )

    @staticmethod
    def _not_disabled(team_id: int) -> Any:
        return ~exists().where(
            TeamQuestionStatus.team_id == team_id,
            TeamQuestionStatus.question_id == Question.id,
            TeamQuestionStatus.status == "disabled",
        )

    async def topic_counts(self, team_id: int, deck_ids: Collection[int]) -> list[TopicCount]:
        if not deck_ids:
            return []
        rows = await self.session.execute(
            select(Question.deck_id, Question.topic, func.count())
            .where(
                Question.deck_id.in_(list(deck_ids)),
                Question.status == ACTIVE,
                self._not_disabled(team_id),
            )
            .group_by(Question.deck_id, Question.topic)
            .order_by(Question.deck_id, Question.topic)
        )
        return [TopicCount(int(d), t, int(n)) for d, t, n in rows]

    async def question_page(
        self, deck_id: int, offset: int, limit: int
    ) -> tuple[list[QuestionRec], int]:
        where = and_(Question.deck_id == deck_id, Question.status == ACTIVE)
        total = int(
            (
                await self.session.execute(select(func.count()).select_from(Question).where(where))
            ).scalar_one()
        )
        rows = await self.session.scalars(
            select(Question)
            .where(where)
            .order_by(Question.topic, Question.id)
            .offset(offset)
            .limit(limit)
        )
        return [question_rec(q) for q in rows], total

    async def active_questions(self, deck_ids: Sequence[int]) -> list[QuestionRec]:
        rows = await self.session.scalars(
            select(Question)
            .where(Question.deck_id.in_(list(deck_ids)), Question.status == ACTIVE)
            .order_by(Question.deck_id, Question.topic, Question.id)
        )
        return [question_rec(q) for q in rows]
