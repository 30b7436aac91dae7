"""Aiken import: options, ANSWER lines, multi-line prompts and every problem with its line."""

from __future__ import annotations

import pytest

from questions.bank import TRUE_FALSE, BankError
from questions.formats import aiken

SAMPLE = """\
Which SQS queue type provides exactly-once processing?
A. Standard
B. FIFO
C. Delay queue
D. Dead-letter queue
ANSWER: B

What is the default timeout
of an AWS Lambda function?
A) 3 seconds
B) 30 seconds
answer: a
Is S3 object storage?
A. True
B. False
ANSWER: A
"""


def test_reads_questions_with_both_option_styles() -> None:
    result = aiken.parse(SAMPLE)
    fifo, timeout, s3 = result.questions
    assert fifo.choices == ("Standard", "FIFO", "Delay queue", "Dead-letter queue")
    assert (fifo.answer, fifo.topic, fifo.kind, fifo.explanation) == (1, "General", "choice", "")
    assert timeout.prompt == "What is the default timeout\nof an AWS Lambda function?"
    assert (timeout.choices, timeout.answer) == (("3 seconds", "30 seconds"), 0)
    assert (s3.kind, s3.choices, s3.answer) == ("truefalse", TRUE_FALSE, 0)
    assert result.skipped == []


def test_ids_are_content_derived() -> None:
    a = aiken.parse(SAMPLE).questions[0]
    assert a.id.startswith("general-") and a.id == aiken.parse(SAMPLE).questions[0].id


def problems(text: str) -> list[tuple[int | None, str]]:
    with pytest.raises(BankError) as err:
        aiken.parse(text)
    return [(p.line, p.field) for p in err.value.problems]


def test_answer_not_among_options() -> None:
    assert problems("Q?\nA. a\nB. b\nANSWER: C\n") == [(4, "answer")]


def test_missing_answer_line_then_next_question() -> None:
    text = "Q1?\nA. a\nB. b\n\nQ2?\nA. c\nB. d\nANSWER: A\n\nQ3?\nA. e\nB. f\n"
    assert problems(text) == [(1, "answer"), (10, "answer")]


def test_rules_checked_with_lines() -> None:
    text = "Q1?\nA. a\nANSWER: A\n\nQ2?\nA. x\nB. x\nANSWER: B\n"
    assert problems(text) == [(1, "choices"), (5, "choices")]


def test_option_before_prompt_and_repeated_letter() -> None:
    found = problems("A. a\nB. b\nANSWER: A\n\nQ?\nA. a\nA. b\nANSWER: A\n")
    assert (1, "prompt") in found and (7, "choices") in found


def test_dump_format() -> None:
    q = aiken.parse(SAMPLE).questions[0]
    assert aiken.dump([q], bank="b") == (
        "Which SQS queue type provides exactly-once processing?\n"
        "A. Standard\nB. FIFO\nC. Delay queue\nD. Dead-letter queue\nANSWER: B\n"
    )
