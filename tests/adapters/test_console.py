"""The terminal round, exactly as a new user runs it (a real process, piped input)."""

from __future__ import annotations

import asyncio
import os
import re
import signal
import subprocess
import sys

import pytest


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


@pytest.mark.slow
def test_piped_round_plays_and_persists(fresh_db):
    first = quizbot(["run", "console", "--questions", "3"], fresh_db, "1\n2\n3\n")
    assert first.returncode == 0, first.stderr
    out = first.stdout
    assert re.findall(r"^Question (\d)/3", out, re.M) == ["1", "2", "3"]
    assert "Round over · 3 question(s) asked" in out
    assert re.search(r"you — \d+ pts \(\d/\d correct", out)
    second = quizbot(["run", "console", "--questions", "2", "--player", "Bob"], fresh_db, "1\n1\n")
    assert second.returncode == 0, second.stderr
    board = second.stdout.split("This week's top 5")[-1]
    assert "Leaderboard, week of" not in second.stdout  # the summary holds the board, once
    assert "you —" in board and "Bob —" in board


@pytest.mark.slow
def test_end_of_input_stops_the_round_cleanly(fresh_db):
    run = quizbot(["run", "console", "--questions", "4"], fresh_db, "1\n")
    assert run.returncode == 0, run.stderr
    assert "End of input: stopping the round." in run.stdout
    assert "Round stopped" in run.stdout


@pytest.mark.slow
def test_piped_line_that_is_no_choice_skips_that_question(fresh_db):
    run = quizbot(["run", "console", "--questions", "2"], fresh_db, "x\n1\n")
    assert run.returncode == 0, run.stderr
    assert "'x' is not a choice from 1 to" in run.stdout
    assert "Round over · 2 question(s) asked" in run.stdout
    assert re.search(r"you — \d+ pts \(\d/1 correct", run.stdout)


@pytest.mark.slow
def test_bad_arguments_exit_non_zero_with_reason(fresh_db):
    run = quizbot(["run", "console", "--questions", "0"], fresh_db)
    assert run.returncode == 2 and "questions must be 1 to 50" in run.stdout
    run = quizbot(["run", "console", "--topic", "Underwater basket weaving"], fresh_db)
    assert run.returncode == 2 and "No topic matches 'Underwater basket weaving'" in run.stdout
    assert "topics with quizbot decks show." in run.stdout and "/quiz" not in run.stdout


@pytest.mark.slow
def test_secrets_are_not_printed(fresh_db):
    env_url = fresh_db
    run = quizbot(["health"], env_url)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "ok: database" in run.stdout


async def _round_statuses(url: str) -> list[str]:
    from sqlalchemy import select

    from bot.db.connect import create_engine
    from bot.db.tables import Round

    engine = create_engine(url)
    try:
        async with engine.connect() as conn:
            return list((await conn.execute(select(Round.status).order_by(Round.id))).scalars())
    finally:
        await engine.dispose()


# Starts the bot with Ctrl-C's default handling, as a terminal does: a test run started in the
# background by a non-interactive shell (`.ci/run &`) has SIGINT ignored, which exec passes on.
_AS_FROM_A_TERMINAL = (
    "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); "
    "os.execv(sys.executable, [sys.executable, '-m', 'bot.cli', *sys.argv[1:]])"
)


@pytest.mark.slow
def test_ctrl_c_stops_the_round_it_started_and_the_next_run_starts_clean(fresh_db):
    child = subprocess.Popen(
        [sys.executable, "-c", _AS_FROM_A_TERMINAL, "run", "console", "--questions", "3"],
        stdin=subprocess.PIPE,  # kept open: the player is thinking
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "DATABASE_URL": fresh_db},
    )
    try:
        shown = []
        while not (shown and shown[-1].startswith("Question 1/3")):
            line = child.stdout.readline()  # the card is flushed as soon as it is posted
            assert line, "the round never showed its first question"
            shown.append(line)
        child.send_signal(signal.SIGINT)
        out, err = child.communicate(timeout=60)
    finally:
        child.kill()
    assert child.returncode == 130, err
    assert out.strip().splitlines() == [
        "Interrupted: the round was stopped; points already won are kept."
    ]
    assert "Traceback" not in out + err and err == ""
    assert asyncio.run(_round_statuses(fresh_db)) == ["stopped"]

    again = quizbot(["run", "console", "--questions", "1"], fresh_db, "1\n")
    assert again.returncode == 0, again.stderr
    assert again.stdout.lstrip().startswith("Question 1/1")
    assert "Round stopped" not in again.stdout and "Traceback" not in again.stderr
    assert asyncio.run(_round_statuses(fresh_db)) == ["stopped", "finished"]


async def test_a_round_left_by_a_killed_run_is_stopped_with_one_line(fresh_db, fresh_repo):
    from bot.adapters.console import CONSOLE_CHANNEL, CONSOLE_TEAM
    from bot.core.models import PlayerRef
    from bot.core.play.service import QuizEngine
    from bot.db.banks import load_shipped_banks_if_empty
    from tests.helpers import RecordingMessenger

    await load_shipped_banks_if_empty(fresh_repo)
    engine = QuizEngine(fresh_repo, RecordingMessenger(), platform="console")
    you = PlayerRef(CONSOLE_TEAM, "you", "you", is_platform_admin=True)
    await engine.start_round(CONSOLE_CHANNEL, you, questions=3)  # then the process was killed

    again = await asyncio.to_thread(
        quizbot, ["run", "console", "--questions", "1"], fresh_db, "1\n"
    )
    assert again.returncode == 0, again.stderr
    lines = [line for line in again.stdout.splitlines() if line.strip()]
    assert lines[0] == "A round left running by an earlier run (killed?) was stopped."
    assert lines[1].startswith("Question 1/1")
    assert "Round stopped" not in again.stdout
    assert await _round_statuses(fresh_db) == ["stopped", "finished"]


class _Endless:
    """`yes 1` as a stream: lines until told to stop, counting what the reader took."""

    def __init__(self) -> None:
        self.read = 0
        self.stop = False

    def __iter__(self) -> _Endless:
        return self

    def __next__(self) -> str:
        if self.stop:
            raise StopIteration
        self.read += 1
        return "1\n"


async def test_endless_piped_input_is_read_only_as_far_as_the_round_takes_it():
    """Endless input (`yes 1 | quizbot run console`) waits for room in the queue: read without
    backpressure it flooded the loop with callbacks, and on uvloop the round never went on."""
    import threading

    from bot.adapters.console import LINES_AHEAD, _reader

    stream = _Endless()
    queue: asyncio.Queue[str | None] = asyncio.Queue(maxsize=LINES_AHEAD)
    loop = asyncio.get_running_loop()
    threading.Thread(target=_reader, args=(loop, stream, queue), daemon=True).start()
    for _ in range(3):
        assert await queue.get() == "1\n"
    for _ in range(500):  # until the reader has filled the queue and waits for room
        if queue.full():
            break
        await asyncio.sleep(0.01)
    assert queue.full()
    assert stream.read <= 3 + LINES_AHEAD + 1
    stream.stop = True
    while await queue.get() is not None:
        pass
