"""An acked click is a written click: the ack (the HTTP 200) goes out only after the answer's
batch committed, unless the write is still not done at the deadline, when the ack goes out
anyway (Slack drops a click not acked within 3 s) and the receipt follows the write."""

from __future__ import annotations

import asyncio

import pytest

from bot.adapters.outbox import Outbox
from bot.db.tables import Answer
from tests.adapters.slack.conftest import Sent, SlackEnv
from tests.adapters.slack.test_http_end_to_end import buttons, start
from tests.conftest import async_wait_until
from tests.helpers import captured_log, count_rows, writes_held


def _url(env: SlackEnv) -> str:
    return env.repo.bind.url.render_as_string(hide_password=False)  # type: ignore[union-attr]


async def test_the_ack_waits_for_the_answer_to_be_written(slack: SlackEnv) -> None:
    post, rq = await start(slack)
    queue = slack.service.engine.answer_queue
    async with writes_held(_url(slack), rq.id):
        clicking = asyncio.create_task(slack.click(buttons(post)[0]["action_id"]))
        assert await async_wait_until(lambda: queue.batches >= 1)  # the write is waiting
        assert not clicking.done()  # so the click is not acked
        assert await count_rows(_url(slack), Answer) == 0
    sent = await clicking
    assert sent.status == 200
    assert await slack.count(Answer) == 1  # in the database when the ack arrived
    [receipt] = await slack.wait_calls("chat.postEphemeral")
    assert receipt.args["text"].startswith("Locked in")


@pytest.mark.parametrize("slack", [{"ack_budget_seconds": 0.2}], indirect=True)
async def test_a_write_slower_than_the_deadline_is_acked_first_then_answered(
    slack: SlackEnv,
) -> None:
    post, rq = await start(slack)
    with captured_log("WARNING") as log:
        async with writes_held(_url(slack), rq.id):
            sent = await slack.click(buttons(post)[1]["action_id"])
            assert sent.status == 200  # acked at the deadline, within Slack's 3 seconds
            assert await count_rows(_url(slack), Answer) == 0
            assert slack.fake.of("chat.postEphemeral") == []
        [receipt] = await slack.wait_calls("chat.postEphemeral")
    assert receipt.args["text"].startswith("Locked in")
    assert await slack.count(Answer) == 1
    assert "not written within 0.2 s; acknowledged before its write" in log.getvalue()


async def test_a_click_is_acked_while_slow_receipts_fill_the_outbox(slack: SlackEnv) -> None:
    """A burst degrades to late receipts: with every slot of the outbox held by a slow
    chat.postEphemeral and more receipts waiting, a new click is still written and acked (its
    HTTP response never waits in the outbox), its receipt in line after the waiting ones."""
    post, _ = await start(slack)
    action = buttons(post)[0]["action_id"]
    slots = Outbox().others  # the receipts' share of the outbox, as the app builds it

    def receipts() -> list[str]:
        return [c.args["user"] for c in slack.fake.of("chat.postEphemeral")]

    slack.fake.held["chat.postEphemeral"] = slow = asyncio.Event()
    try:
        for n in range(slots + 2):
            assert (await _click(slack, action, f"UP{n:03d}")).status == 200
        assert await async_wait_until(lambda: len(receipts()) == slots)  # the others wait
        assert (await _click(slack, action, "ULATE")).status == 200
        assert await slack.count(Answer) == slots + 3
        assert len(receipts()) == slots  # acked while the receipts before it still wait
    finally:
        slow.set()
    await slack.wait_calls("chat.postEphemeral", slots + 3)
    assert receipts()[slots:] == [f"UP{slots:03d}", f"UP{slots + 1:03d}", "ULATE"]
    texts = [c.args["text"] for c in slack.fake.of("chat.postEphemeral")]
    assert all(t.startswith("Locked in") for t in texts)


async def _click(slack: SlackEnv, action: str, user: str) -> Sent:
    # a hang guard, not a timing: an ack in line behind the held receipts would never come
    return await asyncio.wait_for(slack.click(action, user=user), 30)
