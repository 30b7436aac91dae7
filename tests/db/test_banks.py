"""Loading a bank is idempotent and keeps ids stable; bad files change nothing."""

from __future__ import annotations

import dataclasses

import pytest
from sqlalchemy import select

from bot.db.banks import load_bank
from bot.db.tables import Question
from questions.bank import Bank, BankError, parse_bank
from tests.helpers import sample_questions


async def rows(repo):
    async with repo.unit() as u:
        return {
            q.uid: (q.id, q.prompt, q.status) for q in await u.session.scalars(select(Question))
        }


async def test_load_twice_changes_nothing_and_update_keeps_id(repo):
    qs = sample_questions(5)
    async with repo.unit() as u:
        first = await load_bank(u.session, Bank("b", qs))
    assert (first.added, first.updated) == (5, 0)
    before = await rows(repo)
    async with repo.unit() as u:
        again = await load_bank(u.session, Bank("b", qs))
    assert (again.added, again.updated, again.unchanged) == (0, 0, 5)
    assert await rows(repo) == before
    changed = [dataclasses.replace(qs[0], prompt="A better prompt?"), *qs[1:4]]
    async with repo.unit() as u:
        third = await load_bank(u.session, Bank("b", changed))
    assert (third.added, third.updated, third.unchanged, third.retired) == (0, 1, 3, 1)
    after = await rows(repo)
    assert after[qs[0].id][0] == before[qs[0].id][0]  # same database id
    assert after[qs[0].id][1] == "A better prompt?"
    assert after[qs[4].id][2] == "retired"


@pytest.mark.parametrize(
    ("snippet", "expect"),
    [
        (
            "  - {id: a1, topic: T, prompt: 'P?', choices: [x, y]}\n",
            "question a1: answer: is missing",
        ),
        (
            "  - {id: a2, topic: T, prompt: 'P?', choices: [x, y], answer: 2}\n",
            "question a2: answer",
        ),
        (
            "  - {id: a3, prompt: 'P?', choices: [x, y], answer: 0}\n",
            "question a3: topic: is missing",
        ),
        ("  - {id: a4, topic: T, prompt: 'P?', choices: [x], answer: 0}\n", "question a4: choices"),
    ],
)
def test_bad_bank_names_question_and_field(snippet, expect):
    with pytest.raises(BankError) as err:
        parse_bank("bank: b\nquestions:\n" + snippet)
    assert expect in str(err.value)
    assert "line 3" in str(err.value)
