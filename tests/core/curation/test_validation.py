"""Every validation rule, on add, suggest, edit and import: the message names the field and the
database is unchanged."""

from __future__ import annotations

import pytest

from bot.core.curation.drafts import QuestionDraft
from bot.core.errors import ImportRejected, ValidationFailed
from questions.bank import MAX_CHOICE, MAX_EXPLANATION, MAX_PROMPT, MAX_TOPIC
from tests.core.curation.support import ANN, BOSS, count_questions, service, snapshot

GOOD = QuestionDraft("Which port does X-Ray use?", ("2000", "3000", "8080"), 0, "UDP.", "X-Ray")

BAD = [
    pytest.param(QuestionDraft("", ("a", "b"), 0), "prompt", id="prompt-empty"),
    pytest.param(QuestionDraft("x" * (MAX_PROMPT + 1), ("a", "b"), 0), "prompt", id="prompt-long"),
    pytest.param(QuestionDraft("Q?", ("a",), 0), "choices", id="one-choice"),
    pytest.param(QuestionDraft("Q?", tuple("abcdef"), 0), "choices", id="six-choices"),
    pytest.param(QuestionDraft("Q?", ("a", " "), 0), "choices", id="empty-choice"),
    pytest.param(QuestionDraft("Q?", ("a", "A"), 0), "choices", id="same-choice-twice"),
    pytest.param(
        QuestionDraft("Q?", ("a", "x" * (MAX_CHOICE + 1)), 0), "choices", id="choice-long"
    ),
    pytest.param(QuestionDraft("Q?", ("a", "b"), 2), "answer", id="answer-out-of-range"),
    pytest.param(QuestionDraft("Q?", ("a", "b"), -1), "answer", id="answer-negative"),
    pytest.param(
        QuestionDraft("Q?", ("a", "b"), 0, explanation="x" * (MAX_EXPLANATION + 1)),
        "explanation",
        id="explanation-long",
    ),
    pytest.param(
        QuestionDraft("Q?", ("a", "b"), 0, topic="x" * (MAX_TOPIC + 1)), "topic", id="topic-long"
    ),
]


@pytest.mark.parametrize(("draft", "field"), BAD)
async def test_add_refuses_each_rule(repo, draft, field):
    with pytest.raises(ValidationFailed) as err:
        await service(repo).add_question(BOSS, draft)
    assert field in err.value.by_field()
    assert field in err.value.message
    assert await count_questions(repo) == 0


@pytest.mark.parametrize(("draft", "field"), BAD)
async def test_suggest_refuses_each_rule(repo, draft, field):
    admin = service(repo)
    await admin.team_settings(BOSS, allow_suggestions=True)
    with pytest.raises(ValidationFailed) as err:
        await admin.suggest_question(ANN, draft)
    assert field in err.value.by_field()
    assert await count_questions(repo) == 0


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"prompt": ""}, "prompt"),
        ({"prompt": "x" * (MAX_PROMPT + 1)}, "prompt"),
        ({"choices": ["only"], "answer": 0}, "choices"),
        ({"choices": ["a", "b", "c", "d", "e", "f"], "answer": 0}, "choices"),
        ({"choices": ["a", "a"], "answer": 0}, "choices"),
        ({"choices": ["a", "y" * (MAX_CHOICE + 1)], "answer": 0}, "choices"),
        ({"answer": 3}, "answer"),
        ({"choices": ["new 1", "new 2"]}, "answer"),  # the old answer's text is gone
        ({"explanation": "x" * (MAX_EXPLANATION + 1)}, "explanation"),
        ({"topic": "x" * (MAX_TOPIC + 1)}, "topic"),
    ],
)
async def test_edit_refuses_each_rule_and_changes_nothing(repo, change, field):
    admin = service(repo)
    rec = await admin.add_question(BOSS, GOOD)
    before = await snapshot(repo)
    with pytest.raises(ValidationFailed) as err:
        await admin.edit_question(BOSS, rec.id, **change)
    assert field in err.value.by_field()
    assert await snapshot(repo) == before


async def test_duplicate_prompt_in_the_same_team_is_refused_on_every_path(repo):
    admin = service(repo)
    await admin.team_settings(BOSS, allow_suggestions=True)
    first = await admin.add_question(BOSS, GOOD)
    second = await admin.add_question(BOSS, QuestionDraft("Another?", ("a", "b"), 0))
    dup = QuestionDraft("which  PORT does x-ray use?", ("1", "2"), 0)
    with pytest.raises(ValidationFailed) as err:
        await admin.add_question(BOSS, dup)
    assert "prompt" in err.value.by_field()
    with pytest.raises(ValidationFailed):
        await admin.suggest_question(ANN, dup)
    with pytest.raises(ValidationFailed) as err:
        await admin.edit_question(BOSS, second.id, prompt="Which port does X-Ray use?")
    assert f"#{first.id}" in err.value.by_field()["prompt"]
    csv_text = "prompt,choice1,choice2,answer\nWhich port does X-Ray use?,1,2,A\n"
    with pytest.raises(ImportRejected) as rejected:
        await admin.import_questions(BOSS, csv_text, fmt="csv")
    [problem] = rejected.value.problems
    assert (problem.field, problem.line) == ("prompt", 2)
    assert await count_questions(repo) == 2


async def test_edit_keeps_the_answer_with_its_text_and_records_what_changed(repo):
    admin = service(repo)
    rec = await admin.add_question(BOSS, GOOD)
    edited = await admin.edit_question(BOSS, f"#{rec.id}", choices=["8080", "3000", "2000"])
    assert edited.answer == 2 and edited.choices[edited.answer] == "2000"
    assert edited.uid == rec.uid  # statistics stay attached
    same = await admin.edit_question(BOSS, rec.uid, topic="X-Ray")
    assert same == edited  # nothing changed, nothing recorded
    history = await admin.history(BOSS)
    assert [a.action for a in history] == ["edit", "add"]
    assert history[0].detail["changed"]["answer"] == [0, 2]


async def test_form_edit_parses_letters_and_numbers(repo):
    admin = service(repo)
    rec = await admin.add_question(BOSS, GOOD)
    edited = await admin.edit_from_form(BOSS, str(rec.id), correct_text="C")
    assert edited.answer == 2
    edited = await admin.edit_from_form(BOSS, rec.uid, choices_text="yes\nno", correct_text="2")
    assert (edited.choices, edited.answer) == (("yes", "no"), 1)
    with pytest.raises(ValidationFailed) as err:
        await admin.edit_from_form(BOSS, rec.id, correct_text="Z")
    assert "answer" in err.value.by_field()
