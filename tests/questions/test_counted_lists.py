"""A count whose items the stem writes out after it ("溢出策略 ___ 种：DropNewest、DropOldest、
Block、Fail") is counted, not recalled: it is not asked. And a Chinese description that
translates a word of its policy's name (丢 -> Drop/Discard, 最老 -> Oldest, 调用者 -> Caller) gives
it away like an English one."""

from __future__ import annotations

import pytest

from questions.cues import clue
from questions.generate import generate_from_texts
from questions.generators.numbers import counted

NOTES = """# 消息队列笔记

## 生产者缓冲区满了怎么办？

溢出策略 4 种：`DropNewest`（默认，丢最新）、`DropOldest`（丢最老的）、`Block`（阻塞生产者）、`Fail`（报错返回）。

**为什么不用无界缓冲？** 无界队列长度 Integer.MAX_VALUE → 消息堆积 **OOM**。
"""


def test_a_count_of_the_items_listed_after_it_is_not_asked() -> None:
    bank, _ = generate_from_texts([("buffers.md", NOTES)], "buffers")
    assert not any("___ 种" in q.prompt for q in bank.questions), [q.prompt for q in bank.questions]


@pytest.mark.parametrize(
    ("gap", "key", "told"),
    [
        ("溢出策略 ___ 种：A（默认）、B、C、D。", "4", True),
        ("There are ___ types: A, B and C", "3", True),
        ("There are ___ types: A, B, and C.", "3", True),
        ("___ 种：甲、乙和丙", "3", True),
        ("___ types: A, B", "3", False),  # the list is not all of them
        ("max ___: the timeout", "30", False),
        ("___ MB: A, B", "2", False),  # a size, not a count
    ],
)
def test_counted(gap: str, key: str, told: bool) -> None:
    assert counted(gap, key) is told


@pytest.mark.parametrize(
    ("desc", "key", "others"),
    [
        ("由调用者线程执行这个任务", "CallerRunsPolicy", ["AbortPolicy", "DiscardPolicy"]),
        ("丢掉队列里最老的任务", "DiscardOldestPolicy", ["AbortPolicy", "CallerRunsPolicy"]),
        ("直接丢弃新任务", "DropNewest", ["Block", "Fail"]),
    ],
)
def test_a_translated_name_word_is_a_clue(desc: str, key: str, others: list[str]) -> None:
    assert clue(desc, key, others) is not None


@pytest.mark.parametrize(
    ("desc", "key", "others"),
    [
        ("active-passive, primary must have health check", "Failover", ["Latency", "Simple"]),
        ("by distance + bias, needs Traffic Flow", "Geoproximity", ["Latency", "Weighted"]),
        ("IPv6 outbound only", "Egress-only IGW", ["IGW", "NAT gateway"]),
        ("soft, scheduler tries to avoid", "PreferNoSchedule", ["NoSchedule", "NoExecute"]),
        ("read-only copy in the API server", "mirror pod", ["static pod", "init container"]),
    ],
)
def test_an_everyday_word_for_a_name_is_a_clue(desc: str, key: str, others: list[str]) -> None:
    assert clue(desc, key, others) is not None
