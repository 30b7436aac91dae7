"""Core views as Block Kit. Every user-written text goes through `escape_cut` (mrkdwn) or
`plain` (plain_text) so mentions never notify and no block breaks Slack's size limits."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from bot.adapters.slack.escape import cut, escape, escape_cut, plain
from bot.core.leaderboard import Ranked
from bot.core.render import entry_line as text_entry_line
from bot.core.render import percent, render_text, status_word
from bot.core.views import (
    LeaderboardView,
    Notice,
    Panel,
    PlayerStatsView,
    QuestionCard,
    Reveal,
    RoundSummary,
    View,
    WeeklyPost,
)

Block = dict[str, Any]

MAX_BLOCKS = 50
MAX_HOME_BLOCKS = 100
MAX_SECTION = 3000
MAX_HEADER = 150
MAX_BUTTON_TEXT = 75
MAX_BUTTON_VALUE = 2000
MAX_ACTION_ID = 255
MAX_CONTEXT = 2000
MAX_FALLBACK = 3000
LETTERS = "ABCDE"

ADD_CALLBACK = "quiz_add"
HOME_START_ACTION = "quiz_home_start"  # App Home's "Start a quiz" button
HOME_REVIEW_ACTION = "quiz_home_review"  # App Home's "Review now" button
# modal block ids; the form field names of bot.core.curation.service.draft_from_form and ValidationFailed
FORM_BLOCKS = ("prompt", "choices", "answer", "explanation", "topic")


# --- small builders ------------------------------------------------------------------------


def header(text: str) -> Block:
    return {"type": "header", "text": {"type": "plain_text", "text": plain(text, MAX_HEADER)}}


def section(mrkdwn: str) -> Block:
    """A section from already-escaped mrkdwn (cut again as a guard)."""
    return {"type": "section", "text": {"type": "mrkdwn", "text": cut(mrkdwn, MAX_SECTION) or " "}}


def context(mrkdwn: str) -> Block:
    return {
        "type": "context",
        "elements": [{"type": "mrkdwn", "text": cut(mrkdwn, MAX_CONTEXT) or " "}],
    }


def divider() -> Block:
    return {"type": "divider"}


def limit_blocks(blocks: list[Block], limit: int = MAX_BLOCKS) -> list[Block]:
    if len(blocks) <= limit:
        return blocks
    return [*blocks[: limit - 1], context("… (cut to fit Slack's block limit)")]


def lines_section(lines: list[str]) -> Block:
    """Several escaped lines in one section, dropping whole lines that do not fit."""
    kept: list[str] = []
    used = 0
    for line in lines:
        if used + len(line) + 1 > MAX_SECTION - 2:
            kept.append("…")
            break
        kept.append(line)
        used += len(line) + 1
    return section("\n".join(kept))


# --- wording -------------------------------------------------------------------------------


def choice_label(index: int) -> str:
    return LETTERS[index] if index < len(LETTERS) else str(index + 1)


def slack_date(when_epoch: int, token: str, fallback: str) -> str:
    """Slack shows this in each reader's own timezone."""
    return f"<!date^{when_epoch}^{token}|{fallback}>"


def entry_line(entry: Ranked, with_accuracy: bool = True) -> str:
    return text_entry_line(entry, with_accuracy, name=lambda n: f"*{escape_cut(n, 80)}*")


def board_lines(view: LeaderboardView) -> list[str]:
    if not view.entries:
        return [escape(view.empty_text)]
    return [entry_line(e) for e in view.entries]


# --- views ---------------------------------------------------------------------------------


def question_blocks(card: QuestionCard) -> list[Block]:
    title = f"Question {card.number}/{card.total} · {card.topic}"
    if card.daily:
        title = f"Question of the day · {card.topic}"
    choices = "\n".join(
        f"*{choice_label(i)}.* {escape_cut(c, 500)}" for i, c in enumerate(card.choices)
    )
    buttons = []
    for i, choice in enumerate(card.choices):
        action = card.action_id(i)[:MAX_ACTION_ID]
        buttons.append(
            {
                "type": "button",
                "action_id": action,
                "value": action[:MAX_BUTTON_VALUE],
                "text": {
                    "type": "plain_text",
                    "text": plain(f"{choice_label(i)}. {choice}", MAX_BUTTON_TEXT),
                },
            }
        )
    closes = int(card.closes_at.timestamp())
    fallback = card.closes_at.strftime("%H:%M:%S UTC")
    timing = f"{card.seconds}s to answer"
    if card.daily:
        fallback = card.closes_at.strftime("%H:%M UTC")
        timing = "points on this week's board; the answer is revealed then"
    return [
        header(title),
        section(f"*{escape_cut(card.prompt, 2400)}*\n\n{choices}"),
        {"type": "actions", "block_id": f"quiz:q:{card.round_question_id}", "elements": buttons},
        context(
            f"⏱ Closes {slack_date(closes, '{time}' if card.daily else '{time_secs}', fallback)} · "
            f"{timing} · one answer each"
        ),
    ]


def reveal_blocks(reveal: Reveal) -> list[Block]:
    card = reveal.card
    lines = []
    for i, choice in enumerate(card.choices):
        mark = "✅" if i == reveal.correct_index else "▫️"
        picks = reveal.picks[i] if i < len(reveal.picks) else 0
        lines.append(f"{mark} *{choice_label(i)}.* {escape_cut(choice, 500)} ({picks})")
    blocks = [
        header(f"Question {card.number}/{card.total} · {card.topic} · closed"),
        section(f"*{escape_cut(card.prompt, 2400)}*\n\n" + "\n".join(lines)),
        section(
            f"*Answer:* {choice_label(reveal.correct_index)}. "
            f"{escape_cut(reveal.correct_text, 1000)}"
            + (f"\n*Why:* {escape_cut(reveal.explanation, 1800)}" if reveal.explanation else "")
        ),
    ]
    if reveal.winners:
        names = ", ".join(f"{escape_cut(w.display_name, 80)} (+{w.points})" for w in reveal.winners)
        blocks.append(section(f"🎉 *Right:* {cut(names, 2900)}"))
    else:
        blocks.append(section(f"Nobody got it right ({reveal.answered} answered)."))
    if reveal.source:
        blocks.append(context(f"Source: {escape_cut(reveal.source, 500)}"))
    return blocks


def summary_blocks(summary: RoundSummary) -> list[Block]:
    return [
        header(f"{status_word(summary.status)} · {summary.questions_asked} question(s) asked"),
        lines_section(board_lines(summary.standings)),
        divider(),
        section(f"*{escape(summary.week_top.title)}*"),
        lines_section(board_lines(summary.week_top)),
    ]


def leaderboard_blocks(view: LeaderboardView) -> list[Block]:
    return [header(view.title), lines_section(board_lines(view))]


def stats_fields(view: PlayerStatsView) -> list[str]:
    week = f"#{view.week_rank}" if view.week_rank else "unranked"
    alltime = f"#{view.all_rank}" if view.all_rank else "unranked"
    return [
        f"*This week*\n{view.week_points} pts ({week})",
        f"*All time*\n{view.all_points} pts ({alltime})",
        f"*Accuracy*\n{percent(view.accuracy)} ({view.correct}/{view.answered})",
        f"*Streak*\n{view.streak} (best {view.best_streak})",
    ]


def stats_blocks(view: PlayerStatsView) -> list[Block]:
    return [
        header(f"Stats for {view.display_name}"),
        {
            "type": "section",
            "fields": [{"type": "mrkdwn", "text": f} for f in stats_fields(view)],
        },
    ]


def notice_blocks(view: Notice) -> list[Block]:
    text = escape_cut(view.text, MAX_SECTION - 200)
    if view.title:
        text = f"*{escape_cut(view.title, 150)}*\n{text}"
    return [section(("" if view.ok else "⚠️ ") + text)]


def panel_blocks(view: Panel, limit: int = MAX_BLOCKS) -> list[Block]:
    """A Panel as a header, sections of whole escaped lines (each section at most 3000
    characters) and its footer; when the lines do not fit in `limit` blocks the last block says
    how many were left out ("…and N more")."""
    lines = [escape_cut(x, MAX_SECTION - 100) for x in view.lines]
    tail = [context(escape_cut(view.footer, MAX_CONTEXT))] if view.footer else []
    room = limit - 1 - len(tail)  # sections left after the header and the footer
    sections: list[list[str]] = []
    used = 0
    shown = 0
    for line in lines:
        if sections and used + len(line) + 1 <= MAX_SECTION - 50:
            sections[-1].append(line)
            used += len(line) + 1
        elif len(sections) < room:
            sections.append([line])
            used = len(line)
        else:
            break
        shown += 1
    left = len(lines) - shown
    if left:
        note = f"…and {left} more"
        if used + len(note) + 1 <= MAX_SECTION - 50:
            sections[-1].append(note)
        else:
            if len(sections) >= room:  # no block left for the note: give back a section
                left += len(sections.pop())
            sections.append([f"…and {left} more"])
    blocks = [header(view.title), *(section("\n".join(s)) for s in sections)]
    return blocks + tail


def weekly_blocks(post: WeeklyPost) -> list[Block]:
    head = header(f"Weekly leaderboard, week of {post.week_start.isoformat()}")
    if post.empty:
        return [head, section("No games this week. Start one with `/quiz start`!")]
    blocks = [head, lines_section(board_lines(post.top))]
    extra = []
    if post.most_improved:
        mi = post.most_improved
        extra.append(f"*Most improved:* {escape_cut(mi.display_name, 80)} (+{mi.points} pts)")
    if post.hardest:
        h = post.hardest
        extra.append(
            f"*Hardest question:* {escape_cut(h.prompt, 1000)} — answer: "
            f"{escape_cut(h.answer, 300)} ({percent(h.facility)} right)"
        )
    if post.most_missed:
        m = post.most_missed
        why = f"\n_Why:_ {escape_cut(m.explanation, 600)}" if m.explanation else ""
        extra.append(
            f"*Most missed:* {escape_cut(m.prompt, 800)} — answer: {escape_cut(m.answer, 300)} "
            f"({m.missed} of {m.answered} wrong){why}"
        )
    if post.streak_leaders:
        names = ", ".join(
            f"{escape_cut(w.display_name, 80)} ({w.points})" for w in post.streak_leaders
        )
        extra.append(f"*Streak leaders:* {names}")
    if extra:
        blocks.append(lines_section(extra))
    return blocks


def blocks_for(view: View) -> list[Block]:
    """Any core view as at most 50 blocks."""
    if isinstance(view, QuestionCard):
        blocks = question_blocks(view)
    elif isinstance(view, Reveal):
        blocks = reveal_blocks(view)
    elif isinstance(view, RoundSummary):
        blocks = summary_blocks(view)
    elif isinstance(view, LeaderboardView):
        blocks = leaderboard_blocks(view)
    elif isinstance(view, PlayerStatsView):
        blocks = stats_blocks(view)
    elif isinstance(view, Panel):
        blocks = panel_blocks(view)
    elif isinstance(view, WeeklyPost):
        blocks = weekly_blocks(view)
    else:
        blocks = notice_blocks(view)
    return limit_blocks(blocks)


def fallback_text(view: View) -> str:
    """The message's top-level `text` (notifications, screen readers): escaped too."""
    return escape_cut(render_text(view), MAX_FALLBACK) or " "


# --- App Home and modals --------------------------------------------------------------------


def home_view(
    stats: PlayerStatsView, board: LeaderboardView, mastery: Sequence[Block] = ()
) -> dict[str, Any]:
    """App Home: the player's stats and mastery per topic, the week's board, and buttons to
    start a quiz or review what is due."""
    blocks: list[Block] = [
        header("Quiz"),
        section(f"*Your stats, {escape_cut(stats.display_name, 80)}*"),
        {"type": "section", "fields": [{"type": "mrkdwn", "text": f} for f in stats_fields(stats)]},
        *mastery,
        divider(),
        *leaderboard_blocks(board),
        divider(),
        {
            "type": "actions",
            "block_id": "quiz_home",
            "elements": [
                {
                    "type": "button",
                    "action_id": HOME_START_ACTION,
                    "style": "primary",
                    "text": {"type": "plain_text", "text": "Start a quiz"},
                },
                {
                    "type": "button",
                    "action_id": HOME_REVIEW_ACTION,
                    "text": {"type": "plain_text", "text": "Review now"},
                },
            ],
        },
        context(
            "Or start a round in any channel with `/quiz start`; `/quiz help` lists every "
            "command, `/quiz decks` and `/quiz topics` what you can play."
        ),
    ]
    return {"type": "home", "blocks": limit_blocks(blocks, MAX_HOME_BLOCKS)}


def _input(
    block_id: str,
    label: str,
    *,
    multiline: bool = False,
    optional: bool = False,
    max_length: int | None = None,
    hint: str | None = None,
) -> Block:
    element: dict[str, Any] = {
        "type": "plain_text_input",
        "action_id": "value",
        "multiline": multiline,
    }
    if max_length:
        element["max_length"] = max_length
    block: Block = {
        "type": "input",
        "block_id": block_id,
        "label": {"type": "plain_text", "text": label},
        "element": element,
        "optional": optional,
    }
    if hint:
        block["hint"] = {"type": "plain_text", "text": hint}
    return block


def add_question_modal(channel_id: str) -> dict[str, Any]:
    """The `/quiz add` form; block ids are the core's field names so errors map one to one."""
    return {
        "type": "modal",
        "callback_id": ADD_CALLBACK,
        "private_metadata": channel_id,
        "title": {"type": "plain_text", "text": "Add a question"},
        "submit": {"type": "plain_text", "text": "Add"},
        "close": {"type": "plain_text", "text": "Cancel"},
        "blocks": [
            _input("prompt", "Question", multiline=True, max_length=3000),
            _input("choices", "Choices, one per line", multiline=True, hint="2 to 5 choices"),
            _input("answer", "Correct choice", hint="its number (1-5) or letter (A-E)"),
            _input("explanation", "Explanation", multiline=True, optional=True),
            _input("topic", "Topic", optional=True, hint="e.g. AWS SQS (default: General)"),
        ],
    }


def form_errors(by_field: dict[str, str]) -> dict[str, str]:
    """ValidationFailed.by_field() -> {block_id: message}; fields without a block go on prompt."""
    out: dict[str, str] = {}
    for name, message in by_field.items():
        block = name if name in FORM_BLOCKS else "prompt"
        text = message if block == name else f"{name}: {message}"
        out[block] = cut(f"{out[block]}; {text}" if block in out else text, 150)
    return out
