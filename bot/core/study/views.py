"""What a review session shows: a card to answer, the feedback on the last answer, and the
end (how it went, when the next review is). Platform-neutral; `*_text` is the plain-text form
the terminal prints and the chat adapters reuse for their message bodies."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

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


def feedback_text(fb: ReviewFeedback) -> str:
    if fb.note:
        return fb.note
    lines = [("✓ Right: " if fb.correct else "✗ Wrong. The answer: ") + fb.answer]
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


def step_text(step: ReviewStep) -> str:
    parts = []
    if step.feedback is not None:
        parts.append(feedback_text(step.feedback))
    if step.card is not None:
        parts.append(card_text(step.card))
    if step.end is not None:
        parts.append(end_text(step.end))
    return "\n\n".join(parts)
