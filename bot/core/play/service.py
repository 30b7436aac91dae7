"""The quiz engine: every game action as a guarded database transition, then the messages.

State changes happen in one transaction each and are conditional on the current state, so
whichever process (replica) gets there first does the work, and the others do nothing. Messages
go out only after the commit; a failed post is logged for that channel and never undoes play.
"""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from bot.core.decks.resolution import resolve
from bot.core.decks.topics import split_topics
from bot.core.errors import Contended, NotAllowed, QuizError, Unavailable
from bot.core.leaderboard import rank_rows
from bot.core.models import (
    Asked,
    ChannelRef,
    NewRound,
    PlayerRef,
    QuestionRec,
    QuestionStatus,
    RoundQuestionRec,
    RoundRec,
    RoundStatus,
    TeamRef,
)
from bot.core.permissions import is_admin
from bot.core.play import answering
from bot.core.play.batching import Batcher
from bot.core.play.limits import DEFAULT_QUESTIONS, DEFAULT_SECONDS, limit_problems
from bot.core.play.selection import choice_order, choose_questions
from bot.core.ports import Messenger, Repository, Unit
from bot.core.surfaces import Commands, Step, Surface
from bot.core.views import (
    AnswerReceipt,
    LeaderboardView,
    PlayerStatsView,
    QuestionCard,
    Reveal,
    RoundSummary,
    StartOutcome,
    View,
    Winner,
)
from bot.core.weeks import utcnow, week_start

log = logging.getLogger(__name__)

# A running round is expired once it is this far past the time its timers allow.
STALE_GRACE = timedelta(minutes=10)
DUE_BATCH = 100
# A batch of answers cancelled by a deadlock with another replica is run again this often.
ANSWER_ATTEMPTS = 3


def _ids(channel: ChannelRef) -> dict[str, str]:
    """Log fields that say where something happened (never a token)."""
    return {"team": channel.team.key, "channel": channel.external_id}


@dataclass(frozen=True)
class _Closed:
    """What a close transition did, for the announcements that follow the commit."""

    rq_id: int
    next_rq_id: int | None
    ended: RoundStatus | None
    round_id: int


def already_running(commands: Commands) -> str:
    return f"A round is already running here. Use {commands(Step.STOP)} to end it."


class QuizEngine:
    def __init__(
        self,
        repo: Repository,
        messenger: Messenger,
        *,
        platform: str,
        clock: Callable[[], datetime] = utcnow,
        rng: random.Random | None = None,
        on_schedule: Callable[[datetime], None] | None = None,
        surface: Surface | None = None,
    ) -> None:
        self.repo = repo
        self.messenger = messenger
        self.platform = platform
        # where its users read the hints in its replies (the platform's own, unless told)
        self.surface = surface or Surface.of_platform(platform)
        self.clock = clock
        self.rng = rng or random.Random()
        self.on_schedule = on_schedule
        self.accepting_rounds = True
        # Public for benchmarks and tests: `batches` and `largest` say how answers were grouped.
        self.answer_queue: Batcher[answering.AnswerRequest, answering.AnswerOutcome] = Batcher(
            self._answer_batch,
            key=lambda r: r.key,
            # An outage fails every click alike; anything else is retried click by click.
            isolate=lambda exc: not isinstance(exc, Unavailable),
        )
        # Names learned after clicks (see learn_name), written together and one batch at a
        # time, so a burst of new players costs the answers' writes a few short transactions.
        self.name_queue: Batcher[PlayerRef, None] = Batcher(
            self._name_batch,
            key=lambda p: (p.team.key, p.external_id),
            max_inflight=1,
            isolate=lambda exc: not isinstance(exc, Unavailable),
        )

    # --- starting and stopping -------------------------------------------------------------

    async def start_round(
        self,
        channel: ChannelRef,
        player: PlayerRef,
        *,
        questions: int | None = None,
        topic: str | None = None,
        seconds: int | None = None,
        close_after_answers: int | None = None,
        deck: str | None = None,
        topics: Sequence[str] = (),
    ) -> StartOutcome:
        """Start a round in `channel` and post its first question. The decks and topics it
        asks from are decks.resolution's choice: `deck` (a name) or the defaults, and `topics`
        (or `topic`, several separated by commas; else the channel's default topics)."""
        if not self.accepting_rounds:
            raise QuizError("The bot is restarting; start a new round in a moment.")
        given = {"questions": questions, "seconds": seconds}
        for problem in limit_problems(**given):
            raise QuizError(
                f"{problem.field} {problem.message}, not {given[problem.field]}.",
                field=problem.field,
            )
        now = self.clock()
        async with self.repo.unit() as u:
            team_id = await u.teams.ensure_team(channel.team)
            channel_id = await u.teams.ensure_channel(team_id, channel)
            player_id = await u.teams.ensure_player(team_id, player)
            commands = Commands(self.surface, channel.team)
            if await u.play.running_round(channel_id) is not None:
                raise QuizError(already_running(commands))
            defaults = await u.teams.channel_defaults(channel_id)
            n = questions or defaults.questions or DEFAULT_QUESTIONS
            secs = seconds or defaults.seconds or DEFAULT_SECONDS
            wanted = list(topics) or split_topics(topic if topic is not None else defaults.topic)
            chosen = await resolve(
                u.decks,
                u.teams,
                team_id,
                commands=commands,
                deck=deck,
                topics=wanted,
                channel_default=defaults.deck_id,
            )
            candidates = await u.play.candidate_questions(team_id, chosen.deck_ids, chosen.topics)
            picked = choose_questions(candidates, n, self.rng)
            if not picked:
                raise QuizError(
                    "There are no active questions to ask yet. Ask an admin to add some, "
                    f"or to make a deck from your notes ({commands(Step.CREATE_DECK)})."
                )
            new = NewRound(
                team_id=team_id,
                channel_id=channel_id,
                started_by=player_id,
                num_questions=len(picked),
                seconds=secs,
                topic=chosen.label,
                started_at=now,
                close_after_answers=close_after_answers,
                questions=[(Asked.of(q), choice_order(q, self.rng)) for q in picked],
            )
            rnd = await u.play.create_round(new)
            if rnd is None:
                raise QuizError(already_running(commands))
            first = (await u.play.round_questions(rnd.id))[0]
            closes_at = now + timedelta(seconds=secs)
            await u.play.open_question(first.id, now, closes_at)
            card = self._card(rnd, first, picked[0], now, closes_at)
        note = ""
        if len(picked) < n:
            note = f"Only {len(picked)} question(s) available, so this round is shorter."
        log.info("round started", extra={**_ids(channel), "round": rnd.id})
        await self._post_card(channel, card)
        self._schedule(closes_at)
        return StartOutcome(rnd.id, card, note)

    async def stop_round(self, channel: ChannelRef, player: PlayerRef) -> str:
        """Stop the channel's round (its starter or an admin); points already won are kept."""
        now = self.clock()
        async with self.repo.unit() as u:
            team_id = await u.teams.ensure_team(channel.team)
            channel_id = await u.teams.ensure_channel(team_id, channel)
            player_id = await u.teams.ensure_player(team_id, player)
            rnd = await u.play.running_round(channel_id)
            if rnd is None:
                raise QuizError("No round is running here.")
            if rnd.started_by != player_id and not is_admin(
                player, await u.teams.team_settings(team_id)
            ):
                raise NotAllowed("Only the player who started this round or an admin can stop it.")
            closed = await self._end_round(u, rnd, RoundStatus.STOPPED, now)
        await self._announce(closed)
        return "Round stopped. Points already won are kept."

    async def _end_round(
        self, u: Unit, rnd: RoundRec, status: RoundStatus, now: datetime
    ) -> _Closed | None:
        """Close the open question (if any), skip the rest and end the round, all or nothing."""
        closed_rq: int | None = None
        for rq in await u.play.round_questions(rnd.id):
            if rq.status == QuestionStatus.OPEN and await u.play.close_question(rq.id, now):
                closed_rq = rq.id
        await u.play.skip_pending(rnd.id)
        if not await u.play.end_round(rnd.id, status, now):
            return None
        return _Closed(closed_rq or 0, None, status, rnd.id)

    # --- answering ---------------------------------------------------------------------------

    async def answer(self, rq_id: int, player: PlayerRef, display_index: int) -> AnswerReceipt:
        """Record one player's answer (`record_answer`), then close the question if that
        answer filled it (`close_if_filled`)."""
        outcome = await self.record_answer(rq_id, player, display_index)
        await self.close_if_filled(rq_id, outcome)
        return outcome.receipt

    async def record_answer(
        self, rq_id: int, player: PlayerRef, display_index: int
    ) -> answering.AnswerOutcome:
        """Write one player's answer; returns once it is committed (or refused: the database
        refuses a second one). Clicks that arrive together are written together (see
        `batching`), each with its own receipt. Adapters ack a click after this returns, so
        an acked click is a written click."""
        return await self.answer_queue.submit(
            answering.AnswerRequest(rq_id, player, display_index, self.clock())
        )

    async def close_if_filled(self, rq_id: int, outcome: answering.AnswerOutcome) -> None:
        """Close the question when this answer was the one that filled it. Outside the batch,
        so the next batch of answers does not wait for the reveal. The answer is in whatever
        happens here; the due loop closes the question at its deadline if this fails."""
        if not outcome.fills_question:
            return
        try:
            await self.close_question(rq_id)
        except Exception:
            log.exception("closing a filled question failed", extra={"round_question": rq_id})

    async def answers_written(self) -> None:
        """Wait until every answer received so far is written: what can wait (a name to
        learn) lets a burst of clicks go first."""
        await self.answer_queue.drain()

    async def drain(self) -> None:
        """Finish writing every answer (and learned name) already received (graceful
        shutdown)."""
        await self.answer_queue.drain()
        await self.name_queue.drain()

    async def _answer_batch(
        self, requests: list[answering.AnswerRequest]
    ) -> list[answering.AnswerOutcome]:
        for attempt in range(1, ANSWER_ATTEMPTS + 1):
            try:
                async with self.repo.unit() as u:
                    recorded = await answering.record(u, requests)
                break
            except Contended:
                if attempt == ANSWER_ATTEMPTS:
                    raise
                await asyncio.sleep(self.rng.uniform(0.005, 0.02) * attempt)
        if not recorded.limited:
            return recorded.outcomes
        # The answers are in: from here on nothing may fail the batch. A question whose
        # count is not checked now closes at its deadline through the due loop.
        try:
            async with self.repo.unit() as u:
                full = await answering.filled(u, recorded.limited)
        except Exception:
            log.exception("counting answers for an early close failed")
            return recorded.outcomes
        closers = {recorded.limited[rq][1] for rq in full}
        return [
            replace(o, fills_question=True) if i in closers else o
            for i, o in enumerate(recorded.outcomes)
        ]

    # --- closing and due work ----------------------------------------------------------------

    async def close_question(self, rq_id: int, now: datetime | None = None) -> bool:
        """Close one question (once, whoever calls first), open the next or end the round."""
        now = now or self.clock()
        async with self.repo.unit() as u:
            if not await u.play.close_question(rq_id, now):
                return False
            rq = await u.play.round_question(rq_id)
            rnd = await u.play.round(rq.round_id) if rq else None
            assert rq is not None and rnd is not None
            next_id: int | None = None
            ended: RoundStatus | None = None
            if rnd.status == RoundStatus.RUNNING:
                pending = [
                    r
                    for r in await u.play.round_questions(rnd.id)
                    if r.status == QuestionStatus.PENDING
                ]
                if pending:
                    next_id = pending[0].id
                    await u.play.open_question(next_id, now, now + timedelta(seconds=rnd.seconds))
                elif await u.play.end_round(rnd.id, RoundStatus.FINISHED, now):
                    ended = RoundStatus.FINISHED
        await self._announce(_Closed(rq_id, next_id, ended, rnd.id))
        return True

    async def run_due(self, now: datetime | None = None) -> int:
        """One pass of due work for this platform: expire stuck rounds, close questions whose
        time is up. Safe to run from several processes at once."""
        now = now or self.clock()
        await self._expire_stale(now)
        async with self.repo.unit() as u:
            due = await u.play.due_questions(self.platform, now, DUE_BATCH)
        closed = 0
        for rq_id in due:
            try:
                closed += await self.close_question(rq_id, now)
            except Exception:
                # One broken round must not stop the others.
                log.exception("closing round question %s failed", rq_id)
        return closed

    async def _expire_stale(self, now: datetime) -> None:
        async with self.repo.unit() as u:
            candidates = await u.play.stale_rounds(self.platform, now - STALE_GRACE)
        for round_id in candidates:
            try:
                async with self.repo.unit() as u:
                    rnd = await u.play.round(round_id)
                    if rnd is None or rnd.status != RoundStatus.RUNNING:
                        continue
                    allowed = timedelta(seconds=rnd.num_questions * (rnd.seconds + 5))
                    if now < rnd.started_at + allowed + STALE_GRACE:
                        continue
                    closed = await self._end_round(u, rnd, RoundStatus.EXPIRED, now)
                await self._announce(closed)
            except Exception:
                log.exception("expiring round %s failed", round_id, extra={"round": round_id})

    # --- the question of the day ----------------------------------------------------------

    async def open_daily(
        self,
        u: Unit,
        team_id: int,
        channel_id: int,
        question: QuestionRec,
        seconds: int,
        now: datetime,
    ) -> QuestionCard:
        """Create and open a question of the day in the caller's unit (its claim commits with
        it); the caller posts the card with `post_daily` after the commit."""
        new = NewRound(
            team_id=team_id,
            channel_id=channel_id,
            started_by=None,
            num_questions=1,
            seconds=seconds,
            topic=question.topic,
            started_at=now,
            close_after_answers=None,
            questions=[(Asked.of(question), choice_order(question, self.rng))],
            daily=True,
        )
        rnd = await u.play.create_round(new)
        assert rnd is not None  # daily rounds are outside the one-running-round rule
        first = (await u.play.round_questions(rnd.id))[0]
        closes_at = now + timedelta(seconds=seconds)
        await u.play.open_question(first.id, now, closes_at)
        return self._card(rnd, first, question, now, closes_at)

    async def post_daily(self, channel: ChannelRef, card: QuestionCard) -> bool:
        """Post a question of the day's card; whether the platform took it."""
        posted = await self._post_card(channel, card)
        self._schedule(card.closes_at)
        return posted

    async def daily_card(self, u: Unit, round_id: int, now: datetime) -> QuestionCard | None:
        """A question of the day's card as first posted, to post again; None once it closed
        (or its time is up)."""
        rnd = await u.play.round(round_id)
        rqs = await u.play.round_questions(round_id) if rnd is not None else []
        if rnd is None or not rqs or rqs[0].status != QuestionStatus.OPEN:
            return None
        rq = rqs[0]
        question = await u.play.question(rq.question_id)
        if question is None or rq.opens_at is None or rq.closes_at is None or rq.closes_at <= now:
            return None
        return self._card(rnd, rq, question, rq.opens_at, rq.closes_at)

    # --- reads -------------------------------------------------------------------------------

    async def leaderboard(
        self, team: TeamRef, period: str = "week", limit: int = 10
    ) -> LeaderboardView:
        if period not in ("week", "all"):
            raise QuizError("period must be week or all.", field="period")
        now = self.clock()
        empty = f"No scores yet. Start a round with {Commands(self.surface, team)(Step.START)}."
        async with self.repo.unit() as u:
            team_id = await u.teams.ensure_team(team)
            if period == "all":
                rows = await u.play.all_time_scores(team_id, limit)
                ranked = tuple(rank_rows(rows))
                return LeaderboardView("All-time leaderboard", "all", ranked, empty_text=empty)
            settings = await u.teams.team_settings(team_id)
            week = week_start(now, settings.timezone)
            rows = await u.play.week_scores(team_id, week, limit)
        return LeaderboardView(
            f"Leaderboard, week of {week.isoformat()}",
            "week",
            tuple(rank_rows(rows)),
            week,
            empty_text=empty,
        )

    async def learn_name(self, player: PlayerRef) -> None:
        """Store the name the platform gives `player` in place of the stand-in a click named
        them by (a click may not wait for the platform's profile before its ack)."""
        await self.name_queue.submit(player)

    async def _name_batch(self, players: list[PlayerRef]) -> list[None]:
        by_team: dict[str, tuple[TeamRef, list[PlayerRef]]] = {}
        for p in players:
            by_team.setdefault(p.team.key, (p.team, []))[1].append(p)
        async with self.repo.unit() as u:
            for team, refs in by_team.values():
                await u.teams.ensure_players(await u.teams.ensure_team(team), refs)
        return [None] * len(players)

    async def player_stats(self, player: PlayerRef) -> PlayerStatsView:
        now = self.clock()
        async with self.repo.unit() as u:
            team_id = await u.teams.ensure_team(player.team)
            player_id = await u.teams.ensure_player(team_id, player)
            settings = await u.teams.team_settings(team_id)
            week = week_start(now, settings.timezone)
            totals = await u.play.player_totals(team_id, player_id)
            week_row = await u.play.week_row(team_id, player_id, week)
            week_rank = (
                await u.play.count_week_above(team_id, week, week_row.points) + 1
                if week_row
                else None
            )
            all_rank = (
                await u.play.count_all_above(team_id, totals.points) + 1
                if totals and totals.answered
                else None
            )
        return PlayerStatsView(
            display_name=player.display_name,
            week_rank=week_rank,
            week_points=week_row.points if week_row else 0,
            all_rank=all_rank,
            all_points=totals.points if totals else 0,
            correct=totals.correct if totals else 0,
            answered=totals.answered if totals else 0,
            streak=totals.streak if totals else 0,
            best_streak=totals.best_streak if totals else 0,
        )

    # --- views and announcements -------------------------------------------------------------

    @staticmethod
    def _card(
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

    async def reveal(self, rq_id: int) -> tuple[ChannelRef, RoundQuestionRec, Reveal]:
        async with self.repo.unit() as u:
            rq = await u.play.round_question(rq_id)
            rnd = await u.play.round(rq.round_id) if rq else None
            q = await u.play.question(rq.question_id) if rq else None
            assert rq is not None and rnd is not None and q is not None
            answers = await u.play.answers(rq_id)
            channel = await u.teams.channel_ref(rnd.channel_id)
        card = self._card(rnd, rq, q, rq.opens_at or rnd.started_at, rq.closes_at or rnd.started_at)
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
        return (
            channel,
            rq,
            Reveal(
                card, shown[answer], q.explanation, q.source, winners, len(answers), tuple(picks)
            ),
        )

    async def summary(self, round_id: int) -> tuple[ChannelRef, RoundSummary]:
        async with self.repo.unit() as u:
            rnd = await u.play.round(round_id)
            assert rnd is not None
            channel = await u.teams.channel_ref(rnd.channel_id)
            settings = await u.teams.team_settings(rnd.team_id)
            standings = await u.play.round_scores(round_id)
            week = week_start(rnd.ended_at or self.clock(), settings.timezone)
            top = await u.play.week_scores(rnd.team_id, week, 5)
            asked = sum(
                1
                for r in await u.play.round_questions(round_id)
                if r.status == QuestionStatus.CLOSED
            )
        return channel, RoundSummary(
            round_id=round_id,
            status=str(rnd.status),
            questions_asked=asked,
            standings=LeaderboardView(
                "Round results", "round", tuple(rank_rows(standings)), empty_text="Nobody answered."
            ),
            week_top=LeaderboardView(
                f"This week's top 5 (week of {week.isoformat()})",
                "week",
                tuple(rank_rows(top)),
                week,
            ),
        )

    async def _announce(self, closed: _Closed | None) -> None:
        """After a commit: edit the closed question into its reveal, post the next question or
        the round summary. Failures are logged; the game state is already safe."""
        if closed is None:
            return
        if closed.rq_id:
            channel, rq, reveal = await self.reveal(closed.rq_id)
            await self._update_or_post(channel, rq.message_ref, reveal)
            if reveal.card.daily:
                # Hours after the question: the reveal goes out as a message of its own too
                # (the edit alone is easy to miss), and a question of the day has no summary.
                if rq.message_ref is not None:
                    await self._post(channel, reveal)
                return
        if closed.next_rq_id is not None:
            async with self.repo.unit() as u:
                nxt = await u.play.round_question(closed.next_rq_id)
                rnd = await u.play.round(closed.round_id)
                assert nxt is not None and rnd is not None
                q = await u.play.question(nxt.question_id)
                channel = await u.teams.channel_ref(rnd.channel_id)
            assert q is not None and nxt.opens_at is not None and nxt.closes_at is not None
            await self._post_card(channel, self._card(rnd, nxt, q, nxt.opens_at, nxt.closes_at))
            self._schedule(nxt.closes_at)
        if closed.ended is not None:
            channel, summary = await self.summary(closed.round_id)
            log.info("round %s", closed.ended, extra={**_ids(channel), "round": closed.round_id})
            await self._post(channel, summary)

    async def _post_card(self, channel: ChannelRef, card: QuestionCard) -> bool:
        """Post the card and keep its message reference; whether the platform took it."""
        ref = await self._post(channel, card)
        if ref is None:
            return False
        async with self.repo.unit() as u:
            await u.play.set_message_ref(card.round_question_id, ref)
        return True

    async def _post(self, channel: ChannelRef, view: View) -> str | None:
        try:
            return await self.messenger.post(channel, view)
        except Exception:
            log.exception("posting to channel %s failed", channel.external_id, extra=_ids(channel))
            return None

    async def _update_or_post(self, channel: ChannelRef, ref: str | None, view: View) -> None:
        if ref is None:
            await self._post(channel, view)
            return
        try:
            await self.messenger.update(channel, ref, view)
        except Exception:
            log.exception(
                "updating message %s in channel %s failed",
                ref,
                channel.external_id,
                extra=_ids(channel),
            )

    def _schedule(self, at: datetime) -> None:
        if self.on_schedule is not None:
            self.on_schedule(at)
