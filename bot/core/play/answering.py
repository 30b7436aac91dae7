"""Recording answers: the rules for accepting a click and scoring it, for a whole batch at once.

The engine hands over every click that queued while the previous batch was being written
(see `batching`); this module reads what the batch needs in one query, decides and scores each
click on its own, and writes the accepted ones together in one guarded write. A refusal or a duplicate affects only its
own click.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from bot.core.models import AnswerContext, NewAnswer, PlayerRef, QuestionStatus, RoundStatus
from bot.core.play import scoring
from bot.core.play.store import AnswersWritten, Place
from bot.core.ports import Unit
from bot.core.study.recording import Answered, memories_after
from bot.core.views import AnswerReceipt
from bot.core.weeks import week_start

GONE = "This question is no longer available."
OTHER_TEAM = "This question belongs to another team."
TOO_LATE = "Too late: this question has closed."
NOT_A_CHOICE = "That is not one of the choices."
ALREADY = "You already answered this question."


@dataclass(frozen=True)
class AnswerRequest:
    """One click: which question, who, which button, and when it arrived."""

    rq_id: int
    player: PlayerRef
    display_index: int
    at: datetime

    @property
    def key(self) -> tuple[str, str, str]:
        """One player's clicks never share a batch (their score rows change once per write)."""
        team = self.player.team
        return (team.platform, team.external_id, self.player.external_id)


@dataclass(frozen=True)
class AnswerOutcome:
    receipt: AnswerReceipt
    # The question closes after this many answers, and this click's caller counts them once
    # the click is committed (marked on one click per question and batch); None otherwise.
    fill_limit: int | None = None
    # Where the question stands in its round (with `fill_limit`): what its close needs.
    place: Place | None = None


@dataclass(frozen=True)
class _Accepted:
    index: int
    request: AnswerRequest
    context: AnswerContext
    team_id: int
    player_id: int


async def record(u: Unit, requests: Sequence[AnswerRequest]) -> list[AnswerOutcome]:
    """Decide and write a batch of clicks; one outcome per click. Two steps on the database
    whatever the batch's size: one read (`answer_reads`), one guarded write (`write_answers`),
    plus one for players this process has not met. Of the clicks written to a question that
    closes after N answers, the first carries N (`fill_limit`): its caller has them counted
    after the commit (`is_full`)."""
    team_ids, player_ids = await _clickers(u, requests)
    reads = await u.play.answer_reads(
        [(r.rq_id, player_id) for r, player_id in zip(requests, player_ids, strict=True)]
    )
    outcomes: list[AnswerOutcome | None] = [None] * len(requests)
    accepted: list[_Accepted] = []
    for i, request in enumerate(requests):
        ctx = reads.contexts.get(request.rq_id)
        team_id = team_ids[i]
        refusal = _refusal(request, ctx, team_id)
        if refusal is not None or ctx is None:
            outcomes[i] = AnswerOutcome(AnswerReceipt(False, refusal or GONE))
        else:
            accepted.append(_Accepted(i, request, ctx, team_id, player_ids[i]))

    rows = _scored(accepted, reads.earlier)
    # Every written answer updates the player's memory of the question, in the same write.
    memories = memories_after(
        reads.memories,
        [
            Answered(row.team_id, row.player_id, item.context.rq.question_id, row.correct, row.at)
            for item, row in zip(accepted, rows, strict=True)
        ],
    )
    result = await u.play.write_answers(rows, memories) if rows else AnswersWritten(set(), set())
    counted: set[int] = set()
    for item, row in zip(accepted, rows, strict=True):
        if row.rq_id in result.closed:
            outcomes[item.index] = AnswerOutcome(AnswerReceipt(False, TOO_LATE))
            continue
        if (row.rq_id, row.player_id) not in result.written:
            outcomes[item.index] = AnswerOutcome(AnswerReceipt(False, ALREADY))
            continue
        choice_text = item.context.choices[row.choice]
        limit = item.context.round.close_after_answers
        outcomes[item.index] = AnswerOutcome(
            AnswerReceipt(
                True,
                f"Locked in: {choice_text}. The answer is revealed when the question closes.",
            ),
            fill_limit=limit if limit is not None and row.rq_id not in counted else None,
            place=_place(item.context),
        )
        counted.add(row.rq_id)
    return [o for o in outcomes if o is not None]


async def _clickers(u: Unit, requests: Sequence[AnswerRequest]) -> tuple[list[int], list[int]]:
    """Each click's team id and player id, in click order (known ones cost no query; new
    players of a team are added in one statement)."""
    team_of: dict[str, int] = {}
    by_team: dict[int, list[PlayerRef]] = {}
    for r in requests:
        team = r.player.team
        if team.key not in team_of:
            team_of[team.key] = await u.teams.ensure_team(team)
        by_team.setdefault(team_of[team.key], []).append(r.player)
    ids: dict[tuple[int, str], int] = {}
    for team_id, players in by_team.items():
        for external_id, player_id in (await u.teams.ensure_players(team_id, players)).items():
            ids[(team_id, external_id)] = player_id
    teams = [team_of[r.player.team.key] for r in requests]
    return teams, [ids[(t, r.player.external_id)] for t, r in zip(teams, requests, strict=True)]


def _place(ctx: AnswerContext) -> Place:
    return Place(
        ctx.rq.id, ctx.round.id, ctx.rq.ordinal, ctx.round.num_questions, ctx.round.seconds
    )


def is_full(fill_limit: int, committed_answers: int) -> bool:
    """Whether a question that closes after `fill_limit` answers closes now (early)."""
    return committed_answers >= fill_limit


def _refusal(request: AnswerRequest, ctx: AnswerContext | None, team_id: int) -> str | None:
    if ctx is None:
        return GONE
    if ctx.round.team_id != team_id:
        return OTHER_TEAM
    rq = ctx.rq
    if (
        rq.status != QuestionStatus.OPEN
        or ctx.round.status != RoundStatus.RUNNING
        or rq.closes_at is None
        or request.at >= rq.closes_at
    ):
        return TOO_LATE
    if not 0 <= request.display_index < len(rq.choice_order):
        return NOT_A_CHOICE
    return None


def _scored(
    accepted: Sequence[_Accepted], earlier: dict[tuple[int, int], dict[int, bool]]
) -> list[NewAnswer]:
    """The rows to write, with points from the scoring rules (`earlier`: the players'
    answers before in their rounds, for the streak bonus)."""
    rows: list[NewAnswer] = []
    for item in accepted:
        ctx, request, player_id = item.context, item.request, item.player_id
        choice = ctx.rq.choice_order[request.display_index]
        correct = choice == ctx.answer
        elapsed = (request.at - (ctx.rq.opens_at or request.at)).total_seconds()
        run = scoring.correct_run(earlier.get((ctx.round.id, player_id), {}), ctx.rq.ordinal)
        rows.append(
            NewAnswer(
                rq_id=ctx.rq.id,
                team_id=item.team_id,
                player_id=player_id,
                choice=choice,
                correct=correct,
                points=scoring.points(correct, elapsed, ctx.round.seconds, run),
                latency_ms=int(elapsed * 1000),
                at=request.at,
                week=week_start(request.at, ctx.timezone),
            )
        )
    return rows
