"""Statements of the answer path, built once per dialect with bind parameters.

Building a SQLAlchemy statement (and its `excluded` alias for an upsert) costs more CPU than
running it; the answer path runs these for every click, so they are built once and reused, and
their compiled form comes from SQLAlchemy's cache.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

from sqlalchemy import and_, bindparam, case, select
from sqlalchemy.dialects import postgresql, sqlite

from bot.db.tables import (
    Answer,
    Player,
    Question,
    Round,
    RoundQuestion,
    ScoreTotal,
    ScoreWeekly,
    Team,
)

_answers = Answer.__table__
_players = Player.__table__
_questions = Question.__table__
_rounds = Round.__table__
_rqs = RoundQuestion.__table__
_teams = Team.__table__
_weekly = ScoreWeekly.__table__
_total = ScoreTotal.__table__


def _insert_for(dialect: str) -> Callable[[Any], Any]:
    return postgresql.insert if dialect == "postgresql" else sqlite.insert


@cache
def answer_context(dialect: str) -> Any:
    """The open question, its round, the answer key and the team's timezone, by `rq_id`."""
    rq, r, q, t = _rqs.c, _rounds.c, _questions.c, _teams.c
    stmt = (
        select(
            rq.id, rq.round_id, rq.ordinal, rq.question_id, rq.choice_order, rq.status,
            rq.opens_at, rq.closes_at, r.team_id, r.channel_id, r.status.label("r_status"),
            r.num_questions, r.seconds, r.started_at, r.close_after_answers,
            q.answer, q.choices, t.timezone,
        )
        .join(_rounds, r.id == rq.round_id)
        .join(_questions, q.id == rq.question_id)
        .join(_teams, t.id == r.team_id)
        .where(rq.id == bindparam("rq_id"))
    )  # fmt: skip
    if dialect == "postgresql":
        # Answers share the row; a close (UPDATE) waits for answers in flight.
        stmt = stmt.with_for_update(read=True, of=_rqs)
    return stmt


@cache
def player_by_external_id() -> Any:
    return select(_players.c.id, _players.c.display_name).where(
        _players.c.team_id == bindparam("team_id"),
        _players.c.external_id == bindparam("external_id"),
    )


@cache
def upsert_player(dialect: str) -> Any:
    """Add the player or refresh its display name; returns the id either way."""
    ins = _insert_for(dialect)(_players).values(
        team_id=bindparam("team_id"),
        external_id=bindparam("external_id"),
        display_name=bindparam("display_name"),
        created_at=bindparam("created_at"),
    )
    return ins.on_conflict_do_update(
        index_elements=["team_id", "external_id"],
        set_={"display_name": ins.excluded.display_name},
    ).returning(_players.c.id)


@cache
def correct_run() -> Any:
    """The player's answers to the round's earlier questions, latest first."""
    rq, a = _rqs.c, _answers.c
    return (
        select(rq.ordinal, a.correct)
        .select_from(
            _rqs.outerjoin(
                _answers,
                and_(a.round_question_id == rq.id, a.player_id == bindparam("player_id")),
            )
        )
        .where(rq.round_id == bindparam("round_id"), rq.ordinal < bindparam("before"))
        .order_by(rq.ordinal.desc())
    )


@cache
def insert_answer(dialect: str) -> Any:
    """One answer per player per question: a second insert does nothing and returns no row."""
    return (
        _insert_for(dialect)(_answers)
        .values(
            round_question_id=bindparam("rq_id"),
            player_id=bindparam("player_id"),
            choice=bindparam("choice"),
            correct=bindparam("correct"),
            points=bindparam("points"),
            latency_ms=bindparam("latency_ms"),
            answered_at=bindparam("answered_at"),
        )
        .on_conflict_do_nothing(index_elements=["round_question_id", "player_id"])
        .returning(_answers.c.id)
    )


@cache
def add_weekly(dialect: str) -> Any:
    sw = _weekly.c
    ins = _insert_for(dialect)(_weekly).values(
        team_id=bindparam("team_id"),
        player_id=bindparam("player_id"),
        week_start=bindparam("week"),
        points=bindparam("points"),
        correct=bindparam("correct"),
        answered=1,
    )
    return ins.on_conflict_do_update(
        index_elements=["team_id", "player_id", "week_start"],
        set_={
            "points": sw.points + ins.excluded.points,
            "correct": sw.correct + ins.excluded.correct,
            "answered": sw.answered + 1,
        },
    )


@cache
def add_total(dialect: str) -> Any:
    """All-time totals and the streak: a right answer extends it, a wrong one resets it."""
    st = _total.c
    ins = _insert_for(dialect)(_total).values(
        team_id=bindparam("team_id"),
        player_id=bindparam("player_id"),
        points=bindparam("points"),
        correct=bindparam("correct"),
        answered=1,
        streak=bindparam("correct"),
        best_streak=bindparam("correct"),
    )
    new_streak = case((ins.excluded.correct > 0, st.streak + 1), else_=0)
    return ins.on_conflict_do_update(
        index_elements=["team_id", "player_id"],
        set_={
            "points": st.points + ins.excluded.points,
            "correct": st.correct + ins.excluded.correct,
            "answered": st.answered + 1,
            "streak": new_streak,
            "best_streak": case((new_streak > st.best_streak, new_streak), else_=st.best_streak),
        },
    )
