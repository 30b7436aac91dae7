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
