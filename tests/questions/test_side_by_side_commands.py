"""Two commands written side by side are no pair when the notes define more commands of their
form around them (`DEL` / `UNLINK` beside `PERSIST`, `SCAN`): those are offered too, not a coin
toss; a list of exactly two, or "X vs Y", stays a pair. And a true/false statement a program's
name spells out ("ls lists files", "ls changes the directory") tests nothing the notes teach.
Blind review 11 counted 14 such flaws of 120. Notes under tests/questions/notes/."""

from __future__ import annotations

from pathlib import Path

import pytest

from questions.bank import dump_bank
from questions.common_knowledge import spells_its_name
from questions.generate import generate_document, generate_from_texts

NOTES = Path(__file__).parent / "notes"


def _result(name: str):  # type: ignore[no-untyped-def]
    path = NOTES / name
    return generate_document(str(path), path.read_text(encoding="utf-8"))


def _chosen(name: str) -> list:  # type: ignore[type-arg]
    return [c for c, _ in _result(name).chosen]


def test_two_adjacent_commands_take_the_commands_of_the_sections_around() -> None:
    asked = [c for c in _chosen("redis-keyspace.md") if c.options[c.answer] in ("DEL", "UNLINK")]
    assert len(asked) == 2, [(c.prompt, c.options) for c in _chosen("redis-keyspace.md")]
    for c in asked:
        assert len(c.options) >= 3, c.options
        assert {"DEL", "UNLINK"} <= set(c.options), c.options
        # the extra options are commands the nearby sections define, written as bare names
        assert set(c.options) - {"DEL", "UNLINK"} <= {"EXPIRE", "PERSIST", "SCAN", "RANDOMKEY"}
        assert "MEMORY USAGE key" not in c.options  # a command line beside bare names stands out


def test_a_bare_program_meets_its_lists_command_lines_by_their_programs() -> None:
    asked = [c for c in _chosen("linux-storage.md") if c.options[c.answer] in ("lsblk", "blkid")]
    assert asked
    for c in asked:
        assert len(c.options) >= 3, c.options
        assert set(c.options) - {"lsblk", "blkid"} <= {"df", "du", "fstrim"}, c.options


@pytest.mark.parametrize(
    ("notes", "pair"),
    [
        ("homelab-zh-en.md", {"UNLINK", "DEL"}),  # a list of exactly these two
        ("shell-basics.md", {"hard link", "soft link (symlink)"}),  # "Hard vs soft links"
        ("redis-keyspace.md", {"SCAN", "RANDOMKEY"}),  # a list of two commands
    ],
)
def test_the_notes_own_pairs_stay_two_options(notes: str, pair: set[str]) -> None:
    asked = [c for c in _chosen(notes) if c.kind == "choice" and c.options[c.answer] in pair]
    assert asked, [(c.prompt, c.options) for c in _chosen(notes)]
    for c in asked:
        assert set(c.options) == pair, c.options


@pytest.mark.parametrize("notes", ["shell-daily.md", "shell-basics.md"])
def test_no_true_false_a_programs_name_settles(notes: str) -> None:
    r = _result(notes)
    for c, _ in r.chosen:
        if c.kind == "truefalse":
            for word in ("ls ", "cd ", "pwd ", "mkdir "):
                assert word not in c.prompt, c.prompt
    reasons = [d.reason for d in r.dropped if d.candidate.kind == "truefalse"]
    assert any(reason.startswith("common knowledge: what the name") for reason in reasons), reasons


@pytest.mark.parametrize(
    ("name", "predicate"),
    [
        ("ls", "lists files"),
        ("cd", "changes the directory"),
        ("mkdir", "makes a directory"),
        ("pwd", "prints the working directory"),
        ("`cp`", "copies the files"),
    ],
)
def test_a_name_spelled_by_its_claim(name: str, predicate: str) -> None:
    assert spells_its_name(name, predicate)


@pytest.mark.parametrize(
    ("name", "predicate"),
    [
        ("ls", "changes the directory"),  # another program's meaning: checked by that name
        ("grep", "searches text"),
        ("kill", "sends SIGTERM by default"),
        ("locate", "answers from a prebuilt database"),
        ("TTL key", "sets the time to live in milliseconds"),  # which command: the notes' fact
        ("BGSAVE", "writes a snapshot in the background"),
        ("du", "sums the space a directory uses"),
    ],
)
def test_a_claim_the_name_does_not_settle(name: str, predicate: str) -> None:
    assert not spells_its_name(name, predicate)


@pytest.mark.parametrize(
    "notes", ["redis-keyspace.md", "shell-daily.md", "git-zh-commands.md", "linux-storage.md"]
)
def test_same_notes_same_bank(notes: str) -> None:
    text = (NOTES / notes).read_text(encoding="utf-8")
    first, _ = generate_from_texts([(notes, text)], "t")
    again, _ = generate_from_texts([(notes, text)], "t")
    assert dump_bank(first) == dump_bank(again)
