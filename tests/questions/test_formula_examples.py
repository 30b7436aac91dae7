"""Unseen notes review (issue #13), Security+ notes: "SLE = AV × EF, ALE = SLE × ARO (AV
$100k, EF 40% -> SLE $40k; ARO ___ -> ALE $20k)" was asked, though the formula in the same
line computes the blank from the other numbers ($20k / $40k)."""

from __future__ import annotations

from questions.facts.extract import extract
from questions.parse import parse_document

NOTES = """# Capacity planning

## Formulas

- Load = Users × Rate (Users 50, Rate 4 req/s -> Load 200 req/s)
- RPO = backup gap; a nightly backup gives an RPO of 24 h
"""


def test_a_worked_example_of_a_formula_holds_no_facts() -> None:
    numbers = [f.value for f in extract(parse_document(NOTES, "t.md")) if f.kind == "number"]
    assert "24 h" in numbers, numbers  # a value the notes state
    assert not {"50", "4 req/s", "200 req/s"} & set(numbers), numbers
