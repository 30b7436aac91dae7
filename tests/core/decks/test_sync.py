"""How a deck's rows follow a new set of questions: kept, changed, renamed, revived, retired."""

from __future__ import annotations

import dataclasses

from bot.core.decks.sync import content, plan_sync
from bot.core.models import QuestionRec
from questions.bank import BankQuestion, Source


def bank(i: int, **changes: object) -> BankQuestion:
    q = BankQuestion(
        f"q-{i}", "T", f"Prompt {i}?", ("a", "b"), 0, source=Source("n.md", i), fact=f"f{i}"
    )
    return dataclasses.replace(q, **changes)


def row(i: int, q: BankQuestion, status: str = "active") -> QuestionRec:
    return QuestionRec(
        id=100 + i,
        uid=q.id,
        topic=q.topic,
        prompt=q.prompt,
        choices=q.choices,
        answer=q.answer,
        kind=q.kind,
        explanation=q.explanation,
        source_file=q.source.file if q.source else None,
        source_line=q.source.line if q.source else None,
        lang=q.lang,
        status=status,
        fact=q.fact,
    )


def test_a_row_and_its_question_have_the_same_content():
    assert content(row(1, bank(1))) == content(bank(1))
    assert content(row(1, bank(1, source=None))) == content(bank(1, source=None))
    assert content(bank(1)) != content(bank(1, fact="other"))


def test_unchanged_changed_new_and_gone():
    rows = [row(i, bank(i)) for i in range(4)]
    incoming = [bank(0), bank(1, explanation="Now explained."), bank(2, source=Source("n.md", 9))]
    incoming.append(bank(7))
    plan = plan_sync(rows, incoming)
    assert plan.unchanged == 1
    assert [(c.question_id, c.question.id, c.revive) for c in plan.changed] == [
        (101, "q-1", False),
        (102, "q-2", False),
    ]
    assert [q.id for q in plan.new] == ["q-7"]
    assert plan.retired == [103]
    assert plan.summary() == "1 added, 2 updated, 1 unchanged, 1 retired"


def test_a_question_whose_id_changed_keeps_its_row():
    rows = [row(1, bank(1, id="old-1")), row(2, bank(2, id="old-2"))]
    plan = plan_sync(rows, [bank(1), bank(2, prompt="A new prompt?")])
    assert [(c.question_id, c.question.id) for c in plan.changed] == [(101, "q-1")]
    assert (plan.renamed, plan.updated) == (1, 0)
    assert [q.id for q in plan.new] == ["q-2"]
    assert plan.retired == [102]
    assert "1 kept under a new id" in plan.summary()


def test_a_retired_question_that_comes_back_is_revived_and_not_retired_again():
    rows = [row(1, bank(1), status="retired"), row(2, bank(2), status="retired")]
    plan = plan_sync(rows, [bank(1)])
    assert [(c.question_id, c.revive) for c in plan.changed] == [(101, True)]
    assert plan.retired == []  # q-2 was retired already
    assert plan.unchanged == 0


def test_a_disabled_question_stays_as_it_is():
    plan = plan_sync([row(1, bank(1), status="disabled")], [bank(1)])
    assert (plan.unchanged, plan.changed, plan.retired) == (1, [], [])
