"""`/quiz review` on Slack over signed HTTP requests: a modal the player steps through (opened
with the command's trigger, updated in place with views.update after each written answer),
private end to end: no channel message, no ephemeral in the channel, no change to scores."""

from __future__ import annotations

import json
import re

from sqlalchemy import func, select

from bot.db.tables import ScoreTotal, StudyReview
from tests.adapters.slack.conftest import SlackEnv, block_actions
from tests.adapters.slack.test_http_end_to_end import (
    buttons,
    open_question,
    question_of,
    start,
)


def in_modal(env: SlackEnv, action_id: str, user: str = "U0001") -> dict:
    """A block_actions payload from a button in the review modal, as Slack sends it."""
    payload = block_actions(env.fake, action_id, user, "0")
    for key in ("channel", "message", "response_url"):
        payload.pop(key)
    payload["container"] = {"type": "view", "view_id": "V0001"}
    payload["view"] = {"id": "V0001", "type": "modal", "hash": "1700000000.abc", "blocks": []}
    return payload


async def miss_a_round(env: SlackEnv, n: int) -> None:
    post, rq = await start(env, f"start {n} 10")
    for i in range(n):
        q = await question_of(env, rq)
        wrong = next(d for d, orig in enumerate(rq.choice_order) if orig != q.answer)
        await env.click(buttons(post)[wrong]["action_id"])
        await env.wait_calls("chat.postEphemeral", i + 1)
        env.clock.advance(11)
        await env.service.due_step()
        if i + 1 < n:
            post = (await env.wait_calls("chat.postMessage", i + 2))[-1].args
            rq = await open_question(env)


async def points(env: SlackEnv) -> int:
    async with env.repo.unit() as u:
        return int((await u.session.execute(select(func.sum(ScoreTotal.points)))).scalar_one() or 0)


def public_calls(env: SlackEnv) -> list:
    return [
        c
        for c in env.fake.calls
        if c.method in ("chat.postMessage", "chat.update", "chat.postEphemeral")
        or (c.method == "response_url" and c.args.get("response_type") == "in_channel")
    ]


async def test_review_is_a_private_modal_that_asks_the_missed_questions(slack: SlackEnv):
    await miss_a_round(slack, 2)
    before = len(public_calls(slack))
    scored = await points(slack)
    slack.clock.advance(120)

    sent = await slack.command("review")
    assert sent.status == 200 and sent.text == ""
    [opened] = await slack.wait_calls("views.open")
    assert opened.args["view"]["type"] == "modal"
    updates = await slack.wait_calls("views.update")
    modal = updates[-1].args
    assert modal["view_id"] == "V0001"
    asked = 0
    while buttons(modal["view"]):
        asked += 1
        shown = json.dumps(modal["view"]["blocks"], ensure_ascii=False)
        assert f"Review {asked}/10" in shown
        right = next(b for b in buttons(modal["view"]) if ". right" in b["text"]["text"])
        await slack.interaction(in_modal(slack, right["action_id"]))
        modal = (await slack.wait_calls("views.update", asked + 1))[-1].args
        shown = json.dumps(modal["view"]["blocks"], ensure_ascii=False)
        assert "Right:" in shown and "Because" in shown and "notes.md:" in shown
    assert asked == 2
    assert "Review done: 2/2 right. Next due:" in shown

    assert len(public_calls(slack)) == before  # nothing in the channel
    assert await points(slack) == scored  # nor on the leaderboard
    assert await slack.count(StudyReview) == 2

    await slack.command("review")
    modal = (await slack.wait_calls("views.update", asked + 2))[-1].args
    shown = json.dumps(modal["view"]["blocks"], ensure_ascii=False)
    assert "Nothing is due for review today. Next review:" in shown and not buttons(modal["view"])


async def test_review_with_arguments_gets_the_usage_and_opens_nothing(slack: SlackEnv):
    sent = await slack.command("review now please")
    assert sent.status == 200 and "`/quiz review` takes no arguments." in sent.text
    assert slack.fake.of("views.open") == []


async def test_me_and_app_home_show_mastery_and_review_now_opens_the_review(slack: SlackEnv):
    await miss_a_round(slack, 2)
    hooks = len(slack.fake.of("response_url"))
    await slack.command("me")
    me = (await slack.wait_calls("response_url", hooks + 1))[-1]
    assert me.args["response_type"] == "ephemeral"
    shown = json.dumps(me.args["blocks"], ensure_ascii=False)
    assert "*Mastery by topic (accuracy)*" in shown and "`░░░░░░░░░░ 0 %`" in shown
    seen = [int(n) for n in re.findall(r"\* · (\d) seen · \d due", shown)]
    assert sum(seen) == 2 and "2 question(s) due for review now" in shown

    await slack.event(
        {"type": "app_home_opened", "user": "U0001", "channel": "D0001", "tab": "home"}
    )
    home = (await slack.wait_calls("views.publish"))[0].args["view"]
    shown = json.dumps(home, ensure_ascii=False)
    assert "*Mastery by topic (accuracy)*" in shown
    review_now = next(b for b in buttons(home) if b["text"]["text"] == "Review now")

    payload = in_modal(slack, review_now["action_id"])
    payload["container"] = {"type": "view", "view_id": "VHOME"}
    payload["view"] = {"id": "VHOME", "type": "home", "blocks": []}
    await slack.interaction(payload)
    [opened] = await slack.wait_calls("views.open")
    assert opened.args["trigger_id"] == payload["trigger_id"]
    first = (await slack.wait_calls("views.update"))[0].args
    assert "Review 1/10" in json.dumps(first["view"]["blocks"], ensure_ascii=False)
