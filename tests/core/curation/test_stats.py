"""Per-question statistics after a scripted set of answers, played through the real engine."""

from __future__ import annotations

import random

import pytest

from bot.core.curation.drafts import QuestionDraft
from bot.core.curation.views import detail_panel
from bot.core.play.service import QuizEngine
from bot.core.views import QuestionCard
from questions.stats import ALMOST_NOBODY_RIGHT
from tests.core.curation.support import BOSS, OTHER_BOSS, OTHER_CHANNEL, OTHER_TEAM, service
from tests.helpers import (
    CHANNEL,
    FixedClock,
    RecordingMessenger,
    load_questions,
    player,
    sample_questions,
)

CHOICES = ("Right", "Wrong B", "Wrong C", "Wrong D")


async def play(engine: QuizEngine, channel, picks: dict[str, str], team=None) -> None:
    """One round of one question; each named player picks the choice with that text."""
    who = {name: player(name, team) if team else player(name) for name in picks}
    first = next(iter(who.values()))
    await engine.start_round(channel, first, questions=1, topic="Stats")
    card = engine.messenger.of(QuestionCard)[-1]
    for name, text in picks.items():
        receipt = await engine.answer(card.round_question_id, who[name], card.choices.index(text))
        assert receipt.accepted
        engine.clock.advance(1)
    await engine.close_question(card.round_question_id)


@pytest.fixture
def engine(repo):
    return QuizEngine(
        repo, RecordingMessenger(), platform="discord", clock=FixedClock(), rng=random.Random(3)
    )


async def test_statistics_are_exactly_right(repo, engine):
    admin = service(repo)
    rec = await admin.add_question(BOSS, QuestionDraft("Stat me?", CHOICES, 0, topic="Stats"))
    await play(
        engine,
        CHANNEL,
        {"p1": "Right", "p2": "Right", "p3": "Wrong B", "p4": "Wrong B", "p5": "Wrong B"},
    )
    await play(engine, CHANNEL, {"p1": "Right", "p2": "Wrong B", "p6": "Wrong C"})
    detail = await admin.show_question(BOSS, rec.id)
    st = detail.stats
    assert (st.asked, st.answered, st.correct) == (2, 8, 3)
    assert st.facility == 37.5
    assert st.choice_counts == (3, 4, 1, 0)
    # Six players this week: the top group is the top 2 (p1 and p2, the only ones with points).
    # Top answers 3/4 right, the rest 0/4: discrimination 0.75.
    assert st.discrimination == 0.75
    assert st.flags == ['distractor B "Wrong B" picked more than the answer']
    panel = detail_panel(detail)
    assert "✓ A. Right  (3 picked)" in panel.lines
    assert any("38% right" in line for line in panel.lines)
    assert panel.lines[-1] == '⚠ distractor B "Wrong B" picked more than the answer'


async def test_other_teams_answers_do_not_count_and_broken_questions_come_first(repo, engine):
    admin = service(repo)
    hard = await admin.add_question(BOSS, QuestionDraft("Hard?", CHOICES, 0, topic="Stats"))
    await play(engine, CHANNEL, {f"p{i}": "Wrong D" if i % 2 else "Wrong C" for i in range(6)})
    await admin.disable_question(BOSS, hard.id)
    fine = await admin.add_question(BOSS, QuestionDraft("Fine?", CHOICES, 0, topic="Stats"))
    await play(engine, CHANNEL, {f"p{i}": "Right" for i in range(5)})
    theirs = await admin.add_question(OTHER_BOSS, QuestionDraft("Hard?", CHOICES, 0, topic="Stats"))
    other = QuizEngine(repo, RecordingMessenger(), platform="slack", clock=FixedClock())
    await play(other, OTHER_CHANNEL, {"z1": "Right"}, team=OTHER_TEAM)
    report = await admin.question_report(BOSS)
    assert [d.question.rec.id for d in report] == [hard.id, fine.id]
    assert ALMOST_NOBODY_RIGHT in report[0].stats.flags
    assert report[0].stats.facility == 0.0 and report[0].stats.answered == 6
    assert report[1].stats.flags == [] and report[1].stats.facility == 100.0
    flagged = await admin.question_report(BOSS, flagged_only=True)
    assert [d.question.rec.id for d in flagged] == [hard.id]
    theirs_report = await admin.question_report(OTHER_BOSS)
    assert [(d.question.rec.id, d.stats.answered) for d in theirs_report] == [(theirs.id, 1)]


async def test_a_question_never_asked_has_empty_statistics(repo):
    admin = service(repo)
    rec = await admin.add_question(BOSS, QuestionDraft("Quiet?", CHOICES, 1))
    st = (await admin.show_question(BOSS, rec.uid)).stats
    assert (st.asked, st.answered, st.facility, st.discrimination, st.flags) == (
        0,
        0,
        None,
        None,
        [],
    )
    assert (await admin.report_panel(BOSS)).lines == ("No question has been asked yet.",)


async def test_flagged_only_says_how_many_were_asked_when_none_looks_broken(repo, engine):
    await load_questions(repo, sample_questions(40))
    await engine.start_round(CHANNEL, player("p1"), questions=33)
    for _ in range(33):
        card = engine.messenger.of(QuestionCard)[-1]
        assert await engine.close_question(card.round_question_id)
    admin = service(repo)

    panel = await admin.report_panel(BOSS, flagged_only=True)

    assert panel.lines == ("33 question(s) asked; none looks broken.",)
    assert panel.footer == "33 question(s) asked, 0 flagged"
    assert len((await admin.report_panel(BOSS)).lines) == 33
