"""Hostile bank files are refused in bounded time and memory, naming the line and the reason:
alias bombs (as a value and as a mapping key), tags, merge keys, deep nesting, control
characters, bad encodings, oversize files and too many questions."""

from __future__ import annotations

import tracemalloc

import pytest

from questions import intake, safe_yaml
from questions.bank import BankError, Problem, parse_bank
from questions.intake import MAX_DEPTH, MAX_FILE_BYTES, MAX_QUESTIONS, decode
from questions.safe_yaml import MAX_NODES

Q = "  - {id: q1, topic: T, prompt: 'Which?', choices: [a, b], answer: 0}\n"


def laughs(levels: int = 9) -> str:
    """The billion-laughs alias graph: 9 levels of 9 aliases each, 9**9 leaves."""
    out = ['l0: &l0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, levels):
        out.append(f"l{i}: &l{i} [" + ",".join([f"*l{i - 1}"] * 9) + "]")
    return "\n".join(out) + "\n"


def problems_of(text: str) -> list[str]:
    with pytest.raises(BankError) as err:
        parse_bank(text, "hostile.yaml")
    return [str(p) for p in err.value.problems]


def bounded(text: str) -> list[str]:
    """The problems, checking that reading the file took little memory (tracemalloc's peak)."""
    tracemalloc.start()
    try:
        found = problems_of(text)
    finally:
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    assert peak < 50 * 1024 * 1024
    return found


def test_an_alias_bomb_used_as_a_mapping_key_is_refused_at_once() -> None:
    text = "bank: b\n" + laughs() + "questions:\n  - {*l8 : 1}\n"
    assert len(text) < 600
    [problem] = bounded(text)
    assert (
        problem == "line 2: yaml: hostile.yaml is not valid YAML: anchors (&name) are not allowed"
    )


def test_an_alias_bomb_as_a_value_is_refused() -> None:
    text = "bank: b\nquestions:\n" + Q + "  - prompt: *x\n"
    [problem] = bounded(text)
    assert "line 4" in problem and "aliases (*name) are not allowed" in problem


def test_a_merge_key_needs_an_alias_and_is_refused() -> None:
    text = "bank: b\nbase: &base {topic: T}\nquestions:\n  - {<<: *base, id: q}\n"
    assert "anchors (&name) are not allowed" in bounded(text)[0]


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("!!python/object/apply:os.system ['true']", "!!python/object/apply:os.system"),
        ("!!python/name:os.system ''", "!!python/name:os.system"),
        ("!custom x", "!custom"),
        ("!!binary aGVsbG8=", "!!binary"),
        ("!!timestamp 2024-01-01", "!!timestamp"),
        ("!!set {a: null}", "!!set"),
    ],
)
def test_tags_outside_the_core_schema_are_refused(value: str, shown: str) -> None:
    text = f"bank: b\nquestions:\n  - {{id: q, topic: T, prompt: {value}, choices: [a, b]}}\n"
    [problem] = bounded(text)
    assert problem.startswith("line 3: yaml:") and f"the tag {shown} is not allowed" in problem


def test_core_tags_and_plain_dates_still_read_as_text() -> None:
    text = (
        "bank: b\nquestions:\n"
        "  - {id: q, topic: !!str 2024, prompt: 2024-01-01, choices: [a, b], answer: !!int 1}\n"
    )
    [q] = parse_bank(text).questions
    assert (q.topic, q.prompt, q.answer) == ("2024", "2024-01-01", 1)


@pytest.mark.parametrize("opener", ["[", "{a: "])
def test_deep_flow_nesting_is_refused_without_recursion(opener: str) -> None:
    closer = "]" if opener == "[" else "}"
    text = "bank: b\nquestions: " + opener * 10_000 + "x" + closer * 10_000 + "\n"
    [problem] = bounded(text)
    assert problem.startswith("line 2: yaml: hostile.yaml is not valid YAML:")
    assert "nesting" in problem  # libyaml's own limit (1000) or ours, whichever comes first


def test_deep_block_nesting_is_refused_at_the_limit() -> None:
    nested = "".join("  " * i + f"k{i}:\n" for i in range(MAX_DEPTH + 5))
    [problem] = bounded("bank: b\nquestions:\n" + nested + "  " * (MAX_DEPTH + 5) + "x\n")
    assert problem.endswith(f"nesting deeper than {MAX_DEPTH} levels")


def test_a_nul_byte_is_refused_with_its_line() -> None:
    text = "bank: b\nquestions:\n" + Q + "  - {id: q2, topic: T, prompt: 'a\x00b'}\n"
    assert bounded(text) == ["line 4: file: holds the control character U+0000 (NUL)"]


@pytest.mark.parametrize(
    ("escape", "shown"), [("\\0", "U+0000 (NUL)"), ("\\e", "U+001B (ESC)"), ("\\x85", "U+0085")]
)
def test_control_characters_written_as_escapes_are_refused(escape: str, shown: str) -> None:
    text = f'bank: b\nquestions:\n  - {{id: q, topic: T, prompt: "a{escape}b", choices: [a, b], answer: 0}}\n'
    assert bounded(text) == [f"line 3, question q: prompt: holds the control character {shown}"]


def test_many_control_characters_are_listed_by_line_up_to_a_limit() -> None:
    text = "bank: b\nquestions:\n" + "\x07\n" * 100
    found = bounded(text)
    assert found[0] == "line 3: file: holds the control character U+0007"
    assert len(found) == 21 and found[-1] == "file: 80 more line(s) hold control characters"


def test_a_number_too_long_for_python_is_a_problem_not_a_crash() -> None:
    text = "bank: b\nquestions:\n  - {id: q, topic: T, prompt: P, choices: [a, b], answer: "
    found = bounded(text + "9" * 5000 + "}\n")
    assert found == ["line 3, question q: answer: is a number too long to read"]


def test_fields_given_twice_and_non_text_keys_are_problems() -> None:
    text = (
        "bank: b\nquestions:\n"
        "  - {id: q, topic: T, prompt: P, prompt: Q, choices: [a, b], answer: 0, [x]: 1}\n"
    )
    found = bounded(text)
    assert "line 3, question q: prompt: is given twice" in found
    assert "line 3, question q: field: a field name must be plain text" in found


def test_a_second_document_is_refused() -> None:
    assert bounded("bank: b\nquestions: []\n---\nbank: c\n") == [
        "line 3: yaml: hostile.yaml is not valid YAML: a file holds one YAML document; "
        "a second one starts here"
    ]


def test_more_values_than_a_bank_needs_are_refused_while_reading(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Many tiny values cost time and memory per value, whatever the file's size."""
    assert MAX_NODES == 100_000
    monkeypatch.setattr(safe_yaml, "MAX_NODES", 1000)  # the same rule, a smaller file
    text = "bank: b\nquestions:\n- [" + "a," * 1010 + "]\n"
    [problem] = bounded(text)
    assert problem == (
        "line 3: yaml: hostile.yaml is not valid YAML: more than 1,000 values (split the file)"
    )


def test_invalid_utf8_names_the_byte_and_line() -> None:
    with pytest.raises(BankError) as err:
        decode(b"bank: b\nquestions:\n  - prompt: caf\xe9\n", "latin.yaml")
    assert str(err.value) == (
        "line 3: file: latin.yaml is not UTF-8 text (byte 35 is not valid UTF-8); save it as UTF-8"
    )


def test_utf16_is_named_and_a_utf8_bom_is_fine() -> None:
    with pytest.raises(BankError) as err:
        decode("bank: b\n".encode("utf-16"), "wide.yaml")
    assert "wide.yaml is UTF-16 or UTF-32 text; save it as UTF-8" in str(err.value)
    assert decode(b"\xef\xbb\xbfbank: b\r\nx\ry", "bom.yaml") == "bank: b\nx\ny"


def test_a_file_over_the_size_limit_is_refused_before_it_is_parsed() -> None:
    data = b"#" * (MAX_FILE_BYTES + 1)
    with pytest.raises(BankError) as err:
        decode(data, "big.yaml")
    assert str(err.value) == (
        f"file: big.yaml is {MAX_FILE_BYTES + 1:,} bytes; at most {MAX_FILE_BYTES:,} bytes "
        "can be read at once (split the file)"
    )


def test_too_many_questions_are_refused_before_any_is_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert MAX_QUESTIONS == 50_000
    monkeypatch.setattr(intake, "MAX_QUESTIONS", 100)  # the same rule, a smaller file
    text = "bank: b\nquestions:\n" + "- x\n" * 101
    assert bounded(text) == [
        "questions: hostile.yaml holds more than 100 questions, the most one file may hold "
        "(split the file)"
    ]


def test_every_duplicate_prompt_is_reported_at_its_own_line() -> None:
    rows = "".join(
        f"  - {{id: q{i}, topic: T, prompt: 'Same?', choices: [a, b], answer: 0}}\n"
        for i in range(1000)
    )
    rows += "  - {id: x, topic: T, prompt: P, choices: [a], answer: 0}\n"  # and its own problem
    found = bounded("bank: b\nquestions:\n" + rows)
    assert len(found) == 1000  # in the file's order (`questions check` lists them so)
    assert found[0] == "line 4, question q1: prompt: duplicates the prompt of question q0"
    assert found[-2] == "line 1002, question q999: prompt: duplicates the prompt of question q0"
    assert found[-1] == "line 1003, question x: choices: has 1 choices, 2 to 5 needed"


def test_a_bank_error_survives_the_trip_from_a_worker_process() -> None:
    import pickle

    error = BankError([Problem("yaml", "bad", "q1", 3)])
    back = pickle.loads(pickle.dumps(error))
    assert back.problems == error.problems and str(back) == str(error)
