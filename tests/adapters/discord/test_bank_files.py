"""`/quizadmin import` and `/quizadmin export`: a file attached in Discord, fetched from its CDN,
imported all or nothing; an export attached to the reply."""

from __future__ import annotations

import re

from sqlalchemy import func, select

from bot.db.tables import AdminAction, Question
from questions.formats import FORMATS, import_text
from tests.adapters.discord.fakes import Member

OWNER = Member("owner", admin=True)
MEMBER = Member("mallory")

GOOD_GIFT = """\
// Three questions in Moodle GIFT
$CATEGORY: $course$/top/AWS Lambda

::Timeout::What is the default timeout of a Lambda function?{
    =3 seconds#The maximum is 15 minutes.
    ~30 seconds
    ~60 seconds
}

::Memory::Lambda memory can be set up to 10 GB.{TRUE}

::Layers::How many layers can one function use?{=5 ~10 ~2}
"""


def fifty_with_three_bad() -> str:
    def q(i: int) -> str:
        if i == 7:
            return f"::q{i}::Prompt {i}?{{=same ~same}}"
        if i == 20:
            return f"::q{i}::{'P' * 1200}?{{=a ~b}}"
        if i == 33:
            return f"::q{i}::Prompt {i}?{{=a ~b ~c ~d ~e ~f}}"
        return f"::q{i}::Prompt {i}?{{=right {i} ~wrong {i}}}"

    return "$CATEGORY: Imported\n\n" + "\n\n".join(q(i) for i in range(50)) + "\n"


async def own_prompts(repo) -> set[str]:
    async with repo.unit() as u:
        stmt = select(Question.prompt).where(Question.team_id.is_not(None))
        return set((await u.session.execute(stmt)).scalars())


async def count(repo, model) -> int:
    async with repo.unit() as u:
        return int((await u.session.execute(select(func.count()).select_from(model))).scalar_one())


def downloads(bot) -> list[str]:
    return [s.url for s in bot.fake.sent if s.via == "cdn"]


async def test_an_admin_imports_a_gift_file(bot):
    file = bot.fake.upload("lambda.gift", GOOD_GIFT.encode())

    iid = await bot.send.command(OWNER, "quizadmin import", file=file)

    replies = bot.fake.replies(iid)
    assert replies[0].payload["type"] == 5 and all(r.is_ephemeral for r in replies)
    text = bot.fake.reply_texts(iid)[-1]
    assert "Imported (gift): 3 added, 0 updated, 0 unchanged, 0 skipped." in text
    assert downloads(bot) == [file.url]
    assert await own_prompts(bot.repo) == {
        "What is the default timeout of a Lambda function?",
        "Lambda memory can be set up to 10 GB.",
        "How many layers can one function use?",
    }
    async with bot.repo.unit() as u:
        topics = set((await u.session.execute(select(Question.topic))).scalars())
    assert "AWS Lambda" in topics


async def test_three_bad_questions_among_fifty_are_all_listed_and_none_is_added(bot):
    before = await count(bot.repo, Question)
    file = bot.fake.upload("fifty.txt", fifty_with_three_bad().encode())  # .txt is GIFT

    iid = await bot.send.command(OWNER, "quizadmin import", file=file)

    [text] = bot.fake.reply_texts(iid)
    assert "Import refused" in text and "Nothing was imported from fifty.txt: 3 problem(s)" in text
    assert "line 17" in text and "has the same choice twice" in text
    assert "line 43" in text and "at most 1000 allowed" in text
    assert "line 69" in text and "has 6 choices" in text
    assert await count(bot.repo, Question) == before


async def test_a_member_cannot_import_and_the_file_is_not_fetched(bot):
    before = await count(bot.repo, Question)
    file = bot.fake.upload("lambda.gift", GOOD_GIFT.encode())

    iid = await bot.send.command(MEMBER, "quizadmin import", file=file)

    assert bot.fake.reply_texts(iid) == ["Only admins can do that."]
    assert downloads(bot) == []
    assert await count(bot.repo, Question) == before
    assert await count(bot.repo, AdminAction) == 0


async def test_too_large_and_non_utf8_files_get_clear_errors(bot):
    big = bot.fake.upload("big.gift", b"x")
    big.size = 3 * 1024 * 1024  # what Discord reports for the attachment
    iid = await bot.send.command(OWNER, "quizadmin import", file=big)
    assert bot.fake.reply_texts(iid) == [
        "big.gift is 3.0 MB; files up to 1.0 MB can be imported. Split it, or use "
        "`quizbot questions import` on the command line."
    ]
    assert downloads(bot) == []

    latin = bot.fake.upload("latin.gift", "::q::Café?{=oui ~non}".encode("latin-1"))
    iid = await bot.send.command(OWNER, "quizadmin import", file=latin)
    [text] = bot.fake.reply_texts(iid)
    assert "Nothing was imported from latin.gift" in text
    assert "line 1: file: latin.gift is not UTF-8 text (byte 9 is not valid UTF-8)" in text

    odd = bot.fake.upload("notes.docx", b"hello")
    iid = await bot.send.command(OWNER, "quizadmin import", file=odd)
    assert "cannot tell the format of 'notes.docx'" in bot.fake.reply_texts(iid)[-1]
    assert await own_prompts(bot.repo) == set()


async def test_export_attaches_a_file_that_imports_back_to_the_same_questions(bot):
    await bot.send.command(
        OWNER, "quizadmin import", file=bot.fake.upload("l.gift", GOOD_GIFT.encode())
    )

    iid = await bot.send.command(OWNER, "quizadmin export", format="gift")

    [reply] = [r for r in bot.fake.replies(iid) if r.files]
    assert reply.is_ephemeral
    assert reply.data["content"] == "11 question(s) as gift."
    [(name, data)] = reply.files.items()
    assert name == "discord-800000000000000001.gift"
    exported = import_text(data.decode(), "gift").questions
    async with bot.repo.unit() as u:
        rows = (await u.session.execute(select(Question))).scalars().all()
    in_db = {(q.prompt, tuple(q.choices), q.answer, q.topic) for q in rows}
    assert {(q.prompt, q.choices, q.answer, q.topic) for q in exported} == in_db

    before = await count(bot.repo, Question)
    iid = await bot.send.command(
        OWNER, "quizadmin import", file=bot.fake.upload(name, data), format="gift"
    )
    assert "0 added, 0 updated, 11 unchanged" in bot.fake.reply_texts(iid)[-1]
    assert await count(bot.repo, Question) == before


async def test_a_member_cannot_export(bot):
    iid = await bot.send.command(MEMBER, "quizadmin export")
    assert bot.fake.reply_texts(iid) == ["Only admins can do that."]
    assert all(not r.files for r in bot.fake.replies(iid))


async def test_the_import_file_hint_names_every_extension_the_registry_reads(bot):
    """The hint is the registry's list, so a format added (or .opentdb) never goes unsaid."""
    [admin] = [c for c in bot.fake.commands["global"] if c["name"] == "quizadmin"]
    [import_] = [o for o in admin["options"] if o["name"] == "import"]
    [file] = [o for o in import_["options"] if o["name"] == "file"]
    extensions = [e for f in FORMATS.values() for e in f.extensions]
    assert ".opentdb" in extensions and ".txt" in extensions  # GIFT's Moodle name too
    assert re.findall(r"\.\w+", file["description"]) == extensions
    assert len(file["description"]) <= 100  # Discord's limit for an option's description


async def test_every_format_choice_discord_offers_is_the_registrys(bot):
    """The commands' format choices, as registered with Discord, are the registry's formats:
    one written for the bank commands and the deck commands alike, none missing."""
    formats: list[tuple[str, list[str]]] = []

    def walk(options: list[dict], path: str) -> None:
        for option in options:
            here = f"{path} {option['name']}"
            if option["name"] == "format" and "choices" in option:
                formats.append((here, [choice["value"] for choice in option["choices"]]))
            walk(option.get("options", []), here)

    walk(bot.fake.commands["global"], "")
    assert len(formats) >= 2, formats  # the bank export and the deck export at least
    assert all(choices == list(FORMATS) for _, choices in formats), formats
