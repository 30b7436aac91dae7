"""Open Trivia DB JSON import: entities decoded, choice order stable, types checked."""

from __future__ import annotations

import json

import pytest

from questions.bank import TRUE_FALSE, BankError
from questions.formats import opentdb

SAMPLE = """{
  "response_code": 0,
  "results": [
    {
      "category": "Science: Computers",
      "type": "multiple",
      "difficulty": "easy",
      "question": "What does &quot;HTTP&quot; stand for?",
      "correct_answer": "HyperText Transfer Protocol",
      "incorrect_answers": ["HyperText Transit Protocol", "High &amp; Tight Protocol", "None"]
    },
    {
      "category": "Science: Computers",
      "type": "boolean",
      "difficulty": "medium",
      "question": "Linux was first released in 1991.",
      "correct_answer": "True",
      "incorrect_answers": ["False"]
    },
    {
      "category": "Art",
      "type": "text",
      "question": "Free text?",
      "correct_answer": "x",
      "incorrect_answers": []
    }
  ]
}"""


def test_reads_multiple_and_boolean_and_skips_other_types() -> None:
    result = opentdb.parse(SAMPLE)
    http, linux = result.questions
    assert http.prompt == 'What does "HTTP" stand for?'
    assert http.topic == "Science: Computers"
    assert "High & Tight Protocol" in http.choices
    assert http.answer_text == "HyperText Transfer Protocol"
    assert http.answer == opentdb.answer_position(http.prompt, 4)
    wrong = [c for c in http.choices if c != http.answer_text]
    assert wrong == ["HyperText Transit Protocol", "High & Tight Protocol", "None"]
    assert (linux.kind, linux.choices, linux.answer) == ("truefalse", TRUE_FALSE, 0)
    [skip] = result.skipped
    assert (skip.line, skip.question) == (20, "results[2]")


def test_answer_position_is_stable_and_spread() -> None:
    positions = {opentdb.answer_position(f"question {i}", 4) for i in range(40)}
    assert positions == {0, 1, 2, 3}
    assert opentdb.answer_position("q", 4) == opentdb.answer_position("q", 4)


def test_problems_have_result_lines() -> None:
    doc = json.loads(SAMPLE)
    doc["results"][0]["incorrect_answers"] = ["HyperText Transfer Protocol"]
    doc["results"][1]["correct_answer"] = "Maybe"
    with pytest.raises(BankError) as err:
        opentdb.parse(json.dumps(doc, indent=1))
    found = [(p.line, p.field) for p in err.value.problems]
    assert found == [(4, "choices"), (14, "correct_answer")]


def test_bad_json_and_response_code() -> None:
    with pytest.raises(BankError) as err:
        opentdb.parse('{"results": [\n}')
    assert err.value.problems[0].field == "json" and err.value.problems[0].line == 2
    with pytest.raises(BankError) as err:
        opentdb.parse('{"response_code": 1, "results": []}')
    assert err.value.problems[0].field == "response_code"


def test_dump_escapes_entities() -> None:
    q = opentdb.parse(SAMPLE).questions[0]
    doc = json.loads(opentdb.dump([q], bank="b"))
    [item] = doc["results"]
    assert item["question"] == "What does &quot;HTTP&quot; stand for?"
    assert item["incorrect_answers"][1] == "High &amp; Tight Protocol"
    assert (doc["response_code"], item["type"], item["difficulty"]) == (0, "multiple", "medium")
