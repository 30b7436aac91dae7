"""A Chinese lead-in that ends by pointing at the list below it ("规则记住这几条：", "注意以下几点：")
is a sentence to the reader, not the kind of its items: a stem never asks "哪个规则记住这"."""

from __future__ import annotations

import pytest

from questions.generate import generate_from_texts
from questions.nouns import category

NOTES = """# 搜索引擎笔记

## 分片

规则记住这几条：
1. **primary shard** 数量创建 index 时定死，之后不能直接改
2. **replica** 永远不会和自己的 primary 分配在同一个节点上
3. **routing** 默认按 _id 算 hash，决定文档落在哪个 shard
"""


def test_no_stem_names_a_pointing_lead_in_as_a_kind() -> None:
    bank, _ = generate_from_texts([("shards.md", NOTES)], "shards")
    prompts = [q.prompt for q in bank.questions]
    assert prompts, "the three rules are asked"
    assert not any("记住" in p for p in prompts), prompts


@pytest.mark.parametrize(
    ("lead", "noun"),
    [
        ("规则记住这几条", None),
        ("注意以下几点", None),
        ("记住下面这些", None),
        ("常用命令", None),
        ("查询类型", "查询类型"),
        ("集群健康", "集群健康"),
    ],
)
def test_category_of_a_chinese_lead_in(lead: str, noun: str | None) -> None:
    assert category(lead) == noun
