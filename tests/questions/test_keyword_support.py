"""Unseen notes review (issue #13), SQL window functions: the two best-loved lines of the notes,
"**RANGE** — … rows with equal values (peers) are all in or all out" and "RANK: ties share,
then gap", made no question. The notes' retrieval player read "rows" in any sentence as the
keyword `ROWS`, and read "DENSE_RANK: ties share, no gap" under the heading "ROW_NUMBER vs RANK
vs DENSE_RANK" as a line about `RANK`: both saw a second answer the notes do not give."""

from __future__ import annotations

from questions.candidate import Candidate
from questions.facts.extract import extract, markup
from questions.facts.model import Fact
from questions.parse import parse_document
from questions.solvers import NotesSolver, shouted_word
from questions.text import Tokenizer

LOGS = """# Logging notes

## Levels

- **DEBUG** — detail for developers, never written in production
- **WARN** — something unexpected the app recovered from; the request still succeeded. `WARN` with a
  count means it repeated
- **ERROR** — the request failed and the user saw it

## Terms

- Degraded: the app recovered from something unexpected and the request still succeeded with an error
"""

SORTS = """# Sorting notes

## sort vs sort_stable vs sort_keys

- sort: fastest, equal items may swap places
- sort_stable: equal items keep their order, a little slower
- sort_keys: orders by a computed key, computed once per item
"""


def _solver_and_facts(notes: str) -> tuple[NotesSolver, list[Fact]]:
    doc = parse_document(notes, "t.md")
    facts = extract(doc)
    return NotesSolver(doc, facts, Tokenizer()), facts


def _definition(facts: list[Fact], subject: str) -> Fact:
    return next(f for f in facts if f.kind == "definition" and f.subject == subject)


def test_a_capitalised_keyword_is_not_its_lower_case_word() -> None:
    assert shouted_word("ROWS") and shouted_word("ERROR") and shouted_word("RANGE")
    assert not shouted_word("Rows") and not shouted_word("ROW_NUMBER") and not shouted_word("KMS")
    solver, facts = _solver_and_facts(LOGS)
    warn = _definition(facts, "WARN")
    query = "something unexpected the app recovered from; the request still succeeded"
    c = Candidate("definition", "reverse", "choice", warn, f"Which level is this: “{query}”?",
                  ("DEBUG", "WARN", "ERROR"), 1, "", "en", query=query)  # fmt: skip
    # "with an error" in the definition of Degraded names no `ERROR` level
    assert solver.check(c) is None


def test_a_term_keeps_its_own_markup_where_it_opens_its_line() -> None:
    """The bold term opening "**WARN** — … `WARN` with a count" is bold: its kin are the
    other bold levels, not nothing."""
    _, facts = _solver_and_facts(LOGS)
    warn = _definition(facts, "WARN")
    assert markup(warn) == "bold"
    assert {"DEBUG", "ERROR"} <= set(warn.siblings)


def test_a_line_about_a_longer_name_says_nothing_of_the_shorter() -> None:
    solver, facts = _solver_and_facts(SORTS)
    sort = _definition(facts, "sort")
    options = ("equal items keep their order, a little slower",
               "fastest, equal items may swap places",
               "orders by a computed key, computed once per item")  # fmt: skip
    c = Candidate("definition", "forward", "choice", sort, "Which description fits sort?",
                  options, 1, "", "en", query="sort")  # fmt: skip
    assert solver.check(c) is None
