"""Of two items that describe the only two members of a pair ("**cswch/s** – 自愿切换",
"**nvcswch/s** – 非自愿切换"), one question is asked: the second, with the same two options,
is answered by the first (a review marked them mirrors). Lines under two labels ("Fast-forward:"
/ "Three-way:") and rows of a two-sided comparison are other facts of the pair, each asked."""

from __future__ import annotations

from questions.generate import generate_document
from tests.questions.own_notes import keyed

NOTES = """# 性能笔记

## 上下文切换

- **cswch/s** – 自愿切换，进程在等 IO 或者锁，主动让出 CPU
- **nvcswch/s** – 非自愿切换，时间片用完被内核抢占，说明 CPU 争抢严重
"""


def _two_option() -> list[tuple[str, frozenset[str]]]:
    chosen = [q for _, q in generate_document("t.md", NOTES).chosen if q.choices]
    return [(q.prompt, frozenset(q.choices)) for q in chosen if len(q.choices) == 2]


def test_one_question_of_a_mirrored_pair() -> None:
    pairs = [p for _, p in _two_option() if p == {"cswch/s", "nvcswch/s"}]
    assert len(pairs) == 1, _two_option()


def test_labelled_lines_of_a_pair_are_each_asked() -> None:
    merges = [
        p for p, c, _ in keyed("two-labelled-lists.md") if set(c) == {"Fast-forward", "Three-way"}
    ]
    assert len(merges) >= 2, merges
