"""Options of the answer's own kind, none the notes say is right too, and comparison tables
asked both ways (issue 13, review 4: "distractors of another category", "another option is
also correct", "two-column tables always ask the same column")."""

from __future__ import annotations

from questions.bank import BankQuestion
from questions.distractors import Pool
from questions.facts.extract import extract
from questions.generate import generate_document
from questions.generators.true_false import pair
from questions.parse import parse_document


def chosen(text: str) -> list[BankQuestion]:
    return [q for _, q in generate_document("t.md", text).chosen]


def keyed(questions: list[BankQuestion], answer: str) -> list[BankQuestion]:
    return [q for q in questions if q.choices and q.choices[q.answer] == answer]


INNODB = """# MySQL tuning

## InnoDB

- `innodb_buffer_pool_size` = 128MB by default, give it ~70% of RAM on a dedicated box
- `innodb_log_file_size` (48MB) caps how much redo fits before a checkpoint
- at most 4 purge threads by default (`innodb_purge_threads`)
- `innodb_read_io_threads` = 4 background threads serve read-ahead requests
- `innodb_flush_log_at_trx_commit` = 1 for full durability, 2 trades a second of commits
- waits: look at `sys_session_waits` (thread_id, wait_ms) when queries stall
- partition pruning only helps when the query filters on the key, e.g. `order_date` on a sales table
"""

SETTINGS = {
    "innodb_buffer_pool_size",
    "innodb_log_file_size",
    "innodb_purge_threads",
    "innodb_read_io_threads",
    "innodb_flush_log_at_trx_commit",
}


def test_a_view_or_a_column_is_never_offered_among_settings() -> None:
    """`sys_session_waits` (a view) and `order_date` (a column) are snake_case like the
    settings, but the notes give only the settings a value: a blank for the view or the
    column offers no setting, and a setting is still asked among settings."""
    qs = chosen(INNODB)
    for q in qs:
        answer = q.choices[q.answer] if q.choices else ""
        if answer in ("sys_session_waits", "order_date"):
            assert not SETTINGS & set(q.choices), (q.prompt, q.choices)
    among_settings = [q for q in qs if q.choices and q.choices[q.answer] in SETTINGS]
    assert among_settings and all(set(q.choices) <= SETTINGS for q in among_settings)


SKIP_INDEX = """# ClickHouse notes

## Indexes

- **primary key** – sparse, one mark per 8192 rows (`index_granularity` default 8192)
- **minmax** – skip index: keeps min/max per granule (`rows_per_granule` default 1). only useful when the column follows insert order, e.g. `event_time` on an append-only events table
- **bloom_filter** – skip index for equality on high-cardinality strings
"""


def test_a_false_statement_swaps_a_column_only_for_its_kind() -> None:
    """ "e.g. `event_time` on an append-only events table" made false with the setting
    `rows_per_granule` reads as nonsense, not as a near miss: no such statement."""
    doc = parse_document(SKIP_INDEX, "t.md")
    facts = extract(doc)
    pool = Pool(doc, facts)
    column = [f for f in facts if f.span == "event_time"]
    assert column
    for f in column:
        statements = pair(f, pool)
        assert statements is None or "rows_per_granule" not in statements[1].prompt


RUNIT = """# runit notes

## Restart policies

- `restart=` takes `on-crash`, `on-signal`, `always-now` or `never`
- the supervisor waits `back-off` seconds between restarts

## Caching

- `max-age=600` keeps a response ten minutes
- `no-cache` stores it but asks the server every time
- `no-store` keeps nothing

## Maintenance

- `VACUUM` reclaims dead rows; `EXPLAIN` shows the plan
- WAL files are recycled after each checkpoint
"""


def test_kin_names_are_told_by_how_the_notes_write_them() -> None:
    """Dashed names are kin when they lead the items of one list or share a line (the cache
    directives), not when one is a value list's item and the other a delay of another line;
    a word written as code (a command) is no kin of one never written so (WAL)."""
    doc = parse_document(RUNIT, "t.md")
    facts = extract(doc)
    pool = Pool(doc, facts)
    f = facts[0]
    assert pool.same_kind("no-cache", "max-age", f) and pool.same_kind("on-crash", "on-signal", f)
    assert not pool.same_kind("back-off", "on-crash", f)
    assert pool.same_kind("VACUUM", "EXPLAIN", f) and not pool.same_kind("WAL", "VACUUM", f)


CERTS_ZH = """# 证书笔记

## 证书和密钥

- 新版 OpenSSH 默认禁用 DSA 密钥，太短了
- 浏览器用 OCSP 查询证书是否被吊销
- 服务器根据 SNI（要访问的域名）选证书
- HSTS 让浏览器以后只走 HTTPS，连 http 都不试
- 证书里的公钥一般是 ECDSA 或者 Ed25519
- 客户端验证证书链（CA 签名、域名、有效期），然后才发数据
"""


def test_an_acronym_the_sentence_calls_a_key_is_offered_only_beside_keys() -> None:
    """ "禁用 DSA 密钥": the noun says DSA is a key algorithm; OCSP, SNI and HSTS are
    protocols and extensions, so no question asks DSA among them (nor CA, the signer)."""
    for q in chosen(CERTS_ZH):
        if "DSA 密钥" in q.prompt.replace("___", "DSA") and q.choices:
            assert not {"OCSP", "SNI", "HSTS"} & set(q.choices), (q.prompt, q.choices)
        # "CA 签名、域名": a word listed beside nouns is a noun too: CA is a signer here
        if "CA 签名" in q.prompt.replace("___", "CA") and q.choices:
            assert not {"OCSP", "SNI", "HSTS", "DSA"} & set(q.choices), (q.prompt, q.choices)


REMOVED = """# Protocol notes

## TLS

- 新版 OpenSSH 去掉了 DSA 密钥，只剩 Ed25519 和 RSA
- PostgreSQL 12 removed the recovery.conf file from the data directory, only standby.signal is left
"""


def test_what_was_removed_is_asked_against_what_is_left() -> None:
    """ "去掉了 DSA 密钥，只剩 Ed25519": the one left is the option of the removed one's
    kind the notes give, in Chinese and in English."""
    qs = chosen(REMOVED)
    zh = keyed(qs, "DSA")
    en = keyed(qs, "recovery.conf")
    assert zh and set(zh[0].choices) == {"DSA", "Ed25519"}, [q.choices for q in qs]
    assert "只剩" not in zh[0].prompt
    assert en and set(en[0].choices) == {"recovery.conf", "standby.signal"}
    assert "standby.signal" not in en[0].prompt


SERVICES = """# svc cheat sheet

## Starting versus enabling

- `svc start` runs a service now.
- `svc enable` only links the service into the boot list.
- `svc enable --now` does both in one step.
- `svc mask` points the service at /dev/null, so it cannot be started at all.
- `svc status` prints whether the service is running.
"""


def test_a_command_whose_flag_grants_the_purpose_is_not_a_wrong_option() -> None:
    """ "runs a service now": `svc enable --now` does that too, so it is never the wrong
    option beside `svc start`; "cannot be started" denies, so `svc start` may stand beside
    `svc mask`."""
    qs = chosen(SERVICES)
    start = [q for q in keyed(qs, "svc start") if "now" in q.prompt]
    assert start, [(q.prompt, q.choices) for q in qs]
    for q in start:
        assert "svc enable --now" not in q.choices, q.choices
    for q in keyed(qs, "svc mask"):
        assert len(q.choices) >= 3


RELEASES = """# Release styles

## Deployment styles

- Shadow – Send a copy of live traffic to a new fleet
- Mirror – Send a copy of live traffic to a new fleet and compare the answers of both fleets
- Rolling – Replace servers in batches of ten percent
- Big bang – Replace every server at the same moment
"""


def test_an_option_the_notes_say_the_stem_of_is_not_offered() -> None:
    """Mirror's own line says all Shadow's does: asked for Shadow's line, Mirror would be
    right too."""
    qs = keyed(chosen(RELEASES), "Shadow")
    assert qs
    for q in qs:
        if "live traffic" in q.prompt:
            assert "Mirror" not in q.choices, q.choices


SNAPSHOTS = """# Redis persistence

## RDB vs AOF

| | RDB | AOF |
|---|---|---|
| what is written | a compressed point-in-time snapshot | every write command, appended to a log file in order |
| data lost on crash | all since the last snapshot | at most one second of writes with appendfsync everysec |
| restart speed | fast, one compact file to load | slower, the log is replayed command by command on start |
| file size | small and binary | large until a rewrite compacts the log again |
"""


def test_a_two_sided_table_asks_both_sides() -> None:
    """AOF's cells are the fuller ones, asked first; the rows still take RDB and AOF in
    turn (as statements pairing a side with a row's value, keyed by each side once)."""
    qs = [q for q in chosen(SNAPSHOTS) if q.prompt.startswith("Which statement about RDB and AOF")]
    answers = [q.choices[q.answer].split(" — ")[0] for q in qs]
    assert len(qs) >= 2 and set(answers) == {"RDB", "AOF"}, [q.prompt for q in qs]


FEATURES = """# Queues

## Kafka vs RabbitMQ

| | Kafka | RabbitMQ |
|---|---|---|
| message priority | no | up to 255 levels per queue |
| per-message TTL | no | set by the publisher or by a queue policy |
| replay | consumers rewind to any offset kept on disk | a message is gone once it is acked |
| ordering | per partition only | per queue, while a single consumer reads it |
"""


def test_a_cell_that_only_says_no_is_no_description() -> None:
    """ "no" says what a row lacks, not what it is: never the quote of a question."""
    qs = [q for q in chosen(FEATURES) if set(q.choices) == {"Kafka", "RabbitMQ"}]
    assert qs
    assert not any(": no”" in q.prompt for q in qs), [q.prompt for q in qs]


HELM = """# Helm

## Charts

- `helm lint` = checks a chart for mistakes, `helm template` = renders the manifests locally

```bash
helm install web ./chart        # first release
helm upgrade web ./chart        # next release
helm rollback web 1             # back to revision 1
```
"""


def test_a_pair_the_notes_do_not_close_takes_like_options_too() -> None:
    """Two commands defined on one line are no closed set of two: the notes' other helm
    commands join them, so the question is not a coin toss."""
    qs = keyed(chosen(HELM), "helm lint") + keyed(chosen(HELM), "helm template")
    assert qs
    assert all(len(q.choices) >= 3 for q in qs), [q.choices for q in qs]
