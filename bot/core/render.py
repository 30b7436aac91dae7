"""Plain-text rendering of views: the terminal adapter's output and a readable fallback.

Shared wording helpers (accuracy, ranks, countdown) live here so every adapter says the same.
"""

from __future__ import annotations

from collections.abc import Callable

from bot.core.leaderboard import Ranked
from bot.core.views import (
    LeaderboardView,
    Panel,
    PlayerStatsView,
    QuestionCard,
    Reveal,
    RoundSummary,
    View,
    WeeklyPost,
)

LETTERS = "ABCDE"
MEDALS = {1: "🥇", 2: "🥈", 3: "🥉"}


def percent(value: float | None) -> str:
    return "n/a" if value is None else f"{round(value * 100)}%"


def rank_label(rank: int) -> str:
    return MEDALS.get(rank, f"#{rank}")


def entry_line(entry: Ranked, with_accuracy: bool = True, name: Callable[[str], str] = str) -> str:
    """One leaderboard line; `name` lets an adapter escape and style the player's name."""
    row = entry.row
    text = f"{rank_label(entry.rank)} {name(row.display_name)} — {row.points} pts"
    if with_accuracy:
        text += f" ({row.correct}/{row.answered} correct, {percent(entry.accuracy)})"
    return text


def leaderboard_lines(view: LeaderboardView) -> list[str]:
    if not view.entries:
        return [view.empty_text]
    return [entry_line(e) for e in view.entries]


def status_word(status: str) -> str:
    return {"finished": "Round over", "stopped": "Round stopped", "expired": "Round expired"}.get(
        status, "Round over"
    )


def card_text(card: QuestionCard) -> str:
    head = f"Question {card.number}/{card.total}"
    lines = [f"{'Question of the day' if card.daily else head} · {card.topic}", card.prompt, ""]
    lines += [f"  {i}. {c}" for i, c in enumerate(card.choices, start=1)]
    lines.append(
        f"(open until {card.closes_at:%H:%M} UTC)" if card.daily else f"({card.seconds}s to answer)"
    )
    return "\n".join(lines)


def reveal_text(reveal: Reveal) -> str:
    lines = [f"Answer: {reveal.correct_index + 1}. {reveal.correct_text}"]
    if reveal.explanation:
        lines.append(f"Why: {reveal.explanation}")
    if reveal.source:
        lines.append(f"Source: {reveal.source}")
    if reveal.winners:
        names = ", ".join(f"{w.display_name} (+{w.points})" for w in reveal.winners)
        lines.append(f"Right: {names}")
    else:
        lines.append(f"Nobody got it right ({reveal.answered} answered).")
    return "\n".join(lines)


def summary_text(summary: RoundSummary) -> str:
    lines = [f"{status_word(summary.status)} · {summary.questions_asked} question(s) asked", ""]
    lines += leaderboard_lines(summary.standings)
    lines += ["", summary.week_top.title]
    lines += leaderboard_lines(summary.week_top)
    return "\n".join(lines)


def stats_text(view: PlayerStatsView) -> str:
    week = f"#{view.week_rank}" if view.week_rank else "unranked"
    alltime = f"#{view.all_rank}" if view.all_rank else "unranked"
    return "\n".join(
        [
            f"{view.display_name}",
            f"This week: {view.week_points} pts ({week})",
            f"All time: {view.all_points} pts ({alltime})",
            f"Accuracy: {percent(view.accuracy)} ({view.correct}/{view.answered})",
            f"Streak: {view.streak} (best {view.best_streak})",
        ]
    )


def weekly_text(post: WeeklyPost) -> str:
    head = f"Weekly leaderboard, week of {post.week_start.isoformat()}"
    if post.empty:
        # Plain text is the terminal's and a chat's notification: no one surface's command.
        return f"{head}\nNo games this week."
    lines = [head, *leaderboard_lines(post.top)]
    if post.most_improved:
        lines.append(
            f"Most improved: {post.most_improved.display_name} (+{post.most_improved.points} pts)"
        )
    if post.hardest:
        h = post.hardest
        lines.append(
            f"Hardest question: {h.prompt} — answer: {h.answer} ({percent(h.facility)} right)"
        )
    if post.most_missed:
        m = post.most_missed
        lines.append(
            f"Most missed: {m.prompt} — answer: {m.answer} ({m.missed} of {m.answered} wrong)"
        )
        if m.explanation:
            lines.append(f"Why: {m.explanation}")
    if post.streak_leaders:
        names = ", ".join(f"{w.display_name} ({w.points})" for w in post.streak_leaders)
        lines.append(f"Streak leaders: {names}")
    return "\n".join(lines)


def render_text(view: View) -> str:
    """Any view as plain text."""
    if isinstance(view, QuestionCard):
        return card_text(view)
    if isinstance(view, Reveal):
        return reveal_text(view)
    if isinstance(view, RoundSummary):
        return summary_text(view)
    if isinstance(view, LeaderboardView):
        return "\n".join([view.title, *leaderboard_lines(view)])
    if isinstance(view, PlayerStatsView):
        return stats_text(view)
    if isinstance(view, Panel):
        return "\n".join([view.title, *view.lines, *([view.footer] if view.footer else [])])
    if isinstance(view, WeeklyPost):
        return weekly_text(view)
    return (f"{view.title}\n" if view.title else "") + view.text
