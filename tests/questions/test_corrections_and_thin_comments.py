"""Two habits of command-heavy notes: a struck value followed by its replacement ("~~2~~ **3**")
is a correction, read without the struck words; and a comment of one word, or one on how a line
is written or when to type it ("# test", "# long syntax", "# first thing in exam"), says no use
that tells a command of its block from the others."""

from __future__ import annotations

import pytest

from questions.facts.commands import purpose
from questions.facts.extract import extract
from questions.generate import generate_from_texts
from questions.parse.markdown import parse_document


def _item(line: str) -> str:
    doc = parse_document(f"## T\\n\\n- {line}\\n".replace("\\n", "\n"), "x.md")
    return next(b.inline.text for b in doc.blocks if b.kind == "item")


@pytest.mark.parametrize(
    ("line", "read"),
    [
        ("kubelet up to ~~2~~ **3** minors older", "kubelet up to 3 minors older"),
        ("taint ~~`node-role/master`~~ `node-role/control-plane` since 1.25",
         "taint node-role/control-plane since 1.25"),
        ("~~dockershim still there in 1.24~~ removed in **1.24**", "removed in 1.24"),
        ("~~PortFast on trunks~~ PortFast = edge ports only", "PortFast = edge ports only"),
        # a struck name the line goes on about is its subject
        ("~~`tcp_tw_recycle`~~ 在 NAT 下会丢包", "tcp_tw_recycle 在 NAT 下会丢包"),
        ("~~old~~ value kept", "old value kept"),
    ],
)  # fmt: skip
def test_a_correction_is_read_without_what_it_struck(line: str, read: str) -> None:
    assert _item(line) == read


@pytest.mark.parametrize(
    ("comment", "use"),
    [
        ("test", False), ("deployment", False), ("yes/no", False), ("long syntax", False),
        ("first thing in exam", False), ("selector = app=db (!)", False), ("list pods", True),
        ("检查配置文件语法", True),
        ("roll back to the previous revision", True),
        # where to type it, a guess at a cause, an aside (CKA troubleshooting review)
        ("run from CP", False), ("runs on each node", False), ("often just stopped/disabled", False),
        ("a default-deny may be blocking traffic", False), ("(default) marker", False),
        ("shows target versions", True), ("upgrades local kubelet config", True),
        ("按名称（LPIC 会考这个）", False), ("⚠️ 忘了这步 SELinux 上下文错", False),
        ("按名称杀进程", True), ("列出所有信号", True),
    ],
)  # fmt: skip
def test_a_thin_comment_is_no_purpose(comment: str, use: bool) -> None:
    assert purpose(comment) is use


NOTES = """# CKA notes

## Imperative

```sh
alias k=kubectl                                   # first thing in exam
k run tmp --image=busybox --rm -it -- wget -qO- web   # test
k create deploy web --image=nginx:1.25 --replicas=3   # deployment
k expose deploy web --port=80 --target-port=8080      # service in front of the pods
k scale deploy web --replicas=5                       # more pods, same spec
```

## Upgrades

- skew: kubelet up to ~~2~~ **3** minors older than apiserver, never newer
"""


def test_generated_questions_skip_thin_comments_and_struck_values() -> None:
    bank, _ = generate_from_texts([("cka.md", NOTES)], "cka")
    shown = [q.prompt + " | ".join(q.choices) for q in bank.questions]
    assert shown
    for s in shown:
        assert "“test”" not in s and "“deployment”" not in s and "exam" not in s, s
        assert "2 3" not in s, s


def test_a_comment_on_another_flag_is_no_purpose() -> None:
    """ "lvcreate -n lvweb -L 500M vgdata   # -l 100%FREE 用剩余全部 PE": the comment tells how
    another flag is used; asked "哪条命令用于“-l 100%FREE …”？", the key does not do it."""
    notes = (
        "# LVM\n\n## 存储\n\n```bash\npvcreate /dev/sdb1                 # 初始化物理卷\n"
        "vgcreate vgdata /dev/sdb1          # 创建卷组\n"
        "lvcreate -n lvweb -L 500M vgdata   # -l 100%FREE 用剩余全部 PE\n"
        "mkfs.xfs /dev/vgdata/lvweb         # 格式化\n```\n"
    )
    facts = extract(parse_document(notes, "l.md"))
    purposes = {f.subject for f in facts if f.kind == "command"}
    assert "创建卷组" in purposes, purposes
    assert not any("100%FREE" in p for p in purposes), purposes
