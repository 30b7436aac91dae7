"""Question curation on Slack end to end: signed `/quiz` commands and modal submissions in, the
fake Slack recording what goes out, the real database checked after each step."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select

from bot.adapters.slack.curation import parse_curation
from bot.adapters.slack.render import MAX_SECTION, blocks_for
from bot.core.views import Panel
from bot.db.tables import Question, RoundQuestion
from questions.formats import import_text
from tests.adapters.slack.conftest import CHANNEL, TEAM, SlackEnv
from tests.adapters.slack.fake_slack import trigger_id
from tests.adapters.slack.test_weekly import reply

GIFT = """$CATEGORY: Networking

::dns1:: Which port does DNS use? {
=53
~80
~443
}

::tcp1:: TCP is connection-oriented. {TRUE}
"""


def csv_text(n: int, bad: tuple[int, ...] = ()) -> str:
    """n compact CSV rows; the rows in `bad` have only one choice."""
    rows = ["topic,prompt,choice1,choice2,answer"]
    for i in range(n):
        second = "" if i in bad else f"n{i}"
        rows.append(f"Net,Q{i}?,y{i},{second},A")
    return "\n".join(rows) + "\n"


def submission(
    callback: str,
    values: dict[str, dict[str, Any]],
    user: str,
    metadata: str,
    team: str = TEAM,
) -> dict[str, Any]:
    """A view_submission payload in Slack's shape for any of the modals."""
    return {
        "type": "view_submission",
        "team": {"id": team, "domain": "acme"},
        "user": {"id": user, "username": user.lower(), "name": user.lower(), "team_id": team},
        "api_app_id": "A0001",
        "token": "legacy-verification-token",
        "trigger_id": trigger_id(8),
        "view": {
            "id": "V0002",
            "team_id": team,
            "type": "modal",
            "blocks": [],
            "private_metadata": metadata,
            "callback_id": callback,
            "state": {"values": {block: {"value": el} for block, el in values.items()}},
            "hash": "1700000000.abcdef",
            "title": {"type": "plain_text", "text": "Quiz"},
            "previous_view_id": None,
            "root_view_id": "V0002",
            "app_id": "A0001",
            "app_installed_team_id": team,
            "bot_id": "BBOT",
        },
        "response_urls": [],
        "is_enterprise_install": False,
        "enterprise": None,
    }


def text_input(value: str | None) -> dict[str, Any]:
    return {"type": "plain_text_input", "value": value}


async def import_via_modal(
    env: SlackEnv, text: str, fmt: str, user: str = "UADMIN"
) -> dict[str, Any] | None:
    """Open the import modal as `user`, then submit it with the text; the ack's JSON."""
    opened = len(env.fake.of("views.open"))
    await env.command("import", user=user)
    view = (await env.wait_calls("views.open", opened + 1))[opened].args["view"]
    assert view["callback_id"] == "quiz_import"
    values = {
        "text": text_input(text),
        "format": {"type": "static_select", "selected_option": {"value": fmt}},
    }
    sent = await env.interaction(submission("quiz_import", values, user, view["private_metadata"]))
    assert sent.status == 200
    return sent.json()


async def questions(env: SlackEnv, **where: Any) -> list[Question]:
    async with env.repo.unit() as u:
        stmt = select(Question).filter_by(**where).order_by(Question.id)
        return list((await u.session.execute(stmt)).scalars().all())


async def test_good_gift_and_csv_imports_add_the_questions(slack: SlackEnv):
    before = await slack.count(Question)
    assert await import_via_modal(slack, GIFT, "gift") is None  # closed: accepted
    notice = (await slack.wait_calls("chat.postEphemeral"))[0]
    assert notice.args["channel"] == CHANNEL and notice.args["user"] == "UADMIN"
    assert "Imported (gift): 2 added" in notice.args["text"]
    added = await questions(slack, topic="Networking")
    assert [(q.prompt, q.choices[q.answer]) for q in added] == [
        ("Which port does DNS use?", "53"),
        ("TCP is connection-oriented.", "True"),
    ]
    assert await import_via_modal(slack, csv_text(4), "csv") is None
    assert len(await questions(slack, topic="Net")) == 4
    assert await slack.count(Question) == before + 6


async def test_three_bad_among_fifty_are_all_reported_and_none_added(slack: SlackEnv):
    before = await slack.count(Question)
    text = csv_text(50, bad=(3, 20, 41))
    assert len(text) <= 3000  # what a Slack text input holds
    ack = await import_via_modal(slack, text, "csv")
    assert ack is not None and ack["response_action"] == "errors"
    assert set(ack["errors"]) == {"text"}
    assert ack["errors"]["text"].startswith("3 problem(s), nothing imported")
    assert len(ack["errors"]["text"]) <= 150
    listed = (await slack.wait_calls("chat.postEphemeral"))[0].args["text"]
    for line in (5, 22, 43):  # header is line 1, so row i is line i + 2
        assert f"line {line}" in listed
    assert await slack.count(Question) == before


async def test_non_admins_cannot_import_or_disable(slack: SlackEnv):
    assert "Only admins" in await reply(slack, "import", user="U0002")
    assert slack.fake.of("views.open") == []
    before = await slack.count(Question)
    values = {
        "text": text_input(GIFT),
        "format": {"type": "static_select", "selected_option": {"value": "gift"}},
    }
    sent = await slack.interaction(
        submission("quiz_import", values, "U0002", json.dumps({"c": CHANNEL}))
    )
    assert "Only admins" in sent.json()["errors"]["text"]
    assert await slack.count(Question) == before
    first = (await questions(slack))[0]
    assert "Only admins" in await reply(slack, f"disable #{first.id}", user="U0002")
    assert "Only admins" in await reply(slack, "export", user="U0002")
    assert "active" in await reply(slack, f"show #{first.id}")


async def test_a_disabled_question_is_never_asked(slack: SlackEnv):
    off = (await questions(slack))[2]
    text = await reply(slack, f"disable #{off.id}")
    assert f"#{off.id} is now disabled" in text
    hooks = len(slack.fake.of("response_url"))
    await slack.command("start 50 10")
    await slack.wait_calls("chat.postMessage")
    # the start's own reply ("Round started ...") must land before the next command's
    await slack.wait_calls("response_url", hooks + 1)
    async with slack.repo.unit() as u:
        asked = (await u.session.execute(select(RoundQuestion.question_id))).scalars().all()
    assert len(asked) == 5 and off.id not in asked
    assert f"#{off.id} is now active" in await reply(slack, f"enable #{off.id}")


async def test_export_uploads_a_file_that_reimports_to_the_same_questions(slack: SlackEnv):
    await import_via_modal(slack, GIFT, "gift")
    off = (await questions(slack))[0]
    await reply(slack, f"disable #{off.id}")
    text = await reply(slack, "export gift")
    assert "question(s)) to you in a direct message" in text
    assert slack.fake.of("conversations.open")[0].args["users"] == "UADMIN"
    url = slack.fake.of("files.getUploadURLExternal")[0].args
    done = slack.fake.of("files.completeUploadExternal")[0].args
    assert url["filename"].endswith(".gift") and done["channel_id"] == "DADMIN"
    file_id = done["files"][0]["id"]
    content = slack.fake.uploads[file_id].decode()
    assert int(url["length"]) == len(content.encode())
    exported = import_text(content, "gift").questions
    active = [q for q in await questions(slack) if q.id != off.id]
    assert sorted((q.prompt, q.choices[q.answer]) for q in exported) == sorted(
        (q.prompt, q.choices[q.answer]) for q in active
    )
    before = await slack.count(Question)
    assert await import_via_modal(slack, content, "gift") is None
    notice = (await slack.wait_calls("chat.postEphemeral", 2))[1].args["text"]
    assert f"0 added, 0 updated, {len(active)} unchanged" in notice
    assert await slack.count(Question) == before


async def test_a_suggestion_waits_until_approved_then_can_be_asked(slack: SlackEnv):
    assert "Suggestions are turned off" in await reply(slack, "suggest", user="U0002")
    assert slack.fake.of("views.open") == []
    assert "Anyone can suggest" in await reply(slack, "suggestions on")
    await slack.command("suggest", user="U0002")
    view = (await slack.wait_calls("views.open"))[0].args["view"]
    assert view["callback_id"] == "quiz_suggest"
    values = {
        "prompt": text_input("Which AWS service <!channel> stores objects?"),
        "choices": text_input("S3\nEBS\nEFS"),
        "answer": text_input("A"),
        "explanation": text_input(None),
        "topic": text_input("Storage"),
    }
    sent = await slack.interaction(
        submission("quiz_suggest", values, "U0002", view["private_metadata"])
    )
    assert sent.text == ""
    (pending,) = await questions(slack, topic="Storage")
    assert pending.status == "pending" and pending.author == "name-U0002"
    listed = await slack_blocks(slack, "questions pending")
    assert f"#{pending.id}" in listed and "&lt;!channel&gt;" in listed
    assert "<!channel>" not in listed
    assert "Only admins" in await reply(slack, f"approve #{pending.id}", user="U0002")
    assert "approved" in await reply(slack, f"approve #{pending.id}")
    await slack.send(
        slack.command_body("start 50 Storage 10", channel="C0009"),
        "application/x-www-form-urlencoded",
    )
    await slack.wait_calls("chat.postMessage")
    async with slack.repo.unit() as u:
        asked = (await u.session.execute(select(RoundQuestion.question_id))).scalars().all()
    assert list(asked) == [pending.id]


async def slack_blocks(env: SlackEnv, text: str, user: str = "UADMIN") -> str:
    """A command whose answer is a Panel: its blocks as JSON text."""
    n = len(env.fake.of("response_url"))
    await env.command(text, user=user)
    hook = (await env.wait_calls("response_url", n + 1))[n]
    assert hook.args["response_type"] == "ephemeral", hook.args
    return json.dumps(hook.args["blocks"], ensure_ascii=False)


async def test_edit_opens_a_prefilled_form_and_saves_it(slack: SlackEnv):
    await import_via_modal(slack, GIFT, "gift")
    dns = (await questions(slack, topic="Networking"))[0]
    await slack.command(f"edit #{dns.id}", user="UADMIN")
    view = (await slack.wait_calls("views.open", 2))[1].args["view"]
    initial = {b["block_id"]: b["element"].get("initial_value") for b in view["blocks"]}
    assert initial["prompt"] == "Which port does DNS use?"
    assert initial["choices"] == "53\n80\n443" and initial["answer"] == "A"
    values = {
        "prompt": text_input("Which port does DNS use by default?"),
        "choices": text_input("80\n53\n443"),
        "answer": text_input("9"),
        "explanation": text_input(None),
        "topic": text_input("Networking"),
    }
    bad = await slack.interaction(
        submission("quiz_edit", values, "UADMIN", view["private_metadata"])
    )
    assert "answer" in bad.json()["errors"]
    values["answer"] = text_input("B")
    ok = await slack.interaction(
        submission("quiz_edit", values, "UADMIN", view["private_metadata"])
    )
    assert ok.text == ""
    (saved,) = await questions(slack, id=dns.id)
    assert saved.prompt == "Which port does DNS use by default?"
    assert saved.choices[saved.answer] == "53"
    shared = (await questions(slack))[0]  # the shared bank is not edited in place
    assert "shared bank" in await reply(slack, f"edit #{shared.id}")


async def test_lists_details_stats_and_history(slack: SlackEnv):
    first = (await questions(slack))[0]
    listed = await slack_blocks(slack, "questions SQS")  # a topic
    assert "SQS" in listed and "Lambda ·" not in listed and "Page 1/1" in listed
    assert "Question number 2?" in await slack_blocks(slack, "questions number 2")  # text
    detail = await slack_blocks(slack, f"show #{first.id}")
    assert "Question number 0?" in detail and "asked 0" in detail
    await reply(slack, f"disable #{first.id}")
    assert "disable" in await slack_blocks(slack, "history")
    assert "Question statistics" in await slack_blocks(slack, "stats")
    assert "No question" in await reply(slack, "show #99999")
    assert "takes one question" in await reply(slack, "show")


def test_curation_grammar() -> None:
    args = parse_curation("questions", "pending AWS SQS page 2")
    assert (args.status, args.query, args.page) == ("pending", "AWS SQS", 2)
    assert parse_curation("reject", "#4 too easy").reason == "too easy"
    assert parse_curation("export", "").fmt == "yaml"


def test_a_long_panel_is_cut_with_a_count_of_what_is_left() -> None:
    panel = Panel("Lots", tuple(f"line {i} <!channel> " + "x" * 200 for i in range(2000)), "f")
    blocks = blocks_for(panel)
    assert len(blocks) <= 50
    sections = [b["text"]["text"] for b in blocks if b["type"] == "section"]
    assert all(len(t) <= MAX_SECTION for t in sections)
    shown = sum(t.count("line ") for t in sections)
    more = int(sections[-1].rsplit("…and ", 1)[1].split()[0])
    assert shown + more == 2000 and more > 0
    assert "<!channel>" not in json.dumps(blocks) and blocks[-1]["type"] == "context"
    short = blocks_for(Panel("Few", ("a", "b")))
    assert "more" not in json.dumps(short)
