"""The question of the day: input checks, the time rules (DST days, catch-up within the day,
a schedule set late starts tomorrow), which question it asks, and on both databases: posted
once per channel and day with replicas racing and after downtime, answered for weekly points
and memory, closed and revealed once."""

from __future__ import annotations

import asyncio
import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import func, select

from bot.core.errors import NotAllowed, QuizError
from bot.core.models import ChannelRef, QuestionRec
from bot.core.play.service import QuizEngine
from bot.core.study.daily import (
    RETRY_AFTER,
    DailyRec,
    due_day,
    next_post_at,
    parse_time,
    parse_window,
    pick_question,
)
from bot.core.study.daily_service import DailyService
from bot.core.views import QuestionCard, Reveal, RoundSummary, View
from bot.db.tables import DailyPost, DailySchedule, ScoreWeekly, StudyCard
from tests.helpers import (
    CHANNEL,
    TEAM,
    FixedClock,
    RecordingMessenger,
    captured_log,
    load_questions,
    player,
    sample_questions,
)

OWNER = player("owner", admin=True)
ANN = player("ann")
NY = "America/New_York"


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


# --- pure rules ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"), [("9", (9, 0)), ("09:30", (9, 30)), (" 21:05 ", (21, 5)), ("0", (0, 0))]
)
def test_times_of_day(text, expected):
    assert parse_time(text) == expected


@pytest.mark.parametrize("text", ["24:00", "9:60", "nine", "9pm", "", "-1", "09:3"])
def test_bad_times_name_the_field(text):
    with pytest.raises(QuizError) as err:
        parse_time(text)
    assert err.value.field == "time" and repr(text) in err.value.message


def test_windows_are_hours_from_1_to_23():
    assert parse_window(None) == 8 * 60 and parse_window("12h") == 12 * 60
    for bad in ("0", "24", "x", -3):
        with pytest.raises(QuizError) as err:
            parse_window(bad)
        assert err.value.field == "window"


def test_due_from_the_local_time_until_the_local_day_ends():
    rec = DailyRec(1, 1, 9, 30)
    assert due_day(rec, utc(2026, 11, 25, 9, 29), "UTC") is None
    assert due_day(rec, utc(2026, 11, 25, 9, 30), "UTC") == date(2026, 11, 25)
    assert due_day(rec, utc(2026, 11, 25, 23, 59), "UTC") == date(2026, 11, 25)  # catch-up
    assert due_day(rec, utc(2026, 11, 26, 0, 1), "UTC") is None  # the next day, before 09:30
    # Set after today's time: tomorrow.
    late = DailyRec(1, 1, 9, 30, effective_from=utc(2026, 11, 25, 10))
    assert due_day(late, utc(2026, 11, 25, 12), "UTC") is None
    assert next_post_at(late, utc(2026, 11, 25, 12), "UTC", False) == utc(2026, 11, 26, 9, 30)


def test_dst_days_in_new_york():
    rec = DailyRec(1, 1, 2, 30)  # 02:30 does not exist on 8 March 2026 in New York
    assert due_day(rec, utc(2026, 3, 8, 7, 29), NY) is None
    assert due_day(rec, utc(2026, 3, 8, 7, 30), NY) == date(2026, 3, 8)  # 03:30 EDT
    nine = DailyRec(1, 1, 9)
    assert next_post_at(nine, utc(2026, 3, 7, 15), NY, True) == utc(2026, 3, 8, 13)  # EDT
    assert next_post_at(nine, utc(2026, 10, 31, 15), NY, True) == utc(2026, 11, 1, 14)  # EST


def _q(qid: int) -> QuestionRec:
    return QuestionRec(qid, f"u{qid}", "T", f"Q{qid}?", ("a", "b"), 0)


def test_the_question_is_one_never_answered_else_the_worst_answered():
    qs = [_q(1), _q(2), _q(3)]
    rng = random.Random(1)
    assert pick_question(qs, {1: (4, 1), 2: (2, 2)}, rng).id == 3
    assert pick_question(qs, {1: (4, 1), 2: (2, 2), 3: (5, 4)}, rng).id == 1
    assert pick_question([], {}, rng) is None


# --- the service on both databases -----------------------------------------------------------


@pytest.fixture
async def daily(repo):
    await load_questions(repo, sample_questions(6))
    clock = FixedClock(utc(2026, 11, 25, 8))
    messenger = RecordingMessenger()
    service = daily_with(repo, messenger, clock)
    return service, service.engine, messenger, clock, repo


async def count(repo, table) -> int:
    async with repo.unit() as u:
        return int((await u.session.execute(select(func.count()).select_from(table))).scalar_one())


async def test_posted_answered_scored_closed_and_revealed_once(daily):
    service, engine, messenger, clock, repo = daily
    info = await service.set(OWNER, CHANNEL, "09:00", topics="sqs")
    assert "Question of the day in #quiz: 09:00 (UTC), open 8 h, topics SQS." in info.text
    assert "Next: Wed 25 Nov 2026 09:00 UTC." in info.text

    assert await service.run_due(utc(2026, 11, 25, 8, 59)) == 0
    clock.now = utc(2026, 11, 25, 9)
    assert await service.run_due() == 1
    assert await service.run_due() == 0  # once a day
    [card] = messenger.of(QuestionCard)
    assert card.daily and card.topic == "SQS" and card.closes_at == utc(2026, 11, 25, 17)
    # A normal round can still start in the channel meanwhile.
    await engine.start_round(CHANNEL, ANN, questions=1, seconds=20)

    clock.advance(3600)
    right = next(i for i, c in enumerate(card.choices) if c.startswith("right"))
    receipt = await engine.answer(card.round_question_id, ANN, right)
    assert receipt.accepted
    async with repo.unit() as u:
        week = (await u.session.execute(select(ScoreWeekly.points))).scalars().all()
    assert sum(week) > 0  # on the weekly board
    assert await count(repo, StudyCard) == 1  # and in ann's memory

    clock.now = utc(2026, 11, 25, 17, 0, 1)
    assert await engine.run_due() >= 1
    assert await engine.run_due() == 0
    reveals = [r for r in messenger.of(Reveal) if r.card.daily]
    assert len(reveals) == 1 and [w.display_name for w in reveals[0].winners] == ["ann"]
    assert [u for u in messenger.updates if isinstance(u[2], Reveal) and u[2].card.daily]
    assert not [s for s in messenger.of(RoundSummary) if s.round_id == card.round_id]

    # Tomorrow's question is another one (the team answered this one right).
    clock.now = utc(2026, 11, 26, 9, 5)
    assert await service.run_due() == 1
    second = messenger.of(QuestionCard)[-1]
    assert second.daily and second.prompt != card.prompt


async def test_downtime_catches_up_within_the_day_only(daily):
    service, _engine, messenger, clock, _repo = daily
    clock.now = utc(2026, 11, 24, 12)
    await service.set(OWNER, CHANNEL, "9:00")
    # Down from Tuesday noon until Thursday 23:00: only Thursday's question goes out.
    assert await service.run_due(utc(2026, 11, 26, 23, 0)) == 1
    assert await service.run_due(utc(2026, 11, 26, 23, 30)) == 0
    assert len([c for c in messenger.of(QuestionCard) if c.daily]) == 1


async def test_bad_input_is_refused_and_changes_nothing(daily):
    service, _engine, _messenger, _clock, repo = daily
    cases = [
        ({"time": "25:00"}, "time"),
        ({"time": "9", "deck": "nope"}, "deck"),
        ({"time": "9", "topics": "kubernetes"}, "topic"),
        ({"time": "9", "timezone": "Mars/Base"}, "timezone"),
        ({"time": "9", "window_hours": 30}, "window"),
    ]
    for kwargs, field in cases:
        with pytest.raises(QuizError) as err:
            await service.set(OWNER, CHANNEL, **kwargs)
        assert err.value.field == field, (kwargs, err.value.message)
    with pytest.raises(NotAllowed):
        await service.set(ANN, CHANNEL, "9")
    assert await count(repo, DailySchedule) == 0
    other = ChannelRef(TEAM.__class__("slack", "T9"), "c9")
    with pytest.raises(QuizError):
        await service.set(OWNER, other, "9")


async def test_off_stops_it_and_show_lists_the_channels(daily):
    service, _engine, _messenger, clock, _repo = daily
    await service.set(OWNER, CHANNEL, "07:15", window_hours=2, timezone="Europe/Berlin")
    [info] = await service.show(TEAM)
    assert "07:15 (Europe/Berlin), open 2 h" in info.text
    off = await service.disable(OWNER, CHANNEL)
    assert off.text == "Stopped the question of the day in #quiz."
    assert await service.show(TEAM) == []
    again = await service.disable(OWNER, CHANNEL)  # none left to stop: it says so
    assert again.text == "There is no question of the day in #quiz; nothing changed."
    assert await service.run_due(clock.now + timedelta(days=1)) == 0


async def test_replicas_racing_post_once_per_day(two_repos):
    await load_questions(two_repos[0], sample_questions(6))
    clock = FixedClock(utc(2026, 11, 25, 8))
    messenger = RecordingMessenger()
    services = [
        DailyService(
            repo,
            QuizEngine(repo, messenger, platform="discord", clock=clock),
            clock,
            f"replica-{i}-{j}",
            platform="discord",
        )
        for i, repo in enumerate(two_repos)
        for j in range(2)
    ]
    await services[0].set(OWNER, CHANNEL, "09:00")
    at = utc(2026, 11, 25, 9, 1)
    clock.now = at
    for _ in range(3):
        results = await asyncio.gather(*(s.run_due(at) for s in services))
        assert sum(results) <= 1
    assert len(messenger.of(QuestionCard)) == 1
    assert await count(two_repos[1], DailyPost) == 1


async def test_dst_days_post_once_at_the_local_time(daily):
    """On both databases: a time the spring change skips posts just after the jump, and a time
    the autumn change repeats posts at its first occurrence only."""
    service, _engine, messenger, clock, _repo = daily
    clock.now = utc(2026, 3, 7, 12)
    await service.set(OWNER, CHANNEL, "02:30", timezone=NY)
    assert await service.run_due(utc(2026, 3, 8, 7, 29)) == 0  # 02:29 EST would be 07:29 UTC
    assert await service.run_due(utc(2026, 3, 8, 7, 30)) == 1  # 03:30 EDT
    assert await service.run_due(utc(2026, 3, 8, 12)) == 0

    clock.now = utc(2026, 10, 31, 12)
    await service.set(OWNER, CHANNEL, "01:30", timezone=NY)
    assert await service.run_due(utc(2026, 11, 1, 5, 29)) == 0
    assert await service.run_due(utc(2026, 11, 1, 5, 30)) == 1  # 01:30 EDT, the first one
    assert await service.run_due(utc(2026, 11, 1, 6, 30)) == 0  # 01:30 EST, the repeat
    assert len([c for c in messenger.of(QuestionCard) if c.daily]) == 2


@dataclass
class RefusingMessenger(RecordingMessenger):
    """A platform that refuses the first `refusals` posts, as the Slack and Discord messengers
    report a refusal (post returns None, the error logged), then takes them."""

    refusals: int = 0
    tries: int = 0

    async def post(self, channel: ChannelRef, view: View) -> str | None:
        self.tries += 1
        if self.refusals > 0:
            self.refusals -= 1
            return None
        return await super().post(channel, view)


def daily_with(repo, messenger: RecordingMessenger, clock: FixedClock, name: str = "w1"):
    engine = QuizEngine(repo, messenger, platform="discord", clock=clock, rng=random.Random(2))
    return DailyService(repo, engine, clock, name, platform="discord", rng=random.Random(3))


async def refused_at_nine(
    repo, refusals: int, window_hours: int = 8
) -> tuple[DailyService, RefusingMessenger]:
    """A question of the day at 09:00 UTC, on a platform that refuses the first posts."""
    await load_questions(repo, sample_questions(6))
    messenger = RefusingMessenger(refusals=refusals)
    service = daily_with(repo, messenger, FixedClock(utc(2026, 11, 25, 8)))
    await service.set(OWNER, CHANNEL, "09:00", window_hours=window_hours)
    return service, messenger


async def posts(repo) -> list[tuple[str, int]]:
    async with repo.unit() as u:
        rows = await u.session.execute(select(DailyPost.status, DailyPost.attempts))
        return [(s, a) for s, a in rows]


async def test_a_refused_post_is_posted_on_a_later_pass_the_same_day_once(repo):
    service, messenger = await refused_at_nine(repo, 1)
    at = utc(2026, 11, 25, 9)
    with captured_log("WARNING") as logged:
        assert await service.run_due(at) == 0
    assert "was not posted (attempt 1 of 3)" in logged.getvalue()
    assert "Traceback" not in logged.getvalue()
    assert await posts(repo) == [("failed", 1)]
    [info] = await service.show(TEAM)
    assert info.next_at == at  # still today's to post
    assert await service.run_due(at + timedelta(seconds=30)) == 0  # not on the very next second
    assert messenger.tries == 1
    assert await service.run_due(at + RETRY_AFTER) == 1
    [card] = messenger.of(QuestionCard)
    assert card.daily and card.closes_at == utc(2026, 11, 25, 17)  # the same question, its window
    for later in (RETRY_AFTER * 2, timedelta(hours=1), timedelta(hours=14)):
        assert await service.run_due(at + later) == 0
    assert messenger.tries == 2 and await posts(repo) == [("sent", 2)]
    async with repo.unit() as u:
        rq = await u.play.round_question(card.round_question_id)
    assert rq is not None and rq.message_ref == "m1"  # its reveal edits the posted card


async def test_a_post_refused_three_times_is_given_up_with_one_line(repo):
    service, messenger = await refused_at_nine(repo, 10)
    at = utc(2026, 11, 25, 9)
    with captured_log("WARNING") as logged:
        for n in range(6):
            assert await service.run_due(at + RETRY_AFTER * n) == 0
    assert messenger.tries == 3 and messenger.posts == []
    assert await posts(repo) == [("given_up", 3)]
    given_up = [line for line in logged.getvalue().splitlines() if "given up" in line]
    assert len(given_up) == 1 and "after 3 attempts" in given_up[0]
    # the next day is a new day
    assert await service.run_due(utc(2026, 11, 26, 9)) == 0 and messenger.tries == 4


async def test_a_refused_post_whose_window_ended_is_not_posted_late(repo):
    service, messenger = await refused_at_nine(repo, 1, window_hours=1)
    assert await service.run_due(utc(2026, 11, 25, 9)) == 0
    assert await service.run_due(utc(2026, 11, 25, 10, 30)) == 0  # closed at 10:00
    assert messenger.tries == 1 and await posts(repo) == [("given_up", 2)]


async def test_replicas_retrying_a_refused_post_post_it_once(two_repos):
    await load_questions(two_repos[0], sample_questions(6))
    clock = FixedClock(utc(2026, 11, 25, 8))
    messenger = RefusingMessenger(refusals=1)
    services = [
        daily_with(repo, messenger, clock, f"replica-{i}-{j}")
        for i, repo in enumerate(two_repos)
        for j in range(2)
    ]
    await services[0].set(OWNER, CHANNEL, "09:00")
    at = utc(2026, 11, 25, 9, 1)
    assert sum(await asyncio.gather(*(s.run_due(at) for s in services))) == 0
    for n in range(1, 4):
        results = await asyncio.gather(*(s.run_due(at + RETRY_AFTER * n) for s in services))
        assert sum(results) == (1 if n == 1 else 0)
    assert messenger.tries == 2 and len(messenger.of(QuestionCard)) == 1
    assert await posts(two_repos[1]) == [("sent", 2)]
