"""A list of ways written "X → what it does", some names marked and some plain ("不传 → 每次
渲染后都执行" beside "`[]` → 只在 mount 后执行 1 次" and "`[a, b]` → …"): each item is one
member of the set, the others its like options. The plain item had been no definition at all,
so the marked two were left without kin and never asked. A list whose other lines are no
such definitions keeps its plain arrows as what they are (a flow, a step)."""

from __future__ import annotations

from questions.facts.extract import extract
from questions.generate import generate_document
from questions.parse.markdown import parse_document

NOTES = """# Git 笔记

## reset

- git reset 的几种模式
  - `--soft` → 只移动 HEAD，暂存区和工作区都不动
  - `--mixed` → 移动 HEAD 并重置暂存区，工作区保留改动
  - 不写参数 → 等同于 `--mixed`，最常用
  - `--hard` → HEAD、暂存区、工作区全部重置，未提交的改动直接丢失

## 流程

- `git fetch` 拉取远端提交
- 本地分支 → 先 rebase 再 push
- 冲突时先看 `git status`
"""


def _facts() -> dict[str, tuple[str, tuple[str, ...]]]:
    facts = extract(parse_document(NOTES, "t.md"))
    return {f.subject: (f.role, f.siblings) for f in facts if f.kind == "definition"}


def test_a_plain_item_of_a_list_of_ways_is_a_member() -> None:
    found = _facts()
    role, siblings = found["不写参数"]
    assert role == "member"
    assert set(siblings) == {"--soft", "--mixed", "--hard"}
    assert "不写参数" in found["--hard"][1]


def test_a_plain_arrow_among_other_lines_is_no_definition() -> None:
    assert "本地分支" not in _facts()


def test_the_members_are_asked_among_each_other() -> None:
    chosen = [q for _, q in generate_document("t.md", NOTES).chosen if q.choices]
    asked = [q for q in chosen if q.choices[q.answer] in ("--soft", "--hard", "--mixed")]
    assert asked, [q.prompt for q in chosen]
    for q in asked:
        assert len(q.choices) >= 3, q.choices
