"""A cell that opens with a yes/no mark answers its header with the mark ("✅ Ctrl-Z" under
"can catch?"), whatever remark follows (issue #13, review 17 of unseen Linux notes): asked
what a row has under the header, every row with the same mark is right too, so that is not
asked; asked which row a marked cell belongs to, rows with the same mark are no options. A
"#" column that numbers the rows' own things (signals, exit codes), not the rows, is asked
as their number ("Which exit code name has the number 126?").
Notes: tests/questions/notes/exit-codes-marks.md."""

from __future__ import annotations

from pathlib import Path

from questions.bank import Bank
from questions.generate import generate_from_texts
from questions.stems import table_reverse
from questions.tables import leading_mark

NOTES = Path(__file__).parent / "notes" / "exit-codes-marks.md"
RETRY = {"success": False, "general error": True, "misuse": False, "not executable": False,
         "not found": False, "interrupted": True, "killed": True}  # fmt: skip


def _bank() -> Bank:
    bank, _ = generate_from_texts([("x.md", NOTES.read_text(encoding="utf-8"))], "b")
    return bank


def test_leading_mark() -> None:
    assert leading_mark("✅ Ctrl-Z") is True
    assert leading_mark("❌ never") is False
    assert leading_mark("✅ (graceful shutdown)") is True
    assert leading_mark("yes, with the WAL archive") is None  # a word, not a mark
    assert leading_mark("Ctrl-Z ✅") is None
    assert leading_mark("") is None


def test_a_shared_mark_is_never_the_asked_value() -> None:
    bank = _bank()
    assert len(bank.questions) >= 5
    for q in bank.questions:
        key = q.choices[q.answer]
        if leading_mark(key) is not None:
            same = [c for c in q.choices if c != key and leading_mark(c) == leading_mark(key)]
            assert not same, (q.prompt, q.choices)
            others = [n for n, m in RETRY.items() if m == leading_mark(key) and n not in q.prompt]
            assert not others, (q.prompt, others)  # another row would answer it too


def test_rows_with_the_keys_mark_are_no_options() -> None:
    # asked by its mark and remark ("Which exit code name is worth a retry (after more
    # memory)?"); never quoted raw as "matches “worth a retry: ✅ after more memory”"
    asked = [q for q in _bank().questions if "is worth a retry (" in q.prompt]
    assert asked
    for q in asked:
        for option in q.choices:
            if option != q.choices[q.answer]:
                assert RETRY[option] is False, (q.prompt, q.choices)


def test_a_number_column_is_asked_as_the_rows_number() -> None:
    assert table_reverse("signal", "#", "20", "en") == "Which signal has the number 20?"
    assert table_reverse("signal", "No.", "9", "en") == "Which signal has the number 9?"
    assert "编号是 20" in (table_reverse("信号", "#", "20", "zh") or "")
    assert "number" not in (table_reverse("signal", "#", "twenty", "en") or "")
    prompts = [q.prompt for q in _bank().questions]
    assert not [p for p in prompts if "“#:" in p], prompts
