"""`quizbot questions load`: idempotent, and a bad file names the question and field and
loads nothing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # each test runs quizbot in a process of its own

GOOD = """bank: cli-test
questions:
  - {id: c1, topic: T, prompt: 'First?', choices: [a, b], answer: 0}
  - {id: c2, topic: T, prompt: 'Second?', choices: [a, b, c], answer: 2}
"""
BAD = """bank: cli-test
questions:
  - {id: c3, topic: T, prompt: 'Third?', choices: [a, b], answer: 0}
  - {id: c4, topic: T, prompt: 'Fourth?', choices: [a, b], answer: 5}
  - {id: c5, prompt: 'Fifth?', choices: [a, b], answer: 1}
"""


def quizbot(url: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "DATABASE_URL": url},
    )


def test_load_is_idempotent_and_bad_files_change_nothing(fresh_db: str, tmp_path: Path) -> None:
    good, bad = tmp_path / "good.yaml", tmp_path / "bad.yaml"
    good.write_text(GOOD)
    bad.write_text(BAD)
    first = quizbot(fresh_db, "questions", "load", str(good))
    assert first.returncode == 0, first.stderr
    assert "2 added, 0 updated, 0 unchanged" in first.stdout
    again = quizbot(fresh_db, "questions", "load", str(good))
    assert "0 added, 0 updated, 2 unchanged" in again.stdout
    rejected = quizbot(fresh_db, "questions", "load", str(bad))
    assert rejected.returncode == 2
    assert "question c4: answer: is 5" in rejected.stderr
    assert "question c5: topic: is missing" in rejected.stderr
    after = quizbot(fresh_db, "questions", "load", str(good))
    assert "0 added, 0 updated, 2 unchanged, 0 retired" in after.stdout  # c3 never went in
