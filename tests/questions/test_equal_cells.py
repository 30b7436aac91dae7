"""A comparison table whose two sides hold the same cell ("discount | 60–91% | 60–91%"): the
cell said of the other side is true as well, so no false statement is made of it (review 16 had
"True or false: The discount of Preemptible (legacy) is 60–91%" keyed False)."""

from __future__ import annotations

from questions.generate import generate_from_texts

NOTES = """# Cloud VMs

## Reserved vs savings plan

| | Reserved instance | Savings plan |
|---|---|---|
| discount | up to 72% | up to 72% |
| commitment | 1 or 3 years | 1 or 3 years |
| flexibility | one instance family | any family, region, OS |
| scope | a region or an AZ | compute usage in $/hour |
| exchange | convertible RIs only | not needed |
"""


def test_no_false_statement_is_made_of_an_equal_cell() -> None:
    bank, _ = generate_from_texts([("n.md", NOTES)], "b")
    assert bank.questions
    for q in bank.questions:
        if q.prompt.startswith("True or false") and ("72%" in q.prompt or "years" in q.prompt):
            assert q.choices[q.answer] == "True", q.prompt
        for i, choice in enumerate(q.choices):
            # an option stating a shared cell is true of either side: never a wrong option
            if i != q.answer and ("72%" in choice or "1 or 3 years" in choice):
                assert "Reserved" not in q.prompt or "Savings" not in q.prompt, (
                    q.prompt,
                    q.choices,
                )


def test_an_equal_cell_makes_no_true_false_pair() -> None:
    from questions.facts.extract import extract
    from questions.generators.true_false import table_pair
    from questions.parse import parse_document

    facts = [f for f in extract(parse_document(NOTES, "n.md")) if f.table is not None]
    shared = [f for f in facts if f.attribute in ("discount", "commitment")]
    assert len(shared) == 4
    for f in shared:
        assert table_pair(f) is None, f
    # a row whose sides differ still makes its pair, false by the other side's cell
    made = [table_pair(f) for f in facts if f.attribute == "flexibility"]
    assert any(p is not None for p in made), made
