"""Only admins curate; non-admins may only suggest, and only when the team allows it."""

from __future__ import annotations

import pytest

from bot.core.curation.drafts import QuestionDraft
from bot.core.errors import NotAllowed, QuizError
from tests.core.curation.support import ANN, BOSS, count_questions, service, snapshot
from tests.helpers import load_questions, sample_questions

DRAFT = QuestionDraft("Suggested?", ("yes", "no"), 0)


@pytest.mark.parametrize(
    "call",
    [
        pytest.param(lambda a, q: a.add_question(ANN, DRAFT), id="add"),
        pytest.param(lambda a, q: a.edit_question(ANN, q, prompt="Hacked?"), id="edit"),
        pytest.param(lambda a, q: a.disable_question(ANN, q), id="disable"),
        pytest.param(lambda a, q: a.enable_question(ANN, q), id="enable"),
        pytest.param(
            lambda a, q: a.import_questions(
                ANN, "prompt,choice1,choice2,answer\nX?,a,b,A\n", fmt="csv"
            ),
            id="import",
        ),
        pytest.param(lambda a, q: a.export_questions(ANN, "yaml"), id="export"),
        pytest.param(lambda a, q: a.list_questions(ANN), id="list"),
        pytest.param(lambda a, q: a.show_question(ANN, q), id="show"),
        pytest.param(lambda a, q: a.question_report(ANN), id="stats"),
        pytest.param(lambda a, q: a.history(ANN), id="history"),
        pytest.param(lambda a, q: a.approve_question(ANN, q), id="approve"),
        pytest.param(lambda a, q: a.reject_question(ANN, q), id="reject"),
    ],
)
async def test_non_admin_is_refused_and_nothing_changes(repo, call):
    admin = service(repo)
    rec = await admin.add_question(BOSS, QuestionDraft("Team one?", ("a", "b"), 0))
    before = await snapshot(repo)
    with pytest.raises(NotAllowed):
        await call(admin, rec.id)
    assert await snapshot(repo) == before
    assert [a.action for a in await admin.history(BOSS)] == ["add"]


async def test_suggestions_wait_for_review_and_are_never_asked_until_approved(repo):
    from bot.core.play.service import QuizEngine
    from tests.helpers import CHANNEL, FixedClock, RecordingMessenger

    admin = service(repo)
    with pytest.raises(NotAllowed):
        await admin.suggest_question(ANN, DRAFT)  # suggestions are off by default
    await admin.team_settings(BOSS, allow_suggestions=True)
    rec = await admin.suggest_question(ANN, DRAFT)
    assert rec.status == "pending"
    engine = QuizEngine(repo, RecordingMessenger(), platform="discord", clock=FixedClock())
    with pytest.raises(QuizError):
        await engine.start_round(CHANNEL, ANN, questions=1)  # nothing active to ask
    pending = await admin.list_questions(BOSS, status="pending")
    assert [tq.rec.id for tq in pending.items] == [rec.id]
    assert pending.items[0].author == "ann"
    with pytest.raises(QuizError):
        await admin.disable_question(BOSS, rec.id)  # pending: approve or reject first
    approved = await admin.approve_question(BOSS, rec.id)
    assert approved.status == "active"
    await engine.start_round(CHANNEL, ANN, questions=1)
    with pytest.raises(QuizError):
        await admin.approve_question(BOSS, rec.id)  # no longer pending


async def test_rejected_suggestions_stay_out_and_can_be_suggested_again(repo):
    admin = service(repo)
    await admin.team_settings(BOSS, allow_suggestions=True)
    rec = await admin.suggest_question(ANN, DRAFT)
    rejected = await admin.reject_question(BOSS, f"#{rec.id}", "too easy")
    assert rejected.status == "rejected"
    assert (await admin.list_questions(BOSS)).total == 0
    assert (await admin.list_questions(BOSS, status="all")).total == 1
    again = await admin.suggest_question(ANN, DRAFT)  # same text, new row, no uid clash
    assert again.uid != rec.uid and again.status == "pending"
    history = await admin.history(BOSS)
    assert [(a.action, a.actor) for a in history[:3]] == [
        ("suggest", "ann"),
        ("reject", "boss"),
        ("suggest", "ann"),
    ]
    assert history[1].detail["reason"] == "too easy"


async def test_shared_questions_cannot_be_edited_or_reviewed(repo):
    admin = service(repo)
    await load_questions(repo, sample_questions(2))
    with pytest.raises(QuizError) as err:
        await admin.edit_question(BOSS, "q-000", prompt="Changed?")
    assert "shared" in err.value.message
    with pytest.raises(QuizError):
        await admin.approve_question(BOSS, "q-000")
    assert await count_questions(repo, prompt="Changed?") == 0


async def test_unknown_question_is_named(repo):
    admin = service(repo)
    with pytest.raises(QuizError) as err:
        await admin.show_question(BOSS, "#999")
    assert "#999" in err.value.message and err.value.field == "question"
