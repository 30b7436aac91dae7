"""A line the writer opens with their own view ("个人感觉：…", "我的理解: …") or with an
example's label ("Worked ex: …") names no term: "个人感觉" was offered beside "cleanup 函数"
(a review). A column headed by two labels, one of them a remark's ("何时触发 / 注意"), is
asked as a description: "哪个 Hook 的何时触发 / 注意是…" pasted the header into the stem."""

from __future__ import annotations

import pytest

from questions.facts.definitions import remark_label
from questions.generate import generate_document

NOTES = """# Vue 笔记

## 响应式

- **ref**：包装基本类型，读写要用 `.value`
- **reactive**：把对象变成响应式代理，解构后会丢失响应性
- **computed**：带缓存的派生值，依赖不变就不重新计算
- **watch**：侦听某个来源，变化时执行回调

个人感觉：能用 computed 就别用 watch。

## 生命周期

| 钩子 | 时机 / 注意 |
|---|---|
| onMounted | 组件挂载到 DOM 之后调用 |
| onUpdated | 响应式状态变化导致重新渲染之后调用 |
| onUnmounted | 组件卸载之后调用，在这里清理定时器 |
| onBeforeMount | 挂载开始之前调用，此时还拿不到 DOM |
"""


@pytest.mark.parametrize(
    "label", ["个人感觉", "我的理解", "心得", "Worked ex", "my opinion", "易错点", "注意事项"]
)
def test_an_opinion_or_example_label_is_a_remark(label: str) -> None:
    assert remark_label(label)


@pytest.mark.parametrize("term", ["computed", "Cleanup", "Hook"])
def test_a_term_is_no_remark(term: str) -> None:
    assert not remark_label(term)


def test_no_opinion_is_offered_and_no_mixed_header_is_pasted() -> None:
    asked = [q for _, q in generate_document("t.md", NOTES).chosen if q.choices]
    assert any(q.choices[q.answer].startswith("on") for q in asked), [q.prompt for q in asked]
    for q in asked:
        assert "个人感觉" not in q.choices, q.choices
        assert "/ 注意" not in q.prompt and "时机 /" not in q.prompt, q.prompt
