"""Unseen notes review (issue #13), Redis notes: "`everysec`：每秒一次（默认），最多丢 1 秒" and
the pros line "数据更完整，最多丢 1 秒（everysec）" were both asked "…最多丢 ___" with the same
options: one fact, asked twice, the second answered by the first."""

from __future__ import annotations

from questions.generate import generate_document

NOTES = """# Redis 持久化

## AOF

- `appendfsync` 三个选项：
  - `always`：每条命令都 fsync，最安全，最慢
  - `everysec`：每秒一次（**默认**），最多丢 1 秒
  - `no`：交给操作系统，Linux 一般 30 秒左右刷一次

## RDB vs AOF

- AOF 优点：
  - 数据更完整，最多丢 1 秒（everysec）
  - 文件可读，误操作可以改文件恢复
- RDB 优点：恢复快，文件小
"""


def test_one_value_blanked_after_the_same_words_is_asked_once() -> None:
    kept = [q for _, q in generate_document("t.md", NOTES).chosen]
    second = [q.prompt for q in kept if q.choices[q.answer] == "1 秒"]
    assert len(second) == 1, second
