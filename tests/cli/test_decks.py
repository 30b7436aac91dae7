"""`quizbot decks ...` through bot.cli.main on a fresh database of each kind, and the issue's
"Done when" sequence in a shell (slow: processes of their own).

Sync tests on purpose: the CLI runs its own event loop (asyncio.run), like it does for a user.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

import bot.config
from bot.cli import main
from questions.bank import load_bank, shipped_bank_paths
from tests.core.decks.support import (
    K8S_NOTES,
    K8S_NOTES_EDITED,
    generated,
    per_topic,
    sync_summary,
)

TEAM_ARG = ["--team", "discord:81384788765712384"]


def shipped_deck() -> tuple[str, int, str]:
    """The shipped bank a new install loads as a shared deck: name, questions, source."""
    (path,) = shipped_bank_paths()
    bank = load_bank(path)
    return bank.bank, len(bank.questions), bank.source or ""


@pytest.fixture
def cli(fresh_db, monkeypatch, capsys, tmp_path):
    monkeypatch.setenv("DATABASE_URL", fresh_db)
    monkeypatch.chdir(tmp_path)
    bot.config.get_settings.cache_clear()
    (tmp_path / "k8s.md").write_text(K8S_NOTES, encoding="utf-8")

    def run(*argv: str) -> tuple[int, str, str]:
        try:
            code = main(["decks", *argv])
        except SystemExit as exc:  # argparse refused the command line
            code = int(exc.code or 0)
        out = capsys.readouterr()
        return code, out.out, out.err

    yield run
    bot.config.get_settings.cache_clear()


def test_create_preview_publish_list_show_export_and_archive(cli, tmp_path):
    made = generated(K8S_NOTES)
    n = len(made)
    code, out, _ = cli("create", "K8s", "--from-notes", "k8s.md", *TEAM_ARG)
    assert code == 0
    assert f"Deck k8s made (draft): {n} added, 0 updated, 0 unchanged, 0 retired." in out
    assert f"{n} questions from k8s.md\nBy section:\n" in out
    shipped, shipped_n, shipped_source = shipped_deck()
    code, out, _ = cli("list", *TEAM_ARG)
    assert code == 0 and out.splitlines()[1:3] == [
        f"k8s · draft · {n} question(s) · team · from k8s.md",
        f"{shipped} · published · {shipped_n} question(s) · shared · from {shipped_source}",
    ]
    code, out, _ = cli("preview", "k8s", "--per-page", "2", *TEAM_ARG)
    footer = f"Page 1/{-(-n // 2)} · {n} question(s) · draft"
    assert code == 0 and out.count("k8s.md:") == 2 and footer in out
    code, out, _ = cli("publish", "k8s", *TEAM_ARG)
    assert code == 0 and "k8s is now published" in out
    code, out, _ = cli("show", "k8s", *TEAM_ARG)
    assert code == 0 and f"    Services · {per_topic(made)['Services']}" in out
    assert "AWS SQS" not in out
    code, out, _ = cli("export", "k8s", "--out", "k8s.yaml", *TEAM_ARG)
    assert code == 0 and f"Wrote {n} question(s) of k8s" in out
    exported = yaml.safe_load((tmp_path / "k8s.yaml").read_text())
    assert exported["bank"] == "k8s"
    assert sorted(q["id"] for q in exported["questions"]) == sorted(q.id for q in made)
    code, out, _ = cli("default", "aws-developer-associate", *TEAM_ARG)
    assert code == 0 and "plays aws-developer-associate by default" in out
    code, out, _ = cli("archive", "k8s", *TEAM_ARG)
    assert code == 0 and "k8s is now archived" in out
    code, out, _ = cli("list", *TEAM_ARG)
    assert "k8s" not in out
    code, out, _ = cli("list", "--all", *TEAM_ARG)
    assert "k8s · archived" in out


def test_regenerate_from_edited_notes(cli, tmp_path):
    cli("create", "k8s", "--from-notes", "k8s.md", *TEAM_ARG)
    (tmp_path / "k8s.md").write_text(K8S_NOTES_EDITED, encoding="utf-8")
    code, out, _ = cli("regenerate", "k8s", "--from-notes", "k8s.md", *TEAM_ARG)
    assert code == 0
    rows = sync_summary(generated(K8S_NOTES), generated(K8S_NOTES_EDITED))
    assert f"Deck k8s regenerated (draft): {rows}." in out


def test_the_next_steps_printed_are_terminal_commands(cli):
    code, out, _ = cli("create", "k8s", "--from-notes", "k8s.md")
    assert code == 0 and "/quiz" not in out
    assert (
        "It is a draft: look at it with `quizbot decks preview k8s`, "
        "then make it playable with `quizbot decks publish k8s`." in out
    )
    code, out, _ = cli("publish", "k8s")
    assert code == 0 and "Play it with quizbot run console --deck k8s." in out
    code, out, _ = cli("list")
    assert code == 0 and "topics: quizbot decks show" in out and "/quiz" not in out
    # a chat team's decks are curated from here (with its --team) and played in its chat
    code, out, _ = cli("create", "k8s", "--from-notes", "k8s.md", *TEAM_ARG)
    assert "`quizbot decks publish k8s --team discord:81384788765712384`" in out
    code, out, _ = cli("publish", "k8s", *TEAM_ARG)
    assert "Play it with /quiz start deck:k8s in Discord." in out


def test_errors_are_one_line_with_the_cli_exit_codes(cli, tmp_path):
    assert cli("list", *TEAM_ARG)[0] == 0  # the first run loads the shipped bank (and says so)
    (tmp_path / "latin.md").write_bytes("# Café\n".encode("latin-1"))
    code, _, err = cli("create", "k8s", "--from-notes", "latin.md", *TEAM_ARG)
    assert code == 1
    assert err == (
        "error: nothing was made from latin.md:\n"
        "  line 1: file: latin.md is not UTF-8 text (byte 6 is not valid UTF-8); save it as UTF-8\n"
    )
    code, _, err = cli("create", "k8s", "--from-notes", "missing.md", *TEAM_ARG)
    assert (code, err) == (2, "error: missing.md: No such file or directory\n")
    code, _, err = cli("create", "bad name", "--from-notes", "k8s.md", *TEAM_ARG)
    assert code == 1 and err.startswith("error: name: use 1 to 40 letters")
    assert len(err.splitlines()) == 1
    code, _, err = cli("publish", "nope", *TEAM_ARG)
    assert (code, err) == (
        1,
        "error: There is no deck 'nope'. See them with quizbot decks list --team "
        "discord:81384788765712384.\n",
    )
    code, _, err = cli("create", "k8s", *TEAM_ARG)  # neither --from-notes nor --from-bank
    assert code == 2 and "one of the arguments --from-notes --from-bank is required" in err


def test_a_file_too_big_is_refused_with_its_true_size(cli, tmp_path):
    assert cli("list")[0] == 0  # the first run loads the shipped bank (and says so)
    size = 3_217_792
    (tmp_path / "n-big.md").write_bytes(b"# Notes\n" + b"x" * (size - 8))
    code, _, err = cli("create", "big", "--from-notes", "n-big.md")
    assert (code, err) == (
        1,
        f"error: n-big.md is {size:,} bytes; notes files may have at most 2,000,000 bytes. "
        "Split them into several decks.\n",
    )
    (tmp_path / "big.yaml").write_bytes(b"#" * size)
    code, _, err = cli("create", "big", "--from-bank", "big.yaml")
    assert code == 1 and f"big.yaml is {size:,} bytes; at most 2,000,000 bytes" in err


@pytest.mark.parametrize(("source", "name"), [("--from-notes", "e.md"), ("--from-bank", "e.gift")])
def test_an_empty_file_makes_no_deck_and_says_so(cli, tmp_path, source, name):
    assert cli("list")[0] == 0  # the first run loads the shipped bank (and says so)
    (tmp_path / name).write_text("")
    code, _, err = cli("create", "e", source, name)
    assert (code, err) == (1, f"error: {name} is empty.\n")


def test_an_export_file_that_cannot_be_written_is_named_not_the_database(cli, tmp_path):
    assert cli("create", "k8s", "--from-notes", "k8s.md")[0] == 0
    for out, reason in [
        (tmp_path, "Is a directory"),
        (tmp_path / "k8s.md" / "deck.yaml", "Not a directory"),
        (tmp_path / "no" / "deck.yaml", "No such file or directory"),
        (Path("/dev/full"), "No space left on device"),  # fails writing, not opening
    ]:
        code, _, err = cli("export", "k8s", "--out", str(out))
        assert (code, err) == (2, f"error: {out}: {reason}\n")


@pytest.mark.slow
def test_the_issues_done_when_sequence(fresh_db: str, tmp_path: Path) -> None:
    """A deck from notes, published, a round of 5 asked from it alone; a topic of the shared
    deck plays that deck; both decks listed."""
    (tmp_path / "NOTES.md").write_text(K8S_NOTES, encoding="utf-8")
    env = {**os.environ, "DATABASE_URL": fresh_db}
    quizbot = f"{sys.executable} -m bot.cli"
    done = subprocess.run(
        f"{quizbot} decks create k8s --from-notes NOTES.md --team console:local && "
        f"{quizbot} decks publish k8s --team console:local && "
        f"printf '1\\n1\\n1\\n1\\n1\\n' | {quizbot} run console --deck k8s",
        shell=True,
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    asked = [line for line in done.stdout.splitlines() if line.startswith("Question ")]
    assert [a.split(" · ")[0] for a in asked] == [f"Question {i}/5" for i in range(1, 6)]
    made = generated(K8S_NOTES)
    assert {a.split(" · ", 1)[1] for a in asked} <= set(per_topic(made))
    sqs = subprocess.run(
        f"printf '1\\n1\\n1\\n1\\n1\\n' | {quizbot} run console --topic sqs",
        shell=True,
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    asked = [line for line in sqs.stdout.splitlines() if line.startswith("Question ")]
    (path,) = shipped_bank_paths()
    sqs_facts = {q.fact or q.id for q in load_bank(path).questions if q.topic == "AWS SQS"}
    assert len(asked) == min(5, len(sqs_facts))  # a round asks one question per fact
    assert {a.split(" · ", 1)[1] for a in asked} == {"AWS SQS"}
    listed = subprocess.run(
        [sys.executable, "-m", "bot.cli", "decks", "list"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    shipped, shipped_n, _ = shipped_deck()
    assert f"k8s · published · {len(made)} question(s)" in listed.stdout
    assert f"{shipped} · published · {shipped_n} question(s)" in listed.stdout


def test_a_page_past_the_end_is_refused_with_one_line(cli):
    assert cli("create", "k8s", "--from-notes", "k8s.md", *TEAM_ARG)[0] == 0
    pages = -(-len(generated(K8S_NOTES)) // 10)
    for argv, asked, last in (
        (["preview", "k8s", "--page", "70"], 70, pages),
        (["list", "--page", "2"], 2, 1),
        (["show", "k8s", "--page", "5"], 5, 1),
    ):
        code, out, err = cli(*argv, *TEAM_ARG)
        assert (code, out) == (1, "")
        assert err == f"error: Page {asked} of {last} does not exist: the last page is {last}.\n"


def test_a_deck_export_never_writes_over_a_file_without_force(cli, tmp_path):
    """The notes file most of all: `decks export k8s --out k8s.md` is a slip of the hand, and
    even with `--force` a Markdown name is refused: it holds notes, never an export."""
    assert cli("create", "k8s", "--from-notes", "k8s.md", *TEAM_ARG)[0] == 0
    markdown = (
        "error: --out k8s.md is a Markdown name, and Markdown files are notes; "
        "write the export to a .yaml file (or another format's extension)\n"
    )
    for force in ((), ("--force",)):
        code, out, err = cli("export", "k8s", "--out", "k8s.md", *force, *TEAM_ARG)
        assert (code, out, err) == (2, "", markdown)
    assert (tmp_path / "k8s.md").read_text(encoding="utf-8") == K8S_NOTES
    (tmp_path / "k8s.yaml").write_text("bank: old\n", encoding="utf-8")
    code, out, err = cli("export", "k8s", "--out", "k8s.yaml", *TEAM_ARG)
    assert (code, out, err) == (2, "", "error: k8s.yaml exists; pass --force to overwrite it\n")
    assert (tmp_path / "k8s.yaml").read_text(encoding="utf-8") == "bank: old\n"
    code, out, _ = cli("export", "k8s", "--out", "k8s.yaml", "--force", *TEAM_ARG)
    assert code == 0 and (tmp_path / "k8s.yaml").read_text().startswith("bank: k8s\n")


def test_a_deck_export_is_written_in_the_format_its_file_name_says(cli, tmp_path):
    assert cli("create", "k8s", "--from-notes", "k8s.md", *TEAM_ARG)[0] == 0
    n = len(generated(K8S_NOTES))
    for name, fmt in (("k8s.gift", "gift"), ("k8s.opentdb", "opentdb"), ("k8s.deck", "yaml")):
        code, out, _ = cli("export", "k8s", "--out", name, *TEAM_ARG)
        assert code == 0 and out == f"Wrote {n} question(s) of k8s to {name} ({fmt}).\n"
    assert (tmp_path / "k8s.opentdb").read_text().startswith('{\n  "response_code": 0')
    assert not (tmp_path / "k8s.gift").read_text().startswith("bank:")


def test_a_deck_file_is_read_before_the_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`decks create|regenerate --from-*` refuse a bad or missing file with its own error and
    exit code even with the database away, and make nothing (not even a new SQLite file)."""
    latin = tmp_path / "latin.md"
    latin.write_bytes("# Café\n".encode("latin-1"))
    empty = tmp_path / "empty.gift"
    empty.write_text("")
    missing = tmp_path / "missing.md"
    never_made = tmp_path / "never.db"
    unreachable = "postgresql+asyncpg://quiz:secret@127.0.0.1:1/quiz"
    for url in (unreachable, f"sqlite+aiosqlite:///{never_made}"):
        monkeypatch.setenv("DATABASE_URL", url)
        bot.config.get_settings.cache_clear()
        for verb in ("create", "regenerate"):
            assert main(["decks", verb, "k8s", "--from-notes", str(latin)]) == 1
            assert capsys.readouterr().err == (
                f"error: nothing was made from {latin}:\n  line 1: file: latin.md is not UTF-8 "
                "text (byte 6 is not valid UTF-8); save it as UTF-8\n"
            )
            assert main(["decks", verb, "k8s", "--from-bank", str(empty)]) == 1
            assert capsys.readouterr().err == "error: empty.gift is empty.\n"
            assert main(["decks", verb, "k8s", "--from-notes", str(missing)]) == 2
            assert capsys.readouterr().err == f"error: {missing}: No such file or directory\n"
    assert not never_made.exists()
    bot.config.get_settings.cache_clear()


def test_the_bank_file_help_names_every_extension_the_registry_reads(capsys):
    from questions.formats import FORMATS

    for verb in ("create", "regenerate"):
        with pytest.raises(SystemExit):
            main(["decks", verb, "--help"])
        said = " ".join(capsys.readouterr().out.split())  # argparse wraps the help
        assert all(e in said for f in FORMATS.values() for e in f.extensions), said


def test_the_notes_file_help_names_every_suffix_a_deck_reads(capsys):
    from bot.core.decks.rules import NOTES_SUFFIXES

    for verb in ("create", "regenerate"):
        with pytest.raises(SystemExit):
            main(["decks", verb, "--help"])
        said = " ".join(capsys.readouterr().out.split())
        assert all(s in said for s in NOTES_SUFFIXES), said  # .markdown and .txt are read too
