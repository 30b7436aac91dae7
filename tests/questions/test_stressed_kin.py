"""A list whose author bolded some of its names ("- ParNew：…", "- **CMS**：…") holds one kind of
thing: the bold stresses a name, it does not make another kind. A plain item's kin are the
list's bold names too, so it is never asked among a name from a section about something else
(ArrayList among garbage collectors)."""

from __future__ import annotations

from questions.generate import generate_from_texts

NOTES = """# JVM 笔记

## 集合

### ArrayList vs LinkedList

ArrayList 底层数组，随机访问 O(1)，默认容量 10。LinkedList 双向链表，插入删除 O(1)。

## JVM

### 常见垃圾收集器？

- Serial / Serial Old：单线程，STW
- ParNew：Serial 的多线程版，配合 CMS
- Parallel Scavenge / Parallel Old：吞吐量优先
- **CMS**：低停顿，标记-清除，四步：初始标记 → 并发标记 → 重新标记 → 并发清除
- **G1**：堆划分为多个 Region，可设置期望停顿时间
- ZGC：停顿 < 10ms，新版本亚毫秒级
"""

COLLECTORS = {"ParNew", "CMS", "G1", "ZGC"}


def test_a_plain_name_and_the_bold_names_of_its_list_are_kin() -> None:
    bank, _ = generate_from_texts([("gc.md", NOTES)], "gc")
    keyed = [q for q in bank.questions if q.kind == "choice" and q.choices[q.answer] in COLLECTORS]
    assert {q.choices[q.answer] for q in keyed} >= {"CMS", "G1", "ZGC"}, keyed
    for q in keyed:
        assert set(q.choices) <= COLLECTORS, (q.prompt, q.choices)
