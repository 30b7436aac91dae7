"""`quizbot questions generate --out`: never over a notes file (by any path), never a directory
or a path under a file, an existing bank only with --force; one line and exit code 2 for each,
no traceback, and the files as they were."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bot.cli import main

NOTES = Path(__file__).parents[2] / "questions" / "notes" / "aws-developer-associate.md"


@pytest.fixture
def notes(tmp_path: Path) -> Path:
    copy = tmp_path / "notes.md"
    copy.write_bytes(NOTES.read_bytes())
    return copy


def generate(*args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["questions", "generate", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_the_notes_are_never_the_output(notes: Path, capsys, tmp_path: Path) -> None:
    before = notes.read_bytes()
    (tmp_path / "link.md").symlink_to(notes)
    os.link(notes, tmp_path / "hard.md")
    other_spellings = (
        str(notes),
        f"{tmp_path}/./notes.md",
        f"{tmp_path}/../{tmp_path.name}/notes.md",
        str(tmp_path / "link.md"),
        str(tmp_path / "hard.md"),
    )
    for out in other_spellings:
        code, stdout, err = generate(str(notes), "--out", out, "--force", capsys=capsys)
        assert code == 2 and stdout == ""
        assert (
            err == f"error: --out {out} is the notes file {notes}; write the bank to another file\n"
        )
    assert notes.read_bytes() == before


def test_an_existing_bank_is_overwritten_only_with_force(
    notes: Path, capsys, tmp_path: Path
) -> None:
    bank = tmp_path / "bank.yaml"
    bank.write_text("old\n")
    code, _, err = generate(str(notes), "--out", str(bank), capsys=capsys)
    assert (code, err) == (2, f"error: {bank} exists; pass --force to overwrite it\n")
    assert bank.read_text() == "old\n"
    code, stdout, err = generate(str(notes), "--out", str(bank), "--force", capsys=capsys)
    assert code == 0 and err == "" and stdout.endswith(f"questions to {bank}\n")
    assert bank.read_text().startswith("bank: notes\n")
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_a_bank_is_never_written_to_a_markdown_name_even_with_force(
    notes: Path, capsys, tmp_path: Path
) -> None:
    """Another notes file of the folder (`--out other.md --force`) would be lost, and a new
    `bank.md` read as notes by the next generate."""
    other = tmp_path / "other.md"
    other.write_text("# other notes\n")
    for out in (other, tmp_path / "bank.md"):
        code, stdout, err = generate(str(notes), "--out", str(out), "--force", capsys=capsys)
        assert (code, stdout) == (2, "")
        assert err == (
            f"error: --out {out} is a Markdown name, and Markdown files are notes; "
            "write the bank to a .yaml file (or another format's extension)\n"
        )
    assert other.read_text() == "# other notes\n" and not (tmp_path / "bank.md").exists()


def test_a_directory_or_a_path_under_a_file_is_one_clear_line(
    notes: Path, capsys, tmp_path: Path
) -> None:
    code, _, err = generate(str(notes), "--out", str(tmp_path), capsys=capsys)
    assert (code, err) == (
        2,
        f"error: --out {tmp_path} is a directory; name the bank file, e.g. {tmp_path / 'bank.yaml'}\n",
    )
    under = notes / "bank.yaml"
    code, _, err = generate(str(notes), "--out", str(under), capsys=capsys)
    assert (code, err) == (2, f"error: cannot write {under}: {notes} is not a directory\n")


def test_a_write_that_fails_says_why_and_leaves_no_file(
    notes: Path, capsys, tmp_path: Path
) -> None:
    out = "/proc/quizbot-bank.yaml"  # the kernel's own directory: no file can be made there
    code, _, err = generate(str(notes), "--out", out, capsys=capsys)
    assert code == 2 and err.startswith(f"error: cannot write {out}: ")
    assert "Traceback" not in err and len(err.splitlines()) == 1
    assert not Path(out).exists()


@pytest.mark.parametrize(
    ("data", "said"),
    [
        (
            b"# N\n\n## A\n\n- **x** - a \x00 b\n",
            "line 5: file: holds the control character U+0000",
        ),
        (b"# N\n\xff\xfe bad\n", "line 2: file: bad.md is not UTF-8 text"),
        (b"a" * 2_000_001, "bad.md is 2,000,001 bytes; at most 2,000,000"),
    ],
)
def test_hostile_notes_are_refused_with_the_line_named(
    data: bytes, said: str, capsys, tmp_path: Path
) -> None:
    """Notes are bounded as every file a user hands over (questions.intake): a NUL byte, bytes
    that are not UTF-8, or more than 2,000,000 bytes are refused in one line, nothing written."""
    bad = tmp_path / "bad.md"
    bad.write_bytes(data)
    out = tmp_path / "bank.yaml"
    code, stdout, err = generate(str(bad), "--out", str(out), capsys=capsys)
    assert code == 2 and stdout == ""
    assert err.startswith("error: ") and said in err, err
    assert "Traceback" not in err and not out.exists()
