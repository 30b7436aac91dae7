"""A table is asked in the language its rows are written in, whatever its column heads are."""

from __future__ import annotations

from questions.generate import generate_from_texts

#: Chinese rows under English column heads and an English heading, as notes mixing the two
#: languages write a ✅/❌ matrix.
NOTES = """# Message queue notes

## Kafka / RabbitMQ / Pulsar

| 能力 | Kafka | RabbitMQ | Pulsar |
|---|---|---|---|
| 消息回放 | ✅ | ❌ | ✅ |
| 优先级队列 | ❌ | ✅ | ❌（需插件） |
| 分层存储（冷数据下沉） | ✅（3.6 起） | ❌ | ✅ |
| 多租户隔离 | ❌ | ✅（vhost） | ✅ |
"""


def test_chinese_rows_under_english_heads_are_asked_in_chinese() -> None:
    bank, _ = generate_from_texts([("mq.md", NOTES)], "mq")
    asked = [q for q in bank.questions if q.kind == "choice"]
    assert asked, "the matrix gives questions"
    for q in asked:
        assert q.lang == "zh", q.prompt
        assert not q.prompt.startswith(("Which", "What", "In which", "For which")), q.prompt


def test_a_latin_column_head_is_spaced_in_a_chinese_stem() -> None:
    bank, _ = generate_from_texts([("mq.md", NOTES)], "mq")
    heads = ("Kafka", "RabbitMQ", "Pulsar")
    named = [q.prompt for q in bank.questions if any(h in q.prompt for h in heads)]
    assert named
    for prompt in named:
        assert any(f"的 {h} 是" in prompt for h in heads), prompt
