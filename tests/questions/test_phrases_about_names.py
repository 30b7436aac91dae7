"""A phrase about a name is no other thing of its kind: "**rate THEN sum**" (a rule about
rate) beside rate, irate and increase was the odd option out, and keyed by rate's
description it was right too. And a true/false statement never swaps a pattern for a bare
operator of its line ("need .*api.*" made false as "need =")."""

from __future__ import annotations

import pytest

from questions.distractors import acceptable
from questions.generate import generate_from_texts

NOTES = """# PromQL

## rate vs irate vs increase

- **rate** — per-second avg increase over the whole window; handles counter resets
- **irate** — per-second but only from the last 2 samples in the window
- **increase** — total increase over the window, can return non-integers
- **rate THEN sum**: `sum by (job) (rate(x[5m]))` ✅ `rate(sum(...))` ❌

## gotchas

- `job=~"api"` is anchored ≠ "contains api", need `.*api.*`
- `=` exact match, `!=` not equal, `=~` regex match
"""


def test_a_phrase_about_a_name_is_no_option_beside_it() -> None:
    bank, _ = generate_from_texts([("p.md", NOTES)], "p")
    for q in bank.questions:
        if q.choices[q.answer] == "rate" or "rate" in q.choices:
            assert "rate THEN sum" not in q.choices, (q.prompt, q.choices)


def test_no_false_statement_swaps_in_a_bare_operator() -> None:
    bank, _ = generate_from_texts([("p.md", NOTES)], "p")
    assert not any(q.kind == "truefalse" and q.prompt.rstrip().endswith("need =")
                   for q in bank.questions)  # fmt: skip


@pytest.mark.parametrize(
    ("option", "answer", "ok"),
    [("rate THEN sum", "rate", False), ("rate", "rate THEN sum", False),
     ("VACUUM FULL", "VACUUM", True), ("irate", "rate", True), ("A vs B", "A", False)],
)  # fmt: skip
def test_acceptable_beside_a_phrase(option: str, answer: str, ok: bool) -> None:
    assert acceptable(option, answer, [], sibling=True) is ok


NESTED = """# PromQL

## rate vs irate vs increase

- `rate(http_requests_total[5m])`
  - per-**second** avg increase over the **whole** window
  - handles counter resets, **extrapolates** to window edges
- `irate(http_requests_total[5m])`
  - per-second but only from the **last 2 samples** in the window
  - spiky → graphs of volatile, fast-moving counters
- `increase(http_requests_total[1h])`
  - total increase over window
  - can return non-integers (e.g. `2.9998`) bc extrapolation → not a bug
- **rate THEN sum**: `sum by (job) (rate(x[5m]))` ✅   `rate(sum(...))` ❌ (resets get lost)
"""


def test_a_phrase_about_a_sibling_is_no_sibling() -> None:
    """ "rate THEN sum" beside irate (its own key) and increase: still a rule about rate."""
    bank, _ = generate_from_texts([("p.md", NESTED)], "p")
    assert not any("rate THEN sum" in q.choices for q in bank.questions), [
        (q.prompt, q.choices) for q in bank.questions
    ]
