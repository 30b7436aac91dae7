"""A limits table mixes counts, durations and rates: "哪一项的值是“256”？" beside rows of "35 天"
and "6 小时" is told by the kind of its number alone. A short number asked back to its row
meets only rows whose numbers are of its unit."""

from __future__ import annotations

from questions.generate import generate_from_texts
from questions.values import numbers_in

NOTES = """# CI 笔记

## 默认值 & 限制

| 项目 | 值 |
|---|---|
| job 最长执行时间 | **6 小时** |
| workflow run 最长时间 | **35 天** |
| matrix 单 run 最多 job | **256** |
| 每个 workflow 最多 job | **500** |
| 每个 repo 并发 job | **20** |
| artifact 默认保留 | **90 天** |
| cache 总大小 | **10 GB** |
"""


def test_a_count_meets_counts_only() -> None:
    bank, _ = generate_from_texts([("ci.md", NOTES)], "ci")
    cells = dict(
        line.strip("| ").split(" | ")
        for line in NOTES.splitlines()
        if line.startswith("| ") and "---" not in line and "项目" not in line
    )
    for q in bank.questions:
        if "“256”" in q.prompt:
            units = {numbers_in(cells[c].strip("*"))[0].unit for c in q.choices}
            assert units == {""}, (q.prompt, q.choices)
