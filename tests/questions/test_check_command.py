"""`quizbot questions check BANK`: every problem of a bad bank listed in the file's order (exit
1), and a file that cannot be read said in one line as every command says it (exit 2)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli import main

QUESTION = (
    "  - id: {id}\n    topic: T\n    prompt: {prompt}\n    choices: [one, two]\n    answer: 0\n"
)


def check(path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["questions", "check", str(path)])
    out, err = capsys.readouterr()
    return code, out, err


def test_problems_are_listed_by_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A duplicate id is found after each question is read alone, yet listed at its line."""
    bank = tmp_path / "dup.yaml"
    bank.write_text(
        "bank: t\nquestions:\n"
        + QUESTION.format(id="a", prompt="What is one?")
        + QUESTION.format(id="a", prompt="What is two?")
        + QUESTION.format(id="c", prompt='""'),
        encoding="utf-8",
    )
    code, out, err = check(bank, capsys)
    assert (code, out) == (1, "")
    assert err == (
        f"{bank}: 2 problem(s)\n"
        "  line 8, question a: id: is used by another question\n"
        "  line 15, question c: prompt: is empty\n"
    )


def test_a_missing_file_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "x.yaml"
    assert check(missing, capsys) == (2, "", f"error: {missing}: No such file or directory\n")
    assert check(tmp_path, capsys) == (2, "", f"error: {tmp_path}: Is a directory\n")
