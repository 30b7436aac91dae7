"""A describing column's cell that only gives a default ("默认 1", "default: 5") does not say of
what: it is asked as no description of its row and offered as no option (issue #13, review 16:
"以下描述的是哪个策略？“默认 1”" -> 加权). Notes: tests/questions/notes/retry-policies-zh.md."""

from __future__ import annotations

from pathlib import Path

from questions.generate import generate_from_texts
from questions.parse import parse_document
from questions.tables import only_a_default_value

NOTES = Path(__file__).parent / "notes" / "retry-policies-zh.md"


def test_a_bare_default_describes_no_row() -> None:
    bank, _ = generate_from_texts([("n.md", NOTES.read_text(encoding="utf-8"))], "b")
    described = [q for q in bank.questions if "描述" in q.prompt]
    assert described, [q.prompt for q in bank.questions]  # the other rows are still asked
    for q in bank.questions:
        for text in (q.prompt, *q.choices):
            assert "默认 1" not in text and "default: 5" not in text, (q.prompt, q.choices)


def test_a_default_value_does_not_call_its_row_the_default() -> None:
    """A default value ("默认 1") is the default of 固定间隔's `interval`, not a mark that 固定间隔 is the default
    strategy: "默认的策略是哪个？" -> 固定间隔 was a wrong question."""
    bank, _ = generate_from_texts([("n.md", NOTES.read_text(encoding="utf-8"))], "b")
    assert not [q.prompt for q in bank.questions if "默认的" in q.prompt]
    for cell in (
        "默认 1",
        "default: 5",
        "defaults to off",
        "**默认 75s**",
        "默认值 10",
        "默认开启",
    ):
        assert only_a_default_value(cell), cell
    for cell in ("默认", "default", "(default)", "default strategy", "默认 1，最大 10"):
        assert not only_a_default_value(cell), cell


def test_a_bare_default_is_no_fact_of_its_row() -> None:
    """No true/false either: "判断正误：“默认 1”说的是 固定间隔" asks nothing a player can know."""
    from questions.facts.extract import extract

    doc = parse_document(NOTES.read_text(encoding="utf-8"), "n.md")
    values = {f.value for f in extract(doc) if f.table is not None}
    assert "每次等待时间加一个固定步长" in values
    assert "默认 1" not in values and "default: 5" not in values
