"""Unseen notes review (issue #13), TCP notes: "窗口内：已发送未确认 + …" offered "窗口内" (within
the window: where a line applies) as a term beside 发送窗口 and 流量控制, and "拥塞控制是全局的
（照顾网络），别搞混！" kept the writer's "别搞混！" in its stem. A label naming a place or span
("方法内：", "事务期间：") is no term, and a short exclaimed aside closing a description goes."""

from __future__ import annotations

from questions.generate import generate_from_texts

NOTES = """# JVM 笔记

## 内存区域

- **新生代**：刚创建的对象放这里，Minor GC 很频繁，别和老年代搞混！
- **老年代**：熬过多次 Minor GC 的对象，Full GC 才回收
- **元空间**：类的元数据，用本地内存，不在堆里
- 方法内：局部变量放在栈帧里，方法返回就释放

## 对比

栈是线程私有的（存局部变量），堆是线程共享的（存对象），别记反！
"""


def test_a_place_label_is_no_term() -> None:
    bank, _ = generate_from_texts([("x.md", NOTES)], "b")
    assert bank.questions
    for q in bank.questions:
        assert "方法内" not in q.choices, (q.prompt, q.choices)


def test_an_exclaimed_aside_is_no_part_of_a_description() -> None:
    bank, _ = generate_from_texts([("x.md", NOTES)], "b")
    said = [q.prompt for q in bank.questions] + [c for q in bank.questions for c in q.choices]
    assert any("刚创建的对象放这里" in s for s in said), said
    for s in said:
        assert "搞混" not in s and "记反" not in s, s


PHASES = """# 限流笔记

## 令牌桶的阶段

1. **预热**：令牌发放速率从低开始，**每秒翻倍**，直到达到上限
2. **稳定**：按固定速率发放令牌，桶满了就丢弃
3. **突发**：桶里攒的令牌一次性用掉，短时间超过平均速率
4. **降级**：下游报错时速率**减半**，恢复后再慢慢加回去
"""


def test_a_stressed_change_is_no_term() -> None:
    """TCP notes: "**每个 RTT 翻倍**" was offered beside 快重传 and 拥塞避免 as if a phase."""
    from questions.facts.extract import extract
    from questions.parse.markdown import parse_document
    from questions.text import STRESSED_CHANGE

    spans = {f.span for f in extract(parse_document(PHASES, "x.md")) if f.kind == "term"}
    assert not spans & {"每秒翻倍", "减半"}, spans
    assert STRESSED_CHANGE.search("doubles every RTT")
    assert not STRESSED_CHANGE.search("slow start")
