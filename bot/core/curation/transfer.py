"""Importing and exporting a team's questions: how a file's questions are matched to the team's
(new, changed, unchanged, or a duplicate prompt), decided before anything is written."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from bot.core.curation.drafts import QuestionDraft
from bot.core.curation.store import LIVE_STATUSES
from bot.core.models import (
    QuestionRec,
    TeamRef,
)
from questions.bank import (
    BankQuestion,
    Problem,
    fold_text,
)
from questions.formats import ImportResult


@dataclass(frozen=True)
class ExportFile:
    """An export: the file's text, how many questions it holds, and a file name to attach."""

    text: str
    count: int
    format: str
    filename: str


@dataclass
class ImportPlan:
    new: list[BankQuestion]
    changed: list[tuple[int, BankQuestion]]
    unchanged: int
    problems: list[Problem]


def question_fields(q: QuestionRec | QuestionDraft | BankQuestion) -> dict[str, Any]:
    """The fields an edit or re-import compares and writes."""
    return {
        "topic": q.topic,
        "kind": q.kind,
        "prompt": q.prompt,
        "choices": list(q.choices),
        "answer": q.answer,
        "explanation": q.explanation,
    }


def same_question(a: QuestionRec, b: BankQuestion) -> bool:
    """Same prompt, same set of choices, same correct text: what every format carries, so a
    format that drops topic or explanation (Aiken) or choice order (Open Trivia DB) still
    recognises a question the team already has."""
    return (
        fold_text(a.prompt) == fold_text(b.prompt)
        and {fold_text(c) for c in a.choices} == {fold_text(c) for c in b.choices}
        and fold_text(a.choices[a.answer]) == fold_text(b.choices[b.answer])
    )


def bank_name(team: TeamRef) -> str:
    """A bank name for a team's export, e.g. discord-81384788765712384."""
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", f"{team.platform}-{team.external_id}")[:80]


PLAN_SLICE = 1000


async def plan_import(
    parsed: ImportResult,
    own: Sequence[QuestionRec],
    shared: dict[str, QuestionRec],
) -> ImportPlan:
    """Decide, without writing, what each file question becomes: new, changed or unchanged;
    and every duplicate-prompt problem, at the question's line in the file. One pass over the
    file with dictionaries of the team's questions: linear in both, a few microseconds a
    question, and the event loop gets a turn every PLAN_SLICE questions."""
    by_uid = {r.uid: r for r in own}
    by_prompt = {fold_text(r.prompt): r for r in own if r.status in LIVE_STATUSES}
    plan = ImportPlan([], [], 0, [])
    for i, q in enumerate(parsed.questions):
        if i % PLAN_SLICE == PLAN_SLICE - 1:
            await asyncio.sleep(0)
        mine = by_uid.get(q.id)
        shared_q = shared.get(q.id) if mine is None else None
        same_prompt = by_prompt.get(fold_text(q.prompt))
        if (mine is not None and question_fields(mine) == question_fields(q)) or (
            shared_q is not None and question_fields(shared_q) == question_fields(q)
        ):
            plan.unchanged += 1
        elif mine is None and same_prompt is not None and same_question(same_prompt, q):
            plan.unchanged += 1  # e.g. an id-less format (Aiken) exported from this team
        elif same_prompt is not None and (mine is None or same_prompt.id != mine.id):
            plan.problems.append(
                Problem(
                    "prompt",
                    f"duplicates the prompt of the team's question #{same_prompt.id} "
                    f"({same_prompt.uid})",
                    q.id or f"#{i + 1}",
                    parsed.line_of(i),
                )
            )
        elif mine is not None:
            plan.changed.append((mine.id, q))
        else:
            plan.new.append(q)
    return plan
