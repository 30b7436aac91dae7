"""A comment that sends the reader to another command ("# switch w/ activate", "# 先 mkdir
-p") says what to do before or after the line, not what the line does: it is no description
of the line's command (a review marked "哪条命令用于“先 mkdir -p”？" → `cd …` broken)."""

from __future__ import annotations

import pytest

from questions.bank import BankQuestion
from questions.facts.commands import names_another_step, purpose
from questions.generate import generate_document
from questions.stems import third_person


@pytest.mark.parametrize(
    ("comment", "cmd", "another"),
    [
        ("switch w/ activate", "conda create -n dev", True),
        ("then apply", "terraform plan -out=tfplan", True),
        ("先 mkdir -p", "cd ~/.config/systemd/user", True),
        (
            "然后 `restorecon` 一下",
            "semanage fcontext -a -t httpd_sys_content_t '/web(/.*)?'",
            True,
        ),
        ("先 mkdir -p", "mkdir -p /var/log/journal", False),  # the line's own program
        ("自启 + 立刻启动", "systemctl enable --now httpd", False),
        ("先备份", "cp a.conf a.conf.bak", False),  # no program named
        ("lists databases", "psql -l", False),
    ],
)
def test_a_comment_naming_another_program_is_a_step_not_a_purpose(
    comment: str, cmd: str, another: bool
) -> None:
    assert names_another_step(comment, cmd) is another


NOTES = """# 容器服务笔记

## 用户级 systemd 服务

```bash
podman run -d --name web -v /opt/data:/data:Z registry.example.com/web   # 后台跑一个容器
cd ~/.config/systemd/user   # 先 mkdir -p
podman generate systemd --name web --files --new   # 生成 unit 文件
systemctl --user daemon-reload   # 重新读 unit
systemctl --user enable --now container-web.service   # 开机自启并立刻启动
loginctl enable-linger student   # 用户没登录也能跑
```
"""


def test_a_step_comment_is_not_asked_as_the_commands_purpose() -> None:
    questions: list[BankQuestion] = [q for _, q in generate_document("t.md", NOTES).chosen]
    assert questions, "the commented commands were not asked"
    for q in questions:
        assert "mkdir" not in q.prompt, q.prompt


@pytest.mark.parametrize(
    "comment", ["may need dealloc first", "might take a minute", "should run as root"]
)
def test_a_comment_opening_with_a_modal_is_a_remark_not_a_purpose(comment: str) -> None:
    # "Which command mays need dealloc first?" was asked from the first of these
    assert not purpose(comment)
    assert third_person(comment) is None
