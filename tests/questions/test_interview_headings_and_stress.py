"""Interview notes ("### Q4. 讲讲 GMP 调度模型", "遍历无序是**故意的**", "**Go 1.24 之前**：…"):
a question's number names nothing a stem could lead with, a bold predicate stresses a claim
and a bold release dates the lines after it; neither is a term to ask or offer (issue #13,
review of unseen Go notes, session 32)."""

from __future__ import annotations

import pytest

from questions.facts.extract import heading_name
from questions.generate import generate_document
from questions.text import stressed

GO = """# Go 面试

### Q2. map 的底层实现？

**Go 1.24 之前**：`hmap` + bucket 数组，装载因子超过 **6.5** 触发翻倍扩容。扩容是**渐进式**的，每次写/删时搬迁 1~2 个 bucket。**Go 1.24 起**默认换成 **Swiss Table** 实现。遍历无序是**故意的**：runtime 每次 range 随机起点。

### Q4. 讲讲 GMP 调度模型

每个 P 有**本地运行队列，容量 256**（无锁环形数组）。本地队列满了，就把**一半（128 个）**挪到全局队列。
"""


@pytest.mark.parametrize("span", ["故意的", "Go 1.24 之前", "Go 1.24 起", "since 1.14", "1.18 起"])
def test_a_bold_predicate_or_release_is_stressed(span: str) -> None:
    assert stressed(span)


@pytest.mark.parametrize("span", ["渐进式", "Swiss Table", "GOGC", "目的"])
def test_a_bold_name_is_not(span: str) -> None:
    assert not stressed(span)


def test_a_question_number_names_nothing() -> None:
    assert heading_name("Q4. 讲讲 GMP 调度模型") == ""
    assert heading_name("Q5. goroutine 是怎么被抢占的？") == "goroutine"
    result = generate_document("go.md", GO)
    contexts = {f.context for f in result.facts}
    assert "Q4." not in contexts, contexts
    keyed = {q.choices[q.answer] for _, q in result.chosen}
    offered = {c for _, q in result.chosen for c in q.choices}
    assert not offered & {"故意的", "Go 1.24 之前", "Go 1.24 起"}, offered
    assert "故意的" not in keyed


def test_a_circled_member_is_not_labelled_with_a_name_of_another_member() -> None:
    notes = (
        "# Go\n\n## GC\n\n触发条件：① 堆达到目标值：`GOGC` 默认 **100**，即存活堆增长 100% 时触发；"
        "② sysmon 发现超过 **2 分钟**没 GC 强制触发；③ 手动 `runtime.GC()`。\n"
    )
    tried = [c.prompt for c in generate_document("g.md", notes).candidates]
    assert "填空：触发条件：sysmon 发现超过 ___没 GC 强制触发" in tried, tried
    assert not [p for p in tried if "GOGC" in p and "sysmon" in p], tried


def test_a_runtimes_release_is_no_major_of_the_product() -> None:
    notes = (
        "# Kafka\n\n## 版本\n\n时间线：2.8 KRaft 早期预览，3.3 标记 production-ready，3.5 起 ZooKeeper "
        "模式标为 deprecated。\n\n**4.0** 中新 rebalance 协议 GA，分配逻辑挪到 broker 端。\n\n"
        "4.0 要求 broker Java 17、客户端 Java 11。\n"
    )
    for c in generate_document("k.md", notes).candidates:
        if c.answer_text == "4.0":
            assert not {"11.0", "17.0"} & set(c.options), c.options


def test_a_unit_after_a_number_is_no_acronym() -> None:
    notes = (
        "# Go\n\n## 逃逸\n\n对象太大（隐式分配超过 64 KB、显式声明超过 10 MB）会逃逸到堆上。"
        "GC 由 GOGC 控制，容器里配合 GOMEMLIMIT 用。\n"
    )
    terms = {f.span for f in generate_document("g.md", notes).facts if f.role == "acronym"}
    assert "GOGC" in terms or "GC" in terms, terms
    assert not terms & {"KB", "MB"}, terms
