"""Study on Slack as Block Kit: the review modal (private by construction: only the player who
opened it sees it; each answer updates it in place with views.update)."""

from __future__ import annotations

import re
from typing import Any

from bot.adapters.slack.escape import escape, escape_cut, plain
from bot.adapters.slack.render import (
    LETTERS,
    MAX_BUTTON_TEXT,
    MAX_SECTION,
    Block,
    context,
    divider,
    limit_blocks,
    section,
)
from bot.core.study.views import (
    MasteryView,
    ReviewStep,
    bar,
    due_summary,
    end_text,
    streak_text,
    topic_figures,
)
from bot.core.surfaces import Commands, Surface
from bot.core.view_ids import REVIEW_ID_PATTERN

REVIEW_ACTION = re.compile(f"^{REVIEW_ID_PATTERN}$")
MODAL_TITLE = "Review"
PRIVATE_NOTE = "Only you see this review; it does not change the leaderboard."


def review_blocks(step: ReviewStep) -> list[Block]:
    blocks: list[Block] = []
    fb = step.feedback
    if fb is not None:
        if fb.note:
            blocks.append(section(escape(fb.note)))
        else:
            verdict = ":white_check_mark: *Right:*" if fb.correct else ":x: *Wrong.* The answer:"
            blocks.append(section(f"{verdict} {escape_cut(fb.answer, 1000)}"))
            if fb.explanation:
                blocks.append(section(f"*Why:* {escape_cut(fb.explanation, MAX_SECTION - 20)}"))
            if fb.source:
                blocks.append(context(f"Source: {escape_cut(fb.source, 300)}"))
        blocks.append(divider())
    card = step.card
    if card is not None:
        head = f"*Review {card.number}/{card.limit}* · {escape_cut(card.topic, 150)}"
        blocks.append(section(f"{head}\n{escape_cut(card.prompt, MAX_SECTION - 300)}"))
        blocks.append(
            {
                "type": "actions",
                "block_id": f"quiz_review:{card.question_id}",
                "elements": [
                    {
                        "type": "button",
                        "action_id": card.action_id(i),
                        "text": {
                            "type": "plain_text",
                            "text": plain(f"{LETTERS[i]}. {choice}", MAX_BUTTON_TEXT),
                        },
                    }
                    for i, choice in enumerate(card.choices)
                ],
            }
        )
    if step.end is not None:
        blocks.append(section(escape(end_text(step.end))))
    blocks.append(context(PRIVATE_NOTE))
    return limit_blocks(blocks)


def mastery_blocks(view: MasteryView) -> list[Block]:
    """Mastery per topic as one section (two short lines a topic, the bar in code font so it
    lines up on a phone) and a context line with what is due and the study streak."""
    topics, left = view.shown()
    lines = [
        f"*{escape_cut(t.topic, 100)}* · {topic_figures(t)}\n`{bar(t.accuracy)}`" for t in topics
    ]
    if left:
        lines.append(f"…and {left} more topic(s)")
    body = "\n".join(lines) if lines else "Nothing answered yet: play a round with `/quiz start`."
    return [
        section(f"*Mastery by topic (accuracy)*\n{body}"),
        context(
            f"{escape(due_summary(view, Commands(Surface.SLACK)))} {escape(streak_text(view.streak))}"
        ),
    ]


def review_modal(step: ReviewStep | None) -> dict[str, Any]:
    """The review modal; None: the placeholder opened at once (the trigger expires in 3 s)."""
    blocks = review_blocks(step) if step is not None else [section("Finding what is due…")]
    return {
        "type": "modal",
        "callback_id": "quiz_review",
        "title": {"type": "plain_text", "text": MODAL_TITLE},
        "close": {"type": "plain_text", "text": "Close"},
        "blocks": blocks,
    }
