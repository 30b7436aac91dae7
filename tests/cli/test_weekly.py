"""`quizbot weekly ...` end to end on a real database: set, show, run-due with a fixed time,
dry runs, off, and bad input that names the field and changes nothing."""

from __future__ import annotations

import pytest

from bot.cli import main


@pytest.fixture
def cli(cli_env: str) -> object:
    """The CLI's entry point on a fresh database (`cli_env` points the settings at it)."""
    return main


TEAM = "console:local"


def test_set_show_run_due_and_off(cli, capsys):
    args = "--channel general --channel-name general --day tue --hour 17 --timezone Europe/Berlin"
    assert cli(["weekly", "set", "--team", TEAM, *args.split(), "--no-nudge"]) == 0
    out = capsys.readouterr().out
    assert "Tuesdays at 17:00 (Europe/Berlin) in #general" in out
    assert "Weeks without games are skipped." in out

    assert cli(["weekly", "show", "--team", TEAM]) == 0
    assert "Tuesdays at 17:00 (Europe/Berlin)" in capsys.readouterr().out

    # The empty week is due next Tuesday 17:00 Berlin (16:00 UTC); with no nudge nothing prints.
    week_later = "2099-01-06T16:00:00+00:00"  # a Tuesday
    assert cli(["weekly", "run-due", "--now", "2099-01-06T15:59:00Z", "--dry-run"]) == 0
    assert "0 weekly post(s) due" in capsys.readouterr().out
    assert cli(["weekly", "run-due", "--now", week_later, "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "--- due (not sent): console:local #general ---" in out
    assert "No games this week" in out and "1 weekly post(s) due" in out
    assert cli(["weekly", "run-due", "--now", week_later, "--platform", "console"]) == 0
    assert "0 weekly post(s) sent" in capsys.readouterr().out  # skipped: empty, no nudge
    assert cli(["weekly", "run-due", "--now", week_later, "--dry-run"]) == 0
    assert "0 weekly post(s) due" in capsys.readouterr().out  # and not retried

    assert cli(["weekly", "set", "--team", TEAM, "--channel", "general", "--nudge"]) == 0
    capsys.readouterr()
    assert cli(["weekly", "run-due", "--now", "2099-01-12T09:00:00"]) == 0  # Monday, UTC
    out = capsys.readouterr().out
    assert "--- console:local #general ---" in out
    assert "Weekly leaderboard, week of 2099-01-05" in out and "No games this week" in out
    assert "1 weekly post(s) sent" in out

    assert cli(["weekly", "off", "--team", TEAM]) == 0
    assert "off" in capsys.readouterr().out
    assert cli(["weekly", "run-due", "--now", "2099-01-19T09:00:00Z", "--dry-run"]) == 0
    assert "0 weekly post(s) due" in capsys.readouterr().out


def test_bad_input_names_the_field_and_changes_nothing(cli, capsys):
    args = "--channel c --day funday --hour 25 --timezone Mars/Base"
    code = cli(["weekly", "set", "--team", TEAM, *args.split()])
    assert code == 2
    err = capsys.readouterr().err
    assert "day:" in err and "hour:" in err and "timezone:" in err
    assert cli(["weekly", "show", "--team", TEAM]) == 0
    assert "off" in capsys.readouterr().out


def test_bad_now_and_team_are_refused(cli, capsys):
    with pytest.raises(SystemExit) as exc:
        cli(["weekly", "run-due", "--now", "next tuesday"])
    assert exc.value.code == 2
    assert "--now must be an ISO-8601 time" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exc:
        cli(["weekly", "show", "--team", "teams:x"])
    assert "--team must look like" in str(exc.value.code)
