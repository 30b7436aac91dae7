"""Notes kept in Vimwiki (a personal wiki in Vim, its default syntax) and handed in as they
are: "= … =" headings (a centred one the page's title), *bold*, _italics_, ~~strike~~ and
`code`, "*" and "-" items nested by their indent, "1." and "a)" lists, "term:: definition"
lines, "| a | b |" tables with or without a "|---|" rule, "{{{sh" and '{{{class="python"'
blocks, [[links|text]], [[diary:…]] links and {{images}}, to-do boxes ("[ ]", "[.]", "[X]",
"[-]") and the page's bookkeeping ("%title", "%%" comments, ":tag:" lines). Read as Markdown
the headings were paragraphs, the stars stayed in stems and the tables' pipes in options; read
as Vimwiki they are what they stand for."""

from __future__ import annotations

import time

from questions.generate import generate_document, generate_from_texts
from questions.parse.markdown import parse_document
from questions.parse.model import Block, Document
from questions.parse.vimwiki import is_vimwiki, vimwiki_as_markdown
from tests.questions.test_dokuwiki_notes import DOKU
from tests.questions.test_mediawiki_notes import WIKI
from tests.questions.test_trac_notes import TRAC

PAGE = """%title Redis study notes
%% reviewed after the workshop, keep it short
:redis:databases:cache:

         = Redis =

[[index|<< home]] | [[Databases]] | [[diary:2024-03-01|day one]]

== Basics ==
* Redis keeps its whole dataset *in memory* and listens on port *6379* by default
* it runs commands on _one thread_, so a slow `KEYS *` blocks every client
  - `SCAN` walks the keyspace in small steps instead
    of one long pass over every key
* ~~Redis 5~~ Redis 7 added *functions* as a replacement for EVAL scripts
* memory use is capped with `maxmemory`; the default policy is `noeviction`
See [[Redis/Persistence|the persistence page]] and {{images/redis-arch.png|the architecture}} too.

%%+ a longer comment
   spread over lines +%%
=== Data types ===
| type       | holds                          | example command |
|------------|--------------------------------|-----------------|
| string     | text or a number, up to 512 MB | `SET`           |
| list       | an ordered sequence of strings | `LPUSH`         |
| hash       | field and value pairs          | `HSET`          |
| sorted set | members ordered by a score     | `ZADD`          |

HyperLogLog:: estimates how many distinct items it has seen, in *12 KB*
Bitmap::
:: a string read as an array of bits

=== Expiry ===
1. `EXPIRE key 60` sets a time to live of 60 seconds
2. `TTL key` answers -2 when the key does not exist
3. `PERSIST key` removes the time to live
a) passive expiry: a key is checked when a client touches it
b) active expiry: a background job samples keys ten times a second

== Persistence ==
{{{sh
redis-cli CONFIG SET appendonly yes
redis-cli BGSAVE
== not a heading ==
}}}
{{{class="python"
r = redis.Redis(host="localhost", port=6379)
}}}

| mode | file           | fsync default |
| RDB  | dump.rdb       | none          |
| AOF  | appendonly.aof | everysec      |

----

== To do ==
* [X] read the replication chapter
* [.] finish the cluster lab
* [ ] redo the eviction quiz
* [-] watch the old modules talk
%% vim: set ft=vimwiki:
"""
LINES = PAGE.split("\n")

MARKDOWN = """# Redis

## Basics

* Redis listens on port **6379** by default
  * nested item
- a term:: with colons and *italics*

| Mode | File |
|---|---|
| RDB | dump.rdb |
"""

RAW_MARKS = ("{{", "}}", "[[", "]]", "%%", "%title", ":redis:", "==", "~~", "::", "[.]", "[-]")


def _doc() -> Document:
    return parse_document(PAGE, "redis.wiki")


def _block(doc: Document, start: str) -> Block:
    return next(b for b in doc.blocks if b.text.startswith(start))


def _line(text: str) -> int:
    return LINES.index(text) + 1


def test_headings_are_sections_and_the_centred_one_is_the_title() -> None:
    doc = _doc()
    assert doc.title == "Redis"
    keys = [s.key for s in doc.sections if s.level > 1]
    assert keys == [
        "Basics",
        "Basics › Data types",
        "Basics › Expiry",
        "Persistence",
        "To do",
    ], keys
    levels = {s.heading: s.level for s in doc.sections}
    assert levels["Basics"] == 2 and levels["Expiry"] == 3
    assert _block(doc, "HyperLogLog").section.key == "Basics › Data types"


def test_no_markup_reaches_a_prompt_or_a_choice() -> None:
    bank, _ = generate_from_texts([("redis.wiki", PAGE)], "redis")
    assert len(bank.questions) >= 5
    for q in bank.questions:
        for text in (q.prompt, *q.choices):
            assert not any(mark in text for mark in RAW_MARKS), (q.prompt, q.choices)
            assert not text.startswith("|") and "*" not in text, (q.prompt, q.choices)
    texts = [b.text for b in _doc().blocks]
    assert not any(mark in t for t in texts for mark in RAW_MARKS), texts


def test_a_known_fact_is_asked_with_its_key() -> None:
    bank, _ = generate_from_texts([("redis.wiki", PAGE)], "redis")
    port = [q for q in bank.questions if "6379" in q.choices]
    assert port, [(q.prompt, q.choices) for q in bank.questions]
    q = port[0]
    assert q.choices[q.answer] == "6379" and "port" in q.prompt and "*" not in q.prompt
    memory = "* Redis keeps its whole dataset *in memory* and listens on port *6379* by default"
    assert q.source is not None and q.source.line == _line(memory)
    rows = {n: line for n, line in enumerate(LINES, 1) if line.startswith("| ") and "|" in line}
    keyed = [q for q in bank.questions if q.source is not None and q.source.line in rows]
    assert keyed, [(q.prompt, q.choices) for q in bank.questions]
    for q in keyed:  # the answer is a cell of the row the question points at
        assert q.source is not None
        assert q.choices[q.answer] in rows[q.source.line], (q.prompt, q.choices, q.answer)


def test_inline_marks_become_markdown_marks() -> None:
    doc = _doc()
    memory = _block(doc, "Redis keeps its whole dataset")
    assert (
        memory.text == "Redis keeps its whole dataset in memory and listens on port 6379 by default"
    )
    assert "in memory" in memory.inline.strong and "6379" in memory.inline.strong
    thread = _block(doc, "it runs commands on one thread")
    assert "KEYS *" in thread.inline.code
    assert _block(doc, "memory use is capped").inline.code[:1] == ("maxmemory",)
    see = _block(doc, "See the persistence page")
    assert see.text == "See the persistence page and the architecture too."
    functions = next(b for b in doc.blocks if "Redis 7 added functions" in b.text)
    assert functions.kind == "item" and "~" not in functions.text and "*" not in functions.text


def test_lists_nest_by_their_indent_and_keep_their_kind() -> None:
    doc = _doc()
    scan = _block(doc, "SCAN walks the keyspace")
    assert scan.text.endswith("instead of one long pass over every key")  # the item's 2nd line
    assert scan.depth == 2 and scan.parent is not None
    assert scan.parent.text.startswith("it runs commands on one thread")
    ttl, passive = _block(doc, "TTL key answers -2"), _block(doc, "passive expiry")
    assert ttl.ordered and ttl.number == 2
    assert passive.ordered and passive.number == 1 and passive.group != ttl.group
    see = _block(doc, "See the persistence page")  # a paragraph under a list: no item's words
    assert see.group != _block(doc, "memory use is capped").group


def test_definitions_are_terms_with_their_text() -> None:
    doc = _doc()
    hll = _block(doc, "HyperLogLog")
    assert hll.kind == "item" and hll.text.startswith("HyperLogLog: estimates how many")
    bitmap = _block(doc, "Bitmap")
    assert bitmap.text == "Bitmap: a string read as an array of bits"
    assert bitmap.line == _line("Bitmap::")


def test_tables_with_a_rule_and_without_one() -> None:
    tables = [b.table for b in _doc().blocks if b.table is not None]
    assert len(tables) == 2
    types, modes = tables
    assert types.header == ("type", "holds", "example command")
    assert types.rows[3] == ("sorted set", "members ordered by a score", "ZADD")
    first = _line("| string     | text or a number, up to 512 MB | `SET`           |")
    assert list(types.lines) == [first, first + 1, first + 2, first + 3]
    assert modes.header == ("mode", "file", "fsync default")  # its first row, with no rule
    assert modes.rows == (("RDB", "dump.rdb", "none"), ("AOF", "appendonly.aof", "everysec"))
    assert modes.lines[-1] == _line("| AOF  | appendonly.aof | everysec      |")


def test_blocks_are_code_with_their_language() -> None:
    doc = _doc()
    sh, python = (b for b in doc.blocks if b.kind == "code")
    assert sh.lang == "sh" and "== not a heading ==" in sh.code
    assert sh.code.startswith("redis-cli CONFIG SET appendonly yes\nredis-cli BGSAVE")
    assert python.lang == "python" and "port=6379" in python.code
    assert not any("not a heading" in s.key for s in doc.sections)


def test_bookkeeping_and_to_do_boxes_are_noise() -> None:
    noise = {(n.line, n.reason) for n in _doc().noise}
    for line, reason in (
        ("%title Redis study notes", "vimwiki metadata"),
        ("%% reviewed after the workshop, keep it short", "vimwiki comment"),
        (":redis:databases:cache:", "vimwiki metadata"),
        ("[[index|<< home]] | [[Databases]] | [[diary:2024-03-01|day one]]", "vimwiki links"),
        ("%%+ a longer comment", "vimwiki comment"),
        ("   spread over lines +%%", "vimwiki comment"),
        ("* [.] finish the cluster lab", "TODO"),
        ("* [-] watch the old modules talk", "TODO"),
        ("%% vim: set ft=vimwiki:", "vimwiki comment"),
    ):
        assert (_line(line), reason) in noise, (line, sorted(noise))
    tasks = [b for b in _doc().blocks if b.section.key == "To do"]
    assert len(tasks) == 4 and all(b.noise == "TODO" for b in tasks)


def test_each_line_keeps_its_line() -> None:
    out, _ = vimwiki_as_markdown(LINES)
    assert len(out) == len(LINES)
    assert out[LINES.index("=== Expiry ===")] == "### Expiry"
    assert out[
        LINES.index("b) active expiry: a background job samples keys ten times a second")
    ] == ("2) active expiry: a background job samples keys ten times a second")
    doc = _doc()
    for start, line in (
        ("TTL key answers", "2. `TTL key` answers -2 when the key does not exist"),
        ("SCAN walks", "  - `SCAN` walks the keyspace in small steps instead"),
        ("memory use is capped", LINES[14]),
    ):
        assert _block(doc, start).line == _line(line), start


def test_other_formats_are_left_to_their_readers() -> None:
    for text in (WIKI, TRAC, DOKU, MARKDOWN):
        lines = text.split("\n")
        assert not is_vimwiki(lines)
        assert vimwiki_as_markdown(lines) == (lines, [])
    wiki = parse_document(WIKI, "secplus.md")  # MediaWiki's reader still reads its page
    assert [s.key for s in wiki.sections if s.level][:2] == ["Exam facts", "Crypto"]
    assert any("90 questions" in b.inline.strong for b in wiki.blocks if b.inline)
    # the same "== … ==" heading with a Vimwiki comment and *bold*: Vimwiki's own
    page = ["== Exam facts ==", "%% from the objectives", "* max *90 questions*"]
    doc = parse_document("\n".join(page), "notes.wiki")
    assert _block(doc, "max 90 questions").inline.strong == ("90 questions",)


def test_hostile_lines_run_in_linear_time() -> None:
    hostile = [
        "*" * 20000,
        "*x*" * 7000,
        "_a " * 7000,
        "[[" * 10000,
        "{{" * 10000,
        "{{{" * 7000,
        "`" * 20000,
        "|" * 20000 + " x",
        "| a " * 10000,
        "=" * 20000,
        ":a" * 10000,
        "a:: " * 5000,
        "~~" * 10000,
        "%%+" * 7000,
        "  " * 5000 + "* x",
    ]
    for line in hostile:
        page = ["%title t", "= Page =", "", "| Key | Value |", "|---|---|", "| a | b |"]
        page += ["", line, ""]
        started = time.process_time()
        doc = parse_document("\n".join(page), "hostile.wiki")
        generate_document("hostile.wiki", "\n".join(page))
        assert time.process_time() - started < 2.5, line[:10]
        table = next(b.table for b in doc.blocks if b.table is not None)
        assert table.header == ("Key", "Value"), line[:10]
        assert doc.title == "Page", line[:10]
        assert ("vimwiki metadata", "%title t") in {(n.reason, n.text) for n in doc.noise}
    deep = ["%title t", "= Page ="] + ["  " * k + "* x" for k in range(2000)]
    started = time.process_time()
    out, _ = vimwiki_as_markdown(deep)
    assert time.process_time() - started < 2.5
    assert max(len(line) for line in out) < 40  # lists nest a few levels deep, no deeper
