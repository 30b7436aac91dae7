"""Rows as the core's records, and bank questions as row values: one conversion each."""

from __future__ import annotations

from typing import Any

from bot.core.models import (
    AnswerContext,
    Asked,
    QuestionRec,
    QuestionStatus,
    RoundQuestionRec,
    RoundRec,
    RoundStatus,
)
from bot.core.play.store import AnswerReads
from bot.core.study.memory import Memory
from bot.core.study.store import MemoryRow
from bot.db.tables import (
    Question,
    Round,
    RoundQuestion,
)
from questions.bank import BankQuestion


def answer_context(row: Any) -> AnswerContext:
    return AnswerContext(
        rq=RoundQuestionRec(
            id=row.id,
            round_id=row.round_id,
            ordinal=row.ordinal,
            question_id=row.question_id,
            choice_order=tuple(row.choice_order),
            status=QuestionStatus(row.status),
            opens_at=row.opens_at,
            closes_at=row.closes_at,
        ),
        round=RoundRec(
            id=row.round_id,
            team_id=row.team_id,
            channel_id=row.channel_id,
            status=RoundStatus(row.r_status),
            num_questions=row.num_questions,
            seconds=row.seconds,
            topic=None,
            started_by=None,
            started_at=row.started_at,
            close_after_answers=row.close_after_answers,
        ),
        answer=row.answer,
        choices=tuple(row.choices),
        timezone=row.timezone or "UTC",
    )


def answer_reads(rows: Any) -> AnswerReads:
    """hot_statements.ANSWER_READS_PG's rows: one per clicked question, the players' earlier
    answers and memories beside it as arrays (NULL when there are none)."""
    contexts: dict[int, AnswerContext] = {}
    earlier: dict[tuple[int, int], dict[int, bool]] = {}
    memories: dict[tuple[int, int], Memory] = {}
    for row in rows:
        ctx = contexts[row.id] = answer_context(row)
        for player, ordinal, correct in zip(
            row.earlier_players or (),
            row.earlier_ordinals or (),
            row.earlier_corrects or (),
            strict=True,
        ):
            earlier.setdefault((ctx.round.id, player), {})[ordinal] = bool(correct)
        for card in zip(
            row.card_players or (), row.card_states or (), row.card_steps or (),
            row.card_stabilities or (), row.card_difficulties or (), row.card_dues or (),
            row.card_last_reviews or (), row.card_answered or (), row.card_corrects or (),
            strict=True,
        ):  # fmt: skip
            player, state, step, stability, difficulty, due, last_review, answered, right = card
            memories[(player, ctx.rq.question_id)] = Memory(
                int(state), step, stability, difficulty, due, last_review, answered, right
            )
    return AnswerReads(contexts, earlier, memories)


def memory_of(row: Any) -> Memory:
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


def memory_values(row: MemoryRow) -> dict[str, Any]:
    """A memory as study_cards' column values."""
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


def question_rec(q: Question) -> QuestionRec:
    return QuestionRec(
        id=q.id,
        uid=q.uid,
        topic=q.topic,
        prompt=q.prompt,
        choices=tuple(q.choices),
        answer=q.answer,
        kind=q.kind,
        explanation=q.explanation or "",
        source_file=q.source_file,
        source_line=q.source_line,
        lang=q.lang,
        status=q.status,
        team_id=q.team_id,
        bank=q.bank,
        fact=q.fact,
        deck_id=q.deck_id,
    )


def round_rec(r: Round) -> RoundRec:
    return RoundRec(
        id=r.id,
        team_id=r.team_id,
        channel_id=r.channel_id,
        status=RoundStatus(r.status),
        num_questions=r.num_questions,
        seconds=r.seconds,
        topic=r.topic,
        started_by=r.started_by,
        started_at=r.started_at,
        close_after_answers=r.close_after_answers,
        ended_at=r.ended_at,
        daily=bool(r.daily),
    )


def rq_rec(r: RoundQuestion) -> RoundQuestionRec:
    return RoundQuestionRec(
        id=r.id,
        round_id=r.round_id,
        ordinal=r.ordinal,
        question_id=r.question_id,
        choice_order=tuple(r.choice_order),
        status=QuestionStatus(r.status),
        opens_at=r.opens_at,
        closes_at=r.closes_at,
        closed_at=r.closed_at,
        message_ref=r.message_ref,
        asked=Asked(r.question_id, r.prompt, tuple(r.choices), r.answer),
    )


# The columns a bank file sets on a question row (question_values' keys).
CONTENT_FIELDS = (
    "topic",
    "kind",
    "prompt",
    "choices",
    "answer",
    "explanation",
    "source_file",
    "source_line",
    "lang",
    "fact",
)


def question_values(q: BankQuestion) -> dict[str, Any]:
    return {
        "topic": q.topic,
        "kind": q.kind,
        "prompt": q.prompt,
        "choices": list(q.choices),
        "answer": q.answer,
        "explanation": q.explanation,
        "source_file": q.source.file if q.source else None,
        "source_line": q.source.line if q.source else None,
        "lang": q.lang,
        "fact": q.fact,
    }
