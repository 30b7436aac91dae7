"""Unseen notes review (issue #13), Azure notes: "GZRS: … = 6 copies, ___ nines" was offered
8 / 16 / 32 / 64, doubled like a size, and "LRS: …, ___ nines durability" 8 / 10 / 11 / 15,
though the notes say 11, 12 and 16 nines. "nines" is a unit: its options are counts of nines,
the notes' own first."""

from __future__ import annotations

from questions.generate import generate_from_texts
from questions.values import parse_number

NOTES = """# Object storage notes

## Redundancy classes

- **Single-zone**: 3 copies in one zone, 11 nines durability, cheapest
- **Multi-zone**: 3 copies across 3 zones, 12 nines
- **Geo**: single-zone in two regions = 6 copies, 16 nines
- **Geo multi-zone**: multi-zone in primary + single-zone in secondary = 6 copies, 16 nines
"""


def test_nines_are_a_unit() -> None:
    n = parse_number("16 nines")
    assert n is not None and n.unit == "nines" and n.value == 16


def test_a_count_of_nines_is_offered_beside_counts_of_nines() -> None:
    bank, _ = generate_from_texts([("x.md", NOTES)], "b")
    asked = [q for q in bank.questions if q.choices[q.answer] == "11 nines"]
    assert asked, [(q.prompt, q.choices) for q in bank.questions]
    for q in asked:
        assert all(c.endswith(" nines") for c in q.choices), q.choices
        assert "12 nines" in q.choices, q.choices


def test_only_a_size_steps_by_powers_of_two() -> None:
    from questions.distractors import plausible

    assert plausible(12, 16, "nines") and plausible(12, 16, "h")  # counts of nines and hours
    assert not plausible(12, 16, "MB") and not plausible(12, 16, "")  # sizes and bare counts


def test_a_full_availability_is_offered_beside_nines() -> None:
    from questions.generate import generate_document

    notes = (
        "## DNS\n\n- Cloud DNS carries a 100% availability SLA.\n- HA VPN carries a 99.99% SLA.\n"
    )
    asked = [q for _, q in generate_document("n.md", notes).chosen if q.choices[q.answer] == "100%"]
    assert asked
    for q in asked:
        assert all(c.startswith("99.") or c == "100%" for c in q.choices), q.choices
