"""Disabled questions are never asked; a team disabling a shared question affects only itself."""

from __future__ import annotations

import random

import pytest
from sqlalchemy import select

from bot.core.curation.drafts import QuestionDraft
from bot.core.errors import QuizError
from bot.core.play.service import QuizEngine
from bot.db.tables import Round, RoundQuestion, Team, TeamQuestionStatus
from tests.core.curation.support import BOSS, OTHER_BOSS, OTHER_CHANNEL, OTHER_TEAM, service
from tests.helpers import CHANNEL, FixedClock, RecordingMessenger, load_questions, player
from tests.helpers import sample_questions as shared


async def asked_uids(repo, platform: str) -> set[str]:
    from bot.db.tables import Question

    async with repo.unit() as u:
        rows = await u.session.execute(
            select(Question.uid)
            .join(RoundQuestion, RoundQuestion.question_id == Question.id)
            .join(Round, Round.id == RoundQuestion.round_id)
            .join(Team, Team.id == Round.team_id)
            .where(Team.platform == platform)
        )
        return {r[0] for r in rows}


async def play_rounds(repo, channel, who, rounds: int, deck: str | None = None) -> None:
    engine = QuizEngine(
        repo,
        RecordingMessenger(),
        platform=channel.team.platform,
        clock=FixedClock(),
        rng=random.Random(7),
    )
    for _ in range(rounds):
        await engine.start_round(channel, who, questions=50, deck=deck)
        await engine.stop_round(channel, who)


async def test_disabled_questions_are_never_asked(repo):
    admin = service(repo)
    await load_questions(repo, shared(6))
    own = [
        await admin.add_question(BOSS, QuestionDraft(f"Own {i}?", ("a", "b"), 0)) for i in range(4)
    ]
    for ref in ("q-001", "q-004", own[0].id, f"#{own[2].id}"):
        await admin.disable_question(BOSS, ref)
    await play_rounds(repo, CHANNEL, player("ann"), 3)  # the team's own (custom) deck
    await play_rounds(repo, CHANNEL, player("ann"), 3, deck="test")  # the shared one, asked for
    asked = await asked_uids(repo, "discord")
    assert asked == {"q-000", "q-002", "q-003", "q-005", own[1].uid, own[3].uid}
    page = await admin.list_questions(BOSS, status="disabled")
    assert sorted(tq.rec.uid for tq in page.items) == sorted(
        ["q-001", "q-004", own[0].uid, own[2].uid]
    )
    assert {tq.status for tq in page.items} == {"disabled"}


async def test_a_team_disabling_a_shared_question_does_not_affect_another(repo):
    admin = service(repo)
    await load_questions(repo, shared(3))
    disabled = await admin.disable_question(BOSS, "q-000")
    assert disabled.status == "disabled" and disabled.shared
    async with repo.unit() as u:
        rows = (await u.session.execute(select(TeamQuestionStatus))).scalars().all()
    assert [(r.status, r.question_id) for r in rows] == [("disabled", disabled.rec.id)]
    assert disabled.rec.status == "active"  # the shared row itself is untouched
    other_view = await admin.show_question(OTHER_BOSS, "q-000")
    assert other_view.question.status == "active"
    await play_rounds(repo, OTHER_CHANNEL, player("zed", OTHER_TEAM), 1)
    await play_rounds(repo, CHANNEL, player("ann"), 1)
    assert await asked_uids(repo, "slack") == {"q-000", "q-001", "q-002"}
    assert await asked_uids(repo, "discord") == {"q-001", "q-002"}
    enabled = await admin.enable_question(BOSS, "q-000")
    assert enabled.status == "active"
    await play_rounds(repo, CHANNEL, player("ann"), 1)
    assert "q-000" in await asked_uids(repo, "discord")
    history = await admin.history(BOSS)
    assert [a.action for a in history] == ["enable", "disable"]


async def test_a_team_cannot_see_another_teams_questions(repo):
    admin = service(repo)
    theirs = await admin.add_question(OTHER_BOSS, QuestionDraft("Theirs?", ("a", "b"), 0))
    from bot.core.errors import QuizError

    for call in (admin.show_question, admin.disable_question):
        try:
            await call(BOSS, theirs.id)
        except QuizError as exc:
            assert "No question" in exc.message
        else:
            raise AssertionError("another team's question was reachable")
    assert (await admin.list_questions(BOSS, status="all")).total == 0


async def test_list_searches_by_topic_and_text_with_paging(repo):
    admin = service(repo)
    await load_questions(repo, shared(8))  # topics SQS / Lambda alternate
    await admin.add_question(BOSS, QuestionDraft("100% of what_ever?", ("a", "b"), 0, topic="sqs"))
    sqs = await admin.list_questions(BOSS, topic="SQS", per_page=3)
    assert (sqs.total, sqs.pages, len(sqs.items)) == (5, 2, 3)
    second = await admin.list_questions(BOSS, topic="sqs", per_page=3, page=2)
    assert len(second.items) == 2
    assert {tq.rec.id for tq in sqs.items}.isdisjoint({tq.rec.id for tq in second.items})
    found = await admin.list_questions(BOSS, text="NUMBER 3")
    assert [tq.rec.uid for tq in found.items] == ["q-003"]
    literal = await admin.list_questions(BOSS, text="0% of what_")  # % and _ are literal
    assert [tq.rec.prompt for tq in literal.items] == ["100% of what_ever?"]
    assert (await admin.list_questions(BOSS, text="1%")).total == 0
    own = await admin.list_questions(BOSS, own_only=True)
    assert own.total == 1
    panel = await admin.list_panel(BOSS, topic="SQS", per_page=3)
    assert panel.footer == "Page 1/2 · 5 question(s)" and "[active, shared]" in panel.lines[0]


async def test_a_page_past_the_end_of_the_list_is_refused(repo):
    admin = service(repo)
    await load_questions(repo, shared(8))  # 4 SQS questions: 2 pages of 3
    with pytest.raises(QuizError, match=r"^Page 7 of 2 does not exist: the last page is 2\.$"):
        await admin.list_panel(BOSS, topic="SQS", per_page=3, page=7)
    assert (await admin.list_questions(BOSS, topic="SQS", per_page=3, page=2)).pages == 2
    nothing = await admin.list_questions(BOSS, text="no such words")  # its one empty page
    assert (nothing.total, nothing.pages) == (0, 1)
    with pytest.raises(QuizError, match=r"^Page 2 of 1 does not exist"):
        await admin.list_questions(BOSS, text="no such words", page=2)
