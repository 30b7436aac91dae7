"""The CPU-heavy halves of curation as pure functions of plain data: statistics over a team's
answers and the text of an export. The admin service hands them to its Worker (a process, see
bot/workers.py) so the event loop never runs them; importing a file is questions.formats'
read_import, handed over the same way."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from bot.core.curation.store import AnswerRow, TeamQuestion
from bot.core.curation.views import QuestionDetail
from bot.core.models import QuestionRec
from bot.core.weeks import week_start
from questions.bank import BankQuestion, Source
from questions.formats import export_text
from questions.stats import QuestionStats, question_stats, top_group


def question_details(
    questions: Sequence[TeamQuestion],
    answers: Sequence[AnswerRow],
    asked: dict[int, int],
    tz: str,
    points: dict[tuple[int, date], int],
) -> list[QuestionDetail]:
    """Each question with its statistics in one team, from the team's answers to them, how
    often each was asked and the team's weekly points (for the top group)."""
    by_question: dict[int, list[AnswerRow]] = {}
    for a in answers:
        by_question.setdefault(a.question_id, []).append(a)
    top = _weekly_top(points)
    return [
        QuestionDetail(
            tq, _stats(tq.rec, by_question.get(tq.rec.id, []), asked.get(tq.rec.id, 0), tz, top)
        )
        for tq in questions
    ]


def export_file(recs: Sequence[QuestionRec], fmt: str, bank: str) -> str:
    """The text of an export of these questions in format `fmt`."""
    return export_text([to_bank(r) for r in recs], fmt, bank=bank)


def to_bank(rec: QuestionRec) -> BankQuestion:
    source = Source(rec.source_file, rec.source_line) if rec.source_file else None
    return BankQuestion(
        id=rec.uid,
        topic=rec.topic,
        prompt=rec.prompt,
        choices=rec.choices,
        answer=rec.answer,
        kind=rec.kind,
        explanation=rec.explanation,
        source=source,
        lang=rec.lang,
        fact=rec.fact,
    )


def _weekly_top(points: dict[tuple[int, date], int]) -> set[tuple[int, date]]:
    """Each week's top group (questions/stats.top_group), as (player, week) pairs."""
    by_week: dict[date, dict[tuple[int, date], int]] = {}
    for key, pts in points.items():
        by_week.setdefault(key[1], {})[key] = pts
    top: set[tuple[int, date]] = set()
    for week_points in by_week.values():
        top |= top_group(week_points)
    return top


def _stats(
    rec: QuestionRec,
    answers: Sequence[AnswerRow],
    asked: int,
    tz: str,
    top: set[tuple[int, date]],
) -> QuestionStats:
    """A question's statistics in one team. An answer counts as the top group's when its player
    was in the top group of the week (team timezone) it was given. Answers whose choice no
    longer exists (the choices were edited down) are left out."""
    records = [
        ((a.player_id, week_start(a.answered_at, tz)), a.choice, a.correct)
        for a in answers
        if 0 <= a.choice < len(rec.choices)
    ]
    return question_stats(
        records, times_asked=asked, choices=rec.choices, answer=rec.answer, top=top
    )
