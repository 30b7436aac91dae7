"""The weekly post on both databases with a fixed clock: timing, exactly once, retries,
catch-up, DST, schedule changes, `weekly off`, admin checks."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from bot.core.curation.service import AdminService
from bot.core.errors import NotAllowed, QuizError, ValidationFailed
from bot.core.models import ChannelRef
from bot.core.views import WeeklyPost
from bot.core.weekly.claim import PostStatus
from bot.core.weekly.service import WeeklyService
from bot.db.tables import LeaderboardPost, WeeklySchedule
from bot.service import build_service
from bot.workers import shared_pool
from tests.core.weekly.world import ADMIN, BOARD, OTHER_TEAM, World, utc
from tests.helpers import TEAM, RecordingMessenger, player

ENDED = date(2026, 11, 16)  # the week of Monday 16 November 2026
MON_9_BERLIN = utc(2026, 11, 23, 8)  # Monday 23 November, 09:00 in Berlin (CET)


async def berlin_monday_9(world: World) -> None:
    await world.set(utc(2026, 11, 18, 12), weekday="mon", hour=9, timezone="Europe/Berlin")


async def post_rows(world: World) -> list[LeaderboardPost]:
    async with world.repo.unit() as u:
        return list(await u.session.scalars(select(LeaderboardPost).order_by(LeaderboardPost.id)))


async def test_posts_at_the_configured_local_time_not_before(world: World):
    await berlin_monday_9(world)
    assert await world.run(utc(2026, 11, 23, 7, 59, 59)) == 0  # 08:59:59 in Berlin
    assert world.weekly_posts() == []
    assert await world.run(MON_9_BERLIN) == 1
    [(channel, post)] = world.weekly_posts()
    assert channel == BOARD
    assert post.week_start == ENDED
    [row] = await post_rows(world)
    assert (row.status, row.message_ref, row.claimed_by) == ("sent", "m1", "worker-1")
    assert row.sent_at == MON_9_BERLIN


async def test_running_the_due_step_again_or_from_another_process_sends_once(world: World):
    await berlin_monday_9(world)
    assert await world.run(MON_9_BERLIN) == 1
    assert await world.run(MON_9_BERLIN) == 0
    restarted = world.service("worker-2")
    for later in (utc(2026, 11, 23, 8), utc(2026, 11, 23, 9), utc(2026, 11, 29, 22, 59)):
        assert await restarted.run_due(later) == 0
    assert len(world.weekly_posts()) == 1


async def test_a_crash_between_claim_and_send_is_retried_once_after_the_timeout(world: World):
    await berlin_monday_9(world)
    world.posts.fail = True  # the platform call dies after the claim was committed
    assert await world.run(MON_9_BERLIN) == 0
    [row] = await post_rows(world)
    assert (row.status, row.claimed_by) == ("claimed", "worker-1")
    world.posts.fail = False
    other = world.service("worker-2")
    # Within the claim timeout nobody touches it: the first sender might still be at work.
    assert await other.run_due(utc(2026, 11, 23, 8, 9, 59)) == 0
    assert await world.run(utc(2026, 11, 23, 8, 5)) == 0
    assert world.weekly_posts() == []
    # After the timeout another worker takes it over and sends it, once.
    assert await other.run_due(utc(2026, 11, 23, 8, 10)) == 1
    assert await other.run_due(utc(2026, 11, 23, 8, 30)) == 0
    assert await world.run(utc(2026, 11, 24, 8)) == 0
    assert len(world.weekly_posts()) == 1
    [row] = await post_rows(world)
    assert (row.status, row.claimed_by, row.claimed_at) == (
        "sent",
        "worker-2",
        utc(2026, 11, 23, 8, 10),
    )


async def test_downtime_over_the_scheduled_time_posts_on_return(world: World):
    await berlin_monday_9(world)
    # The bot was down from Sunday to Wednesday afternoon.
    assert await world.run(utc(2026, 11, 25, 15)) == 1
    [(_, post)] = world.weekly_posts()
    assert post.week_start == ENDED


async def test_an_older_missed_week_is_not_posted(world: World):
    await berlin_monday_9(world)
    await world.play(utc(2026, 11, 19, 10), "t0", {"ann": True})
    await world.play(utc(2026, 11, 26, 10), "t1", {"bob": True})
    # Down for all of the week of the 23rd: its post (for the week of the 16th) is lost...
    assert await world.run(utc(2026, 11, 30, 7, 59)) == 0  # Monday 30th, 08:59 in Berlin
    # ...and at the next posting time only the week that just ended goes out.
    assert await world.run(utc(2026, 11, 30, 8)) == 1
    [(_, post)] = world.weekly_posts()
    assert post.week_start == date(2026, 11, 23)
    assert [e.row.display_name for e in post.top.entries] == ["bob"]
    assert [r.week_start for r in await post_rows(world)] == [date(2026, 11, 23)]


async def test_berlin_end_of_october_posts_at_nine_local(world: World):
    await world.set(utc(2026, 10, 20, 12), weekday=0, hour=9, timezone="Europe/Berlin")
    # Clocks went back on Sunday 25 October: 09:00 is now 08:00 UTC, not 07:00.
    assert await world.run(utc(2026, 10, 26, 7, 0)) == 0
    assert await world.run(utc(2026, 10, 26, 7, 59)) == 0
    assert await world.run(utc(2026, 10, 26, 8, 0)) == 1
    [(_, post)] = world.weekly_posts()
    assert post.week_start == date(2026, 10, 19)


async def test_new_york_march_change_posts_at_nine_local(world: World):
    await world.set(utc(2026, 3, 3, 12), weekday="monday", hour="9", timezone="America/New_York")
    # Clocks went forward on Sunday 8 March: 09:00 is now 13:00 UTC, not 14:00.
    assert await world.run(utc(2026, 3, 9, 12, 59)) == 0
    assert await world.run(utc(2026, 3, 9, 13, 0)) == 1
    assert await world.run(utc(2026, 3, 9, 14, 0)) == 0
    [(_, post)] = world.weekly_posts()
    assert post.week_start == date(2026, 3, 2)


async def test_a_channel_change_takes_effect_the_following_week(world: World):
    await berlin_monday_9(world)
    assert await world.run(MON_9_BERLIN) == 1
    elsewhere = ChannelRef(TEAM, "c-other", "other")
    await world.set(
        utc(2026, 11, 24, 10), channel=elsewhere, weekday=0, hour=9, timezone="Europe/Berlin"
    )
    for day in (24, 25, 29):
        assert await world.run(utc(2026, 11, day, 12)) == 0
    assert await world.run(utc(2026, 11, 30, 8)) == 1
    sent = world.weekly_posts()
    assert [(c.external_id, p.week_start) for c, p in sent] == [
        ("c-board", ENDED),
        ("c-other", date(2026, 11, 23)),
    ]


async def test_a_time_change_takes_effect_the_following_week(world: World):
    await berlin_monday_9(world)
    assert await world.run(MON_9_BERLIN) == 1
    await world.set(utc(2026, 11, 24, 10), weekday="thu", hour=15, timezone="Europe/Berlin")
    assert await world.run(utc(2026, 11, 26, 14)) == 0  # Thursday 15:00 in Berlin, same week
    assert await world.run(utc(2026, 11, 30, 8)) == 0  # the old time does not fire any more
    assert await world.run(utc(2026, 12, 3, 13, 59)) == 0
    assert await world.run(utc(2026, 12, 3, 14)) == 1
    assert [p.week_start for _, p in world.weekly_posts()] == [ENDED, date(2026, 11, 23)]


async def test_a_schedule_set_after_this_weeks_time_starts_next_week(world: World):
    await world.set(utc(2026, 11, 24, 10), weekday="mon", hour=9, timezone="UTC")
    assert await world.run(utc(2026, 11, 24, 10, 1)) == 0
    assert await world.run(utc(2026, 11, 30, 9)) == 1
    assert world.weekly_posts()[0][1].week_start == date(2026, 11, 23)


async def test_a_schedule_set_before_this_weeks_time_posts_this_week(world: World):
    await world.set(utc(2026, 11, 23, 8, 30), weekday="mon", hour=9, timezone="UTC")
    assert await world.run(utc(2026, 11, 23, 9)) == 1


async def test_repeating_the_same_schedule_does_not_delay_this_weeks_post(world: World):
    await berlin_monday_9(world)
    # The bot was down at 09:00; an admin re-confirms the schedule before it comes back.
    await world.set(utc(2026, 11, 23, 10), weekday="mon", hour=9, timezone="Europe/Berlin")
    assert await world.run(utc(2026, 11, 23, 11)) == 1


async def test_weekly_off_stops_it(world: World):
    await berlin_monday_9(world)
    world.clock.now = utc(2026, 11, 20, 12)
    info = await world.weekly.disable(ADMIN)
    assert not info.enabled and info.text == "Weekly leaderboard posts are off."
    for day in (23, 25, 30):
        assert await world.run(utc(2026, 11, day, 12)) == 0
    assert world.weekly_posts() == []
    assert not (await world.weekly.show(TEAM)).enabled
    # Turning it on again keeps the rest of the schedule and starts from the next time.
    await world.set(utc(2026, 12, 1, 12), weekday="mon", hour=9, timezone="Europe/Berlin")
    assert await world.run(utc(2026, 12, 7, 8)) == 1


async def test_an_empty_week_posts_a_nudge(world: World):
    await berlin_monday_9(world)
    assert await world.run(MON_9_BERLIN) == 1
    [(_, post)] = world.weekly_posts()
    assert post.empty and post.top.entries == ()


async def test_an_empty_week_with_the_nudge_off_posts_nothing_and_is_not_retried(world: World):
    await world.set(utc(2026, 11, 18, 12), weekday="mon", hour=9, nudge=False)
    assert await world.run(utc(2026, 11, 23, 9)) == 0
    [row] = await post_rows(world)
    assert row.status == PostStatus.SKIPPED
    assert await world.run(utc(2026, 11, 23, 9, 30)) == 0
    assert await world.run(utc(2026, 11, 28, 9)) == 0
    assert world.weekly_posts() == []
    assert len(await post_rows(world)) == 1
    # A week with games still posts with the nudge off.
    await world.play(utc(2026, 11, 24, 10), "t0", {"ann": True})
    assert await world.run(utc(2026, 11, 30, 9)) == 1


async def test_only_the_services_own_platform_is_handled(world: World):
    await berlin_monday_9(world)
    slack = RecordingMessenger()
    on_slack = WeeklyService(world.repo, slack, world.clock, "slack-1", platform="slack")
    assert await on_slack.run_due(MON_9_BERLIN) == 0
    assert slack.posts == [] and await post_rows(world) == []
    assert await world.run(MON_9_BERLIN) == 1


async def test_show_reports_the_schedule_and_next_post(world: World):
    await AdminService(world.repo, world.clock, worker=shared_pool()).team_settings(
        ADMIN, timezone="Europe/Berlin"
    )
    info = await world.set(utc(2026, 11, 18, 12), weekday="fri", hour=17)  # team timezone
    assert info.schedule is not None and info.schedule.timezone == "Europe/Berlin"
    assert info.next_post_at == utc(2026, 11, 20, 16)
    assert info.text == (
        "Weekly leaderboard: Fridays at 17:00 (Europe/Berlin) in #leaderboard. "
        "Next post: Fri 20 Nov 2026 17:00 CET."
    )
    world.clock.now = utc(2026, 11, 21, 12)
    shown = await world.weekly.show(TEAM)
    assert shown.enabled and shown.channel == BOARD
    assert shown.next_post_at == utc(2026, 11, 27, 16)
    assert shown.last_posted_week is None
    await world.run(utc(2026, 11, 21, 12))
    assert (await world.weekly.show(TEAM)).last_posted_week == date(2026, 11, 9)


async def test_only_admins_may_set_or_stop_it(world: World):
    world.clock.now = utc(2026, 11, 18, 12)
    with pytest.raises(NotAllowed):
        await world.weekly.set_schedule(player("ann"), BOARD)
    with pytest.raises(NotAllowed):
        await world.weekly.disable(player("ann"))
    assert not (await world.weekly.show(TEAM)).enabled
    # A role the team made an admin role is enough.
    await AdminService(world.repo, world.clock, worker=shared_pool()).team_settings(
        ADMIN, admin_roles=("quizmaster",)
    )
    mod = player("mod")
    mod = type(mod)(mod.team, mod.external_id, mod.display_name, roles=("QuizMaster",))
    assert (await world.weekly.set_schedule(mod, BOARD)).enabled


async def test_bad_input_names_the_field_and_changes_nothing(world: World):
    world.clock.now = utc(2026, 11, 18, 12)
    with pytest.raises(ValidationFailed) as exc:
        await world.weekly.set_schedule(ADMIN, BOARD, weekday="someday", hour=9)
    assert list(exc.value.by_field()) == ["day"]
    with pytest.raises(ValidationFailed) as exc:
        await world.weekly.set_schedule(ADMIN, BOARD, hour=24, timezone="Europe/Atlantis")
    assert set(exc.value.by_field()) == {"hour", "timezone"}
    with pytest.raises(QuizError) as qexc:
        await world.weekly.set_schedule(ADMIN, ChannelRef(OTHER_TEAM, "c9"))
    assert qexc.value.field == "channel"
    async with world.repo.unit() as u:
        assert list(await u.session.scalars(select(WeeklySchedule))) == []
    # An existing schedule survives a bad change untouched.
    await world.weekly.set_schedule(ADMIN, BOARD, weekday="tue", hour=7)
    with pytest.raises(ValidationFailed):
        await world.weekly.set_schedule(ADMIN, BOARD, weekday="wed", hour=99)
    shown = await world.weekly.show(TEAM)
    assert shown.schedule is not None and (shown.schedule.weekday, shown.schedule.hour) == (1, 7)


async def test_build_service_runs_the_weekly_post_in_its_due_step(world: World):
    messenger = RecordingMessenger()
    service = build_service(world.repo, messenger, "discord", clock=world.clock)
    assert service.weekly is not None
    await berlin_monday_9(world)
    world.clock.now = MON_9_BERLIN
    await service.due_step()
    assert [type(v) for _, v, _ in messenger.posts] == [WeeklyPost]


class _Refusing(RecordingMessenger):
    """A platform that answers without a message (Slack refusing: the bot is not in the channel)."""

    async def post(self, channel, view):  # type: ignore[no-untyped-def]
        return None


async def test_a_post_the_platform_did_not_take_stays_unsent_and_is_retried(world: World):
    await berlin_monday_9(world)
    refusing = WeeklyService(world.repo, _Refusing(), world.clock, "worker-r", platform="discord")
    assert await refusing.run_due(MON_9_BERLIN) == 0
    [row] = await post_rows(world)
    assert (row.status, row.sent_at) == ("claimed", None)
    # once the platform takes posts again, the week goes out after the claim timeout
    assert await world.run(utc(2026, 11, 23, 8, 10)) == 1
    [row] = await post_rows(world)
    assert row.status == "sent"
