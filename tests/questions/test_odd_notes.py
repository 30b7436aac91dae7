"""Notes in shapes the shipped ones do not have: the generator neither crashes nor emits junk."""

import re
from pathlib import Path

import pytest

from questions.bank import validate_bank
from questions.cli_commands import check_command, generate_command
from questions.generate import generate_from_texts

ODD = {
    "nested_lists": """# Queues
standard type
- at-least-once delivery
  - sometimes twice
    - rarely three times
- best-effort ordering

FIFO type
- exactly-once processing
  - deduplication window of 5 minutes
""",
    "three_columns": """## Ports
| Service | Port | Protocol |
|---|---|---|
| SSH | 22 | TCP |
| DNS | 53 | UDP |
| HTTPS | 443 | TCP |
| X-Ray | 2000 | UDP |
""",
    "code_only": "## Script\n```bash\naws sts decode-authorization-message --encoded-message x\n```\n",
    "heading_no_body": "## Alone\n## Also alone\n### Deeper still\n",
    "crlf": "## Lambda\r\nThe default timeout is 3 seconds.\r\n\r\n- max memory 10240 MB\r\n",
    "no_headings": "Secrets can be rotated.\n\n- `timeout` default 3 seconds\n"
    "- `retries` default 5\n- `backoff` default 200 ms\n",
    "garbage": "|||\n|-|\n# \n**\n`\n- \n1.\n![x](y)\nhttp://a\n\\-\n",
    "empty": "",
}


@pytest.mark.parametrize("name", sorted(ODD))
def test_odd_notes_give_valid_questions(name: str) -> None:
    bank, report = generate_from_texts([(f"{name}.md", ODD[name])], name)
    assert validate_bank(bank.questions) == []
    assert report.total == len(bank.questions)


def test_shapes_that_should_yield_questions() -> None:
    for name in ("nested_lists", "three_columns", "crlf", "no_headings"):
        bank, _ = generate_from_texts([(f"{name}.md", ODD[name])], name)
        assert bank.questions, name
    bank, _ = generate_from_texts([("t.md", ODD["three_columns"])], "t")
    # both value columns are asked, each with the service as key (the two-valued protocol
    # column by one of its values, "Which service has the protocol “TCP”?", not as a coin toss)
    assert any(
        q.choices[q.answer] in ("TCP", "UDP") or re.search(r"“(TCP|UDP)”", q.prompt)
        for q in bank.questions
    )
    assert not any(set(q.choices) == {"TCP", "UDP"} for q in bank.questions)
    assert any(q.choices[q.answer] == "X-Ray" for q in bank.questions)


def test_empty_and_code_only_yield_nothing() -> None:
    for name in ("code_only", "heading_no_body", "empty"):
        bank, _ = generate_from_texts([(f"{name}.md", ODD[name])], name)
        assert bank.questions == [], name


def test_cli_commands_roundtrip(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    notes = tmp_path / "n.md"
    notes.write_text(ODD["three_columns"], encoding="utf-8")
    out = tmp_path / "b.yaml"
    assert generate_command([str(notes)], str(out)) == 0
    assert "By generator" in capsys.readouterr().out
    assert check_command(str(out)) == 0
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "bank: x\nquestions:\n  - id: q1\n    topic: t\n    prompt: p\n    choices: [a]\n"
        "    answer: 3\n",
        encoding="utf-8",
    )
    assert check_command(str(bad)) == 1
    err = capsys.readouterr().err
    assert "q1" in err and "choices" in err and "answer" in err
    assert generate_command([str(tmp_path / "missing.md")], str(out)) == 2
    empty = tmp_path / "empty.md"
    empty.write_text("", encoding="utf-8")
    assert generate_command([str(empty)], str(tmp_path / "e.yaml")) == 1


def test_the_bank_is_written_before_the_summary_is_printed(tmp_path, monkeypatch):
    """`quizbot questions generate ... | head -1`: a reader that goes away must not cost the bank."""

    class ClosedPipe:
        def write(self, text: str) -> int:
            raise BrokenPipeError

        def flush(self) -> None:
            raise BrokenPipeError

    notes = tmp_path / "n.md"
    notes.write_text(ODD["three_columns"], encoding="utf-8")
    out = tmp_path / "b.yaml"
    monkeypatch.setattr("sys.stdout", ClosedPipe())
    with pytest.raises(BrokenPipeError):
        generate_command([str(notes)], str(out))
    monkeypatch.undo()
    assert check_command(str(out)) == 0


def test_a_written_bank_has_the_mode_of_any_new_file(tmp_path):
    import os

    notes = tmp_path / "n.md"
    notes.write_text(ODD["three_columns"], encoding="utf-8")
    out = tmp_path / "b.yaml"
    old = os.umask(0o022)
    try:
        assert generate_command([str(notes)], str(out)) == 0
    finally:
        os.umask(old)
    assert out.stat().st_mode & 0o777 == 0o644
