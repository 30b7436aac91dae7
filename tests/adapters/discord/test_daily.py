"""`/quizadmin daily` on Discord through discord.py's dispatch: set by an admin (refused for
a member and for bad input, privately), posted once in the chosen channel by the due step,
clicked, closed and revealed once with who got it."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import func, select

from bot.db.tables import DailySchedule, ScoreWeekly
from tests.adapters.discord.fakes import ChannelOption, Member, buttons

OWNER = Member("owner", admin=True)
ANN = Member("ann")
DAILY = ChannelOption("daily")
NINE = datetime(2026, 11, 25, 17, 0, tzinfo=UTC)  # the bot's clock starts at 12:00 UTC


def posts_to(bot, channel_id: int) -> list:
    return [p for p in bot.fake.posts() if f"/channels/{channel_id}/messages" in p.url]


async def count(repo, stmt) -> int:
    async with repo.unit() as u:
        return int((await u.session.execute(stmt)).scalar_one() or 0)


async def test_a_question_of_the_day_is_posted_clicked_closed_and_revealed_once(bot):
    iid = await bot.send.command(
        OWNER, "quizadmin daily set", channel=DAILY, time="17:00", window=2, topics="sqs"
    )
    text = bot.fake.reply_texts(iid)[-1]
    assert "Question of the day in #daily: 17:00 (UTC), open 2 h, topics SQS." in text
    assert all(r.is_ephemeral for r in bot.fake.replies(iid))

    await bot.service.due_step()
    assert posts_to(bot, DAILY.id) == []  # 12:00: not yet
    bot.clock.now = NINE
    await bot.service.due_step()
    await bot.service.due_step()  # once a day
    [card] = posts_to(bot, DAILY.id)
    embed = card.payload["embeds"][0]
    assert embed["title"] == "Question of the day · SQS"
    assert "Open until <t:" in embed["description"]
    right = next(b for b in buttons(card.payload) if b["label"].startswith("right"))

    bot.clock.advance(600)
    click = await bot.send.click(ANN, card.message_id, right["custom_id"])
    assert bot.fake.reply_texts(click)[0].startswith("Locked in:")
    assert await count(bot.repo, select(func.sum(ScoreWeekly.points))) > 0

    bot.clock.advance(2 * 3600)
    await bot.service.due_step()
    await bot.service.due_step()
    posts = posts_to(bot, DAILY.id)
    assert len(posts) == 2  # the card, then its reveal once (no round summary)
    reveal = posts[1].payload["embeds"][0]
    fields = {f["name"]: f["value"] for f in reveal["fields"]}
    assert fields["Got it right"].startswith("ann") and fields["Why"].startswith("Because")
    [edit] = [e for e in bot.fake.edits() if e.message_id == card.message_id]
    assert all(b["disabled"] for b in buttons(edit.payload))


async def test_members_and_bad_input_are_refused_privately_and_change_nothing(bot):
    for member, options, expected in [
        (ANN, {"time": "09:00"}, "Only admins"),
        (OWNER, {"time": "9pm"}, "time must be a time of day"),
        (OWNER, {"time": "09:00", "deck": "nope"}, "There is no deck 'nope'"),
        (OWNER, {"time": "09:00", "topics": "kubernetes"}, "No topic matches 'kubernetes'"),
        (OWNER, {"time": "09:00", "timezone": "Mars/Base"}, "unknown timezone 'Mars/Base'"),
    ]:
        iid = await bot.send.command(member, "quizadmin daily set", channel=DAILY, **options)
        assert expected in bot.fake.reply_texts(iid)[-1]
        assert all(r.is_ephemeral for r in bot.fake.replies(iid))
    assert await count(bot.repo, select(func.count()).select_from(DailySchedule)) == 0
    assert bot.fake.posts() == []


async def test_off_and_show(bot):
    await bot.send.command(OWNER, "quizadmin daily set", channel=DAILY, time="8:30")
    show = await bot.send.command(ANN, "quizadmin daily show")
    assert "08:30 (UTC), open 8 h" in bot.fake.reply_texts(show)[-1]
    off = await bot.send.command(OWNER, "quizadmin daily off", channel=DAILY)
    assert bot.fake.reply_texts(off)[-1] == "Stopped the question of the day in #daily."
    show = await bot.send.command(ANN, "quizadmin daily show")
    assert bot.fake.reply_texts(show)[-1] == "No question of the day is set."
