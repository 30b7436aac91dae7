"""A name one letter from the key ("sc1" beside "st1", "io1" beside "io2") or three words alike
but the last ("Volume Gateway Stored" / "… Cached") is the option a reader confuses the key
with: when a later question of a repeated option set is offered other members, its twin
stays. And a Chinese generic header ("类型") under an English heading ("Volume types") names
the heading's kind once: "哪个 Volume type …", never "Volume type 类型"."""

from __future__ import annotations

import pytest

from questions.generate import generate_from_texts
from questions.nouns import key_noun
from questions.option_sets import twins


@pytest.mark.parametrize(
    ("a", "b", "twin"),
    [("st1", "sc1", True), ("io1", "io2", True), ("gp2", "gp3", True),
     ("Volume Gateway Stored", "Volume Gateway Cached", True),
     ("docker save", "docker tag", False),  # a CLI's commands: all alike but the last word
     ("201", "204", False), ("5m", "4m", False),  # numbers have their own rules
     ("io2", "io2", False), ("st1", "gp3", False), ("RAID", "RAIN", True)],
)  # fmt: skip
def test_twins(a: str, b: str, twin: bool) -> None:
    assert twins(a, b) is twin


def test_a_chinese_generic_header_under_an_english_heading() -> None:
    assert key_noun("类型", "Volume types") == "Volume type"
    assert key_noun("Mode", "Link modes") == "Link mode"


NOTES = """# EBS notes

## Volume types

| 类型 | 介质 | 场景 |
|---|---|---|
| gp3 | SSD | 默认选它，IOPS 独立于容量 |
| gp2 | SSD | IOPS 跟容量绑定 |
| io2 | SSD | 关键数据库，99.999% durability |
| st1 | HDD | 大数据、日志、顺序读写 |
| sc1 | HDD | 最便宜的冷数据 |
"""


def test_no_stem_says_a_kind_twice() -> None:
    bank, _ = generate_from_texts([("ebs.md", NOTES)], "ebs")
    prompts = [q.prompt for q in bank.questions]
    assert any("哪个 Volume type 适用于" in p for p in prompts), prompts
    assert not any("类型 适用于" in p or "type 类型" in p for p in prompts), prompts
