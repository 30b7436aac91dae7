"""A round on Discord through discord.py's own dispatch: start, click, refuse, close, finish."""

from __future__ import annotations

from sqlalchemy import func, select

from bot.db.tables import Answer, Round
from tests.adapters.discord.fakes import Member, buttons

ANN = Member("ann")
BOB = Member("bob")


async def count(repo, stmt) -> int:
    async with repo.unit() as u:
        return int((await u.session.execute(stmt)).scalar_one())


async def test_start_posts_an_embed_with_one_button_per_choice(bot):
    iid = await bot.send.command(ANN, "quiz start", questions=2, seconds=30)

    first = bot.fake.replies(iid)[0]
    assert first.payload["type"] == 5 and first.is_ephemeral  # deferred before the work
    [post] = bot.fake.posts()
    embed = post.payload["embeds"][0]
    assert embed["title"].startswith("Question 1/2")
    assert "<t:" in embed["description"] and ":R>" in embed["description"]
    rnd = await count(bot.repo, select(func.max(Round.id)))
    ids = [b["custom_id"] for b in buttons(post.payload)]
    assert len(ids) == 4
    rq = ids[0].split(":")[2]
    assert ids == [f"quiz:a:{rq}:{i}" for i in range(4)]
    assert rnd > 0
    assert post.payload["allowed_mentions"]["parse"] == []
    assert "Round started: 2 question(s)" in bot.fake.reply_texts(iid)[-1]


async def _start(bot, **options):
    await bot.send.command(ANN, "quiz start", **options)
    post = bot.fake.posts()[-1]
    return post.message_id, [b["custom_id"] for b in buttons(post.payload)]


async def test_a_click_records_the_answer_and_answers_privately(bot):
    message_id, ids = await _start(bot, questions=2)

    iid = await bot.send.click(BOB, message_id, ids[1])

    replies = bot.fake.replies(iid)
    # written first, then one call that is both the ack and the receipt
    assert [r.payload["type"] for r in replies] == [4] and replies[0].is_ephemeral
    assert bot.fake.reply_texts(iid) == [bot.fake.reply_texts(iid)[0]]
    assert bot.fake.reply_texts(iid)[0].startswith("Locked in:")
    assert await count(bot.repo, select(func.count()).select_from(Answer)) == 1


async def test_a_second_click_by_the_same_user_is_refused(bot):
    message_id, ids = await _start(bot, questions=2)
    await bot.send.click(BOB, message_id, ids[0])

    iid = await bot.send.click(BOB, message_id, ids[2])

    assert bot.fake.reply_texts(iid) == ["You already answered this question."]
    assert all(r.is_ephemeral for r in bot.fake.replies(iid))
    assert await count(bot.repo, select(func.count()).select_from(Answer)) == 1


async def test_the_close_edits_the_message_and_the_round_goes_on_to_its_summary(bot):
    message_id, ids = await _start(bot, questions=2, seconds=10)
    await bot.send.click(BOB, message_id, ids[0])

    bot.clock.advance(11)
    await bot.service.due_step()

    [edit] = bot.fake.edits()
    assert edit.message_id == message_id
    edited = buttons(edit.payload)
    assert [b["custom_id"] for b in edited] == ids
    assert all(b["disabled"] for b in edited)
    assert [b["style"] for b in edited].count(3) == 1  # the right one green (success)
    reveal = edit.payload["embeds"][0]
    assert "Answer:" in reveal["description"]
    assert {f["name"] for f in reveal["fields"]} >= {"Why", "Source", "Got it right"}
    assert edit.payload["allowed_mentions"]["parse"] == []
    second = bot.fake.posts()[-1]
    assert second.payload["embeds"][0]["title"].startswith("Question 2/2")

    bot.clock.advance(11)
    await bot.service.due_step()
    summary = bot.fake.posts()[-1].payload["embeds"][0]
    assert summary["title"].startswith("Round over")
    assert "This week's top 5" in summary["fields"][0]["name"]


async def test_a_click_after_the_close_is_refused(bot):
    message_id, ids = await _start(bot, questions=1, seconds=10)
    bot.clock.advance(11)
    await bot.service.due_step()

    iid = await bot.send.click(BOB, message_id, ids[0])

    assert bot.fake.reply_texts(iid) == ["Too late: this question has closed."]
    assert await count(bot.repo, select(func.count()).select_from(Answer)) == 0


async def test_stop_by_another_player_is_refused_and_by_the_starter_works(bot):
    await _start(bot, questions=3)

    iid = await bot.send.command(BOB, "quiz stop")
    assert "Only the player who started" in bot.fake.reply_texts(iid)[-1]

    iid = await bot.send.command(ANN, "quiz stop")
    assert bot.fake.reply_texts(iid)[-1].startswith("Round stopped")
    assert bot.fake.posts()[-1].payload["embeds"][0]["title"].startswith("Round stopped")


async def test_leaderboard_and_me(bot):
    message_id, ids = await _start(bot, questions=1, seconds=10)
    await bot.send.click(BOB, message_id, ids[0])
    bot.clock.advance(11)
    await bot.service.due_step()

    iid = await bot.send.command(ANN, "quiz leaderboard", period="week")
    board = bot.fake.replies(iid)
    assert not board[-1].is_ephemeral  # the channel sees the board
    assert "bob" in bot.fake.reply_texts(iid)[-1]

    iid = await bot.send.command(BOB, "quiz me")
    embed = bot.fake.replies(iid)[-1].data["embeds"][0]
    assert embed["title"] == "bob"
    assert {f["name"] for f in embed["fields"]} == {"This week", "All time", "Accuracy", "Streak"}


async def test_errors_reach_the_user_privately(bot):
    iid = await bot.send.command(ANN, "quiz start", topics="No such topic")
    [text] = bot.fake.reply_texts(iid)
    assert text.startswith("No topic matches 'No such topic'")
    assert text.endswith("topics with /quiz topics.")  # the command of Discord, where it was typed
    assert all(r.is_ephemeral for r in bot.fake.replies(iid))
    assert await count(bot.repo, select(func.count()).select_from(Round)) == 0


async def test_start_without_send_permission_says_what_is_missing(bot):
    bot.send.app_permissions = 1 << 10  # can see the channel, cannot post
    iid = await bot.send.command(ANN, "quiz start")
    assert "Send Messages" in bot.fake.reply_texts(iid)[-1]
    assert bot.fake.posts() == []


async def test_topics_autocomplete_offers_the_bank_topics_after_those_typed(bot):
    choices = await bot.send.autocomplete(ANN, "quiz start", "topics", "sq")
    assert [c["value"] for c in choices] == ["SQS"]
    choices = await bot.send.autocomplete(ANN, "quiz start", "topics", "SQS, la")
    assert [c["value"] for c in choices] == ["SQS, Lambda"]
    choices = await bot.send.autocomplete(ANN, "quiz start", "deck", "te")
    assert [c["value"] for c in choices] == ["test"]


async def test_help_answers_without_the_database(bot):
    iid = await bot.send.command(ANN, "quiz help")
    [reply] = bot.fake.replies(iid)
    assert reply.payload["type"] == 4 and reply.is_ephemeral
    assert "/quiz start" in bot.fake.reply_texts(iid)[0]


async def test_shutdown_stops_new_rounds(bot):
    await bot.client.shutdown()
    assert bot.service.engine.accepting_rounds is False
    assert bot.client.is_closed()
