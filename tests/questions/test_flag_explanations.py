"""A comment that spells out its command's own flags ("# -x 扩展指标，-z 不显示空闲设备" over
`iostat -xz 1`) is no purpose to ask: "哪条命令用于“-x …，-z …”？" is answered by the one
option written with those flags (a review). A comment that names no flag of its line is."""

from __future__ import annotations

from questions.facts.commands import command_facts, explains_flags
from questions.parse.markdown import parse_document

NOTES = """# 排查

## 磁盘

```bash
iostat -xz 1          # -x 扩展指标，-z 不显示空闲设备
pidstat -d 1          # 每个进程的读写速率
iotop -o              # 只看正在做 IO 的进程
lsof +L1              # 删掉了但还被占用的文件
```
"""


def test_a_comment_of_the_lines_flags_is_no_purpose() -> None:
    assert explains_flags("-x 扩展指标，-z 不显示空闲设备", "iostat -xz 1")
    assert explains_flags("delete on exit (--rm)", "docker run --rm alpine")
    assert not explains_flags("list databases", "psql -l")
    assert not explains_flags("same as -l", "psql --list")


def test_only_the_other_comments_are_asked() -> None:
    (block,) = [b for b in parse_document(NOTES, "t.md").blocks if b.kind == "code"]
    asked = {f.value: f.subject for f in command_facts(block)}
    assert "iostat -xz 1" not in asked
    assert asked["pidstat -d 1"] == "每个进程的读写速率"
