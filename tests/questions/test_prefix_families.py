"""A camelCase name of a family the notes write several of (useMemo among useState,
useCallback, useRef; onMounted among onUpdated, onUnmounted) meets its family in a cloze:
beside console.time, flushSync and setTimeout (a review), the hook was the only option of
its kind at a glance. A name of no such family keeps the notes' other code."""

from __future__ import annotations

from questions.generate import generate_document

NOTES = """# Vue 3 笔记

## 生命周期

| 钩子 | 时机 |
|---|---|
| onBeforeMount | 挂载开始之前调用，此时还拿不到 DOM |
| onMounted | 组件挂载到 DOM 之后调用 |
| onUpdated | 响应式状态变化导致重新渲染之后调用 |
| onUnmounted | 组件卸载之后调用 |

## 定时器

- 定时器要在 `onUnmounted` 里用 `clearInterval` 清掉，不然组件没了回调还在跑
- 等 DOM 更新完再读尺寸，用 `nextTick`
- 调试时用 `console.log` 打印 props
"""


def _cloze(key: str) -> list[str]:
    chosen = [q for _, q in generate_document("t.md", NOTES).chosen if q.choices]
    (q,) = [q for q in chosen if q.choices[q.answer] == key and "___" in q.prompt]
    return list(q.choices)


def test_a_hook_blank_meets_hooks() -> None:
    options = _cloze("onUnmounted")
    assert len(options) == 4, options
    assert all(o.startswith("on") for o in options), options
