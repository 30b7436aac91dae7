"""A measured setting of 5 or 10 of its unit (5 min, 300 s, 10 days) meets other round steps
(1, 2, 10, 20 min), never its neighbours: "4min | 5min | 6min" leaves the key the only round
option (a review marked checkpoint_timeout so). A count keeps its neighbours (a default of 3
beside 2), and so does a small setting that is no round step (2 min beside 3 and 4)."""

from __future__ import annotations

import pytest

from questions.bank import BankQuestion
from questions.generate import generate_document
from questions.values import parse_number

NOTES = """# Mail relay notes

## Queue

- the relay retries deferred mail for 5 days before it bounces it
- a connection that sends nothing is closed after 300 seconds
- the spool is swept every 10 minutes

## Delivery

- `max_attempts` default 3
- the greeting timeout is 2 minutes
"""


def options_of(key: str) -> list[str]:
    questions: list[BankQuestion] = [q for _, q in generate_document("t.md", NOTES).chosen]
    (q,) = [q for q in questions if q.choices[q.answer] == key]
    return list(q.choices)


def _values(options: list[str]) -> list[float]:
    values = []
    for o in options:
        n = parse_number(o)
        assert n is not None, o
        values.append(n.value)
    return values


@pytest.mark.parametrize(
    ("key", "step"),
    [("5 days", 1), ("300 seconds", 60), ("10 minutes", 1)],
)
def test_a_round_setting_meets_round_steps_not_its_neighbours(key: str, step: int) -> None:
    options = options_of(key)
    assert len(options) == 4, options
    v = _values([key])[0] / step
    for w in _values([o for o in options if o != key]):
        assert abs(w / step - v) > 1, options  # no 4 or 6 beside 5, no 240 s beside 300 s


@pytest.mark.parametrize("key", ["3", "2 minutes"])
def test_a_count_or_a_small_setting_keeps_a_neighbour(key: str) -> None:
    options = options_of(key)
    v = _values([key])[0]
    assert any(abs(w - v) == 1 for w in _values(options)), options


def test_a_week_of_days_meets_other_round_spans() -> None:
    notes = """# Backup notes

## Retention

- soft delete keeps a deleted blob for 7 days by default
- the log workspace keeps data for 30 days unless you pay for more
- a snapshot is kept 2 days before it moves to the vault
"""
    questions = [q for _, q in generate_document("t.md", notes).chosen]
    (q,) = [q for q in questions if q.choices[q.answer] == "7 days"]
    assert not {"6 days", "8 days", "9 days"} & set(q.choices), q.choices
