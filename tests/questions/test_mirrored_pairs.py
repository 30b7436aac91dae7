"""A pair one line defines side by side is asked once (blind review 10: "default/min/max per
container" and "total for the namespace" asked as two coin tosses between the same two names;
knowing one answer gives the other). A pair asked by another fact, or two lists' properties,
stay. Notes written here on another subject."""

from __future__ import annotations

from questions.generate import generate_document

PLANS = """# Licensing notes

## Plans

Pricing comes per contract.

- contract level: `SeatPlan` = one fee per named user of the office; `SitePlan` = one price covering every desk in the building
- invoices go out monthly, paid within 30 days
"""


def test_one_line_pair_is_asked_once() -> None:
    r = generate_document("t.md", PLANS)
    pair = [q for _, q in r.chosen if set(q.choices) == {"SeatPlan", "SitePlan"}]
    assert len(pair) == 1, [q.prompt for q in pair]
    reasons = {d.reason for d in r.dropped if set(d.candidate.options) == {"SeatPlan", "SitePlan"}}
    assert "its pair is already asked the other way round" in reasons
