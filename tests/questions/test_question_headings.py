"""A heading written as a question is a topic only when it names one ("HashMap 底层结构？" is shown
over its stems); one that really asks ("为什么单线程还这么快？", "How does X work?")
names nothing a stem is about."""

from __future__ import annotations

import pytest

from questions.generate import generate_from_texts

NOTES = """# 集合八股

## HashMap 底层结构？

关键参数：
1. 默认容量 **16**，必须是 2 的幂
2. 负载因子 **0.75**

## 为什么 HashMap 线程不安全？

关键参数：
1. 扩容时链表成环，JDK 1.7 多线程下可能 **100%** CPU
"""


@pytest.fixture(scope="module")
def prompts() -> list[str]:
    bank, _ = generate_from_texts([("maps.md", NOTES)], "maps")
    return [q.prompt for q in bank.questions]


@pytest.fixture(scope="module")
def cards() -> list[str]:
    """Each question as its card shows it: its topic over its stem."""
    bank, _ = generate_from_texts([("maps.md", NOTES)], "maps")
    return [f"{q.topic} · {q.prompt}" for q in bank.questions]


def test_a_topic_said_as_a_question_is_the_cards_topic(cards: list[str]) -> None:
    capacity = [p for p in cards if "默认容量" in p]
    # shown over the stem as its topic, and not said again in it
    assert capacity and all(p.startswith("HashMap 底层结构？ · 填空") for p in capacity), cards
    assert all(p.count("HashMap") == 1 for p in capacity), cards


def test_a_heading_that_asks_labels_nothing(prompts: list[str]) -> None:
    assert not any("为什么" in p for p in prompts), prompts


@pytest.mark.parametrize(
    ("heading", "asking"),
    [("HashMap 底层结构？", False), ("Default ports?", False), ("为什么单线程还这么快？", True),
     ("JVM 内存区域有哪些？", True), ("How does it work?", True), ("Is Redis single-threaded?", True)],
)  # fmt: skip
def test_a_heading_asks_by_its_words_not_its_mark(heading: str, asking: bool) -> None:
    from questions.subjects import _really_asks

    assert _really_asks(heading) is asking
