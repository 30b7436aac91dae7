"""Study notes kept as a YAML file: a top-level key a topic, nested "key: value" facts, lists,
"|" / ">" block scalars, "# exam tip:" comments, anchors merged with "<<: *name" and lists of
maps (questions/parse/yaml_notes.py). Read as Markdown each topic was one paragraph of
"key_name: value" runs, and a comment a heading."""

from __future__ import annotations

import re

from questions.generate import generate_document
from questions.parse.markdown import parse_document
from questions.parse.model import Document
from questions.parse.yaml_notes import yaml_as_markdown

NOTES = """\
# Redis + Kafka cheat sheet for the platform cert
# (kept as yaml so I can grep it with yq)
---
_common: &common
  managed_option: true
  tls_port: 6380

redis:
  <<: *common
  default_port: 6379
  single_threaded: "command execution runs on one thread; I/O threads only parse and write"
  memory:
    maxmemory_policy: noeviction   # the default; writes fail once maxmemory is hit
    eviction_sample_size: 5
    # maxmemory_samples: 10
    policies:
      - "allkeys-lru - evicts any key, least recently used first"
      - "volatile-ttl - evicts keys with an expire set, shortest TTL first"
  persistence:
    rdb: point-in-time snapshots written by a forked child
    aof_fsync_default: everysec
    explained: >
      AOF logs every write command and replays the log on restart,
      so at most one second of writes is lost with everysec.
  # exam tip: SCAN walks the keyspace in batches, KEYS blocks the server
  # ----------------------------------------
  data_types:
    - name: Sorted Set
      max_members: 4294967295
      use: leaderboards ranked by score
    - name: HyperLogLog
      max_size: 12 KB
      use: approximate distinct counts
  cluster: {hash_slots: 16384, min_masters: 3}

kafka:
  <<: *common
  default_port: 9092
  retention_hours_default: 168     # seven days
  partitions:
    ordering: "guaranteed only within one partition"
    replication_factor_recommended: 3
    min_insync_replicas: 2
  consumers:
    rebalance: |
      When a consumer joins or leaves the group the partitions are
      reassigned among the members that remain.
    offsets_topic: __consumer_offsets
  acks:
    - {name: "0", meaning: fire and forget}
    - {name: all, meaning: waits for every in-sync replica}
"""

GLOSSARY = """\
Consumer group: consumers that share a topic's partitions
Offset: position of a record within a partition
Broker: one server of a Kafka cluster
ISR: replicas caught up with the leader
"""

LOGSEQ = """\
type:: concept
course:: Kafka ops
- partitions
  - ordering:: only within a partition
- retention
  - default:: 168 hours
"""

FRONT_MATTER = """\
---
title: Redis notes
tags:
  - redis
  - caching
authors:
  - me
---

# Persistence

RDB takes point-in-time snapshots.

- AOF logs every write
- everysec loses at most one second
"""

FENCED = """\
## Pod spec

A minimal pod:

```yaml
apiVersion: v1
kind: Pod
metadata:
  name: web
  labels:
    app: web
spec:
  containers:
    - name: web
      image: nginx:1.27
```

The `spec.containers` list holds one entry per container.
"""

#: what only YAML writes: an anchor, an alias, a merge key, a document marker
YAML_MARKS = ("&common", "*common", "<<", "---", "{", "}")
#: a raw YAML key with its colon: "maxmemory_policy:"
RAW_KEY = re.compile(r"\b[a-z]+_[a-z_]+:")


def _line(words: str) -> int:
    return next(n for n, line in enumerate(NOTES.split("\n"), 1) if words in line)


def _items(doc: Document) -> dict[str, str]:
    """Each item's text and its parent's text ("" for a top-level item)."""
    return {
        b.text: (b.parent.text if b.parent is not None else "")
        for b in doc.blocks
        if b.kind == "item"
    }


def test_top_level_keys_are_sections_and_nested_facts_items_under_their_parent() -> None:
    doc = parse_document(NOTES, "notes.yaml")
    assert [s.heading for s in doc.sections if s.level == 2] == ["common", "redis", "kafka"]
    # a topic's sub-topic holding a block is a section of its own: its lines are its facts,
    # never members asked "which heading are you under" (a GCP review: 53 such questions)
    subs = [s.path[-2:] for s in doc.sections if s.level == 3]
    assert ("redis", "memory") in subs and ("kafka", "partitions") in subs
    items = _items(doc)
    assert items["default port: 6379"] == ""
    eviction = next(b for b in doc.blocks if b.text == "eviction sample size: 5")
    assert eviction.section.heading == "memory" and eviction.parent is None
    ordering = next(b for b in doc.blocks if b.text.startswith("ordering: guaranteed"))
    assert ordering.section.heading == "partitions"
    assert items["replication factor recommended: 3"] == ""
    assert "allkeys-lru - evicts any key, least recently used first" in items
    port = next(b for b in doc.blocks if b.text == "default port: 9092")
    assert port.line == _line("9092") and port.section.heading == "kafka"


def test_a_question_is_keyed_from_a_key_value_fact() -> None:
    facts = {
        "eviction sample size": "5",
        "retention hours default": "168",
        "replication factor recommended": "3",
        "min insync replicas": "2",
        "tls port": "6380",
    }
    result = generate_document("notes.yaml", NOTES)
    keyed = 0
    for _, q in result.chosen:
        for key, value in facts.items():
            if key in q.prompt and q.choices:
                assert q.choices[q.answer] == value, q.prompt
                assert q.source.line == _line(key.replace(" ", "_") + ":")
                keyed += 1
    assert keyed >= 2


def test_comments_are_notes_of_their_own_and_settings_switched_off_are_skipped() -> None:
    doc = parse_document(NOTES, "notes.yaml")
    items = _items(doc)
    tip = "exam tip: SCAN walks the keyspace in batches, KEYS blocks the server"
    assert items[tip] == ""
    assert "maxmemory policy: noeviction (the default; writes fail once maxmemory is hit)" in items
    assert "retention hours default: 168 (seven days)" in items
    reasons = {n.line: n.reason for n in doc.noise}
    assert reasons[_line("# maxmemory_samples")] == "commented-out YAML"
    assert reasons[_line("# -----")] == "comment rule"
    said = [b.text for b in doc.blocks]
    assert not [t for t in said if "maxmemory samples" in t or "maxmemory_samples" in t]


def test_block_scalars_and_lists_of_maps_are_items_with_their_words() -> None:
    doc = parse_document(NOTES, "notes.yaml")
    items = _items(doc)
    assert (
        "explained: AOF logs every write command and replays the log on restart, so at most "
        "one second of writes is lost with everysec." in items
    )
    assert any(t.startswith("rebalance: When a consumer joins") for t in items)
    assert items["Sorted Set"] == ""  # under its "data types" section
    assert items["max members: 4294967295"] == "Sorted Set"
    assert items["use: approximate distinct counts"] == "HyperLogLog"
    assert items["0 — meaning: fire and forget"] == ""  # under its "acks" section
    assert items["cluster: hash slots = 16384; min masters = 3"] == ""


def test_anchors_aliases_and_merge_keys_never_reach_a_prompt_or_a_choice() -> None:
    result = generate_document("notes.yaml", NOTES)
    assert len(result.chosen) >= 8
    said = [s.heading for s in result.doc.sections] + [b.text for b in result.doc.blocks]
    for _, q in result.chosen:
        said += [q.prompt, *q.choices]
    for text in said:
        assert not any(mark in text for mark in YAML_MARKS), text
    reasons = [n.reason for n in result.doc.noise]
    assert reasons.count("YAML merge key") == 2
    assert "YAML document marker" in reasons


def test_no_raw_key_runs_are_glued_into_one_stem() -> None:
    result = generate_document("notes.yaml", NOTES)
    assert result.chosen
    for _, q in result.chosen:
        assert not RAW_KEY.search(q.prompt), q.prompt
        assert q.prompt.count(": ") <= 2, q.prompt
    long = [b.text for b in result.doc.blocks if b.text.count(":") > 3]
    assert not long


def test_only_notes_that_are_yaml_as_a_whole_are_read_so() -> None:
    for text in (GLOSSARY, LOGSEQ, FRONT_MATTER, FENCED):
        lines = text.split("\n")
        assert yaml_as_markdown(lines) == (lines, [])
    fenced = parse_document(FENCED, "pod.md")
    assert [b.kind for b in fenced.blocks].count("code") == 1
    front = parse_document(FRONT_MATTER, "redis.md")
    assert front.title == "Persistence"
    assert "AOF logs every write" in [b.text for b in front.blocks]
    # while the YAML notes themselves are read as notes, not as Markdown
    doc = parse_document(NOTES, "notes.yaml")
    assert not [s for s in doc.sections if "Redis + Kafka" in s.heading]
    assert [s.heading for s in doc.sections if s.level == 2][1:] == ["redis", "kafka"]


def test_every_line_stays_on_its_line() -> None:
    lines = NOTES.split("\n")
    out, skipped = yaml_as_markdown(lines)
    assert len(out) == len(lines)
    doc = parse_document(NOTES, "notes.yaml")
    at = {b.text: b.line for b in doc.blocks}
    assert at["eviction sample size: 5"] == _line("eviction_sample_size")
    assert at["Sorted Set"] == _line("Sorted Set")
    assert at["use: leaderboards ranked by score"] == _line("leaderboards")
    assert at["offsets topic: __consumer_offsets"] == _line("offsets_topic")
    sections = {s.heading: s.line for s in doc.sections}
    assert sections["kafka"] == _line("kafka:")
    assert {n for n, _, _ in skipped} <= {n.line for n in doc.noise}


def test_hostile_lines_are_read() -> None:
    hostile = (
        "a: " * 7000,
        "- " * 10000,
        "&x " * 7000,
        "'" * 20000,
        " " * 20000 + "k: v",
        "k: " + "&x " * 7000,
        'k: "' + "\\" * 20000,
        "- " + "{" * 20000,
        "k: [" + "a, " * 7000,
    )
    base = ["alpha:", "  one: 1", "  two: 2", "  three: 3", "beta:", "  four: 4", "  five: 5"]
    for line in hostile:
        # inside a topic of YAML notes, and at the margin (where some make no YAML of them)
        for lines in ([*base, "  " + line.lstrip(), *base], [*base, line, *base]):
            out, _ = yaml_as_markdown(lines)
            assert len(out) == len(lines)
            doc = parse_document("\n".join(lines), "hostile.yaml")
            if lines[7].startswith(" "):
                assert "alpha" in [s.heading for s in doc.sections], line[:10]
