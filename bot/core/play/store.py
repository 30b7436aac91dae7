"""What a round needs from storage: the questions it may ask, rounds and their questions as
guarded transitions, answers and the scores they add up to (bot/db/play.py implements it)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Protocol

from bot.core.decks.store import DeckRec, TopicCount
from bot.core.models import (
    AnswerContext,
    AnswerRec,
    ChannelDefaults,
    NewAnswer,
    NewRound,
    PlayerTotals,
    QuestionRec,
    RoundQuestionRec,
    RoundRec,
    RoundStatus,
    ScoreRow,
)
from bot.core.study.memory import Memory
from bot.core.study.store import MemoryRow


@dataclass(frozen=True)
class AnswerReads:
    """What deciding and scoring a batch of clicks needs, read together."""

    contexts: dict[int, AnswerContext]  # by round question, those that exist
    # {(round, player): {ordinal: correct}}: the clicking players' answers in those rounds
    earlier: dict[tuple[int, int], dict[int, bool]]
    memories: dict[tuple[int, int], Memory]  # (player, question): those that exist


@dataclass(frozen=True)
class Place:
    """Where a question stands in its round: what a close needs to move the round on. It
    never changes once the round is created, so the answer path hands it to the close."""

    rq_id: int
    round_id: int
    ordinal: int
    num_questions: int
    seconds: int


@dataclass(frozen=True)
class Close:
    """Close this question at `at` (if still open; when `fill_limit` is given, only once it
    has that many answers)."""

    rq_id: int
    at: datetime
    fill_limit: int | None = None


@dataclass(frozen=True)
class Move:
    """What a round does when `after` (the last of its questions in the batch) closes: open
    the question numbered `next_ordinal` from `at` until `closes_at`, or, with none left
    (`next_ordinal` None), finish at `at`. Only a running round moves on."""

    round_id: int
    after: int
    next_ordinal: int | None
    at: datetime
    closes_at: datetime | None


@dataclass(frozen=True)
class Advanced:
    """What a batch of close transitions did."""

    closed: list[RoundQuestionRec]  # the questions closed here, as closed, in id order
    rounds: dict[int, RoundRec]  # their rounds, as they were before (by id)
    opened: dict[int, RoundQuestionRec]  # next questions opened, by the question they follow
    ended: set[int]  # closed questions whose round finished with them
    # the teams' timezones by round, read with the transitions where that costs nothing
    timezones: dict[int, str] = field(default_factory=dict)


@dataclass(frozen=True)
class SummaryReads:
    """What the summaries of rounds that ended show, read together."""

    round_scores: dict[int, list[ScoreRow]]  # by round: each player's points in it
    asked: dict[int, int]  # by round: questions asked and closed
    week_tops: dict[tuple[int, date], list[ScoreRow]]  # by (team, week): the best, best first


@dataclass(frozen=True)
class StartReads:
    """What starting a round in a channel reads, together."""

    running: bool  # the channel has a running round
    defaults: ChannelDefaults
    team_default_deck: int | None
    decks: list[DeckRec]  # the decks the team sees, with their active questions
    topics: list[TopicCount]  # their topics, with the questions the team may be asked


@dataclass(frozen=True)
class AnswersWritten:
    """What a guarded write of a batch of answers did."""

    written: set[tuple[int, int]]  # (round question, player) of the answers now in
    closed: set[int]  # the batch's questions found no longer open: nothing written to them


class PlayStore(Protocol):
    # the questions a round may ask
    async def candidate_questions(
        self, team_id: int, deck_ids: Sequence[int], topics: Sequence[str]
    ) -> list[tuple[QuestionRec, datetime | None]]:
        """Active questions of these decks the team has not disabled (on these topics, when
        given), each with when the team was last asked it."""
        ...

    async def question(self, question_id: int) -> QuestionRec | None: ...
    async def questions(self, question_ids: Sequence[int]) -> dict[int, QuestionRec]: ...

    # rounds
    async def running_round(self, channel_id: int) -> RoundRec | None: ...
    async def create_round(self, new: NewRound) -> RoundRec | None: ...
    async def start_reads(self, team_id: int, channel_id: int) -> StartReads:
        """Everything a round start reads before choosing its questions: one statement on
        PostgreSQL."""
        ...

    async def create_and_open(
        self, new: NewRound, opens_at: datetime, closes_at: datetime
    ) -> tuple[RoundRec, RoundQuestionRec] | None:
        """Create the round with its questions and open the first from `opens_at` until
        `closes_at`; the round and its first question, or None (and the unit can do no more)
        when the channel has a running round already. One statement on PostgreSQL."""
        ...

    async def round(self, round_id: int) -> RoundRec | None: ...
    async def rounds_with_next(
        self, round_ids: Sequence[int]
    ) -> dict[int, tuple[RoundRec, RoundQuestionRec | None]]:
        """Each of these rounds with its next question to ask (None: none left)."""
        ...

    async def round_question(
        self, rq_id: int, *, lock: bool = False
    ) -> RoundQuestionRec | None: ...
    async def round_questions(self, round_id: int) -> list[RoundQuestionRec]: ...
    async def open_question(self, rq_id: int, opens_at: datetime, closes_at: datetime) -> bool: ...
    async def close_question(self, rq_id: int, now: datetime) -> bool: ...
    async def skip_pending(self, round_id: int) -> int: ...
    async def end_round(self, round_id: int, status: RoundStatus, now: datetime) -> bool: ...

    # the same transitions for a batch, each a statement or a few whatever the batch's size
    async def close_questions(
        self, closes: Sequence[tuple[int, datetime]]
    ) -> list[RoundQuestionRec]:
        """Close those still open (question, when); returns them as closed, in id order."""
        ...

    async def open_questions(self, opens: Sequence[tuple[int, datetime, datetime]]) -> set[int]:
        """Open those still pending (question, opens at, closes at); returns those opened."""
        ...

    async def end_rounds(
        self, ends: Sequence[tuple[int, datetime]], status: RoundStatus
    ) -> set[int]:
        """End those still running (round, when); returns those ended."""
        ...

    async def question_places(self, rq_ids: Sequence[int]) -> dict[int, Place]:
        """Where each of these questions stands in its round (those that exist)."""
        ...

    async def advance(self, closes: Sequence[Close], moves: Sequence[Move]) -> Advanced:
        """Close those of `closes` still open (and, with a fill limit, holding that many
        committed answers), and for each move whose `after` question closed here, open its
        next question (if still pending and the round running) or finish its round (if
        running). Questions are locked in id order, as answers share-lock them. On
        PostgreSQL one statement, which commits by itself in a unit opened with autocommit."""
        ...

    async def reveal_reads(
        self, rq_ids: Sequence[int], question_ids: Sequence[int]
    ) -> tuple[dict[int, QuestionRec], dict[int, list[AnswerRec]]]:
        """The questions by id, and the answers to each of these round questions in the
        order written (what reveals and next cards show): one statement on PostgreSQL."""
        ...

    async def summary_reads(
        self, round_ids: Sequence[int], weeks: Sequence[tuple[int, date]], top: int
    ) -> SummaryReads:
        """For round summaries: these rounds' scores and questions asked, and each (team,
        week)'s `top` players: one statement on PostgreSQL."""
        ...

    async def closed_counts(self, round_ids: Sequence[int]) -> dict[int, int]: ...
    async def due_questions(self, platform: str, now: datetime, limit: int) -> list[int]: ...
    async def stale_rounds(self, platform: str, older_than: datetime) -> list[int]: ...
    async def set_message_refs(self, refs: Sequence[tuple[int, str]]) -> None: ...

    # answers and scores
    async def answer_reads(self, clicks: Sequence[tuple[int, int]]) -> AnswerReads:
        """For these (round question, player) clicks: their questions as asked (with round
        and team timezone), the players' earlier answers in those rounds and their memories of
        those questions. On PostgreSQL one statement."""
        ...

    async def write_answers(
        self, rows: Sequence[NewAnswer], memories: Sequence[MemoryRow]
    ) -> AnswersWritten:
        """Write the answers that are new, to questions still open (checked under the
        questions' key-share locks, so a close waits for it and counts them), with their
        scores and, for each written answer, its memory (`memories[i]` goes with `rows[i]`).
        One player at most once per batch. On PostgreSQL one statement, which commits by
        itself in a unit opened with autocommit."""
        ...

    async def answer_counts(self, rq_ids: Sequence[int]) -> dict[int, int]: ...
    async def answers(self, rq_id: int) -> list[AnswerRec]: ...
    async def answers_to(self, rq_ids: Sequence[int]) -> dict[int, list[AnswerRec]]: ...
    async def round_scores(self, round_id: int) -> list[ScoreRow]: ...
    async def rounds_scores(self, round_ids: Sequence[int]) -> dict[int, list[ScoreRow]]: ...
    async def week_scores(self, team_id: int, week: date, limit: int) -> list[ScoreRow]: ...
    async def all_time_scores(self, team_id: int, limit: int) -> list[ScoreRow]: ...
    async def player_totals(self, team_id: int, player_id: int) -> PlayerTotals | None: ...
    async def week_row(self, team_id: int, player_id: int, week: date) -> ScoreRow | None: ...
    async def count_week_above(self, team_id: int, week: date, points: int) -> int: ...
    async def count_all_above(self, team_id: int, points: int) -> int: ...
