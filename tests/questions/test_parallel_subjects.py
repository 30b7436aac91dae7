"""Unseen notes review (issue #13), GCP notes: "sustained use discounts: automatic, up to 30%.
committed use: 1 or 3 yr, up to 57%" was asked "sustained use discounts — committed use: …
up to ___", and "Functions 1st gen: max timeout 540 s. 2nd gen … HTTP up to 60 min" as
"Functions 1st gen: 2nd gen … up to ___". A later sentence that names its own thing beside
the line's (a label of the same kind, the next ordinal) is not said of the first."""

from __future__ import annotations

from questions.facts.extract import extract
from questions.parse import parse_document

NOTES = """# Serverless limits

## Invocation

- sync invoke: payload up to 6 MB each way. async invoke: payload up to 256 KB
- Workers 1st gen: CPU time up to 50 ms on the free plan. 2nd gen (on the new runtime) up to 30 s
- timeout: 15 min max. rule of thumb: keep it under 300 s for APIs
"""


def _context(value: str) -> str:
    facts = extract(parse_document(NOTES, "t.md"))
    return next(f.context for f in facts if f.kind == "number" and f.value == value)


def test_a_label_of_the_same_kind_names_its_own_thing() -> None:
    assert "sync invoke" not in _context("256 KB").replace("async invoke", "")


def test_the_next_ordinal_is_said_of_the_same_whole() -> None:
    assert _context("30 s") == "Workers"


def test_a_remark_label_is_still_said_of_the_line() -> None:
    assert _context("300 s") == "timeout"
