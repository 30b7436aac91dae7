"""Names a platform gives players after their first click (see QuizEngine.learn_name): stored
in place of the stand-in, a burst of them in a few transactions, one batch at a time."""

from __future__ import annotations

import asyncio

from sqlalchemy import select

from bot.core.models import PlayerRef
from bot.core.play.service import QuizEngine
from bot.db.tables import Player
from tests.helpers import TEAM, RecordingMessenger


async def test_a_burst_of_learned_names_is_written_in_two_transactions(repo):
    engine = QuizEngine(repo, RecordingMessenger(), platform="discord")
    handles = [PlayerRef(TEAM, f"U{i:03d}", f"u{i:03d}", provisional_name=True) for i in range(50)]
    async with repo.unit() as u:  # the players as their first clicks named them
        await u.teams.ensure_players(await u.teams.ensure_team(TEAM), handles)
    await asyncio.gather(
        *(
            engine.learn_name(PlayerRef(TEAM, h.external_id, f"Name {i}"))
            for i, h in enumerate(handles)
        )
    )
    assert engine.name_queue.batches == 2  # the first alone, the 49 that queued meanwhile
    async with repo.unit() as u:
        names = dict(
            (await u.session.execute(select(Player.external_id, Player.display_name))).all()
        )
    assert names == {h.external_id: f"Name {i}" for i, h in enumerate(handles)}
