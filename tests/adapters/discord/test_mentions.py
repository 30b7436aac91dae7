"""User-written text never pings and never breaks Discord's limits."""

from __future__ import annotations

from bot.adapters.discord.render import DESCRIPTION_MAX, LABEL_MAX, answer_buttons, question_embed
from bot.core.views import QuestionCard
from questions.bank import BankQuestion
from tests.adapters.discord.fakes import Member, buttons
from tests.helpers import T0, load_questions


async def test_everyone_in_a_question_does_not_ping(bot):
    await load_questions(
        bot.repo,
        [
            BankQuestion(
                id="ping-1",
                topic="Pings",
                prompt="@everyone and @here: which <@&123> role pings?",
                choices=("@everyone", "none", "<@42>"),
                answer=1,
                explanation="@here never",
            )
        ],
        bank="pings",
    )
    await bot.send.command(Member("ann"), "quiz start", topic="Pings", questions=1, seconds=10)

    post = bot.fake.posts()[-1]
    assert post.payload["allowed_mentions"] == {"parse": []}
    description = post.payload["embeds"][0]["description"]
    assert "@everyone" not in description and "@here" not in description
    assert "<@&123>" not in description
    assert "@everyone" not in [b["label"] for b in buttons(post.payload)]

    bot.clock.advance(11)
    await bot.service.due_step()
    edit = bot.fake.edits()[-1]
    assert edit.payload["allowed_mentions"] == {"parse": []}
    assert "@here" not in str(edit.payload["embeds"])


def test_long_text_is_cut_to_the_limits_and_long_choices_get_letters():
    card = QuestionCard(
        round_id=1,
        round_question_id=12345678901234,
        number=1,
        total=1,
        topic="T" * 300,
        prompt="P" * 5000,
        choices=("x" * 200, "short", "y" * 81),
        opens_at=T0,
        closes_at=T0,
        seconds=20,
    )
    embed = question_embed(card)
    assert len(embed.title or "") <= 256
    assert len(embed.description or "") <= DESCRIPTION_MAX
    assert len(embed) <= 6000
    assert "<t:" in (embed.description or "")  # the countdown survives the cut
    specs = answer_buttons(card)
    assert [s.label for s in specs] == ["A", "B", "C"]
    assert all(len(s.label) <= LABEL_MAX and len(s.custom_id) <= 100 for s in specs)
