"""Hedges and asides in notes are not facts: "I think …", "(?)", "TODO check", "好像 …",
"不确定", and asides on the exam ("prob not on the exam", "应该不考") are never asked."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from questions.generate import generate_document
from questions.parse.hedges import unhedge, unhedge_table
from questions.parse.model import TableData

NOTES = Path(__file__).parent / "notes"
#: the notes of this shape: tables with remark columns, hedged lines, asides on the exam
HEDGED = ("ci-pipelines.md", "gcp-zh.md", "queues-mixed.md")
DOUBT_WORDS = re.compile(
    r"(?i)\bI think\b|not sure|\(\?\)|\?\?|TODO|\bprob\b|\bexam\b|好像|不确定|我记得|不考|再确认|查一下"
)


@pytest.mark.parametrize(
    ("line", "read"),
    [
        # the line's own claim is doubted: no fact
        ("I think it has its own 5 min timeout", None),
        ("default job timeout is 60 minutes (I think; TODO check on gitlab.com)", None),
        ("max 50 jobs per stage?? not sure", None),
        ("slow to start (?)", None),
        ("好像第二代是 60 分钟，不确定", None),
        ("提前删除对象也要付满 30 天的费用（我记得是这样）", None),
        ("TODO 再确认", None),
        # an aside, or a doubt about an aside: cut, the claim stays
        ("prob not on the exam", ""),
        ("应该不考", ""),
        ("merged results test the merge with the target – prob not asked",
         "merged results test the merge with the target"),
        ("一个项目最多 100 个服务账号（好像可以申请提高？）", "一个项目最多 100 个服务账号"),
        ("ZooKeeper 以后会被 KRaft 取代，这个应该不考", "ZooKeeper 以后会被 KRaft 取代"),
        ("`gsutil` 是旧命令（不确定考试用哪个）", "`gsutil` 是旧命令"),
        # plain claims, whatever their punctuation or their "可能"
        ("删两次结果一样，第二次可能 404，但服务器状态没变", "删两次结果一样，第二次可能 404，但服务器状态没变"),
        ("the exam is 2 hours long", "the exam is 2 hours long"),
        ("a plain line, with commas; and more", "a plain line, with commas; and more"),
    ],
)  # fmt: skip
def test_a_line_is_read_without_its_hedges(line: str, read: str | None) -> None:
    assert unhedge(line) == read


def test_a_row_whose_cell_only_doubts_it_is_left_out() -> None:
    data = TableData(
        header=("what", "limit", "notes"),
        rows=(
            ("job log size", "4 MB", "older lines are cut"),
            ("cache key length", "255 characters", "TODO check"),
            ("artifacts", "100 MB", "slow to upload (?)"),
            ("pipeline", "60 minutes", "prob not on the exam"),
        ),
        lines=(3, 4, 5, 6),
    )
    out = unhedge_table(data)
    assert [r[0] for r in out.rows] == ["job log size", "artifacts", "pipeline"]
    assert out.lines == (3, 5, 6)
    # a cell that doubts its own claim, or an aside, is emptied: the row's other cells stand
    assert out.rows[1] == ("artifacts", "100 MB", "")
    assert out.rows[2] == ("pipeline", "60 minutes", "")


def test_a_comparison_keeps_its_row_and_loses_only_the_doubted_cell() -> None:
    data = TableData(
        header=("", "Kafka", "RabbitMQ"),
        rows=(("备注", "吞吐量大", "路由灵活（我记得是这样）"), ("模型", "日志", "队列")),
        lines=(3, 4),
    )
    out = unhedge_table(data)
    assert out.rows == (("备注", "吞吐量大", ""), ("模型", "日志", "队列"))


@pytest.mark.parametrize("name", HEDGED)
def test_no_question_asks_a_hedge_or_an_aside(name: str) -> None:
    r = generate_document(name, (NOTES / name).read_text(encoding="utf-8"))
    assert len(r.chosen) >= 8, name
    for _, q in r.chosen:
        text = " ".join((q.prompt, *q.choices))
        assert not DOUBT_WORDS.search(text), (name, text)
    reasons = {n.reason for n in r.doc.noise}
    assert "hedged" in reasons, name  # the summary says what was skipped, and why


def test_the_claim_beside_an_aside_is_still_asked() -> None:
    r = generate_document("gcp-zh.md", (NOTES / "gcp-zh.md").read_text(encoding="utf-8"))
    asked = [q for _, q in r.chosen if "服务账号" in q.prompt]
    assert asked and asked[0].choices[asked[0].answer] == "100"


def test_code_is_read_as_names_not_as_doubts() -> None:
    """`a ?? b` (an operator) and a `TODO` grep pattern are what the notes teach."""
    from questions.parse.markdown import parse_document

    doc = parse_document(
        "# JS\n\n## Operators\n\n"
        "- `a ?? b` returns b only when a is null or undefined\n"
        "- grep for `TODO` markers before a release\n"
        "- maybe `??=` works here too, not sure\n\n"
        "| op | meaning |\n|---|---|\n| `??` | null coalescing |\n| `?.` | optional chaining |\n",
        "js.md",
    )
    items = [b for b in doc.blocks if b.kind == "item"]
    assert [b.noise for b in items] == [None, None, "hedged"]
    assert items[0].text == "a ?? b returns b only when a is null or undefined"
    table = next(b for b in doc.blocks if b.kind == "table")
    assert table.table is not None and table.table.rows[0] == ("??", "null coalescing")
