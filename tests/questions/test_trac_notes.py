"""Notes written in Trac's or MoinMoin's wiki markup (a project wiki's page) and handed in as
they are: "= … =" headings (more "=" is deeper), "||= Header =||" and "|| cell ||" tables,
" term:: definition" lines, " * " and " 1. " items, "{{{" … "}}}" blocks with a "#!sql"
processor line (a "#!comment" one a comment, a "#!div" one a box of text), {{{code}}} inline,
[wiki:Page text], [http://… text] and [[Page|text]] links, [[TOC]] and [[BR]] macros,
'''bold''', ''italics'', __underline__, ~~strike~~, ^sup^, ,,sub,, and "!" escapes. Read as
MediaWiki the tables, definitions and code stayed raw ("{}" for {{{/tmp}}}, "::" in stems);
read as Trac they are what they stand for."""

from __future__ import annotations

from questions.generate import generate_document
from questions.parse.markdown import parse_document
from questions.parse.model import Block, Document
from questions.parse.trac import is_trac, trac_as_markdown
from tests.questions.test_asciidoc_notes import ADOC
from tests.questions.test_confluence_notes import NOTES as CONFLUENCE
from tests.questions.test_dokuwiki_notes import DOKU
from tests.questions.test_mediawiki_notes import WIKI

TRAC = """= PostgresAdminNotes =
[[PageOutline(2-4,Contents,inline)]]
Team page, see [wiki:DatabaseRunbook the runbook], [[wiki:OnCall|the on-call rota]] and [https://www.postgresql.org/docs/ the manual]. Kept by !DbTeam.

== Connections == #conn
||= Setting =||= Default =||= Meaning =||
|| {{{max_connections}}} || 100 || most client sessions at once ||
|| {{{superuser_reserved_connections}}} || 3 || slots kept for superusers ||
|| {{{listen_addresses}}} || localhost || interfaces the server binds to ||

 * the default port is '''5432'''
 * {{{pg_hba.conf}}} decides ''who'' may connect from where
   * the first matching line wins
 * reload the settings with {{{SELECT pg_reload_conf();}}}

=== Authentication methods ===
 peer:: trusts the operating system user name, over local sockets only
 scram-sha-256:: salted challenge-response password check, the default since version 14
 md5:: older password hashing, kept only for old clients
 trust:: lets anyone in without a password; never on production

== Backups ==
 1. take a base backup with {{{pg_basebackup}}}
 1. archive the WAL segments with {{{archive_command}}}
 1. restore by replaying WAL up to a {{{recovery_target_time}}}

{{{
#!sh
pg_dump -Fc -f shop.dump shop
pg_restore -d shop_copy shop.dump
== not a heading ==
}}}

{{{
#!comment
Ask Marta whether we still keep the tapes.
}}}

{{{#!div style="background: #ffd"
'''Note:''' {{{pg_upgrade}}} needs the old and the new server binaries installed side by side.
}}}

=== Dump formats ===
|| '''Flag''' || '''Format''' || '''Restored with''' ||
|| -Fp || plain SQL script || psql ||
|| -Fc || custom archive || pg_restore ||
|| -Fd || directory archive || pg_restore ||
|| -Ft || tar archive || pg_restore ||

==== Vacuum ====
{{{VACUUM}}} marks dead tuples reusable; {{{VACUUM FULL}}} rewrites the table under an '''ACCESS EXCLUSIVE''' lock.[[BR]]
The autovacuum launcher wakes every __60 seconds__ by default (~~30 seconds~~ in our notes).
Transaction IDs are 32 bits wide, so wraparound comes after about 2^31^ transactions (x,,n,,).

----
[[TOC]]
"""
LINES = TRAC.split("\n")

MARKDOWN = """# Postgres

## Connections

* the default port is **5432**
  * nested item
- `pg_hba.conf` and ''quotes'' and a term:: with colons

| Setting | Default |
|---|---|
| max_connections | 100 |

```
= not a heading =
{{{
||= raw =||
}}}
```
"""

RAW_MARKS = ("{{{", "}}}", "||", "'''", "[wiki:", "[[", "::", "{}", "#!", "~~", ",,", "!DbTeam")


def _doc() -> Document:
    return parse_document(TRAC, "postgres.md")


def _block(doc: Document, start: str) -> Block:
    return next(b for b in doc.blocks if b.text.startswith(start))


def test_headings_and_their_levels() -> None:
    doc = _doc()
    assert doc.title == "PostgresAdminNotes"
    keys = [s.key for s in doc.sections]
    for key in (
        "Connections",
        "Connections › Authentication methods",
        "Backups",
        "Backups › Dump formats",
        "Backups › Dump formats › Vacuum",
    ):
        assert key in keys, keys
    levels = {s.heading: s.level for s in doc.sections}
    assert levels["Connections"] == 2 and levels["Dump formats"] == 3 and levels["Vacuum"] == 4
    assert not any("=" in k or "#" in k for k in keys), keys  # "== … == #conn": an anchor
    assert not any("not a heading" in k for k in keys), keys


def test_tables_have_their_headers() -> None:
    tables = [b.table for b in _doc().blocks if b.table is not None]
    assert len(tables) == 2, tables
    settings, dumps = tables
    assert settings.header == ("Setting", "Default", "Meaning")
    assert settings.rows[0] == ("max_connections", "100", "most client sessions at once")
    assert dumps.header == ("Flag", "Format", "Restored with")  # bold first row: the header
    assert dumps.rows[1] == ("-Fc", "custom archive", "pg_restore")
    rows = [n for n, line in enumerate(LINES, 1) if line.startswith("|| ") and "'''" not in line]
    assert list(settings.lines) + list(dumps.lines) == rows


def test_a_question_is_keyed_from_a_table_row_on_its_line() -> None:
    result = generate_document("postgres.md", TRAC)
    rows = {n: line for n, line in enumerate(LINES, 1) if line.startswith("|| ")}
    keyed = [q for _, q in result.chosen if q.source is not None and q.source.line in rows]
    assert keyed, [(q.prompt, q.choices) for _, q in result.chosen]
    for q in keyed:  # the answer is a cell of the row the question points at
        assert q.source is not None
        assert q.answer_text in rows[q.source.line], (q.prompt, q.answer_text, q.source.line)


def test_definitions_are_terms_and_what_they_mean() -> None:
    doc = _doc()
    peer = _block(doc, "peer:")
    assert peer.kind == "item" and "peer" in peer.inline.strong
    assert peer.text == "peer: trusts the operating system user name, over local sockets only"
    scram = _block(doc, "scram-sha-256:")
    assert scram.line == LINES.index(" scram-sha-256:: salted challenge-response password "
                                     "check, the default since version 14") + 1  # fmt: skip
    assert not any("::" in b.text for b in doc.blocks), [b.text for b in doc.blocks]
    result = generate_document("postgres.md", TRAC)
    terms = {n for n, line in enumerate(LINES, 1) if line.startswith(" ") and ":: " in line}
    methods = [q for _, q in result.chosen if q.source and q.source.line in terms]
    assert methods, [(q.prompt, q.choices) for _, q in result.chosen]
    for q in methods:
        assert not any("::" in text for text in (q.prompt, *q.choices)), (q.prompt, q.choices)


def test_code_inline_and_in_blocks() -> None:
    doc = _doc()
    hba = _block(doc, "pg_hba.conf decides who")
    assert "pg_hba.conf" in hba.inline.code and hba.depth == 1
    wins = _block(doc, "the first matching line wins")
    assert wins.depth == 2 and wins.parent is not None and wins.parent.text == hba.text
    vacuum = _block(doc, "VACUUM marks dead tuples")
    assert "VACUUM FULL" in vacuum.inline.code and "ACCESS EXCLUSIVE" in vacuum.inline.strong
    assert "[[BR]]" not in vacuum.text and "60 seconds" in vacuum.text
    (code,) = (b for b in doc.blocks if b.kind == "code")
    assert code.lang == "sh"
    assert code.code == (
        "pg_dump -Fc -f shop.dump shop\npg_restore -d shop_copy shop.dump\n== not a heading ==\n"
    )
    assert code.line == LINES.index("#!sh") + 1
    note = _block(doc, "Note: pg_upgrade needs")
    assert "pg_upgrade" in note.inline.code and note.kind == "paragraph"
    noise = {(n.reason, n.text) for n in doc.noise}
    assert ("trac comment", "Ask Marta whether we still keep the tapes.") in noise
    assert ("trac metadata", "[[TOC]]") in noise
    assert not any("Marta" in b.text for b in doc.blocks)


def test_no_raw_markup_in_any_prompt_or_choice() -> None:
    result = generate_document("postgres.md", TRAC)
    assert len(result.chosen) >= 8, [q.prompt for _, q in result.chosen]
    for _, q in result.chosen:
        for text in (q.prompt, *q.choices):
            assert not any(mark in text for mark in RAW_MARKS), (q.prompt, q.choices)
    doc = _doc()
    texts = [b.text for b in doc.blocks if b.kind != "code"]
    assert not any(mark in t for t in texts for mark in RAW_MARKS), texts
    links = _block(doc, "Team page, see")
    assert links.text == (
        "Team page, see the runbook, the on-call rota and the manual. Kept by DbTeam."
    )
    vacuum = _block(doc, "VACUUM marks dead tuples")  # one paragraph over its three lines
    assert "about 2^31 transactions (xn)" in vacuum.text and "30 seconds" in vacuum.text


def test_each_line_keeps_its_line() -> None:
    out, skipped = trac_as_markdown(LINES)
    assert len(out) == len(LINES)
    assert (2, "trac metadata", LINES[1]) in skipped
    doc = _doc()
    for start, line in (
        ("the default port is 5432", " * the default port is '''5432'''"),
        ("take a base backup", " 1. take a base backup with {{{pg_basebackup}}}"),
        ("md5: older password hashing", " md5:: older password hashing, kept only for old clients"),
        ("VACUUM marks dead tuples", LINES[LINES.index("==== Vacuum ====") + 1]),
    ):
        assert _block(doc, start).line == LINES.index(line) + 1, start
    backup = _block(doc, "take a base backup")
    assert backup.kind == "item" and backup.ordered


def test_other_wiki_dialects_and_markdown_read_as_before() -> None:
    for text in (WIKI, DOKU, CONFLUENCE, ADOC, MARKDOWN):
        lines = text.split("\n")
        assert not is_trac(lines), text[:40]
        assert trac_as_markdown(lines) == (lines, [])
    md = parse_document(MARKDOWN, "postgres.md")
    assert any(b.table is not None for b in md.blocks)
    assert any(b.kind == "code" and "{{{" in b.code for b in md.blocks)
    # the same headings with a Trac table are Trac's: its table is a table, not "||" text
    page = [
        "= Postgres =",
        "",
        "== Ports ==",
        "||= Service =||= Port =||",
        "|| postgres || 5432 ||",
    ]
    doc = parse_document("\n".join(page), "ports.md")
    (table,) = (b.table for b in doc.blocks if b.table is not None)
    assert table.header == ("Service", "Port") and table.rows == (("postgres", "5432"),)


def test_hostile_lines_run() -> None:
    hostile = [
        "{{{" * 7000,
        "||" * 10000,
        "[[" * 10000,
        "''" * 10000,
        "=" * 20000,
        " x:: " * 4000,
        "`" * 20000,
        "!" * 20000,
        "^" * 20000,
        ",," * 10000,
        "__" * 10000,
        "~~" * 10000,
        "[wiki:" * 3000,
        "<<" * 10000,
        "||= " * 5000,
        " * " + "x" * 20000,
        "{{{x" * 5000,
    ]
    for line in hostile:
        page = ["= Page =", "", "== Part ==", "||= Key =||= Value =||", "|| a || b ||"]
        page += ["", line, ""]
        doc = parse_document("\n".join(page), "hostile.md")
        generate_document("hostile.md", "\n".join(page))
        table = next(b.table for b in doc.blocks if b.table is not None)
        assert table.header == ("Key", "Value"), line[:10]
