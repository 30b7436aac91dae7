"""How a deck's rows follow a new set of its questions (a regenerated notes file, a reloaded
bank): decided here, without writing, so loading a shipped bank and regenerating a team's deck
follow one rule.

A question keeps its row, and so its statistics and history, when its id is in the new set
(content-derived ids: unchanged notes give unchanged ids), or when its id left but a question
of the new set has the same prompt, choices and answer (the id changed, the question did not).
Rows no longer in the set are retired, never deleted: answers refer to them.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.core.decks.store import Change, SyncPlan
from bot.core.models import QuestionRec
from questions.bank import BankQuestion, fold_text

RETIRED = "retired"

ContentKey = tuple[str, tuple[str, ...], int]
Content = tuple[object, ...]


def content_key(prompt: str, choices: Sequence[str], answer: int) -> ContentKey:
    """What makes two questions the same question, whatever their ids."""
    return fold_text(prompt), tuple(fold_text(c) for c in choices), answer


def content(q: QuestionRec | BankQuestion) -> Content:
    """Every field a deck's file sets, to tell an unchanged row from a changed one."""
    if isinstance(q, BankQuestion):
        file, line = (q.source.file, q.source.line) if q.source else (None, None)
    else:
        file, line = q.source_file, q.source_line
    return (
        q.topic,
        q.kind,
        q.prompt,
        tuple(q.choices),
        q.answer,
        q.explanation,
        file,
        line,
        q.lang,
        q.fact,
    )


def plan_sync(existing: Sequence[QuestionRec], incoming: Sequence[BankQuestion]) -> SyncPlan:
    """What each of `incoming` becomes (new, changed, unchanged) and which rows are retired."""
    by_uid = {r.uid: r for r in existing}
    wanted = {q.id for q in incoming}
    left: dict[ContentKey, list[QuestionRec]] = {}
    for old in existing:
        if old.uid not in wanted:
            left.setdefault(content_key(old.prompt, old.choices, old.answer), []).append(old)
    plan = SyncPlan([], [], 0, [])
    kept: set[int] = set()
    for q in incoming:
        row: QuestionRec | None = by_uid.get(q.id)
        renamed = False
        if row is None and (same := left.get(content_key(q.prompt, q.choices, q.answer))):
            row = same.pop(0)
            renamed = True
        if row is None:
            plan.new.append(q)
            continue
        kept.add(row.id)
        revive = row.status == RETIRED
        if renamed or revive or content(row) != content(q):
            plan.changed.append(Change(row.id, q, revive))
            plan.renamed += renamed
        else:
            plan.unchanged += 1
    plan.retired = [r.id for r in existing if r.id not in kept and r.status != RETIRED]
    return plan
