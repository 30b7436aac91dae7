"""Unseen notes review (issue #13), Terraform notes: the last line, "last practice score: 78%
→ aim for 85+ before booking", was asked "last practice score: ___" → 78%. The writer's own
results and goals are no facts of the subject, whether or not the line says "my"."""

from __future__ import annotations

import pytest

from questions.facts.extract import extract
from questions.parse import parse_document

NOTES = """# CKA prep

## Scheduling

- default scheduler scores nodes in two phases, filtering then scoring
- a pod stays Pending when no node passes the filters; check events after 30 s

## odds and ends

- `kubectl explain` shows the fields of a kind

latest mock exam: 61% → aim for 75 before booking the real one

practice test results: 14 of 17 tasks right

上次模拟 68 分，目标 80 分
"""


@pytest.mark.parametrize("value", ["61%", "75", "17", "68", "80"])
def test_the_writers_own_results_are_no_numbers_to_ask(value: str) -> None:
    numbers = [f.value for f in extract(parse_document(NOTES, "t.md")) if f.kind == "number"]
    assert "30 s" in numbers, numbers  # a number of the subject is still read
    assert not any(n.startswith(value) for n in numbers), numbers
