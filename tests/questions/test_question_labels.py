"""What a blind review found in banks of unseen notes (issue #13, round 5): a list item's label
that asks ("**为什么查得快**: …", "**How it scores**: …") is a question its item answers, not a
term: beside attribute names it is the only possible fit, so no "which is described" question
is keyed by it and it is never offered as an option."""

from __future__ import annotations

from questions.facts.definitions import question_label
from questions.headers import asks
from questions.parse.model import Inline
from tests.questions.own_notes import keyed

NAME = "search-index-zh.md"
QUESTIONS = {"为什么查得快", "怎么删除文档", "副本多少合适？", "副本多少合适", "How it scores"}
TERMS = {"词项", "文档号", "主分片", "路由", "Bool query", "Match query", "Term query"}


def _questions() -> list[tuple[str, list[str], str]]:
    return keyed(NAME)


def test_question_labels_are_no_terms() -> None:
    questions = _questions()
    for prompt, choices, _ in questions:
        assert not QUESTIONS & set(choices), (prompt, choices)
    # the terms of the same lists are still asked, among each other
    asked = {t for p, c, k in questions for t in TERMS if t == k or t in p}
    assert asked >= TERMS - {"路由"}, asked


def test_asking_words() -> None:
    for label in ("为啥快", "为什么", "副本多少合适？", "怎么删除文档", "How it works", "Why fast",
                  "What's inside", "When", "Is it safe?"):  # fmt: skip
        assert asks(label), label
    for label in ("时间", "大小", "文件名", "How-to guides", "Whatever", "Workspaces", "Hour"):
        assert not asks(label), label


def test_a_label_in_code_names_a_command() -> None:
    assert question_label("为啥快", Inline("为啥快"))
    assert not question_label("which", Inline("which", code=("which",)))
