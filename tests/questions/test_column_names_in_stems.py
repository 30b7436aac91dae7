"""Session 40's blind review marked every "Which method matches “who / use case: everyone,
built in”?" broken: the column's header glued to its cell reads as a label pasted into the
quote, and "What do the notes give for userpass under “who / use case”?" talks about the notes
instead of asking. A header that reads as no noun, verb or question names the column in front
of the question instead."""

from __future__ import annotations

from questions.generate import generate_document
from questions.stems import table_forward, table_reverse

NOTES = """# Vault auth

## Auth methods

| method | who / use case | notes |
|---|---|---|
| token | everyone, built in | can't disable |
| userpass | humans in small labs | users live in Vault |
| approle | machines and CI jobs | role_id + secret_id |
| kubernetes | pods in a cluster | service account JWT |
"""


def test_a_column_that_reads_as_no_noun_is_named_in_front() -> None:
    assert table_reverse("method", "who / use case", "everyone, built in", "en") == (
        "For “who / use case”, which method has “everyone, built in”?"
    )
    assert table_forward("userpass", "who / use case", "en") == (
        "For userpass, which of these is listed under “who / use case”?"
    )


def test_no_stem_glues_a_header_to_its_cell_or_speaks_of_the_notes() -> None:
    asked = [q.prompt for _, q in generate_document("vault.md", NOTES).chosen]
    assert any(p.startswith("For “who / use case”, which method has “") for p in asked), asked
    for prompt in asked:
        assert "matches “who" not in prompt and "the notes give" not in prompt, prompt


WIRING = """# Cabling

## T568A vs T568B

| Pin | T568A | T568B |
|---|---|---|
| 1 | white/green | white/orange |
| 2 | green | orange |
| 3 | white/orange | white/green |
| 4 | blue | blue |
| 5 | white/blue | white/blue |
| 6 | orange | green |
| 7 | white/brown | white/brown |
| 8 | brown | brown |
"""

OSPF = """# 网络层

## 4.2 OSPF（链路状态路由）

| 类型 | 名称 | 作用 |
|---|---|---|
| 1 | 问候 Hello | 发现并维持邻居可达性 |
| 2 | 数据库描述 DD | 给出链路状态数据库的摘要 |
| 3 | 链路状态请求 LSR | 请求某些链路状态项目的详细信息 |
| 4 | 链路状态更新 LSU | 用洪泛法更新链路状态 |
"""


def test_a_column_named_by_a_model_name_is_said_in_front() -> None:
    """ "Which T568A has the pin “1”?" (session 40's review, broken); without the name, pin
    1 is T568B's white/orange too."""
    asked = [c.prompt for c in generate_document("wiring.md", WIRING).candidates]
    assert any(p.startswith("In T568A, which of these has the pin “") for p in asked), asked
    assert not any(p.startswith("Which T568") for p in asked), asked


def test_a_protocols_name_over_a_chinese_name_column_is_no_kind() -> None:
    """ "哪个 OSPF 的类型是“2”？" named the protocol where the table lists its packets."""
    asked = [q.prompt for _, q in generate_document("ospf.md", OSPF).chosen]
    assert asked and not any("哪个 OSPF" in p for p in asked), asked
