"""What curation operations return, and their Panel/Notice views for chat and the terminal.

Records stay plain so the CLI and tests can read them; the `*_panel` functions turn them into
platform-neutral views (the adapters escape and cut the raw user text inside)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from bot.core.curation.store import TeamQuestion
from bot.core.models import AdminActionRec
from bot.core.paging import page_count
from bot.core.views import Notice, Panel
from questions.bank import Problem
from questions.stats import QuestionStats

LETTERS = "ABCDE"
LINE_PROMPT = 80  # characters of a prompt shown in one list line


@dataclass(frozen=True)
class QuestionPage:
    items: tuple[TeamQuestion, ...]
    total: int
    page: int
    per_page: int

    @property
    def pages(self) -> int:
        return page_count(self.total, self.per_page)


@dataclass(frozen=True)
class QuestionDetail:
    """One question with its statistics in this team (see questions/stats.py for formulas)."""

    question: TeamQuestion
    stats: QuestionStats

    @property
    def flagged(self) -> bool:
        return bool(self.stats.flags)


@dataclass(frozen=True)
class ImportReport:
    format: str
    added: int
    updated: int
    unchanged: int
    skipped: tuple[Problem, ...] = field(default=())

    def summary(self) -> str:
        text = (
            f"{self.added} added, {self.updated} updated, {self.unchanged} unchanged, "
            f"{len(self.skipped)} skipped"
        )
        return text


def short(text: str, limit: int = LINE_PROMPT) -> str:
    one_line = " ".join(text.split())
    return one_line if len(one_line) <= limit else one_line[: limit - 1] + "…"


def ref_label(tq: TeamQuestion) -> str:
    return f"#{tq.rec.id}"


def question_line(tq: TeamQuestion) -> str:
    owner = "shared" if tq.shared else "team"
    return f"{ref_label(tq)} [{tq.status}, {owner}] {tq.rec.topic} · {short(tq.rec.prompt)}"


def percent(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.0f}%"


def signed(value: float | None) -> str:
    return "n/a" if value is None else f"{value:+.2f}"


def stats_line(stats: QuestionStats) -> str:
    return (
        f"asked {stats.asked} · answered {stats.answered} · {percent(stats.facility)} right · "
        f"discrimination {signed(stats.discrimination)}"
    )


def page_panel(page: QuestionPage, title: str = "Questions") -> Panel:
    lines = tuple(question_line(tq) for tq in page.items) or ("No questions match.",)
    footer = f"Page {page.page}/{page.pages} · {page.total} question(s)"
    return Panel(title, lines, footer)


def detail_panel(detail: QuestionDetail) -> Panel:
    tq, st = detail.question, detail.stats
    rec = tq.rec
    lines = [
        f"Status: {tq.status} ({'shared bank' if tq.shared else 'team question'}) · id {rec.uid}",
        f"Topic: {rec.topic}",
        f"Prompt: {rec.prompt}",
    ]
    for i, choice in enumerate(rec.choices):
        mark = "✓" if i == rec.answer else " "
        picked = st.choice_counts[i] if i < len(st.choice_counts) else 0
        lines.append(f"{mark} {LETTERS[i]}. {choice}  ({picked} picked)")
    if rec.explanation:
        lines.append(f"Explanation: {rec.explanation}")
    if tq.author:
        lines.append(f"Author: {tq.author}")
    lines.append(stats_line(st))
    lines += [f"⚠ {flag}" for flag in st.flags]
    return Panel(f"Question {ref_label(tq)}", tuple(lines))


def report_panel(details: Sequence[QuestionDetail], *, flagged_only: bool = False) -> Panel:
    """Every asked question's statistics (`details`), or only the flagged ones; the footer and
    an empty list still say how many were asked, so "none flagged" never reads "none asked"."""
    flagged = [d for d in details if d.flagged]
    lines = []
    for d in flagged if flagged_only else details:
        flags = f"  ⚠ {'; '.join(d.stats.flags)}" if d.stats.flags else ""
        lines.append(f"{question_line(d.question)}\n    {stats_line(d.stats)}{flags}")
    if not details:
        empty = "No question has been asked yet."
    else:
        empty = f"{len(details)} question(s) asked; none looks broken."
    return Panel(
        "Question statistics",
        tuple(lines) or (empty,),
        f"{len(details)} question(s) asked, {len(flagged)} flagged",
    )


def history_panel(actions: Sequence[AdminActionRec]) -> Panel:
    lines = []
    for a in actions:
        what = f" #{a.question_id}" if a.question_id is not None else ""
        uid = f" ({a.question_uid})" if a.question_uid else ""
        deck = f" {a.detail['deck']}" if isinstance(a.detail.get("deck"), str) else ""
        lines.append(f"{a.at:%Y-%m-%d %H:%M} UTC · {a.actor} · {a.action}{deck}{what}{uid}")
    return Panel("Admin history", tuple(lines) or ("Nothing recorded yet.",))


def import_notice(report: ImportReport) -> Notice:
    lines = [f"Imported ({report.format}): {report.summary()}."]
    lines += [f"skipped {p}" for p in report.skipped]
    return Notice("\n".join(lines), title="Import")


def status_notice(tq: TeamQuestion) -> Notice:
    return Notice(f"{ref_label(tq)} is now {tq.status}: {short(tq.rec.prompt)}")
