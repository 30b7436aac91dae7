"""`/quiz review` on Discord through discord.py's own dispatch: private end to end (an
ephemeral reply edited in place, never a channel message), the missed questions asked with
their explanation, a repeated click recording nothing, and the end saying when the next is."""

from __future__ import annotations

from sqlalchemy import func, select

from bot.db.tables import ScoreTotal, StudyReview
from tests.adapters.discord.fakes import Member, buttons

ANN = Member("ann")


async def count(repo, stmt) -> int:
    async with repo.unit() as u:
        return int((await u.session.execute(stmt)).scalar_one())


async def play_wrong(bot, n: int) -> None:
    """A round of `n` questions that ann answers wrong, closed by the due step."""
    await bot.send.command(ANN, "quiz start", questions=n, seconds=10)
    for _ in range(n):
        post = bot.fake.posts()[-1]
        wrong = next(b for b in buttons(post.payload) if b["label"].startswith("wrong"))
        await bot.send.click(ANN, post.message_id, wrong["custom_id"])
        bot.clock.advance(11)
        await bot.service.due_step()


async def test_review_is_private_end_to_end_and_asks_the_missed_questions(bot):
    await play_wrong(bot, 2)
    channel_posts = len(bot.fake.posts())
    channel_edits = len(bot.fake.edits())
    points = await count(bot.repo, select(func.sum(ScoreTotal.points)))
    bot.clock.advance(120)

    iid = await bot.send.command(ANN, "quiz review")
    replies = bot.fake.replies(iid)
    assert replies[0].payload["type"] == 5 and replies[0].is_ephemeral  # deferred, privately
    card = replies[-1]
    assert card.is_ephemeral
    assert card.payload["embeds"][0]["title"].startswith("Review 1/10")
    message = card.response  # the followup message, then each edit of it (type 7's message)
    asked = 0
    while True:
        found = buttons(message)
        if not found:
            break
        asked += 1
        right = next(b for b in found if b["label"].startswith("right"))
        click = await bot.send.click(ANN, int(message["id"]), right["custom_id"])
        [update] = bot.fake.replies(click)
        assert update.payload["type"] == 7  # the same ephemeral message, edited in place
        embed = update.payload["data"]["embeds"][0]
        fields = {f["name"]: f["value"] for f in embed["fields"]}
        assert fields["✅ Right: the answer was"].startswith("right")
        assert fields["Why"].startswith("Because") and fields["Source"].startswith("notes.md:")
        message = update.response["resource"]["message"]
    assert asked == 2
    assert "Review done: 2/2 right. Next due: " in embed["description"]

    # Nothing reached the channel, and the scores are what the round left.
    assert len(bot.fake.posts()) == channel_posts
    assert len(bot.fake.edits()) == channel_edits
    assert await count(bot.repo, select(func.sum(ScoreTotal.points))) == points
    assert await count(bot.repo, select(func.count()).select_from(StudyReview)) == 2

    again = await bot.send.command(ANN, "quiz review")
    text = bot.fake.reply_texts(again)[-1]
    assert "Nothing is due for review today. Next review: " in text
    assert buttons(bot.fake.replies(again)[-1].response) == []


async def test_a_repeated_review_click_records_nothing(bot):
    await play_wrong(bot, 1)
    bot.clock.advance(120)
    iid = await bot.send.command(ANN, "quiz review")
    card = bot.fake.replies(iid)[-1]
    right = next(b for b in buttons(card.response) if b["label"].startswith("right"))
    await bot.send.click(ANN, card.message_id, right["custom_id"])
    again = await bot.send.click(ANN, card.message_id, right["custom_id"])
    embed = bot.fake.replies(again)[-1].payload["data"]["embeds"][0]
    assert {f["name"]: f["value"] for f in embed["fields"]}["Note"] == (
        "You already answered that one."
    )
    assert await count(bot.repo, select(func.count()).select_from(StudyReview)) == 1


async def test_nothing_due_says_so_privately(bot):
    iid = await bot.send.command(ANN, "quiz review")
    reply = bot.fake.replies(iid)[-1]
    assert reply.is_ephemeral
    assert (
        "Nothing is due for review today. Answer questions in a round first."
        in (bot.fake.reply_texts(iid)[-1])
    )
    assert bot.fake.posts() == []


async def test_me_shows_mastery_per_topic_with_text_bars(bot):
    await play_wrong(bot, 2)
    iid = await bot.send.command(ANN, "quiz me")
    reply = bot.fake.replies(iid)[-1]
    assert reply.is_ephemeral
    stats, mastery = reply.payload["embeds"]
    assert stats["title"] == "ann"
    assert mastery["title"] == "Mastery by topic (accuracy)"
    lines = mastery["description"].splitlines()
    topics = lines[0::2]
    assert all(" · 1 seen · 1 due" in t for t in topics) and len(topics) == 2
    assert all(line == "`░░░░░░░░░░ 0 %`" for line in lines[1::2])
    assert mastery["footer"]["text"].startswith("2 question(s) due for review now")


def test_the_mastery_embed_escapes_topics_and_stays_within_limits():
    from datetime import UTC, datetime

    from bot.adapters.discord.render import EMBED_TOTAL_MAX
    from bot.adapters.discord.study_commands import mastery_embed
    from bot.core.study.views import MasteryView, TopicMastery

    topics = tuple(TopicMastery(f"@everyone <@&1> {'t' * 300} {i}", 9, 9, 4, 1) for i in range(40))
    embed = mastery_embed(MasteryView("ann", topics, 0, None, datetime.now(UTC), "UTC"))
    text = str(embed.to_dict())
    assert "@everyone" not in text and "<@&1>" not in text
    assert len(embed) <= EMBED_TOTAL_MAX and "…and 25 more topic(s)" in embed.description
