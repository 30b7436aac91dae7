"""What a close tells the channel: the reveal of the closed question, the next question's card,
the round summary. Read in the transaction that closed the question (one transaction instead of
one per message), and sent by the engine after the commit."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from bot.core.leaderboard import rank_rows
from bot.core.models import (
    AnswerRec,
    Asked,
    ChannelRef,
    QuestionRec,
    RoundQuestionRec,
    RoundRec,
    RoundStatus,
)
from bot.core.play.store import SummaryReads
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
    timezone: str | None = None  # the team's, when read with the transition (else read later)


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


@dataclass(frozen=True)
class Reads:
    """What the messages of a batch of closes show, read in a few queries for all of them."""

    channels: dict[int, ChannelRef]
    questions: dict[int, QuestionRec]
    answers: dict[int, list[AnswerRec]]
    timezones: dict[int, str]  # by team, for the teams whose rounds ended
    summaries: SummaryReads
    now: datetime


async def read(u: Unit, closed: Closed, now: datetime) -> News:
    """Everything one close's messages show, read in the close's own unit."""
    return compose(closed, await read_all(u, [closed], now))


async def read_all(u: Unit, closed: Sequence[Closed], now: datetime) -> Reads:
    """Everything these closes' messages show, read in their own unit (after their writes,
    so the answers counted are every answer the closes let in): on PostgreSQL one statement
    for the reveals and cards, one more for the summaries of rounds that ended."""
    rounds = {c.round.id: c.round for c in closed}
    question_ids = {c.question.question_id for c in closed if c.question is not None}
    question_ids |= {c.next_question.question_id for c in closed if c.next_question is not None}
    summarised = [c for c in closed if _has_summary(c)]
    timezones = {c.round.team_id: c.timezone for c in summarised if c.timezone is not None}
    for team_id in sorted({c.round.team_id for c in summarised} - timezones.keys()):
        timezones[team_id] = (await u.teams.team_settings(team_id)).timezone
    weeks = sorted({(c.round.team_id, _week(c.round, timezones, now)) for c in summarised})
    questions, answers = await u.play.reveal_reads(
        sorted(c.question.id for c in closed if c.question is not None), sorted(question_ids)
    )
    summaries = (
        await u.play.summary_reads(sorted(c.round.id for c in summarised), weeks, WEEK_TOP)
        if summarised
        else SummaryReads({}, {}, {})
    )
    return Reads(
        channels=await u.teams.channel_refs(sorted({r.channel_id for r in rounds.values()})),
        questions=questions,
        answers=answers,
        timezones=timezones,
        summaries=summaries,
        now=now,
    )


def compose(closed: Closed, reads: Reads) -> News:
    """One close's messages from what `read_all` read (raises when they cannot be built: a
    broken question breaks its own channel's messages only)."""
    rnd = closed.round
    channel = reads.channels[rnd.channel_id]
    reveal: Reveal | None = None
    reveal_ref: str | None = None
    if closed.question is not None:
        rq = closed.question
        reveal, reveal_ref = _reveal(reads, rnd, rq), rq.message_ref
    next_card: QuestionCard | None = None
    if (nxt := closed.next_question) is not None:
        assert nxt.opens_at is not None and nxt.closes_at is not None
        q = reads.questions[nxt.question_id]
        next_card = question_card(rnd, nxt, q, nxt.opens_at, nxt.closes_at)
    summary = _summary(reads, rnd) if _has_summary(closed) else None
    return News(channel, rnd.id, reveal, reveal_ref, next_card, summary, closed.ended)


WEEK_TOP = 5  # players in a round summary's weekly standings


def _has_summary(closed: Closed) -> bool:
    """A round that ended gets a summary (a question of the day has none)."""
    return closed.ended is not None and not closed.round.daily


def _week(rnd: RoundRec, timezones: dict[int, str], now: datetime) -> date:
    return week_start(rnd.ended_at or now, timezones[rnd.team_id])


def _reveal(reads: Reads, rnd: RoundRec, rq: RoundQuestionRec) -> Reveal:
    q = reads.questions[rq.question_id]
    answers = reads.answers.get(rq.id, [])
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


def _summary(reads: Reads, rnd: RoundRec) -> RoundSummary:
    week = _week(rnd, reads.timezones, reads.now)
    summaries = reads.summaries
    return RoundSummary(
        round_id=rnd.id,
        status=str(rnd.status),
        questions_asked=summaries.asked.get(rnd.id, 0),
        standings=LeaderboardView(
            "Round results",
            "round",
            tuple(rank_rows(summaries.round_scores.get(rnd.id, []))),
            empty_text="Nobody answered.",
        ),
        week_top=LeaderboardView(
            f"This week's top 5 (week of {week.isoformat()})",
            "week",
            tuple(rank_rows(summaries.week_tops[(rnd.team_id, week)])),
            week,
        ),
    )
