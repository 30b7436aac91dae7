"""`/quizadmin`: hidden from members by default, and refused by the core when shown anyway."""

from __future__ import annotations

from sqlalchemy import func, select, update

from bot.adapters.discord.client import make_client
from bot.db.tables import AdminAction, Question, Team
from tests.adapters.discord.fakes import FakeDiscord, Member, RoleOption, connect

OWNER = Member("owner", admin=True)
MEMBER = Member("mallory")

GOOD = {
    "Question": "Which SQS queue type keeps order?",
    "Choices": "Standard\nFIFO\nDelay",
    "Correct": "2",
    "Explanation": "FIFO keeps order.",
    "Topic": "AWS SQS",
}


async def count(repo, model) -> int:
    async with repo.unit() as u:
        return int((await u.session.execute(select(func.count()).select_from(model))).scalar_one())


async def test_admin_commands_are_registered_guild_only_for_manage_server(bot):
    commands = {c["name"]: c for c in bot.fake.commands["global"]}
    assert set(commands) == {"quiz", "quizadmin"}
    admin = commands["quizadmin"]
    assert int(admin["default_member_permissions"]) == 1 << 5  # Manage Server
    assert admin["contexts"] == [0]  # guild only
    assert commands["quiz"]["default_member_permissions"] is None


async def test_an_admin_adds_a_question_through_the_modal(bot):
    before = await count(bot.repo, Question)
    opened = await bot.send.command(OWNER, "quizadmin add")
    [modal] = bot.fake.replies(opened)
    assert modal.payload["type"] == 9  # the modal is the first response

    iid = await bot.send.submit_modal(OWNER, opened, GOOD)

    assert bot.fake.reply_texts(iid)[-1].startswith("Added to AWS SQS")
    assert all(r.is_ephemeral for r in bot.fake.replies(iid))
    assert await count(bot.repo, Question) == before + 1


async def test_a_member_is_refused_at_the_command(bot):
    iid = await bot.send.command(MEMBER, "quizadmin add")
    assert bot.fake.reply_texts(iid) == ["Only admins can do that."]
    assert all(r.payload.get("type") != 9 for r in bot.fake.replies(iid))


async def test_a_member_who_got_the_modal_is_refused_on_submit(bot):
    before = await count(bot.repo, Question)
    opened = await bot.send.command(OWNER, "quizadmin add")

    iid = await bot.send.submit_modal(MEMBER, opened, GOOD)  # lost the rights meanwhile

    assert bot.fake.reply_texts(iid) == ["Only admins can do that."]
    assert await count(bot.repo, Question) == before
    assert await count(bot.repo, AdminAction) == 0


async def test_a_modal_with_bad_input_names_every_field_and_adds_nothing(bot):
    before = await count(bot.repo, Question)
    opened = await bot.send.command(OWNER, "quizadmin add")

    iid = await bot.send.submit_modal(
        OWNER, opened, {"Question": "   ", "Choices": "Only one", "Correct": "7"}
    )

    [text] = bot.fake.reply_texts(iid)
    assert text.startswith("Nothing was added")
    assert "Question:" in text and "Choices:" in text and "Correct choice:" in text
    assert all(r.is_ephemeral for r in bot.fake.replies(iid))
    assert await count(bot.repo, Question) == before


async def test_settings_set_channel_defaults_and_an_admin_role(bot):
    iid = await bot.send.command(
        OWNER, "quizadmin settings", questions=3, seconds=15, admin_role=RoleOption("Quizmasters")
    )
    text = bot.fake.reply_texts(iid)[-1]
    assert "Questions per round: 3" in text and "Seconds per question: 15" in text
    assert "Quizmasters" in text

    iid = await bot.send.command(MEMBER, "quizadmin settings", questions=4)
    assert bot.fake.reply_texts(iid) == ["Only admins can do that."]


async def test_an_admin_lists_disables_and_enables_a_question(bot):
    iid = await bot.send.command(OWNER, "quizadmin questions", topic="SQS")
    listing = bot.fake.reply_texts(iid)[-1]
    assert "Question number 0?" in listing

    async with bot.repo.unit() as u:
        qid = (
            await u.session.execute(select(Question.id).where(Question.uid == "q-000"))
        ).scalar_one()
    iid = await bot.send.command(OWNER, "quizadmin disable", question=f"#{qid}")
    assert bot.fake.reply_texts(iid)[-1].startswith(f"Disabled #{qid}")
    iid = await bot.send.command(MEMBER, "quizadmin enable", question=f"#{qid}")
    assert bot.fake.reply_texts(iid) == ["Only admins can do that."]
    iid = await bot.send.command(OWNER, "quizadmin enable", question="#999999")
    assert "No question #999999" in bot.fake.reply_texts(iid)[-1]
    iid = await bot.send.command(OWNER, "quizadmin history")
    assert "disable" in bot.fake.reply_texts(iid)[-1]


async def test_a_member_with_the_configured_admin_role_is_an_admin(bot):
    masters = RoleOption("Quizmasters")
    bot.send.guild_create([masters])
    carol = Member("carol", roles=(masters.id,))
    iid = await bot.send.command(carol, "quizadmin add")
    assert bot.fake.reply_texts(iid) == ["Only admins can do that."]

    await bot.send.command(OWNER, "quizadmin settings", admin_role=masters)

    opened = await bot.send.command(carol, "quizadmin add")
    assert [r.payload["type"] for r in bot.fake.replies(opened)] == [9]
    iid = await bot.send.submit_modal(carol, opened, GOOD)
    assert bot.fake.reply_texts(iid)[-1].startswith("Added to AWS SQS")


async def test_the_admin_role_is_kept_by_id_so_a_rename_keeps_it(bot):
    masters = RoleOption("Quizmasters")
    bot.send.guild_create([masters])
    carol = Member("carol", roles=(masters.id,))
    iid = await bot.send.command(OWNER, "quizadmin settings", admin_role=masters)
    assert "Admin roles: Quizmasters" in str(bot.fake.replies(iid)[-1].payload)
    bot.send.guild_create([RoleOption("Quiz crew", id=masters.id)])  # renamed in Discord

    opened = await bot.send.command(carol, "quizadmin add")
    assert [r.payload["type"] for r in bot.fake.replies(opened)] == [9]


async def test_an_admin_role_stored_by_name_still_counts_and_becomes_an_id(bot):
    masters = RoleOption("Quizmasters")
    bot.send.guild_create([masters])
    carol = Member("carol", roles=(masters.id,))
    await bot.send.command(OWNER, "quizadmin settings")  # the server's settings exist
    async with bot.repo.unit() as u:  # as settings stored roles before ids were
        changed = await u.session.execute(update(Team).values(admin_roles=["Quizmasters"]))
    assert changed.rowcount == 1
    opened = await bot.send.command(carol, "quizadmin add")
    assert [r.payload["type"] for r in bot.fake.replies(opened)] == [9]

    await bot.send.command(OWNER, "quizadmin settings", admin_role=masters)
    async with bot.repo.unit() as u:
        stored = (await u.session.execute(select(Team.admin_roles))).scalars().all()
    assert [list(r) for r in stored] == [[str(masters.id)]]


async def test_a_role_named_like_the_admin_role_id_gives_no_admin_rights(bot):
    masters = RoleOption("Quizmasters")
    fake_role = RoleOption(str(masters.id))  # anyone who can make roles can name one so
    bot.send.guild_create([masters, fake_role])
    await bot.send.command(OWNER, "quizadmin settings", admin_role=masters)
    mallory = Member("mallory", roles=(fake_role.id,))
    async with bot.repo.unit() as u:
        qid = (
            await u.session.execute(select(Question.id).where(Question.uid == "q-000"))
        ).scalar_one()

    iid = await bot.send.command(mallory, "quizadmin disable", question=f"#{qid}")

    assert bot.fake.reply_texts(iid) == ["Only admins can do that."]
    async with bot.repo.unit() as u:
        disables = select(func.count()).where(AdminAction.action == "disable")
        assert await u.session.scalar(disables) == 0


async def test_guild_ids_sync_the_commands_to_those_guilds_only():
    fake = FakeDiscord()
    client = make_client(guild_ids=[111, 222])
    try:
        await connect(client, fake)
        assert set(fake.commands) == {"111", "222"}
        assert {c["name"] for c in fake.commands["111"]} == {"quiz", "quizadmin"}
    finally:
        await client.close()
