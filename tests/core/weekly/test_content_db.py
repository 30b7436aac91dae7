"""The post for a scripted week of answers, played through the real engine, is exactly right."""

from __future__ import annotations

from datetime import date

from bot.core.models import ChannelRef
from bot.core.views import HardestQuestion, MostMissed, Winner
from tests.core.weekly.world import OTHER_TEAM, World, utc

ENDED = date(2026, 11, 16)


async def test_post_for_a_scripted_week(world: World):
    await world.set(utc(2026, 11, 1, 12), weekday="mon", hour=9, timezone="UTC")
    # The week before: bob 300, ann 150.
    await world.play(utc(2026, 11, 11, 12), "t5", {"bob": True, "ann": True})
    await world.play(utc(2026, 11, 12, 12), "t6", {"bob": True})
    # The week itself (right = 150 points, wrong = 0), from its first second to its last minute.
    hard_prompt, hard_answer = await world.play(
        utc(2026, 11, 16, 0, 0, 0),
        "t1",
        {"ann": True, "bob": False, "cy": False, "dee": False},
    )
    await world.play(utc(2026, 11, 17, 9), "t3", {"bob": False, "dee": False})  # 0/2: too few
    await world.play(utc(2026, 11, 18, 9), "t2", {"ann": False, "cy": True})  # 1/2: too few
    await world.play(
        utc(2026, 11, 19, 9), "t0", {"ann": True, "bob": True, "cy": True, "dee": False}
    )
    await world.play(utc(2026, 11, 22, 23, 59), "t4", {"ann": True, "bob": True})
    # Another team got the hardest question wrong all week: not ours, not counted.
    await world.play(
        utc(2026, 11, 18, 10),
        "t1",
        {"x": True, "y": True, "z": True},
        channel=ChannelRef(OTHER_TEAM, "c9"),
    )
    # This week already started: dee's answer on Monday morning belongs to next week's post.
    await world.play(utc(2026, 11, 23, 8), "t7", {"dee": True})

    assert await world.run(utc(2026, 11, 23, 9)) == 1
    [(_, post)] = world.weekly_posts()

    assert post.week_start == ENDED and not post.empty
    table = [
        (e.rank, e.row.display_name, e.row.points, e.row.correct, e.row.answered)
        for e in post.top.entries
    ]
    assert table == [
        (1, "ann", 450, 3, 4),
        (2, "bob", 300, 2, 4),  # tie on points and correct answers: shared rank, by name
        (2, "cy", 300, 2, 3),
        (4, "dee", 0, 0, 3),
    ]
    assert [e.accuracy for e in post.top.entries] == [0.75, 0.5, 2 / 3, 0.0]
    # ann and cy both gained 300 over the week before (150 -> 450, 0 -> 300); ann scored more.
    assert post.most_improved == Winner("ann", 300)
    assert hard_prompt == "Question number 1?" and hard_answer == "right 1"
    assert post.hardest == HardestQuestion(hard_prompt, hard_answer, 0.25, 4)
    # Missed 3 times of 4 (t3 only twice, the other team's misses not counted), with its why.
    assert post.most_missed == MostMissed(hard_prompt, hard_answer, "Because 1.", 3, 4)
    # Current streaks: ann R R W R R, bob R R W W R R, cy W R R, dee W W W R.
    assert post.streak_leaders == (Winner("ann", 2), Winner("bob", 2), Winner("cy", 2))
    assert post.top.week_start == ENDED


async def test_the_week_follows_the_team_timezone_for_answers(world: World):
    from bot.core.curation.service import AdminService
    from bot.workers import shared_pool
    from tests.core.weekly.world import ADMIN

    await AdminService(world.repo, world.clock, worker=shared_pool()).team_settings(
        ADMIN, timezone="Asia/Tokyo"
    )
    await world.set(utc(2026, 11, 1, 12), weekday="mon", hour=9)  # Tokyo
    # Sunday 22 November 15:30 UTC is already Monday 23rd in Tokyo: next week's answer.
    await world.play(utc(2026, 11, 22, 15, 30), "t0", {"late": True})
    # Sunday 15 November 15:30 UTC is Monday 16th in Tokyo: this week's.
    await world.play(utc(2026, 11, 15, 15, 30), "t1", {"early": True, "b": False, "c": False})
    assert await world.run(utc(2026, 11, 23, 0)) == 1  # Monday 09:00 in Tokyo
    [(_, post)] = world.weekly_posts()
    assert post.week_start == ENDED
    assert [e.row.display_name for e in post.top.entries] == ["early", "b", "c"]
    assert post.hardest is not None and post.hardest.answered == 3


async def test_a_schedule_in_another_timezone_moves_the_team_week_with_it(world: World):
    """The schedule's timezone becomes the team's, so scores are counted in the weeks the
    post reports (not UTC weeks posted on Tokyo's clock)."""
    from bot.core.curation.service import AdminService
    from bot.workers import shared_pool
    from tests.core.weekly.world import ADMIN

    admin = AdminService(world.repo, world.clock, worker=shared_pool())
    assert (await admin.team_settings(ADMIN)).timezone == "UTC"
    await world.set(utc(2026, 11, 1, 12), weekday="mon", hour=9, timezone="Asia/Tokyo")
    assert (await admin.team_settings(ADMIN)).timezone == "Asia/Tokyo"
    await world.play(utc(2026, 11, 22, 15, 30), "t0", {"late": True})  # Monday 23rd in Tokyo
    await world.play(utc(2026, 11, 15, 15, 30), "t1", {"early": True})  # Monday 16th in Tokyo
    assert await world.run(utc(2026, 11, 23, 0)) == 1
    [(_, post)] = world.weekly_posts()
    assert post.week_start == ENDED
    assert [e.row.display_name for e in post.top.entries] == ["early"]
