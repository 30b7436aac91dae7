"""A burst degrades to late receipts, never to failed interactions (gateway mode): with the
outbox's slots for receipts held by slow followups and more receipts waiting behind them, a new
click's answer (an interaction callback at ACK priority) still goes out before those receipts.
Order is asserted, never time. (HTTP mode answers in the response body, which never waits in the
outbox: test_http_mode.py.)"""

from __future__ import annotations

import asyncio
from typing import Any

from discord.http import Route

from bot.adapters.discord.callbacks import Poster
from bot.db.tables import Answer
from tests.adapters.discord.conftest import Bot, busy_outbox, post_card
from tests.adapters.discord.fakes import Member
from tests.conftest import async_wait_until
from tests.helpers import count_rows, writes_held

ANN = Member("ann")
HANG_GUARD_SECONDS = 30.0  # not a timing: the gather returns as soon as every click is done


class Arrivals:
    """The bot's interaction requests in the order they reach Discord (before it answers
    them): "deferral" and "ack" callbacks, "receipt" followups."""

    def __init__(self, http: Poster) -> None:
        self.http = http
        self.kinds: list[str] = []

    async def post(self, route: Route, payload: dict[str, Any]) -> None:
        if route.path.endswith("/callback"):
            self.kinds.append("deferral" if payload.get("type") == 5 else "ack")
        else:
            self.kinds.append("receipt")
        await self.http.post(route, payload)


async def test_a_click_is_acked_before_the_receipts_waiting_in_a_full_outbox(
    fresh_bot: Bot, fresh_db: str
) -> None:
    bot = fresh_bot
    outbox = busy_outbox(bot.client)
    arrivals = Arrivals(bot.client.replies.http)
    bot.client.replies.http = arrivals
    message_id, ids = await post_card(bot, ANN)
    rq_id = int(ids[0].split(":")[2])
    budget = bot.client.ack_budget_seconds
    bot.fake.held_followups = slow = asyncio.Event()
    clicking: list[asyncio.Task[int]] = []
    try:
        bot.client.ack_budget_seconds = 0.1  # the held writes make four clicks defer...
        async with writes_held(fresh_db, rq_id):
            for n in range(4):
                click = bot.send.click(Member(f"p{n}"), message_id, ids[0])
                clicking.append(asyncio.create_task(click))
            assert await async_wait_until(lambda: arrivals.kinds.count("deferral") == 4)
        # ...and once written, two of their receipts are at a slow Discord, two wait
        assert await async_wait_until(
            lambda: bot.fake.followups_waiting == 2 and outbox.waiting == 2
        )
        bot.client.ack_budget_seconds = budget
        late = bot.send.click(Member("late"), message_id, ids[1])
        clicking.append(asyncio.create_task(late))
        # its ack goes out; were acks in line with the receipts, it would wait its turn
        assert await async_wait_until(lambda: "ack" in arrivals.kinds or outbox.waiting > 2)
        assert outbox.waiting == 2
    finally:
        slow.set()
    iids = await asyncio.wait_for(asyncio.gather(*clicking), HANG_GUARD_SECONDS)
    assert arrivals.kinds == ["deferral"] * 4 + ["receipt"] * 2 + ["ack"] + ["receipt"] * 2
    for iid in iids:
        assert bot.fake.reply_texts(iid)[-1].startswith("Locked in")
    assert await count_rows(fresh_db, Answer) == 5
