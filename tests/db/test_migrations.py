"""Migrations bring an empty database to head, and the result matches the ORM models."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import func, inspect

from bot.config import Settings
from bot.db.connect import create_engine
from bot.db.migrate import alembic_config, downgrade, head_revision, upgrade
from bot.db.revision import SCHEMA_HEAD, current_revision
from bot.db.tables import Base
from bot.runtime import NotMigrated, database_health, open_runtime


def _diff(sync_conn):
    ctx = MigrationContext.configure(sync_conn, opts={"compare_type": True})
    return compare_metadata(ctx, Base.metadata)


def test_the_head_a_bot_checks_at_start_is_the_one_alembic_computes_from_migrations():
    # SCHEMA_HEAD is written by hand so a start need not load Alembic; this keeps it true
    assert head_revision() == SCHEMA_HEAD
    assert ScriptDirectory.from_config(alembic_config()).get_current_head() == SCHEMA_HEAD


async def test_a_database_behind_the_head_is_named_with_both_revisions(fresh_db):
    engine = create_engine(fresh_db)
    try:
        await downgrade(engine, "0008")
        assert await current_revision(engine) == "0008"
    finally:
        await engine.dispose()
    problem = await database_health(Settings(_env_file=None, database_url=fresh_db))
    assert problem is not None and f"at 0008, not {SCHEMA_HEAD}" in problem
    if not fresh_db.startswith("sqlite"):  # SQLite is migrated at start; PostgreSQL refuses
        with pytest.raises(NotMigrated, match="not at the latest schema"):
            async with open_runtime(Settings(_env_file=None, database_url=fresh_db)):
                pass


async def test_upgrade_empty_database_to_head(fresh_db):
    # fresh_db is a copy of a migrated template: check it is at head and has every table
    engine = create_engine(fresh_db)
    try:
        head = ScriptDirectory.from_config(alembic_config()).get_current_head()
        assert await current_revision(engine) == head
        async with engine.connect() as conn:
            tables = set(await conn.run_sync(lambda c: inspect(c).get_table_names()))
        assert set(Base.metadata.tables) <= tables
    finally:
        await engine.dispose()


async def test_migrate_truly_empty_database(backend, tmp_path, pg_admin_url):
    if backend == "sqlite":
        url = f"sqlite+aiosqlite:///{tmp_path / 'empty.db'}"
    else:
        from tests.conftest import _need, _pg_admin, _with_db

        _need("postgresql", {"postgresql": pg_admin_url})
        await _pg_admin(pg_admin_url, "DROP DATABASE IF EXISTS quizbot_empty_check")
        await _pg_admin(pg_admin_url, "CREATE DATABASE quizbot_empty_check")
        url = _with_db(pg_admin_url, "quizbot_empty_check")
    engine = create_engine(url)
    try:
        assert await current_revision(engine) is None
        await upgrade(engine)
        await upgrade(engine)  # a second upgrade is a no-op
        async with engine.connect() as conn:
            assert await conn.run_sync(_diff) == []
    finally:
        await engine.dispose()


async def test_no_drift_between_migrations_and_models(fresh_db):
    engine = create_engine(fresh_db)
    try:
        async with engine.connect() as conn:
            diff = await conn.run_sync(_diff)
        assert diff == [], f"models and migrations differ: {diff}"
    finally:
        await engine.dispose()


async def test_round_questions_get_their_copy_of_the_question_when_migrated(fresh_db):
    """0005 fills the copy (prompt, choices, answer) of round questions that exist already."""
    import random

    from sqlalchemy import select

    from bot.core.play.service import QuizEngine
    from bot.db.repository import SqlRepository
    from bot.db.tables import Question, RoundQuestion
    from tests.helpers import CHANNEL, RecordingMessenger, load_questions, player, sample_questions

    engine = create_engine(fresh_db)
    try:
        repo = SqlRepository(engine)
        await load_questions(repo, sample_questions(4))
        quiz = QuizEngine(repo, RecordingMessenger(), platform="discord", rng=random.Random(4))
        await quiz.start_round(CHANNEL, player("ann"), questions=3)
        before = ScriptDirectory.from_config(alembic_config()).get_revision("0005").down_revision
        await downgrade(engine, str(before))  # as a database made before the copy existed
        await upgrade(engine)
        async with engine.connect() as conn:
            rows = (
                await conn.execute(
                    select(
                        RoundQuestion.prompt,
                        RoundQuestion.choices,
                        RoundQuestion.answer,
                        Question.prompt,
                        Question.choices,
                        Question.answer,
                    ).join(Question, Question.id == RoundQuestion.question_id)
                )
            ).all()
        assert len(rows) == 3
        assert all(tuple(r[:3]) == tuple(r[3:]) for r in rows)
    finally:
        await engine.dispose()


async def test_namespacing_question_ids_keeps_rounds_answers_and_team_statuses(
    backend, tmp_path, pg_admin_url
):
    """0004 rebuilds the questions table on SQLite; with foreign keys on, dropping the old table
    would cascade into every round question and answer."""
    from datetime import UTC, datetime

    from sqlalchemy import func, insert, select

    from bot.db.tables import (
        Answer,
        Channel,
        Player,
        Question,
        Round,
        RoundQuestion,
        Team,
        TeamQuestionStatus,
    )

    if backend == "sqlite":
        url = f"sqlite+aiosqlite:///{tmp_path / 'at3.db'}"
    else:
        from tests.conftest import _need, _pg_admin, _with_db

        _need("postgresql", {"postgresql": pg_admin_url})
        await _pg_admin(pg_admin_url, "DROP DATABASE IF EXISTS quizbot_at_0003")
        await _pg_admin(pg_admin_url, "CREATE DATABASE quizbot_at_0003")
        url = _with_db(pg_admin_url, "quizbot_at_0003")
    now = datetime(2026, 1, 5, tzinfo=UTC)
    engine = create_engine(url)
    try:
        await upgrade(engine, "0003")
        async with engine.begin() as conn:
            await conn.execute(insert(Team).values(id=1, platform="slack", external_id="T1"))
            await conn.execute(insert(Channel).values(id=1, team_id=1, external_id="C1"))
            await conn.execute(
                insert(Player).values(id=1, team_id=1, external_id="U1", display_name="ann")
            )
            common = dict(topic="T", prompt="P?", choices=["a", "b"], answer=0, created_at=now)
            await conn.execute(
                insert(Question).values(id=1, uid="s-1", bank="shared", updated_at=now, **common)
            )
            await conn.execute(
                insert(Question).values(
                    id=2, uid="t-1", bank="t", team_id=1, updated_at=now, **common
                )
            )
            await conn.execute(
                insert(Round).values(id=1, team_id=1, channel_id=1, num_questions=2, seconds=20)
            )
            for rq, qid in ((1, 1), (2, 2)):
                await conn.execute(
                    insert(RoundQuestion).values(
                        id=rq, round_id=1, ordinal=rq, question_id=qid, choice_order=[0, 1]
                    )
                )
                await conn.execute(
                    insert(Answer).values(
                        round_question_id=rq,
                        player_id=1,
                        choice=0,
                        correct=True,
                        points=100,
                        latency_ms=5,
                    )
                )
            await conn.execute(
                insert(TeamQuestionStatus).values(team_id=1, question_id=1, status="disabled")
            )
        await upgrade(engine)
        async with engine.connect() as conn:
            counts = [
                (await conn.execute(select(func.count()).select_from(t))).scalar_one()
                for t in (Question, RoundQuestion, Answer, TeamQuestionStatus)
            ]
            assert counts == [2, 2, 2, 1]
            assert await conn.run_sync(_diff) == []
            if backend == "sqlite":
                fk = await conn.exec_driver_sql("PRAGMA foreign_keys")
                assert fk.scalar_one() == 1  # back on for the connection's next user
    finally:
        await engine.dispose()


async def test_decks_take_every_question_and_keep_rounds_answers_and_scores(
    backend, tmp_path, pg_admin_url
):
    """0006 puts each shared bank into a shared deck of its name and each team's questions into
    the team's "custom" deck; every row that was there is there after."""
    import random
    from datetime import UTC, date, datetime

    from sqlalchemy import insert, select

    from bot.core.models import ChannelRef, PlayerRef, TeamRef
    from bot.core.play.service import QuizEngine
    from bot.db.repository import SqlRepository
    from bot.db.tables import (
        Answer,
        Channel,
        ChannelSetting,
        Deck,
        Player,
        Question,
        Round,
        RoundQuestion,
        ScoreTotal,
        ScoreWeekly,
        Team,
        TeamQuestionStatus,
    )
    from tests.helpers import RecordingMessenger

    if backend == "sqlite":
        url = f"sqlite+aiosqlite:///{tmp_path / 'at5.db'}"
    else:
        from tests.conftest import _need, _pg_admin, _with_db

        _need("postgresql", {"postgresql": pg_admin_url})
        await _pg_admin(pg_admin_url, "DROP DATABASE IF EXISTS quizbot_at_0005")
        await _pg_admin(pg_admin_url, "CREATE DATABASE quizbot_at_0005")
        url = _with_db(pg_admin_url, "quizbot_at_0005")
    now = datetime(2026, 1, 5, tzinfo=UTC)
    tables = (
        Question,
        Round,
        RoundQuestion,
        Answer,
        ScoreWeekly,
        ScoreTotal,
        TeamQuestionStatus,
        ChannelSetting,
    )
    engine = create_engine(url)
    try:
        await upgrade(engine, "0005")
        async with engine.begin() as conn:
            for team_id, ext in ((1, "G1"), (2, "G2"), (3, "G3")):
                await conn.execute(
                    insert(Team).values(id=team_id, platform="discord", external_id=ext)
                )
                await conn.execute(
                    insert(Channel).values(id=team_id, team_id=team_id, external_id=f"C{team_id}")
                )
                await conn.execute(
                    insert(Player).values(
                        id=team_id, team_id=team_id, external_id=f"U{team_id}", display_name="ann"
                    )
                )
            await conn.execute(insert(ChannelSetting).values(channel_id=1, questions=3, topic="T"))
            common = dict(topic="T", choices=["a", "b"], answer=0, updated_at=now)
            rows = [  # id, uid, bank, team
                (1, "s-1", "aws-developer-associate", None),
                (2, "s-2", "aws-developer-associate", None),
                (3, "o-1", "other-bank", None),
                (4, "t-1", "team-1", 1),
                (5, "t-2", "team-1", 1),
                (6, "s-1", "team-2", 2),  # the same uid as a shared question, in a team
            ]
            for qid, uid, bank, team in rows:
                await conn.execute(
                    insert(Question).values(
                        id=qid,
                        uid=uid,
                        bank=bank,
                        team_id=team,
                        prompt=f"P{qid}?",
                        created_at=datetime(2026, 1, qid, tzinfo=UTC),
                        **common,
                    )
                )
            await conn.execute(
                insert(Round).values(
                    id=1, team_id=1, channel_id=1, num_questions=3, seconds=20, status="finished"
                )
            )
            for rq, qid in ((1, 1), (2, 4), (3, 3)):
                await conn.execute(
                    insert(RoundQuestion).values(
                        id=rq,
                        round_id=1,
                        ordinal=rq,
                        question_id=qid,
                        prompt=f"P{qid}?",
                        choices=["a", "b"],
                        answer=0,
                        choice_order=[0, 1],
                        status="closed",
                    )
                )
                await conn.execute(
                    insert(Answer).values(
                        round_question_id=rq,
                        player_id=1,
                        choice=0,
                        correct=True,
                        points=100,
                        latency_ms=5,
                    )
                )
            await conn.execute(
                insert(ScoreWeekly).values(
                    team_id=1, player_id=1, week_start=date(2026, 1, 5), points=300, answered=3
                )
            )
            await conn.execute(
                insert(ScoreTotal).values(team_id=1, player_id=1, points=300, answered=3)
            )
            await conn.execute(
                insert(TeamQuestionStatus).values(team_id=1, question_id=2, status="disabled")
            )
            if backend == "postgresql":  # rows given ids: the sequences start past them
                for table in ("rounds", "round_questions"):
                    await conn.exec_driver_sql(
                        f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), 100)"
                    )
        async with engine.connect() as conn:
            before = [
                (await conn.execute(select(func.count()).select_from(t))).scalar_one()
                for t in tables
            ]
        await upgrade(engine)
        async with engine.connect() as conn:
            after = [
                (await conn.execute(select(func.count()).select_from(t))).scalar_one()
                for t in tables
            ]
            assert after == before == [6, 1, 3, 3, 1, 1, 1, 1]
            decks = {
                d.id: (d.team_id, d.name, d.status, d.source_kind)
                for d in (await conn.execute(select(Deck))).all()
            }
            assert sorted(decks.values(), key=str) == sorted(
                [
                    (None, "aws-developer-associate", "published", "bank"),
                    (None, "other-bank", "published", "bank"),
                    (1, "custom", "published", "custom"),
                    (2, "custom", "published", "custom"),
                ],
                key=str,
            )
            placed = {
                qid: decks[deck_id][:2]
                for qid, deck_id in (await conn.execute(select(Question.id, Question.deck_id)))
            }
            assert placed == {
                1: (None, "aws-developer-associate"),
                2: (None, "aws-developer-associate"),
                3: (None, "other-bank"),
                4: (1, "custom"),
                5: (1, "custom"),
                6: (2, "custom"),
            }
            custom = next(d for d in (await conn.execute(select(Deck))).all() if d.team_id == 1)
            assert custom.created_at == datetime(2026, 1, 4, tzinfo=UTC)  # its first question's
            points = (await conn.execute(select(ScoreTotal.points))).scalar_one()
            assert points == 300
            assert await conn.run_sync(_diff) == []
        repo = SqlRepository(engine)
        quiz = QuizEngine(repo, RecordingMessenger(), platform="discord", rng=random.Random(1))
        team = TeamRef("discord", "G1")
        out = await quiz.start_round(ChannelRef(team, "C1"), PlayerRef(team, "U1", "ann"))
        assert out.card.prompt in ("P4?", "P5?")  # the team's own deck, topic "T" as before
        assert out.card.total == 2
    finally:
        await engine.dispose()
