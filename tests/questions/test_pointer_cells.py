"""A cell or remark that only points elsewhere in the notes ("see section 3", "see defaults
below", "见第 2 节", "见上表") says nothing on its own (issue #13, review 15): it is asked as
no description, offered as no option, and no true/false is made of it.
Notes: tests/questions/notes/haproxy-pointer-cells.md."""

from __future__ import annotations

from pathlib import Path

from questions.context_refs import refers_to_context
from questions.generate import generate_from_texts
from questions.tables import is_empty

NOTES = Path(__file__).parent / "notes" / "haproxy-pointer-cells.md"

POINTERS = (
    "see section 3",
    "Example: see section 4",
    "see defaults below",
    "see the table above",
    "(see §2)",
    "cf. table 2",
    "见第 2 节",
    "详见第三章",
    "见上表",
    "见下方",
    "参见表 3",
)
CONTENT = (
    "pods see each other below the mesh layer",
    "see the logs for details",
    "alerts when CPU is above 80%",
    "第 2 节课",
    "参数表",
    "见效快",
    "timeout connect 5s",
)


def test_pointers_refer_to_context() -> None:
    for text in POINTERS:
        assert refers_to_context(text), text
    for text in CONTENT:
        assert not refers_to_context(text), text


def test_a_pointer_cell_is_an_empty_cell() -> None:
    assert is_empty("see section 3") and is_empty("见第 2 节") and is_empty("—")
    assert not is_empty("see the logs") and not is_empty("30s")


def test_no_question_holds_a_pointer() -> None:
    bank, _ = generate_from_texts([("n.md", NOTES.read_text(encoding="utf-8"))], "b")
    assert len(bank.questions) >= 5
    for q in bank.questions:
        for text in (q.prompt, *q.choices):
            for pointer in ("section 3", "table above", "第 2 节", "上表"):
                assert pointer not in text, (q.prompt, q.choices)
    # the rows with a pointer keep their other cells: their defaults are still asked
    asked = " ".join(" ".join((q.prompt, *q.choices)) for q in bank.questions)
    assert "timeout server" in asked or "fastinter" in asked or "downinter" in asked
