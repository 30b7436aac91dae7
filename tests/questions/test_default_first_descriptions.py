"""Unseen notes review (issue #13), Java notes: "- `AbortPolicy`：**默认**，抛
`RejectedExecutionException`" under "### 拒绝策略 4 种" was never asked which policy is the
default, and a description opening with "the default (…)." (B-tree, round-robin) answered the
default question beside it. A member whose description opens by saying it is the default is
the default of its list, and its description is asked without that clause."""

from __future__ import annotations

from questions.generate import generate_from_texts

NOTES = """# Kafka 笔记

## 分区分配策略 3 种

- `RangeAssignor`：默认，按主题把分区连续地分给消费者
- `RoundRobinAssignor`：所有主题的分区轮流分给消费者
- `StickyAssignor`：重平衡时尽量保留原来的分配

## Log levels

- `INFO` — the default, startup and rebalance messages only
- `DEBUG` — every request and response, too much for production
- `WARN` — retries and slow requests
- `ERROR` — failures that lose data or stop a client
"""


def _bank() -> list[tuple[str, str, tuple[str, ...]]]:
    bank, _ = generate_from_texts([("x.md", NOTES)], "b")
    return [(q.prompt, q.choices[q.answer], q.choices) for q in bank.questions]


def test_a_member_said_to_be_the_default_is_asked_as_such() -> None:
    asked = [p for p, k, _ in _bank() if k == "RangeAssignor"]
    assert "默认的分区分配策略是哪个？" in asked, _bank()
    asked = [p for p, k, _ in _bank() if k == "INFO"]
    assert "Which log level is the default?" in asked, _bank()


def test_no_description_says_it_is_the_default() -> None:
    for prompt, _, choices in _bank():
        for text in (prompt, *choices):
            assert "the default, startup" not in text and "默认，按主题" not in text, prompt


def test_a_bold_default_is_no_term() -> None:
    from questions.facts.extract import extract
    from questions.parse.markdown import parse_document

    notes = (
        "# 线程池\n\n## 拒绝策略\n\n- `AbortPolicy`：**默认**，抛异常\n- `DiscardPolicy`：直接丢\n"
    )
    terms = {f.span for f in extract(parse_document(notes, "x.md")) if f.kind == "term"}
    assert "默认" not in terms, terms
