"""A bold clause that opens with a denial ("**不代表 CPU 忙**", "**not encrypted**") stresses
the writer's claim: it names no thing, so it is no cloze and no option (a review found "不代表
CPU 忙" offered beside 上下文切换 and load average). A marked term that only starts with 不 ("**不可变对象**")
is a term."""

from __future__ import annotations

import pytest

from questions.generate import generate_document
from questions.text import STRESSED_DENIAL

NOTES = """# CPU 笔记

## 指标

- **load average**：可运行和不可中断睡眠的平均进程数
- **上下文切换**：vmstat 的 cs 列，pidstat -w 可以拆开看
- **CPU 使用率拆分**：us、sy、wa、si 各占多少
- `wa`（iowait）：CPU 空闲但有 IO 在等待，**不代表 CPU 忙**
- **steal**：被宿主机抢走的时间
"""


@pytest.mark.parametrize(
    "span", ["不代表 CPU 忙", "不是线程安全的", "没有持久化", "not encrypted", "never restarted"]
)
def test_a_stressed_denial_is_no_term(span: str) -> None:
    assert STRESSED_DENIAL.match(span)


@pytest.mark.parametrize("span", ["不可变对象", "notify", "not", "Never", "不"])
def test_a_term_or_a_lone_word_is_no_stressed_clause(span: str) -> None:
    assert not STRESSED_DENIAL.match(span)


def test_no_option_of_a_bank_is_a_stressed_denial() -> None:
    chosen = [q for _, q in generate_document("t.md", NOTES).chosen if q.choices]
    assert chosen
    for q in chosen:
        assert "不代表 CPU 忙" not in q.choices, (q.prompt, q.choices)
