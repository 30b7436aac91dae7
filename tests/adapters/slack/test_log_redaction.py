"""At DEBUG, with slack_sdk's and Bolt's own loggers on, no short-lived capability reaches the
log: a response_url posts into the channel for 30 minutes, a trigger_id opens a modal as the bot."""

from __future__ import annotations

import re

from tests.adapters.slack.conftest import SlackEnv
from tests.adapters.slack.test_http_end_to_end import buttons, start
from tests.helpers import captured_log


def _secret_part(response_url: str) -> str:
    return response_url.rsplit("/", 1)[-1]


async def test_response_urls_and_trigger_ids_never_reach_a_debug_log(slack: SlackEnv) -> None:
    with captured_log("DEBUG") as log:
        post, _rq = await start(slack)
        await slack.click(buttons(post)[0]["action_id"])
        await slack.wait_calls("chat.postEphemeral")
        await slack.command("add", user="UADMIN")
        opened = (await slack.wait_calls("views.open"))[0]
        await slack.command("leaderboard")
        await slack.wait_calls("response_url", 2)
    text = log.getvalue()
    # the libraries did log the requests that carry them
    assert "Sending a request - url:" in text and "views.open" in text
    hooks = [c.path for c in slack.fake.of("response_url")]
    assert len(hooks) == 2
    for path in hooks:
        assert _secret_part(path) not in text, path
    trigger = opened.args["trigger_id"]
    assert re.fullmatch(r"\d+\.\d+\.[0-9a-f]+", trigger)
    assert trigger not in text
    assert "[redacted]" in text
