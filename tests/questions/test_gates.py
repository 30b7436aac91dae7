"""The quality gates: each reason, the A-E rendering of long options, and de-duplication."""

from dataclasses import replace

from questions.bank import validate_question
from questions.gates import apply_gates, check, render, shape
from questions.generators.base import Candidate

BASE = Candidate(
    generator="cloze",
    kind="choice",
    topic="AWS SQS",
    prompt="Fill in the blank: SQS default visibility timeout is ___.",
    options=("10 seconds", "30 seconds", "60 seconds"),
    answer=1,
    explanation="SQS queue default visibility timeout is 30 seconds.",
    file="n.md",
    line=3,
    section="AWS SQS",
    answer_type="value:num:s",
    key="cloze:sqs:30",
)


def test_good_candidate_passes() -> None:
    assert check(BASE) is None


def test_reasons() -> None:
    cases = {
        "comes from an image or URL": replace(BASE, prompt="see https://x.y ___"),
        "has 1 choices (needs 2-5)": replace(BASE, options=("30 seconds",), answer=0),
        "two choices are the same (more than one correct)": replace(
            BASE, options=("30 seconds", "30  Seconds", "60 seconds")
        ),
        "answer appears in the prompt": replace(BASE, prompt="30 seconds is the ___ timeout"),
        "answer appears in the topic": replace(BASE, topic="30 seconds"),
        "choices are of different types": replace(
            BASE, options=("10 seconds", "30 seconds", "FIFO")
        ),
        "answer is not one of the choices": replace(BASE, answer=7),
        "prompt gives the answer away (shares its words)": replace(
            BASE,
            prompt="Which policy splits traffic?",
            options=("Rolling", "Traffic splitting"),
            answer=1,
            answer_type="term:x",
        ),
    }
    for reason, candidate in cases.items():
        assert check(candidate) == reason, reason


def test_long_options_move_into_prompt() -> None:
    long = "x" * 90
    c = replace(BASE, options=(long, "y" * 85, "short one"), answer=0, answer_type="description")
    q = render(c)
    assert q.choices == ("A", "B", "C")
    assert f"A. {long}" in q.prompt
    assert validate_question(q) == []


def test_dedupe_and_stable_ids() -> None:
    kept, dropped = apply_gates([BASE, BASE, replace(BASE, key="other")])
    assert len(kept) == 1
    assert [d.reason for d in dropped] == [
        "duplicate (same fact asked the same way)",
        "duplicate prompt",
    ]
    assert render(BASE).id == render(BASE).id
    assert len(render(BASE).id) <= 40


def test_lang_follows_prompt() -> None:
    zh = replace(BASE, prompt="填空：默认 ___", options=("10秒", "30秒"), answer=1)
    assert render(zh).lang == "zh"
    assert render(BASE).lang == "en"


def test_shape() -> None:
    assert shape("30 seconds") == shape("512 MB") == "number"
    assert shape("FIFO") == shape("Standard") == shape("AGENT_ISSUE") == "name"
    assert shape("由于") == "zh"
