"""Unseen notes review (issue #13), Rust notes: a line defining several code terms in a row
("`borrow()` -> `Ref<T>`, `borrow_mut()` -> `RefMut<T>`. Breaking the rules panics;
`try_borrow_mut()` returns `Err(BorrowMutError)` instead.") gave borrow_mut the next sentence
as part of its meaning, and true/false asked "borrow_mut() is described as “RefMut<T>. Breaking
the rules panics”" and "borrow_mut() returns Err(BorrowMutError) instead", a statement that
points back at what it was said instead of. A term's description now ends with its sentence,
and a statement ending in "instead", "too" or "同理" is no true/false claim."""

from __future__ import annotations

from questions.distractors import Pool
from questions.facts.extract import extract
from questions.generate import generate_document
from questions.generators import true_false
from questions.parse.markdown import parse_document

NOTES = """# Rust collections

## HashMap

Lookups by key, average O(1). `get()` -> `Option<&V>`, `get_mut()` -> `Option<&mut V>`. Missing keys give None; `entry()` returns an `Entry` instead.

## Vec

- `push()` appends at the end, amortised O(1).
- `pop()` removes the last element and returns it.
- `insert()` shifts every later element, and `remove()` does so too.
- `Vec::with_capacity(n)` reserves room for **n** elements, and so does `reserve(n)` likewise.
"""


def test_a_term_defined_mid_line_keeps_only_its_own_sentence() -> None:
    facts = {f.subject: f.value for f in extract(parse_document(NOTES, "x.md"))
             if f.kind == "definition"}  # fmt: skip
    assert facts.get("get_mut()") == "Option<&mut V>", facts


def test_no_true_false_statement_points_back_at_the_notes() -> None:
    result = generate_document("x.md", NOTES)
    pool = Pool(result.doc, result.facts)
    statements = [c.prompt for f in result.facts for c in true_false.for_fact(f, pool)]
    for s in statements:
        assert not s.rstrip(" .").endswith(("instead", "too", "likewise")), s
    # ...while the line's other claims are still made
    assert any("appends at the end" in s for s in statements), statements
