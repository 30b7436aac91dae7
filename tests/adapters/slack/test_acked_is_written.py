"""An acked click is a written click: the ack (the HTTP 200) goes out only after the answer's
batch committed, unless the write is still not done at the deadline, when the ack goes out
anyway (Slack drops a click not acked within 3 s) and the receipt follows the write."""

from __future__ import annotations

import asyncio

import pytest

from bot.db.tables import Answer
from tests.adapters.slack.conftest import SlackEnv
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
