"""Unseen notes review (issue #13), MySQL notes: under "### 2.1 隔离级别（✅ = 会出现，❌ = 不会）"
a ✅/❌ table was asked "哪个隔离级别是脏读的？", though the heading says what ✅ means. A yes
mark's legend in the heading now words the question; ✓ and ✕ are yes/no marks too."""

from __future__ import annotations

from questions.generate import generate_from_texts

ZH = """# 缓存笔记

## 缓存问题（✅ = 会发生，❌ = 不会）

| 方案 | 缓存穿透 | 缓存击穿 | 缓存雪崩 |
|---|---|---|---|
| 不做处理 | ✅ | ✅ | ✅ |
| 布隆过滤器 | ❌ | ✅ | ❌ |
| 互斥锁重建 | ❌ | ❌ | ✅ |
| 过期时间加随机值 | ❌ | ❌ | ❌ |
"""

EN = """# Browser notes

## Feature support (✓ = supported, ✗ = not yet)

| Browser | WebGPU | View transitions | Popover |
|---|---|---|---|
| Chrome | ✓ | ✓ | ✓ |
| Firefox | ✗ | ✗ | ✓ |
| Safari | ✗ | ✓ | ✓ |
| Opera | ✗ | ✗ | ✗ |
"""


def _predicates(text: str) -> list[str]:
    bank, _ = generate_from_texts([("x.md", text)], "b")
    return [q.prompt for q in bank.questions if q.kind == "choice"]


def test_a_chinese_legend_words_the_question() -> None:
    asked = [p for p in _predicates(ZH) if p.startswith("哪个方案")]
    assert asked, _predicates(ZH)
    assert all(p.startswith("哪个方案会发生") for p in asked), asked


def test_an_english_legend_words_the_question() -> None:
    asked = [p for p in _predicates(EN) if "browser" in p.lower()]
    assert asked, _predicates(EN)
    assert all(p.endswith("supported?") for p in asked), asked


def test_a_question_header_is_asked_as_a_yes() -> None:
    """AWS storage notes: a "Boot vol?" column was asked "Which type has “Boot vol?”?"."""
    from questions.stems import table_predicate

    assert (
        table_predicate("type", "Boot vol?", "en", "yes") == "For which type is “Boot vol?” a yes?"
    )


def test_a_means_header_is_read_as_a_verb() -> None:
    """Python packaging notes: a "| spec | means |" table asked "Which spec has the means
    “compatible release”?" and "What is the means of …?"."""
    from questions.stems import table_forward

    assert table_forward("`~=`", "means", "en") == "What does `~=` mean?"
