"""The Slack app's error boundary: an unexpected error in a listener, or one no listener caught,
reaches the user as one line with a reference, and the log holds its traceback once under that
reference."""

from __future__ import annotations

import re
import time

import pytest

from tests.adapters.slack.conftest import SlackEnv
from tests.conftest import async_wait_until
from tests.helpers import captured_log

REFERENCE = re.compile(r"^Something went wrong on our side \(reference ([A-Z0-9]{6})\)\. ")


async def _broken(*args: object, **kwargs: object) -> None:
    raise RuntimeError("a bug deep inside")


def _logged_once(log: str, reference: str) -> None:
    assert log.count(f"reference {reference}") == 1
    assert log.count("Traceback") == 1 and "RuntimeError: a bug deep inside" in log


async def test_a_command_that_fails_unexpectedly_says_so_with_a_reference(
    slack: SlackEnv, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(slack.service.engine, "leaderboard", _broken)
    with captured_log("INFO") as log:
        sent = await slack.command("leaderboard")
        [hook] = await slack.wait_calls("response_url")
    assert sent.status == 200
    match = REFERENCE.match(hook.args["text"])
    assert match, hook.args["text"]
    _logged_once(log.getvalue(), match[1])


async def test_an_error_no_listener_caught_is_acked_told_and_logged_once(
    slack: SlackEnv, monkeypatch: pytest.MonkeyPatch
) -> None:
    """app_home_opened has no handler of its own for errors: the app-wide one takes it."""
    monkeypatch.setattr(slack.service.engine, "player_stats", _broken)
    with captured_log("INFO") as log:
        sent = await slack.event(
            {
                "type": "app_home_opened",
                "user": "U0001",
                "channel": "D0001",
                "tab": "home",
                "event_ts": f"{time.time():.6f}",
            }
        )
        told = await async_wait_until(lambda: bool(slack.fake.of("chat.postEphemeral")))
    assert sent.status == 200 and told
    [message] = slack.fake.of("chat.postEphemeral")
    assert (message.args["channel"], message.args["user"]) == ("D0001", "U0001")
    match = REFERENCE.match(message.args["text"])
    assert match, message.args["text"]
    _logged_once(log.getvalue(), match[1])
