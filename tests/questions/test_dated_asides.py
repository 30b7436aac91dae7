"""A release number in brackets dates the fact of its sentence ("(stable since 1.27)", "（7.0
起…）", "(curl 7.66+)"): reviews marked such blanks version trivia, so it is neither blanked
nor swapped into a false statement. A release the sentence itself states is the fact, and is
asked."""

from __future__ import annotations

import re

import pytest

from questions.bank import BankQuestion
from questions.generate import generate_document


def chosen(text: str) -> list[BankQuestion]:
    return [q for _, q in generate_document("t.md", text).chosen]


ASIDES = """# Cluster upgrade notes

## Scheduling

- the control-plane taint keeps ordinary pods off those nodes (the old master taint is gone since 1.24)
- `spec.timeZone` sets the zone of a schedule (stable since 1.27); without it the controller's zone is used
- the kubelet may be up to three minors older than the API server (since 1.28), never newer

## Storage

- the cache flushes dirty pages every 30 seconds (tunable since 2.4)
"""

ASIDES_ZH = """# 缓存笔记

## 复制

- 从库不主动删除过期 key，等主库同步 DEL（3.2 起从库读到过期 key 会返回空）
- 重写期间新命令写入重写缓冲区（7.0 起直接写新的增量文件）
"""

STATED = """# 搜索引擎笔记

## 版本变化

- 搜索引擎 7.0 起每个索引只能有一种 mapping 类型
- 搜索引擎 8.0 起默认开启安全功能并自动生成证书
- 搜索引擎 7.10 起可以使用可搜索快照
- 搜索引擎 8.8 起向量检索支持近似 kNN
"""


#: a release number in brackets, as a true/false statement would carry it
BRACKETED_RELEASE = re.compile(r"[(（][^)）]*\d+\.\d+")


@pytest.mark.parametrize("notes", [ASIDES, ASIDES_ZH], ids=["en", "zh"])
def test_a_release_in_brackets_is_neither_blanked_nor_swapped(notes: str) -> None:
    for q in chosen(notes):
        assert not re.fullmatch(r"\d+\.\d+", q.choices[q.answer]), (q.prompt, q.choices)
        if len(q.choices) == 2:  # a true/false statement
            assert not BRACKETED_RELEASE.search(q.prompt), q.prompt


def test_a_release_the_sentence_states_is_asked() -> None:
    keys = {q.choices[q.answer] for q in chosen(STATED) if q.choices}
    assert keys & {"7.0", "8.0", "7.10", "8.8"}, keys


def test_the_rest_of_a_dated_sentence_is_still_asked() -> None:
    keys = {q.choices[q.answer] for q in chosen(ASIDES) if q.choices}
    assert "30 seconds" in keys, keys


@pytest.mark.parametrize(
    "line",
    [
        "Memorise the 5 reserved IPs per subnet, they showed up a lot in practice tests",
        "Remember that the default timeout is 3 seconds before you pick an answer",
        "记住默认端口 6379，面试必问",
    ],
)
def test_a_note_to_study_is_no_number_cloze(line: str) -> None:
    notes = (
        f"# Exam notes\n\n## Tips\n\n- {line}\n- the quota is 50 requests per second per account\n"
    )
    for q in chosen(notes):
        assert not q.prompt.startswith(
            ("Fill in the blank: Memorise", "Fill in the blank: Remember")
        )
        assert "记住" not in q.prompt, q.prompt


def test_a_former_value_and_a_bracketed_example_name_are_not_asked() -> None:
    """GCP notes: "Partitioning: by … ingestion time (`_PARTITIONTIME`), or integer range; max
    partitions per table is limited (was 4,000, now 10,000)" was asked "Partitioning:
    _PARTITIONTIME: … (was ___, now 10,000 …)": the value it no longer is, under a name the
    line only gives as an example."""
    from questions.generate import generate_document

    notes = (
        "# BigQuery\n\n## Numbers & limits to remember\n\n"
        "- Partitioning: by time-unit column (hour/day/month/year), ingestion time "
        "(`_PARTITIONTIME`), or integer range; max partitions per table is limited "
        "(was 4,000, now 10,000 – check current quotas)\n"
        "- Free tier: first 1 TiB of queries per month, 10 GiB storage\n"
    )
    r = generate_document("b.md", notes)
    prompts = [q.prompt for _, q in r.chosen]
    assert not any("was ___" in p for p in prompts), prompts
    assert not any("_PARTITIONTIME:" in p for p in prompts), prompts
