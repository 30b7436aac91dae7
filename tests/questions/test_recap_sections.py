"""Unseen notes review (issue #13), MySQL notes: the closing "## 总结" restated each section in
one line ("隔离：默认 RR；RC 和 RR 的区别 = read view 生成时机", "数字：页 16KB，锁等待 50s"), and
was asked again: "以下描述的是哪一项？…" -> 隔离 beside 索引 and 锁 (the headings above), "数字：页
16KB，锁等待 ___" a second time. A closing recap after three sections of content is noise."""

from __future__ import annotations

from questions.parse.markdown import parse_document

NOTES = """# Redis notes

## Persistence

- **RDB**: point-in-time snapshots, fork + copy-on-write
- **AOF**: logs every write; `appendfsync everysec` loses at most 1 s

## Eviction

- `maxmemory-policy` defaults to `noeviction`
- `allkeys-lru` evicts the least recently used key of all keys

## Replication

- a replica connects with `REPLICAOF host port`
- the replication backlog defaults to 1 MB

## TL;DR

- persistence: RDB snapshots + AOF log, everysec by default
- eviction: noeviction unless told otherwise
- numbers: backlog 1 MB, AOF loses at most 1 s
"""

FIRST = """# Redis notes

## Summary

- Redis keeps everything in memory and persists with RDB or AOF

## Commands

- `SET key value EX 10` expires in 10 s
"""


def test_a_closing_recap_is_noise() -> None:
    doc = parse_document(NOTES, "x.md")
    recaps = [n for n in doc.noise if n.reason == "recap"]
    assert len(recaps) == 3, doc.noise
    assert all(b.section.heading != "TL;DR" for b in doc.content)


def test_a_summary_that_is_no_closing_recap_stays() -> None:
    doc = parse_document(FIRST, "x.md")
    assert not [n for n in doc.noise if n.reason == "recap"], doc.noise
    assert any(b.section.heading == "Summary" for b in doc.content)
