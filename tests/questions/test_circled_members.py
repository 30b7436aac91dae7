"""A number in one member of a circled enumeration ("① … ② … ③ …", common in Chinese notes) is
asked from that member, with the short lead-in before the first member when there is one, never
with the whole run of members pasted around the blank (review of JVM notes, session 27). The
notes are written for this test (Redis and Kafka in Chinese)."""

from __future__ import annotations

from questions.generate import generate_document
from questions.generators.numbers import clause

KAFKA = """# Kafka

## 生产者

- 消息丢失的三个原因：① acks 设成 0，发出去就不管了 ② 重试次数 retries 默认是 2147483647 但 delivery.timeout.ms 默认 120000 到了就放弃 ③ 副本数 replication.factor 只有 1，磁盘坏了就没了
"""


def test_a_number_is_asked_from_its_own_member() -> None:
    stems = [c.prompt for c in generate_document("k.md", KAFKA).candidates if "___" in c.prompt]
    assert stems, [c.prompt for c in generate_document("k.md", KAFKA).candidates]
    for s in stems:
        assert "①" not in s and "②" not in s and "③" not in s, s
        assert s.count("___") == 1


def test_the_member_keeps_a_short_lead_in() -> None:
    sentence = "进入老年代：① 年龄到阈值（默认 15）② 大对象直接分配 ③ Survivor 放不下"
    assert clause(sentence, "15") == "进入老年代：年龄到阈值（默认 15）"
    assert clause("① 年龄到阈值（默认 15）② 大对象直接分配", "15") == "年龄到阈值（默认 15）"
    # one member only, or the span in the lead-in: the sentence as before
    assert clause("共 3 种：① A ② B", "3") == "共 3 种：① A ② B"
