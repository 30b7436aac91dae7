"""The shared time rules: naive moments are UTC whatever the machine's zone, timezone names."""

from __future__ import annotations

import time
from datetime import UTC, date, datetime, timedelta

import pytest

from bot.core.errors import QuizError
from bot.core.weeks import check_timezone, previous_week, utcnow, week_start


@pytest.fixture
def machine_in_tokyo(monkeypatch: pytest.MonkeyPatch):
    """The process's local zone set far from UTC, so code relying on it shows."""
    monkeypatch.setenv("TZ", "Asia/Tokyo")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_a_naive_moment_is_read_as_utc_not_as_the_machines_zone(machine_in_tokyo):
    # Monday 05:00 read as UTC is the new week; read as Tokyo time it would be Sunday in UTC.
    assert week_start(datetime(2026, 11, 30, 5, 0)) == date(2026, 11, 30)
    assert week_start(datetime(2026, 11, 30, 5, 0), "Europe/Berlin") == date(2026, 11, 30)


def test_previous_week_is_the_monday_seven_days_before():
    assert previous_week(date(2026, 11, 30)) == date(2026, 11, 23)


def test_utcnow_is_aware_and_in_utc():
    now = utcnow()
    assert now.tzinfo is UTC and abs(now - datetime.now(UTC)) < timedelta(minutes=1)


@pytest.mark.parametrize("name", ["Mars/Olympus", "", "   ", "../etc/passwd", "UTC\x00"])
def test_an_unknown_timezone_is_refused_naming_the_field(name: str):
    with pytest.raises(QuizError) as err:
        check_timezone(name)
    assert err.value.field == "timezone"
    assert "unknown timezone" in err.value.message and repr(name) in err.value.message


def test_a_known_timezone_comes_back_stripped():
    assert check_timezone("  Europe/Berlin ") == "Europe/Berlin"
