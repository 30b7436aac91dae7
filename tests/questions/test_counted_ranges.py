"""Unseen notes review (issue #13), Redis notes: "默认 ___ 个数据库（db0 ~ db15，SELECT n 切换）"
→ 16: the range the stem numbers the databases with counts them."""

from __future__ import annotations

from questions.cues import computable
from questions.generate import generate_document

NOTES = """# PostgreSQL notes

## Replication

- up to 10 replication slots by default (slot_0 ~ slot_9 in my lab)
- wal_keep_size 0 by default
"""


def test_a_numbered_range_counts_its_things() -> None:
    assert computable("默认 ___ 个数据库（db0 ~ db15，SELECT n 切换）", "16")
    assert computable("___ hash slots, numbered 0-16383", "16384")
    # a range of other things counts nothing asked
    assert not computable("ports 8000-8080 open, ___ workers", "4")


def test_no_cloze_asks_the_count_of_its_own_range() -> None:
    for _, q in generate_document("t.md", NOTES).chosen:
        assert not (q.choices[q.answer] == "10" and "slot_9" in q.prompt), q.prompt


def test_an_example_off_a_well_known_port_works_the_blank_out() -> None:
    """Redis notes: "集群总线端口 = 数据端口 + ___（比如 16379）": 16379 is 6379 + 10000."""
    from questions.cues import worked_example

    assert worked_example("集群总线端口 = 数据端口 + ___（比如 16379）", 10000)
    assert worked_example("exporter port = database port + ___ (e.g. 9432)", 4000)  # 5432
    assert not worked_example("queue size = workers × ___ (e.g. 64)", 8)
