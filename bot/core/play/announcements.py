"""What a close tells the channel: the reveal of the closed question, the next question's card,
the round summary. Read in the transaction that closed the question (one transaction instead of
one per message), and sent by the engine after the commit."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.core.leaderboard import rank_rows
from bot.core.models import (
    Asked,
    ChannelRef,
    QuestionRec,
    QuestionStatus,
    RoundQuestionRec,
    RoundRec,
    RoundStatus,
)
from bot.core.ports import Unit
from bot.core.views import LeaderboardView, QuestionCard, Reveal, RoundSummary, Winner
from bot.core.weeks import week_start


@dataclass(frozen=True)
class Closed:
    """What a close transition did: the round as it left it, the question it closed (None:
    none was open), the question it opened (as opened), how the round ended (None: it goes
    on)."""

    round: RoundRec
    question: RoundQuestionRec | None
    next_question: RoundQuestionRec | None = None
    ended: RoundStatus | None = None


@dataclass(frozen=True)
class News:
    """The messages one close sends, in order: the reveal (an edit of the question's message
    `reveal_ref`, or a post when it has none), the next card, the summary."""

    channel: ChannelRef | None  # None: nothing to send (reading the messages failed)
    round_id: int
    reveal: Reveal | None = None
    reveal_ref: str | None = None
    next_card: QuestionCard | None = None
    summary: RoundSummary | None = None
    ended: RoundStatus | None = None


def question_card(
    rnd: RoundRec, rq: RoundQuestionRec, q: QuestionRec, opens_at: datetime, closes_at: datetime
) -> QuestionCard:
    """The card as the round asks the question (its copy, whatever was edited since)."""
    asked = rq.asked or Asked.of(q)
    return QuestionCard(
        round_id=rnd.id,
        round_question_id=rq.id,
        number=rq.ordinal,
        total=rnd.num_questions,
        topic=q.topic,
        prompt=asked.prompt,
        choices=tuple(asked.choices[i] for i in rq.choice_order),
        opens_at=opens_at,
        closes_at=closes_at,
        seconds=rnd.seconds,
        kind=q.kind,
        daily=rnd.daily,
    )


async def read(u: Unit, closed: Closed, now: datetime) -> News:
    """Everything the close's messages show, read in the close's own unit (after its writes,
    so the answers counted are every answer the close let in)."""
    rnd = closed.round
    channel = await u.teams.channel_ref(rnd.channel_id)
    reveal: Reveal | None = None
    reveal_ref: str | None = None
    if closed.question is not None:
        rq = closed.question
        reveal, reveal_ref = await _reveal(u, rnd, rq), rq.message_ref
    next_card: QuestionCard | None = None
    if (nxt := closed.next_question) is not None:
        assert nxt.opens_at is not None and nxt.closes_at is not None
        q = await u.play.question(nxt.question_id)
        assert q is not None
        next_card = question_card(rnd, nxt, q, nxt.opens_at, nxt.closes_at)
    summary: RoundSummary | None = None
    if closed.ended is not None and not rnd.daily:  # a question of the day has no summary
        summary = await _summary(u, rnd, now)
    return News(channel, rnd.id, reveal, reveal_ref, next_card, summary, closed.ended)


async def _reveal(u: Unit, rnd: RoundRec, rq: RoundQuestionRec) -> Reveal:
    q = await u.play.question(rq.question_id)
    assert q is not None
    answers = await u.play.answers(rq.id)
    card = question_card(rnd, rq, q, rq.opens_at or rnd.started_at, rq.closes_at or rnd.started_at)
    shown = {orig: disp for disp, orig in enumerate(rq.choice_order)}
    picks = [0] * len(rq.choice_order)
    for a in answers:
        if a.choice in shown:
            picks[shown[a.choice]] += 1
    winners = tuple(
        Winner(a.display_name, a.points)
        for a in sorted(answers, key=lambda a: (-a.points, a.latency_ms))
        if a.correct
    )
    answer = (rq.asked or Asked.of(q)).answer
    return Reveal(card, shown[answer], q.explanation, q.source, winners, len(answers), tuple(picks))


async def _summary(u: Unit, rnd: RoundRec, now: datetime) -> RoundSummary:
    settings = await u.teams.team_settings(rnd.team_id)
    standings = await u.play.round_scores(rnd.id)
    week = week_start(rnd.ended_at or now, settings.timezone)
    top = await u.play.week_scores(rnd.team_id, week, 5)
    asked = sum(
        1 for r in await u.play.round_questions(rnd.id) if r.status == QuestionStatus.CLOSED
    )
    return RoundSummary(
        round_id=rnd.id,
        status=str(rnd.status),
        questions_asked=asked,
        standings=LeaderboardView(
            "Round results", "round", tuple(rank_rows(standings)), empty_text="Nobody answered."
        ),
        week_top=LeaderboardView(
            f"This week's top 5 (week of {week.isoformat()})", "week", tuple(rank_rows(top)), week
        ),
    )
