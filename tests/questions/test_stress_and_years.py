"""A bold word that only stresses its sentence ("**不是**虚拟机", "**NOT** restarted") is no term
and never an option; a year written with 年 ("2023 年 7 月起") is a date, not 2023 years, so it
never meets 4046 年 or 2500 年."""

from __future__ import annotations

import pytest

from questions.bank import BankQuestion
from questions.generate import generate_document
from questions.values import number_role, numbers_in


def chosen(text: str) -> list[BankQuestion]:
    return [q for _, q in generate_document("t.md", text).chosen]


STRESSED = """# 容器复习笔记

## 1. 基本概念

- **容器**：本质就是一个被 namespace 隔离、被 cgroups 限制资源的普通 Linux 进程，**不是**虚拟机
  - 跟宿主机共享内核 → Mac/Win 上其实跑在一个 Linux VM 里
- **镜像 (image)**：只读的分层文件系统 + 一堆元数据（CMD、ENV、EXPOSE…）
  - 容器 = 镜像 + 最上面一层可写层（container layer）
- 架构链路：docker CLI → dockerd（REST API）→ containerd → runc
- 数据目录默认 `/var/lib/docker`，存储驱动现在默认 `overlay2`
"""

STRESSED_EN = """# Pod notes

## Probes

- **liveness** – fails -> the kubelet restarts the container
- **readiness** – fails -> the pod leaves the Service endpoints, it is **NOT** restarted
- **startup** – holds the other probes back until a slow app is up, **only** once per start
"""


@pytest.mark.parametrize("notes", [STRESSED, STRESSED_EN], ids=["zh", "en"])
def test_a_stressing_bold_word_is_never_an_option(notes: str) -> None:
    questions = chosen(notes)
    assert questions
    for q in questions:
        assert not {"不是", "千万", "NOT", "only"} & set(q.choices), (q.prompt, q.choices)


@pytest.mark.parametrize(
    ("sentence", "role"),
    [
        ("v1 的 docker-compose（Python 版）2023 年 7 月起不再更新", "year"),
        ("这个协议 1999 年定稿", "year"),
        ("the pyramid has stood for 2000 years", "quantity"),  # a span of time
        ("备份保留 3 年", "quantity"),
    ],
)
def test_a_year_written_with_nian_is_a_date(sentence: str, role: str) -> None:
    (n, *_) = numbers_in(sentence)
    assert number_role(sentence, n) == role


def test_a_date_is_never_offered_beside_years_far_off() -> None:
    notes = """# Compose 笔记

## 版本

- v2 是 CLI 插件：docker compose（中间是空格）
- v1 的 docker-compose（Python 版）2023 年 7 月起不再更新
- Compose 文件里的 version 字段已经废弃，写了会有警告
"""
    for q in chosen(notes):
        for c in q.choices:
            assert c not in ("4046 年", "2500 年", "2000 年"), (q.prompt, q.choices)
