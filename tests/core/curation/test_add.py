"""Adding questions by command: admins only, validated field by field, recorded."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from bot.core.curation.drafts import QuestionDraft, draft_from_form
from bot.core.curation.service import AdminService
from bot.core.errors import NotAllowed, ValidationFailed
from bot.core.play.service import QuizEngine
from bot.core.views import QuestionCard
from bot.db.tables import AdminAction, Question
from bot.workers import shared_pool
from tests.helpers import CHANNEL, FixedClock, RecordingMessenger, player


async def questions_in_db(repo) -> int:
    async with repo.unit() as u:
        return int(
            (await u.session.execute(select(func.count()).select_from(Question))).scalar_one()
        )


async def test_admin_adds_and_it_is_asked(repo):
    admin = AdminService(repo, FixedClock(), worker=shared_pool())
    draft = draft_from_form(
        "Which port does X-Ray use?", "2000\n3000\n\n8080\n", "1", "UDP 2000", "X-Ray"
    )
    rec = await admin.add_question(player("boss", admin=True), draft)
    assert rec.choices == ("2000", "3000", "8080") and rec.answer == 0 and rec.topic == "X-Ray"
    engine = QuizEngine(repo, RecordingMessenger(), platform="discord", clock=FixedClock())
    await engine.start_round(CHANNEL, player("ann"), questions=1)
    assert engine.messenger.of(QuestionCard)[0].prompt == "Which port does X-Ray use?"
    async with repo.unit() as u:
        action = (await u.session.execute(select(AdminAction))).scalar_one()
    assert (action.actor, action.action, action.question_id) == ("boss", "add", rec.id)


async def test_non_admin_is_refused(repo):
    admin = AdminService(repo, FixedClock(), worker=shared_pool())
    with pytest.raises(NotAllowed):
        await admin.add_question(player("ann"), QuestionDraft("Q?", ("a", "b"), 0))
    assert await questions_in_db(repo) == 0


async def test_team_admin_role_counts(repo):
    admin = AdminService(repo, FixedClock(), worker=shared_pool())
    await admin.team_settings(player("boss", admin=True), admin_roles=("Quizmaster",))
    helper = player("ann")
    helper = type(helper)(
        helper.team, helper.external_id, helper.display_name, roles=("quizmaster",)
    )
    await admin.add_question(helper, QuestionDraft("Q?", ("a", "b"), 0))
    assert await questions_in_db(repo) == 1


@pytest.mark.parametrize(
    ("prompt", "choices", "correct", "field"),
    [
        ("", "a\nb", "1", "prompt"),
        ("Q?", "only one", "1", "choices"),
        ("Q?", "a\nb", "3", "answer"),
        ("Q?", "a\nA", "1", "choices"),
        ("Q?", "a\n" + "x" * 81, "1", "choices"),
        ("x" * 1001, "a\nb", "1", "prompt"),
    ],
)
async def test_bad_form_names_the_field_and_adds_nothing(repo, prompt, choices, correct, field):
    with pytest.raises(ValidationFailed) as err:
        draft = draft_from_form(prompt, choices, correct)
        await AdminService(repo, worker=shared_pool()).add_question(
            player("boss", admin=True), draft
        )
    assert field in err.value.by_field()
    assert await questions_in_db(repo) == 0


async def test_duplicate_prompt_is_refused(repo):
    admin = AdminService(repo, FixedClock(), worker=shared_pool())
    boss = player("boss", admin=True)
    await admin.add_question(boss, QuestionDraft("Same  question?", ("a", "b"), 0))
    with pytest.raises(ValidationFailed) as err:
        await admin.add_question(boss, QuestionDraft("same question?", ("c", "d"), 1))
    assert "prompt" in err.value.by_field()
    assert await questions_in_db(repo) == 1


async def test_channel_settings_become_round_defaults(repo):
    admin = AdminService(repo, FixedClock(), worker=shared_pool())
    boss = player("boss", admin=True)
    await admin.add_question(boss, QuestionDraft("Q1?", ("a", "b"), 0, topic="T"))
    await admin.add_question(boss, QuestionDraft("Q2?", ("a", "b"), 0, topic="T"))
    await admin.channel_settings(boss, CHANNEL, questions=2, seconds=45, topic="t")
    engine = QuizEngine(repo, RecordingMessenger(), platform="discord", clock=FixedClock())
    await engine.start_round(CHANNEL, player("ann"))
    card = engine.messenger.of(QuestionCard)[0]
    assert (card.total, card.seconds, card.topic) == (2, 45, "T")
    with pytest.raises(NotAllowed):
        await admin.channel_settings(player("ann"), CHANNEL, questions=3)
    with pytest.raises(ValidationFailed):
        await admin.channel_settings(boss, CHANNEL, seconds=1)
