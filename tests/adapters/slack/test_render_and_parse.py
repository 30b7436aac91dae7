"""Block Kit limits, mrkdwn escaping and the /quiz grammar, without a server."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.adapters.slack.escape import escape, escape_cut, plain
from bot.adapters.slack.listeners.commands import (
    StartArgs,
    UsageError,
    parse_period,
    parse_settings,
    parse_start,
)
from bot.adapters.slack.render import MAX_BLOCKS, blocks_for, form_errors, limit_blocks, section
from bot.core.leaderboard import Ranked
from bot.core.models import ScoreRow
from bot.core.views import LeaderboardView, Panel, QuestionCard, Reveal, Winner


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", StartArgs()),
        ("5", StartArgs(5)),
        ("5 AWS SQS 30", StartArgs(5, "AWS SQS", 30)),
        ("AWS SQS 30", StartArgs(None, "AWS SQS", 30)),
        ("Lambda 45s", StartArgs(None, "Lambda", 45)),
        ("5 30", StartArgs(5, None, 30)),
        ("3 EC2", StartArgs(3, "EC2", None)),
        ("n=5 topic=AWS SQS seconds=30", StartArgs(5, "AWS SQS", 30)),
    ],
)
def test_start_grammar(text: str, expected: StartArgs) -> None:
    assert parse_start(text) == expected


@pytest.mark.parametrize("text", ["5 10s AWS 20s", "n=five", "x n=5", "n=1 n=2"])
def test_bad_start_arguments_say_what_is_wrong(text: str) -> None:
    with pytest.raises(UsageError):
        parse_start(text)


def test_settings_and_period_grammar() -> None:
    got = parse_settings("questions=3 seconds=15s topic=AWS SQS")
    assert (got.questions, got.seconds, got.topic) == (3, 15, "AWS SQS")
    assert parse_settings("topic=").topic == ""
    assert parse_period("") == "week" and parse_period("ALL") == "all"
    with pytest.raises(UsageError, match="month"):
        parse_period("month")


def test_escaping_makes_mentions_inert_and_cutting_never_splits_an_entity() -> None:
    assert escape("<!channel> & <@U1>") == "&lt;!channel&gt; &amp; &lt;@U1&gt;"
    text = "a" * 8 + "<<<<"
    for limit in range(1, 30):
        out = escape_cut(text, limit)
        assert len(out) <= limit
        body = out.removesuffix("…")
        assert body.count("&") == body.count(";")  # whole entities only
        assert "<" not in out
    assert escape("a&lt;b") == "a&amp;lt;b"  # escaped once, as typed
    assert escape_cut("Locked in: B", 3000) == "Locked in: B"
    assert escape_cut("ab  cd", 4) == "ab…"  # cut, no space before the ellipsis
    assert escape_cut("x" * 10, 0) == ""
    assert plain("x" * 200, 75).endswith("…") and len(plain("x" * 200, 75)) == 75
    assert plain("", 10) == " "


def card(prompt: str = "Q?", choices: tuple[str, ...] = ("a", "b")) -> QuestionCard:
    t = datetime(2026, 11, 25, 12, tzinfo=UTC)
    return QuestionCard(1, 42, 1, 3, "Topic", prompt, choices, t, t + timedelta(seconds=20), 20)


def test_long_texts_are_cut_to_block_kit_limits() -> None:
    big = card("P" * 10_000, tuple(f"{i}" + "c" * 3000 for i in range(5)))
    blocks = blocks_for(big)
    for b in blocks:
        if b["type"] == "section":
            assert len(b["text"]["text"]) <= 3000
        if b["type"] == "header":
            assert len(b["text"]["text"]) <= 150
    elements = [e for b in blocks if b["type"] == "actions" for e in b["elements"]]
    assert [e["action_id"] for e in elements] == [f"quiz:a:42:{i}" for i in range(5)]
    assert all(len(e["text"]["text"]) <= 75 and len(e["value"]) <= 2000 for e in elements)
    reveal = Reveal(big, 2, "E" * 5000, "notes.md:3", (Winner("<!here>", 140),), 1, (0, 0, 1, 0, 0))
    rblocks = blocks_for(reveal)
    assert not [b for b in rblocks if b["type"] == "actions"]
    assert all(len(b["text"]["text"]) <= 3000 for b in rblocks if b["type"] == "section")
    assert "&lt;!here&gt; (+140)" in str(rblocks)


def test_at_most_50_blocks() -> None:
    many = [section(str(i)) for i in range(80)]
    assert len(limit_blocks(many)) == MAX_BLOCKS
    panel = Panel("Lots", tuple("line <!channel>" for _ in range(2000)))
    blocks = blocks_for(panel)
    assert len(blocks) <= MAX_BLOCKS and len(blocks[1]["text"]["text"]) <= 3000
    assert "<!channel>" not in str(blocks)


def test_leaderboard_names_are_escaped() -> None:
    row = ScoreRow(1, "<!everyone>", 100, 1, 1)
    view = LeaderboardView("Week", "week", (Ranked(1, row),))
    assert "&lt;!everyone&gt;" in str(blocks_for(view)) and "<!everyone>" not in str(
        blocks_for(view)
    )


def test_form_errors_map_every_field_to_a_block() -> None:
    got = form_errors(
        {"prompt": "is empty", "choices": "has 1", "lang": "bad", "answer": "x" * 300}
    )
    assert set(got) == {"prompt", "choices", "answer"}
    assert "lang: bad" in got["prompt"] and len(got["answer"]) <= 150
