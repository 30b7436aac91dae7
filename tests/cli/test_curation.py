"""`quizbot questions ...` end to end through bot.cli.main on a fresh database of each kind.

Sync tests on purpose: the CLI runs its own event loop (asyncio.run), like it does for a user.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import bot.config
from bot.cli import main
from tests.core.curation.test_import_export import DATA, fifty_with_three_bad

TEAM_ARG = ["--team", "discord:81384788765712384"]


@pytest.fixture
def cli(fresh_db, monkeypatch, capsys):
    monkeypatch.setenv("DATABASE_URL", fresh_db)
    bot.config.get_settings.cache_clear()

    def run(*argv: str) -> tuple[int, str, str]:
        code = main(["questions", *argv])
        out = capsys.readouterr()
        return code, out.out, out.err

    yield run
    bot.config.get_settings.cache_clear()


def test_add_list_show_edit_disable_enable_and_history(cli):
    code, out, _ = cli(
        "add", *TEAM_ARG, "--prompt", "Which port does X-Ray use?", "--choice", "2000",
        "--choice", "3000", "--correct", "A", "--topic", "X-Ray", "--explanation", "UDP 2000",
    )  # fmt: skip
    assert code == 0 and out.startswith("Added #")
    code, _, err = cli("add", *TEAM_ARG, "--prompt", "Q?", "--choice", "a", "--correct", "1")
    assert code == 1 and "choices" in err
    qid = out.split("#")[1].split()[0]
    code, out, _ = cli("list", *TEAM_ARG, "--own")
    assert code == 0 and f"#{qid} [active, team] X-Ray · Which port does X-Ray use?" in out
    assert "1 question(s)" in out
    code, out, _ = cli("show", *TEAM_ARG, qid)
    assert code == 0 and "✓ A. 2000" in out and "asked 0" in out
    code, out, _ = cli("edit", *TEAM_ARG, qid, "--choice", "3000", "--choice", "2000")
    assert code == 0
    code, out, _ = cli("show", *TEAM_ARG, f"#{qid}")
    assert "✓ B. 2000" in out
    code, out, _ = cli("disable", *TEAM_ARG, qid)
    assert code == 0 and "is now disabled" in out
    code, out, _ = cli("enable", *TEAM_ARG, qid)
    assert code == 0 and "is now active" in out
    code, out, _ = cli("history", *TEAM_ARG)
    lines = out.splitlines()
    assert code == 0 and lines[0] == "Admin history"
    assert [line.split(" · ")[1:3] for line in lines[1:]] == [
        ["cli", f"enable #{qid} ({line_uid(lines[1])})"],
        ["cli", f"disable #{qid} ({line_uid(lines[1])})"],
        ["cli", f"edit #{qid} ({line_uid(lines[1])})"],
        ["cli", f"add #{qid} ({line_uid(lines[1])})"],
    ]


def line_uid(line: str) -> str:
    return line.rsplit("(", 1)[1].rstrip(")")


def test_import_reports_counts_and_skips_then_is_idempotent(cli):
    path = str(DATA / "unsupported_types.gift")
    code, out, _ = cli("import", *TEAM_ARG, path)
    assert code == 0
    assert "3 added, 0 updated, 0 unchanged" in out
    assert "skipped line 9, question capitals-match: kind: GIFT matching question" in out
    code, out, _ = cli("import", *TEAM_ARG, path)
    assert code == 0 and "0 added, 0 updated, 3 unchanged" in out


def test_a_bad_file_lists_every_problem_and_changes_nothing(cli, tmp_path: Path):
    bad = tmp_path / "fifty.yaml"
    bad.write_text(fifty_with_three_bad())
    code, out, err = cli("import", *TEAM_ARG, str(bad))
    assert code == 1 and "nothing changed" in err
    assert all(f"question q{n}" in err for n in (7, 19, 33))
    code, out, _ = cli("list", *TEAM_ARG, "--own")
    assert "0 question(s)" in out


def test_export_and_import_elsewhere(cli, tmp_path: Path):
    # Every format's round trip through the database is in test_import_export; here the CLI.
    cli("import", *TEAM_ARG, str(DATA / "moodle_course_export.gift"))
    for fmt in ("csv", "opentdb"):
        out_file = tmp_path / f"bank.{fmt}"
        code, out, _ = cli("export", *TEAM_ARG, "--own", "--format", fmt, "--out", str(out_file))
        assert code == 0 and out.startswith("Wrote 5 question(s)")
        code, out, _ = cli("import", "--team", f"slack:T{fmt}", "--format", fmt, str(out_file))
        assert code == 0 and "5 added" in out, out


def test_a_file_that_cannot_be_read_or_written_is_named_not_the_database(cli, tmp_path: Path):
    """An OSError of the import or export file is the file's, in one line, exit 2."""
    assert cli("list", *TEAM_ARG)[0] == 0  # the first run loads the shipped bank (and says so)
    missing = tmp_path / "nonexist.yaml"
    code, _, err = cli("import", *TEAM_ARG, str(missing))
    assert (code, err) == (2, f"error: {missing}: No such file or directory\n")
    a_file = tmp_path / "plain.txt"
    a_file.write_text("x")
    for out, reason in [
        (tmp_path, "Is a directory"),
        (a_file / "bank.yaml", "Not a directory"),
        (tmp_path / "no" / "bank.yaml", "No such file or directory"),
        (Path("/dev/full"), "No space left on device"),  # fails writing, not opening
    ]:
        code, _, err = cli("export", *TEAM_ARG, "--format", "yaml", "--out", str(out))
        assert (code, err) == (2, f"error: {out}: {reason}\n")


@pytest.mark.parametrize("ext", ["yaml", "csv", "json", "gift", "aiken", "txt"])
@pytest.mark.parametrize("content", ["", " \n\n\t\n"], ids=["empty", "blank"])
def test_an_empty_file_of_any_format_is_refused_alike(cli, tmp_path: Path, ext, content):
    assert cli("list", *TEAM_ARG)[0] == 0  # the first run loads the shipped bank (and says so)
    empty = tmp_path / f"empty.{ext}"
    empty.write_text(content)
    code, out, err = cli("import", *TEAM_ARG, str(empty))
    assert (code, out) == (1, "")
    assert err == (
        f"error: {empty} was not imported; nothing changed.\n  file: empty.{ext} is empty.\n"
    )


def test_review_queue_and_stats(cli):
    code, out, _ = cli(
        "suggest", *TEAM_ARG, "--prompt", "Pending?", "--choice", "y", "--choice", "n",
        "--correct", "1",
    )  # fmt: skip
    assert code == 0
    qid = out.split("#")[1].split()[0]
    code, out, _ = cli("list", *TEAM_ARG, "--status", "pending")
    assert f"#{qid} [pending, team]" in out
    code, out, _ = cli("approve", *TEAM_ARG, qid)
    assert code == 0 and f"Approved #{qid}" in out
    code, _, err = cli("reject", *TEAM_ARG, qid)
    assert code == 1 and "not waiting for review" in err
    code, out, _ = cli("stats", *TEAM_ARG)
    assert code == 0 and "No question has been asked yet." in out


def test_team_must_be_platform_and_id():
    with pytest.raises(SystemExit) as err:
        main(["questions", "list", "--team", "teams:1"])
    assert "--team must look like" in str(err.value)


def test_a_page_past_the_end_is_one_error_line_and_exit_1(cli):
    code, out, _ = cli("list", *TEAM_ARG)
    pages = int(out.splitlines()[-1].split()[1].split("/")[1])  # "Page 1/3 · 44 question(s)"
    code, out, err = cli("list", *TEAM_ARG, "--page", str(pages + 4))
    assert (code, out) == (1, "")
    assert err == f"error: Page {pages + 4} of {pages} does not exist: the last page is {pages}.\n"
    code, out, _ = cli("list", *TEAM_ARG, "--page", str(pages))
    assert code == 0 and f"Page {pages}/{pages} · " in out


def test_an_export_never_writes_over_a_file_without_force(cli, tmp_path: Path):
    """As `questions generate` refuses its --out: one line naming the file, exit 2, the file
    as it was; `--force` writes over it."""
    old = tmp_path / "old-export.yaml"
    old.write_text("bank: old\n")
    code, out, err = cli("export", *TEAM_ARG, "--format", "yaml", "--out", str(old))
    assert (code, out, err) == (2, "", f"error: {old} exists; pass --force to overwrite it\n")
    assert old.read_text() == "bank: old\n"
    code, out, _ = cli("export", *TEAM_ARG, "--format", "yaml", "--out", str(old), "--force")
    assert code == 0 and out.startswith("Wrote ") and old.read_text().startswith("bank: ")
    assert old.read_text() != "bank: old\n"


def test_an_export_never_writes_a_markdown_file_even_with_force(cli, tmp_path: Path):
    """A Markdown name is notes: `--force` on `--out notes.md` would have lost them, and a
    new `x.md` would be read as notes by the next `decks create`."""
    notes = tmp_path / "notes.md"
    notes.write_text("# my notes\n")
    for out in (notes, tmp_path / "new.MARKDOWN"):
        code, said, err = cli("export", *TEAM_ARG, "--format", "yaml", "--out", str(out), "--force")
        assert (code, said) == (2, "")
        assert err == (
            f"error: --out {out} is a Markdown name, and Markdown files are notes; "
            "write the export to a .yaml file (or another format's extension)\n"
        )
    assert notes.read_text() == "# my notes\n" and not (tmp_path / "new.MARKDOWN").exists()


def test_an_export_never_writes_over_the_database_it_reads_even_with_force(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
):
    database = tmp_path / "quiz.db"
    monkeypatch.setenv("DATABASE_URL", f"sqlite+aiosqlite:///{database}")
    monkeypatch.chdir(tmp_path)
    bot.config.get_settings.cache_clear()
    assert main(["db", "upgrade"]) == 0
    before = database.read_bytes()
    capsys.readouterr()
    for out in ("quiz.db", f"./../{tmp_path.name}/quiz.db"):
        for argv in (
            ["questions", "export", "--format", "csv", "--out", out, "--force"],
            ["decks", "export", "aws-developer-associate", "--out", out, "--force"],
        ):
            assert main(argv) == 2
            said = f"error: --out {out} is the database file {database}; "
            assert capsys.readouterr().err == said + "write the export to another file\n"
    assert database.read_bytes() == before
    assert main(["questions", "list"]) == 0  # the database still opens
    bot.config.get_settings.cache_clear()


def test_the_opentdb_extension_is_read_and_written_as_opentdb(cli, tmp_path: Path):
    trivia = tmp_path / "trivia.opentdb"
    trivia.write_text(
        '{"response_code": 0, "results": [{"category": "Science", "type": "multiple", '
        '"difficulty": "easy", "question": "What is H2O?", "correct_answer": "Water", '
        '"incorrect_answers": ["Salt", "Sand", "Oil"]}]}'
    )
    code, out, _ = cli("import", *TEAM_ARG, str(trivia))
    assert (code, out) == (0, f"{trivia}: 1 added, 0 updated, 0 unchanged, 0 skipped.\n")
    for name, fmt in (("back.opentdb", "opentdb"), ("back.gift", "gift"), ("back.bank", "yaml")):
        code, out, _ = cli("export", *TEAM_ARG, "--own", "--out", str(tmp_path / name))
        assert code == 0 and out == f"Wrote 1 question(s) to {tmp_path / name} ({fmt}).\n"
    assert (tmp_path / "back.opentdb").read_text().startswith('{\n  "response_code": 0')
    code, out, _ = cli("import", "--team", "slack:T2", str(tmp_path / "back.opentdb"))
    assert code == 0 and "1 added" in out


def test_an_import_reads_its_file_before_the_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
):
    """A bad file gets its own error and exit code with the database away, and a database
    that would get nothing is not even opened (a new SQLite file is not made)."""
    bad = tmp_path / "bad.yaml"
    bad.write_text("questions: [\n")
    missing = tmp_path / "missing.yaml"
    unreachable = "postgresql+asyncpg://quiz:secret@127.0.0.1:1/quiz"
    never_made = tmp_path / "never.db"
    for url in (unreachable, f"sqlite+aiosqlite:///{never_made}"):
        monkeypatch.setenv("DATABASE_URL", url)
        bot.config.get_settings.cache_clear()
        assert main(["questions", "import", str(bad)]) == 1
        err = capsys.readouterr().err
        assert err.startswith(f"error: {bad} was not imported; nothing changed.\n  line 2: yaml:")
        assert main(["questions", "import", str(missing)]) == 2
        assert capsys.readouterr().err == f"error: {missing}: No such file or directory\n"
    assert not never_made.exists()
    bot.config.get_settings.cache_clear()


def test_the_import_help_names_every_extension_the_registry_reads(capsys):
    from questions.formats import FORMATS

    with pytest.raises(SystemExit):
        main(["questions", "import", "--help"])
    said = " ".join(capsys.readouterr().out.split())  # argparse wraps the help
    assert all(e in said for f in FORMATS.values() for e in f.extensions), said
