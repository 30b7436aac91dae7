"""Notes exported from Roam Research as Markdown: nested "- " bullets four spaces a level, with
Roam's highlights, attributes, tags, block references, embeds, tasks and day pages in the text
(questions/parse/roam.py)."""

from __future__ import annotations

from questions.generate import generate_document
from questions.parse.markdown import parse_document
from questions.parse.roam import roam_as_markdown

POSTGRES = """\
- Type:: [[Study Page]]
- Course:: [[PostgreSQL DBA]] #databases #[[open source]]
- Status:: in progress — exam booked for [[March 4th, 2027]]
- {{[[TODO]]}} redo the #[[vacuum tuning]] lab
- {{[[DONE]]}} install pgAdmin on the laptop
- [[February 10th, 2027]]
    - read the storage chapter today #studylog
    - ^^default port^^: a PostgreSQL server listens on TCP port 5432
    - {{[[TODO]]}} compare pg_dump with pg_basebackup
- ## Storage #[[postgres internals]]
    - [[Heap Pages]]
        - Category:: Storage
        - the ^^default page size^^ is 8 kB
        - a tuple header takes 23 bytes
    - [[TOAST]] #exam-favourite
        - values larger than about ^^2 kB^^ are compressed or moved out of line
        - ((aB3dE5fG7))
        - {{[[embed]]: ((hJ8kL9mN0))}}
        - TOAST strategies
            - Type:: List
            - **PLAIN** prevents compression and out-of-line storage
            - **EXTENDED** allows both compression and out-of-line storage
            - **MAIN** allows compression but not out-of-line storage
    - [[WAL]]
        - Type:: Concept
        - Segment size:: 16 MB by default
        - wal_level settings
            - replica
                - writes enough WAL for physical streaming replication
            - logical
                - adds the information logical decoding needs
- ## Maintenance
    - [[VACUUM]]
        - plain VACUUM reclaims dead tuples without an exclusive lock ((Qw2Er4Ty6))
        - VACUUM FULL rewrites the whole table and takes an ACCESS EXCLUSIVE lock
        - autovacuum_naptime:: 1 min between autovacuum runs
        - ```sql
SELECT relname FROM pg_stat_user_tables;
SELECT 1; -- ^^not^^ a #[[tag]] ((Zx9Cv8Bn7))```
        - `^^literal^^` in a code span stays as it is
    - #[[postgres]]
"""

ROAM_MARKS = ("^^", "::", "((", "{{", "#[[")


def _line(text: str, words: str) -> int:
    return next(n for n, line in enumerate(text.split("\n"), 1) if words in line)


def test_no_roam_syntax_reaches_a_section_a_stem_or_a_choice() -> None:
    result = generate_document("postgres.md", POSTGRES)
    assert result.chosen
    keys = [s.key for s in result.doc.sections]
    assert "Storage" in keys and not any("#" in k for k in keys)
    said = [*keys, *(b.text for b in result.doc.content)]
    said += [b.parent.text for b in result.doc.content if b.parent is not None]
    for _, q in result.chosen:
        said += [q.prompt, *q.choices]
    for text in said:
        assert not any(mark in text for mark in ROAM_MARKS), text
    texts = {b.text for b in result.doc.content}
    assert "the default page size is 8 kB" in texts
    assert "plain VACUUM reclaims dead tuples without an exclusive lock" in texts


def test_todo_blocks_are_skipped_as_tasks() -> None:
    doc = parse_document(POSTGRES, "postgres.md")
    tasks = {n.line for n in doc.noise if n.reason == "TODO"}
    for words in ("redo the", "install pgAdmin", "compare pg_dump"):
        assert _line(POSTGRES, words) in tasks
    content = " ".join(b.text for b in doc.content)
    assert "pgAdmin" not in content and "pg_basebackup" not in content


def test_filing_attributes_are_not_asked_and_a_fact_attribute_is() -> None:
    result = generate_document("postgres.md", POSTGRES)
    filed = {n.line for n in result.doc.noise if n.reason == "Roam attribute"}
    for words in ("Type:: [[Study", "Course::", "Status::", "Category::", "Type:: List"):
        assert _line(POSTGRES, words) in filed
    content = " ".join(b.text for b in result.doc.content)
    assert "Status" not in content and "Category" not in content and "Concept" not in content
    fact = _line(POSTGRES, "Segment size::")
    assert any(b.text == "Segment size: 16 MB by default" for b in result.doc.content)
    asked = [q for _, q in result.chosen if q.source is not None and q.source.line == fact]
    assert asked and "16 MB" in asked[0].choices[asked[0].answer]


def test_nested_blocks_keep_their_parents_and_a_day_is_no_parent() -> None:
    doc = parse_document(POSTGRES, "postgres.md")
    by_text = {b.text: b for b in doc.blocks}
    deep = by_text["writes enough WAL for physical streaming replication"]
    assert deep.parent is not None and deep.parent.text == "replica"
    assert deep.section.key == "Storage"
    assert by_text["replica"].parent is not None
    assert by_text["replica"].parent.text == "wal_level settings"
    plain = by_text["PLAIN prevents compression and out-of-line storage"]
    assert plain.parent is not None and plain.parent.text == "TOAST strategies"
    port = by_text["default port: a PostgreSQL server listens on TCP port 5432"]
    assert port.parent is None  # a day's page is no topic: its blocks are lifted a level
    assert any(n.reason == "daily note" and "February 10th" in n.text for n in doc.noise)


def test_references_embeds_and_lone_tags_are_skipped_and_code_is_left() -> None:
    lines = POSTGRES.split("\n")
    out, skipped = roam_as_markdown(lines)
    assert len(out) == len(lines)
    reasons = {n: reason for n, reason, _ in skipped}
    assert reasons[_line(POSTGRES, "((aB3dE5fG7))")] == "block reference"
    assert reasons[_line(POSTGRES, "{{[[embed]]")] == "Roam embed"
    assert reasons[_line(POSTGRES, "- #[[postgres]]")] == "tags"
    assert out[_line(POSTGRES, "redo the") - 1] == "- [ ] TODO redo the vacuum tuning lab"
    doc = parse_document(POSTGRES, "postgres.md")
    code = next(b for b in doc.blocks if b.kind == "code")
    assert (
        code.code
        == "SELECT relname FROM pg_stat_user_tables;\nSELECT 1; -- ^^not^^ a #[[tag]] ((Zx9Cv8Bn7))\n"
    )
    span = next(b for b in doc.blocks if "in a code span" in b.text)
    assert span.text.startswith("^^literal^^")
    assert not any(b.text.startswith("{{") or b.text.startswith("((") for b in doc.blocks)


MARKDOWN = """\
## Replication

- synchronous_commit defaults to on ^^ (a caret pair, no highlight)
- see #exam and issue #42; `((not a ref))`, and f((x)) is a call
- Note:: an Obsidian field
"""

#: Logseq writes properties under a block and atop the page, and indents with tabs
LOGSEQ = """\
tags:: postgres, replication

- ## Replication #[[postgres internals]]
\t- ^^synchronous_commit^^ defaults to on
\t  id:: 6500a1b2-c3d4-4e5f-a6b7-c8d9e0f1a2b3
\t- Status:: draft
"""

#: the same page as Roam exports it
ROAM = """\
- ## Replication #[[postgres internals]]
    - ^^synchronous_commit^^ defaults to on
    - Status:: draft
"""


def test_markdown_and_logseq_files_are_left_as_they_are() -> None:
    for text in (MARKDOWN, LOGSEQ):
        lines = text.split("\n")
        out, skipped = roam_as_markdown(lines)
        assert out is lines and not skipped
    read = [b.text for b in parse_document(ROAM, "roam.md").content]
    assert read == ["synchronous_commit defaults to on"]  # Roam's own page is read
    logseq = " ".join(b.text for b in parse_document(LOGSEQ, "logseq.md").blocks)
    assert "^^synchronous_commit^^" in logseq  # Logseq's is left to the Markdown reader


def test_hostile_lines_are_read() -> None:
    hostile = ("((" * 10000, "^^" * 10000, "#[[" * 7000, "::" * 10000, "{{[[" * 5000)
    for line in hostile:
        for shaped in (line, f"- {line}", f"    - a {line}"):
            text = f"{ROAM}{shaped}\n"
            doc = parse_document(text, "hostile.md")
            assert "synchronous_commit defaults to on" in {b.text for b in doc.blocks}
            out, _ = roam_as_markdown(text.split("\n"))
            assert len(out) == len(text.split("\n"))
