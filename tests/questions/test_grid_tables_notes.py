"""Notes that draw their tables in ASCII art, as typed in a plain-text editor or written as
Pandoc's and reST's grid tables: "+----+----+" borders, "+====+" under the header, rows of
cells between bars whose text wraps over several lines, and titles boxed the same way. Read
as Markdown the borders were text, each line of a wrapped row a row of its own and a boxed
title a line of text in the section above; read as the grid they draw, a row is one row of
whole cells and a boxed title its section's heading."""

from __future__ import annotations

import time

import pytest

from questions.generate import generate_from_texts
from questions.parse.grid_tables import grid_tables_as_markdown
from questions.parse.markdown import parse_document
from questions.parse.model import Block, Document

NOTES = """+==============================================+
|   POSTGRESQL DBA NOTES                       |
|   (week 3 of the course)                     |
+==============================================+

Postgres listens on port 5432 unless postgresql.conf says otherwise.

+----------------------+
|  1. INDEX TYPES      |
+----------------------+

+------------+-----------------------------------+
| index type | good for                          |
+============+===================================+
| B-tree     | equality and range queries, the   |
|            | default of CREATE INDEX           |
+------------+-----------------------------------+
| Hash       | equality comparisons only         |
+------------+-----------------------------------+
| GIN        | jsonb, arrays and full-text       |
|            | search                            |
+------------+-----------------------------------+
| BRIN       | huge tables stored in the order   |
|            | of the indexed column             |
+------------+-----------------------------------+

+----------------------+
|  2. VACUUM           |
+----------------------+

+------------------+-------------------------------+------------------+
| command          | what it does                  | lock taken       |
+------------------+-------------------------------+------------------+
| VACUUM           | marks dead tuples reusable    | SHARE UPDATE     |
|                  |                               | EXCLUSIVE        |
| VACUUM FULL      | rewrites the whole table into | ACCESS EXCLUSIVE |
|                  | a new file                    |                  |
| ANALYZE          | refreshes planner statistics  | SHARE UPDATE     |
|   (no VACUUM)    |                               | EXCLUSIVE        |
+------------------+-------------------------------+------------------+

autovacuum runs both in the background.
"""

#: a table in a quote, its header over "+===+", a Chinese cell two columns wide a character
QUOTED = """# 网络笔记

> +----------+------------+
> | 协议     | 默认端口   |
> +==========+============+
> | HTTP     | 80         |
> | HTTPS    | 443        |
> | 域名解析 | 53, TCP 与 |
> |          | UDP 都用   |
> +----------+------------+
"""

#: drawing of no table in a box: a sentence, and a note of several lines
BOXES = """# Backups

+------------------------------------------------------+
| Always take a base backup before enabling archiving. |
+------------------------------------------------------+

+---------------------------------------+
| pg_dump writes one database;          |
| pg_dumpall writes the whole cluster,  |
| roles and tablespaces included.       |
+---------------------------------------+
"""

#: a drawing's pieces: a border, a bar, a box's edge
_DRAWING = ("+--", "+==", "--+", "|")


def _table_with(doc: Document, header: str) -> Block:
    return next(b for b in doc.blocks if b.kind == "table" and b.table and header in b.table.header)


def test_boxed_titles_are_headings_and_the_first_box_the_notes_title() -> None:
    doc = parse_document(NOTES, "pg.md")
    assert doc.title == "POSTGRESQL DBA NOTES"
    keys = [s.key for s in doc.sections]
    assert "1. INDEX TYPES" in keys and "2. VACUUM" in keys, keys
    # a title box's second line is said under the title (as its intro)
    texts = [b.text for b in doc.blocks]
    assert "(week 3 of the course)" in texts, texts
    assert not any(p in t for t in texts for p in _DRAWING), texts


def test_a_row_between_borders_is_one_row_of_its_cells_lines() -> None:
    doc = parse_document(NOTES, "pg.md")
    table = _table_with(doc, "index type")
    assert table.table is not None
    assert table.section.key == "1. INDEX TYPES"
    assert table.table.header == ("index type", "good for")
    assert dict(table.table.rows) == {
        "B-tree": "equality and range queries, the default of CREATE INDEX",
        "Hash": "equality comparisons only",
        "GIN": "jsonb, arrays and full-text search",
        "BRIN": "huge tables stored in the order of the indexed column",
    }


def test_a_body_drawn_without_inner_borders_joins_the_lines_continuing_a_row() -> None:
    doc = parse_document(NOTES, "pg.md")
    table = _table_with(doc, "lock taken")
    assert table.table is not None
    assert table.section.key == "2. VACUUM"
    assert [list(r) for r in table.table.rows] == [
        ["VACUUM", "marks dead tuples reusable", "SHARE UPDATE EXCLUSIVE"],
        ["VACUUM FULL", "rewrites the whole table into a new file", "ACCESS EXCLUSIVE"],
        ["ANALYZE (no VACUUM)", "refreshes planner statistics", "SHARE UPDATE EXCLUSIVE"],
    ]


def test_questions_ask_the_rows_and_no_drawing_reaches_them() -> None:
    bank, _ = generate_from_texts([("pg.md", NOTES)], "pg")
    assert bank.questions
    for q in bank.questions:
        assert not any(p in t for t in (q.prompt, *q.choices) for p in _DRAWING), q
    brin = [q for q in bank.questions if "huge tables stored in the order" in q.prompt]
    assert brin and all(q.answer_text == "BRIN" for q in brin), brin
    # the banner headings are sections, shown on the card without their numbers
    assert {q.topic for q in bank.questions} & {"INDEX TYPES", "VACUUM"}


def test_every_line_keeps_its_number_and_a_table_is_packed_at_its_first_line() -> None:
    lines = NOTES.split("\n")
    out, skipped = grid_tables_as_markdown(lines)
    assert len(out) == len(lines) and skipped == []
    title = lines.index("|  1. INDEX TYPES      |")
    assert out[title] == "## 1. INDEX TYPES"
    assert out[title - 1] == out[title + 1] == ""
    top = title + 3
    assert out[top : top + 3] == [
        "| index type | good for |",
        "|---|---|",
        "| B-tree | equality and range queries, the default of CREATE INDEX |",
    ]
    last = lines.index("autovacuum runs both in the background.")
    assert out[last] == lines[last]
    assert out[last - 2] == ""  # the blank line that ends the table


def test_a_grid_in_a_quote_is_read_by_its_display_columns() -> None:
    doc = parse_document(QUOTED, "net.md")
    table = _table_with(doc, "协议")
    assert table.table is not None
    assert table.table.header == ("协议", "默认端口")
    assert [list(r) for r in table.table.rows] == [
        ["HTTP", "80"],
        ["HTTPS", "443"],
        ["域名解析", "53, TCP 与 UDP 都用"],
    ]
    out, _ = grid_tables_as_markdown(QUOTED.split("\n"))
    assert out[2] == "> | 协议 | 默认端口 |"


def test_a_box_of_a_sentence_or_of_many_lines_is_its_text_not_a_heading() -> None:
    doc = parse_document(BOXES, "b.md")
    assert doc.title == "Backups"
    assert [s.heading for s in doc.sections if s.heading] == [], doc.sections
    texts = [b.text for b in doc.content]
    assert "Always take a base backup before enabling archiving." in texts, texts
    assert (
        "pg_dump writes one database; pg_dumpall writes the whole cluster, roles and "
        "tablespaces included." in texts
    ), texts


@pytest.mark.parametrize(
    "text",
    [
        # borders with their "+" at other columns
        "+----+----+\n| a  | b  |\n+-----+---+\n",
        # a row with a bar off its column
        "+----+----+\n| a  | b  |\n| cc  | d |\n+----+----+\n",
        # no border under the last row
        "+----+----+\n| a  | b  |\n\nafter\n",
        # a row above the first border: the grid is cut
        "| x  | y  |\n+----+----+\n| a  | b  |\n+----+----+\n",
        # a fence holds what it holds
        "```\n+----+----+\n| a  | b  |\n+----+----+\n```\n",
        # a border with no row, Markdown's own table and a "+" list
        "text\n\n+--------+\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n+ item\n",
    ],
)
def test_what_is_no_complete_grid_is_left_as_it_is(text: str) -> None:
    lines = text.split("\n")
    assert grid_tables_as_markdown(lines) == (lines, [])


def test_hostile_drawings_are_read_quickly_without_a_crash() -> None:
    long_border = "+" + "-+" * 200_000
    many = ["+--+--+", "|\x00 | x|"] * 20_000 + ["+--+--+"]
    started = time.process_time()
    for lines in ([long_border, "|" + " |" * 200_000, long_border], many, ["+-" * 100_000]):
        out, _ = grid_tables_as_markdown(lines)
        assert len(out) == len(lines)
    assert time.process_time() - started < 10
