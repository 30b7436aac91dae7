"""The format registry: names, file detection, and all-or-nothing imports in every format."""

from __future__ import annotations

import pytest

from questions.bank import BankError, BankQuestion
from questions.formats import FORMATS, detect_format, export_format, export_text, import_text


@pytest.mark.parametrize(
    ("filename", "fmt"),
    [
        ("bank.yaml", "yaml"),
        ("bank.YML", "yaml"),
        ("moodle-export.txt", "gift"),
        ("quiz.gift", "gift"),
        ("quiz.aiken", "aiken"),
        ("sheet.csv", "csv"),
        ("opentdb.json", "opentdb"),
        ("trivia.OpenTDB", "opentdb"),
        ("/tmp/some.dir/x.csv", "csv"),
    ],
)
def test_detect_format(filename: str, fmt: str) -> None:
    assert detect_format(filename) == fmt


@pytest.mark.parametrize(
    ("filename", "given", "fmt"),
    [
        ("out.opentdb", None, "opentdb"),
        ("deck.gift", None, "gift"),
        ("deck.txt", None, "gift"),
        ("deck.csv", "yaml", "yaml"),  # a format given wins
        ("deck", None, "yaml"),  # no extension, or one no format claims: bank YAML
        ("/dev/stdout", None, "yaml"),
    ],
)
def test_an_export_is_written_in_the_format_its_name_says(
    filename: str, given: str | None, fmt: str
) -> None:
    assert export_format(filename, given) == fmt


def test_detect_format_unknown() -> None:
    with pytest.raises(BankError, match="cannot tell the format"):
        detect_format("notes.docx")


def test_unknown_format_name() -> None:
    with pytest.raises(BankError, match="unknown format 'xml'"):
        import_text("", "xml")
    with pytest.raises(BankError, match="unknown format"):
        export_text([], "xml", bank="b")


def fifty(bad_at: dict[int, str]) -> list[BankQuestion]:
    """50 questions; at the given positions one rule is broken."""
    out = []
    for i in range(50):
        q = BankQuestion(f"q-{i}", "Topic", f"Question number {i}?", ("yes", "no", "maybe"), 0)
        if bad_at.get(i) == "long choice":
            q = BankQuestion(q.id, q.topic, q.prompt, ("y" * 81, "no"), 0)
        elif bad_at.get(i) == "duplicate choices":
            q = BankQuestion(q.id, q.topic, q.prompt, ("same", "Same", "other"), 0)
        elif bad_at.get(i) == "long prompt":
            q = BankQuestion(q.id, q.topic, q.prompt + " x" * 500, q.choices, 0)
        out.append(q)
    return out


BAD = {7: "long choice", 23: "duplicate choices", 41: "long prompt"}


@pytest.mark.parametrize("fmt", sorted(set(FORMATS) - {"yaml", "opentdb"}))
def test_three_bad_among_fifty_reports_all_three(fmt: str) -> None:
    text = export_text(fifty(BAD), fmt, bank="b")
    with pytest.raises(BankError) as err:
        import_text(text, fmt)
    problems = err.value.problems
    assert len(problems) == 3, [str(p) for p in problems]
    assert [p.field for p in problems] == ["choices", "choices", "prompt"]
    assert all(p.line is not None for p in problems)
    assert [p.line for p in problems] == sorted(p.line or 0 for p in problems)
    lines = text.splitlines()
    for p, i in zip(problems, sorted(BAD), strict=True):
        window = "\n".join(lines[(p.line or 1) - 1 : (p.line or 1) + 2])
        assert f"Question number {i}?" in window


def test_three_bad_among_fifty_yaml() -> None:
    text = export_text(fifty(BAD), "yaml", bank="b")
    with pytest.raises(BankError) as err:
        import_text(text, "yaml")
    assert {p.question for p in err.value.problems} == {"q-7", "q-23", "q-41"}


def test_three_bad_among_fifty_opentdb() -> None:
    text = export_text(fifty(BAD), "opentdb", bank="b")
    with pytest.raises(BankError) as err:
        import_text(text, "opentdb")
    problems = err.value.problems
    assert len(problems) == 3 and all(p.line for p in problems)


def test_import_result_names_the_bank() -> None:
    text = export_text(fifty({}), "csv", bank="b")
    assert import_text(text, "csv", bank="team").bank == "team"
    assert import_text(export_text(fifty({}), "yaml", bank="own"), "yaml", bank="x").bank == "own"
