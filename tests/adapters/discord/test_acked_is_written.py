"""An acked click is a written click on Discord: the interaction's first response is sent after
the answer's batch committed, and it is the receipt itself (one call). A write still not done
at the deadline gets a defer (Discord drops an interaction not answered within 3 s) and the
receipt as a followup once written."""

from __future__ import annotations

import asyncio

import pytest

from bot.db.tables import Answer
from tests.adapters.discord.conftest import Bot, post_card
from tests.adapters.discord.fakes import Member
from tests.conftest import async_wait_until
from tests.helpers import count_rows, writes_held

ANN, BOB = Member("ann"), Member("bob")


@pytest.fixture
def bot(fresh_bot: Bot) -> Bot:
    return fresh_bot


async def _card(bot: Bot) -> tuple[int, list[str], int]:
    message_id, ids = await post_card(bot, ANN)
    return message_id, ids, int(ids[0].split(":")[2])


def _callbacks(bot: Bot) -> list[int]:
    return [s.payload["type"] for s in bot.fake.sent if s.url.endswith("/callback")]


async def test_the_first_response_is_sent_after_the_write(bot: Bot, fresh_db: str) -> None:
    message_id, ids, rq_id = await _card(bot)
    before = len(_callbacks(bot))
    queue = bot.service.engine.answer_queue
    async with writes_held(fresh_db, rq_id):
        clicking = asyncio.create_task(bot.send.click(BOB, message_id, ids[0]))
        assert await async_wait_until(lambda: queue.batches >= 1)  # the write is waiting
        assert len(_callbacks(bot)) == before  # nothing sent to Discord yet
        assert await count_rows(fresh_db, Answer) == 0
    iid = await clicking
    assert [r.payload["type"] for r in bot.fake.replies(iid)] == [4]  # ack and receipt at once
    assert bot.fake.reply_texts(iid)[0].startswith("Locked in")
    assert await count_rows(fresh_db, Answer) == 1


async def test_a_write_slower_than_the_deadline_is_deferred_then_answered(
    bot: Bot, fresh_db: str
) -> None:
    bot.client.ack_budget_seconds = 0.2
    message_id, ids, rq_id = await _card(bot)
    before = len(_callbacks(bot))
    async with writes_held(fresh_db, rq_id):
        clicking = asyncio.create_task(bot.send.click(BOB, message_id, ids[1]))
        assert await async_wait_until(lambda: len(_callbacks(bot)) > before)
        assert _callbacks(bot)[-1] == 5  # deferred at the deadline
        assert await count_rows(fresh_db, Answer) == 0
    iid = await clicking
    assert [r.payload.get("type") for r in bot.fake.replies(iid)] == [5, None]  # then a followup
    assert bot.fake.reply_texts(iid)[-1].startswith("Locked in")
    assert await count_rows(fresh_db, Answer) == 1
