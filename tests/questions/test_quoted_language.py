"""A line mostly of code whose description is Chinese ("**useCallback**：缓存**函数本身**，
`useCallback(fn, deps)` ≈ `useMemo(() => fn, deps)`") is asked with the Chinese template:
"Which of these is described here: “缓存函数本身”?" stood out in a Chinese bank (a review)."""

from __future__ import annotations

from questions.generate import generate_document

NOTES = """# Hooks 笔记

## useMemo / useCallback

- **useMemo**：缓存**计算结果**，`useMemo(() => compute(a), [a])`
- **useCallback**：缓存**函数本身**，`useCallback(fn, deps)` ≈ `useMemo(() => fn, deps)`
- **useRef**：存可变值，改 `.current` 不触发渲染
"""


def test_a_chinese_description_is_asked_in_chinese() -> None:
    chosen = [q for _, q in generate_document("t.md", NOTES).chosen if q.choices]
    quoted = [q for q in chosen if "“" in q.prompt]
    assert quoted, [q.prompt for q in chosen]
    for q in quoted:
        assert not q.prompt.startswith(("Which", "What")), q.prompt
        assert q.lang == "zh", q.prompt
