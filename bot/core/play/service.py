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

from bot.core.decks.resolution import choose, topics_by_deck
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
from bot.core.play import announcements, answering, closing
from bot.core.play.announcements import Closed, News, question_card
from bot.core.play.batching import Batcher
from bot.core.play.limits import DEFAULT_QUESTIONS, DEFAULT_SECONDS, limit_problems
from bot.core.play.selection import choice_order, choose_questions
from bot.core.play.store import Close, Place
from bot.core.ports import Messenger, Repository, Unit
from bot.core.surfaces import Commands, Step, Surface
from bot.core.views import (
    AnswerReceipt,
    LeaderboardView,
    PlayerStatsView,
    QuestionCard,
    StartOutcome,
    View,
)
from bot.core.weeks import utcnow, week_start

log = logging.getLogger(__name__)

# A running round is expired once it is this far past the time its timers allow.
STALE_GRACE = timedelta(minutes=10)
DUE_BATCH = 100
# A batch of answers cancelled by a deadlock with another replica is run again this often.
ANSWER_ATTEMPTS = 3
# Closes written per transaction, and such transactions at once, and posted cards' message
# references likewise: the database connections closes take at most (the pool has 10 and as
# many overflow; answers need theirs too).
CLOSE_BATCH = 50
CLOSES_IN_FLIGHT = 2
CARD_REFS_IN_FLIGHT = 1
CLOSE_CONNECTIONS = CLOSES_IN_FLIGHT + CARD_REFS_IN_FLIGHT
# Answer batches written at once (a second goes beside the first once enough wait), and
# batches of learned names.
ANSWERS_IN_FLIGHT = 2
NAMES_IN_FLIGHT = 1
# The connections the answer and close path hold at most at once: the ones a bot warms
# before it serves (bot.runtime), so no click waits for a new connection's first statements.
HOT_CONNECTIONS = ANSWERS_IN_FLIGHT + CLOSE_CONNECTIONS + NAMES_IN_FLIGHT
# Stuck rounds of different channels are expired side by side, this many at once.
EXPIRIES_AT_ONCE = 4


@dataclass(frozen=True)
class _CloseRequest:
    """Close this question (when it has `fill_limit` answers, if given) at `now` (None: when
    the close is written); `place`: where it stands in its round, when the caller knows."""

    rq_id: int
    now: datetime | None
    fill_limit: int | None = None
    place: Place | None = None


def _ids(channel: ChannelRef) -> dict[str, str]:
    """Log fields that say where something happened (never a token)."""
    return {"team": channel.team.key, "channel": channel.external_id}


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
            max_inflight=ANSWERS_IN_FLIGHT,
            # An outage fails every click alike; anything else is retried click by click.
            isolate=lambda exc: not isinstance(exc, Unavailable),
        )
        # Closes that arrive together (channels whose questions filled or ran out at the same
        # time) are written together, like answers, early closes counting their answers in
        # the same transaction; each channel then sends its own messages.
        self.close_queue: Batcher[_CloseRequest, News | None] = Batcher(
            self._close_batch,
            key=lambda request: request.rq_id,
            # Closes that arrive in one turn of the loop (those the same batch of answers
            # filled, or one pass of due questions) go together; closes that arrive while
            # another batch is being written go beside it at once (within CLOSES_IN_FLIGHT),
            # not after it: a filled question's close is on its last click's way, and waiting
            # for another channel's close was a third of what that click's answer took
            # (benchmarks/bench_answers.py --questions 3 --phases).
            max_batch=CLOSE_BATCH,
            max_inflight=CLOSES_IN_FLIGHT,
            overlap_at=1,
            same_turn=True,
            isolate=lambda exc: not isinstance(exc, Unavailable),
        )
        # Each posted card's message reference, written for many channels in one transaction.
        self.card_refs: Batcher[tuple[int, str], None] = Batcher(
            self._write_card_refs,
            key=lambda request: request[0],
            max_inflight=CARD_REFS_IN_FLIGHT,
            isolate=lambda exc: not isinstance(exc, Unavailable),
        )
        self._expiry_slots = asyncio.Semaphore(EXPIRIES_AT_ONCE)
        # Names learned after clicks (see learn_name), written together and one batch at a
        # time, so a burst of new players costs the answers' writes a few short transactions.
        self.name_queue: Batcher[PlayerRef, None] = Batcher(
            self._name_batch,
            key=lambda p: (p.team.key, p.external_id),
            max_inflight=NAMES_IN_FLIGHT,
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
        # Reads, then one write that creates the round and opens its first question: each
        # statement stands by itself (a second round in the channel breaks a unique index).
        async with self.repo.unit(autocommit=True) as u:
            team_id = await u.teams.ensure_team(channel.team)
            channel_id = await u.teams.ensure_channel(team_id, channel)
            player_id = await u.teams.ensure_player(team_id, player)
            commands = Commands(self.surface, channel.team)
            reads = await u.play.start_reads(team_id, channel_id)
            if reads.running:
                raise QuizError(already_running(commands))
            defaults = reads.defaults
            n = questions or defaults.questions or DEFAULT_QUESTIONS
            secs = seconds or defaults.seconds or DEFAULT_SECONDS
            wanted = list(topics) or split_topics(topic if topic is not None else defaults.topic)
            chosen = choose(
                reads.decks,
                team_id,
                topics_by_deck(reads.decks, reads.topics),
                commands=commands,
                deck=deck,
                topics=wanted,
                channel_default=defaults.deck_id,
                team_default=reads.team_default_deck,
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
            closes_at = now + timedelta(seconds=secs)
            created = await u.play.create_and_open(new, now, closes_at)
            if created is None:
                raise QuizError(already_running(commands))
            rnd, first = created
            card = question_card(rnd, first, picked[0], now, closes_at)
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
            news = (await self._news(u, [closed], now))[0] if closed else None
        await self._announce(news)
        return "Round stopped. Points already won are kept."

    async def _end_round(
        self, u: Unit, rnd: RoundRec, status: RoundStatus, now: datetime
    ) -> Closed | None:
        """Close the open question (if any), skip the rest and end the round, all or nothing."""
        closed_rq: RoundQuestionRec | None = None
        for rq in await u.play.round_questions(rnd.id):
            if rq.status == QuestionStatus.OPEN and await u.play.close_question(rq.id, now):
                closed_rq = replace(rq, status=QuestionStatus.CLOSED, closed_at=now)
        await u.play.skip_pending(rnd.id)
        if not await u.play.end_round(rnd.id, status, now):
            return None
        return Closed(replace(rnd, status=status, ended_at=now), closed_rq, None, status)

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
        """Close the question when this answer filled it. Counted and closed in the close
        queue, outside the answers' batch, so the next batch of answers waits for neither the
        count nor the reveal. The answer is in whatever happens here; the due loop closes the
        question at its deadline if this fails."""
        if outcome.fill_limit is None:
            return
        try:
            await self._close(_CloseRequest(rq_id, None, outcome.fill_limit, outcome.place))
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
        """The answer batcher's turn: writing the answers, nothing else."""
        for attempt in range(1, ANSWER_ATTEMPTS):
            try:
                async with self.repo.unit(autocommit=True) as u:
                    return await answering.record(u, requests)
            except Contended:
                await asyncio.sleep(self.rng.uniform(0.005, 0.02) * attempt)
        async with self.repo.unit(autocommit=True) as u:
            return await answering.record(u, requests)

    # --- closing and due work ----------------------------------------------------------------

    async def close_question(self, rq_id: int, now: datetime | None = None) -> bool:
        """Close one question (once, whoever calls first), open the next or end the round,
        then tell the channel. Closes of different channels share a transaction when they
        arrive together (`close_queue`) and send their messages side by side."""
        return await self._close(_CloseRequest(rq_id, now or self.clock()))

    async def _close(self, request: _CloseRequest) -> bool:
        news = await self.close_queue.submit(request)
        if news is None:
            return False
        await self._announce(news)
        return True

    async def _close_batch(self, requests: list[_CloseRequest]) -> list[News | None]:
        """The close queue's turn: every question's transition and what its channel is told,
        in two statements for the whole batch on PostgreSQL (`closing`: the transitions,
        which commit together; then the reads for the messages). A question that closes
        after N answers is closed only when it has them, counted after their commit:
        concurrent batches (or replicas) each count what is committed, so the last one to
        commit sees every answer (the close itself is guarded, so two that see N close once).
        A filled question closes at the batch's time. A batch that closes nothing costs one
        statement."""
        now = self.clock()
        places = {r.rq_id: r.place for r in requests if r.place is not None}
        closes = [Close(r.rq_id, r.now or now, r.fill_limit) for r in requests]
        async with self.repo.unit(autocommit=True) as u:
            closed = await closing.close(u, closes, places)
            news = await self._news(u, closed, now) if closed else []
        told = {c.question.id: n for c, n in zip(closed, news, strict=True) if c.question}
        return [told.get(r.rq_id) for r in requests]

    async def _news(self, u: Unit, closed: Sequence[Closed], now: datetime) -> list[News]:
        """What each channel is told of its transition, read in their unit. A failure here
        never undoes a transition: its messages are lost, as when the platform refuses them,
        and the round goes on (the due loop closes the next question at its deadline)."""
        try:
            reads = await announcements.read_all(u, closed, now)
        except Exception:
            log.exception("reading the messages of %s closes failed", len(closed))
            return [News(None, c.round.id) for c in closed]
        news: list[News] = []
        for c in closed:
            try:
                news.append(announcements.compose(c, reads))
            except Exception:
                log.exception("building the messages of round %s failed", c.round.id)
                news.append(News(None, c.round.id))
        return news

    async def run_due(self, now: datetime | None = None) -> int:
        """One pass of due work for this platform: expire stuck rounds, close questions whose
        time is up, different channels side by side. Safe to run from several processes at
        once."""
        now = now or self.clock()
        await self._expire_stale(now)
        async with self.repo.unit() as u:
            due = await u.play.due_questions(self.platform, now, DUE_BATCH)
        return sum(await asyncio.gather(*(self._close_due(rq_id, now) for rq_id in due)))

    async def _close_due(self, rq_id: int, now: datetime) -> bool:
        try:
            return await self.close_question(rq_id, now)
        except Exception:
            # One broken round must not stop the others.
            log.exception("closing round question %s failed", rq_id)
            return False

    async def _expire_stale(self, now: datetime) -> None:
        async with self.repo.unit() as u:
            candidates = await u.play.stale_rounds(self.platform, now - STALE_GRACE)
        await asyncio.gather(*(self._expire(round_id, now) for round_id in candidates))

    async def _expire(self, round_id: int, now: datetime) -> None:
        try:
            async with self._expiry_slots, self.repo.unit() as u:
                rnd = await u.play.round(round_id)
                if rnd is None or rnd.status != RoundStatus.RUNNING:
                    return
                allowed = timedelta(seconds=rnd.num_questions * (rnd.seconds + 5))
                if now < rnd.started_at + allowed + STALE_GRACE:
                    return
                closed = await self._end_round(u, rnd, RoundStatus.EXPIRED, now)
                news = (await self._news(u, [closed], now))[0] if closed else None
            await self._announce(news)
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
        return question_card(rnd, first, question, now, closes_at)

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
        return question_card(rnd, rq, question, rq.opens_at, rq.closes_at)

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

    # --- announcements ----------------------------------------------------------------------

    async def _announce(self, news: News | None) -> None:
        """After a commit: edit the closed question into its reveal, post the next question or
        the round summary. Failures are logged; the game state is already safe."""
        if news is None or news.channel is None:
            return
        channel = news.channel
        if news.reveal is not None:
            await self._update_or_post(channel, news.reveal_ref, news.reveal)
            if news.reveal.card.daily and news.reveal_ref is not None:
                # Hours after the question: the reveal goes out as a message of its own too
                # (the edit alone is easy to miss).
                await self._post(channel, news.reveal)
        if news.next_card is not None:
            await self._post_card(channel, news.next_card)
            self._schedule(news.next_card.closes_at)
        if news.summary is not None:
            log.info("round %s", news.ended, extra={**_ids(channel), "round": news.round_id})
            await self._post(channel, news.summary)

    async def _post_card(self, channel: ChannelRef, card: QuestionCard) -> bool:
        """Post the card and keep its message reference; whether the platform took it."""
        ref = await self._post(channel, card)
        if ref is None:
            return False
        await self.card_refs.submit((card.round_question_id, ref))
        return True

    async def _write_card_refs(self, refs: list[tuple[int, str]]) -> list[None]:
        async with self.repo.unit(autocommit=True) as u:  # one statement
            await u.play.set_message_refs(refs)
        return [None] * len(refs)

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
