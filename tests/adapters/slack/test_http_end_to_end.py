"""The Slack app end to end over HTTP: signed requests in, Web API calls out to a fake Slack."""

from __future__ import annotations

import asyncio
import json
import re
import time

from sqlalchemy import select

from bot.core.models import QuestionStatus
from bot.db.tables import Answer, Question, Round, RoundQuestion
from questions.bank import BankQuestion
from tests.adapters.slack.conftest import CHANNEL, SlackEnv, view_submission
from tests.helpers import load_questions


async def open_question(env: SlackEnv) -> RoundQuestion:
    async with env.repo.unit() as u:
        rows = (
            (
                await u.session.execute(
                    select(RoundQuestion).where(RoundQuestion.status == QuestionStatus.OPEN.value)
                )
            )
            .scalars()
            .all()
        )
    assert len(rows) == 1
    return rows[0]


def buttons(call_args: dict) -> list[dict]:
    actions = [b for b in call_args["blocks"] if b["type"] == "actions"]
    return [e for b in actions for e in b["elements"]]


async def start(env: SlackEnv, text: str = "start 2 30") -> tuple[dict, RoundQuestion]:
    """Start a round and wait until the start has finished (the starter's private reply)."""
    sent = await env.command(text)
    assert sent.status == 200
    hooks = len(env.fake.of("response_url"))
    post = (await env.wait_calls("chat.postMessage"))[0]
    await env.wait_calls("response_url", hooks + 1)
    return post.args, await open_question(env)


async def test_start_posts_a_card_whose_buttons_carry_the_round_question(slack: SlackEnv):
    sent = await slack.command("start 2 30")
    assert sent.status == 200 and sent.text == ""  # a bare ack, well within 3 seconds
    post = (await slack.wait_calls("chat.postMessage"))[0]
    rq = await open_question(slack)
    assert post.token == "xoxb-test-token"
    assert post.args["channel"] == CHANNEL
    ids = [b["action_id"] for b in buttons(post.args)]
    assert ids == [f"quiz:a:{rq.id}:{i}" for i in range(4)]
    assert all(b["value"] == b["action_id"] for b in buttons(post.args))
    assert all(len(b["text"]["text"]) <= 75 for b in buttons(post.args))
    context = next(b for b in post.args["blocks"] if b["type"] == "context")
    assert "<!date^" in context["elements"][0]["text"]
    # the starter is told privately (after the start), and the message ref is kept for chat.update
    hooks = await slack.wait_calls("response_url")
    assert await async_ref(slack, rq.id) == f"{CHANNEL}:1700000000.000001"
    assert hooks[0].args["response_type"] == "ephemeral"
    assert "Round started: 2 question(s)" in hooks[0].args["text"]


async def async_ref(env: SlackEnv, rq_id: int) -> str | None:
    async with env.repo.unit() as u:
        return (await u.play.round_question(rq_id)).message_ref  # type: ignore[union-attr]


async def test_a_click_records_an_answer_and_a_double_click_counts_once(slack: SlackEnv):
    post, rq = await start(slack)
    action = buttons(post)[1]["action_id"]
    first, second = await asyncio.gather(slack.click(action), slack.click(action))
    assert (first.status, second.status) == (200, 200)
    replies = await slack.wait_calls("chat.postEphemeral", 2)
    texts = sorted(c.args["text"] for c in replies)
    assert texts[0].startswith("Locked in: ")
    assert texts[1] == "You already answered this question."
    assert all(c.args["user"] == "U0001" and c.args["channel"] == CHANNEL for c in replies)
    assert await slack.count(Answer) == 1
    async with slack.repo.unit() as u:
        answers = await u.play.answers(rq.id)
    assert len(answers) == 1 and answers[0].display_name == "name-U0001"


async def test_close_edits_the_card_with_chat_update(slack: SlackEnv):
    post, rq = await start(slack)
    q = await question_of(slack, rq)
    right = rq.choice_order.index(q.answer)
    await slack.click(buttons(post)[right]["action_id"])
    await slack.wait_calls("chat.postEphemeral")
    slack.clock.advance(31)
    await slack.service.due_step()
    update = (await slack.wait_calls("chat.update"))[0]
    assert (update.args["channel"], update.args["ts"]) == (CHANNEL, "1700000000.000001")
    assert not [b for b in update.args["blocks"] if b["type"] == "actions"]  # buttons removed
    shown = json.dumps(update.args["blocks"], ensure_ascii=False)
    assert "✅" in shown and "Right:" in shown and "name-U0001" in shown
    assert "Because" in shown  # the explanation
    posts = slack.fake.of("chat.postMessage")
    assert len(posts) == 2 and buttons(posts[1].args)  # the next question


async def question_of(env: SlackEnv, rq: RoundQuestion) -> Question:
    async with env.repo.unit() as u:
        return (
            await u.session.execute(select(Question).where(Question.id == rq.question_id))
        ).scalar_one()


async def test_round_summary_and_top5_after_the_last_question(slack: SlackEnv):
    post, _ = await start(slack, "start 1 10")
    await slack.click(buttons(post)[0]["action_id"])
    await slack.wait_calls("chat.postEphemeral")
    slack.clock.advance(11)
    await slack.service.due_step()
    posts = await slack.wait_calls("chat.postMessage", 2)
    summary = json.dumps(posts[1].args["blocks"], ensure_ascii=False)
    assert "Round over" in summary and "top 5" in summary and "name-U0001" in summary


async def test_badly_signed_or_stale_requests_get_401_and_change_nothing(slack: SlackEnv):
    bad = await slack.command("start 2", secret="not-the-secret")
    stale = await slack.command("start 2", timestamp=int(time.time()) - 6 * 60)
    assert (bad.status, stale.status) == (401, 401)
    await asyncio.sleep(0.05)
    assert await slack.count(Round) == 0
    assert not [c for c in slack.fake.calls if c.method != "auth.test"]


async def test_a_non_admin_add_is_refused_and_an_admin_gets_the_form(slack: SlackEnv):
    await slack.command("add", user="U0002")
    hooks = await slack.wait_calls("response_url")
    assert hooks[0].args["response_type"] == "ephemeral"
    assert "Only admins" in hooks[0].args["text"]
    assert slack.fake.of("views.open") == []
    await slack.command("add", user="UADMIN")
    opened = (await slack.wait_calls("views.open"))[0]
    assert re.fullmatch(r"\d+\.\d+\.[0-9a-f]+", opened.args["trigger_id"])
    assert opened.args["view"]["callback_id"] == "quiz_add"
    assert {b["block_id"] for b in opened.args["view"]["blocks"]} == {
        "prompt",
        "choices",
        "answer",
        "explanation",
        "topic",
    }


async def test_a_modal_with_bad_input_returns_field_errors_and_adds_nothing(slack: SlackEnv):
    before = await slack.count(Question)
    sent = await slack.interaction(
        view_submission(
            {
                "prompt": "  ",
                "choices": "only one",
                "answer": "Z",
                "explanation": None,
                "topic": None,
            },
            user="UADMIN",
        )
    )
    assert sent.status == 200
    body = sent.json()
    assert body["response_action"] == "errors"
    assert set(body["errors"]) == {"prompt", "choices", "answer"}
    assert await slack.count(Question) == before


async def test_a_good_modal_adds_a_team_question_only_for_admins(slack: SlackEnv):
    values = {
        "prompt": "Which queue keeps order?",
        "choices": "Standard\nFIFO\nDelay",
        "answer": "B",
        "explanation": "FIFO keeps order.",
        "topic": "AWS SQS",
    }
    refused = await slack.interaction(view_submission(values, user="U0002"))
    assert refused.json()["response_action"] == "errors"
    assert "Only admins" in refused.json()["errors"]["prompt"]
    before = await slack.count(Question)
    added = await slack.interaction(view_submission(values, user="UADMIN"))
    assert added.status == 200 and added.text == ""
    assert await slack.count(Question) == before + 1
    confirm = (await slack.wait_calls("chat.postEphemeral"))[0]
    assert confirm.args["channel"] == CHANNEL and "AWS SQS" in confirm.args["text"]
    again = await slack.interaction(view_submission(values, user="UADMIN"))
    assert "already has a question" in again.json()["errors"]["prompt"]


async def test_channel_mentions_in_a_question_are_escaped_in_what_is_posted(slack: SlackEnv):
    await load_questions(
        slack.repo,
        [
            BankQuestion(
                id="mention-1",
                topic="Mentions",
                prompt="Hey <!channel> and <@U123>: is 1 < 2 & 3 > 2?",
                choices=("<!here> yes", "no <!everyone>"),
                answer=0,
            )
        ],
        bank="mentions",
    )
    post, _ = await start(slack, "start 1 Mentions 20")
    # Slack parses mentions in mrkdwn and in the top-level text; plain_text (buttons) is never
    # parsed, and escaping it would show "&lt;" literally.
    parsed = [post["text"], *mrkdwn_texts(post["blocks"])]
    for raw in ("<!channel>", "<!here>", "<!everyone>", "<@U123>"):
        assert not [t for t in parsed if raw in t], raw
    shown = "\n".join(parsed)
    assert "&lt;!channel&gt;" in shown and "&lt;@U123&gt;" in shown and "&lt;!here&gt;" in shown
    assert "1 &lt; 2 &amp; 3 &gt; 2" in post["text"]
    assert "A. <!here> yes" in [b["text"]["text"] for b in buttons(post)]


def mrkdwn_texts(node: object) -> list[str]:
    """Every mrkdwn text object anywhere in a block tree."""
    if isinstance(node, list):
        return [t for item in node for t in mrkdwn_texts(item)]
    if isinstance(node, dict):
        if node.get("type") == "mrkdwn":
            return [str(node["text"])]
        return [t for value in node.values() for t in mrkdwn_texts(value)]
    return []


async def test_unknown_verbs_and_bad_arguments_get_an_ephemeral_usage(slack: SlackEnv):
    for text in ("dance", "leaderboard month", "stop now", "settings nonsense"):
        sent = await slack.command(text)
        body = sent.json()
        assert body["response_type"] == "ephemeral", text
        assert "/quiz start [n] [topic] [seconds]" in body["text"], text
    help_ = (await slack.command("help")).json()
    assert "`/quiz start 5 AWS SQS 30`" in help_["text"]
    assert await slack.count(Round) == 0


async def test_bad_start_values_are_refused_by_name(slack: SlackEnv):
    await slack.command("start 99")
    hook = (await slack.wait_calls("response_url"))[0]
    assert "questions must be 1 to 50" in hook.args["text"]
    assert await slack.count(Round) == 0


async def test_leaderboard_me_and_app_home(slack: SlackEnv):
    post, _ = await start(slack)
    await slack.click(buttons(post)[0]["action_id"])
    await slack.wait_calls("chat.postEphemeral")
    await slack.command("leaderboard")
    board = (await slack.wait_calls("response_url", 2))[1]
    assert board.args["response_type"] == "in_channel"
    assert "name-U0001" in json.dumps(board.args["blocks"])
    await slack.command("me")
    me = (await slack.wait_calls("response_url", 3))[2]
    assert me.args["response_type"] == "ephemeral" and "Accuracy" in json.dumps(me.args["blocks"])
    sent = await slack.event(
        {
            "type": "app_home_opened",
            "user": "U0001",
            "channel": "D0001",
            "tab": "home",
            "event_ts": f"{time.time():.6f}",
        }
    )
    assert sent.status == 200
    published = (await slack.wait_calls("views.publish"))[0]
    assert published.args["user_id"] == "U0001"
    home = json.dumps(published.args["view"], ensure_ascii=False)
    assert published.args["view"]["type"] == "home"
    assert "This week" in home and "Leaderboard, week of" in home and "name-U0001" in home


async def test_stop_and_settings(slack: SlackEnv):
    await start(slack)
    await slack.command("stop", user="U0002")  # neither starter nor admin
    refused = (await slack.wait_calls("response_url", 2))[1]
    assert "Only the player who started" in refused.args["text"]
    await slack.command("stop")
    stopped = (await slack.wait_calls("response_url", 3))[2]
    assert stopped.args["text"].startswith("Round stopped")
    await slack.wait_calls("chat.update")
    await slack.command("settings questions=3 seconds=15 topic=SQS", user="UADMIN")
    shown = (await slack.wait_calls("response_url", 4))[3]
    assert "questions: 3 · seconds: 15 · topic: SQS" in json.dumps(shown.args, ensure_ascii=False)
    await slack.command("settings questions=3", user="U0002")
    assert "Only admins" in (await slack.wait_calls("response_url", 5))[4].args["text"]


async def test_a_failed_post_is_logged_and_does_not_lose_the_round(slack: SlackEnv, caplog):
    slack.fake.errors["chat.postMessage"] = "not_in_channel"
    await slack.command("start 2 10")
    await slack.wait_calls("chat.postMessage")
    assert await async_wait_until_logged(caplog, CHANNEL)
    rq = await open_question(slack)
    assert rq.message_ref is None
    del slack.fake.errors["chat.postMessage"]
    slack.clock.advance(11)
    await slack.service.due_step()
    posts = await slack.wait_calls("chat.postMessage", 3)  # reveal (no ref: posted) + next card
    assert buttons(posts[-1].args)


async def async_wait_until_logged(caplog, text: str) -> bool:
    from tests.conftest import async_wait_until

    return await async_wait_until(
        lambda: any(
            text in r.getMessage() and "not_in_channel" in r.getMessage() for r in caplog.records
        )
    )
