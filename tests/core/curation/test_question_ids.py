"""Question ids: 64-bit content hashes, namespaced by team, so a team's import can never block a
shared-bank load, and a reloaded shipped bank keeps rows (and statistics) whose content did not
change even when their ids did. On SQLite and PostgreSQL."""

from __future__ import annotations

import dataclasses

import pytest
from sqlalchemy import select

from bot.db.banks import load_bank
from bot.db.tables import Question
from questions.bank import Bank, BankError, BankQuestion, dump_bank, make_id, shipped_bank_paths
from questions.bank import load_bank as read_bank
from questions.formats.common import DEFAULT_TOPIC, content_id
from tests.core.curation.support import BOSS, OTHER_BOSS, count_questions, service, snapshot
from tests.helpers import sample_questions


def test_content_ids_carry_64_bits_and_stay_within_40_characters() -> None:
    qid = make_id("Amazon Simple Queue Service FIFO queues", "Which queue?", "FIFO")
    slug, digest = qid.rsplit("-", 1)
    assert len(digest) == 16 and int(digest, 16) >= 0 and len(qid) <= 40
    assert slug == "amazon-simple-queue-ser"  # cut to fit, no dangling dash
    # These two collide in the first 32 bits of their hash (the old ids): not any more.
    a = content_id(DEFAULT_TOPIC, "Question 26916?", ("yes", "no"))
    b = content_id(DEFAULT_TOPIC, "Question 82487?", ("yes", "no"))
    assert a[-16:-8] == b[-16:-8] and a != b


def shipped() -> Bank:
    return read_bank(shipped_bank_paths()[0])


async def shared_rows(repo) -> dict[str, tuple[int, str, str]]:
    async with repo.unit() as u:
        rows = await u.session.scalars(select(Question).where(Question.team_id.is_(None)))
        return {q.uid: (q.id, q.prompt, q.status) for q in rows}


async def test_a_team_holding_the_next_shipped_banks_ids_cannot_block_its_load(repo):
    bank = shipped()
    squatted = [
        dataclasses.replace(q, prompt=f"Team question {i}?", explanation="ours")
        for i, q in enumerate(bank.questions[:20])
    ]
    text = dump_bank(Bank("team", squatted))
    admin = service(repo)
    for boss in (BOSS, OTHER_BOSS):
        report = await admin.import_questions(boss, text, fmt="yaml")
        assert report.added == 20
    teams_before = sorted(r for r in await snapshot(repo) if r[1] is not None)
    async with repo.unit() as u:
        result = await load_bank(u.session, bank)
    assert (result.added, result.updated) == (len(bank.questions), 0)
    assert sorted(r for r in await snapshot(repo) if r[1] is not None) == teams_before
    assert len(await shared_rows(repo)) == len(bank.questions)
    for boss in (BOSS, OTHER_BOSS):  # each team still finds its own question by the id
        shown = await admin.show_question(boss, bank.questions[0].id)
        assert shown.question.rec.prompt == "Team question 0?" and not shown.question.shared


async def test_reloading_a_bank_whose_ids_changed_keeps_rows_of_unchanged_content(repo):
    """What `quizbot questions load` does with a database of 32-bit ids and the regenerated
    shipped bank: same content, new id -> the same row (and its statistics) under the new id."""
    new = sample_questions(6)
    old = [dataclasses.replace(q, id=f"old-{q.id[:8]}") for q in new]
    async with repo.unit() as u:
        await load_bank(u.session, Bank("b", old))
    before = await shared_rows(repo)
    edited = dataclasses.replace(new[5], prompt="A reworded prompt?")
    reloaded = [*new[:4], edited]  # new[4] left the bank
    async with repo.unit() as u:
        result = await load_bank(u.session, Bank("b", reloaded))
    assert (result.added, result.retired, result.renamed) == (1, 2, 4)
    assert "4 kept under a new id (same content, statistics kept)" in str(result)
    after = await shared_rows(repo)
    for o, n in zip(old[:4], new[:4], strict=True):
        assert after[n.id][0] == before[o.id][0] and n.id not in before  # same row, new id
        assert o.id not in after
    assert after[old[4].id][2] == after[old[5].id][2] == "retired"
    assert after[edited.id][0] not in {row[0] for row in before.values()}  # new content: new row
    async with repo.unit() as u:
        again = await load_bank(u.session, Bank("b", reloaded))
    assert (again.added, again.updated, again.unchanged, again.renamed) == (0, 0, 5, 0)


async def test_an_id_of_another_shared_bank_is_a_clear_error_that_changes_nothing(repo):
    async with repo.unit() as u:
        await load_bank(u.session, Bank("first", sample_questions(2)))
    before = await snapshot(repo)
    clash = [BankQuestion("q-001", "T", "Something else?", ("a", "b"), 0)]
    with pytest.raises(BankError) as err:
        async with repo.unit() as u:
            await load_bank(u.session, Bank("second", clash))
    assert str(err.value) == (
        "question q-001: id: is already used by the bank 'first'; ids are unique across banks"
    )
    assert await snapshot(repo) == before


async def test_an_added_question_gets_the_content_id_an_import_would_give(repo):
    from bot.core.curation.drafts import QuestionDraft

    rec = await service(repo).add_question(BOSS, QuestionDraft("Own?", ("x", "y"), 1, topic="T"))
    assert rec.uid == content_id("T", "Own?", ("x", "y"))
    assert await count_questions(repo, uid=rec.uid) == 1


def many_csv(n: int) -> bytes:
    rows = "".join(f"Q{i}?,a,b,A\n" for i in range(n))
    return ("prompt,choice1,choice2,answer\n" + rows).encode()


@pytest.mark.slow  # imports run in the worker process, tens of seconds in all
async def test_fifty_thousand_questions_import_in_one_transaction(repo):
    """Was: past 16,383 questions PostgreSQL refused the 32,768 parameters of one statement and
    the import was reported as a database outage."""
    report = await service(repo).import_questions(BOSS, many_csv(50_000), filename="big.csv")
    assert (report.added, report.updated) == (50_000, 0)
    assert await count_questions(repo) == 50_000
