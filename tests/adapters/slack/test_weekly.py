"""`/quiz weekly` end to end: signed commands in, the schedule in the database, and the post
made by the due step with a fixed clock going out once as chat.postMessage to the chosen
channel."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from bot.adapters.slack.usage import UsageError
from bot.adapters.slack.weekly import WeeklyArgs, parse_channel, parse_weekly
from bot.db.tables import LeaderboardPost, WeeklySchedule
from tests.adapters.slack.conftest import CHANNEL, SlackEnv
from tests.adapters.slack.test_http_end_to_end import buttons, open_question, question_of
from tests.helpers import T0


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        ("<#C123ABC|general>", ("C123ABC", "general")),
        ("<#C123ABC>", ("C123ABC", None)),
        ("<#G0PRIV|secret-club>", ("G0PRIV", "secret-club")),
        ("#general", None),
        ("<@U123|bob>", None),
    ],
)
def test_channel_links_are_parsed(token: str, expected: tuple[str, str | None] | None) -> None:
    assert parse_channel(token) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", WeeklyArgs("show")),
        ("off", WeeklyArgs("off")),
        (
            "<#C1|quiz> fri 17 Europe/Berlin",
            WeeklyArgs("set", "C1", "quiz", "fri", "17", "Europe/Berlin"),
        ),
        ("<#C1>", WeeklyArgs("set", "C1", None)),
        ("monday 09:00", WeeklyArgs("set", None, None, "monday", "09:00")),
        (
            "17:00 America/New_York",
            WeeklyArgs("set", None, None, None, "17:00", "America/New_York"),
        ),
        ("tue UTC", WeeklyArgs("set", None, None, "tue", None, "UTC")),
    ],
)
def test_weekly_grammar(text: str, expected: WeeklyArgs) -> None:
    assert parse_weekly(text) == expected


@pytest.mark.parametrize("text", ["off now", "#general mon", "mon 9 UTC extra", "UTC mon"])
def test_weekly_grammar_refuses_what_it_cannot_read(text: str) -> None:
    with pytest.raises(UsageError):
        parse_weekly(text)


async def reply(env: SlackEnv, text: str, user: str = "UADMIN") -> str:
    n = len(env.fake.of("response_url"))
    sent = await env.command(text, user=user)
    assert sent.status == 200
    if sent.text:  # a usage error comes back in the ack itself
        return str(sent.json()["text"])
    hook = (await env.wait_calls("response_url", n + 1))[n]
    assert hook.args["response_type"] == "ephemeral"
    return str(hook.args["text"])


async def play_last_week(env: SlackEnv) -> str:
    """A one-question round a week before T0: U0001 right, U0002 and U0003 wrong. Returns the
    correct answer's text."""
    env.clock.now = T0 - timedelta(days=7)
    await env.command("start 1 10")
    post = (await env.wait_calls("chat.postMessage"))[0].args
    rq = await open_question(env)
    q = await question_of(env, rq)
    right = rq.choice_order.index(q.answer)
    for user, i in (("U0001", right), ("U0002", (right + 1) % 4), ("U0003", (right + 2) % 4)):
        await env.click(buttons(post)[i]["action_id"], user=user)
    await env.wait_calls("chat.postEphemeral", 3)
    env.clock.advance(11)
    await env.service.due_step()
    await env.wait_calls("chat.postMessage", 2)  # the round summary
    env.clock.now = T0
    return str(q.choices[q.answer])


async def test_a_scheduled_post_goes_out_once_to_the_linked_channel(slack: SlackEnv):
    answer = await play_last_week(slack)
    # T0 is a Wednesday 12:00 UTC: a post set for Wednesday 13:00 is due in an hour
    text = await reply(slack, "weekly <#C0002|general> wed 13 UTC")
    assert "Wednesdays at 13:00 (UTC) in #general" in text
    assert "Next post: Wed 25 Nov 2026 13:00 UTC" in text
    assert "Wednesdays at 13:00" in await reply(slack, "weekly", user="U0002")  # anyone may look
    before = len(slack.fake.of("chat.postMessage"))
    await slack.service.due_step()  # 12:00: not yet
    assert len(slack.fake.of("chat.postMessage")) == before
    slack.clock.advance(90 * 60)
    await slack.service.due_step()
    await slack.service.due_step()  # a second run sends nothing more
    posts = slack.fake.of("chat.postMessage")[before:]
    assert len(posts) == 1
    assert posts[0].args["channel"] == "C0002"
    shown = json.dumps(posts[0].args["blocks"], ensure_ascii=False)
    assert "Weekly leaderboard, week of 2026-11-16" in shown
    assert "name-U0001" in shown and "(1/1 correct, 100%)" in shown
    assert "(0/1 correct, 0%)" in shown
    assert "*Hardest question:*" in shown and f"answer: {answer} (33% right)" in shown
    assert "*Most missed:* " in shown and f"answer: {answer} (2 of 3 wrong)" in shown
    assert "_Why:_ Because" in shown
    assert await slack.count(LeaderboardPost) == 1


async def test_an_empty_week_gets_the_nudge_in_the_current_channel(slack: SlackEnv):
    text = await reply(slack, "weekly wed 13")
    assert "in #quiz" in text  # the channel the command was typed in
    slack.clock.advance(2 * 3600)
    await slack.service.due_step()
    post = (await slack.wait_calls("chat.postMessage"))[0]
    assert post.args["channel"] == CHANNEL
    assert "No games this week" in json.dumps(post.args["blocks"])


async def test_weekly_off_stops_the_post(slack: SlackEnv):
    await reply(slack, "weekly wed 13")
    assert "off" in await reply(slack, "weekly off")
    assert "off" in await reply(slack, "weekly")
    slack.clock.advance(2 * 3600)
    await slack.service.due_step()
    assert slack.fake.of("chat.postMessage") == []


async def test_a_non_admin_cannot_set_or_stop_it(slack: SlackEnv):
    assert "Only admins" in await reply(slack, "weekly <#C0002|general> mon 9", user="U0002")
    assert await slack.count(WeeklySchedule) == 0
    await reply(slack, "weekly <#C0002|general> mon 9")
    assert "Only admins" in await reply(slack, "weekly off", user="U0002")
    assert "Mondays at 09:00" in await reply(slack, "weekly")


async def test_bad_values_are_named_and_change_nothing(slack: SlackEnv):
    text = await reply(slack, "weekly <#C0002|general> mon 9 Mars/Phobos")
    assert "timezone: unknown timezone 'Mars/Phobos'" in text
    assert "/quiz weekly [#channel] [day] [hour] [timezone]" in text
    text = await reply(slack, "weekly someday 25")
    assert "day must be a weekday name" in text and "hour must be a whole hour" in text
    text = await reply(slack, "weekly #general mon")  # not a channel Slack linked
    assert text.startswith("channel: ")
    assert await slack.count(WeeklySchedule) == 0
