"""A table whose headers are two systems' names ("ES | MySQL", "AWS | GCP") maps one
system's thing to the other's: a cell is asked as a counterpart ("MySQL 的“Row”对应 ES 的哪一项？",
"What is the AWS counterpart of GCP's “Cloud Storage”?"), never as "哪个 ES 的 MySQL 是…". And
a Chinese table's yes/no column headed in English ("Boot?") names its column, never "是Boot?的"."""

from __future__ import annotations

import pytest

from questions.generate import generate_from_texts
from questions.stems import counterparts, system_name, table_predicate

ZH = """# 搜索笔记

## 概念对照

| ES | MySQL | 备注 |
|---|---|---|
| Index | Table | 一个 index 一个 type |
| Document | Row | JSON 格式 |
| Field | Column | |
| Mapping | Schema | 定了不能改 |
"""

EN = """# Cloud notes

## Service map

| AWS | GCP |
|---|---|
| S3 | Cloud Storage |
| EC2 | Compute Engine |
| Lambda | Cloud Functions |
| DynamoDB | Firestore |
"""


def _prompts(text: str) -> list[str]:
    bank, _ = generate_from_texts([("n.md", text)], "n")
    return [q.prompt for q in bank.questions]


def test_a_chinese_map_asks_the_counterpart() -> None:
    prompts = _prompts(ZH)
    assert any(p.startswith("MySQL 的“") and p.endswith("对应 ES 的哪一项？") for p in prompts), (
        prompts
    )
    assert not any("哪个 ES 的 MySQL" in p for p in prompts), prompts


def test_an_english_map_asks_the_counterpart() -> None:
    prompts = _prompts(EN)
    assert any(p.startswith("What is the AWS counterpart of GCP's “") for p in prompts), prompts
    assert not any("Which AWS" in p for p in prompts), prompts


@pytest.mark.parametrize(
    ("noun", "attr", "mapped"),
    [("ES", "MySQL", True), ("AWS", "GCP", True), ("TCP", "UDP", True),
     ("Service", "Port", False), ("Type", "MySQL", False), ("类型", "IOPS", False)],
)  # fmt: skip
def test_counterparts(noun: str, attr: str, mapped: bool) -> None:
    assert counterparts(noun, attr) is mapped


def test_an_english_yes_no_header_in_chinese_names_its_column() -> None:
    assert table_predicate("类型", "Boot?", "zh", "✅") == "哪个类型在“Boot?”一栏是 ✅？"


def test_a_remark_of_a_system_s_row_asks_for_its_term() -> None:
    """ "以下描述的是哪个 ES？" read "which ES": the rows are ES's terms, asked as such."""
    prompts = _prompts(ZH)
    assert any(p.startswith("以下描述的是 ES 的哪一项？“") for p in prompts), prompts
    assert not any("哪个 ES" in p for p in prompts), prompts


@pytest.mark.parametrize(
    ("header", "named"),
    [("ES", True), ("MySQL", True), ("K8s", True), ("Subcommand", False), ("Type", False),
     ("Docker", False)],
)  # fmt: skip
def test_system_name(header: str, named: bool) -> None:
    assert system_name(header) is named
