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
