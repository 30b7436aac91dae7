"""What deck operations return, and their Panel/Notice views for chat and the terminal (raw user
text inside: the adapters escape and cut it)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.core.decks.rules import CUSTOM_DECK, DeckStatus
from bot.core.decks.store import DeckRec, SyncPlan, TopicCount
from bot.core.models import QuestionRec
from bot.core.paging import check_page, page_count
from bot.core.surfaces import Commands, Step
from bot.core.views import Notice, Panel

PER_PAGE = 20
LINE_PROMPT = 100
LETTERS = "ABCDE"


@dataclass(frozen=True)
class DeckReport:
    """A deck made or regenerated: the deck, what happened to its rows, and the summary of
    the file it came from (the generator's: questions per section, dropped and why)."""

    deck: DeckRec
    plan: SyncPlan
    summary: str
    created: bool


def page_slice(
    items: Sequence[str], page: int, per_page: int = PER_PAGE
) -> tuple[list[str], int, int]:
    """One page of lines, the page shown and the count of pages; a page past the end is
    refused (paging.check_page)."""
    check_page(page, len(items), per_page)
    pages = page_count(len(items), per_page)
    page = max(page, 1)
    start = (page - 1) * per_page
    return list(items[start : start + per_page]), page, pages


def owner(deck: DeckRec) -> str:
    return "shared" if deck.shared else "team"


def deck_line(deck: DeckRec, default_id: int | None = None) -> str:
    """One deck in a list: name, status, size, where it came from, whose it is."""
    parts = [deck.name, str(deck.status), f"{deck.questions} question(s)", owner(deck)]
    if deck.name == CUSTOM_DECK and not deck.shared:
        parts.append("questions added one by one")
    elif deck.source_name:
        parts.append(f"from {deck.source_name}")
    if deck.id == default_id:
        parts.append("the team's default")
    return " · ".join(parts)


def decks_panel(
    decks: Sequence[DeckRec], default_id: int | None, page: int, commands: Commands
) -> Panel:
    lines, shown, pages = page_slice([deck_line(d, default_id) for d in decks], page)
    footer = f"Page {shown}/{pages} · {len(decks)} deck(s) · topics: {commands(Step.TOPICS)}"
    return Panel("Decks", tuple(lines) or ("No decks yet.",), footer)


def topics_panel(decks: Sequence[DeckRec], counts: Sequence[TopicCount], page: int = 1) -> Panel:
    """Each deck with its topics and their playable question counts, paged by line."""
    by_deck: dict[int, list[TopicCount]] = {}
    for row in counts:
        by_deck.setdefault(row.deck_id, []).append(row)
    lines: list[str] = []
    for deck in decks:
        rows = by_deck.get(deck.id, [])
        lines.append(f"{deck.name} ({deck.status}, {sum(r.questions for r in rows)} question(s))")
        lines += [f"    {r.topic} · {r.questions}" for r in rows]
    shown_lines, shown, pages = page_slice(lines, page)
    topics = len(counts)
    footer = f"Page {shown}/{pages} · {topics} topic(s) in {len(decks)} deck(s)"
    return Panel("Topics", tuple(shown_lines) or ("No topics yet.",), footer)


def short(text: str, limit: int = LINE_PROMPT) -> str:
    one_line = " ".join(text.split())
    return one_line if len(one_line) <= limit else one_line[: limit - 1] + "…"


def preview_panel(
    deck: DeckRec, questions: Sequence[QuestionRec], total: int, page: int, per_page: int
) -> Panel:
    """A page of the deck's questions: prompt, the answer and where in the notes it comes from."""
    lines = []
    for n, q in enumerate(questions, start=(page - 1) * per_page + 1):
        source = q.source_file or "no source"
        if q.source_file and q.source_line:
            source += f":{q.source_line}"
        lines.append(f"{n}. [{q.topic}] {short(q.prompt)}")
        lines.append(f"    ✓ {LETTERS[q.answer]}. {short(q.choices[q.answer], 80)} · {source}")
    pages = page_count(total, per_page)
    footer = f"Page {page}/{pages} · {total} question(s) · {deck.status}"
    title = f"Deck {deck.name}"
    return Panel(title, tuple(lines) or ("This deck has no questions.",), footer)


def next_step(deck: DeckRec, commands: Commands) -> str:
    """What to do with the deck next, in the commands of the reader's surface."""
    publish = commands(Step.PUBLISH_DECK, deck.name)
    if deck.status == DeckStatus.DRAFT:
        return (
            f"It is a draft: look at it with `{commands(Step.PREVIEW_DECK, deck.name)}`, "
            f"then make it playable with `{publish}`."
        )
    if deck.status == DeckStatus.ARCHIVED:
        return f"It is hidden from play and lists; `{publish}` brings it back."
    return f"Play it with {commands(Step.PLAY_DECK, deck.name)}."


def report_notice(report: DeckReport, commands: Commands) -> Notice:
    deck = report.deck
    verb = "made" if report.created else "regenerated"
    head = f"Deck {deck.name} {verb} ({deck.status}): {report.plan.summary()}."
    text = f"{head}\n{next_step(deck, commands)}\n\n{report.summary}"
    return Notice(text, title=f"Deck {deck.name}")


def status_notice(deck: DeckRec, commands: Commands) -> Notice:
    text = f"{deck.name} is now {deck.status}. {next_step(deck, commands)}"
    return Notice(text, title=f"Deck {deck.name}")
