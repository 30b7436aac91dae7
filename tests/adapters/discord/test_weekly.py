"""`/quizadmin weekly`: scheduled from chat, posted once by the due step as an embed."""

from __future__ import annotations

from datetime import UTC, date, datetime

from bot.adapters.discord.render import EMBED_TOTAL_MAX, weekly_embed
from bot.adapters.discord.weekly_commands import timezone_matches
from bot.core.leaderboard import rank_rows
from bot.core.models import ScoreRow
from bot.core.views import HardestQuestion, LeaderboardView, MostMissed, WeeklyPost, Winner
from tests.adapters.discord.fakes import ChannelOption, Member, buttons

OWNER = Member("owner", admin=True)
MEMBER = Member("mallory")
BOARD = ChannelOption("leaderboard")
# The bot's clock starts on Wednesday 25 November 2026; the week ends on Sunday the 29th.
MONDAY_9_BERLIN = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)


def posts_to(bot, channel_id: int) -> list:
    return [p for p in bot.fake.posts() if f"/channels/{channel_id}/messages" in p.url]


async def play_one_question(bot, right: list[Member], wrong: list[Member]) -> str:
    """One question answered by `right` and `wrong`, closed; returns its right answer."""
    await bot.send.command(OWNER, "quiz start", questions=1, seconds=10)
    card = bot.fake.posts()[-1]
    choices = buttons(card.payload)
    good = next(b for b in choices if b["label"].startswith("right"))
    bad = next(b for b in choices if not b["label"].startswith("right"))
    for m in right:
        await bot.send.click(m, card.message_id, good["custom_id"])
    for m in wrong:
        await bot.send.click(m, card.message_id, bad["custom_id"])
    bot.clock.advance(11)
    await bot.service.due_step()
    return str(good["label"])


async def test_a_scheduled_post_goes_out_once_as_an_embed_in_the_chosen_channel(bot):
    iid = await bot.send.command(
        OWNER,
        "quizadmin weekly set",
        channel=BOARD,
        day="Monday",
        hour=9,
        timezone="Europe/Berlin",
    )
    reply = bot.fake.reply_texts(iid)[-1]
    assert "Mondays at 09:00 (Europe/Berlin) in #leaderboard" in reply
    assert all(r.is_ephemeral for r in bot.fake.replies(iid))

    ann, bob, cy = Member("ann"), Member("bob"), Member("cy")
    answer = await play_one_question(bot, right=[ann], wrong=[bob, cy])

    bot.clock.now = MONDAY_9_BERLIN.replace(hour=7, minute=59)
    await bot.service.due_step()
    assert posts_to(bot, BOARD.id) == []  # not before 09:00 in Berlin

    bot.clock.now = MONDAY_9_BERLIN
    await bot.service.due_step()
    await bot.service.due_step()  # a second pass sends nothing more

    [post] = posts_to(bot, BOARD.id)
    assert post.payload["allowed_mentions"] == {"parse": []}
    [embed] = post.payload["embeds"]
    assert embed["title"] == "Weekly leaderboard — week of 23 November 2026"
    lines = embed["description"].splitlines()
    assert len(lines) == 3
    assert "ann" in lines[0] and "(1/1 correct, 100%)" in lines[0]
    assert "bob" in embed["description"] and "(0/1 correct, 0%)" in embed["description"]
    fields = {f["name"]: f["value"] for f in embed["fields"]}
    assert fields["Most improved"].startswith("ann (+")
    hardest = fields["Hardest question"]
    assert answer in hardest and "33% right of 3 answers" in hardest
    missed = fields["Most missed question"]
    assert answer in missed and "2 of 3 answers wrong" in missed and "Why: Because" in missed


async def test_an_empty_week_posts_the_nudge(bot):
    await bot.send.command(OWNER, "quizadmin weekly set")  # this channel, Monday 09:00 UTC
    bot.clock.now = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
    await bot.service.due_step()
    [post] = bot.fake.posts()
    embed = post.payload["embeds"][0]
    assert "No games this week" in embed["description"]
    assert "/channels/700000000000000001/messages" in post.url


async def test_weekly_off_stops_the_post_and_show_says_so(bot):
    await bot.send.command(OWNER, "quizadmin weekly set", channel=BOARD)
    iid = await bot.send.command(OWNER, "quizadmin weekly show")
    assert "Mondays at 09:00 (UTC) in #leaderboard" in bot.fake.reply_texts(iid)[-1]

    iid = await bot.send.command(OWNER, "quizadmin weekly off")
    assert bot.fake.reply_texts(iid)[-1] == "Weekly leaderboard posts are off."

    bot.clock.now = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
    await bot.service.due_step()
    assert bot.fake.posts() == []


async def test_a_member_is_refused_and_nothing_is_scheduled(bot):
    iid = await bot.send.command(MEMBER, "quizadmin weekly set", channel=BOARD, hour=10)
    assert bot.fake.reply_texts(iid) == ["Only admins can change the weekly leaderboard."]
    iid = await bot.send.command(MEMBER, "quizadmin weekly off")
    assert bot.fake.reply_texts(iid) == ["Only admins can change the weekly leaderboard."]

    iid = await bot.send.command(OWNER, "quizadmin weekly show")
    assert bot.fake.reply_texts(iid)[-1] == "Weekly leaderboard posts are off."


async def test_a_bad_timezone_names_the_field_and_changes_nothing(bot):
    iid = await bot.send.command(OWNER, "quizadmin weekly set", timezone="Mars/Olympus_Mons")
    [text] = bot.fake.reply_texts(iid)
    assert text.startswith("The weekly post was not changed")
    assert "• Timezone: unknown timezone" in text and "Mars/Olympus" in text
    assert all(r.is_ephemeral for r in bot.fake.replies(iid))

    iid = await bot.send.command(OWNER, "quizadmin weekly show")
    assert bot.fake.reply_texts(iid)[-1] == "Weekly leaderboard posts are off."


async def test_weekly_is_a_subgroup_with_a_text_channel_option_and_day_choices(bot):
    admin = next(c for c in bot.fake.commands["global"] if c["name"] == "quizadmin")
    weekly = next(o for o in admin["options"] if o["name"] == "weekly")
    assert weekly["type"] == 2  # a subcommand group
    assert {o["name"] for o in weekly["options"]} == {"set", "off", "show"}
    set_ = next(o for o in weekly["options"] if o["name"] == "set")
    options = {o["name"]: o for o in set_["options"]}
    assert options["channel"]["type"] == 7 and options["channel"]["channel_types"] == [0, 5]
    assert [c["value"] for c in options["day"]["choices"]][:2] == ["Monday", "Tuesday"]
    assert (options["hour"]["min_value"], options["hour"]["max_value"]) == (0, 23)
    assert options["timezone"]["autocomplete"] is True


async def test_timezone_autocomplete_filters_iana_names(bot):
    choices = await bot.send.autocomplete(OWNER, "quizadmin weekly set", "timezone", "new y")
    assert choices[0]["value"] == "America/New_York"
    assert all("new_y" in c["value"].casefold() for c in choices)

    assert timezone_matches("")[0] == "UTC"
    assert len(timezone_matches("a")) == 25
    assert timezone_matches("berl")[0] == "Europe/Berlin"
    assert timezone_matches("no such zone") == []


def test_the_weekly_embed_stays_within_discord_limits_and_pings_nobody():
    rows = [ScoreRow(i, f"@everyone {'x' * 200} {i}", 1000 - i, 5, 9) for i in range(10)]
    top = LeaderboardView("t", "week", tuple(rank_rows(rows)), date(2026, 11, 23))
    post = WeeklyPost(
        week_start=date(2026, 11, 23),
        top=top,
        most_improved=Winner("<@&42> " + "y" * 300, 900),
        hardest=HardestQuestion("@here " + "p" * 3000, "<@1> " + "a" * 500, 0.1, 10),
        streak_leaders=tuple(Winner("z" * 100, 9 - i) for i in range(3)),
        most_missed=MostMissed("@everyone " + "m" * 2000, "<#7> " + "a" * 900, "<@2> why", 5, 6),
    )
    embed = weekly_embed(post)
    assert len(embed) <= EMBED_TOTAL_MAX
    assert all(len(f.value or "") <= 1024 for f in embed.fields)
    text = str(embed.to_dict())
    assert "@everyone" not in text and "@here" not in text and "<@&42>" not in text
    assert "<@1>" not in text and "<#7>" not in text and "<@2>" not in text
    assert "Most missed question" in [f.name for f in embed.fields]
