"""A table worked out from a formula ("| users | symmetric n(n-1)/2 | asymmetric 2n |") is
asked by arithmetic, not by the notes: none of its cells is asked, and a column of amounts
("users" over 10, 100, 1,000) is no set of things a stem can ask "Which user has …" of."""

from __future__ import annotations

from questions.generate import generate_from_texts

NOTES = """# Crypto math

## Key counts

| users | symmetric n(n-1)/2 | asymmetric 2n |
|---|---|---|
| 10 | 45 | 20 |
| 100 | 4,950 | 200 |
| 1,000 | 499,500 | 2,000 |

## Ciphers

| cipher | block | key |
|---|---|---|
| AES | 128-bit | 128/192/256 |
| DES | 64-bit | 56 |
| Blowfish | 64-bit | 32-448 |
"""


def test_formula_cells_and_amount_rows_are_not_asked_backwards() -> None:
    bank, _ = generate_from_texts([("m.md", NOTES)], "m")
    prompts = [q.prompt for q in bank.questions]
    assert not any("n(n-1)/2" in p or "2n" in p for p in prompts), prompts
    assert not any(p.startswith("Which user") for p in prompts), prompts
    assert any("AES" in q.choices for q in bank.questions), prompts  # the other table is asked
