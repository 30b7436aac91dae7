"""The terminal round, exactly as a new user runs it (a real process, piped input)."""

from __future__ import annotations

import os
import re
import subprocess
import sys


def quizbot(args: list[str], url: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DATABASE_URL": url}
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def test_piped_round_plays_and_persists(fresh_db):
    first = quizbot(["run", "console", "--questions", "3"], fresh_db, "1\n2\n3\n")
    assert first.returncode == 0, first.stderr
    out = first.stdout
    assert re.findall(r"^Question (\d)/3", out, re.M) == ["1", "2", "3"]
    assert "Round over · 3 question(s) asked" in out
    assert re.search(r"you — \d+ pts \(\d/\d correct", out)
    second = quizbot(["run", "console", "--questions", "2", "--player", "Bob"], fresh_db, "1\n1\n")
    assert second.returncode == 0, second.stderr
    board = second.stdout.split("Leaderboard, week of")[-1]
    assert "you —" in board and "Bob —" in board


def test_end_of_input_stops_the_round_cleanly(fresh_db):
    run = quizbot(["run", "console", "--questions", "4"], fresh_db, "1\n")
    assert run.returncode == 0, run.stderr
    assert "End of input: stopping the round." in run.stdout
    assert "Round stopped" in run.stdout


def test_piped_line_that_is_no_choice_skips_that_question(fresh_db):
    run = quizbot(["run", "console", "--questions", "2"], fresh_db, "x\n1\n")
    assert run.returncode == 0, run.stderr
    assert "'x' is not a choice from 1 to" in run.stdout
    assert "Round over · 2 question(s) asked" in run.stdout
    assert re.search(r"you — \d+ pts \(\d/1 correct", run.stdout)


def test_bad_arguments_exit_non_zero_with_reason(fresh_db):
    run = quizbot(["run", "console", "--questions", "0"], fresh_db)
    assert run.returncode == 2 and "questions must be 1 to 50" in run.stdout
    run = quizbot(["run", "console", "--topic", "Underwater basket weaving"], fresh_db)
    assert run.returncode == 2 and "Unknown topic" in run.stdout


def test_secrets_are_not_printed(fresh_db):
    env_url = fresh_db
    run = quizbot(["health"], env_url)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "ok: database" in run.stdout
