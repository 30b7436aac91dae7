"""A table cell said in a stem as what it is: a predicate ("can create duplicates") is the
stem's verb, not a value "the duplicates" has; an adjective header ("Normal") needs its noun
and a plural one ("Toxic signs") its plural verb; a cell that only says "same range" points
at the row above and says nothing alone."""

from __future__ import annotations

from questions.context_refs import refers_to_context
from questions.stems import table_reverse, table_statement


def test_a_cell_that_says_what_its_row_can_do_is_the_stems_verb() -> None:
    among = "CTAS / INSERT INTO / INSERT OVERWRITE"
    assert table_reverse(None, "duplicates", "can create duplicates", "en", among) == (
        "Which of CTAS / INSERT INTO / INSERT OVERWRITE can create duplicates?"
    )
    assert table_reverse(None, "schema", "must exist first.", "en", among) == (
        "Which of CTAS / INSERT INTO / INSERT OVERWRITE must exist first?"
    )
    # a value is still a value the row has
    assert table_reverse(None, "mode", "append", "en", among) == (
        "Which of CTAS / INSERT INTO / INSERT OVERWRITE has the mode “append”?"
    )


def test_a_statement_reads_its_header_as_a_noun_that_agrees() -> None:
    assert (
        table_statement("HbA1c", "Normal", "4–5.6 %", "en")
        == "The normal value of HbA1c is 4–5.6 %"
    )
    assert table_statement("Lithium", "Toxic signs", "coarse tremor, ataxia", "en") == (
        "The toxic signs of Lithium are coarse tremor, ataxia"
    )
    assert table_statement("Digoxin", "antidote", "digoxin immune fab", "en") == (
        "The antidote of Digoxin is digoxin immune fab"
    )


def test_a_cell_that_only_says_same_points_at_the_row_above() -> None:
    assert refers_to_context("same range")
    assert refers_to_context("Same defaults.")
    assert refers_to_context("同上")
    assert not refers_to_context("Same region only")
    assert not refers_to_context("same-day delivery is free")
    assert not refers_to_context("same limits as v1, doubled in v2")


def test_a_chinese_header_asking_who_is_answered_by_its_cell() -> None:
    assert table_reverse("算法", "谁在用", "新生代", "zh") == "哪个算法“新生代”在用？"


def test_a_description_that_only_points_at_the_line_above_is_asked_nothing() -> None:
    from questions.generate import generate_document

    notes = (
        "## Blob storage\n\n"
        "data protection:\n"
        "- blob soft delete — retention 1–365 days (portal default 7)\n"
        "- container soft delete — same range\n"
        "- versioning — every overwrite keeps the previous version\n"
    )
    r = generate_document("n.md", notes)
    asked = [c for c in r.candidates if "“same range”" in c.prompt]
    assert asked  # the question is made...
    assert not any("“same range”" in q.prompt for _, q in r.chosen)  # ...and never kept
