"""A restart loses nothing: a round started by one bot process is answered, closed and
continued by another (new client, new engine, same database), and the due loop of a freshly
connected bot picks up work left behind."""

from __future__ import annotations

import asyncio

from sqlalchemy import select

from bot.db.connect import create_engine
from bot.db.repository import SqlRepository
from bot.db.tables import Answer, Question
from tests.adapters.discord.conftest import start_bot
from tests.adapters.discord.fakes import FakeDiscord, Member, buttons, gateway_ready
from tests.conftest import async_wait_until
from tests.helpers import FixedClock, load_questions, sample_questions


async def test_a_second_instance_takes_over_a_running_round(fresh_db):
    fake, clock = FakeDiscord(), FixedClock()  # one Discord, one wall clock
    first_engine = create_engine(fresh_db)
    first = await start_bot(SqlRepository(first_engine), fake, clock, seed=1)
    await load_questions(first.repo, sample_questions(6))
    await first.send.command(Member("ann"), "quiz start", questions=2, seconds=20)
    card = fake.posts()[-1]
    await first.client.shutdown()
    await first_engine.dispose()

    second_engine = create_engine(fresh_db)
    second = await start_bot(SqlRepository(second_engine), fake, clock, seed=2)
    try:
        right = next(b for b in buttons(card.payload) if b["label"].startswith("right"))
        iid = await second.send.click(Member("bob"), card.message_id, right["custom_id"])
        assert fake.reply_texts(iid)[-1].startswith("Locked in:")
        async with second.repo.unit() as u:
            answers = (await u.session.execute(select(Answer))).scalars().all()
        assert len(answers) == 1

        clock.advance(21)
        await second.service.due_step()

        [edit] = fake.edits()
        assert edit.message_id == card.message_id
        assert all(b["disabled"] for b in buttons(edit.payload))
        assert "bob" in str(edit.payload["embeds"][0]["fields"])
        nxt = fake.posts()[-1]
        assert nxt.payload["embeds"][0]["title"].startswith("Question 2/2")
    finally:
        await second.client.close()
        await second_engine.dispose()


async def test_the_due_loop_starts_when_the_client_is_ready(fresh_db):
    fake, clock = FakeDiscord(), FixedClock()
    engine = create_engine(fresh_db)
    bot = await start_bot(SqlRepository(engine), fake, clock)
    try:
        await load_questions(bot.repo, sample_questions(4))
        await bot.send.command(Member("ann"), "quiz start", questions=1, seconds=10)
        clock.advance(11)

        gateway_ready(bot.client)

        assert await async_wait_until(lambda: len(fake.edits()) == 1)
        assert await async_wait_until(
            lambda: fake.posts()[-1].payload["embeds"][0]["title"].startswith("Round over")
        )
        await bot.client.shutdown()
        assert bot.client.is_closed()
    finally:
        await bot.client.close()
        await engine.dispose()


async def test_forms_opened_before_a_restart_are_saved_by_the_next_process(fresh_db):
    """A form keeps nothing in the process that opened it: an add form and an edit form, each
    opened on one bot process and sent after it stopped, are saved by the next one."""
    fake, clock = FakeDiscord(), FixedClock()
    owner = Member("owner", admin=True)
    question = {
        "Question": "Which SQS queue type keeps order?",
        "Choices": "Standard\nFIFO",
        "Correct": "2",
        "Topic": "AWS SQS",
    }

    async def restart(bot):
        await bot.client.shutdown()
        await bot.repo.bind.dispose()
        return await start_bot(SqlRepository(create_engine(fresh_db)), fake, clock)

    bot = await start_bot(SqlRepository(create_engine(fresh_db)), fake, clock)
    opened = await bot.send.command(owner, "quizadmin add")
    bot = await restart(bot)
    try:
        iid = await bot.send.submit_modal(owner, opened, question)
        assert fake.reply_texts(iid)[-1].startswith("Added to AWS SQS: Which SQS queue")
        async with bot.repo.unit() as u:
            qid = (
                await u.session.execute(select(Question.id).where(Question.topic == "AWS SQS"))
            ).scalar_one()

        opened = await bot.send.command(owner, "quizadmin edit", question=f"#{qid}")
        assert bot.send.modal(opened)["custom_id"] == f"quiz:form:edit:{qid}"
        bot = await restart(bot)
        iid = await bot.send.submit_modal(
            owner, opened, {"Choices": "FIFO\nStandard", "Correct": "1"}
        )
        assert fake.reply_texts(iid)[-1] == f"Saved #{qid}: Which SQS queue type keeps order?"
        async with bot.repo.unit() as u:
            saved = (
                await u.session.execute(select(Question).where(Question.id == qid))
            ).scalar_one()
        assert (list(saved.choices), saved.answer) == (["FIFO", "Standard"], 0)
    finally:
        await bot.client.close()
        await bot.repo.bind.dispose()


async def test_shutdown_lets_a_deferred_command_finish_before_disconnecting(fresh_db):
    """SIGTERM while `/quiz start` has deferred (the user sees "thinking") but not replied yet:
    the handler finishes and its reply goes out before the client disconnects."""
    fake, clock = FakeDiscord(), FixedClock()
    engine = create_engine(fresh_db)
    bot = await start_bot(SqlRepository(engine), fake, clock)
    try:
        await load_questions(bot.repo, sample_questions(4))
        fake.held_followups = release = asyncio.Event()
        command = asyncio.create_task(
            bot.send.command(Member("ann"), "quiz start", questions=1, seconds=20)
        )
        assert await async_wait_until(lambda: fake.followups_waiting == 1)
        shutdown = asyncio.create_task(bot.client.shutdown())
        done, _ = await asyncio.wait({shutdown}, timeout=1.0)
        assert not done  # waiting for the handler in flight
        assert not bot.client.is_closed()
        release.set()
        await asyncio.wait_for(shutdown, 10)
        iid = await command
        assert fake.reply_texts(iid)[-1].startswith("Round started")
        assert bot.client.is_closed()
    finally:
        await bot.client.close()
        await engine.dispose()
