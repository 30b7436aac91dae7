"""Core views -> Discord embeds and button views.

Everything user-written (prompts, choices, explanations, display names, topics) passes through
`safe()`: mentions neutralised, markdown escaped, cut to the field's limit, so a question typed
by an admin can neither ping a server nor break the layout. Messages are additionally sent with
`AllowedMentions.none()` by the messenger: two independent guards.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import discord

from bot.core.leaderboard import Ranked
from bot.core.render import LETTERS, percent, status_word
from bot.core.render import entry_line as text_entry_line
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

# Discord's limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits)
TITLE_MAX = 256
DESCRIPTION_MAX = 4096
FIELD_NAME_MAX = 256
FIELD_VALUE_MAX = 1024
FOOTER_MAX = 2048
EMBED_TOTAL_MAX = 6000
LABEL_MAX = 80
CUSTOM_ID_MAX = 100
ELLIPSIS = "…"

COLOR_QUESTION = discord.Colour.blurple()
COLOR_REVEAL = discord.Colour.green()
COLOR_BOARD = discord.Colour.gold()
COLOR_ERROR = discord.Colour.red()


def cut(text: str, limit: int) -> str:
    """At most `limit` characters; a cut ends in an ellipsis and never in a dangling escape."""
    if len(text) <= limit:
        return text
    head = text[: limit - 1]
    while head.endswith("\\"):
        head = head[:-1]
    return head + ELLIPSIS


_MENTION = re.compile(r"@(everyone|here)|<(@[!&]?|#)(\d+)>", re.IGNORECASE)
ZWSP = "\u200b"


def neutralise(text: str) -> str:
    """@everyone, @here, <@user>, <@&role> and <#channel> shown as text, never as a mention
    (a zero-width space breaks the syntax; what the reader sees is unchanged)."""

    def breaker(m: re.Match[str]) -> str:
        if m[1]:
            return f"@{ZWSP}{m[1]}"
        return f"<{m[2]}{ZWSP}{m[3]}>"

    return _MENTION.sub(breaker, text)


def safe(text: str, limit: int) -> str:
    """User text for an embed: no mentions, markdown shown literally, within `limit`."""
    return cut(discord.utils.escape_markdown(neutralise(text)), limit)


def plain(text: str, limit: int) -> str:
    """User text for places without markdown (button labels, select options)."""
    return cut(neutralise(text).replace("\n", " "), limit)


def timestamp(at: datetime, style: str = "R") -> str:
    """A Discord timestamp: every reader sees it in their own time zone, counting down live."""
    return f"<t:{int(at.timestamp())}:{style}>"


# --- question and reveal --------------------------------------------------------------------


def _needs_letters(card: QuestionCard) -> bool:
    return any(len(c) > LABEL_MAX for c in card.choices)


def _card_title(card: QuestionCard) -> str:
    if card.daily:
        return cut(f"Question of the day · {neutralise(card.topic)}", TITLE_MAX)
    return cut(f"Question {card.number}/{card.total} · {neutralise(card.topic)}", TITLE_MAX)


def _choice_lines(card: QuestionCard, budget: int, mark: int | None = None) -> str:
    per = max(budget // max(len(card.choices), 1) - 8, 20)
    lines = []
    for i, choice in enumerate(card.choices):
        tick = " ✅" if mark == i else ""
        lines.append(f"**{LETTERS[i]}** {safe(choice, per)}{tick}")
    return "\n".join(lines)


def _button_label(card: QuestionCard, index: int, lettered: bool) -> str:
    if lettered:
        return LETTERS[index]
    return plain(card.choices[index], LABEL_MAX) or LETTERS[index]


def question_embed(card: QuestionCard) -> discord.Embed:
    tail = f"\n\nCloses {timestamp(card.closes_at)} · {card.seconds}s to answer"
    if card.daily:
        tail = (
            f"\n\nOpen until {timestamp(card.closes_at, 't')} ({timestamp(card.closes_at)}) · "
            "points on this week's board; the answer is revealed then"
        )
    body_choices = ""
    if _needs_letters(card):
        body_choices = "\n\n" + _choice_lines(card, DESCRIPTION_MAX // 2)
    room = DESCRIPTION_MAX - len(tail) - len(body_choices)
    description = safe(card.prompt, room) + body_choices + tail
    embed = discord.Embed(title=_card_title(card), description=description, colour=COLOR_QUESTION)
    embed.set_footer(text="Pick an answer below. Only you see your choice; one answer each.")
    return fit(embed)


def reveal_embed(reveal: Reveal) -> discord.Embed:
    card = reveal.card
    answer = f"**Answer: {LETTERS[reveal.correct_index]}. {safe(reveal.correct_text, 1000)}**"
    body_choices = ""
    if _needs_letters(card):
        body_choices = "\n\n" + _choice_lines(card, DESCRIPTION_MAX // 3, reveal.correct_index)
    room = DESCRIPTION_MAX - len(answer) - len(body_choices) - 4
    description = safe(card.prompt, room) + body_choices + "\n\n" + answer
    embed = discord.Embed(title=_card_title(card), description=description, colour=COLOR_REVEAL)
    if reveal.explanation:
        embed.add_field(name="Why", value=safe(reveal.explanation, FIELD_VALUE_MAX), inline=False)
    if reveal.source:
        embed.add_field(name="Source", value=safe(reveal.source, FIELD_VALUE_MAX), inline=False)
    if reveal.winners:
        names = ", ".join(f"{safe(w.display_name, 64)} (+{w.points})" for w in reveal.winners)
        embed.add_field(name="Got it right", value=cut(names, FIELD_VALUE_MAX), inline=False)
    else:
        embed.add_field(name="Got it right", value="Nobody this time.", inline=False)
    embed.set_footer(text=f"{reveal.answered} answered · closed")
    return fit(embed)


@dataclass(frozen=True)
class ButtonSpec:
    """One answer button as rendered, independent of discord.py's item classes."""

    custom_id: str
    label: str
    style: discord.ButtonStyle
    disabled: bool


def answer_buttons(card: QuestionCard, correct: int | None = None) -> list[ButtonSpec]:
    """The answer buttons; with `correct`, the closed state: all disabled, the right one green."""
    lettered = _needs_letters(card)
    specs = []
    for i in range(len(card.choices)):
        style = discord.ButtonStyle.primary
        if correct is not None:
            style = discord.ButtonStyle.success if i == correct else discord.ButtonStyle.secondary
        custom_id = card.action_id(i)
        assert len(custom_id) <= CUSTOM_ID_MAX
        specs.append(
            ButtonSpec(custom_id, _button_label(card, i, lettered), style, correct is not None)
        )
    return specs


# --- boards and stats -----------------------------------------------------------------------


def entry_line(entry: Ranked, with_accuracy: bool = True) -> str:
    return text_entry_line(entry, with_accuracy, name=lambda n: safe(n, 64))


def board_text(view: LeaderboardView, limit: int) -> str:
    if not view.entries:
        return cut(view.empty_text, limit)
    lines: list[str] = []
    used = 0
    for entry in view.entries:
        line = entry_line(entry)
        if used + len(line) + 1 > limit:
            break
        lines.append(line)
        used += len(line) + 1
    return "\n".join(lines)


def leaderboard_embed(view: LeaderboardView) -> discord.Embed:
    return fit(
        discord.Embed(
            title=cut(view.title, TITLE_MAX),
            description=board_text(view, DESCRIPTION_MAX),
            colour=COLOR_BOARD,
        )
    )


def summary_embed(summary: RoundSummary) -> discord.Embed:
    embed = discord.Embed(
        title=f"{status_word(summary.status)} · {summary.questions_asked} question(s) asked",
        description=board_text(summary.standings, DESCRIPTION_MAX),
        colour=COLOR_BOARD,
    )
    embed.add_field(
        name=cut(summary.week_top.title, FIELD_NAME_MAX),
        value=board_text(summary.week_top, FIELD_VALUE_MAX),
        inline=False,
    )
    embed.set_footer(text="Play again with /quiz start · see everything with /quiz leaderboard")
    return fit(embed)


def stats_embed(view: PlayerStatsView) -> discord.Embed:
    week = f"#{view.week_rank}" if view.week_rank else "unranked"
    alltime = f"#{view.all_rank}" if view.all_rank else "unranked"
    embed = discord.Embed(title=cut(view.display_name, TITLE_MAX), colour=COLOR_BOARD)
    embed.add_field(name="This week", value=f"{view.week_points} pts ({week})")
    embed.add_field(name="All time", value=f"{view.all_points} pts ({alltime})")
    embed.add_field(
        name="Accuracy", value=f"{percent(view.accuracy)} ({view.correct}/{view.answered})"
    )
    embed.add_field(name="Streak", value=f"{view.streak} (best {view.best_streak})")
    return fit(embed)


WEEKLY_FOOTER = "Play with /quiz start · see everything with /quiz leaderboard"
EMPTY_WEEK = "No games this week. Start one with /quiz start and be on next week's board!"


def weekly_title(post: WeeklyPost) -> str:
    d = post.week_start
    return f"Weekly leaderboard — week of {d.day} {d:%B %Y}"


def weekly_embed(post: WeeklyPost) -> discord.Embed:
    """The automatic Monday post: the week's top 10 (points, right answers, accuracy), its most
    improved player, its hardest question with the answer, and who is on a streak. Names and
    question text are escaped; the messenger sends it with no pings allowed."""
    if post.empty:
        return discord.Embed(title=weekly_title(post), description=EMPTY_WEEK, colour=COLOR_BOARD)
    embed = discord.Embed(
        title=weekly_title(post),
        description=board_text(post.top, DESCRIPTION_MAX // 2),
        colour=COLOR_BOARD,
    )
    if post.most_improved:
        w = post.most_improved
        embed.add_field(
            name="Most improved",
            value=f"{safe(w.display_name, 64)} (+{w.points} pts on the week before)",
            inline=False,
        )
    if post.hardest:
        h = post.hardest
        figures = f"{percent(h.facility)} right of {h.answered} answers"
        embed.add_field(
            name="Hardest question",
            value=cut(
                f"{safe(h.prompt, 600)}\nAnswer: **{safe(h.answer, 300)}** ({figures})",
                FIELD_VALUE_MAX,
            ),
            inline=False,
        )
    if post.most_missed:
        m = post.most_missed
        why = f"\nWhy: {safe(m.explanation, 300)}" if m.explanation else ""
        embed.add_field(
            name="Most missed question",
            value=cut(
                f"{safe(m.prompt, 500)}\nAnswer: **{safe(m.answer, 200)}** "
                f"({m.missed} of {m.answered} answers wrong){why}",
                FIELD_VALUE_MAX,
            ),
            inline=False,
        )
    if post.streak_leaders:
        names = ", ".join(
            f"{safe(w.display_name, 64)} ({w.points} in a row)" for w in post.streak_leaders
        )
        embed.add_field(name="On a streak", value=cut(names, FIELD_VALUE_MAX), inline=False)
    embed.set_footer(text=WEEKLY_FOOTER)
    return fit(embed)


def list_embed(
    title: str | None, lines: Sequence[str], *, ok: bool = True, head: str = ""
) -> discord.Embed:
    """Lines that carry user text (a file's problems, skipped questions): each one escaped, as
    many as fit, then how many were left out, so a long list is cut honestly, not silently."""
    room = DESCRIPTION_MAX - 40  # the "... and N more" line
    out = [head] if head else []
    used = len(head)
    shown = 0
    for line in lines:
        text = safe(line, FIELD_VALUE_MAX)
        if used + len(text) + 1 > room:
            break
        out.append(text)
        used += len(text) + 1
        shown += 1
    if shown < len(lines):
        out.append(f"… and {len(lines) - shown} more")
    embed = discord.Embed(
        description="\n".join(out) or ELLIPSIS, colour=COLOR_BOARD if ok else COLOR_ERROR
    )
    if title:
        embed.title = cut(title, TITLE_MAX)
    return fit(embed)


def notice_embed(notice: Notice) -> discord.Embed:
    embed = discord.Embed(
        description=cut(notice.text, DESCRIPTION_MAX),
        colour=COLOR_BOARD if notice.ok else COLOR_ERROR,
    )
    if notice.title:
        embed.title = cut(notice.title, TITLE_MAX)
    return embed


def panel_embed(panel: Panel) -> discord.Embed:
    embed = discord.Embed(
        title=cut(panel.title, TITLE_MAX),
        description=cut(neutralise("\n".join(panel.lines)), DESCRIPTION_MAX),
        colour=COLOR_BOARD,
    )
    if panel.footer:
        embed.set_footer(text=cut(panel.footer, FOOTER_MAX))
    return fit(embed)


def embed_for(view: View) -> discord.Embed:
    """Any core view as one embed."""
    if isinstance(view, QuestionCard):
        return question_embed(view)
    if isinstance(view, Reveal):
        return reveal_embed(view)
    if isinstance(view, RoundSummary):
        return summary_embed(view)
    if isinstance(view, LeaderboardView):
        return leaderboard_embed(view)
    if isinstance(view, PlayerStatsView):
        return stats_embed(view)
    if isinstance(view, WeeklyPost):
        return weekly_embed(view)
    if isinstance(view, Panel):
        return panel_embed(view)
    return notice_embed(view)


def fit(embed: discord.Embed) -> discord.Embed:
    """Keep the whole embed within 6000 characters: fields go first, then the description."""
    while len(embed) > EMBED_TOTAL_MAX and embed.fields:
        embed.remove_field(len(embed.fields) - 1)
    if len(embed) > EMBED_TOTAL_MAX and embed.description:
        over = len(embed) - EMBED_TOTAL_MAX
        embed.description = cut(embed.description, max(len(embed.description) - over, 1))
    return embed
