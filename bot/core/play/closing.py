"""Closing questions many at a time: each closed question opens its round's next question or
ends its round. The close queue hands over every close that arrived together, and the whole
batch costs a handful of statements, not a handful per question."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime, timedelta

from bot.core.models import QuestionStatus, RoundQuestionRec, RoundStatus
from bot.core.play.announcements import Closed
from bot.core.ports import Unit


async def close(u: Unit, closes: Sequence[tuple[int, datetime]]) -> list[Closed]:
    """Close those of these questions (question, when) still open, in the unit's transaction;
    what each close did, in question order. Questions already closed (by another replica, or
    a close that got there first) are left out: a close happens once."""
    closed = await u.play.close_questions(closes)
    if not closed:
        return []
    at = dict(closes)
    with_next = await u.play.rounds_with_next(sorted({rq.round_id for rq in closed}))
    rounds = {round_id: rnd for round_id, (rnd, _) in with_next.items()}
    # A round goes on from the last of its questions closed here (normally its only one).
    last: dict[int, RoundQuestionRec] = {}
    for rq in closed:
        if rq.round_id not in last or rq.ordinal > last[rq.round_id].ordinal:
            last[rq.round_id] = rq
    running = sorted(
        round_id
        for round_id in last
        if round_id in rounds and rounds[round_id].status == RoundStatus.RUNNING
    )
    nexts = {r: nxt for r in running if (nxt := with_next[r][1]) is not None}
    opening: dict[int, RoundQuestionRec] = {}
    for round_id, nxt in nexts.items():
        when = at[last[round_id].id]
        closes_at = when + timedelta(seconds=rounds[round_id].seconds)
        opening[round_id] = replace(
            nxt, status=QuestionStatus.OPEN, opens_at=when, closes_at=closes_at
        )
    opened = await u.play.open_questions(
        [(q.id, q.opens_at, q.closes_at) for q in opening.values() if q.opens_at and q.closes_at]
    )
    finishing = [(r, at[last[r].id]) for r in running if r not in nexts]
    ended = await u.play.end_rounds(finishing, RoundStatus.FINISHED) if finishing else set()

    out: list[Closed] = []
    for rq in closed:
        rnd = rounds.get(rq.round_id)
        if rnd is None:
            continue  # the round was deleted meanwhile: nothing to tell
        item = Closed(rnd, rq)
        if last[rq.round_id] is rq:
            opened_next = opening.get(rq.round_id)
            if opened_next is not None and opened_next.id in opened:
                item = replace(item, next_question=opened_next)
            elif rq.round_id in ended:
                done = replace(rnd, status=RoundStatus.FINISHED, ended_at=at[rq.id])
                item = Closed(done, rq, None, RoundStatus.FINISHED)
        out.append(item)
    return out
