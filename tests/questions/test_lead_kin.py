"""Names an item leads with ("RDB：…", "AOF：…") are kin of each other; a name said only inside
an item's line ("… 写时复制 COW", "… 没回 PING") is a word of that line, of another kind: it is
never offered for a name that leads."""

from __future__ import annotations

from questions.generate import generate_from_texts

NOTES = """# 持久化笔记

## 持久化

- RDB：定时快照，`bgsave` fork 子进程 + **写时复制 COW**，文件小、恢复快
- AOF：记录每条写命令，`appendfsync everysec` 最多丢 1 秒，文件大
- 两个都开时，重启优先加载 AOF，因为它更完整

## 哨兵

- 主观下线 SDOWN：单个哨兵 `down-after-milliseconds` 内没收到回复 PING
- 客观下线 ODOWN：≥ quorum 个哨兵都认为主库下线，才开始选新主
"""


def test_a_lead_is_never_offered_a_name_said_inside_a_line() -> None:
    bank, _ = generate_from_texts([("persist.md", NOTES)], "persist")
    for q in bank.questions:
        if q.kind == "choice" and q.choices[q.answer] in ("RDB", "AOF", "SDOWN", "ODOWN"):
            assert not {"COW", "PING"} & set(q.choices), (q.prompt, q.choices)
