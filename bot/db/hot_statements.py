"""Statements of the answer path, built once per dialect with bind parameters.

Building a SQLAlchemy statement (and its `excluded` alias for an upsert) costs more CPU than
running it; the answer path runs these for every click, so they are built once and reused, and
their compiled form comes from SQLAlchemy's cache.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from sqlalchemy import and_, bindparam, case, func, literal_column, select, text, update

from bot.db.dialect import id_in, insert_for
from bot.db.tables import (
    Answer,
    Channel,
    Player,
    Question,
    Round,
    RoundQuestion,
    ScoreTotal,
    ScoreWeekly,
    StudyCard,
    Team,
)

_answers = Answer.__table__
_players = Player.__table__
_channels = Channel.__table__
_questions = Question.__table__
_rounds = Round.__table__
_rqs = RoundQuestion.__table__
_teams = Team.__table__
_weekly = ScoreWeekly.__table__
_total = ScoreTotal.__table__


@cache
def answer_contexts(dialect: str) -> Any:
    """The questions a batch of answers is for (as their rounds ask them), their rounds and
    team timezones (SQLite; PostgreSQL reads them with the rest in ANSWER_READS_PG)."""
    rq, r, t = _rqs.c, _rounds.c, _teams.c
    return (
        select(
            rq.id, rq.round_id, rq.ordinal, rq.question_id, rq.choice_order, rq.status,
            rq.opens_at, rq.closes_at, r.team_id, r.channel_id, r.status.label("r_status"),
            r.num_questions, r.seconds, r.started_at, r.close_after_answers,
            rq.answer, rq.choices, t.timezone,
        )
        .join(_rounds, r.id == rq.round_id)
        .join(_teams, t.id == r.team_id)
        .where(id_in(rq.id, "ids", dialect))
        .order_by(rq.id)
    )  # fmt: skip


@cache
def upsert_player(dialect: str) -> Any:
    """Add the player or refresh its display name; returns the id either way."""
    ins = insert_for(dialect, _players).values(
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
def players_by_external_ids(dialect: str) -> Any:
    p = _players.c
    return select(p.id, p.external_id, p.display_name).where(
        p.team_id == bindparam("team_id"), id_in(p.external_id, "external_ids", dialect)
    )


# New or renamed players of a batch in one statement (PostgreSQL), in key order; returns only
# the rows it inserted or renamed.
UPSERT_PLAYERS_PG = text(
    """
INSERT INTO players AS p (team_id, external_id, display_name, created_at)
SELECT :team_id, external_id, display_name, :created_at
FROM unnest(CAST(:external_ids AS VARCHAR[]), CAST(:names AS VARCHAR[]))
     AS t(external_id, display_name)
ORDER BY external_id
ON CONFLICT (team_id, external_id) DO UPDATE SET display_name = excluded.display_name
    WHERE p.display_name <> excluded.display_name
RETURNING id, external_id
"""
)


@cache
def round_results(dialect: str) -> Any:
    """Answers of some players in some rounds: (round, player, ordinal, correct)."""
    rq, a = _rqs.c, _answers.c
    return (
        select(rq.round_id, a.player_id, rq.ordinal, a.correct)
        .select_from(_answers.join(_rqs, rq.id == a.round_question_id))
        .where(id_in(rq.round_id, "round_ids", dialect), id_in(a.player_id, "player_ids", dialect))
    )


@cache
def answer_counts(dialect: str) -> Any:
    a = _answers.c
    return (
        select(a.round_question_id, func.count())
        .where(id_in(a.round_question_id, "ids", dialect))
        .group_by(a.round_question_id)
    )


# --- the close path: statements for a whole batch of closing questions ----------------------


@cache
def lock_open_questions(dialect: str) -> Any:
    """Lock the open ones of some questions in id order (PostgreSQL), before closing them
    at different times in several statements."""
    rq = _rqs.c
    return (
        select(rq.id)
        .where(id_in(rq.id, "ids", dialect), rq.status == "open")
        .order_by(rq.id)
        .with_for_update()
    )


@cache
def close_questions(dialect: str) -> Any:
    """Close the open ones of some questions at one time; returns them as closed. On
    PostgreSQL the rows are locked first, in id order (a materialized CTE, so the lock comes
    before the update touches any row): the order answers share-lock them in, so a batch of
    closes and a batch of answers never wait for each other in a circle."""
    rq = _rqs.c
    open_ones = (id_in(rq.id, "ids", dialect), rq.status == "open")
    stmt = update(RoundQuestion).where(*open_ones)
    if dialect == "postgresql":
        locked = (
            select(rq.id)
            .where(*open_ones)
            .order_by(rq.id)
            .with_for_update()
            .cte("locked")
            .prefix_with("MATERIALIZED")
        )
        stmt = stmt.where(rq.id == locked.c.id)
    return stmt.values(status="closed", closed_at=bindparam("at")).returning(*_rqs.c)


@cache
def open_questions(dialect: str) -> Any:
    """Open the pending ones of some questions, all at one time for the same length."""
    rq = _rqs.c
    return (
        update(RoundQuestion)
        .where(id_in(rq.id, "ids", dialect), rq.status == "pending")
        .values(status="open", opens_at=bindparam("opens"), closes_at=bindparam("closes"))
        .returning(rq.id)
    )


@cache
def end_rounds(dialect: str) -> Any:
    """End the running ones of some rounds, at one time with one status."""
    r = _rounds.c
    return (
        update(Round)
        .where(id_in(r.id, "ids", dialect), r.status == "running")
        .values(status=bindparam("new_status"), ended_at=bindparam("at"))
        .returning(r.id)
    )


@cache
def channel_refs(dialect: str) -> Any:
    c, t = _channels.c, _teams.c
    return (
        select(
            c.id, c.external_id, c.name, t.platform, t.external_id.label("team_ext"),
            t.name.label("team_name"),
        )
        .join(_teams, t.id == c.team_id)
        .where(id_in(c.id, "ids", dialect))
    )  # fmt: skip


@cache
def questions_by_id(dialect: str) -> Any:
    return select(_questions).where(id_in(_questions.c.id, "ids", dialect))


NEXT = "next_"  # prefix of the next question's columns in rounds_with_next


@cache
def rounds_with_next(dialect: str) -> Any:
    """Some rounds, each with the questions it has still to ask (NEXT-prefixed columns, NULL
    when none), in the order it asks them: the first row of a round names its next one."""
    r, rq = _rounds.c, _rqs.c
    return (
        select(_rounds, *(c.label(NEXT + c.name) for c in rq))
        .outerjoin(_rqs, and_(rq.round_id == r.id, rq.status == "pending"))
        .where(id_in(r.id, "ids", dialect))
        .order_by(r.id, rq.ordinal)
    )


@cache
def closed_counts(dialect: str) -> Any:
    """How many questions each of some rounds has asked and closed."""
    rq = _rqs.c
    return (
        select(rq.round_id, func.count())
        .where(id_in(rq.round_id, "ids", dialect), rq.status == "closed")
        .group_by(rq.round_id)
    )


@cache
def answers_with_names(dialect: str) -> Any:
    """The answers to some questions, each with its player's name, in the order written."""
    a, p = _answers.c, _players.c
    return (
        select(
            a.round_question_id, a.player_id, p.display_name, a.choice, a.correct, a.points,
            a.latency_ms,
        )
        .join(_players, p.id == a.player_id)
        .where(id_in(a.round_question_id, "ids", dialect))
        .order_by(a.id)
    )  # fmt: skip


@cache
def round_scores(dialect: str) -> Any:
    """Each player's points, right answers and answers in each of some rounds."""
    a, p, rq = _answers.c, _players.c, _rqs.c
    return (
        select(
            rq.round_id, a.player_id, p.display_name, func.sum(a.points),
            func.sum(case((a.correct, 1), else_=0)), func.count(),
        )
        .join(_rqs, rq.id == a.round_question_id)
        .join(_players, p.id == a.player_id)
        .where(id_in(rq.round_id, "ids", dialect))
        .group_by(rq.round_id, a.player_id, p.display_name)
    )  # fmt: skip


@cache
def set_message_ref(dialect: str) -> Any:
    """A posted card's message reference (run once per card of a batch, as one executemany)."""
    rq = RoundQuestion.__table__.c
    return (
        update(RoundQuestion)
        .where(rq.id == bindparam("rq_id"))
        .values(message_ref=bindparam("ref"))
    )


def next_streak(totals: str) -> str:
    """The all-time streak after one more answer, as SQL over the totals row `totals` and the
    upsert's `excluded` row: a right answer extends it, a wrong one resets it to 0. Both
    dialects' statements use it (the round's streak bonus is bot.core.play.scoring's)."""
    return f"CASE WHEN excluded.correct > 0 THEN {totals}.streak + 1 ELSE 0 END"


def next_best_streak(totals: str) -> str:
    """The best all-time streak after one more answer: the longer of the old best and the new
    streak."""
    new = next_streak(totals)
    return f"CASE WHEN {new} > {totals}.best_streak THEN {new} ELSE {totals}.best_streak END"


# The reads of a batch of clicks in one statement (PostgreSQL): each clicked question as its
# round asks it, with its round and team timezone, and beside it, as arrays, the clicking
# players' earlier answers in that round (for the streak bonus) and their memories of the
# question, each looked up by its key. Read without locks: the write (WRITE_ANSWERS_PG) checks the question again under
# its lock.
ANSWER_READS_PG = text(
    """
WITH clicks AS (
    SELECT * FROM unnest(CAST(:rq_ids AS BIGINT[]), CAST(:player_ids AS BIGINT[]))
        AS c(rq_id, player_id)
)
SELECT rq.id, rq.round_id, rq.ordinal, rq.question_id, rq.choice_order, rq.status,
       rq.opens_at, rq.closes_at, r.team_id, r.channel_id, r.status AS r_status,
       r.num_questions, r.seconds, r.started_at, r.close_after_answers,
       rq.answer, rq.choices, t.timezone,
       e.players AS earlier_players, e.ordinals AS earlier_ordinals,
       e.corrects AS earlier_corrects,
       m.players AS card_players, m.states AS card_states, m.steps AS card_steps,
       m.stabilities AS card_stabilities, m.difficulties AS card_difficulties,
       m.dues AS card_dues, m.last_reviews AS card_last_reviews,
       m.answered AS card_answered, m.corrects AS card_corrects
FROM round_questions rq
JOIN rounds r ON r.id = rq.round_id
JOIN teams t ON t.id = r.team_id
LEFT JOIN LATERAL (
    SELECT array_agg(a.player_id) AS players, array_agg(prev.ordinal) AS ordinals,
           array_agg(a.correct) AS corrects
    FROM clicks
    JOIN round_questions prev ON prev.round_id = rq.round_id AND prev.ordinal < rq.ordinal
    JOIN answers a ON a.round_question_id = prev.id AND a.player_id = clicks.player_id
    WHERE clicks.rq_id = rq.id
) e ON rq.ordinal > 1
LEFT JOIN LATERAL (
    SELECT array_agg(c.player_id) AS players, array_agg(c.state) AS states,
           array_agg(c.step) AS steps, array_agg(c.stability) AS stabilities,
           array_agg(c.difficulty) AS difficulties, array_agg(c.due) AS dues,
           array_agg(c.last_review) AS last_reviews, array_agg(c.answered) AS answered,
           array_agg(c.correct) AS corrects
    FROM clicks
    JOIN study_cards c ON c.player_id = clicks.player_id AND c.question_id = rq.question_id
    WHERE clicks.rq_id = rq.id
) m ON true
WHERE rq.id = ANY(CAST(:question_ids AS BIGINT[]))
ORDER BY rq.id
"""
)


# PostgreSQL writes a whole batch of answers in one statement, which commits by itself: it
# key-share-locks the batch's questions that are still open (in id order, the order a close
# locks them FOR UPDATE in, so the two never wait in a circle; a close waits for this statement
# and then counts its answers), writes the answers to those that are new (the unique key drops
# repeats) and, for exactly those, the weekly and all-time score rows and the player's memory
# of the question. Rows are fed in key order so concurrent batches lock in the same order. It
# returns (question, player) of each answer written, and (question, NULL) for each question
# found closed. Raw SQL because SQLAlchemy cannot express data-modifying CTEs over `unnest`
# readably; every value is a bound array.
WRITE_ANSWERS_PG = text(
    f"""
WITH batch AS (
    SELECT * FROM unnest(
        CAST(:rq_ids AS BIGINT[]), CAST(:team_ids AS BIGINT[]), CAST(:player_ids AS BIGINT[]),
        CAST(:choices AS INTEGER[]), CAST(:corrects AS BOOLEAN[]), CAST(:points AS INTEGER[]),
        CAST(:latencies AS INTEGER[]), CAST(:ats AS TIMESTAMPTZ[]), CAST(:weeks AS DATE[]),
        CAST(:question_ids AS BIGINT[]), CAST(:states AS INTEGER[]), CAST(:steps AS INTEGER[]),
        CAST(:stabilities AS DOUBLE PRECISION[]), CAST(:difficulties AS DOUBLE PRECISION[]),
        CAST(:dues AS TIMESTAMPTZ[]), CAST(:last_reviews AS TIMESTAMPTZ[]),
        CAST(:times_answered AS INTEGER[]), CAST(:times_correct AS INTEGER[])
    ) AS b(rq_id, team_id, player_id, choice, correct, points, latency_ms, at, week,
           question_id, state, step, stability, difficulty, due, last_review, times_answered,
           times_correct)
),
still_open AS MATERIALIZED (
    SELECT id FROM round_questions
    WHERE id = ANY(CAST(:asked AS BIGINT[])) AND status = 'open'
    ORDER BY id
    FOR KEY SHARE
),
new_answers AS (
    INSERT INTO answers
        (round_question_id, player_id, choice, correct, points, latency_ms, answered_at)
    SELECT rq_id, player_id, choice, correct, points, latency_ms, at
    FROM batch WHERE rq_id IN (SELECT id FROM still_open)
    ORDER BY rq_id, player_id
    ON CONFLICT (round_question_id, player_id) DO NOTHING
    RETURNING round_question_id, player_id
),
scored AS (
    SELECT batch.* FROM batch
    JOIN new_answers
      ON new_answers.round_question_id = batch.rq_id AND new_answers.player_id = batch.player_id
),
weekly AS (
    INSERT INTO scores_weekly AS s (team_id, player_id, week_start, points, correct, answered)
    SELECT team_id, player_id, week, points, CAST(correct AS INTEGER), 1
    FROM scored ORDER BY team_id, player_id, week
    ON CONFLICT (team_id, player_id, week_start) DO UPDATE SET
        points = s.points + excluded.points,
        correct = s.correct + excluded.correct,
        answered = s.answered + 1
),
total AS (
    INSERT INTO scores_total AS s
        (team_id, player_id, points, correct, answered, streak, best_streak)
    SELECT team_id, player_id, points, CAST(correct AS INTEGER), 1,
           CAST(correct AS INTEGER), CAST(correct AS INTEGER)
    FROM scored ORDER BY team_id, player_id
    ON CONFLICT (team_id, player_id) DO UPDATE SET
        points = s.points + excluded.points,
        correct = s.correct + excluded.correct,
        answered = s.answered + 1,
        streak = {next_streak("s")},
        best_streak = {next_best_streak("s")}
),
cards AS (
    INSERT INTO study_cards AS c
        (player_id, question_id, team_id, state, step, stability, difficulty, due,
         last_review, answered, correct)
    SELECT player_id, question_id, team_id, state, step, stability, difficulty, due,
           last_review, times_answered, times_correct
    FROM scored ORDER BY player_id, question_id
    ON CONFLICT (player_id, question_id) DO UPDATE SET
        state = excluded.state, step = excluded.step, stability = excluded.stability,
        difficulty = excluded.difficulty, due = excluded.due,
        last_review = excluded.last_review, answered = excluded.answered,
        correct = excluded.correct
)
SELECT round_question_id AS rq_id, player_id FROM new_answers
UNION ALL
SELECT id, CAST(NULL AS BIGINT) FROM unnest(CAST(:asked AS BIGINT[])) AS asked(id)
WHERE id NOT IN (SELECT id FROM still_open)
"""
)


@cache
def open_among(dialect: str) -> Any:
    """Which of some questions are open (SQLite's write checks them in its transaction)."""
    rq = _rqs.c
    return select(rq.id).where(id_in(rq.id, "ids", dialect), rq.status == "open")


@cache
def insert_answer(dialect: str) -> Any:
    """One answer per player per question: a second insert does nothing and returns no row."""
    return (
        insert_for(dialect, _answers)
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
    ins = insert_for(dialect, _weekly).values(
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
    ins = insert_for(dialect, _total).values(
        team_id=bindparam("team_id"),
        player_id=bindparam("player_id"),
        points=bindparam("points"),
        correct=bindparam("correct"),
        answered=1,
        streak=bindparam("correct"),
        best_streak=bindparam("correct"),
    )
    return ins.on_conflict_do_update(
        index_elements=["team_id", "player_id"],
        set_={
            "points": st.points + ins.excluded.points,
            "correct": st.correct + ins.excluded.correct,
            "answered": st.answered + 1,
            "streak": literal_column(next_streak(ScoreTotal.__tablename__)),
            "best_streak": literal_column(next_best_streak(ScoreTotal.__tablename__)),
        },
    )


_cards = StudyCard.__table__


@cache
def study_memories(dialect: str) -> Any:
    """The study cards of some players for some questions (the caller keeps the pairs it
    asked for)."""
    c = _cards.c
    return select(
        c.player_id, c.question_id, c.state, c.step, c.stability, c.difficulty, c.due,
        c.last_review, c.answered, c.correct,
    ).where(
        id_in(c.player_id, "player_ids", dialect), id_in(c.question_id, "question_ids", dialect)
    )  # fmt: skip


MEMORY_COLUMNS = (
    "state", "step", "stability", "difficulty", "due", "last_review", "answered", "correct",
)  # fmt: skip


@cache
def save_memory(dialect: str) -> Any:
    """Insert a study card or replace its memory (SQLite's answer path, once per answer)."""
    ins = insert_for(dialect, _cards).values(
        player_id=bindparam("player_id"),
        question_id=bindparam("question_id"),
        team_id=bindparam("team_id"),
        **{name: bindparam(name) for name in MEMORY_COLUMNS},
    )
    return ins.on_conflict_do_update(
        index_elements=["player_id", "question_id"],
        set_={name: getattr(ins.excluded, name) for name in MEMORY_COLUMNS},
    )


_RQ_COLUMNS = (
    "id, round_id, ordinal, question_id, prompt, choices, answer, choice_order, status, "
    "opens_at, closes_at, closed_at, message_ref"
)
ROUND_COLUMNS = (
    "team_id", "channel_id", "status", "num_questions", "seconds", "topic", "started_by",
    "close_after_answers", "daily", "started_at", "ended_at",
)  # fmt: skip
ROUND = "r_"  # prefix of a closed question's round's columns in ADVANCE_PG


def _prefixed(table: str, columns: str | tuple[str, ...], prefix: str) -> str:
    names = columns.split(", ") if isinstance(columns, str) else columns
    return ", ".join(f"{table}.{name} AS {prefix}{name}" for name in names)


# A batch of closes in one statement (PostgreSQL), which commits by itself: of the questions
# asked to close, those with a fill limit only once they hold that many committed answers
# (the statement starts after the caller's answers committed); the open ones are locked in id
# order (the order answers key-share-lock them in, so neither waits for the other in a circle)
# and closed at their own times. Then each move (bot.core.play.closing.moves) whose question
# closed here opens its round's next question, if still pending and the round running, or
# finishes its running round. Returns each question closed here (as closed), its round (as it
# was: an `ended` round is finished now) and the question opened after it (NEXT-prefixed
# columns, NULL when none). The answers a reveal counts are read by a later statement: this
# one's snapshot predates the answers it waited for.
ADVANCE_PG = text(
    f"""
WITH asked AS (
    SELECT * FROM unnest(
        CAST(:ids AS BIGINT[]), CAST(:ats AS TIMESTAMPTZ[]), CAST(:limits AS INTEGER[])
    ) AS q(id, at, fill_limit)
),
due AS MATERIALIZED (
    SELECT id, at FROM asked
    WHERE fill_limit IS NULL
       OR (SELECT count(*) FROM answers a WHERE a.round_question_id = asked.id) >= fill_limit
),
locked AS MATERIALIZED (
    SELECT id FROM round_questions
    WHERE id IN (SELECT id FROM due) AND status = 'open'
    ORDER BY id
    FOR UPDATE
),
closed AS (
    UPDATE round_questions rq SET status = 'closed', closed_at = due.at
    FROM due
    WHERE rq.id = due.id AND rq.id IN (SELECT id FROM locked) AND rq.status = 'open'
    RETURNING rq.*
),
moves AS MATERIALIZED (
    SELECT m.* FROM unnest(
        CAST(:round_ids AS BIGINT[]), CAST(:afters AS BIGINT[]),
        CAST(:next_ordinals AS INTEGER[]), CAST(:move_ats AS TIMESTAMPTZ[]),
        CAST(:move_closes AS TIMESTAMPTZ[])
    ) AS m(round_id, after, next_ordinal, at, closes_at)
    JOIN closed ON closed.id = m.after
    JOIN rounds r ON r.id = m.round_id AND r.status = 'running'
),
opened AS (
    UPDATE round_questions rq SET status = 'open', opens_at = moves.at,
        closes_at = moves.closes_at
    FROM moves
    WHERE rq.round_id = moves.round_id AND rq.ordinal = moves.next_ordinal
      AND rq.status = 'pending'
    RETURNING rq.*
),
ended AS (
    UPDATE rounds r SET status = 'finished', ended_at = moves.at
    FROM moves
    WHERE r.id = moves.round_id AND moves.next_ordinal IS NULL AND r.status = 'running'
    RETURNING r.id
)
SELECT {_prefixed("c", _RQ_COLUMNS, "")},
       {_prefixed("r", ROUND_COLUMNS, ROUND)},
       {_prefixed("o", _RQ_COLUMNS, NEXT)},
       e.id IS NOT NULL AS ended, t.timezone
FROM closed c
JOIN rounds r ON r.id = c.round_id
JOIN teams t ON t.id = r.team_id
LEFT JOIN moves m ON m.after = c.id
LEFT JOIN opened o ON o.round_id = m.round_id
LEFT JOIN ended e ON e.id = m.round_id
ORDER BY c.id
"""
)


@cache
def question_places(dialect: str) -> Any:
    """Where some questions stand in their rounds (bot.core.play.store.Place)."""
    rq, r = _rqs.c, _rounds.c
    return (
        select(rq.id, rq.round_id, rq.ordinal, r.num_questions, r.seconds)
        .join(_rounds, r.id == rq.round_id)
        .where(id_in(rq.id, "ids", dialect))
    )


QUESTION_COLUMNS = (
    "id", "uid", "topic", "prompt", "choices", "answer", "kind", "explanation", "source_file",
    "source_line", "lang", "status", "team_id", "bank", "fact", "deck_id",
)  # fmt: skip

# What the reveals and next cards of a batch of closes show, in one statement (PostgreSQL):
# a row per question (rq_id NULL), and a row per closed round question (question columns
# NULL) with its answers in the order written and their players' names, as arrays.
REVEAL_READS_PG = text(
    f"""
SELECT {", ".join(f"q.{c}" for c in QUESTION_COLUMNS)}, NULL AS rq_id,
       NULL AS a_players, NULL AS a_names, NULL AS a_choices, NULL AS a_corrects,
       NULL AS a_points, NULL AS a_latencies
FROM questions q WHERE q.id = ANY(CAST(:question_ids AS BIGINT[]))
UNION ALL
SELECT {", ".join("NULL" for _ in QUESTION_COLUMNS)}, asked.id,
       a.players, a.names, a.choices, a.corrects, a.points, a.latencies
FROM unnest(CAST(:rq_ids AS BIGINT[])) AS asked(id)
CROSS JOIN LATERAL (
    SELECT array_agg(x.player_id ORDER BY x.id) AS players,
           array_agg(p.display_name ORDER BY x.id) AS names,
           array_agg(x.choice ORDER BY x.id) AS choices,
           array_agg(x.correct ORDER BY x.id) AS corrects,
           array_agg(x.points ORDER BY x.id) AS points,
           array_agg(x.latency_ms ORDER BY x.id) AS latencies
    FROM answers x JOIN players p ON p.id = x.player_id
    WHERE x.round_question_id = asked.id
) a
"""
)


# What starting a round reads, in one statement (PostgreSQL): whether the channel has a
# running round, its defaults, the team's default deck, the decks the team sees (its own and
# the shared ones, with their active questions) and their topics with the questions the team
# may be asked on each, as arrays.
START_READS_PG = text(
    """
SELECT
    EXISTS (
        SELECT 1 FROM rounds
        WHERE channel_id = :channel_id AND status = 'running' AND NOT daily
    ) AS running,
    s.questions, s.seconds, s.topic, s.deck_id, sd.name AS deck_name,
    t.default_deck_id,
    d.ids AS deck_ids, d.team_ids AS deck_team_ids, d.names AS deck_names,
    d.statuses AS deck_statuses, d.kinds AS deck_kinds, d.source_names AS deck_source_names,
    d.hashes AS deck_hashes, d.created AS deck_created, d.updated AS deck_updated,
    d.counts AS deck_counts,
    c.decks AS topic_decks, c.topics AS topic_names, c.counts AS topic_counts
FROM teams t
LEFT JOIN channel_settings s ON s.channel_id = :channel_id
LEFT JOIN decks sd ON sd.id = s.deck_id
CROSS JOIN LATERAL (
    SELECT array_agg(x.id ORDER BY x.name, x.id) AS ids,
           array_agg(x.team_id ORDER BY x.name, x.id) AS team_ids,
           array_agg(x.name ORDER BY x.name, x.id) AS names,
           array_agg(x.status ORDER BY x.name, x.id) AS statuses,
           array_agg(x.source_kind ORDER BY x.name, x.id) AS kinds,
           array_agg(x.source_name ORDER BY x.name, x.id) AS source_names,
           array_agg(x.source_hash ORDER BY x.name, x.id) AS hashes,
           array_agg(x.created_at ORDER BY x.name, x.id) AS created,
           array_agg(x.updated_at ORDER BY x.name, x.id) AS updated,
           array_agg(x.n ORDER BY x.name, x.id) AS counts
    FROM (
        SELECT dk.*, (SELECT count(*) FROM questions q
                      WHERE q.deck_id = dk.id AND q.status = 'active') AS n
        FROM decks dk WHERE dk.team_id IS NULL OR dk.team_id = t.id
    ) x
) d
CROSS JOIN LATERAL (
    SELECT array_agg(y.deck_id ORDER BY y.deck_id, y.topic) AS decks,
           array_agg(y.topic ORDER BY y.deck_id, y.topic) AS topics,
           array_agg(y.n ORDER BY y.deck_id, y.topic) AS counts
    FROM (
        SELECT q.deck_id, q.topic, count(*) AS n
        FROM questions q
        WHERE q.deck_id = ANY(d.ids) AND q.status = 'active'
          AND NOT EXISTS (
              SELECT 1 FROM team_question_status tqs
              WHERE tqs.team_id = t.id AND tqs.question_id = q.id AND tqs.status = 'disabled'
          )
        GROUP BY q.deck_id, q.topic
    ) y
) c
WHERE t.id = :team_id
"""
)


# A round, its questions (the round's copies) and its first question opened, in one
# statement (PostgreSQL). A second running round in the channel breaks the unique index:
# IntegrityError, and nothing is written.
CREATE_ROUND_PG = text(
    f"""
WITH new_round AS (
    INSERT INTO rounds (team_id, channel_id, status, num_questions, seconds, topic, started_by,
                        close_after_answers, started_at, daily)
    VALUES (:team_id, :channel_id, 'running', :num_questions, :seconds, :topic, :started_by,
            :close_after_answers, :started_at, :daily)
    RETURNING *
),
asked AS (
    INSERT INTO round_questions (round_id, ordinal, question_id, prompt, choices, answer,
                                 choice_order, status, opens_at, closes_at)
    SELECT new_round.id, q.ordinal, q.question_id, q.prompt, q.choices, q.answer, q.choice_order,
           CASE WHEN q.ordinal = 1 THEN 'open' ELSE 'pending' END,
           CASE WHEN q.ordinal = 1 THEN CAST(:opens_at AS TIMESTAMPTZ) END,
           CASE WHEN q.ordinal = 1 THEN CAST(:closes_at AS TIMESTAMPTZ) END
    FROM new_round, unnest(
        CAST(:question_ids AS BIGINT[]), CAST(:prompts AS TEXT[]), CAST(:choices AS JSON[]),
        CAST(:answers AS INTEGER[]), CAST(:orders AS JSON[])
    ) WITH ORDINALITY AS q(question_id, prompt, choices, answer, choice_order, ordinal)
    ORDER BY q.ordinal
    RETURNING *
)
SELECT {_prefixed("asked", _RQ_COLUMNS, "")},
       {_prefixed("new_round", ROUND_COLUMNS, ROUND)}
FROM asked, new_round
WHERE asked.ordinal = 1
"""
)
