"""Unseen notes review (issue #13), Rust notes: "Which of these is described here: “ownership
can be moved to another thread”?" offered `Rc<T>` beside the traits Send and Sync, a type with
its parameters among bare names, the odd one out by its form alone."""

from __future__ import annotations

from questions.generate import generate_from_texts
from questions.values import shape_clash

NOTES = """# C# notes

## Marker interfaces

- `IDisposable`: frees unmanaged resources through Dispose
- `IComparable`: orders instances through CompareTo
- `IEquatable`: compares two instances for equality without boxing
- `List<T>`: neither, it only implements the collection interfaces
"""


def test_a_type_with_parameters_clashes_with_a_bare_name() -> None:
    assert shape_clash("Rc<T>", "Send")
    assert shape_clash("`HashMap<K, V>`", "`Sync`")
    assert not shape_clash("Rc<T>", "Arc<T>")
    assert not shape_clash("Box<dyn Error>", "Option<&V>")
    assert not shape_clash("Send", "Sync")


def test_no_bare_name_is_offered_beside_a_parameterised_type() -> None:
    bank, _ = generate_from_texts([("x.md", NOTES)], "b")
    asked = [q for q in bank.questions if q.choices[q.answer].startswith("I")]
    assert asked, [q.prompt for q in bank.questions]
    for q in asked:
        assert "List<T>" not in q.choices, (q.prompt, q.choices)


def test_a_whole_statement_clashes_with_a_fragment() -> None:
    """SQL notes: "wrap in ___" -> `BEGIN; ... ROLLBACK;` was offered beside `LIKE 'abc%'` and
    `LIKE '%abc'`, predicates that end no statement."""
    assert shape_clash("BEGIN; ... ROLLBACK;", "LIKE 'abc%'")
    assert shape_clash("`ANALYZE table;`", "`WHERE id = 1`")
    assert not shape_clash("ANALYZE table;", "VACUUM FULL;")
    assert not shape_clash("LIKE 'abc%'", "ILIKE 'abc%'")
