"""Unseen notes review (issue #13), SQL notes: "`NTILE(n)` splits the partition into n buckets …
10 rows, `NTILE(4)` → 3,3,2,2" read as a pair of terms, and "Which of these splits the
partition …?" offered NTILE(4) beside NTILE(n): a second call of the key's own function.
Such a "pair" is none; the notes' like terms are the options, and no true/false swaps one
call for the other."""

from __future__ import annotations

from questions.distractors import Pool
from questions.generate import generate_document, generate_from_texts
from questions.generators import true_false

NOTES = """# SQL string functions

## LEFT / RIGHT

`LEFT(s, n)` returns the first n characters of s; a negative n drops characters from the end instead. 5 letters, `LEFT(s, 2)` → 'al'.

## Padding

`LPAD(s, n, fill)` pads s on the left with fill until it is n characters long. `RPAD(s, n, fill)` pads on the right.

## Case

`UPPER(s)` returns s in upper case, following the database collation rules.
"""


def test_a_second_call_of_the_key_is_no_option() -> None:
    bank, _ = generate_from_texts([("x.md", NOTES)], "b")
    asked = [q for q in bank.questions if q.choices[q.answer] == "LEFT(s, n)"]
    assert asked, [(q.prompt, q.choices) for q in bank.questions]
    for q in asked:
        assert "LEFT(s, 2)" not in q.choices, q.choices
        assert len(q.choices) >= 3, q.choices


BUCKETS = """# Window functions

## NTILE

`NTILE(n)` splits the partition into n buckets as evenly as possible; sizes differ by at most 1 and the **bigger buckets come first**. 10 rows, `NTILE(4)` → 3,3,2,2.

## Distribution

- `PERCENT_RANK()` = (rank - 1) / (rows - 1), from 0 to 1
- `CUME_DIST()` = rows up to and including the current peer group / all rows
"""


def test_no_statement_swaps_a_call_for_another_call_of_it() -> None:
    result = generate_document("x.md", BUCKETS)
    pool = Pool(result.doc, result.facts)
    said = [c.prompt for f in result.facts for c in true_false.for_fact(f, pool)]
    assert said  # the other definitions still make statements
    assert not [s for s in said if s.startswith("True or false: NTILE(4)")], said
