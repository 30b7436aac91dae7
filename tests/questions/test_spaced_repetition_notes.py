"""Notes written for Obsidian's Spaced Repetition plugin (questions/parse/spaced_repetition.py):
a deck tag, cards one a line ("Front::Back", reversible "Front:::Back"), cards over a few lines
(front, "?", back) and each card's schedule ("<!--SR:!2026-01-10,12,250-->"). Read as Markdown
the cards kept one a line ran into one paragraph, two cards in one stem, and the separators
stood in the stems. The notes are written for this test (PostgreSQL, C++)."""

from __future__ import annotations

import re
import time

from questions.generate import generate_document
from questions.parse.markdown import parse_document
from questions.parse.spaced_repetition import (
    DECK,
    SCHEDULE,
    SEPARATOR,
    is_spaced_repetition,
    spaced_repetition_as_markdown,
)

NOTES = """#flashcards/postgres

# PostgreSQL admin

Notes for the DBA course, cards for the plugin.

## Connections

Default port of the postgres server::5432 <!--SR:!2026-01-10,12,250-->
Which setting caps concurrent connections?::max_connections, 100 by default <!--SR:!2026-01-03,5,230-->
Default value of shared_buffers::128 MB, tuned to about 25% of RAM <!--SR:!2026-01-12,14,270-->
A checkpoint runs at least every ==5 minutes== (checkpoint_timeout) <!--SR:!2026-01-05,3,230-->

## Config files

pg_hba.conf:::client authentication rules, read top to bottom, the first match wins <!--SR:!2026-01-04,6,250!2026-01-09,11,270-->
pg_ident.conf:::maps operating system user names to database roles <!--SR:!2026-01-06,7,250!2026-01-08,9,250-->
postgresql.auto.conf:::settings written by ALTER SYSTEM, read after postgresql.conf <!--SR:!2026-01-13,15,270!2026-01-14,16,270-->

## Storage

Size of a heap page::8 kB <!--SR:!2026-01-08,9,250-->
Autovacuum vacuum_scale_factor default::0.2 of the table's rows, plus a threshold of 50 <!--SR:!2026-01-15,20,270-->
WAL segment size::16 MB unless initdb set another <!--SR:!2026-01-02,2,210-->
Casts in queries use `'{}'::jsonb` or `created_at::date`; keep them in code.

```sql
SELECT created_at::date AS day, count(*) FROM orders GROUP BY 1;
SELECT '{"a": 1}'::jsonb -> 'a';
```

Transaction isolation levels PostgreSQL implements
?
- Read Committed (the default)
- Repeatable Read
- Serializable
<!--SR:!2026-01-07,8,250-->

What does VACUUM FULL do that plain VACUUM does not?
?
rewrites the whole table into a new file and returns the space to the operating system
holds an ACCESS EXCLUSIVE lock for the whole run
<!--SR:!2026-01-11,13,250-->
"""

LINES = NOTES.split("\n")


def _line(start: str) -> int:
    """The line number (from 1) of the line of the notes that opens with `start`."""
    return next(n for n, line in enumerate(LINES, start=1) if line.startswith(start))


#: what each one-line card is about: no stem says two of them
CARDS = {
    "Default port": "5432",
    "Which setting caps": "100",
    "Default value of shared_buffers": "128 MB",
    "A checkpoint runs": "5 minutes",
    "pg_hba.conf": "pg_hba.conf",
    "pg_ident.conf": "pg_ident.conf",
    "postgresql.auto.conf": "postgresql.auto.conf",
    "Size of a heap page": "8 kB",
    "Autovacuum": "0.2",
    "WAL segment size": "16 MB",
}
SUBJECTS = ("postgres server", "max_connections", "shared_buffers", "checkpoint", "pg_hba",
            "pg_ident", "auto.conf", "heap page", "vacuum_scale_factor", "WAL segment")  # fmt: skip


def test_each_card_is_asked_on_its_own_with_no_marks_of_the_plugin() -> None:
    asked = [q for _, q in generate_document("pg.md", NOTES).chosen]
    assert len(asked) >= 8, [q.prompt for q in asked]
    for q in asked:
        said = " ".join([q.prompt, *q.choices])
        assert "::" not in said and "<!--" not in said and "SR:" not in said, said
        assert not re.search(r"(?:^|\s)\?\??(?:\s|$)", q.prompt), q.prompt  # no "?" line
        assert not q.prompt.startswith(("Q:", "Fill in the blank: Q:")), q.prompt
        cards = [s for s in SUBJECTS if s in q.prompt]
        assert len(cards) <= 1, q.prompt  # never two cards in one stem
    # each card's fact is asked: its value the key, or its term named in the stem or the key
    for card, fact in CARDS.items():
        line = _line(card)
        mine = [q for q in asked if q.source.line == line]
        keys = {q.choices[q.answer] if q.choices else "" for q in mine}
        assert any(fact in k or fact in q.prompt for k in keys for q in mine), (card, mine)


def test_a_multi_line_cards_front_leads_into_its_back() -> None:
    doc = parse_document(NOTES, "pg.md")
    noise = {(n.line, n.reason) for n in doc.noise}
    separators = [n for n, line in enumerate(LINES, start=1) if line == "?"]
    assert {(n, SEPARATOR) for n in separators} <= noise, doc.noise
    assert (1, DECK) in noise and (_line("<!--SR:!2026-01-07"), SCHEDULE) in noise, doc.noise
    blocks = {b.line: b for b in doc.blocks}
    front = blocks[_line("Transaction isolation levels")]
    assert front.text == "Transaction isolation levels PostgreSQL implements:", front
    for level in ("Read Committed", "Repeatable Read", "Serializable"):
        item = blocks[_line(f"- {level}")]
        assert item.kind == "item" and "Transaction isolation levels" in item.under, item
    question = blocks[_line("What does VACUUM FULL")]
    assert question.text == "What does VACUUM FULL do that plain VACUUM does not?", question
    rewrites = blocks[_line("rewrites the whole table")]
    assert rewrites.kind == "item" and rewrites.text.startswith("rewrites"), rewrites
    assert not [b for b in doc.blocks if re.search(r"\s\?(?:\s|$)", b.text)]


def test_code_with_colons_is_left_as_it_is() -> None:
    doc = parse_document(NOTES, "pg.md")
    (code,) = [b for b in doc.blocks if b.kind == "code"]
    assert code.code.splitlines() == [LINES[_line("SELECT created_at")  - 1],
                                      LINES[_line("SELECT '{")  - 1]]  # fmt: skip
    casts = next(b for b in doc.blocks if b.line == _line("Casts in queries"))
    assert casts.text == "Casts in queries use '{}'::jsonb or created_at::date; keep them in code."
    wal = next(b for b in doc.blocks if b.line == _line("WAL segment size"))
    assert wal.text == "WAL segment size: 16 MB unless initdb set another", wal


CPP = """# C++ moves

- Prefer std::move over copies when the source is about to die
- std::vector<int>::iterator stays valid until a reallocation
- Namespace::Class names a nested type
- fe80::1 is a link-local address, ::1 the loopback
Call MyType::build before use, and Foo::bar() after it
"""

CPP_DECK = """#flashcards/cpp

## Moves

Growth factor of std::vector in libstdc++::2
Prefer std::move over copies when the source is about to die
Call MyType::build before use, and Foo::bar() after it
Size of a moved-from std::string::unspecified but valid
Default capture that copies everything in a lambda::[=]
Maximum alignment on x86-64 Linux:::16 bytes
"""


def test_names_of_code_written_with_colons_are_no_cards() -> None:
    lines = CPP.split("\n")
    assert not is_spaced_repetition(lines)
    assert spaced_repetition_as_markdown(lines) == (lines, [])
    # in a deck: the cards are read, the lines naming code keep their words
    texts = {b.line: b.text for b in parse_document(CPP_DECK, "cpp.md").blocks}
    assert texts[5] == "Growth factor of std::vector in libstdc++::2", texts
    assert texts[6] == "Prefer std::move over copies when the source is about to die", texts
    assert texts[7] == "Call MyType::build before use, and Foo::bar() after it", texts
    assert texts[8] == "Size of a moved-from std::string::unspecified but valid", texts
    assert texts[9] == "Default capture that copies everything in a lambda: [=]", texts
    assert texts[10] == "Maximum alignment on x86-64 Linux: 16 bytes", texts


def test_every_line_stays_on_its_line() -> None:
    out, skipped = spaced_repetition_as_markdown(LINES)
    assert len(out) == len(LINES)
    assert all(not out[n - 1] for n, _, _ in skipped)
    blocks = {b.line: b for b in parse_document(NOTES, "pg.md").blocks}
    for card in CARDS:
        block = blocks[_line(card)]  # a block of its own, on the card's line
        assert block.kind == "item", block
    assert blocks[_line("Default port")].text == "Default port of the postgres server: 5432"
    assert blocks[_line("pg_ident.conf")].text.startswith("pg_ident.conf: maps operating")


def test_hostile_lines_are_read_in_bounded_time() -> None:
    hostile = ("::" * 10000, "`" * 20000, "a::" * 7000, "<!--SR:" * 3000, "x " * 10000 + "::y",
               " " * 20000 + "::", "#flashcards " * 1700, "?" * 20000, "`a::b" * 4000,
               "fe80::" * 3000, "(" * 10000 + "::" + ")" * 10000, "``a` " * 5000)  # fmt: skip
    for line in hostile:
        start = time.process_time()
        notes = ["#flashcards", "", "Heap page size::8 kB", line, "", "Front?", "?", line]
        out, _ = spaced_repetition_as_markdown(notes)
        assert len(out) == len(notes)
        doc = parse_document("\n".join(notes), "h.md")
        assert time.process_time() - start < 5, line[:20]
        assert any(b.text.startswith("Heap page size: 8 kB") for b in doc.blocks), line[:20]
        assert any(n.reason == DECK for n in doc.noise), line[:20]
