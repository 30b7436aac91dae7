"""Closing questions many at a time: each closed question opens its round's next question or
ends its round. The close queue hands over every close that arrived together; this module
decides, for each round, what its close does (`moves`, pure), and the store carries out every
transition of the batch at once, each guarded (on PostgreSQL one statement, which counts an
early close's answers, closes, opens the next questions and ends the finished rounds)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import datetime, timedelta

from bot.core.models import RoundStatus
from bot.core.play.announcements import Closed
from bot.core.play.store import Close, Move, Place
from bot.core.ports import Unit


def moves(closes: Sequence[Close], places: Mapping[int, Place]) -> list[Move]:
    """Each round goes on from the last of its questions closed here (normally its only one):
    the next question opens at that close's time for the round's seconds; after the last
    question the round is finished."""
    last: dict[int, Place] = {}
    at: dict[int, datetime] = {}
    for c in closes:
        place = places[c.rq_id]
        at[c.rq_id] = c.at
        if place.round_id not in last or place.ordinal > last[place.round_id].ordinal:
            last[place.round_id] = place
    out: list[Move] = []
    for round_id in sorted(last):
        p = last[round_id]
        when = at[p.rq_id]
        if p.ordinal < p.num_questions:
            out.append(Move(round_id, p.rq_id, p.ordinal + 1, when, when + _length(p)))
        else:
            out.append(Move(round_id, p.rq_id, None, when, None))
    return out


def _length(place: Place) -> timedelta:
    return timedelta(seconds=place.seconds)


async def close(
    u: Unit,
    closes: Sequence[Close | tuple[int, datetime]],
    places: Mapping[int, Place] | None = None,
) -> list[Closed]:
    """Close those of these questions still open (and full, for closes with a fill limit),
    in the unit; what each close did, in question order. Questions already closed (by another
    replica, or a close that got there first) are left out: a close happens once. `places`
    may say where the questions stand (the answer path knows); the rest are read."""
    wanted = [c if isinstance(c, Close) else Close(*c) for c in closes]
    known = dict(places or {})
    missing = sorted({c.rq_id for c in wanted} - known.keys())
    if missing:
        known.update(await u.play.question_places(missing))
    wanted = [c for c in wanted if c.rq_id in known]  # a question deleted meanwhile
    if not wanted:
        return []
    done = await u.play.advance(wanted, moves(wanted, known))
    out: list[Closed] = []
    for rq in done.closed:
        rnd = done.rounds.get(rq.round_id)
        if rnd is None:
            continue  # the round was deleted meanwhile: nothing to tell
        item = Closed(rnd, rq, timezone=done.timezones.get(rnd.id))
        if (opened := done.opened.get(rq.id)) is not None:
            item = replace(item, next_question=opened)
        elif rq.id in done.ended:
            assert rq.closed_at is not None
            finished = replace(rnd, status=RoundStatus.FINISHED, ended_at=rq.closed_at)
            item = replace(item, round=finished, ended=RoundStatus.FINISHED)
        out.append(item)
    return out
