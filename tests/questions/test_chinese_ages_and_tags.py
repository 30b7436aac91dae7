"""An age written "18周岁" is an age: it was read as 18 weeks (周) with 岁 left in the stem
("已满___岁" over "16周 / 18周"), and offered 150 beside 75. A Chinese heading's own tag
("民法典【重点】") went inside the label's brackets as "【民法典【重点】】"."""

from __future__ import annotations

from questions.bank import BankQuestion
from questions.generate import generate_document
from questions.quantities import parse_number

NOTES = """# 法律常识

## 刑法【重点】★

- 已满16周岁：完全负刑事责任
- 已满75周岁：故意犯罪可以从轻或减轻处罚
- 不满14周岁：不负刑事责任
- 已满12周岁不满14周岁：特定严重犯罪，经最高检核准，应负刑事责任

## 民法典【重点中的重点】

- 不满8周岁 → 无民事行为能力人
- 普通诉讼时效：3年
- 最长保护期：20年
- 定金不得超过主合同标的额的20%
"""


def _asked() -> list[BankQuestion]:
    return [q for _, q in generate_document("law.md", NOTES).chosen]


def test_an_age_is_one_number_in_years_of_age() -> None:
    n = parse_number("18周岁")
    assert n is not None and n.value == 18 and n.unit == "age"
    ages = [q for q in _asked() if any(c.endswith("周岁") for c in q.choices)]
    assert ages
    for q in ages:
        assert "岁" not in q.prompt.replace("周岁", "")
        assert all(c.endswith("周岁") and 0 < int(c[:-2]) <= 100 for c in q.choices), q.choices


def test_a_heading_tag_stays_out_of_the_label() -> None:
    for q in _asked():
        assert "【重点" not in q.prompt and "★" not in q.prompt, q.prompt
