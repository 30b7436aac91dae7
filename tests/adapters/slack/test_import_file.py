"""`/quiz import` with a file attached in the form: signed view_submissions in, the real
slack_sdk/aiohttp download from the fake Slack's file host, the real database checked after.
The fake only hands a file over for a bot token, as Slack does."""

from __future__ import annotations

import json
from typing import Any

from bot.adapters.slack.uploads import MAX_UPLOAD_BYTES, Upload, trusted
from bot.db.tables import Question
from tests.adapters.slack.conftest import CHANNEL, SlackEnv
from tests.adapters.slack.fake_slack import BOT_TOKEN
from tests.adapters.slack.test_curation import GIFT, csv_text, questions, submission, text_input

META = json.dumps({"c": CHANNEL})


def with_file(
    files: list[dict[str, Any]],
    *,
    user: str = "UADMIN",
    pasted: str | None = None,
    fmt: str | None = None,
) -> dict[str, Any]:
    """An import view_submission in Slack's shape: a file_input's value is its files' objects."""
    option = {"value": fmt} if fmt else None
    payload = submission(
        "quiz_import",
        {
            "text": text_input(pasted),
            "format": {"type": "static_select", "selected_option": option},
        },
        user,
        META,
    )
    payload["view"]["state"]["values"]["file"] = {"file": {"type": "file_input", "files": files}}
    return payload


async def submit(env: SlackEnv, payload: dict[str, Any]) -> dict[str, Any] | None:
    sent = await env.interaction(payload)
    assert sent.status == 200, sent.text
    return sent.json()


async def test_the_form_offers_one_file_beside_the_paste_box(slack: SlackEnv):
    await slack.command("import", user="UADMIN")
    view = (await slack.wait_calls("views.open"))[0].args["view"]
    blocks = {b["block_id"]: b for b in view["blocks"]}
    picker = blocks["file"]["element"]
    assert picker["type"] == "file_input" and picker["max_files"] == 1
    assert {"yaml", "yml", "gift", "txt", "csv", "json", "opentdb", "aiken"} == set(
        picker["filetypes"]
    )
    assert blocks["file"]["optional"] and blocks["text"]["optional"]
    assert "initial_option" not in blocks["format"]["element"]  # empty: told from the name


async def test_an_attached_file_is_fetched_with_the_bot_token_and_imported(slack: SlackEnv):
    before = await slack.count(Question)
    text = csv_text(200)
    assert len(text) > 3000  # more than the paste box holds
    attached = slack.fake.host_file("team-bank.csv", text.encode())
    assert await submit(slack, with_file([attached])) is None  # closed: accepted
    (download,) = slack.fake.of("files.download")
    assert download.token == BOT_TOKEN
    assert download.path.endswith("/download/team-bank.csv")  # url_private_download
    assert len(await questions(slack, topic="Net")) == 200
    assert await slack.count(Question) == before + 200
    notice = (await slack.wait_calls("chat.postEphemeral"))[0].args
    assert notice["user"] == "UADMIN" and "Imported (csv): 200 added" in notice["text"]


async def test_the_picked_format_wins_and_txt_is_read_as_gift(slack: SlackEnv):
    gift_txt = slack.fake.host_file("moodle-export.txt", GIFT.encode("utf-8-sig"))  # with a BOM
    assert await submit(slack, with_file([gift_txt])) is None
    assert len(await questions(slack, topic="Networking")) == 2
    as_csv = slack.fake.host_file("notes.txt", csv_text(3).encode())
    assert await submit(slack, with_file([as_csv], fmt="csv")) is None
    assert len(await questions(slack, topic="Net")) == 3


async def test_three_bad_among_fifty_in_a_file_are_reported_and_none_added(slack: SlackEnv):
    before = await slack.count(Question)
    attached = slack.fake.host_file("bank.csv", csv_text(50, bad=(3, 20, 41)).encode())
    ack = await submit(slack, with_file([attached]))
    assert ack is not None and ack["response_action"] == "errors"
    assert set(ack["errors"]) == {"file"}
    assert ack["errors"]["file"].startswith("3 problem(s), nothing imported")
    assert len(ack["errors"]["file"]) <= 150
    listed = (await slack.wait_calls("chat.postEphemeral"))[0].args["text"]
    for line in (5, 22, 43):
        assert f"line {line}" in listed
    assert await slack.count(Question) == before


async def test_an_oversize_file_is_refused_before_it_is_fetched(slack: SlackEnv):
    before = await slack.count(Question)
    big = slack.fake.host_file("big.csv", csv_text(3).encode(), size=MAX_UPLOAD_BYTES + 1)
    ack = await submit(slack, with_file([big]))
    assert ack is not None and "at most 1,000,000" in ack["errors"]["file"]
    assert slack.fake.of("files.download") == []
    assert await slack.count(Question) == before


async def test_a_file_bigger_than_it_claims_is_cut_off_while_reading(slack: SlackEnv):
    before = await slack.count(Question)
    data = csv_text(3).encode() + b"#" * MAX_UPLOAD_BYTES
    liar = slack.fake.host_file("liar.csv", data, size=100)
    ack = await submit(slack, with_file([liar]))
    assert ack is not None and "over 1,000,000 bytes" in ack["errors"]["file"]
    assert await slack.count(Question) == before


async def test_a_file_that_is_not_utf8_is_refused(slack: SlackEnv):
    before = await slack.count(Question)
    latin = slack.fake.host_file(
        "bank.csv", "topic,prompt,choice1,choice2,answer\nCafé,Q?,a,b,A\n".encode("latin-1")
    )
    ack = await submit(slack, with_file([latin]))
    assert ack is not None and "not UTF-8" in ack["errors"]["file"]
    assert await slack.count(Question) == before


async def test_no_file_and_no_text_or_both_is_a_field_error(slack: SlackEnv):
    before = await slack.count(Question)
    ack = await submit(slack, with_file([]))
    assert ack is not None and ack["errors"] == {"file": "Attach a file or paste its text below."}
    attached = slack.fake.host_file("bank.gift", GIFT.encode())
    ack = await submit(slack, with_file([attached], pasted=GIFT))
    assert ack is not None and set(ack["errors"]) == {"text"}
    assert "not both" in ack["errors"]["text"]
    assert slack.fake.of("files.download") == []
    assert await slack.count(Question) == before


async def test_a_non_admin_cannot_import_a_file_and_it_is_never_fetched(slack: SlackEnv):
    before = await slack.count(Question)
    attached = slack.fake.host_file("bank.gift", GIFT.encode())
    ack = await submit(slack, with_file([attached], user="U0002"))
    assert ack is not None and "Only admins" in ack["errors"]["file"]
    assert slack.fake.of("files.download") == []
    assert await slack.count(Question) == before


async def test_the_token_never_goes_to_a_host_other_than_slack(slack: SlackEnv):
    before = await slack.count(Question)
    foreign = {
        "id": "F999",
        "name": "bank.gift",
        "size": 10,
        "url_private_download": "https://files.example.com/bank.gift",
    }
    ack = await submit(slack, with_file([foreign]))
    assert ack is not None and "not on Slack's file host" in ack["errors"]["file"]
    assert await slack.count(Question) == before
    api = slack.fake.api_url
    assert trusted("https://files.slack.com/files-pri/T1-F1/download/a.csv", None)
    assert trusted(api.replace("/api/", "/files-pri/T1-F1/a.csv"), api)
    assert not trusted("http://files.slack.com/files-pri/T1-F1/a.csv", None)  # not HTTPS
    assert not trusted("https://files.slack.com.evil.example/a.csv", None)
    assert Upload.of({"name": "a", "url_private": "u"}).url == "u"  # no download link: the view one
