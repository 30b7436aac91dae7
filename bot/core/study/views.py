"""What a review session shows: a card to answer, the feedback on the last answer, and the
end (how it went, when the next review is). Platform-neutral; `*_text` is the plain-text form
the terminal prints and the chat adapters reuse for their message bodies."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.core.surfaces import Commands, Step
from bot.core.view_ids import review_answer_id

REVIEW_LIMIT = 10  # questions in one session


@dataclass(frozen=True)
class ReviewSession:
    """Where a session is: when it started (questions reviewed since are not asked again in
    it), how many were asked and answered right. Carried in the answer buttons' ids, so any
    process can take the next click."""

    started_at: int  # epoch milliseconds
    asked: int = 0
    right: int = 0


@dataclass(frozen=True)
class ReviewCard:
    question_id: int
    version: int  # how often the player answered it; a second click on the same card is refused
    topic: str
    prompt: str
    choices: tuple[str, ...]  # in display order
    order: tuple[int, ...]  # the original index of each displayed choice
    session: ReviewSession
    limit: int = REVIEW_LIMIT

    @property
    def number(self) -> int:
        return self.session.asked + 1

    def action_id(self, display_index: int) -> str:
        s = self.session
        return review_answer_id(
            self.question_id,
            self.version,
            self.order[display_index],
            s.started_at,
            s.asked,
            s.right,
        )


@dataclass(frozen=True)
class ReviewFeedback:
    correct: bool
    answer: str  # the right choice's text
    explanation: str
    source: str | None
    note: str = ""  # e.g. "already answered": nothing was recorded
    answer_index: int | None = None  # the right choice in the question's own order


@dataclass(frozen=True)
class ReviewEnd:
    asked: int
    right: int
    next_due: datetime | None
    now: datetime
    timezone: str
    streak: int  # study days in a row


@dataclass(frozen=True)
class ReviewStep:
    """What the player sees after starting or answering: feedback on the last answer (if any),
    then the next card, or the end."""

    feedback: ReviewFeedback | None = None
    card: ReviewCard | None = None
    end: ReviewEnd | None = None


def when_text(moment: datetime | None, now: datetime, tz: str) -> str:
    """A due date as a player reads it: "now", "today at 14:05", "Thu 26 Nov 2026"."""
    if moment is None:
        return "nothing scheduled yet"
    if moment <= now:
        return "now"
    zone = ZoneInfo(tz)
    local = moment.astimezone(zone)
    if local.date() == now.astimezone(zone).date():
        return f"today at {local:%H:%M %Z}"
    return f"{local:%a %d %b %Y}"


def streak_text(streak: int) -> str:
    return f"Study streak: {streak} day{'s' if streak != 1 else ''}."


def card_text(card: ReviewCard) -> str:
    lines = [f"Review {card.number}/{card.limit} · {card.topic}", card.prompt, ""]
    lines += [f"  {i}. {c}" for i, c in enumerate(card.choices, start=1)]
    return "\n".join(lines)


def feedback_text(fb: ReviewFeedback, shown: Sequence[int] = ()) -> str:
    """`shown`: the order the answered card showed the choices in (ReviewCard.order), so the
    answer is named by the number the player saw beside it, as a round's reveal names it."""
    if fb.note:
        return fb.note
    answer = fb.answer
    if fb.answer_index is not None and fb.answer_index in shown:
        answer = f"{list(shown).index(fb.answer_index) + 1}. {answer}"
    lines = [("✓ Right: " if fb.correct else "✗ Wrong. The answer: ") + answer]
    if fb.explanation:
        lines.append(f"Why: {fb.explanation}")
    if fb.source:
        lines.append(f"Source: {fb.source}")
    return "\n".join(lines)


def end_text(end: ReviewEnd) -> str:
    when = when_text(end.next_due, end.now, end.timezone)
    if end.asked == 0:
        head = "Nothing is due for review today."
        tail = f"Next review: {when}." if end.next_due else "Answer questions in a round first."
        return f"{head} {tail}\n{streak_text(end.streak)}"
    return (
        f"Review done: {end.right}/{end.asked} right. Next due: {when}.\n{streak_text(end.streak)}"
    )


def step_text(step: ReviewStep, answered: ReviewCard | None = None) -> str:
    """The step as text; `answered`: the card its feedback is about, whose numbers it uses."""
    parts = []
    if step.feedback is not None:
        parts.append(feedback_text(step.feedback, answered.order if answered else ()))
    if step.card is not None:
        parts.append(card_text(step.card))
    if step.end is not None:
        parts.append(end_text(step.end))
    return "\n\n".join(parts)


# --- mastery per topic -------------------------------------------------------------------------

BAR_WIDTH = 10
MASTERY_TOPICS_SHOWN = 15  # lines a phone screen takes in; the rest are counted


@dataclass(frozen=True)
class TopicMastery:
    """One player's figures on one topic: questions seen, answers, right answers, due now."""

    topic: str
    seen: int
    answered: int
    correct: int
    due: int

    @property
    def accuracy(self) -> float:
        return self.correct / self.answered if self.answered else 0.0


@dataclass(frozen=True)
class MasteryView:
    """What `/quiz me` and App Home add: per topic, and the review that is due."""

    display_name: str
    topics: tuple[TopicMastery, ...]
    streak: int
    next_due: datetime | None
    now: datetime
    timezone: str

    @property
    def due(self) -> int:
        return sum(t.due for t in self.topics)

    def shown(self) -> tuple[tuple[TopicMastery, ...], int]:
        """The topics to show, most due first, then the weakest; and how many are left out."""
        order = sorted(self.topics, key=lambda t: (-t.due, t.accuracy, t.topic.casefold()))
        return tuple(order[:MASTERY_TOPICS_SHOWN]), max(len(order) - MASTERY_TOPICS_SHOWN, 0)


def bar(share: float, width: int = BAR_WIDTH) -> str:
    """A text bar that reads the same on every screen: `▓▓▓▓▓░░░░░ 52 %`."""
    share = min(max(share, 0.0), 1.0)
    full = round(share * width)
    return "▓" * full + "░" * (width - full) + f" {round(share * 100)} %"


def topic_figures(t: TopicMastery) -> str:
    return f"{t.seen} seen · {t.due} due"


def due_summary(view: MasteryView, commands: Commands) -> str:
    if view.due:
        return f"{view.due} question(s) due for review now: {commands(Step.REVIEW)}."
    return f"Nothing due for review; next: {when_text(view.next_due, view.now, view.timezone)}."


def mastery_text(view: MasteryView, commands: Commands) -> str:
    if not view.topics:
        return "Mastery by topic: nothing answered yet."
    topics, left = view.shown()
    lines = ["Mastery by topic (accuracy):"]
    for t in topics:
        lines += [f"{t.topic} · {topic_figures(t)}", f"  {bar(t.accuracy)}"]
    if left:
        lines.append(f"…and {left} more topic(s)")
    lines += [due_summary(view, commands), streak_text(view.streak)]
    return "\n".join(lines)
