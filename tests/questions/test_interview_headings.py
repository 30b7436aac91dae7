"""Unseen review 20 (Redis 面试笔记, issue #13): a heading that asks ("为什么单线程还这么快？")
or a Chinese section number ("二、数据类型 vs 底层编码") was pasted in front of a cloze, and a
word marked inside a parent item's sentence ("根据**当前内存数据**生成") was read as the name
its nested items are about. Notes: tests/questions/notes/mq-interview-zh.md."""

from __future__ import annotations

from pathlib import Path

from questions.context_refs import refers_to_context
from questions.cues import arithmetic_cut
from questions.facts.extract import extract
from questions.generate import generate_from_texts
from questions.parse.markdown import parse_document
from questions.subjects import label

NOTES = Path(__file__).parent / "notes" / "mq-interview-zh.md"


def test_a_heading_that_asks_labels_no_stem() -> None:
    doc = parse_document(NOTES.read_text(encoding="utf-8"), "x.md")
    facts = extract(doc)
    under_question = [f for f in facts if "顺序写" in f.sentence]
    assert under_question and all(label(f) == "" for f in under_question)


def test_a_chinese_section_number_is_no_part_of_a_label() -> None:
    doc = parse_document(NOTES.read_text(encoding="utf-8"), "x.md")
    retries = next(f for f in extract(doc) if f.kind == "number" and "retries" in f.sentence)
    assert label(retries) == "可靠性"
    doc = parse_document("## （三）Broker\n\n- 默认端口 9092，默认分区 1\n", "x.md")
    assert label(next(f for f in extract(doc) if f.value == "9092")) == "Broker"


def test_a_word_marked_inside_a_sentence_names_no_nested_item() -> None:
    doc = parse_document(NOTES.read_text(encoding="utf-8"), "x.md")
    nested = [f for f in extract(doc) if "min.insync.replicas 一般" in f.sentence]
    assert nested and all(f.context != "全部副本" for f in nested)
    doc = parse_document(
        "## Hooks\n\n- **pre-commit**: runs first\n  - times out after 30 s\n", "x.md"
    )
    nested = [f for f in extract(doc) if f.sentence.startswith("times out")]
    assert nested and all(f.context == "pre-commit" for f in nested)


def test_no_stem_shows_a_question_heading_or_a_section_number() -> None:
    bank, _ = generate_from_texts([("x.md", NOTES.read_text(encoding="utf-8"))], "b")
    assert bank.questions
    for q in bank.questions:
        assert "？：" not in q.prompt and "为什么 Kafka" not in q.prompt, q.prompt
        assert "一、" not in q.prompt and "二、" not in q.prompt, q.prompt
        assert not q.prompt.startswith("填空：全部副本"), q.prompt


def test_a_line_that_says_same_as_above_asks_nothing() -> None:
    assert refers_to_context("`volatile-lfu` —— 同上 LFU（4.0+）")
    assert refers_to_context("allkeys: 同上")
    assert not refers_to_context("连接不同上游服务")


def test_a_clause_inside_brackets_keeps_what_the_brackets_are_of() -> None:
    text = "→ 看门狗续期（Redisson watchdog，默认锁 30s，每 10s 续一次 = 1/3）"
    assert arithmetic_cut(text, "30s") == "看门狗续期（Redisson watchdog，默认锁 30s）"
    text = "retry with backoff (base delay 2 s, max 60 s, so 30 tries = 60 s / 2 s)"
    assert arithmetic_cut(text, "2 s").startswith("retry with backoff (")
