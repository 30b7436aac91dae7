"""A table's total row ("TOTAL | 100% | 90") adds up the rows above it: it names no thing, so
it is neither asked nor offered as another row's option."""

from __future__ import annotations

import pytest

from questions.generate import generate_document
from questions.parse.model import TableData
from questions.tables import analyse, is_total

NOTES = """# Homelab storage

## Disk budget

| Pool | Share | Drives |
|---|---|---|
| tank-media | 45% | 6 |
| tank-backup | 30% | 4 |
| scratch-ssd | 15% | 2 |
| boot-mirror | 10% | 2 |
| {total} | 100% | 14 |
"""


@pytest.mark.parametrize("total", ["TOTAL", "Total", "**Grand total**", "Sum", "合计"])
def test_a_total_row_is_no_row_of_the_table(total: str) -> None:
    data = TableData(
        header=("Pool", "Share", "Drives"),
        rows=(("tank-media", "45%", "6"), ("scratch-ssd", "55%", "8"), (total, "100%", "14")),
        lines=(3, 4, 5),
    )
    table = analyse(data)
    assert table is not None
    assert table.keys == ("tank-media", "scratch-ssd")
    assert table.lines == (3, 4)


@pytest.mark.parametrize("total", ["TOTAL", "Total"])
def test_no_question_asks_or_offers_the_total(total: str) -> None:
    result = generate_document("budget.md", NOTES.format(total=total))
    asked = [q for _, q in result.chosen if q.choices]
    assert any("tank-media" in q.choices for q in asked), [q.prompt for q in asked]
    for q in asked:
        assert total not in q.choices, (q.prompt, q.choices)
        assert "100%" not in q.prompt, q.prompt


@pytest.mark.parametrize("name", ["totally-free", "Subtotal rules", "summary", "Total Recall"])
def test_a_name_that_only_starts_like_a_total_is_a_row(name: str) -> None:
    assert not is_total(name)


@pytest.mark.parametrize("mine", ["My confidence", "my notes", "Confidence", "掌握程度"])
def test_a_column_of_the_writers_own_marks_is_never_asked(mine: str) -> None:
    text = NOTES.format(total="TOTAL").replace(
        "| Pool | Share | Drives |", f"| Pool | Share | Drives | {mine} |"
    )
    text = text.replace("|---|---|---|", "|---|---|---|---|")
    for row, mark in (("tank-media", "high"), ("tank-backup", "low"), ("scratch-ssd", "med"),
                      ("boot-mirror", "high"), ("TOTAL", "")):  # fmt: skip
        text = text.replace(f"| {row} |", f"| {row} |", 1)
        line = next(line for line in text.split("\n") if line.startswith(f"| {row} |"))
        text = text.replace(line, f"{line} {mark} |")
    asked = [q for _, q in generate_document("budget.md", text).chosen if q.choices]
    assert asked
    for q in asked:
        assert mine.lower() not in q.prompt.lower(), q.prompt
        assert not {"high", "low", "med"} & set(q.choices), q.choices
