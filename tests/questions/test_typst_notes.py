"""Notes written in Typst markup (the ".typ" source) and handed in as they are: "=" headings
with "<label>"s after them, "#set"/"#show"/"#let"/"#import" rules, "#table(…)" calls whose
cells are content blocks spanning lines, term lists ("/ Term: description"), "+ " numbered
items, boxes with a body ("#note[…]"), references ("@sec:wal"), links, math and raw blocks.
Read as Markdown or AsciiDoc the labels reached section names, the tables were runs of
bracketed cells and every rule a paragraph; read as Typst they are what they stand for."""

from __future__ import annotations

from questions.generate import generate_document
from questions.parse.markdown import parse_document
from questions.parse.model import Block, Document
from questions.parse.typst import is_typst, typst_as_markdown

TYP = """// PostgreSQL DBA notes -- typst source, kept as .md for the sync app
#import "@preview/gentle-clues:1.0.0": *
#set page(margin: (x: 2cm, y: 2.2cm), numbering: "1")
#set text(size: 10.5pt)
#show raw: set text(font: "Fira Code")
#let tip(body) = box(stroke: green, inset: 6pt)[*Tip:* #body]

= Write-ahead log <sec:wal>
Every change is written to the WAL before the data files (see @sec:vacuum for cleanup).
/ WAL segment: a 16 MB file under `pg_wal`, named by timeline and position.
/ Checkpoint: the point where all dirty pages have been flushed to disk.
/ LSN: log sequence number, a byte position in the WAL stream.
== Checkpoint settings <sec:ckpt>
#table(
  columns: 3,
  [*Parameter*], [*Default*], [*Effect*],
  [`checkpoint_timeout`], [5min], [longest time between automatic checkpoints],
  [`max_wal_size`], [1GB], [WAL growth that triggers a checkpoint],
  [`checkpoint_completion_target`], [0.9], [spreads the checkpoint's writes over the interval],
  [`wal_level`], [replica], [how much information is written to the WAL],
)
#note[
  Raising `max_wal_size` means fewer checkpoints but a *longer* crash recovery.
]
=== Archiving
+ set `archive_mode = on` (needs a restart)
+ give an `archive_command` that copies each finished segment
+ watch `pg_stat_archiver` for failed attempts
#warning[A failing archive command makes `pg_wal` grow until the disk fills up.]

= Vacuum <sec:vacuum>
Plain `VACUUM` marks dead tuples as reusable; `VACUUM FULL` rewrites the table under an *exclusive lock*.
#table(
  columns: (auto, 1fr),
  table.header([*Setting*], [*Default*]),
  [`autovacuum_naptime`], [1min],
  [`autovacuum_vacuum_scale_factor`], [0.2],
  [`autovacuum_max_workers`], [3],
)
Transaction IDs wrap around after about $2^31$ transactions, so a freeze must run before $"age" gt.eq 2 times 10^9$.
```sql
-- #table( and = headings here are SQL comments, not Typst
SELECT relname, n_dead_tup FROM pg_stat_user_tables ORDER BY n_dead_tup DESC;
```
More in the #link("https://www.postgresql.org/docs/current/routine-vacuuming.html")[routine vacuuming chapter].

= Replication
- Streaming replication ships WAL records to a *standby* over a replication connection.
  - `hot_standby = on` lets the standby answer read-only queries.
- A *replication slot* keeps WAL until every consumer has received it.
/* an old paragraph kept for later:
logical replication needs wal_level = logical */
Synchronous commit waits for the standby named in `synchronous_standby_names`.
"""
LINES = TYP.split("\n")

#: marks of Typst's that read as Markdown would reach a question's words
RAW_MARKS = ("<sec", "sec:", "#table", "#set", "#show", "#let", "#note", "[*", "*]", "@sec", "$")


def _doc() -> Document:
    return parse_document(TYP, "postgres.md")


def _block(doc: Document, start: str) -> Block:
    return next(b for b in doc.blocks if b.text.startswith(start))


def _line(text: str) -> int:
    return LINES.index(text) + 1


def test_headings_keep_their_levels_without_labels() -> None:
    doc = _doc()
    levels = {s.heading: s.level for s in doc.sections if s.level}
    assert levels == {
        "Write-ahead log": 1,
        "Checkpoint settings": 2,
        "Archiving": 3,
        "Vacuum": 1,
        "Replication": 1,
    }, levels
    keys = [s.key for s in doc.sections]
    assert "Write-ahead log › Checkpoint settings › Archiving" in keys, keys
    assert not any("<" in k or "sec:" in k or "=" in k for k in keys), keys


def test_a_table_call_is_a_table_with_its_header_on_the_rows_lines() -> None:
    tables = [b for b in _doc().blocks if b.table is not None]
    assert len(tables) == 2
    settings, autovacuum = (t.table for t in tables)
    assert settings is not None and autovacuum is not None
    assert settings.header == ("Parameter", "Default", "Effect")
    assert settings.rows[1] == ("max_wal_size", "1GB", "WAL growth that triggers a checkpoint")
    first = _line("  [`checkpoint_timeout`], [5min], [longest time between automatic checkpoints],")
    assert list(settings.lines) == [first, first + 1, first + 2, first + 3]
    assert tables[0].section.heading == "Checkpoint settings"
    # "table.header(…)" names the columns, "columns: (auto, 1fr)" gives two of them
    assert autovacuum.header == ("Setting", "Default")
    assert autovacuum.rows == (
        ("autovacuum_naptime", "1min"),
        ("autovacuum_vacuum_scale_factor", "0.2"),
        ("autovacuum_max_workers", "3"),
    )


def test_a_question_is_keyed_from_a_table_row_on_its_line() -> None:
    result = generate_document("postgres.md", TYP)
    rows = {
        n: line
        for n, line in enumerate(LINES, 1)
        if line.startswith("  [`") and line.count("], [") >= 1
    }
    keyed = [q for _, q in result.chosen if q.source is not None and q.source.line in rows]
    assert keyed, [(q.prompt, q.choices) for _, q in result.chosen]
    for q in keyed:  # the answer is a cell of the row the question points at
        assert q.source is not None
        assert q.answer_text in rows[q.source.line], (q.prompt, q.answer_text, q.source.line)
        for choice in q.choices:  # a column's name is never offered as a value
            assert choice not in ("Parameter", "Default", "Effect", "Setting"), q.choices


def test_term_lists_are_definitions() -> None:
    doc = _doc()
    segment = _block(doc, "WAL segment")
    assert segment.kind == "item" and segment.line == _line(LINES[9])
    assert segment.inline.strong == ("WAL segment",)
    assert segment.text == "WAL segment: a 16 MB file under pg_wal, named by timeline and position."
    lsn = _block(doc, "LSN")
    assert lsn.kind == "item" and lsn.group == segment.group
    assert lsn.lead is not None and lsn.lead.text.startswith("Every change is written")


def test_box_bodies_are_content_of_their_section() -> None:
    doc = _doc()
    note = _block(doc, "Raising max_wal_size means fewer checkpoints")
    assert note.noise is None and note.kind == "paragraph"
    assert note.section.heading == "Checkpoint settings"
    assert "longer" in note.inline.strong
    assert note.line == _line(
        "  Raising `max_wal_size` means fewer checkpoints but a *longer* crash recovery."
    )
    warning = _block(doc, "A failing archive command")
    assert warning.section.heading == "Archiving" and warning.noise is None
    assert warning.text.endswith("until the disk fills up.")


def test_no_typst_markup_in_any_section_prompt_or_choice() -> None:
    result = generate_document("postgres.md", TYP)
    assert len(result.chosen) >= 5
    for _, q in result.chosen:
        for text in (q.topic, q.prompt, *q.choices):
            assert not any(mark in text for mark in RAW_MARKS), (q.topic, q.prompt, q.choices)
    doc = _doc()
    texts = [s.key for s in doc.sections] + [b.text for b in doc.blocks if b.kind != "code"]
    assert not any(mark in t for t in texts for mark in RAW_MARKS), texts


def test_references_links_and_math_read_as_their_words() -> None:
    doc = _doc()
    wal = _block(doc, "Every change is written")
    assert (
        wal.text
        == "Every change is written to the WAL before the data files (see Vacuum for cleanup)."
    )
    link = _block(doc, "More in the")
    assert link.text == "More in the routine vacuuming chapter."
    wrap = _block(doc, "Transaction IDs wrap around")
    assert "2^31 transactions" in wrap.text and "age ≥ 2 × 10^9" in wrap.text, wrap.text


def test_rules_and_comments_are_skipped_and_reported() -> None:
    doc = _doc()
    reasons = {(n.line, n.reason) for n in doc.noise}
    assert (1, "typst comment") in reasons
    for line in (2, 3, 4, 5, 6):
        assert (line, "typst rule") in reasons, (line, sorted(reasons))
    comment = _line("/* an old paragraph kept for later:")
    assert (comment, "typst comment") in reasons and (comment + 1, "typst comment") in reasons
    texts = [b.text for b in doc.blocks]
    assert not any("gentle-clues" in t or "logical replication" in t for t in texts), texts


def test_raw_blocks_stay_code_as_written() -> None:
    doc = _doc()
    (code,) = (b for b in doc.blocks if b.kind == "code")
    assert code.lang == "sql"
    assert code.code.startswith("-- #table( and = headings here are SQL comments, not Typst\n")
    assert "ORDER BY n_dead_tup DESC;" in code.code
    assert code.section.heading == "Vacuum"
    inline = _block(doc, "Plain VACUUM marks")
    assert "VACUUM FULL" in inline.inline.code and "exclusive lock" in inline.inline.strong


def test_lists_nest_and_number() -> None:
    doc = _doc()
    archive = _block(doc, "give an archive_command")
    assert archive.kind == "item" and archive.ordered and archive.number == 1
    assert archive.section.heading == "Archiving"
    hot = _block(doc, "hot_standby = on lets")
    assert hot.depth == 2 and hot.parent is not None
    assert hot.parent.text.startswith("Streaming replication ships WAL")
    sync = _block(doc, "Synchronous commit waits")
    assert sync.line == _line(
        "Synchronous commit waits for the standby named in `synchronous_standby_names`."
    )
    assert sync.parent is None or not sync.parent.text.startswith("A replication slot")


def test_each_line_keeps_its_line() -> None:
    out, _ = typst_as_markdown(LINES)
    assert len(out) == len(LINES)
    assert out[LINES.index("= Vacuum <sec:vacuum>")] == "# Vacuum"
    assert out[LINES.index("+ watch `pg_stat_archiver` for failed attempts")] == (
        "1. watch `pg_stat_archiver` for failed attempts"
    )
    doc = _doc()
    for start, line in (
        ("Synchronous commit", LINES[-2]),
        ("watch pg_stat_archiver", "+ watch `pg_stat_archiver` for failed attempts"),
        ("Checkpoint: the point", LINES[10]),
    ):
        assert _block(doc, start).line == LINES.index(line) + 1, start


def test_a_table_on_fewer_lines_than_rows_keeps_what_fits_and_reports_the_rest() -> None:
    notes = [
        "= Ports <sec:ports>",
        "#table(columns: 2,",
        "  [*Service*], [*Port*],",
        "  [postgres], [5432], [pgbouncer], [6432],",
        "  [patroni], [8008])",
        "Default ports of the stack.",
    ]
    out, skipped = typst_as_markdown(notes)
    # a blank line stays between the rows and the text under them, or the text is a row
    assert out[1:5] == ["| Service | Port |", "|---|---|", "| postgres | 5432 |", ""]
    assert skipped == [
        (4, "typst table row", "pgbouncer | 6432"),
        (5, "typst table row", "patroni | 8008"),
    ]
    doc = parse_document("\n".join(notes), "ports.md")
    assert doc.title == "Ports"  # one heading: the notes' title, its label dropped
    table = next(b.table for b in doc.blocks if b.table is not None)
    assert table.rows == (("postgres", "5432"),)
    assert _block(doc, "Default ports").kind == "paragraph"
    assert ("typst table row", "patroni | 8008") in {(n.reason, n.text) for n in doc.noise}


ASCIIDOC = """= Backup notes

== Tools

* pg_dump writes a *logical* backup
* pg_basebackup copies the data directory

== Restore

[source,bash]
----
pg_restore -d app app.dump
----
"""

MEDIAWIKI = """== Tools ==
'''pg_dump''' writes a logical backup.
== Restore ==
* pg_restore reads it back
"""

DOKUWIKI = """====== Backup ======
===== Tools =====
^ Tool ^ Kind ^
| pg_dump | logical |
"""

CONFLUENCE = """h1. Backup
h2. Tools
||Tool||Kind||
|pg_dump|logical|
"""

MARKDOWN = """# Backup

## Tools

- pg_dump writes a *logical* backup
- #table( is no call here, and = no heading

| Tool | Kind |
|---|---|
| pg_dump | logical |
"""


def test_other_dialects_read_as_before_and_typst_its_own_way() -> None:
    for text in (ASCIIDOC, MEDIAWIKI, DOKUWIKI, CONFLUENCE, MARKDOWN):
        lines = text.split("\n")
        assert not is_typst(lines), text
        assert typst_as_markdown(lines) == (lines, [])
    adoc = parse_document(ASCIIDOC, "backup.md")
    assert [s.key for s in adoc.sections if s.level == 2] == ["Tools", "Restore"]
    assert any(b.kind == "code" and "pg_restore" in b.code for b in adoc.blocks)
    # the same "=" headings with a Typst table: Typst's, its cells a table's, no more AsciiDoc
    typst = ["= Backup notes", "== Tools", "#table(", "  columns: 2,", "  [*Tool*], [*Kind*],",
             "  [pg_dump], [logical],", ")", "== Restore", "Restore with pg_restore."]  # fmt: skip
    doc = parse_document("\n".join(typst), "backup.md")
    table = next(b.table for b in doc.blocks if b.table is not None)
    assert table.header == ("Tool", "Kind") and table.rows == (("pg_dump", "logical"),)
    assert [s.key for s in doc.sections if s.level == 2] == ["Tools", "Restore"]


def test_hostile_lines_finish() -> None:
    hostile = [
        "#table(" * 3000,
        "[" * 20000,
        "]" * 20000,
        "*" * 20000,
        "_" * 20000,
        "<a>" * 7000,
        "/ x: " * 4000,
        "$" * 20000,
        "`" * 20000,
        "@a" * 10000,
        "#f[" * 7000,
        "#f[" * 3000 + "]" * 3000,
        "#f(" * 3000 + ")" * 3000,
        "/*" * 10000,
        '#link("' * 3000,
        "#table(columns: 2, " + "table.cell(rowspan: 99, colspan: 99)[x], " * 300 + ")",
    ]
    for line in hostile:
        page = ["#set text(size: 9pt)", "= Page", "#table(columns: 2,", "  [*Key*], [*Value*],"]
        page += ["  [a], [b],", ")", "", line, "", "== Part <sec:part>", "See @sec:part."]
        out, _ = typst_as_markdown(page)
        assert len(out) == len(page), line[:10]
        doc = parse_document("\n".join(page), "hostile.md")
        generate_document("hostile.md", "\n".join(page))
        table = next(b.table for b in doc.blocks if b.table is not None)
        assert table.header == ("Key", "Value"), line[:10]
        assert any(s.key == "Page › Part" or s.key == "Part" for s in doc.sections), line[:10]
