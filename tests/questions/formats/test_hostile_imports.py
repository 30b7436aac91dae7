"""Every import format reads through the same intake: one decoding step, control characters
refused with their line, and each format's own hostile shapes (deep JSON, giant CSV cells,
numbers Python will not convert) reported as problems, never raised as crashes."""

from __future__ import annotations

import pytest

from questions.bank import BankError
from questions.formats import FORMATS, read_import

GOOD = {
    "yaml": "bank: b\nquestions:\n  - {id: q, topic: T, prompt: 'P?', choices: [a, b], answer: 0}\n",
    "gift": "P?{=a ~b}\n",
    "aiken": "P?\nA. a\nB. b\nANSWER: A\n",
    "csv": "prompt,choice1,choice2,answer\nP?,a,b,A\n",
    "opentdb": '{"response_code": 0, "results": [{"type": "multiple", "category": "T",'
    ' "question": "P?", "correct_answer": "a", "incorrect_answers": ["b"]}]}\n',
}


def refused(data: bytes | str, fmt: str, name: str = "hostile") -> list[str]:
    with pytest.raises(BankError) as err:
        read_import(data, fmt, name=name)
    return [str(p) for p in err.value.problems]


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_the_good_file_of_each_format_reads(fmt: str) -> None:
    assert [q.prompt for q in read_import(GOOD[fmt].encode(), fmt).questions] == ["P?"]


@pytest.mark.parametrize("fmt", sorted(FORMATS))
@pytest.mark.parametrize("char", ["\x00", "\x1b", "\x7f", "\x9b"])
def test_a_control_character_is_refused_at_its_line_in_every_format(fmt: str, char: str) -> None:
    text = "\n" + GOOD[fmt].replace("P?", f"P{char}?")
    line = text[: text.index(char)].count("\n") + 1
    assert refused(text.encode(), fmt) == [
        f"line {line}: file: holds the control character U+{ord(char):04X}"
        + {0: " (NUL)", 0x1B: " (ESC)", 0x7F: " (DEL)"}.get(ord(char), "")
    ]


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_invalid_utf8_is_named_once_for_every_format(fmt: str) -> None:
    data = GOOD[fmt].encode().replace(b"P?", b"P\xff?")
    [problem] = refused(data, fmt, name=f"bank.{fmt}")
    assert f"bank.{fmt} is not UTF-8 text (byte" in problem and "save it as UTF-8" in problem


def test_pasted_text_goes_through_the_same_checks() -> None:
    assert refused("P\x00?{=a ~b}", "gift") == [
        "line 1: file: holds the control character U+0000 (NUL)"
    ]


@pytest.mark.parametrize("escape", ["\\u0000", "\\ud800", "\\u001b"])
def test_json_escapes_of_control_characters_are_problems_of_their_field(escape: str) -> None:
    text = GOOD["opentdb"].replace('"P?"', f'"P{escape}?"')
    [problem] = refused(text, "opentdb")
    assert (
        problem.startswith("line 1, question ") and "prompt: holds the control character" in problem
    )


def test_deep_json_is_refused_without_a_recursion_error() -> None:
    for depth in (50, 100_000):
        text = '{"results": ' + "[" * depth + "]" * depth + "}"
        assert refused(text, "opentdb", "deep.json") == [
            "json: deep.json nests deeper than 20 levels"
        ]


def test_a_json_number_python_will_not_convert_is_a_problem() -> None:
    text = '{"response_code": ' + "9" * 5000 + ', "results": []}'
    assert refused(text, "opentdb", "n.json") == ["json: n.json holds a number too long to read"]


def test_a_csv_cell_bigger_than_the_csv_module_reads_is_a_problem_at_its_row() -> None:
    text = GOOD["csv"] + "Q?," + "x" * 200_000 + ",b,A\n"
    assert refused(text, "csv") == [
        "line 3: row: cannot be read as CSV: field larger than field limit (131072)"
    ]


def test_aiken_and_gift_lines_are_the_files_lines_even_with_unicode_line_separators() -> None:
    text = "P\u2028Q?\nA. a\nB. b\nANSWER: C\n"
    assert refused(text, "aiken") == [
        "line 4, question #1: answer: ANSWER 'C' is not one of the options (A, B)"
    ]
