"""`quizbot daily run-due`: the terminal's question of the day, as a user types it: set for
the terminal's team, posted once when due and answered from stdin, revealed when it closes."""

from __future__ import annotations

import asyncio
import io
import re
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from bot.cli import main
from bot.db.connect import create_engine
from bot.db.tables import Answer, Player

TEAM = ["--team", "console:local"]


def run_due(monkeypatch: pytest.MonkeyPatch, capsys, at: datetime, typed: str = "") -> str:
    monkeypatch.setattr("sys.stdin", io.StringIO(typed))
    code = main(["daily", "run-due", "--player", "Ana", "--now", at.isoformat()])
    out = capsys.readouterr()
    assert code == 0, out.err
    return out.out


async def answers_of(url: str) -> list[tuple[str, int]]:
    engine = create_engine(url)
    try:
        async with engine.connect() as conn:
            rows = await conn.execute(
                select(Player.display_name, Answer.points).join(
                    Player, Player.id == Answer.player_id
                )
            )
            return [(name, points) for name, points in rows]
    finally:
        await engine.dispose()


def test_the_terminals_question_of_the_day_is_posted_once_answered_and_revealed(
    cli_env: str, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    set_at = ["daily", "set", *TEAM, "--channel", "terminal", "--time", "09:00", "--window", "2"]
    assert main(set_at) == 0
    capsys.readouterr()
    day = (datetime.now(UTC) + timedelta(days=2)).date()  # a schedule set today starts later
    nine = datetime(day.year, day.month, day.day, 9, 0, 30, tzinfo=UTC)

    assert "No question of the day is due" in run_due(
        monkeypatch, capsys, nine - timedelta(hours=1)
    )
    shown = run_due(monkeypatch, capsys, nine, typed="1\n")
    assert "Question of the day" in shown and "  1. " in shown
    assert re.search(r"Type the number of your answer \(1 to [2-5]\) and press Enter", shown)
    assert "/quiz" not in shown
    [(name, _points)] = asyncio.run(answers_of(cli_env))
    assert name == "Ana"

    # once a day: a second run posts nothing and takes no answer
    assert "No question of the day is due" in run_due(monkeypatch, capsys, nine, typed="2\n")
    assert len(asyncio.run(answers_of(cli_env))) == 1

    # after its window the reveal is printed, with Ana's verdict
    closed = run_due(monkeypatch, capsys, nine + timedelta(hours=2, minutes=1))
    assert "Correct" in closed or "Not this time" in closed
    # once: the terminal prints the reveal the chat platforms edit in and post again
    assert closed.count("Answer: ") == 1, closed


def test_an_unanswered_question_stays_open(
    cli_env: str, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    assert main(["daily", "set", *TEAM, "--channel", "terminal", "--time", "7"]) == 0
    day = (datetime.now(UTC) + timedelta(days=2)).date()
    # posted at 08:00 (due since 07:00), open 8 hours from then
    shown = run_due(monkeypatch, capsys, datetime(day.year, day.month, day.day, 8, tzinfo=UTC))
    assert "No answer taken; the question stays open until 16:00 UTC." in shown


def test_run_due_has_help(capsys) -> None:
    with pytest.raises(SystemExit) as done:
        main(["daily", "run-due", "--help"])
    assert done.value.code == 0
    assert "terminal team's (console:local) question-of-the-day step" in capsys.readouterr().out
