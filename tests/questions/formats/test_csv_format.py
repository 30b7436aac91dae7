"""CSV import: header handling, answer spellings, defaults, and problems at the CSV line."""

from __future__ import annotations

import csv
import io

import pytest

from questions.bank import BankError, BankQuestion
from questions.formats import csv_format

HEADER = "id,topic,kind,prompt,choice1,choice2,choice3,choice4,choice5,answer,explanation,lang\n"


def test_reads_rows_with_defaults_and_both_answer_spellings() -> None:
    text = (
        HEADER
        + "sqs-1,AWS SQS,choice,Which queue is FIFO?,Standard,FIFO,,,,B,Order kept.,en\n"
        + ',,truefalse,"Multi\nline?",True,False,,,,1,,\n'
        + ",,,队列是什么？,甲,乙,丙,,,c,,\n"
    )
    first, second, third = csv_format.parse(text).questions
    assert (first.id, first.topic, first.answer, first.explanation) == (
        "sqs-1",
        "AWS SQS",
        1,
        "Order kept.",
    )
    assert (second.topic, second.kind, second.prompt, second.answer) == (
        "General",
        "truefalse",
        "Multi\nline?",
        0,
    )
    assert second.id.startswith("general-")
    assert (third.lang, third.choices, third.answer) == ("zh", ("甲", "乙", "丙"), 2)


def test_columns_in_any_order_and_case_with_bom_and_semicolons() -> None:
    text = "\ufeffPrompt;Answer;Choice1;Choice2\nQ?;2;a;b\n"
    [q] = csv_format.parse(text).questions
    assert (q.prompt, q.choices, q.answer) == ("Q?", ("a", "b"), 1)


@pytest.mark.parametrize(("value", "index"), [("A", 0), ("e", 4), ("1", 0), ("5", 4), (" 3 ", 2)])
def test_parse_answer(value: str, index: int) -> None:
    assert csv_format.parse_answer(value) == index


@pytest.mark.parametrize("value", ["", "F", "0", "6", "AB", "-1"])
def test_parse_answer_rejects(value: str) -> None:
    assert csv_format.parse_answer(value) is None


def problems(text: str) -> list[tuple[int | None, str]]:
    with pytest.raises(BankError) as err:
        csv_format.parse(text)
    return [(p.line, p.field) for p in err.value.problems]


def test_header_problems() -> None:
    assert problems("prompt,choice1,answr\n") == [(1, "header"), (1, "header"), (1, "header")]


def test_problem_lines_count_multiline_cells() -> None:
    text = HEADER + ',,,"two\nlines",a,b,,,,A,,\n' + ",,,Bad?,a,b,,,,Z,,\n" + ",,,Gap?,a,,c,,,A,,\n"
    assert problems(text) == [(4, "answer"), (5, "choices")]


def test_too_many_cells() -> None:
    assert problems("prompt,choice1,choice2,answer\nQ?,a,b,A,extra\n") == [(2, "row")]


def test_dump_writes_letters_and_pads_choices() -> None:
    [q] = csv_format.parse("prompt,choice1,choice2,answer\nQ?,a,b,2\n").questions
    out = csv_format.dump([q], bank="b")
    assert out.splitlines()[1] == f"{q.id},General,choice,Q?,a,b,,,,B,,en"


# --- spreadsheet formulas -----------------------------------------------------------------

FORMULAS = (
    "=cmd|' /C calc'!A0",
    '=HYPERLINK("http://evil.example","click")',
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "+1+1",
    "-2+3",
    "\tindented",
    "'=already quoted",
)


def test_export_defuses_every_cell_a_spreadsheet_would_run() -> None:
    q = BankQuestion(
        "q-1", "@topic", FORMULAS[0], FORMULAS[1:6], 3, explanation=FORMULAS[6], lang="en"
    )
    text = csv_format.dump([q], bank="b")
    [_, row] = list(csv.reader(io.StringIO(text)))
    cells = dict(zip(csv_format.COLUMNS, row, strict=True))
    assert cells["id"] == "q-1" and cells["topic"] == "'@topic"
    assert cells["prompt"] == "'=cmd|' /C calc'!A0"
    assert [cells[f"choice{i}"] for i in range(1, 6)] == ["'" + f for f in FORMULAS[1:6]]
    assert cells["explanation"] == "''=already quoted"
    assert cells["answer"] == "D"
    for cell in row:  # nothing a spreadsheet would evaluate is left
        assert not cell.startswith(csv_format.FORMULA_START)
    assert csv_format.parse(text).questions == [q]  # and import takes the quotes off again


def test_a_plain_leading_quote_is_kept() -> None:
    [q] = csv_format.parse("prompt,choice1,choice2,answer\n'tis the season?,'a,b,A\n").questions
    assert (q.prompt, q.choices) == ("'tis the season?", ("'a", "b"))
