"""A Latin name glossed in Chinese ("OPT（最佳置换）") is offered and asked without its gloss
(review of OS notes, session 27): the gloss translates the name, so "缺页率最低" beside
"最佳置换" keyed it at a glance. The notes are written for this test (CPU scheduling)."""

from __future__ import annotations

from questions.generate import generate_document
from questions.generators.common import unglossed
from questions.stems import without_gloss

SCHED = """# 进程调度

## 调度算法

- **FCFS（先来先服务）**：按到达顺序执行，对短作业不利
- **SJF（短作业优先）**：平均等待时间最短，但长作业可能饥饿
- **RR（时间片轮转）**：每个进程轮流运行一个时间片，适合分时系统
- **MLFQ（多级反馈队列）**：新进程进最高优先级队列，用完时间片就降级
- **HRRN（高响应比优先）**：响应比 = (等待时间 + 服务时间) / 服务时间，兼顾长短作业
"""


def test_a_gloss_is_left_out_of_options_and_stems() -> None:
    r = generate_document("s.md", SCHED)
    assert r.chosen, r.candidates
    for _, q in r.chosen:
        for text in (q.prompt, *q.choices):
            for gloss in ("先来先服务", "短作业优先", "时间片轮转", "多级反馈队列", "高响应比优先"):
                assert gloss not in text, (q.prompt, q.choices)


def test_which_names_lose_a_gloss() -> None:
    assert without_gloss("OPT（最佳置换）") == "OPT"
    assert without_gloss("FIFO (先进先出)") == "FIFO"
    assert without_gloss("抖动（颠簸）") == "抖动（颠簸）"  # a Chinese name: its own words
    assert without_gloss("Pod (smallest unit)") == "Pod (smallest unit)"  # no Chinese gloss
    # names that would be alike without their glosses keep them
    assert unglossed("SJF（短作业优先）", ["SJF（抢占式）", "RR（时间片轮转）"]) == (
        "SJF（短作业优先）",
        ["SJF（抢占式）", "RR（时间片轮转）"],
    )
