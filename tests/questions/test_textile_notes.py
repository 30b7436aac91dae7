"""Notes written in Textile on a Redmine wiki page and handed in as they are: "h2. " headings,
"p(lead). " and "p>. " paragraphs, "bq. " quotes, "*" and "#" lists ("**", "##" a level
deeper), *bold*, _italics_, @code@, -strike-, +insert+ and %{style}spans%, tables with cell
modifiers ("|_. header|", "|=. centred|", "|>. right|", "|\\2. colspan|", "|/2. rowspan|"),
"<pre><code class=\"sql\">" and "bc. " code, "text":url and [[Page|label]] links, images,
attachments, issue refs and Redmine's macros ("{{>toc}}", "{{collapse(…)" … "}}"). Read as
Markdown, or as Confluence (whose "h2. " is the same), the cell modifiers, "@" and the link
marks stayed in the words; read as Textile the page is the sections, lists, tables and code it
shows."""

from __future__ import annotations

from questions.generate import generate_document, generate_from_texts
from questions.parse.markdown import parse_document
from questions.parse.model import Block, Document
from questions.parse.textile import is_textile, textile_as_markdown
from tests.questions.test_confluence_notes import NOTES as CONFLUENCE
from tests.questions.test_trac_notes import TRAC

TEXTILE = """{{>toc}}

h1. PostgreSQL admin notes

p(lead). Team page for the *DBA rota*. Older notes are on [[Postgres Archive|the archive]], open questions in #812 and r4410.

h2. Connections

* The server listens on port *5432* by default.
* @pg_hba.conf@ decides _who_ may connect from where
** the first matching line wins
** reload it with @SELECT pg_reload_conf();@
* -md5- is legacy; use +scram-sha-256+ for passwords.
* %{color:red}Never% set @trust@ for remote hosts.

Settings worth knowing:

|_. Setting |_. Default |_. Meaning |
| @max_connections@ |>. 100 | most client sessions at once |
| @superuser_reserved_connections@ |>. 3 | slots kept for superusers |
| @listen_addresses@ |=. localhost | interfaces the server binds to |

h2. Backups

# take a base backup with @pg_basebackup@
# archive the WAL with @archive_command@
## test the restore every month
# replay the WAL up to a @recovery_target_time@

<pre><code class="sql">
SELECT pg_start_backup('nightly');
h2. not a heading, *not bold*, @not code@
</code></pre>

bc. pg_dump -Fc -f shop.dump shop

h3. Dump formats

table(formats).
|_. Flag |_. Format |_. Restored with |
| -Fp | plain SQL script | psql |
| -Fc | custom archive |/2. pg_restore |
| -Fd | directory archive |
|\\2. tar (-Ft) is rare | pg_restore |

bq. Untested backups are no backups. -- the on-call handbook

{{collapse(Vacuum details)
* @VACUUM@ marks dead tuples reusable.
* Autovacuum wakes every *60 seconds* by default.
}}

p>. See the "PostgreSQL manual":https://www.postgresql.org/docs/current/ and the diagram !pg-arch.png! in attachment:pg-arch.png.
"""
LINES = TEXTILE.split("\n")

RAW_MARKS = ("_.", "=.", ">.", "\\2", "/2", "@", "h1.", "h2.", "h3.", "{{", "}}", "[[", "]]")
RAW_MARKS += ('":', "%{", "%", "!", "attachment:", "p(lead)", "p>", "bq.", "table(", "|")


def _doc() -> Document:
    return parse_document(TEXTILE, "postgres.textile")


def _block(doc: Document, start: str) -> Block:
    return next(b for b in doc.blocks if b.text.startswith(start))


def _line(text: str) -> int:
    """The line number (from 1) a line of the notes is on."""
    return LINES.index(text) + 1


def test_headings_are_sections_with_their_keys() -> None:
    doc = _doc()
    assert doc.title == "PostgreSQL admin notes"
    keys = [s.key for s in doc.sections]
    for key in ("Connections", "Backups", "Backups › Dump formats"):
        assert key in keys, keys
    assert not any("h2." in k or "h3." in k or "not a heading" in k for k in keys), keys
    levels = {s.heading: s.level for s in doc.sections}
    assert levels["Connections"] == 2 and levels["Dump formats"] == 3
    assert _block(doc, "take a base backup").section.key == "Backups"


def test_cell_modifiers_leave_tables_and_spans_keep_their_columns() -> None:
    doc = _doc()
    tables = [b.table for b in doc.blocks if b.table is not None]
    assert len(tables) == 2, tables
    settings, formats = tables
    assert settings.header == ("Setting", "Default", "Meaning")
    assert settings.rows[0] == ("max_connections", "100", "most client sessions at once")
    assert settings.rows[2] == ("listen_addresses", "localhost", "interfaces the server binds to")
    assert formats.header == ("Flag", "Format", "Restored with")
    # "/2." spans the row below: its words are that row's too; "\2." spans two columns
    assert formats.rows[1] == ("-Fc", "custom archive", "pg_restore")
    assert formats.rows[2] == ("-Fd", "directory archive", "pg_restore")
    assert formats.rows[3] == ("tar (-Ft) is rare", "", "pg_restore")
    rows = [n for n, line in enumerate(LINES, 1) if line.startswith("| @")]
    assert list(settings.lines) == rows


def test_a_question_is_keyed_from_a_table_row_with_its_cell() -> None:
    result = generate_document("postgres.textile", TEXTILE)
    rows = {n: line for n, line in enumerate(LINES, 1) if line.startswith("| ")}
    keyed = [q for _, q in result.chosen if q.source is not None and q.source.line in rows]
    assert keyed, [(q.prompt, q.choices) for _, q in result.chosen]
    for q in keyed:  # the answer is a cell of the row the question points at
        assert q.source is not None
        assert q.answer_text in rows[q.source.line], (q.prompt, q.answer_text, q.source.line)


def test_a_known_fact_is_asked_with_its_key_and_no_markup_reaches_a_question() -> None:
    bank, _ = generate_from_texts([("postgres.textile", TEXTILE)], "postgres")
    assert len(bank.questions) >= 4, [q.prompt for q in bank.questions]
    port = [q for q in bank.questions if "5432" in q.choices]
    assert port, [(q.prompt, q.choices) for q in bank.questions]
    assert all(q.answer_text == "5432" for q in port), [(q.prompt, q.choices) for q in port]
    for q in bank.questions:
        for text in (q.prompt, *q.choices):
            assert not any(mark in text for mark in RAW_MARKS), (q.prompt, q.choices)


def test_no_raw_mark_reaches_a_block() -> None:
    doc = _doc()
    texts = [b.text for b in doc.blocks if b.kind != "code"]
    texts += [c for b in doc.blocks if b.table for c in b.table.header]
    texts += [c for b in doc.blocks if b.table for r in b.table.rows for c in r]
    leaked = [t for t in texts if any(mark in t for mark in RAW_MARKS)]
    assert not leaked, leaked
    hba = _block(doc, "pg_hba.conf decides who")
    assert "pg_hba.conf" in hba.inline.code and hba.depth == 1
    assert "5432" in _block(doc, "The server listens").inline.strong
    assert _block(doc, "md5 is legacy").text == "md5 is legacy; use scram-sha-256 for passwords."
    assert _block(doc, "Never set").text == "Never set trust for remote hosts."


def test_code_blocks_stay_code_as_written() -> None:
    doc = _doc()
    sql, dump = (b for b in doc.blocks if b.kind == "code")
    assert sql.lang == "sql"
    assert sql.code == (
        "SELECT pg_start_backup('nightly');\nh2. not a heading, *not bold*, @not code@\n"
    )
    assert dump.code == "pg_dump -Fc -f shop.dump shop\n"
    # its code starts on its signature's line: the fence opening it takes the blank line above
    assert dump.line == _line("bc. pg_dump -Fc -f shop.dump shop") - 1


def test_lists_nest_by_their_marks_and_keep_their_lines() -> None:
    doc = _doc()
    wins = _block(doc, "the first matching line wins")
    assert wins.kind == "item" and wins.depth == 2
    assert wins.parent is not None and wins.parent.text.startswith("pg_hba.conf decides")
    assert wins.line == _line("** the first matching line wins")
    backup = _block(doc, "take a base backup")
    assert backup.ordered and backup.depth == 1
    test = _block(doc, "test the restore every month")
    assert test.ordered and test.depth == 2
    out, _ = textile_as_markdown(LINES)
    assert len(out) == len(LINES)
    for start, line in (
        ("Autovacuum wakes every 60 seconds", "* Autovacuum wakes every *60 seconds* by default."),
        ("replay the WAL", "# replay the WAL up to a @recovery_target_time@"),
    ):
        assert _block(doc, start).line == _line(line), start


def test_a_table_right_under_a_list_keeps_its_rows_on_their_lines() -> None:
    page = [
        "h2. Ports",
        "",
        "Well-known ports:",
        "* @ssh@ listens on *22*",
        "* @https@ listens on *443*",
        "",
        "|_. Service |_. Port |",
        "| postgres |>. 5432 |",
        "| redis |>. 6379 |",
        "| mysql |>. 3306 |",
        "After the table.",
    ]
    out, _ = textile_as_markdown(page)
    assert len(out) == len(page)
    doc = parse_document("\n".join(page), "ports.textile")
    (table,) = (b.table for b in doc.blocks if b.table is not None)
    assert table.header == ("Service", "Port")
    assert table.rows == (("postgres", "5432"), ("redis", "6379"), ("mysql", "3306"))
    # a Markdown header right under an item would be the item's words: the table goes in it
    assert table.lines == (8, 9, 10)
    ssh = _block(doc, "ssh listens on 22")
    assert ssh.kind == "item" and ssh.lead is not None and ssh.lead.text == "Well-known ports:"
    assert "22" in ssh.inline.strong and ssh.line == 4  # no line moved for the rule
    assert _block(doc, "After the table.").line == 11


def test_a_table_with_no_blank_line_near_is_read_as_items_on_their_lines() -> None:
    page = [
        "h2. Hosts",
        "Hosts follow.",
        "| db1 |=. 10.0.0.5 |",
        "| db2 |=. 10.0.0.6 |",
        "Both are in the same subnet.",
        "h2. Ports",
        "Well-known ports follow.",
        "|_. Service |_. Port |",
        "| postgres |>. 5432 |",
        "| redis |>. 6379 |",
    ]
    doc = parse_document("\n".join(page), "ports.textile")
    assert not any(b.table for b in doc.blocks)
    items = {b.line: b.text for b in doc.blocks if b.kind == "item"}
    assert items == {
        3: "db1; 10.0.0.5",  # no header row: every row is words
        4: "db2; 10.0.0.6",
        5: "Both are in the same subnet.",
        9: "Service: postgres; Port: 5432",
        10: "Service: redis; Port: 6379",
    }, items


def test_links_refs_and_macros_read_as_their_words() -> None:
    doc = _doc()
    lead = _block(doc, "Team page")
    assert lead.text == (
        "Team page for the DBA rota. Older notes are on the archive, open questions in #812 "
        "and r4410."
    )
    see = _block(doc, "See the")
    assert see.text == ("See the PostgreSQL manual and the diagram in pg-arch.png."), see.text
    quote = _block(doc, "Untested backups")
    assert quote.text == "Untested backups are no backups. — the on-call handbook"
    macros = [(n.line, n.text) for n in doc.noise if n.reason == "textile macro"]
    assert macros == [
        (1, "{{>toc}}"),
        (_line("{{collapse(Vacuum details)"), "{{collapse(Vacuum details)"),
    ]
    assert _block(doc, "VACUUM marks dead tuples").noise is None


def test_only_notes_textile_marks_as_its_own_are_read_so() -> None:
    markdown = [
        "# Notes",
        "Mail dba@example.com or ops@example.com.",
        "* a *list* item and `@decorator@` code",
        "p. 45 of the book covers it",
        "```",
        '"docs":https://example.com',
        "|_. not | a table |",
        "```",
    ]
    confluence_like = ["h2. Quotas", "bq. A quote.", "||Resource||Limit||", "|VNets|1000|"]
    for lines in (markdown, confluence_like, CONFLUENCE.split("\n"), TRAC.split("\n")):
        assert not is_textile(lines), lines[:3]
        assert textile_as_markdown(lines) == (lines, [])
    # Confluence's page is still Confluence's: its "||" header row is a table's header
    doc = parse_document(CONFLUENCE, "az700.md")
    headers = [b.table.header for b in doc.blocks if b.table is not None]
    assert ("Property", "Range", "Note") in headers
    # the same heading with a Textile table is Textile's: its cells lose their modifiers
    page = ["h2. Ports", "", "|_. Service |_. Port |", "| postgres |>. 5432 |"]
    (table,) = (b.table for b in parse_document("\n".join(page), "p.md").blocks if b.table)
    assert table.header == ("Service", "Port") and table.rows == (("postgres", "5432"),)


def test_hostile_lines_finish() -> None:
    hostile = [
        "@" * 20000,
        "@a" * 10000 + " x",
        "|" * 20000,
        "|_. " * 5000,
        "|\\999. x |/999. y |" * 500,
        '"a":' * 5000,
        '"' + "x" * 20000,
        "!" * 20000,
        "!a.png" * 3000,
        "p" + "(" * 20000 + ". x",
        "p" + "()" * 10000 + ". x",
        "*" * 20000,
        "* " * 7000,
        "-a " * 7000,
        "%{" * 10000,
        "{{" * 10000,
        "[[" * 10000,
        "<pre>" * 4000,
        "<code>" * 4000,
        "h1. " + "x" * 20000,
    ]
    for line in hostile:
        page = ["h1. Start", "", "h2. Next", "", "|_. Key |_. Value |", "| a | b |", "", line]
        text = "\n".join(page)
        doc = parse_document(text, "h.textile")
        generate_document("h.textile", text)
        assert "Next" in [s.heading for s in doc.sections], line[:10]
        table = next(b.table for b in doc.blocks if b.table is not None)
        assert table.header == ("Key", "Value"), line[:10]
