"""A cheat sheet's "`expression` → value" lines ("`-7 // 2` → **-4**", "`'5' + 2` → `'52'`",
"`JSON.parse('{bad')` → SyntaxError") are asked as "what does it give?", the other results of
the notes of the same form as the options: another exception, another slice, the nearest
numbers. A command described after an arrow, or a value that is itself code to run, is no
result."""

from __future__ import annotations

import pytest

from questions.facts.results import result_form, results
from questions.generate import generate_from_texts
from questions.parse import parse_document

NOTES = """# JavaScript 面试笔记

## 类型转换

- `'5' - 2` → 3，`'5' + 2` → `'52'`（字符串拼接）
- `'b' + 'a' + +'a'` → `'baNaN'`
- `[] + []` → `''`，`String([1, 2])` → `'1,2'`
- `parseInt('08')` → 8，`Math.max()` → -Infinity 记住
- `Math.round(-2.5)` → -2，`Math.round(2.5)` → 3

## 数组

- `[3, 1, 10].sort()` → `[1, 10, 3]`（默认按字符串排序！）
- `[1, 2, 3].slice(1)` → `[2, 3]`
- `[1, 2, 3].map(x => x * 2)` → `[2, 4, 6]`
- `[1, 2, 3].indexOf(4)` → -1

## 报错

- `JSON.parse('{bad')` → SyntaxError
- `null.toString()` → TypeError
- `undefinedVar + 1` → ReferenceError
- `new Array(-1)` → RangeError

## 工具

- `kubectl get pods -o wide` → 多显示 node 和 IP
- `npm ci` → 按 lock 文件装，比 `npm install` 快
"""


def _bank() -> dict[str, tuple[str, list[str]]]:
    bank, _ = generate_from_texts([("js.md", NOTES)], "js")
    return {q.prompt: (q.choices[q.answer], q.choices) for q in bank.questions}


def test_a_result_is_asked_among_results_of_its_form() -> None:
    asked = _bank()
    sort = asked.get("[3, 1, 10].sort() 的结果是？")
    assert sort is not None, list(asked)
    key, options = sort
    assert key == "[1, 10, 3]"
    assert len(options) >= 3 and all(o.startswith("[") for o in options), options
    error = asked.get("JSON.parse('{bad') 的结果是？")
    assert error is not None, list(asked)
    assert error[0] == "SyntaxError"
    assert all(o.endswith("Error") for o in error[1]) and len(error[1]) == 4, error[1]


def test_an_integer_result_meets_its_neighbours_and_its_opposite() -> None:
    asked = _bank()
    key, options = asked["Math.round(-2.5) 的结果是？"]
    assert key == "-2"
    assert "2" in options and "-3" in options, options


def test_no_cloze_or_description_is_read_off_a_result_line() -> None:
    asked = _bank()
    assert not any("___" in p and "sort()" in p for p in asked), list(asked)
    assert not any("按字符串排序" in p for p in asked), list(asked)


def test_a_command_described_after_an_arrow_is_no_result() -> None:
    asked = _bank()
    assert not any("kubectl" in p and "结果" in p for p in asked), list(asked)
    assert not any("npm ci 的结果" in p for p in asked), list(asked)


@pytest.mark.parametrize(
    ("line", "pairs"),
    [
        ("- `7 // 2` → 3, `-7 // 2` → **-4**", [("7 // 2", "3"), ("-7 // 2", "-4")]),
        ("- `L[1:3]` → `[20, 30]` (stop excluded)", [("L[1:3]", "[20, 30]")]),
        (
            "- `int('3.5')` → **ValueError**; `int(3.9)` → 3",
            [("int('3.5')", "ValueError"), ("int(3.9)", "3")],
        ),
        ("- `range(2, 10, 3)` → 2, 5, 8", []),  # a run of values, not one
        ("- `~> 1.2` → `>= 1.2, < 2.0`", []),  # a constraint spelled out, no expression
        ("- `git status -s` → short output", []),  # a command described
        ("- `a` → `b + 1`", []),  # rewritten into code to run, no value
        ("- `0.1 + 0.2 == 0.3` → False", [("0.1 + 0.2 == 0.3", "False")]),  # asked as a pair
    ],
)
def test_pairs_read_off_a_line(line: str, pairs: list[tuple[str, str]]) -> None:
    doc = parse_document(f"# N\n\n## S\n\n{line}\n", "n.md")
    found = [(r.expression, r.value) for b in doc.content for r in results(b)]
    assert found == pairs


def test_the_words_after_a_pair_stop_at_the_next_pair_or_clause() -> None:
    doc = parse_document(
        "# N\n\n## S\n\n- `~5` → -6 (~x == -x-1); `1 + 2` = 3, `-2 ** 2` → -4\n", "n.md"
    )
    said = [r.said for b in doc.content for r in results(b)]
    assert said == ["~5 → -6 (~x == -x-1)", "-2 ** 2 → -4"]


def test_a_name_given_in_the_heading_is_given_in_the_stem() -> None:
    notes = "# N\n\n## slicing — `L = [10, 20, 30, 40, 50]`\n\n" + "\n".join(
        f"- `{e}` → `{v}`"
        for e, v in [("L[1:3]", "[20, 30]"), ("L[:2]", "[10, 20]"), ("L[-2:]", "[40, 50]"),
                     ("L[::2]", "[10, 30, 50]")]
    )  # fmt: skip
    bank, _ = generate_from_texts([("s.md", notes)], "s")
    prompts = [q.prompt for q in bank.questions]
    assert "Given L = [10, 20, 30, 40, 50], what is the result of L[1:3]?" in prompts, prompts


@pytest.mark.parametrize(
    ("value", "form"),
    [("3", "int"), ("-4", "int"), ("3.0", "float"), ("ValueError", "exception"),
     ("'bc'", "string"), ("[1, 2]", "list"), ("(1,)", "tuple"), ("{}", "braces"), ("0..4", "range")],
)  # fmt: skip
def test_result_form(value: str, form: str) -> None:
    assert result_form(value) == form


STRINGS = """# Python strings

## Slicing

- `'python'[-3:]` → `'hon'`
- `'python'[::-1]` → `'nohtyp'`
- `'python'[:2]` → `'py'`
- `'abc'[1:99]` → `'bc'`
- `'x' * 3` → `'xxx'`
- str is immutable → `s[0] = 'X'` → TypeError
- `int('3.5')` → ValueError, `[][0]` → IndexError, `{}['k']` → KeyError
"""


def test_a_string_result_meets_strings_made_of_its_own_letters() -> None:
    """'hon' of 'python'[-3:] beside 'bc' or 'xxx' is the key by sight."""
    bank, _ = generate_from_texts([("s.md", STRINGS)], "s")
    for q in bank.questions:
        if "'python'" in q.prompt:
            for option in q.choices:
                assert set(option.strip("'")) <= set("python"), (q.prompt, q.choices)


def test_an_expression_of_a_name_nothing_gives_is_not_asked() -> None:
    """`s[0] = 'X'` gives TypeError for a str and IndexError for an empty list: `s` unsaid."""
    bank, _ = generate_from_texts([("s.md", STRINGS)], "s")
    assert not any("s[0]" in q.prompt for q in bank.questions), [q.prompt for q in bank.questions]


JAVA = """# Java quick evals

## arithmetic

- `1 / 0` → ArithmeticException
- `0.0 / 0` → `NaN`, `1.0 / 0` → `Infinity`
- `Map.of("a",1,"a",2)` → IllegalArgumentException
- `LocalDate.of(2023, 13, 1)` → DateTimeException
- `true ? 1 : 2.0` → `1.0` (ternary promotes!)
- `Period.ofYears(1).ofMonths(2)` → `P2M`
"""


def test_a_named_value_meets_exceptions_and_arithmetic_meets_named_values() -> None:
    """0.0 / 0 is NaN and 1 / 0 throws: each is the other's trap; `Map.of` throws, and NaN
    or P2M is no answer anyone would give it."""
    bank, _ = generate_from_texts([("j.md", JAVA)], "j")
    asked = {q.prompt: q.choices for q in bank.questions}
    nan = asked.get("What is the result of 0.0 / 0?")
    assert nan is not None and "P2M" not in nan and "ArithmeticException" in nan, asked
    throws = asked.get("What is the result of 1 / 0?")
    assert throws is not None and "NaN" in throws, asked
    assert not any("Map.of" in p and ("NaN" in c or "Infinity" in c) for p, c in asked.items())


def test_a_pair_too_lone_to_ask_defines_nothing() -> None:
    """`true ? 1 : 2.0` → `1.0`, the notes' one float: no result question, and no "Which of
    these is described here: “1.0”?" either."""
    bank, _ = generate_from_texts([("j.md", JAVA)], "j")
    assert not any("“1.0”" in q.prompt for q in bank.questions), [q.prompt for q in bank.questions]
    doc = parse_document(JAVA, "j.md")
    found = [r.expression for b in doc.content for r in results(b)]
    assert "true ? 1 : 2.0" in found, found


BOOLEANS = """# Java

## caches

- `Integer.valueOf(127) == Integer.valueOf(127)` → true (cache is -128..127)
- `Integer.valueOf(128) == Integer.valueOf(128)` → false (default cache size)
- `1 / 0` → ArithmeticException
- `Math.round(-2.5)` → -2
"""


def test_a_truth_value_is_asked_between_the_two() -> None:
    """Read as a description, "true (cache is -128..127)" stood beside "-2" and
    ArithmeticException's lines: a true/false result is asked between true and false."""
    bank, _ = generate_from_texts([("b.md", BOOLEANS)], "b")
    asked = {q.prompt: q for q in bank.questions}
    # (the two lines are one pair of mirrored questions: one of them is asked)
    pair = [q for p, q in asked.items() if p.startswith("What is the result of Integer.valueOf(")]
    assert len(pair) == 1, list(asked)
    q = pair[0]
    key = "true" if "127" in q.prompt else "false"
    assert sorted(q.choices) == ["false", "true"] and q.choices[q.answer] == key
    assert not any(p.startswith("Which description fits Integer") for p in asked), list(asked)
