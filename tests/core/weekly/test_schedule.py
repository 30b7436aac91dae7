"""Pure schedule decisions: when a week's post is due, input checks, DST weeks."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from bot.core.errors import QuizError, ValidationFailed
from bot.core.weekly.claim import PostRec, PostStatus, claimable
from bot.core.weekly.schedule import (
    Schedule,
    due_week,
    next_post_at,
    parse_hour,
    parse_weekday,
    scheduled_at,
    validate_schedule,
    week_bounds,
)


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


MONDAY_9 = Schedule(0, 9, "UTC")


def test_not_due_before_the_scheduled_hour():
    assert due_week(MONDAY_9, utc(2026, 11, 23, 8, 59, 59)) is None


def test_due_at_the_scheduled_hour_for_the_week_that_ended():
    assert due_week(MONDAY_9, utc(2026, 11, 23, 9, 0)) == date(2026, 11, 16)


def test_stays_due_until_the_current_week_ends_then_moves_on():
    assert due_week(MONDAY_9, utc(2026, 11, 29, 23, 59, 59)) == date(2026, 11, 16)
    # The next week: not due before Monday 09:00, and the week of the 16th is never due again.
    assert due_week(MONDAY_9, utc(2026, 11, 30, 0, 0)) is None
    assert due_week(MONDAY_9, utc(2026, 11, 30, 9, 0)) == date(2026, 11, 23)


def test_a_midweek_schedule_covers_the_week_before_the_current_one():
    thursday_15 = Schedule(3, 15, "UTC")
    assert due_week(thursday_15, utc(2026, 11, 26, 14, 59)) is None
    assert due_week(thursday_15, utc(2026, 11, 26, 15, 0)) == date(2026, 11, 16)


def test_local_time_in_a_timezone_ahead_of_utc():
    tokyo = Schedule(0, 9, "Asia/Tokyo")  # Monday 09:00 JST = Monday 00:00 UTC
    assert due_week(tokyo, utc(2026, 11, 22, 23, 59)) is None
    assert due_week(tokyo, utc(2026, 11, 23, 0, 0)) == date(2026, 11, 16)


def test_local_week_boundary_differs_from_utc():
    # Sunday 20:00 in New York is already Monday in UTC, but the local week has not ended.
    ny_sunday_night = Schedule(6, 20, "America/New_York")
    at = scheduled_at(ny_sunday_night, date(2026, 11, 23))
    assert at == utc(2026, 11, 30, 1, 0)
    assert due_week(ny_sunday_night, at) == date(2026, 11, 16)
    assert due_week(ny_sunday_night, at - timedelta(seconds=1)) is None


def test_berlin_end_of_october_dst_posts_at_nine_local():
    berlin = Schedule(0, 9, "Europe/Berlin")
    # Before the change (CEST, UTC+2) and after it (CET, UTC+1, from Sunday 25 October 2026).
    assert scheduled_at(berlin, date(2026, 10, 19)) == utc(2026, 10, 19, 7)
    assert scheduled_at(berlin, date(2026, 10, 26)) == utc(2026, 10, 26, 8)
    assert due_week(berlin, utc(2026, 10, 26, 7, 30)) is None  # 08:30 local
    assert due_week(berlin, utc(2026, 10, 26, 8, 0)) == date(2026, 10, 19)
    start, end = week_bounds(date(2026, 10, 19), "Europe/Berlin")
    assert (start, end) == (utc(2026, 10, 18, 22), utc(2026, 10, 25, 23))
    assert end - start == timedelta(hours=169)


def test_berlin_schedule_on_the_change_day_itself():
    sunday_9 = Schedule(6, 9, "Europe/Berlin")
    assert scheduled_at(sunday_9, date(2026, 10, 19)) == utc(2026, 10, 25, 8)


def test_new_york_march_dst_posts_at_nine_local():
    ny = Schedule(0, 9, "America/New_York")
    assert scheduled_at(ny, date(2026, 3, 2)) == utc(2026, 3, 2, 14)  # EST
    assert scheduled_at(ny, date(2026, 3, 9)) == utc(2026, 3, 9, 13)  # EDT from 8 March
    assert due_week(ny, utc(2026, 3, 9, 12, 59)) is None
    assert due_week(ny, utc(2026, 3, 9, 13, 0)) == date(2026, 3, 2)


def test_an_hour_skipped_by_dst_posts_just_after_the_jump():
    ny_sunday_2am = Schedule(6, 2, "America/New_York")  # 02:00 does not exist on 8 March
    assert scheduled_at(ny_sunday_2am, date(2026, 3, 2)) == utc(2026, 3, 8, 7)  # 03:00 EDT


def test_an_hour_repeated_by_dst_posts_at_the_first_one():
    ny_sunday_1am = Schedule(6, 1, "America/New_York")  # 01:00 happens twice on 1 November
    assert scheduled_at(ny_sunday_1am, date(2026, 10, 26)) == utc(2026, 11, 1, 5)  # 01:00 EDT


def test_a_schedule_that_took_effect_after_this_weeks_time_waits_a_week():
    now = utc(2026, 11, 24, 10)  # Tuesday
    assert due_week(MONDAY_9, now, effective_from=utc(2026, 11, 24, 9)) is None
    assert due_week(MONDAY_9, now, effective_from=utc(2026, 11, 23, 8)) == date(2026, 11, 16)
    assert next_post_at(MONDAY_9, now, utc(2026, 11, 24, 9)) == utc(2026, 11, 30, 9)


def test_next_post_at():
    assert next_post_at(MONDAY_9, utc(2026, 11, 23, 8)) == utc(2026, 11, 23, 9)
    assert next_post_at(MONDAY_9, utc(2026, 11, 23, 9)) == utc(2026, 11, 23, 9)
    assert next_post_at(MONDAY_9, utc(2026, 11, 23, 9, 1)) == utc(2026, 11, 30, 9)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("mon", 0),
        ("Monday", 0),
        ("TUE", 1),
        ("tues", 1),
        ("wed", 2),
        ("thurs", 3),
        ("fri", 4),
        ("saturday", 5),
        ("sun", 6),
        ("0", 0),
        ("6", 6),
        (3, 3),
    ],
)
def test_weekday_names_and_numbers(text, day):
    assert parse_weekday(text) == day


@pytest.mark.parametrize("bad", ["", "mo", "funday", "7", -1, 7, True])
def test_bad_weekday_names_the_day_field(bad):
    with pytest.raises(QuizError) as exc:
        parse_weekday(bad)
    assert exc.value.field == "day"


@pytest.mark.parametrize(("text", "hour"), [(0, 0), (23, 23), ("9", 9), ("09", 9), ("17:00", 17)])
def test_hours(text, hour):
    assert parse_hour(text) == hour


@pytest.mark.parametrize("bad", [24, -1, "9am", "9:30", "", "123"])
def test_bad_hour_names_the_hour_field(bad):
    with pytest.raises(QuizError) as exc:
        parse_hour(bad)
    assert exc.value.field == "hour"


def test_validate_schedule_names_every_bad_field():
    with pytest.raises(ValidationFailed) as exc:
        validate_schedule("someday", 25, "Mars/Olympus")
    fields = exc.value.by_field()
    assert set(fields) == {"day", "hour", "timezone"}
    assert "IANA" in fields["timezone"]


@pytest.mark.parametrize("bad", ["Europe/Nowhere", "../etc/passwd", "", "  "])
def test_bad_timezone_names_the_timezone_field(bad):
    with pytest.raises(ValidationFailed) as exc:
        validate_schedule(0, 9, bad)
    assert list(exc.value.by_field()) == ["timezone"]


def test_validate_schedule_accepts_good_input():
    assert validate_schedule("fri", "17", " Europe/Berlin ") == Schedule(4, 17, "Europe/Berlin")


def _post(channel_id: int, status: PostStatus, claimed_at: datetime) -> PostRec:
    return PostRec(1, 1, channel_id, date(2026, 11, 16), status, "w", claimed_at)


def test_claimable_rules():
    stale_before = utc(2026, 11, 23, 9)
    old, fresh = utc(2026, 11, 23, 8), utc(2026, 11, 23, 9, 5)
    assert claimable([], 1, stale_before)
    assert claimable([_post(1, PostStatus.CLAIMED, old)], 1, stale_before)
    assert not claimable([_post(1, PostStatus.CLAIMED, fresh)], 1, stale_before)
    assert not claimable([_post(1, PostStatus.SENT, old)], 1, stale_before)
    assert not claimable([_post(1, PostStatus.SKIPPED, old)], 1, stale_before)
    # The week already went to another channel: a channel change waits for next week.
    assert not claimable([_post(2, PostStatus.SENT, old)], 1, stale_before)
    assert not claimable([_post(2, PostStatus.CLAIMED, old)], 1, stale_before)


def test_a_claim_exactly_at_the_timeout_is_stale_and_two_rows_are_never_claimable():
    stale_before = utc(2026, 11, 23, 9)
    assert claimable([_post(1, PostStatus.CLAIMED, stale_before)], 1, stale_before)
    # Two rows (a race left both): never claim again, even if the first looks stale.
    stale = _post(1, PostStatus.CLAIMED, utc(2026, 11, 23, 8))
    assert not claimable([stale, stale], 1, stale_before)
    assert not claimable([stale, stale, stale], 1, stale_before)


def test_a_worker_id_names_the_host_cut_to_60_and_the_process(monkeypatch):
    import os
    import socket

    from bot.core.weekly.claim import default_worker_id

    monkeypatch.setattr(socket, "gethostname", lambda: "h" * 100)
    host, pid, nonce = default_worker_id().split(":")
    assert host == "h" * 60 and pid == str(os.getpid())
    assert len(nonce) == 8 and int(nonce, 16) >= 0
    assert default_worker_id() != default_worker_id()


def test_the_last_weekday_is_accepted_as_a_number():
    assert parse_weekday(6) == 6


def test_weekday_and_hour_errors_say_what_is_allowed_and_what_was_given():
    with pytest.raises(QuizError) as day:
        parse_weekday("funday")
    assert day.value.message == (
        "day must be a weekday name (mon ... sun) or 0-6 with 0 = Monday, not 'funday'"
    )
    with pytest.raises(QuizError) as hour:
        parse_hour("25")
    assert hour.value.message == "hour must be a whole hour from 0 to 23, not '25'"
    with pytest.raises(QuizError):
        parse_hour("009")  # at most two digits: "009" is not how anyone writes an hour


def test_validate_schedule_keeps_each_fields_own_message():
    with pytest.raises(ValidationFailed) as exc:
        validate_schedule("someday", "25", "UTC")
    fields = exc.value.by_field()
    assert set(fields) == {"day", "hour"}
    assert "not 'someday'" in fields["day"] and "not '25'" in fields["hour"]


def test_a_schedule_info_notice_carries_its_text_under_the_weekly_title():
    from bot.core.models import TeamRef
    from bot.core.weekly.schedule import ScheduleInfo

    info = ScheduleInfo(TeamRef("console", "local"), enabled=False)
    notice = info.notice()
    assert notice.text == info.text == "Weekly leaderboard posts are off."
    assert notice.title == "Weekly leaderboard"


def test_naive_and_non_utc_moments_are_the_same_instants():
    from zoneinfo import ZoneInfo

    naive = datetime(2026, 11, 23, 9, 0)  # read as UTC
    tokyo = utc(2026, 11, 23, 9, 0).astimezone(ZoneInfo("Asia/Tokyo"))
    for now in (naive, tokyo):
        assert due_week(MONDAY_9, now) == date(2026, 11, 16)
        assert next_post_at(MONDAY_9, now) == utc(2026, 11, 23, 9)
    assert due_week(MONDAY_9, tokyo - timedelta(seconds=1)) is None
    assert due_week(MONDAY_9, naive, effective_from=datetime(2026, 11, 23, 8)) == date(2026, 11, 16)
    assert next_post_at(MONDAY_9, naive, effective_from=datetime(2026, 11, 23, 9)) == utc(
        2026, 11, 23, 9
    )


def test_times_come_back_in_utc_whatever_the_machines_zone(monkeypatch):
    import time

    from bot.core.weekly.schedule import local_moment

    monkeypatch.setenv("TZ", "Asia/Tokyo")
    time.tzset()
    try:
        at = local_moment(date(2026, 11, 23), 9, "Europe/Berlin")
        assert at.utcoffset() == timedelta(0) and at == utc(2026, 11, 23, 8)
    finally:
        monkeypatch.undo()
        time.tzset()


def test_a_schedule_taking_effect_exactly_at_the_posting_time_acts_this_week():
    at = utc(2026, 11, 23, 9)
    assert due_week(MONDAY_9, at, effective_from=at) == date(2026, 11, 16)
    assert next_post_at(MONDAY_9, at - timedelta(hours=1), effective_from=at) == at


def test_next_post_at_uses_the_schedules_own_week():
    # Sunday 21:00 in New York is already Monday in UTC; a Sunday-22:00 schedule posts within
    # the hour, not a week later.
    sunday_22 = Schedule(6, 22, "America/New_York")
    now = utc(2026, 11, 30, 2, 0)  # Sun 29 Nov 21:00 EST
    assert next_post_at(sunday_22, now) == utc(2026, 11, 30, 3, 0)


@pytest.mark.parametrize(
    ("day", "hour", "tz", "bad"),
    [("someday", 9, "UTC", "day"), (0, 99, "UTC", "hour"), (0, 9, "Mars/Base", "timezone")],
)
def test_one_bad_field_alone_is_refused(day, hour, tz, bad):
    with pytest.raises(ValidationFailed) as exc:
        validate_schedule(day, hour, tz)
    assert list(exc.value.by_field()) == [bad]
