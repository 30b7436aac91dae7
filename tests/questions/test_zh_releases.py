"""A release said in Chinese ("8.0 起", "5.7 引入", "8.0 已删") is a version: its options are
other releases, never doubled like a size ("16.0", "32.0")."""

from __future__ import annotations

from questions.generate import generate_from_texts
from questions.values import number_role, numbers_in

NOTES = """# MySQL 笔记

## 版本变化

- 查询缓存 `query_cache_size` 在 8.0 已删，别再调了
- 窗口函数 8.0 起支持，`ROW_NUMBER()` 很常用
- JSON 类型 5.7 引入，之前只能存 TEXT
- 默认字符集 utf8mb4，8.0 开始默认 collation 是 utf8mb4_0900_ai_ci
"""


def _role(sentence: str) -> str:
    number = next(n for n in numbers_in(sentence) if "." in n.text)
    return number_role(sentence, number)


def test_a_release_said_in_chinese_is_a_version() -> None:
    assert _role("窗口函数 8.0 起支持") == "version"
    assert _role("JSON 类型 5.7 引入，之前只能存 TEXT") == "version"
    assert _role("query_cache 在 8.0 已删") == "version"
    # "in release 8.0": the 里 of an unnamed release (was offered beside 16.0 and 32.0)
    assert (
        _role("查看：select @@transaction_isolation;（8.0 里 tx_isolation 已经删了）") == "version"
    )
    assert _role("线程模型 6.0 中改成了多线程 IO") == "version"
    assert _role("压缩比大约 1.5 倍") != "version"  # a ratio stays a quantity


def test_release_options_are_releases_near_the_key() -> None:
    bank, _ = generate_from_texts([("mysql.md", NOTES)], "mysql")
    asked = [q for q in bank.questions if q.kind == "choice" and "___" in q.prompt]
    assert asked
    for q in asked:
        key = float(q.choices[q.answer])
        for choice in q.choices:
            assert abs(float(choice) - key) < 4, (q.prompt, q.choices)


#: two releases of one runtime side by side, the second blanked: its options were made as
#: quantities (0.8, 0.9 and 1.3 beside 1.8), and the first release in the stem tells the key
JDK_NOTES = """# 并发笔记

## ConcurrentHashMap 怎么加锁？

JDK 1.7：**分段锁 Segment**；JDK 1.8：**CAS + synchronized**，锁住链表头节点。
"""


def test_a_number_after_a_runtime_name_is_its_release() -> None:
    assert _role("HashMap 在 JDK 1.7 是数组 + 链表") == "version"
    assert _role("Python 3.12 removed distutils") == "version"
    assert _role("Ubuntu 22.04 ships OpenSSL 3") == "version"


def test_runtime_release_options_are_releases_of_its_line() -> None:
    bank, _ = generate_from_texts([("jvm.md", JDK_NOTES)], "jvm")
    for q in bank.questions:
        if q.kind == "choice" and "JDK ___" in q.prompt:
            assert all(float(c) >= 1 for c in q.choices), (q.prompt, q.choices)


def test_a_number_a_tool_is_pinned_to_is_its_release() -> None:
    """Python packaging notes: "setuptools ≥ ___ implements PEP 660" was offered 32 / 128 / 256."""
    for sentence, text in (
        ("pip install -e . still works because setuptools ≥ 64 implements PEP 660.", "64"),
        ("editable installs need pip >= 21.3", "21.3"),
    ):
        number = next(n for n in numbers_in(sentence) if n.text == text)
        assert number_role(sentence, number) == "version", sentence
    quorum = "etcd members ≥ 3 keep a quorum"
    assert number_role(quorum, numbers_in(quorum)[0]) != "version"
