"""Stems read as the notes were written (review 7, flaw class 3): a definition list's term is
not left as "Term :", setting lines of one paragraph are each their own fact, an item that
finishes its lead-in's sentence keeps it, a condition keeps the sentence it follows, one line
of several `X verb …` clauses is several definitions, units and plurals are kept. Each note
below is written for its test, in a shape of its own (Kafka, HAProxy, systemd, Consul, Vault)."""

from __future__ import annotations

from questions.candidate import Candidate
from questions.facts.definitions import split_definition
from questions.generate import generate_document
from questions.nouns import category, lead_category, noun_for, term_form
from questions.parse import parse_document
from questions.stems import be, table_forward, table_reverse
from questions.text import split_sentences


def candidates(text: str) -> list[Candidate]:
    return generate_document("t.md", text).candidates


def prompts_for(text: str, answer: str) -> list[str]:
    return [c.prompt for c in candidates(text) if c.answer_text == answer]


KAFKA_TERMS = """# Kafka

## Storage

Partition
: an ordered, append-only log; each record gets an offset. A topic has 6 partitions by default
  here, and one partition is read by at most one consumer of a group.

Segment
: a file of the partition log, rolled every 1 GB (log.segment.bytes).
"""


def test_a_definition_list_entry_reads_as_term_then_definition() -> None:
    doc = parse_document(KAFKA_TERMS, "k.md")
    texts = [b.text for b in doc.content]
    assert any(t.startswith("Segment: a file of the partition log") for t in texts), texts
    stems = [c.prompt for c in candidates(KAFKA_TERMS)]
    assert stems, stems
    assert not any(" : " in s or s.endswith(":") for s in stems), stems
    facts = generate_document("t.md", KAFKA_TERMS).facts
    assert any(f.kind == "definition" and f.subject == "Segment" for f in facts)


HAPROXY = """# HAProxy

## Timeouts

timeout-connect: 5s (to reach a server)
timeout-client: 50s
timeout-server: 50s (idle server side)

## Other

The balance keyword picks the algorithm.
A second line of prose: wrapped by the editor.
"""


def test_setting_lines_of_one_paragraph_are_each_their_own_item() -> None:
    doc = parse_document(HAPROXY, "h.md")
    items = [b for b in doc.content if b.section.heading == "Timeouts"]
    assert [b.text for b in items] == [
        "timeout-connect: 5s (to reach a server)",
        "timeout-client: 50s",
        "timeout-server: 50s (idle server side)",
    ]
    assert [b.line for b in items] == [5, 6, 7]
    assert len({b.group for b in items}) == 1 and items[0].kind == "item"
    prose = [b for b in doc.content if b.section.heading == "Other"]
    assert len(prose) == 1, [b.text for b in prose]  # prose wrapped by an editor stays one
    for stem in prompts_for(HAPROXY, "5s"):
        assert "timeout-client" not in stem and "timeout-server" not in stem, stem


SYSTEMD = """# systemd

## Restarts

* A failing unit is restarted in two ways:
    1. immediately, when `Restart=always` is set
    2. eventually, by the watchdog firing after 30 seconds without a ping
* `StartLimitBurst=` caps restarts per interval
"""


def test_an_item_that_finishes_its_lead_ins_sentence_keeps_it() -> None:
    stems = prompts_for(SYSTEMD, "30 seconds")
    assert stems, [c.prompt for c in candidates(SYSTEMD)]
    assert all("A failing unit is restarted in two ways:" in s for s in stems), stems


CONSUL = """# Consul

## Anti-entropy

- `sync_interval`: how often a client pushes its checks. if >200 checks changed the agent
  does a full sync instead
- `ae_interval` defaults to 60s
"""


def test_a_condition_after_a_label_keeps_the_sentence_before_it() -> None:
    """ "sync_interval: if >___ checks changed" would read as if the interval were the count."""
    stems = prompts_for(CONSUL, "200")
    assert stems, [c.prompt for c in candidates(CONSUL)]
    assert all("how often a client pushes its checks" in s for s in stems), stems


def test_a_sentence_may_open_with_a_command_line_option() -> None:
    text = "vault operator init -key-shares 5 prints the unseal keys. -format json (the default is table) changes the output"
    assert split_sentences(text) == (
        "vault operator init -key-shares 5 prints the unseal keys.",
        "-format json (the default is table) changes the output",
    )


def test_an_ellipsis_before_a_lower_case_word_ends_no_sentence() -> None:
    """ "RHEL 9 用 `nmcli con mod ... ipv4.method manual` 后要 `nmcli con up`" was cut at the
    ellipsis, and "填空：ipv4.method manual 后要 ___" lost what is modified."""
    text = "RHEL 9 网络用 nmcli con mod ... ipv4.method manual 后要 nmcli con up"
    assert split_sentences(text) == (text,)
    assert split_sentences("It waits... Then it retries.") == ("It waits...", "Then it retries.")


VAULT = """# Vault

## Sealing

- `vault operator init -key-shares 5` prints `unseal keys`. `-format json` switches its output to JSON
- `vault operator seal` drops the master key from memory
- `vault status` reports whether the server is sealed
"""


def test_a_cloze_does_not_carry_the_next_sentence_after_an_option() -> None:
    stems = prompts_for(VAULT, "unseal keys")
    assert stems, [c.prompt for c in candidates(VAULT)]
    assert all("-format" not in s for s in stems), stems


CLAUSES = """# Git

## Staging

1. `git add` stages a change, `git reset` unstages it, `git commit` records the stage
2. `git stash` shelves the working tree
"""


def test_one_line_of_several_term_verb_clauses_is_several_definitions() -> None:
    doc = parse_document(CLAUSES, "g.md")
    facts = [f for f in generate_document("t.md", CLAUSES).facts if f.kind == "definition"]
    defined = {f.subject: f.value for f in facts}
    assert defined.get("git reset") == "unstages it", defined
    assert defined.get("git commit") == "records the stage", defined
    stems = [c.prompt for c in candidates(CLAUSES)]
    assert not any("git reset unstages" in s or "stages a change, git" in s for s in stems)
    assert doc.content[0].text.startswith("git add stages")


def test_a_claim_before_a_colon_is_no_term() -> None:
    block = parse_document("# N\n\n- Replication is asynchronous: a replica may lag\n", "n.md")
    assert split_definition(block.content[0]) is None


def test_a_microsecond_unit_stays_with_its_number() -> None:
    notes = "# etcd\n\n## Tuning\n\n- `heartbeat-interval` default 100000 µs between leader pings\n"
    assert any(
        c.answer_text == "100000 µs" and all(o.endswith("µs") for o in c.options)
        for c in candidates(notes)
    ), [(c.prompt, c.options) for c in candidates(notes)]


def test_a_plural_attribute_takes_are() -> None:
    assert table_forward("Redis", "Default ports", "en") == "What are the default ports of Redis?"
    assert table_forward("Redis", "Default port", "en") == "What is the default port of Redis?"
    assert be("Status") == "is" and be("Access") == "is"


def test_a_lead_in_about_a_topic_names_no_category() -> None:
    """ "Notes on encodings:" heads remarks about encodings, not a list of encodings."""
    assert lead_category("Notes on encodings:") is None
    assert lead_category("Remarks about queues:") is None
    assert category("tips for queues") is None
    assert lead_category("Two built-in strategies:") == "built-in strategy"


CODECS = """# Kafka producers

## Compression

- `compression.type` is set per producer
- compression methods:
    - lz4: fast to write, a low ratio
    - zstd: slower to write, the best ratio
    - gzip: the slowest, the most widely supported
- `linger.ms` waits for more records before a batch is sent
"""


def test_a_label_item_names_the_kind_of_its_nested_items() -> None:
    """ "compression methods:" over its methods: "Which compression method …", never the label
    itself offered as if it were one of the methods' kin."""
    found = candidates(CODECS)
    stems = [c.prompt for c in found if c.answer_text in ("lz4", "zstd", "gzip")]
    assert stems and all("Which compression method " in s for s in stems), stems
    assert not any("compression methods" in o for c in found for o in c.options), [
        (c.prompt, c.options) for c in found
    ]


def test_a_hyphenated_numeral_is_words_not_a_command() -> None:
    """ "three-way merge" under "Merge strategies:" was asked as "the command three-way merge"."""
    assert term_form("three-way merge") is None
    kin = ("fast-forward", "rebase")
    assert noun_for("three-way merge", "merge strategy", kin, "en") == "merge strategy"


def test_a_count_under_a_plural_header_is_asked_as_a_count() -> None:
    """ "Which CIDR has the addresses “256”?" -> "Which CIDR has 256 addresses?"."""
    assert table_reverse("CIDR", "Addresses", "256", "en") == "Which CIDR has 256 addresses?"
    assert table_reverse("CIDR", "Gateway", "10.0.0.1", "en") != "Which CIDR has 10.0.0.1 gateway?"


NGINX_ZH = """# Nginx 笔记

## 连接

工作进程数：4
单进程连接数：1024（默认）
长连接超时：75 秒

## 缓存

缓存目录放在 SSD 上，读写都快很多，
重启以后缓存还在。
"""


def test_chinese_setting_lines_are_each_their_own_item_and_keep_their_default() -> None:
    doc = parse_document(NGINX_ZH, "n.md")
    texts = [b.text for b in doc.content if b.section.heading == "连接"]
    assert texts == ["工作进程数：4", "单进程连接数：1024（默认）", "长连接超时：75 秒"], texts
    assert len([b for b in doc.content if b.section.heading == "缓存"]) == 1
    stems = prompts_for(NGINX_ZH, "1024")
    assert "单进程连接数 的默认值是多少？" in stems, [c.prompt for c in candidates(NGINX_ZH)]


ACKS = """# Kafka

## Delivery

acks
:   - `acks=0`: the producer does not wait, records can be lost
    - `acks=all`: every in-sync replica has it
"""


def test_a_list_that_is_a_definition_hangs_from_its_term() -> None:
    items = parse_document(ACKS, "k.md").content
    assert [(b.text[:6], b.parent.text if b.parent else None) for b in items] == [
        ("acks=0", "acks"),
        ("acks=a", "acks"),
    ]
