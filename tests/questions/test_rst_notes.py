"""Notes written in reStructuredText and handed in as they are: titles underlined with any
punctuation ("~~~~" opens a code fence in Markdown), field lists, definition lists, ".. note::"
directives, "::" literal blocks and grid tables. Read as Markdown, a "~~~" title made code of
everything after it and a field list ran into one paragraph."""

from __future__ import annotations

from questions.generate import generate_document
from questions.parse.markdown import parse_document
from questions.parse.rst import rst_as_markdown

RST = """=============================
Django cert prep -- my notes
=============================

:author: me
:status: draft

Models
======

Fields
------

:EmailField: default max_length 254
:SlugField: default max_length 50, implies db_index=True
:URLField: default max_length 200

.. note::
   ``USE_TZ`` default flipped to ``True`` in 5.0.

on_delete
~~~~~~~~~

``CASCADE``
    delete the rows pointing at the deleted obj too
``PROTECT``
    raises ``ProtectedError`` (subclass of IntegrityError)
``SET_NULL``
    needs ``null=True``

F & Q::

    from django.db.models import F, Q
    Product.objects.update(stock=F("stock") - 1)

Migrations
==========

#. ``makemigrations`` -- create migration files
#. ``migrate`` -- apply them

+-----------------+------------------------------+
|                 | select_related               |
+=================+==============================+
| relation types  | ForeignKey, OneToOne (fwd    |
|                 | + reverse one-to-one)        |
+-----------------+------------------------------+
| how             | SQL JOIN, single query       |
+-----------------+------------------------------+
"""


def test_titles_are_headings_at_the_level_their_adornment_is_first_used() -> None:
    doc = parse_document(RST, "dj.md")
    assert doc.title == "Django cert prep -- my notes"
    keys = [s.key for s in doc.sections]
    assert "Models › Fields › on_delete" in keys
    assert "Migrations" in keys
    assert any(n.reason == "rst metadata" and n.text == ":author: me" for n in doc.noise)


def test_fields_and_definitions_are_items_and_a_note_a_paragraph() -> None:
    doc = parse_document(RST, "dj.md")
    texts = [b.text for b in doc.content]
    assert "SlugField: default max_length 50, implies db_index=True" in texts, texts
    assert "CASCADE — delete the rows pointing at the deleted obj too" in texts, texts
    assert any(t.startswith("USE_TZ default flipped") for t in texts), texts
    assert not any("note::" in t or ":URLField:" in t for t in texts), texts
    code = next(b for b in doc.blocks if b.kind == "code")
    assert code.code.startswith("from django.db.models import F, Q")


def test_a_grid_tables_row_is_one_row_of_its_cells_lines() -> None:
    doc = parse_document(RST, "dj.md")
    table = next(b for b in doc.content if b.kind == "table")
    assert table.table is not None
    assert [r[1] for r in table.table.rows] == [
        "ForeignKey, OneToOne (fwd + reverse one-to-one)",
        "SQL JOIN, single query",
    ]


def test_every_line_keeps_its_number_and_markdown_is_left_alone() -> None:
    lines = RST.split("\n")
    out, _ = rst_as_markdown(lines)
    assert len(out) == len(lines)
    assert out[lines.index("Migrations")] == "## Migrations"
    markdown = ["# Notes", "", "Setext title", "============", "", "- item: value"]
    assert rst_as_markdown(markdown) == (markdown, [])


def test_questions_are_asked_across_the_file() -> None:
    topics = {q.topic for _, q in generate_document("dj.md", RST).chosen}
    assert len(topics) >= 2, topics


def test_markdown_fences_and_chat_reactions_mark_no_rst() -> None:
    from questions.parse.rst import is_rst

    fences = ["## Deploy", "", "}", "```", "", "ab", "~~~", "code", "~~~"]
    assert not is_rst(fences)
    reactions = [":thumbsup: 14  :pray: 6", "x", ":brain: 5", "y", ":heart: 2"]
    assert not is_rst(reactions)
    assert is_rst(["Fields", "~~~~~~", "", "text"])
