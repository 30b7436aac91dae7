"""Decks in Discord, through discord.py's own dispatch: notes attached to `/quizadmin deck
create`, fetched from the CDN and generated on the worker process; preview, publish and play
with `/quiz start deck:... topics:...`; the lists; and clicks answered while 1 MB of notes is
being generated."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import func, select

from bot.db.tables import AdminAction, Answer, Deck, Question, Round, RoundQuestion
from tests.adapters.discord.conftest import start_bot
from tests.adapters.discord.fakes import FakeDiscord, Member, buttons
from tests.core.decks.support import (
    K8S_NOTES,
    K8S_NOTES_EDITED,
    big_notes,
    generated,
    per_topic,
    sync_summary,
)
from tests.helpers import FixedClock, load_questions, sample_questions

OWNER = Member("owner", admin=True)
MEMBER = Member("mallory")


async def count(repo, model, *where) -> int:
    async with repo.unit() as u:
        stmt = select(func.count()).select_from(model).where(*where)
        return int((await u.session.execute(stmt)).scalar_one())


def downloads(bot) -> list[str]:
    return [s.url for s in bot.fake.sent if s.via == "cdn"]


async def create_k8s(bot, notes: str = K8S_NOTES) -> int:
    file = bot.fake.upload("k8s.md", notes.encode())
    return await bot.send.command(OWNER, "quizadmin deck create", name="k8s", notes=file)


async def test_an_admin_uploads_notes_and_gets_the_summary_and_a_draft(bot):
    iid = await create_k8s(bot)

    replies = bot.fake.replies(iid)
    assert replies[0].payload["type"] == 5 and all(r.is_ephemeral for r in replies)
    text = bot.fake.reply_texts(iid)[-1]
    made = generated(K8S_NOTES)
    n = len(made)
    assert f"Deck k8s made (draft): {n} added, 0 updated, 0 unchanged, 0 retired." in text
    assert "deck preview k8s" in text and "deck publish k8s" in text
    sections = "".join(f"\n{k:>6}  {t}" for t, k in per_topic(made).items())
    assert f"{n} questions from k8s.md\nBy section:{sections}\n" in text
    assert "\nDropped by the quality gates: " in text
    assert len(downloads(bot)) == 1
    assert await count(bot.repo, Deck, Deck.name == "k8s", Deck.status == "draft") == 1
    assert await count(bot.repo, AdminAction, AdminAction.action == "deck-create") == 1


async def test_preview_publish_and_play_the_deck_by_name_and_topics(bot):
    await create_k8s(bot)
    iid = await bot.send.command(OWNER, "quizadmin deck preview", name="k8s")
    text = bot.fake.reply_texts(iid)[-1]
    n = len(generated(K8S_NOTES))
    shown = min(n, 10)  # a page of 10, each question with its answer's source line
    assert "Deck k8s" in text and text.count("k8s.md:") == shown and "Page 1/" not in text
    footer = bot.fake.replies(iid)[-1].data["embeds"][0]["footer"]["text"]
    assert footer == f"Page 1/{-(-n // 10)} · {n} question(s) · draft"  # the footer apart

    iid = await bot.send.command(OWNER, "quizadmin deck publish", name="k8s")
    assert (
        "k8s is now published. Play it with /quiz start deck:k8s." in bot.fake.reply_texts(iid)[-1]
    )

    iid = await bot.send.command(MEMBER, "quiz start", deck="k8s", topics="probe, serv")
    assert "Round started" in bot.fake.reply_texts(iid)[-1]
    async with bot.repo.unit() as u:
        topics = set(
            (
                await u.session.scalars(
                    select(Question.topic).join(
                        RoundQuestion, RoundQuestion.question_id == Question.id
                    )
                )
            ).all()
        )
    assert topics <= {"Probes", "Services"} and topics

    made = generated(K8S_NOTES)
    iid = await bot.send.command(MEMBER, "quiz decks")
    listed = bot.fake.reply_texts(iid)[-1]
    assert f"k8s · published · {len(made)} question(s) · team · from k8s.md" in listed
    assert "test · published · 8 question(s) · shared" in listed
    iid = await bot.send.command(MEMBER, "quiz topics", deck="k8s")
    assert f"Services · {per_topic(made)['Services']}" in bot.fake.reply_texts(iid)[-1]
    choices = await bot.send.autocomplete(MEMBER, "quiz start", "topics", "Probes, se", deck="k8s")
    assert [c["value"] for c in choices] == ["Probes, Services"]


async def test_a_page_past_the_end_is_an_ephemeral_line(bot):
    for command, options in (("quiz decks", {"page": 7}), ("quiz topics", {"page": 3})):
        iid = await bot.send.command(MEMBER, command, **options)
        assert all(r.is_ephemeral for r in bot.fake.replies(iid))
        asked = options["page"]
        said = f"Page {asked} of 1 does not exist: the last page is 1."
        assert bot.fake.reply_texts(iid)[-1] == said
    iid = await bot.send.command(OWNER, "quizadmin questions", page=5)
    assert bot.fake.reply_texts(iid)[-1] == "Page 5 of 1 does not exist: the last page is 1."


async def test_a_member_is_refused_and_the_file_never_fetched(bot):
    file = bot.fake.upload("k8s.md", K8S_NOTES.encode())
    iid = await bot.send.command(MEMBER, "quizadmin deck create", name="k8s", notes=file)
    assert bot.fake.reply_texts(iid) == ["Only admins can do that."]
    assert downloads(bot) == []
    iid = await bot.send.command(MEMBER, "quizadmin deck publish", name="test")
    assert bot.fake.reply_texts(iid) == ["Only admins can do that."]
    assert await count(bot.repo, Deck) == 1  # the shared one
    assert await count(bot.repo, AdminAction) == 0


async def test_a_3_mb_file_or_one_not_in_utf8_gets_a_clear_error_and_makes_nothing(bot):
    big = bot.fake.upload("notes.md", b"# x\n")
    big.size = 3 * 1024 * 1024  # what Discord reports for the attachment
    iid = await bot.send.command(OWNER, "quizadmin deck create", name="k8s", notes=big)
    assert bot.fake.reply_texts(iid) == [
        "notes.md is 3,145,728 bytes; notes files may have at most 2,000,000 bytes. "
        "Split them into several decks."
    ]
    assert downloads(bot) == []

    latin = bot.fake.upload("notes.md", "# Café\n\n- **crème**: brûlée\n".encode("latin-1"))
    iid = await bot.send.command(OWNER, "quizadmin deck create", name="k8s", notes=latin)
    [text] = bot.fake.reply_texts(iid)
    assert "Nothing was imported from notes.md: 1 problem(s)" in text
    assert "line 1: file: notes.md is not UTF-8 text (byte 6 is not valid UTF-8)" in text

    pdf = bot.fake.upload("notes.pdf", b"%PDF-1.4")
    iid = await bot.send.command(OWNER, "quizadmin deck create", name="k8s", notes=pdf)
    assert "notes.pdf is not a Markdown file" in bot.fake.reply_texts(iid)[-1]
    assert await count(bot.repo, Deck) == 1
    assert await count(bot.repo, Question) == 8  # the shared deck's, nothing more


async def test_regenerate_keeps_unchanged_questions_and_default_chooses_the_deck(bot):
    await create_k8s(bot)
    async with bot.repo.unit() as u:
        before = dict((await u.session.execute(select(Question.uid, Question.id))).all())
    file = bot.fake.upload("k8s.md", K8S_NOTES_EDITED.encode())
    iid = await bot.send.command(OWNER, "quizadmin deck regenerate", name="k8s", notes=file)
    text = bot.fake.reply_texts(iid)[-1]
    old, new = generated(K8S_NOTES), generated(K8S_NOTES_EDITED)
    assert f"Deck k8s regenerated (draft): {sync_summary(old, new)}." in text
    async with bot.repo.unit() as u:
        after = dict((await u.session.execute(select(Question.uid, Question.id))).all())
    assert all(after[uid] == qid for uid, qid in before.items())  # no row lost or renumbered
    added = {q.id for q in new} - {q.id for q in old}
    assert added and set(after) - set(before) == added
    retired = {q.id for q in old} - {q.id for q in new}
    assert retired and await count(bot.repo, Question, Question.status == "retired") == len(retired)

    iid = await bot.send.command(OWNER, "quizadmin deck default", name="k8s")
    assert "k8s is a draft" in bot.fake.reply_texts(iid)[-1]
    await bot.send.command(OWNER, "quizadmin deck publish", name="k8s")
    await bot.send.command(OWNER, "quizadmin deck default", name="test")
    await bot.send.command(MEMBER, "quiz start", questions=3)
    async with bot.repo.unit() as u:
        decks = set(
            (
                await u.session.scalars(
                    select(Deck.name)
                    .join(Question, Question.deck_id == Deck.id)
                    .join(RoundQuestion, RoundQuestion.question_id == Question.id)
                )
            ).all()
        )
    assert decks == {"test"}  # the default, though the team has a deck of its own


async def test_export_attaches_the_decks_file(bot):
    await create_k8s(bot)
    iid = await bot.send.command(OWNER, "quizadmin deck export", name="k8s", format="yaml")
    [reply] = [r for r in bot.fake.replies(iid) if r.files]
    assert reply.is_ephemeral and list(reply.files) == ["k8s.yaml"]
    assert reply.files["k8s.yaml"].decode().startswith("bank: k8s\n")


class TimedWorker:
    """The deck service's real worker, noting when each job started and finished (loop time)."""

    def __init__(self, inner) -> None:
        self.inner = inner
        self.started: float | None = None
        self.finished: float | None = None
        self.running = asyncio.Event()

    async def run(self, fn, *args, **kwargs):
        loop = asyncio.get_running_loop()
        self.started = loop.time()
        self.running.set()
        try:
            return await self.inner.run(fn, *args, **kwargs)
        finally:
            self.finished = loop.time()


@pytest.mark.slow
async def test_clicks_are_answered_while_a_1_mb_notes_file_is_generated(fresh_repo):
    """Generation runs in the worker process: clicks complete while it runs. Were it run on
    the event loop, no click could complete between the job's start and its end."""
    await load_questions(fresh_repo, sample_questions(8))
    bot = await start_bot(fresh_repo, FakeDiscord(), FixedClock())
    try:
        timed = TimedWorker(bot.service.decks.worker)
        bot.service.decks.worker = timed
        await bot.send.command(MEMBER, "quiz start", questions=1, seconds=300)
        post = bot.fake.posts()[-1]
        button = buttons(post.payload)[0]["custom_id"]
        notes = big_notes(1_000_000)
        file = bot.fake.upload("big.md", notes.encode())
        creating = asyncio.create_task(
            bot.send.command(OWNER, "quizadmin deck create", name="big", notes=file)
        )
        # Clicks from here on: the test's dispatcher then waits for each click's own handler
        # only, not for the deck command's, which is already under way.
        await timed.running.wait()
        loop = asyncio.get_running_loop()
        done_at: list[float] = []
        n = 0
        while timed.finished is None:
            n += 1
            iid = await bot.send.click(Member(f"p{n}"), post.message_id, button)
            assert bot.fake.reply_texts(iid)[0].startswith("Locked in:")
            done_at.append(loop.time())
        iid = await creating
        assert "Deck big made (draft)" in bot.fake.reply_texts(iid)[-1]
        assert timed.started is not None
        during = [t for t in done_at if timed.started < t < timed.finished]
        print(
            f"generation {timed.finished - timed.started:.2f} s, {len(during)} clicks "
            f"answered meanwhile"
        )
        assert len(during) >= 3
        assert await count(fresh_repo, Answer) == len(done_at)
        assert await count(fresh_repo, Round, Round.status == "running") == 1
    finally:
        await bot.client.close()


async def test_the_notes_file_hint_names_every_suffix_a_deck_reads(bot):
    from bot.core.decks.rules import NOTES_SUFFIXES

    [admin] = [c for c in bot.fake.commands["global"] if c["name"] == "quizadmin"]
    [deck] = [o for o in admin["options"] if o["name"] == "deck"]
    files = [o for sub in deck["options"] for o in sub.get("options", []) if o["name"] == "notes"]
    assert files
    for option in files:
        assert all(s in option["description"] for s in NOTES_SUFFIXES), option["description"]
        assert len(option["description"]) <= 100  # Discord's limit for an option's description
