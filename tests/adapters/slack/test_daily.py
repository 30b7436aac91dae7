"""`/quiz daily` on Slack over signed HTTP requests: set by an admin (bad input refused by
name, privately), posted once in the linked channel, clicked, closed and revealed once."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from bot.adapters.slack.daily import DailyArgs, parse_daily
from bot.adapters.slack.usage import UsageError
from bot.core.study.daily import RETRY_AFTER
from bot.db.tables import DailySchedule
from tests.adapters.slack.conftest import SlackEnv
from tests.adapters.slack.test_http_end_to_end import buttons, open_question, question_of
from tests.adapters.slack.test_weekly import reply


def test_daily_grammar():
    assert parse_daily("") == DailyArgs("show")
    assert parse_daily("off") == DailyArgs("off")
    assert parse_daily("off <#C2|general>") == DailyArgs("off", "C2", "general")
    assert parse_daily("set <#C2|general> 9:30 deck:k8s topic:AWS SQS, Lambda window:4") == (
        DailyArgs(
            "set",
            "C2",
            "general",
            "9:30",
            (("deck", "k8s"), ("topics", "AWS SQS, Lambda"), ("window", "4")),
        )
    )
    for bad in ("set", "set <#C2|g>", "set #general 9", "set <#C2> 9 colour:red", "later"):
        with pytest.raises(UsageError):
            parse_daily(bad)


async def test_posted_once_clicked_closed_and_revealed_once(slack: SlackEnv):
    # T0 is Wednesday 12:00 UTC.
    text = await reply(slack, "daily set <#C0002|daily> 12:30 window:1")
    assert "Question of the day in #daily: 12:30 (UTC), open 1 h." in text
    before = len(slack.fake.of("chat.postMessage"))
    await slack.service.due_step()
    assert len(slack.fake.of("chat.postMessage")) == before
    slack.clock.advance(30 * 60)
    await slack.service.due_step()
    await slack.service.due_step()
    [card] = slack.fake.of("chat.postMessage")[before:]
    assert card.args["channel"] == "C0002"
    assert "Question of the day" in json.dumps(card.args["blocks"], ensure_ascii=False)
    rq = await open_question(slack)
    q = await question_of(slack, rq)
    await slack.click(buttons(card.args)[rq.choice_order.index(q.answer)]["action_id"])
    await slack.wait_calls("chat.postEphemeral")
    # The click named the player by their handle (no users.info before the ack); users.info,
    # asked after the ack, names them before the reveal.
    assert await slack.named("U0001", "name-U0001")

    slack.clock.advance(3600 + 1)
    await slack.service.due_step()
    await slack.service.due_step()
    after = slack.fake.of("chat.postMessage")[before:]
    assert len(after) == 2  # the card and its reveal, once
    shown = json.dumps(after[1].args["blocks"], ensure_ascii=False)
    async with slack.repo.unit() as u:
        [answer] = await u.play.answers(rq.id)
    assert answer.display_name == "name-U0001"
    assert f"*Right:* {answer.display_name}" in shown and "Because" in shown
    assert len(slack.fake.of("chat.update")) == 1

    slack.clock.advance(timedelta(hours=20).total_seconds())  # Thursday 09:30: not yet
    await slack.service.due_step()
    assert len(slack.fake.of("chat.postMessage")[before:]) == 2


async def test_bad_input_is_named_and_changes_nothing(slack: SlackEnv):
    assert "Only admins" in await reply(slack, "daily set <#C0002|d> 9:00", user="U0001")
    assert "time must be" in await reply(slack, "daily set <#C0002|d> 9pm")
    assert "There is no deck 'nope'" in await reply(slack, "daily set <#C0002|d> 9 deck:nope")
    assert "unknown timezone" in await reply(slack, "daily set <#C0002|d> 9 tz:Mars/Base")
    assert "not a channel Slack linked" in await reply(slack, "daily set #daily 9")
    assert await slack.count(DailySchedule) == 0
    assert "No question of the day is set." in await reply(slack, "daily", user="U0001")


async def test_a_card_slack_refused_is_posted_on_a_later_pass(slack: SlackEnv):
    assert "Question of the day in #daily" in await reply(slack, "daily set <#C0002|daily> 12:30")
    slack.clock.advance(30 * 60)
    slack.fake.errors["chat.postMessage"] = "not_in_channel"  # until someone invites the bot
    await slack.service.due_step()
    [refused] = slack.fake.of("chat.postMessage")
    assert refused.args["channel"] == "C0002"
    del slack.fake.errors["chat.postMessage"]
    await slack.service.due_step()
    assert len(slack.fake.of("chat.postMessage")) == 1  # not before a minute has passed
    slack.clock.advance(RETRY_AFTER.total_seconds())
    await slack.service.due_step()
    slack.clock.advance(RETRY_AFTER.total_seconds())
    await slack.service.due_step()
    [_, card] = slack.fake.of("chat.postMessage")
    assert card.args["channel"] == "C0002"
    assert "Question of the day" in json.dumps(card.args["blocks"], ensure_ascii=False)
    assert len(buttons(card.args)) == 4
