"""Closes of different channels go side by side: one channel's slow reveal never holds up
another's next card, closes share transactions within a bound, and a close that fails fails
alone. On both databases, with real commits (an engine of its own per test)."""

from __future__ import annotations

import asyncio
import random
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from sqlalchemy import update

from bot.core.models import ChannelRef
from bot.core.play.service import CLOSE_BATCH, CLOSE_CONNECTIONS, QuizEngine
from bot.core.views import QuestionCard, Reveal, RoundSummary, View
from bot.db.repository import SqlRepository, SqlUnit
from bot.db.tables import RoundQuestion
from tests.helpers import TEAM, FixedClock, RecordingMessenger, load_questions, player
from tests.helpers import sample_questions as questions

# Guards against a hang only (a test that waits forever instead of failing); no assertion
# depends on how long anything took.
HANG_GUARD = 30


class HeldReveal(RecordingMessenger):
    """Channel `held`'s reveal waits until another channel's second card is posted: a slow
    platform edit in one channel, released only by progress in another."""

    def __init__(self, held: str) -> None:
        super().__init__()
        self.held = held
        self.other_card = asyncio.Event()

    async def post(self, channel: ChannelRef, view: View) -> str | None:
        ref = await super().post(channel, view)
        if isinstance(view, QuestionCard) and view.number == 2 and channel.external_id != self.held:
            self.other_card.set()
        return ref

    async def update(self, channel: ChannelRef, message_ref: str, view: View) -> None:
        if channel.external_id == self.held:
            await self.other_card.wait()
        await super().update(channel, message_ref, view)


async def test_a_slow_reveal_in_one_channel_does_not_hold_up_the_next_card_of_another(fresh_repo):
    await load_questions(fresh_repo, questions(8))
    clock = FixedClock()
    messenger = HeldReveal(held="slow")
    quiz = QuizEngine(fresh_repo, messenger, platform="discord", clock=clock, rng=random.Random(1))
    await quiz.start_round(ChannelRef(TEAM, "slow"), player("host"), questions=2, seconds=10)
    clock.advance(1)  # the slow channel's question is due first
    await quiz.start_round(ChannelRef(TEAM, "quick"), player("host"), questions=2, seconds=10)
    clock.advance(10)
    closed = await asyncio.wait_for(quiz.run_due(), HANG_GUARD)
    assert closed == 2
    posted = [(c.external_id, v) for c, v, _ in messenger.posts if isinstance(v, QuestionCard)]
    assert [(ch, card.number) for ch, card in posted[2:]] == [("quick", 2), ("slow", 2)]
    revealed = [c.external_id for c, _, v in messenger.updates if isinstance(v, Reveal)]
    assert revealed == ["quick", "slow"]  # the slow reveal came after the quick channel's card


class CountingRepository(SqlRepository):
    """The real repository, counting its transactions open at once."""

    def __init__(self, repo: SqlRepository) -> None:
        super().__init__(repo.bind)
        self.open = 0
        self.most_open = 0

    @asynccontextmanager
    async def unit(self, *, autocommit: bool = False) -> AsyncIterator[SqlUnit]:
        self.open += 1
        self.most_open = max(self.most_open, self.open)
        try:
            async with super().unit(autocommit=autocommit) as u:
                yield u
        finally:
            self.open -= 1


async def test_closes_due_together_run_side_by_side_within_the_bound(fresh_repo):
    """More channels' questions are due in the same pass than one transaction closes: their
    closes go in as few transactions as that allows, which overlap (more than one open at
    once) but never more than the bound, and each closes once."""
    channels = CLOSE_BATCH + 10
    await load_questions(fresh_repo, questions(8))
    clock = FixedClock()
    messenger = RecordingMessenger()
    quiz = QuizEngine(fresh_repo, messenger, platform="discord", clock=clock, rng=random.Random(2))
    for c in range(channels):
        await quiz.start_round(ChannelRef(TEAM, f"c{c}"), player("host"), questions=2, seconds=10)
    counting = CountingRepository(fresh_repo)
    quiz.repo = counting
    clock.advance(10)
    assert await quiz.run_due() == channels
    # The pass itself holds a transaction only before the closes start (reading what is due).
    assert 1 < counting.most_open <= CLOSE_CONNECTIONS
    assert quiz.close_queue.batches == 2  # closes that arrived together shared transactions
    reveals = [v.card.round_question_id for _, _, v in messenger.updates if isinstance(v, Reveal)]
    assert len(reveals) == len(set(reveals)) == channels
    seconds = [v for v in messenger.of(QuestionCard) if v.number == 2]
    assert len({c.round_id for c in seconds}) == channels
    assert await quiz.run_due() == 0


async def test_a_channel_whose_reveal_cannot_be_built_still_advances_and_others_reveal(
    fresh_repo,
):
    """Six channels close in one pass; one channel's question is broken (it shows a choice
    that does not exist, so its reveal cannot be built). Every question closes and every round
    goes on (the broken channel's messages are lost, as when its platform refuses them: the
    game state stands), and the five other channels get their reveals and summaries."""
    await load_questions(fresh_repo, questions(8))
    clock = FixedClock()
    messenger = RecordingMessenger()
    quiz = QuizEngine(fresh_repo, messenger, platform="discord", clock=clock, rng=random.Random(3))
    cards = [
        (await quiz.start_round(ChannelRef(TEAM, f"c{c}"), player("host"), questions=1)).card
        for c in range(6)
    ]
    broken = cards[3]
    async with fresh_repo.unit() as u:
        await u.session.execute(
            update(RoundQuestion)
            .where(RoundQuestion.id == broken.round_question_id)
            .values(choice_order=[9])
        )
    clock.advance(300)
    assert await quiz.run_due() == 6
    revealed = {v.card.round_question_id for _, _, v in messenger.updates if isinstance(v, Reveal)}
    assert revealed == {c.round_question_id for c in cards if c is not broken}
    finished = {v.round_id for v in messenger.of(RoundSummary)}
    assert finished == {c.round_id for c in cards if c is not broken}
    async with fresh_repo.unit() as u:
        rounds = [await u.play.round(c.round_id) for c in cards]
    assert {str(r.status) for r in rounds if r is not None} == {"finished"}
    assert await quiz.run_due() == 0


class FirstUnitWaitsForASecond(SqlRepository):
    """The real repository, whose first transaction stays open until a second one begins."""

    def __init__(self, repo: SqlRepository) -> None:
        super().__init__(repo.bind)
        self.first = asyncio.Event()
        self.second = asyncio.Event()
        self.opened = 0

    @asynccontextmanager
    async def unit(self, *, autocommit: bool = False) -> AsyncIterator[SqlUnit]:
        self.opened += 1
        if self.opened == 2:
            self.second.set()
        async with super().unit(autocommit=autocommit) as u:
            if self.opened == 1:
                self.first.set()
                await self.second.wait()
            yield u


async def test_a_close_goes_beside_another_channels_close_instead_of_after_it(fresh_repo):
    """One channel's close is still being written when another channel's question fills: the
    second close starts its own transaction at once (it would otherwise wait for the first,
    which here waits for it, and the test would hang)."""
    await load_questions(fresh_repo, questions(8))
    quiz = QuizEngine(
        fresh_repo,
        RecordingMessenger(),
        platform="discord",
        clock=FixedClock(),
        rng=random.Random(4),
    )
    cards = [
        (await quiz.start_round(ChannelRef(TEAM, f"c{c}"), player("host"), questions=2)).card
        for c in range(2)
    ]
    quiz.repo = repo = FirstUnitWaitsForASecond(fresh_repo)
    first = asyncio.create_task(quiz.close_question(cards[0].round_question_id))
    await asyncio.wait_for(repo.first.wait(), HANG_GUARD)  # its transaction is open, held
    second = quiz.close_question(cards[1].round_question_id)
    assert await asyncio.wait_for(asyncio.gather(first, second), HANG_GUARD) == [True, True]
    assert quiz.close_queue.batches == 2
