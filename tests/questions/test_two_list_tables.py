"""A table of two lists set side by side ("| Pros | Cons |", "| 共享 | 各自擁有 |" in a
Taiwanese student's OS notes, session 38): a row's two cells are no pair, so "Which pro has
the cons “vendor lock-in”?" and "哪個共享的各自擁有是“stack”？" asked nonsense."""

from __future__ import annotations

import pytest

from questions.generate import generate_document
from questions.parse.markdown import parse_document
from questions.tables import aspect_rows, two_lists

NOTES = """# DB notes

## Serverless databases

| Pros | Cons |
|---|---|
| no servers to patch | cold starts after idle |
| pay per request | harder to predict monthly cost |
| scales to zero | vendor lock-in |
| automatic backups | limited extensions |

## Threads

| ✅ Shared | ❌ Per thread |
|---|---|
| code section | thread ID |
| data section | program counter |
| open files | register set |
| heap | stack |

## 索引

| 优点 | 缺点 |
|---|---|
| 查询快 | 写入变慢 |
| 排序不用额外内存 | 占用磁盘空间 |
| 唯一约束靠它实现 | 维护有成本 |

## Ports

| Service | Port |
|---|---|
| PostgreSQL | 5432 |
| MySQL | 3306 |
| Redis | 6379 |
| MongoDB | 27017 |
"""


@pytest.mark.parametrize(
    ("left", "right"),
    [("Pros", "Cons"), ("**Do**", "**Don't**"), ("✅ Shared", "❌ Per thread"),
     ("优点", "缺点"), ("共享", "各自拥有"), ("Encrypted", "Not encrypted")],
)  # fmt: skip
def test_two_sides_of_one_thing(left: str, right: str) -> None:
    assert two_lists(left, right) and two_lists(right, left)


@pytest.mark.parametrize(
    ("left", "right"), [("Service", "Port"), ("Insecure", "Secure replacement"), ("Term", "Do")]
)
def test_a_name_and_its_value(left: str, right: str) -> None:
    assert not two_lists(left, right)


def test_no_row_of_two_lists_is_asked_as_a_pair() -> None:
    asked = [q for _, q in generate_document("db.md", NOTES).chosen]
    for q in asked:
        text = " ".join([q.prompt, *q.choices])
        for cell in ("vendor lock-in", "scales to zero", "thread ID", "heap", "写入变慢", "查询快"):
            assert cell not in text, text
    assert any(q.choices and q.choices[q.answer] in ("5432", "PostgreSQL") for q in asked) or any(
        "Redis" in q.prompt or "6379" in q.prompt for q in asked
    ), [q.prompt for q in asked]


UNHEADED = """# Greek letters

## Letters

| Name | |
|---|---|
| alpha | the first letter |
| beta | the second letter |
| gamma | the third letter |
| delta | the fourth letter |
"""


def test_an_unheaded_column_is_no_empty_label() -> None:
    # (a source-file reader's table with an empty header cell, session 38: "Which name
    # matches “: second letter”?", and an IndexError in the stem writer before that)
    asked = [q for _, q in generate_document("greek.md", UNHEADED).chosen]
    assert asked
    for q in asked:
        assert "“:" not in q.prompt and ": the" not in q.prompt, q.prompt


LAST_UNHEADED = """# CKA

## Storage

| mode | short | |
|---|---|---|
| ReadWriteOnce | RWO | rw by one **node** (multiple pods on it ok) |
| ReadOnlyMany | ROX | ro, many nodes |
| ReadWriteMany | RWX | rw, many nodes (NFS, CephFS) |
| ReadWriteOncePod | RWOP | rw by one **pod**, GA 1.29 |
"""


def test_a_last_unheaded_column_is_asked_without_its_header() -> None:
    # (a Joplin note's "| mode | short | |", session 39: an IndexError in the stem writer
    # stopped the whole bank)
    asked = [q for _, q in generate_document("cka.md", LAST_UNHEADED).chosen]
    assert asked
    for q in asked:
        assert "under “”" not in q.prompt and "of  " not in q.prompt, q.prompt


GROUPED_BY_ASPECT = """# MySQL

## 索引分类

| 维度 | 类型 | 说明 |
| --- | --- | --- |
| 数据结构 | B+Tree | InnoDB 和 MyISAM 的默认索引结构 |
|  | Hash | Memory 引擎显式支持，InnoDB 只有自适应哈希 |
|  | Full-text | 倒排索引，用 MATCH AGAINST 查询 |
|  | R-Tree | 空间索引，关键字 SPATIAL |
| 物理存储 | 聚簇索引 | 叶子节点存整行数据，一张表只能有一个 |
|  | 二级索引 | 叶子节点存索引列和主键值，查其他列要回表 |
| 字段个数 | 联合索引 | 多个列组成，遵循最左前缀原则 |
"""


def test_an_aspect_column_written_over_many_rows_groups_them() -> None:
    # (a Yuque export's merged "维度" cells, session 39: the rows were read as aspects and
    # "类型" and "说明" as the things compared: "关于类型和说明的数据结构…，哪一项说法正确？")
    doc = parse_document(GROUPED_BY_ASPECT, "mysql.md")
    table = next(b.table for b in doc.blocks if b.table is not None)
    assert not aspect_rows(table.header, table.rows)
    comparison = (
        ("对比项", "InnoDB", "MyISAM"),
        (("事务", "支持", "不支持"), ("锁", "行锁", "表锁")),
    )
    assert aspect_rows(*comparison)
    asked = [q for _, q in generate_document("mysql.md", GROUPED_BY_ASPECT).chosen]
    assert asked
    for q in asked:
        assert "关于类型和说明" not in q.prompt, q.prompt
