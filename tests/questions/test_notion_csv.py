"""A database exported from Notion as CSV: a byte-order mark, a header of labels, one record
per row, quoted fields with commas, doubled quotes and line breaks, and the columns Notion
keeps of each page (when it was made, its tags, its state). Its pages' names, defaults and
notes are asked as a table's rows; what it keeps of its records never is."""

from __future__ import annotations

import re

from questions.generate import generate_document
from questions.parse.markdown import parse_document
from questions.parse.plain_text import as_markdown

EXPORT = (
    "\ufeffName,Area,Default / Limit,Notes,Tags,Created,Status\n"
    'work_mem,Memory,4 MB,"Per sort or hash operation, not per connection",memory,'
    '"March 2, 2026 9:20 AM",Done\n'
    "max_connections,Connections,100,Each connection is a server process,limits,"
    '"March 2, 2026 9:31 AM",In progress\n'
    'shared_buffers,Memory,128 MB,"Usually about 25% of RAM.\n'
    'Changing it needs a server restart","memory, restart","March 2, 2026 9:15 AM",Done\n'
    "autovacuum_naptime,Vacuum,1 min,Sleep between autovacuum runs on one database,vacuum,"
    '"March 3, 2026 8:02 PM",Done\n'
    'checkpoint_timeout,WAL,5 min,"Longest time between automatic WAL checkpoints\n'
    'See WAL tuning (https://www.notion.so/WAL-tuning-0123456789abcdef0123456789abcdef)",'
    '"wal, exam trap","March 3, 2026 8:10 PM",Done\n'
    'wal_level,WAL,replica,"Set it to ""logical"" for logical decoding",wal,'
    '"March 3, 2026 8:14 PM",Review again\n'
    "statement_timeout,Connections,0 (off),Aborts any statement that runs longer,limits,"
    '"March 4, 2026 7:40 PM",Done\n'
    ',,,,,"March 4, 2026 7:41 PM",Not started\n'
    "random_page_cost,Planner,4.0,Lower it to 1.1 on SSD storage,planner,"
    '"March 4, 2026 7:45 PM",Done\n'
    'effective_cache_size,Planner,4 GB,"A hint to the planner only.\n'
    'It allocates no memory","planner, memory","March 5, 2026 6:30 PM",Done\n'
    'Pages to read again,,,"Locks (https://www.notion.so/Locks-fedcba9876543210fedcba9876543210)",'
    'todo,"March 6, 2026 9:00 PM",Not started\n'
)
NAMES = [
    "work_mem",
    "max_connections",
    "shared_buffers",
    "autovacuum_naptime",
    "checkpoint_timeout",
    "wal_level",
    "statement_timeout",
    "random_page_cost",
    "effective_cache_size",
]


def test_a_notion_export_is_a_table_of_its_pages_without_what_notion_keeps() -> None:
    table = next(b for b in parse_document(EXPORT, "postgres.md").content if b.kind == "table")
    assert table.table is not None
    assert list(table.table.header) == ["Name", "Area", "Default / Limit", "Notes"]
    # the empty record and the page tagged "todo" are no rows
    assert [r[0] for r in table.table.rows] == NAMES
    rows = {r[0]: r for r in table.table.rows}
    assert rows["work_mem"][3] == "Per sort or hash operation, not per connection"
    assert (
        rows["shared_buffers"][3] == "Usually about 25% of RAM. Changing it needs a server restart"
    )
    assert rows["checkpoint_timeout"][3] == (
        "Longest time between automatic WAL checkpoints; See WAL tuning"
    )
    assert rows["wal_level"][3] == 'Set it to "logical" for logical decoding'
    assert rows["statement_timeout"][2] == "0 (off)"


def test_its_questions_ask_names_defaults_and_notes_never_dates_tags_or_states() -> None:
    result = generate_document("postgres.md", EXPORT)
    chosen = [q for _, q in result.chosen if q.choices]
    assert len(chosen) >= 5, [q.prompt for q in chosen]
    assert {c.fact.attribute for c, _ in result.chosen} <= {"Area", "Default / Limit", "Notes"}
    assert any(c.fact.attribute == "Default / Limit" for c, _ in result.chosen)
    assert any(c.fact.attribute == "Notes" for c, _ in result.chosen)
    keys = {q.choices[q.answer] for q in chosen}
    assert keys & set(NAMES), keys
    record_keeping = re.compile(
        r"2026|\b(?:AM|PM)\b|In progress|Not started|Review again|exam trap|memory, restart"
        r"|notion\.so|https?:|\"\"|\bTags?\b|\bStatus\b|\bCreated\b"
    )
    for q in chosen:
        said = " ".join([q.prompt, *q.choices])
        assert not record_keeping.search(said), said
        assert not said.startswith('"') and ',"' not in said, said


def test_each_record_keeps_its_line_and_the_lines_after_the_sheet_keep_theirs() -> None:
    notes = (
        "# Postgres\n\n## Settings\n\n" + EXPORT.removeprefix("\ufeff") + "\n## After\n\nA line.\n"
    )
    lines, converted = notes.split("\n"), as_markdown(notes).split("\n")
    assert len(converted) == len(lines)
    header = lines.index("Name,Area,Default / Limit,Notes,Tags,Created,Status")
    assert converted[header - 1] == "| Name | Area | Default / Limit | Notes |"
    assert converted[header] == "|---|---|---|---|"
    # the records before the first one that spans lines keep their lines; the table's rows
    # are lines in a row, so the rows below it move up and its other lines are blank after it
    starts = [n for n, line in enumerate(lines) if line.split(",")[0] in NAMES]
    assert [converted[n].split(" | ")[0] for n in starts[:3]] == ["| " + n for n in NAMES[:3]]
    rows = [line for line in converted if line.startswith("| ") and line != converted[header - 1]]
    assert [r.split(" | ")[0] for r in rows] == ["| " + n for n in NAMES]
    first = header + 1
    assert converted[first : first + len(NAMES)] == rows
    end = lines.index("## After")
    assert all(not line for line in converted[first + len(NAMES) : end])
    assert converted[end:] == lines[end:]
    # a question's row is the line it points at
    result = generate_document("postgres.md", notes)
    assert result.chosen
    assert all(first < q.source.line <= first + len(NAMES) for _, q in result.chosen)


def test_a_sheet_first_in_a_file_has_its_header_on_its_first_line() -> None:
    converted = as_markdown(EXPORT).split("\n")
    assert len(converted) == len(EXPORT.split("\n"))
    assert converted[:3] == [
        "| Name | Area | Default / Limit | Notes |",
        "|---|---|---|---|",
        "| work_mem | Memory | 4 MB | Per sort or hash operation, not per connection |",
    ]


def test_prose_with_commas_is_no_sheet() -> None:
    prose = (
        "## Vacuum\n\n"
        "Vacuum reclaims dead rows, updates the statistics, and prevents wraparound\n"
        "It runs per table, in the background, when enough rows changed\n"
        "Autovacuum workers share a cost limit, a delay, and a naptime\n\n"
        "Analyze samples rows, builds histograms, then feeds the planner.\n"
        "It runs after bulk loads, by hand or from autovacuum, on each table.\n"
        "Its sample size grows with the target, not the table, by default.\n"
    )
    assert as_markdown(prose) == prose
    assert not any(b.kind == "table" for b in parse_document(prose, "vacuum.md").content)
