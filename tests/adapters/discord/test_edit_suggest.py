"""`/quizadmin edit` opens a form prefilled with the question; `/quiz suggest` queues one for
review when the server allows suggestions."""

from __future__ import annotations

from sqlalchemy import func, select

from bot.core.models import PlayerRef, TeamRef
from bot.db.tables import Question
from tests.adapters.discord.fakes import GUILD_ID, Member

OWNER = Member("owner", admin=True)
MEMBER = Member("mallory")
ADMIN_REF = PlayerRef(TeamRef("discord", str(GUILD_ID)), str(OWNER.id), "owner", True)

QUESTION = {
    "Question": "Which SQS queue type keeps order?",
    "Choices": "Standard\nFIFO\nDelay",
    "Correct": "2",
    "Explanation": "FIFO keeps order.",
    "Topic": "AWS SQS",
}


async def add_question(bot) -> int:
    opened = await bot.send.command(OWNER, "quizadmin add")
    await bot.send.submit_modal(OWNER, opened, QUESTION)
    return await question_id(bot, QUESTION["Question"])


async def question_id(bot, prompt: str) -> int:
    async with bot.repo.unit() as u:
        stmt = select(Question.id).where(Question.prompt == prompt)
        return int((await u.session.execute(stmt)).scalar_one())


async def row(bot, qid: int) -> Question:
    async with bot.repo.unit() as u:
        return (await u.session.execute(select(Question).where(Question.id == qid))).scalar_one()


async def test_the_edit_form_shows_the_question_and_saves_the_change(bot):
    qid = await add_question(bot)

    opened = await bot.send.command(OWNER, "quizadmin edit", question=f"#{qid}")

    [modal] = bot.fake.replies(opened)
    assert modal.payload["type"] == 9  # the form is the first response
    assert bot.send.modal(opened)["title"] == f"Edit question #{qid}"
    shown = bot.send.modal_values(opened)
    assert shown["Question"] == QUESTION["Question"]
    assert shown["Choices, one per line (2 to 5)"] == "Standard\nFIFO\nDelay"
    assert shown["Correct choice (1-5 or A-E)"] == "2"
    assert shown["Explanation (optional)"] == "FIFO keeps order."
    assert shown["Topic (optional)"] == "AWS SQS"

    iid = await bot.send.submit_modal(
        OWNER,
        opened,
        {
            "Question": "Which SQS queue type keeps strict order?",
            "Choices": "FIFO\nStandard",
            "Correct": "1",
        },
    )

    assert (
        bot.fake.reply_texts(iid)[-1] == f"Saved #{qid}: Which SQS queue type keeps strict order?"
    )
    saved = await row(bot, qid)
    assert saved.prompt == "Which SQS queue type keeps strict order?"
    assert list(saved.choices) == ["FIFO", "Standard"]
    assert saved.answer == 0
    assert saved.explanation == "FIFO keeps order."


async def test_a_bad_edit_names_the_field_and_changes_nothing(bot):
    qid = await add_question(bot)
    opened = await bot.send.command(OWNER, "quizadmin edit", question=str(qid))

    iid = await bot.send.submit_modal(OWNER, opened, {"Choices": "Only one", "Correct": "9"})

    [text] = bot.fake.reply_texts(iid)
    assert text.startswith("Nothing was changed. Please fix:")
    assert "Correct choice:" in text
    saved = await row(bot, qid)
    assert list(saved.choices) == ["Standard", "FIFO", "Delay"] and saved.answer == 1


async def test_edit_is_refused_for_members_shared_questions_and_unknown_ones(bot):
    qid = await add_question(bot)
    iid = await bot.send.command(MEMBER, "quizadmin edit", question=f"#{qid}")
    assert bot.fake.reply_texts(iid) == ["Only admins can do that."]
    assert all(r.payload.get("type") != 9 for r in bot.fake.replies(iid))

    shared = await question_id(bot, "Question number 0?")
    iid = await bot.send.command(OWNER, "quizadmin edit", question=f"#{shared}")
    assert bot.fake.reply_texts(iid)[-1].startswith(f"#{shared} is in the shared bank")
    assert all(r.payload.get("type") != 9 for r in bot.fake.replies(iid))

    iid = await bot.send.command(OWNER, "quizadmin edit", question="#999999")
    assert "No question #999999" in bot.fake.reply_texts(iid)[-1]


async def pending(bot) -> list[str]:
    async with bot.repo.unit() as u:
        stmt = select(Question.prompt).where(Question.status == "pending")
        return list((await u.session.execute(stmt)).scalars())


async def test_a_member_suggests_a_question_when_suggestions_are_on(bot):
    await bot.service.admin.team_settings(ADMIN_REF, allow_suggestions=True)

    opened = await bot.send.command(MEMBER, "quiz suggest")
    assert [r.payload["type"] for r in bot.fake.replies(opened)] == [9]
    iid = await bot.send.submit_modal(MEMBER, opened, QUESTION)

    qid = await question_id(bot, QUESTION["Question"])
    assert bot.fake.reply_texts(iid)[-1].startswith(f"Thanks! Your question #{qid}")
    assert await pending(bot) == [QUESTION["Question"]]

    iid = await bot.send.command(OWNER, "quizadmin approve", question=f"#{qid}")
    assert bot.fake.reply_texts(iid)[-1].startswith(f"Approved #{qid}")


async def test_suggest_is_refused_while_suggestions_are_off(bot):
    before = await row_count(bot)
    iid = await bot.send.command(MEMBER, "quiz suggest")
    [text] = bot.fake.reply_texts(iid)
    assert text.startswith("Suggestions are turned off in this server")
    assert all(r.payload.get("type") != 9 for r in bot.fake.replies(iid))

    # Turned off between opening the form and sending it: the core refuses the submit.
    await bot.service.admin.team_settings(ADMIN_REF, allow_suggestions=True)
    opened = await bot.send.command(MEMBER, "quiz suggest")
    await bot.service.admin.team_settings(ADMIN_REF, allow_suggestions=False)
    iid = await bot.send.submit_modal(MEMBER, opened, QUESTION)
    assert bot.fake.reply_texts(iid) == ["Suggestions are turned off in this team; ask an admin."]
    assert await row_count(bot) == before


async def test_settings_turn_suggestions_on(bot):
    iid = await bot.send.command(OWNER, "quizadmin settings", suggestions=True)
    assert "Suggestions from members: on" in bot.fake.reply_texts(iid)[-1]
    opened = await bot.send.command(MEMBER, "quiz suggest")
    assert [r.payload["type"] for r in bot.fake.replies(opened)] == [9]


async def row_count(bot) -> int:
    async with bot.repo.unit() as u:
        stmt = select(func.count()).select_from(Question)
        return int((await u.session.execute(stmt)).scalar_one())


async def test_a_form_submit_naming_no_question_is_refused_and_changes_nothing(bot):
    """A submit of an edit form whose custom id carries no question id (forged, or from a
    future version) gets a clear reply; a custom id that is not ours gets none."""
    qid = await add_question(bot)
    values = [{"type": 4, "custom_id": "prompt", "value": "Changed?"}]
    data = {"custom_id": "quiz:form:edit:abc", "components": [{"type": 1, "components": values}]}
    iid = await bot.send.dispatch(bot.send._base(5, OWNER, data))
    assert bot.fake.reply_texts(iid)[-1].startswith("This form is out of date")
    assert (await row(bot, qid)).prompt == QUESTION["Question"]

    other = {"custom_id": "someone-else:form", "components": []}
    iid = await bot.send.dispatch(bot.send._base(5, OWNER, other))
    assert bot.fake.replies(iid) == []
