"""A false statement is made with another row's value, never with an empty cell: "The
ENTRYPOINT of ping localhost is —" was a true/false item (issue #13, review 17 of unseen
Docker notes: garbled)."""

from __future__ import annotations

from questions.facts.extract import extract
from questions.generate import generate_from_texts
from questions.generators.true_false import table_pair
from questions.parse import parse_document
from questions.tables import is_empty

NOTES = """# Job runner notes

## Wrappers

**exec form** `["exe","arg"]` means no shell, the job is PID 1.

| WRAPPER | ARGS | what runs |
|---|---|---|
| — | `["backup.sh","--full"]` | backup.sh --full |
| `["nice"]` | `["backup.sh"]` | nice backup.sh |
| `nice` (shell form) | `["backup.sh"]` | /bin/sh -c nice, ARGS **ignored** |
"""


def test_no_false_statement_swaps_in_an_empty_cell() -> None:
    facts = extract(parse_document(NOTES, "s.md"))
    made = [p for f in facts if f.table is not None and (p := table_pair(f)) is not None]
    assert made, [(f.subject, f.attribute, f.value) for f in facts if f.table is not None]
    for true, false in made:
        assert not false.rstrip(" .。").endswith("—"), (true, false)


def test_no_statement_says_a_row_has_an_empty_value() -> None:
    bank, _ = generate_from_texts([("s.md", NOTES)], "b")
    for q in bank.questions:
        if q.kind == "truefalse":
            value = q.prompt.rsplit(" is ", 1)[-1].strip('“”" ')
            assert not is_empty(value), q.prompt
        for choice in q.choices:
            assert not is_empty(choice), (q.prompt, q.choices)
