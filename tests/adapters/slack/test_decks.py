"""Decks on Slack end to end: signed `/quiz deck create` and the notes modal's submission with a
file fetched from the fake Slack's file host, `/quiz start 5 deck:k8s topic:...`, the lists,
and App Home's "Start a quiz" form; clicks answered while 1 MB of notes is generated."""

from __future__ import annotations

import asyncio
import json
import time
from typing import Any

import pytest
from sqlalchemy import select

from bot.adapters.slack.decks import NotesMeta
from bot.adapters.slack.listeners.commands import StartArgs, parse_start
from bot.adapters.slack.usage import UsageError
from bot.db.tables import AdminAction, Deck, Question, Round, RoundQuestion
from tests.adapters.discord.test_decks import TimedWorker
from tests.adapters.slack.conftest import CHANNEL, TEAM, SlackEnv
from tests.adapters.slack.fake_slack import trigger_id
from tests.adapters.slack.test_curation import submission
from tests.adapters.slack.test_weekly import reply
from tests.conftest import async_wait_until
from tests.core.decks.support import K8S_NOTES, big_notes, generated, per_topic


def notes_submission(
    files: list[dict[str, Any]], *, user: str = "UADMIN", deck: str = "k8s", action: str = "create"
) -> dict[str, Any]:
    """The notes modal submitted, in Slack's shape: a file_input's value is its files."""
    meta = NotesMeta(CHANNEL, deck, action).dump()
    payload = submission("quiz_deck_notes", {}, user, meta)
    payload["view"]["state"]["values"]["notes"] = {"notes": {"type": "file_input", "files": files}}
    return payload


async def submit(env: SlackEnv, payload: dict[str, Any]) -> dict[str, Any] | None:
    sent = await env.interaction(payload)
    assert sent.status == 200, sent.text
    return sent.json()


async def make_k8s(env: SlackEnv) -> None:
    await env.command("deck create k8s", user="UADMIN")
    attached = env.fake.host_file("k8s.md", K8S_NOTES.encode())
    assert await submit(env, notes_submission([attached])) is None
    # the deck is made after the form's ack: its notice says it is there
    notice = (await env.wait_calls("chat.postEphemeral"))[0]
    assert "Deck k8s made (draft)" in notice.args["text"]


async def decks_in_db(env: SlackEnv) -> dict[str, str]:
    async with env.repo.unit() as u:
        return dict((await u.session.execute(select(Deck.name, Deck.status))).all())


async def test_an_admin_uploads_notes_and_gets_the_summary_and_a_draft(slack: SlackEnv):
    await slack.command("deck create k8s", user="UADMIN")
    view = (await slack.wait_calls("views.open"))[0].args["view"]
    assert view["callback_id"] == "quiz_deck_notes"
    picker = view["blocks"][0]["element"]
    assert picker["type"] == "file_input" and picker["filetypes"] == ["md", "markdown", "txt"]
    assert json.loads(view["private_metadata"]) == {"c": CHANNEL, "d": "k8s", "a": "create"}

    attached = slack.fake.host_file("k8s.md", K8S_NOTES.encode())
    assert await submit(slack, notes_submission([attached])) is None  # the modal closes

    (download,) = slack.fake.of("files.download")
    assert download.path.endswith("/download/k8s.md")
    notice = (await slack.wait_calls("chat.postEphemeral"))[0].args
    assert notice["user"] == "UADMIN" and notice["channel"] == CHANNEL
    made = generated(K8S_NOTES)
    n = len(made)
    assert f"Deck k8s made (draft): {n} added, 0 updated, 0 unchanged, 0 retired." in notice["text"]
    sections = "".join(f"\n{k:>6}  {t}" for t, k in per_topic(made).items())
    assert f"{n} questions from k8s.md\nBy section:{sections}\n" in notice["text"]
    assert await decks_in_db(slack) == {"test": "published", "k8s": "draft"}


async def test_a_member_is_refused_before_the_form_and_at_the_submission(slack: SlackEnv):
    text = await reply(slack, "deck create k8s", user="U0002")
    assert text == "Only admins can do that."
    assert slack.fake.of("views.open") == []
    attached = slack.fake.host_file("k8s.md", K8S_NOTES.encode())
    ack = await submit(slack, notes_submission([attached], user="U0002"))
    assert ack == {"response_action": "errors", "errors": {"notes": "Only admins can do that."}}
    assert slack.fake.of("files.download") == []
    assert await decks_in_db(slack) == {"test": "published"}
    assert await slack.count(AdminAction) == 0


async def test_a_3_mb_or_non_utf8_file_gets_a_clear_error_and_makes_nothing(slack: SlackEnv):
    big = slack.fake.host_file("k8s.md", b"# x\n", size=3 * 1024 * 1024)
    ack = await submit(slack, notes_submission([big]))
    assert ack is not None and ack["errors"]["notes"] == (
        "k8s.md is 3,145,728 bytes; notes files may have at most 2,000,000 bytes. Split them "
        "into several decks."
    )
    assert slack.fake.of("files.download") == []
    # A worker already running, as in a bot that has served a while: the file is read within
    # the ack's 2 seconds, so the refusal comes in the form itself. (The first job after a
    # start can wait seconds for its worker; the refusal then comes as a private message.)
    assert await slack.service.decks.worker.run(len, "") == 0
    latin = slack.fake.host_file("k8s.md", "# Café\n\n- **crème**: brûlée\n".encode("latin-1"))
    ack = await submit(slack, notes_submission([latin]))
    assert ack is not None and ack["errors"]["notes"].startswith("1 problem(s), nothing imported")
    assert "not UTF-8" in ack["errors"]["notes"]
    listed = (await slack.wait_calls("chat.postEphemeral"))[0].args["text"]
    assert "line 1: file: k8s.md is not UTF-8 text (byte 6 is not valid UTF-8)" in listed
    ack = await submit(slack, notes_submission([]))
    assert ack == {"response_action": "errors", "errors": {"notes": "Attach one Markdown file."}}
    assert await decks_in_db(slack) == {"test": "published"}


async def test_publish_then_start_with_a_deck_and_topics(slack: SlackEnv):
    await make_k8s(slack)
    text = await reply(slack, "deck preview k8s")
    assert "Deck k8s" in text and "k8s.md:" in text
    text = await reply(slack, "deck publish k8s")
    assert "k8s is now published" in text
    made = generated(K8S_NOTES)
    wanted = {"Probes", "Services"}
    assert len({q.fact for q in made if q.topic in wanted}) >= 5  # the notes hold a round of 5
    started = await reply(slack, "start 5 deck:k8s topic:probes,services", user="U0002")
    assert started == "Round started: 5 question(s)."
    async with slack.repo.unit() as u:
        rows = await u.session.execute(
            select(Deck.name, Question.topic)
            .join(Question, Question.deck_id == Deck.id)
            .join(RoundQuestion, RoundQuestion.question_id == Question.id)
        )
        asked = rows.all()
    assert len(asked) == 5 and {d for d, _ in asked} == {"k8s"}
    assert {t for _, t in asked} <= wanted

    decks = await reply(slack, "decks", user="U0002")
    assert f"k8s · published · {len(made)} question(s) · team · from k8s.md" in decks
    topics = await reply(slack, "topics k8s", user="U0002")
    assert f"Services · {per_topic(made)['Services']}" in topics and "SQS" not in topics
    refused = await reply(slack, "deck archive test")
    assert refused.startswith("test is a shared deck")


async def test_a_page_past_the_end_is_an_ephemeral_line(slack: SlackEnv):
    said = await reply(slack, "decks page 7", user="U0002")
    assert said == "Page 7 of 1 does not exist: the last page is 1."
    said = await reply(slack, "questions page 9")
    assert said == "Page 9 of 1 does not exist: the last page is 1."


async def test_start_arguments_with_a_deck_and_several_topics():
    assert parse_start("5 deck:k8s topic:probes,services") == StartArgs(
        5, "probes,services", None, "k8s"
    )
    assert parse_start("topic:AWS SQS 30") == StartArgs(None, "AWS SQS", 30)
    assert parse_start("deck:k8s Probes 20s") == StartArgs(None, "Probes", 20, "k8s")
    assert parse_start("topics: probes, services deck:k8s") == StartArgs(
        None, "probes, services", None, "k8s"
    )
    assert parse_start("n=3 deck=k8s topic=AWS SQS") == StartArgs(3, "AWS SQS", None, "k8s")
    for bad in ("deck:a deck:b", "deck:", "Lambda topic:sqs", "topic:a topic:b"):
        with pytest.raises(UsageError):
            parse_start(bad)


async def test_app_home_starts_a_quiz_with_a_deck_and_topics(slack: SlackEnv):
    await make_k8s(slack)
    await reply(slack, "deck publish k8s")
    await slack.event({"type": "app_home_opened", "user": "U0002", "tab": "home"})
    home = (await slack.wait_calls("views.publish"))[0].args["view"]
    button = next(b for b in home["blocks"] if b["type"] == "actions")["elements"][0]
    assert button["text"]["text"] == "Start a quiz"

    click = {
        "type": "block_actions",
        "user": {"id": "U0002", "username": "u0002", "team_id": TEAM},
        "team": {"id": TEAM, "domain": "acme"},
        "api_app_id": "A0001",
        "token": "legacy-verification-token",
        "container": {"type": "view", "view_id": "VHOME"},
        "trigger_id": trigger_id(5),
        "view": {"id": "VHOME", "type": "home", "team_id": TEAM},
        "actions": [{"action_id": button["action_id"], "block_id": "quiz_home", "type": "button"}],
    }
    assert (await slack.interaction(click)).status == 200
    modal = (await slack.wait_calls("views.open", 2))[1].args["view"]  # after the notes form
    blocks = {b["block_id"]: b for b in modal["blocks"]}
    assert [o["value"] for o in blocks["deck"]["element"]["options"]] == ["k8s", "test"]
    assert blocks["topics"]["element"]["type"] == "multi_external_select"

    state = {
        "channel": {"value": {"type": "conversations_select", "selected_conversation": CHANNEL}},
        "deck": {
            "value": {"type": "static_select", "selected_option": {"value": "k8s"}},
        },
    }
    suggestion = {
        "type": "block_suggestion",
        "user": {"id": "U0002", "team_id": TEAM},
        "team": {"id": TEAM, "domain": "acme"},
        "api_app_id": "A0001",
        "token": "legacy-verification-token",
        "action_id": "start_topics",
        "block_id": "topics",
        "value": "serv",
        "container": {"type": "view", "view_id": "V0009"},
        "view": {"id": "V0009", "type": "modal", "team_id": TEAM, "state": {"values": state}},
    }
    sent = await slack.interaction(suggestion)
    assert sent.status == 200
    assert [o["value"] for o in sent.json()["options"]] == ["Services"]

    picked = {"type": "multi_external_select", "selected_options": [{"value": "Services"}]}
    values = {**state, "topics": {"start_topics": picked}}
    payload = submission("quiz_start", {}, "U0002", "")
    payload["view"]["state"]["values"] = values
    assert await submit(slack, payload) is None
    post = (await slack.wait_calls("chat.postMessage"))[0].args
    assert post["channel"] == CHANNEL
    async with slack.repo.unit() as u:
        topics = set(
            (
                await u.session.scalars(
                    select(Question.topic).join(
                        RoundQuestion, RoundQuestion.question_id == Question.id
                    )
                )
            ).all()
        )
    assert topics == {"Services"}


async def test_app_home_start_form_errors_go_under_their_inputs(slack: SlackEnv):
    payload = submission("quiz_start", {}, "U0002", "")
    payload["view"]["state"]["values"] = {
        "channel": {"value": {"type": "conversations_select", "selected_conversation": None}},
        "questions": {"value": {"type": "plain_text_input", "value": "500"}},
    }
    ack = await submit(slack, payload)
    assert ack is not None and set(ack["errors"]) == {"channel", "questions"}
    payload["view"]["state"]["values"] = {
        "channel": {"value": {"type": "conversations_select", "selected_conversation": CHANNEL}},
        "deck": {"value": {"type": "static_select", "selected_option": {"value": "nope"}}},
    }
    ack = await submit(slack, payload)
    assert ack is not None and ack["errors"]["deck"].startswith("There is no deck 'nope'")
    assert await slack.count(Round) == 0


@pytest.mark.slow
async def test_clicks_are_answered_while_a_1_mb_notes_file_is_generated(slack: SlackEnv):
    timed = TimedWorker(slack.service.decks.worker)
    slack.service.decks.worker = timed
    await slack.command("start 1 300")
    post = (await slack.wait_calls("chat.postMessage"))[0].args
    action = next(b for b in post["blocks"] if b["type"] == "actions")["elements"][0]["action_id"]
    attached = slack.fake.host_file("big.md", big_notes(1_000_000).encode())
    submitting = asyncio.create_task(submit(slack, notes_submission([attached], deck="big")))
    await timed.running.wait()
    acked: list[float] = []
    n = 0
    while timed.finished is None:
        n += 1
        sent = await slack.click(action, user=f"U{n:05d}")
        assert sent.status == 200
        acked.append(time.monotonic())
    await submitting
    loop_to_wall = time.monotonic() - asyncio.get_running_loop().time()
    started = timed.started + loop_to_wall
    finished = timed.finished + loop_to_wall
    during = [t for t in acked if started < t < finished]
    print(f"generation {finished - started:.2f} s, {len(during)} clicks acked meanwhile")
    assert len(during) >= 3

    # The notice comes after the submission's work, and under load after some of the
    # receipts: wait for it (a hang guard, not a timing), not for the first n + 1 messages.
    def made() -> bool:
        notices = slack.fake.of("chat.postEphemeral")
        return any("Deck big made (draft)" in c.args.get("text", "") for c in notices)

    assert await async_wait_until(made, timeout=30.0), [
        c.args.get("text", "")[:60] for c in slack.fake.of("chat.postEphemeral")[-5:]
    ]
