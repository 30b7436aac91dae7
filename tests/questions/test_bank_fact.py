"""The bank's optional `fact` field: parsed, validated like an id, dumped only when set."""

import pytest

from questions.bank import MAX_FACT, BankError, dump_bank, parse_bank

BASE = "bank: b\nquestions:\n  - {id: q1, topic: t, prompt: p, choices: [a, b], answer: 0%s}\n"


def test_fact_round_trips() -> None:
    bank = parse_bank(BASE % ", fact: sqs-fifo.exactly_once")
    assert bank.questions[0].fact == "sqs-fifo.exactly_once"
    assert "fact: sqs-fifo.exactly_once" in dump_bank(bank)


def test_old_banks_without_fact_still_load_and_dump_without_it() -> None:
    bank = parse_bank(BASE % "")
    assert bank.questions[0].fact is None
    assert "fact" not in dump_bank(bank)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ('"two words"', "may hold only letters"),
        ('""', "is empty"),
        ("x" * (MAX_FACT + 1), f"at most {MAX_FACT}"),
        ("[a, b]", "must be str"),
    ],
)
def test_bad_fact_is_named(value: str, message: str) -> None:
    with pytest.raises(BankError) as err:
        parse_bank(BASE % f", fact: {value}")
    assert any(p.field == "fact" and message in p.message for p in err.value.problems)
    assert "line 3" in str(err.value)
