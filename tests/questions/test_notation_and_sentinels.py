"""Unseen notes review (issue #13), Linux notes: "判断正误：633 = rw------- → 私钥" is false by
the line alone (rw------- is 600), and "PASS_MAX_DAYS 默认 ___（等于永不过期）" offered 69999,
79999 and 89999 beside 99999: values nobody writes for "never"."""

from __future__ import annotations

from questions.generate import generate_document

NOTES = """# Unix permissions

## Modes

- 755 = rwxr-xr-x → scripts and folders
- 640 = rw-r----- → logs the group may read
- 600 = rw------- → private keys
- 700 = rwx------ → your own scripts only

## Accounts

- `INACTIVE` 默认 -1，账户不会被锁
- PASS_MAX_DAYS 默认 99999（等于永不过期）
- PASS_MIN_LEN 默认 5，生产至少 12
"""


def _kept() -> list[tuple[str, list[str], str]]:
    return [(q.prompt, q.choices, q.choices[q.answer])
            for _, q in generate_document("t.md", NOTES).chosen]  # fmt: skip


def test_no_statement_swaps_a_value_said_again_in_a_notation() -> None:
    for prompt, choices, _ in _kept():
        assert not (choices == ["True", "False"] and " = rw" in prompt), prompt


def test_a_run_of_nines_meets_runs_of_nines() -> None:
    nines = [choices for _, choices, key in _kept() if key == "99999"]
    assert nines, _kept()
    assert all(set(c) == {"9"} for c in nines[0]), nines
