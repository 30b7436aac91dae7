"""Two bot processes (separate engines and pools, real commits) racing on the same database:
the weekly post still goes out once. PostgreSQL is the production case; SQLite queues writers
(BEGIN IMMEDIATE) and must give the same answer."""

from __future__ import annotations

import asyncio

from bot.core.views import WeeklyPost
from bot.core.weekly.service import WeeklyService
from bot.db.repository import SqlRepository
from tests.core.weekly.world import make_world, utc
from tests.helpers import RecordingMessenger

DUE = utc(2026, 11, 23, 9)


async def prepare(repo: SqlRepository) -> None:
    world = await make_world(repo)
    await world.set(utc(2026, 11, 18, 12), weekday="mon", hour=9, timezone="UTC")
    await world.play(utc(2026, 11, 19, 10), "t0", {"ann": True, "bob": False})


def replicas(
    repos: tuple[SqlRepository, SqlRepository], messenger: RecordingMessenger
) -> list[WeeklyService]:
    return [
        WeeklyService(repo, messenger, lambda: DUE, f"replica-{i}-{j}", platform="discord")
        for i, repo in enumerate(repos)
        for j in range(2)
    ]


async def test_replicas_racing_send_once(two_repos):
    await prepare(two_repos[0])
    messenger = RecordingMessenger()
    workers = replicas(two_repos, messenger)
    for _ in range(3):
        results = await asyncio.gather(*(w.run_due(DUE) for w in workers))
        assert sum(results) <= 1
    sent = [v for _, v, _ in messenger.posts if isinstance(v, WeeklyPost)]
    assert len(sent) == 1
    assert [e.row.display_name for e in sent[0].top.entries] == ["ann", "bob"]


async def test_replicas_racing_to_take_over_a_stale_claim_send_once(two_repos):
    await prepare(two_repos[0])
    broken = RecordingMessenger(fail=True)
    crashed = WeeklyService(two_repos[0], broken, lambda: DUE, "crashed", platform="discord")
    assert await crashed.run_due(DUE) == 0
    messenger = RecordingMessenger()
    workers = replicas(two_repos, messenger)
    later = utc(2026, 11, 23, 9, 11)
    results = await asyncio.gather(*(w.run_due(later) for w in workers))
    assert sorted(results) == [0, 0, 0, 1]
    assert len(messenger.posts) == 1


async def test_a_week_claimed_for_one_channel_cannot_be_claimed_for_another(two_repos):
    """Two workers claim the same week at once, each for another channel (the schedule moved
    between their reads): the database lets one claim through."""
    from bot.core.models import ChannelRef
    from bot.core.weekly.service import claim_post as take
    from tests.helpers import TEAM

    first, second = two_repos
    async with first.unit() as u:
        team_id = await u.teams.ensure_team(TEAM)
        old_channel = await u.teams.ensure_channel(team_id, ChannelRef(TEAM, "old"))
        new_channel = await u.teams.ensure_channel(team_id, ChannelRef(TEAM, "new"))
    week = utc(2026, 11, 16).date()

    async def claim(repo: SqlRepository, channel_id: int, worker: str) -> int | None:
        async with repo.unit() as u:
            return await take(u.weekly, team_id, channel_id, week, worker, DUE, DUE)

    async with first.unit() as u:
        claimed = await take(u.weekly, team_id, old_channel, week, "a", DUE, DUE)
        assert claimed is not None
        # The second worker reads before this claim commits, then tries its own channel.
        racing = asyncio.create_task(claim(second, new_channel, "b"))
        await asyncio.sleep(0.2)
    assert await racing is None
