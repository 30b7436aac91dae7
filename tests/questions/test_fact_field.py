"""The bank format's optional `fact`: questions on one fact share it (a round asks one)."""

from __future__ import annotations

import pytest

from questions.bank import BankError, BankQuestion, dump_bank, parse_bank, validate_question

HEAD = "bank: b\nquestions:\n"


def test_a_fact_is_read_and_written_back_only_when_set():
    text = (
        HEAD
        + "  - {id: a1, topic: T, prompt: 'P?', choices: [x, y], answer: 0, fact: sqs-fifo.1}\n"
        + "  - {id: a2, topic: T, prompt: 'Q?', choices: [x, y], answer: 1}\n"
    )
    bank = parse_bank(text)
    assert [q.fact for q in bank.questions] == ["sqs-fifo.1", None]
    dumped = dump_bank(bank)
    assert dumped.count("fact:") == 1 and "fact: sqs-fifo.1" in dumped
    assert parse_bank(dumped).questions == bank.questions


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("'has spaces'", "fact: may hold only letters, digits and - _ . :"),
        (f"'{'f' * 81}'", "fact: must be 1 to 80 characters, not 81"),
        ("''", "fact: must be 1 to 80 characters, not 0"),
        ("12", "fact: must be str"),
    ],
)
def test_a_bad_fact_is_named_with_its_line(value, message):
    text = (
        HEAD
        + f"  - {{id: a1, topic: T, prompt: 'P?', choices: [x, y], answer: 0, fact: {value}}}\n"
    )
    with pytest.raises(BankError) as err:
        parse_bank(text)
    assert f"line 3, question a1: {message}" in str(err.value)


def test_a_fact_of_80_characters_is_fine():
    q = BankQuestion("a1", "T", "P?", ("x", "y"), 0, fact="f" * 80)
    assert validate_question(q) == []
