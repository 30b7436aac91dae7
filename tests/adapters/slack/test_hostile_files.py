"""Hostile files attached to `/quiz import` in Slack (signed view_submissions to the real Bolt
app, downloaded from the fake Slack's file host): each refused with a clear message naming the
problem, nothing written, each refused by its own limit (the message names it), never by the
worker's time-out: a limit that holds whatever the machine's load, where a wall-clock bound here
failed on a busy machine without a bug (the worker's time-out has its own test in tests/workers). One of each kind on SQLite, a few on PostgreSQL; the
whole corpus goes through the CLI in tests/hostile."""

from __future__ import annotations

import html

from bot.adapters.slack.uploads import MAX_UPLOAD_BYTES
from bot.db.tables import AdminAction, Question
from tests.adapters.slack.conftest import SlackEnv
from tests.adapters.slack.test_import_file import submit, with_file
from tests.hostile.corpus import ON_POSTGRESQL, REPRESENTATIVE, cases


async def test_hostile_attachments_are_refused_and_change_nothing(slack: SlackEnv, backend):
    names = REPRESENTATIVE if backend == "sqlite" else ON_POSTGRESQL
    before = (await slack.count(Question), await slack.count(AdminAction))
    for case in [c for c in cases() if c.name in names]:
        calls = len(slack.fake.of("chat.postEphemeral"))
        ack = await submit(slack, with_file([slack.fake.host_file(case.name, case.data)]))
        if len(case.data) > MAX_UPLOAD_BYTES:  # refused by size before it is fetched
            assert ack is not None and "1,000,000" in ack["errors"]["file"], case.name
            continue
        posted = await slack.wait_calls("chat.postEphemeral", calls + 1)
        text = html.unescape(posted[calls].args["text"])  # Slack's &amp; &lt; &gt;
        assert case.says in text, (case.name, text[:300])
        assert "Traceback" not in text and "was stopped" not in text, (case.name, text[:300])
        if ack is not None:  # answered within the ack budget: the form shows the problem
            assert (
                ack["response_action"] == "errors" and "nothing imported" in ack["errors"]["file"]
            )
    assert (await slack.count(Question), await slack.count(AdminAction)) == before
