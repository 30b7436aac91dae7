"""Decks on both databases: made from notes, published, played; one team's never mixed with
another's nor with the shared one unless asked; regenerated without losing statistics."""

from __future__ import annotations

import dataclasses
import random
from dataclasses import dataclass

import pytest
from sqlalchemy import func, select

from bot.core.decks.rules import DeckLimits
from bot.core.decks.service import DeckService
from bot.core.errors import ImportRejected, NotAllowed, QuizError
from bot.core.models import ChannelRef, PlayerRef, TeamRef
from bot.core.play.service import QuizEngine
from bot.db.banks import load_bank
from bot.db.repository import SqlRepository
from bot.db.tables import AdminAction, Answer, Deck, Question, Round, RoundQuestion, Team
from bot.workers import generation_pool
from questions.bank import Bank, BankQuestion
from questions.formats import import_text
from tests.core.decks.support import (
    K8S_NOTES,
    K8S_NOTES_EDITED,
    PG_NOTES,
    generated,
    per_topic,
)
from tests.helpers import CHANNEL, TEAM, FixedClock, RecordingMessenger, player, sample_questions

BOSS = player("boss", admin=True)
ANN = player("ann")
OTHER = TeamRef("slack", "T9", "Other")
OTHER_BOSS = PlayerRef(OTHER, "U9", "zed", is_platform_admin=True)
OTHER_CHANNEL = ChannelRef(OTHER, "C9", "quiz")


@dataclass
class World:
    repo: SqlRepository
    decks: DeckService
    engine: QuizEngine

    async def play(
        self,
        channel: ChannelRef = CHANNEL,
        who: PlayerRef = ANN,
        *,
        deck: str | None = None,
        topics: tuple[str, ...] = (),
        n: int = 50,
    ) -> set[str]:
        """Start a round of up to n questions and stop it; the decks its questions came from."""
        out = await self.engine.start_round(
            channel, who, questions=n, deck=deck, topics=topics, seconds=300
        )
        await self.engine.stop_round(channel, who)
        async with self.repo.unit() as u:
            rows = await u.session.execute(
                select(Deck.name)
                .join(Question, Question.deck_id == Deck.id)
                .join(RoundQuestion, RoundQuestion.question_id == Question.id)
                .where(RoundQuestion.round_id == out.round_id)
            )
            return {r[0] for r in rows}


@pytest.fixture
async def world(repo) -> World:
    async with repo.unit() as u:
        await load_bank(u.session, Bank("shared-bank", sample_questions(6)))
    clock = FixedClock()
    decks = DeckService(repo, clock, worker=generation_pool())
    engine = QuizEngine(repo, RecordingMessenger(), platform="discord", clock=clock)
    engine.rng = random.Random(3)
    return World(repo, decks, engine)


async def scalar(repo, stmt):
    async with repo.unit() as u:
        return (await u.session.execute(stmt)).scalar_one()


async def test_a_deck_from_notes_is_a_draft_until_published_then_the_team_plays_only_it(world):
    report = await world.decks.create_from_notes(BOSS, "K8s", K8S_NOTES.encode(), "k8s.md")
    assert (report.deck.name, report.deck.status, report.created) == ("k8s", "draft", True)
    made = generated(K8S_NOTES)
    assert report.plan.added == report.deck.questions == len(made) > 0
    assert report.summary.startswith(f"{len(made)} questions from k8s.md\nBy section:\n")
    assert await world.play() == {"shared-bank"}  # a draft is not played
    with pytest.raises(QuizError, match="k8s is a draft"):
        await world.play(deck="k8s")

    await world.decks.publish(BOSS, "k8s")
    for _ in range(3):
        assert await world.play() == {"k8s"}  # never the shared deck...
    assert await world.play(deck="shared-bank") == {"shared-bank"}  # ...unless asked for
    assert await world.play(topics=("sqs",)) == {"shared-bank"}  # a topic only it has
    assert await world.play(topics=("probe", "serv")) == {"k8s"}
    async with world.repo.unit() as u:
        actions = (
            await u.session.scalars(select(AdminAction.action).order_by(AdminAction.id))
        ).all()
    assert actions == ["deck-create", "deck-publish"]
    from bot.core.curation.service import AdminService

    history = await AdminService(world.repo, worker=generation_pool()).history_panel(BOSS)
    assert [line.split(" · ", 2)[2] for line in history.lines] == [
        "deck-publish k8s",
        "deck-create k8s",
    ]


async def test_two_teams_decks_never_mix(world):
    await world.decks.create_from_notes(BOSS, "notes", K8S_NOTES.encode(), "k8s.md")
    await world.decks.create_from_notes(OTHER_BOSS, "notes", PG_NOTES.encode(), "pg.md")
    for boss in (BOSS, OTHER_BOSS):
        await world.decks.publish(boss, "notes")
    shared = {"SQS", "Lambda"}  # each team may still ask for the shared deck's topics
    k8s, pg = set(per_topic(generated(K8S_NOTES))), set(per_topic(generated(PG_NOTES, "pg.md")))
    assert {"Probes", "Services", "Jobs"} <= k8s and "Vacuum" in pg  # the notes' sections
    assert set(await world.decks.topic_names(TEAM)) == k8s | shared
    assert set(await world.decks.topic_names(OTHER)) == pg | shared
    for _ in range(2):
        await world.play(CHANNEL, ANN)
        await world.play(OTHER_CHANNEL, PlayerRef(OTHER, "U8", "yan"))
    async with world.repo.unit() as u:
        rows = await u.session.execute(
            select(Round.team_id, Question.team_id, Question.topic)
            .join(RoundQuestion, RoundQuestion.round_id == Round.id)
            .join(Question, Question.id == RoundQuestion.question_id)
        )
        asked = rows.all()
        team_ids = dict((await u.session.execute(select(Team.external_id, Team.id))).all())
    assert {(r, q) for r, q, _ in asked} == {
        (team_ids["g1"], team_ids["g1"]),
        (team_ids["T9"], team_ids["T9"]),
    }
    assert {t for r, _, t in asked if r == team_ids["T9"]} == pg
    with pytest.raises(QuizError, match="No topic matches 'vacuum'"):
        await world.play(topics=("vacuum",))  # another team's topic is nowhere for this one
    with pytest.raises(QuizError, match="There is no deck"):
        await world.decks.preview(BOSS, "nope")
    with pytest.raises(NotAllowed):  # a shared deck is the operator's
        await world.decks.archive(BOSS, "shared-bank")


async def test_regenerating_keeps_ids_and_statistics_of_unchanged_questions(world):
    await world.decks.create_from_notes(BOSS, "k8s", K8S_NOTES.encode(), "k8s.md")
    await world.decks.publish(BOSS, "k8s")
    made, remade = generated(K8S_NOTES), generated(K8S_NOTES_EDITED)
    old, new = {q.id for q in made}, {q.id for q in remade}
    kept, gone, added = old & new, old - new, new - old
    same = {q.id for q in remade if q in made}  # generated again as it was, distractors too
    assert kept and gone and added  # the edit keeps, drops and adds questions
    assert {q.id for q in made if q.topic == "Jobs"} <= gone  # the section the edit removed
    # a round asks one question per fact; each answered, so each has statistics to keep
    out = await world.engine.start_round(CHANNEL, ANN, questions=50, deck="k8s", seconds=300)
    assert out.card.total == len({q.fact or q.id for q in made})
    async with world.repo.unit() as u:
        rqs = (
            await u.session.execute(
                select(RoundQuestion.id, RoundQuestion.question_id)
                .where(RoundQuestion.round_id == out.round_id)
                .order_by(RoundQuestion.ordinal)  # answered in the order they are asked
            )
        ).all()
    for rq_id, _ in rqs:
        await world.engine.answer(rq_id, ANN, 0)
        await world.engine.close_question(rq_id)
    before = await uid_rows(world.repo)
    answered_before = await answers_per_uid(world.repo)

    report = await world.decks.regenerate(BOSS, "k8s", K8S_NOTES_EDITED.encode(), "k8s.md")

    plan = report.plan
    assert (plan.added, plan.updated, plan.unchanged, len(plan.retired), plan.renamed) == (
        len(added),
        len(kept - same),  # generated again, changed: the same row, new content
        len(same),
        len(gone),
        0,
    )
    assert report.deck.status == "published" and report.deck.questions == len(new)
    after = await uid_rows(world.repo)
    for uid in kept:
        assert after[uid] == before[uid]  # same row, same status
    for uid in gone:
        assert after[uid] == (before[uid][0], "retired")  # kept for its answers, never asked
    assert {uid for uid in after if uid not in before} == added
    answers = await scalar(world.repo, select(func.count()).select_from(Answer))
    assert answers == len(rqs)  # nothing deleted: every answer still has its question
    assert await answers_per_uid(world.repo) == answered_before  # under the same rows
    assert await world.play(deck="k8s") == {"k8s"}
    async with world.repo.unit() as u:
        asked = set(
            (
                await u.session.execute(
                    select(Question.uid)
                    .join(RoundQuestion, RoundQuestion.question_id == Question.id)
                    .join(Round, Round.id == RoundQuestion.round_id)
                    .where(Round.id > out.round_id)
                )
            ).scalars()
        )
    assert asked == new  # the retired ones are never asked again
    again = await world.decks.regenerate(BOSS, "k8s", K8S_NOTES_EDITED.encode(), "k8s.md")
    assert (again.plan.added, again.plan.unchanged, again.plan.retired) == (0, len(new), [])


async def answers_per_uid(repo) -> dict[str, int]:
    async with repo.unit() as u:
        rows = await u.session.execute(
            select(Question.uid, func.count(Answer.id))
            .join(RoundQuestion, RoundQuestion.question_id == Question.id)
            .join(Answer, Answer.round_question_id == RoundQuestion.id)
            .group_by(Question.uid)
        )
        return dict(rows.all())


async def uid_rows(repo) -> dict[str, tuple[int, str]]:
    async with repo.unit() as u:
        rows = await u.session.execute(
            select(Question.uid, Question.id, Question.status)
            .join(Deck, Deck.id == Question.deck_id)
            .where(Deck.name == "k8s")
        )
        return {uid: (qid, status) for uid, qid, status in rows}


async def test_members_are_refused_and_nothing_is_made(world):
    for call in (
        world.decks.create_from_notes(ANN, "k8s", K8S_NOTES.encode(), "k8s.md"),
        world.decks.preview(ANN, "shared-bank"),
        world.decks.set_default(ANN, "shared-bank"),
        world.decks.export(ANN, "shared-bank", "yaml"),
    ):
        with pytest.raises(NotAllowed, match="Only admins"):
            await call
    assert await scalar(world.repo, select(func.count()).select_from(Deck)) == 1
    assert await scalar(world.repo, select(func.count()).select_from(AdminAction)) == 0


async def test_files_that_cannot_be_read_make_nothing(world):
    latin = "# Café\n\n- **crème**: brûlée\n".encode("latin-1")
    with pytest.raises(ImportRejected) as err:
        await world.decks.create_from_notes(BOSS, "k8s", latin, "latin.md")
    assert "latin.md is not UTF-8 text (byte 6 is not valid UTF-8)" in str(err.value)
    assert err.value.problems[0].line == 1
    with pytest.raises(QuizError, match="notes files may have at most 2,000,000 bytes"):
        await world.decks.create_from_notes(BOSS, "k8s", b"#" * 2_000_001, "big.md")
    with pytest.raises(QuizError, match=r"No question could be made from empty\.md"):
        await world.decks.create_from_notes(BOSS, "k8s", b"# Nothing here\n", "empty.md")
    with pytest.raises(QuizError, match="not a Markdown file"):
        await world.decks.create_from_notes(BOSS, "k8s", K8S_NOTES.encode(), "k8s.pdf")
    assert await scalar(world.repo, select(func.count()).select_from(Deck)) == 1


async def test_limits_per_team(world):
    k8s, pg = len(generated(K8S_NOTES)), len(generated(PG_NOTES, "pg.md"))
    assert 0 < pg < k8s  # one deck fits under the limit, the other not
    world.decks.limits = DeckLimits(max_decks=1, max_questions=k8s - 1)
    too_many = rf"k8s\.md gives {k8s} questions; a deck holds at most {k8s - 1}"
    with pytest.raises(QuizError, match=too_many):
        await world.decks.create_from_notes(BOSS, "k8s", K8S_NOTES.encode(), "k8s.md")
    await world.decks.create_from_notes(BOSS, "pg", PG_NOTES.encode(), "pg.md")
    with pytest.raises(QuizError, match="already has 1 decks"):
        await world.decks.create_from_notes(BOSS, "pg2", PG_NOTES.encode(), "pg.md")
    await world.decks.archive(BOSS, "pg")  # an archived deck makes room
    await world.decks.create_from_notes(BOSS, "pg2", PG_NOTES.encode(), "pg.md")
    with pytest.raises(QuizError, match="already has 1 decks"):
        await world.decks.publish(BOSS, "pg")  # and takes it back when published again
    await world.decks.create_from_notes(OTHER_BOSS, "pg", PG_NOTES.encode(), "pg.md")  # its own
    with pytest.raises(QuizError, match="'pg2' is already a draft deck"):
        await world.decks.create_from_notes(BOSS, "pg2", PG_NOTES.encode(), "pg.md")


async def test_archive_hides_a_deck_and_the_default_deck_is_played(world):
    await world.decks.create_from_notes(BOSS, "k8s", K8S_NOTES.encode(), "k8s.md")
    await world.decks.create_from_notes(BOSS, "pg", PG_NOTES.encode(), "pg.md")
    for name in ("k8s", "pg"):
        await world.decks.publish(BOSS, name)
    assert await world.play() == {"k8s", "pg"}
    await world.decks.set_default(BOSS, "shared-bank")
    assert await world.play() == {"shared-bank"}
    await world.decks.set_default(BOSS, "none")
    await world.decks.archive(BOSS, "pg")
    assert await world.play() == {"k8s"}
    listed, default = await world.decks.decks(TEAM)
    assert [d.name for d in listed] == ["k8s", "shared-bank"] and default is None
    made = generated(K8S_NOTES)
    panel = await world.decks.decks_panel(TEAM)
    listed_k8s = f"k8s · published · {len(made)} question(s) · team · from k8s.md"
    assert panel.lines[0].startswith(listed_k8s)
    with pytest.raises(QuizError, match="pg is archived"):
        await world.play(deck="pg")
    topics = await world.decks.topics_panel(TEAM, "k8s")
    assert topics.lines[0] == f"k8s (published, {len(made)} question(s))"
    rows = [f"    {t} · {n}" for t, n in per_topic(made).items()]
    assert sorted(topics.lines[1:]) == sorted(rows)


async def test_preview_shows_a_page_with_answers_and_source_lines(world):
    await world.decks.create_from_notes(BOSS, "k8s", K8S_NOTES.encode(), "k8s.md")
    made = generated(K8S_NOTES)
    assert len(made) > 3  # a second page
    panel = await world.decks.preview(BOSS, "k8s", page=2, per_page=3)
    assert panel.footer == f"Page 2/{-(-len(made) // 3)} · {len(made)} question(s) · draft"
    fourth = sorted(made, key=lambda q: q.topic)[3]  # by topic, then in the notes' order
    assert panel.lines[0].startswith(f"4. [{fourth.topic}] {fourth.prompt[:40]}")
    assert fourth.source is not None
    assert panel.lines[1].endswith(f"{fourth.answer_text[:40]} · k8s.md:{fourth.source.line}")
    assert all(":" in line for line in panel.lines[1::2])  # k8s.md:LINE on every answer line
    assert "k8s.md:" in panel.lines[1]


async def test_one_question_per_fact_in_a_round(world):
    questions = [
        dataclasses.replace(q, fact=f"fact-{i % 3}") for i, q in enumerate(sample_questions(9))
    ]
    questions = [dataclasses.replace(q, id=f"f-{q.id}") for q in questions]
    async with world.repo.unit() as u:
        await load_bank(u.session, Bank("facts", questions))
    for seed in range(3):
        world.engine.rng = random.Random(seed)
        out = await world.engine.start_round(CHANNEL, ANN, questions=9, deck="facts")
        await world.engine.stop_round(CHANNEL, ANN)
        async with world.repo.unit() as u:
            facts = (
                await u.session.scalars(
                    select(Question.fact)
                    .join(RoundQuestion, RoundQuestion.question_id == Question.id)
                    .where(RoundQuestion.round_id == out.round_id)
                )
            ).all()
        assert sorted(facts) == ["fact-0", "fact-1", "fact-2"]
        assert out.message == "Only 3 question(s) available, so this round is shorter."


async def test_export_carries_each_question_and_its_fact(world):
    questions = [
        dataclasses.replace(q, id=f"x-{q.id}", fact="one-fact" if i < 2 else None)
        for i, q in enumerate(sample_questions(3))
    ]
    async with world.repo.unit() as u:
        await load_bank(u.session, Bank("with-facts", questions))
    export = await world.decks.export(BOSS, "with-facts", "yaml")
    assert (export.count, export.filename) == (3, "with-facts.yaml")
    back = import_text(export.text, "yaml").questions
    assert {q.id: q.fact for q in back} == {q.id: q.fact for q in questions}
    assert {q.fact for q in back} == {"one-fact", None}


async def test_a_deck_from_a_bank_file_and_the_custom_deck(world):
    text = "bank: mine\nquestions:\n" + "".join(
        f"  - {{id: b{i}, topic: T, prompt: 'P{i}?', choices: [x, y], answer: 0}}\n"
        for i in range(3)
    )
    report = await world.decks.create_from_bank(BOSS, "mine", text.encode(), "mine.yaml")
    assert (report.deck.source_kind, report.plan.added) == ("bank", 3)
    assert report.summary == "3 questions from mine.yaml\nBy topic:\n     3  T"
    from bot.core.curation.drafts import QuestionDraft
    from bot.core.curation.service import AdminService

    admin = AdminService(world.repo, FixedClock(), worker=generation_pool())
    added = await admin.add_question(BOSS, QuestionDraft("Own?", ("a", "b"), 0))
    names, _ = await world.decks.decks(TEAM)
    assert [d.name for d in names] == ["custom", "mine", "shared-bank"]
    assert added.deck_id == names[0].id
    assert await world.play() == {"custom"}  # the team's own questions, the only published
    with pytest.raises(QuizError, match="holds the questions admins add one by one"):
        await world.decks.regenerate(BOSS, "custom", K8S_NOTES.encode(), "k8s.md")


async def test_the_shipped_bank_loads_into_its_shared_deck(world):
    bank = Bank("shipped", [BankQuestion("s1", "T", "P?", ("a", "b"), 0)], source="notes.md")
    async with world.repo.unit() as u:
        result = await load_bank(u.session, bank)
    assert result.added == 1
    async with world.repo.unit() as u:
        deck = (await u.session.scalars(select(Deck).where(Deck.name == "shipped"))).one()
    assert (deck.team_id, deck.status, deck.source_kind, deck.source_name) == (
        None,
        "published",
        "bank",
        "notes.md",
    )


async def test_a_page_past_the_end_is_refused_by_its_number_and_the_count(world):
    """Asking for page 7 of a list with 3 pages says so, instead of an empty page (preview) or
    the last page under another number (decks, topics)."""
    await world.decks.create_from_notes(BOSS, "k8s", K8S_NOTES.encode(), "k8s.md")
    pages = -(-len(generated(K8S_NOTES)) // 3)
    with pytest.raises(QuizError, match=rf"^Page {pages + 4} of {pages} does not exist"):
        await world.decks.preview(BOSS, "k8s", page=pages + 4, per_page=3)
    last = await world.decks.preview(BOSS, "k8s", page=pages, per_page=3)
    assert last.footer.startswith(f"Page {pages}/{pages} ")
    with pytest.raises(QuizError, match=r"^Page 2 of 1 does not exist: the last page is 1\.$"):
        await world.decks.decks_panel(TEAM, 2)
    with pytest.raises(QuizError, match=r"^Page 9 of 1 does not exist"):
        await world.decks.topics_panel(TEAM, "k8s", 9)
    assert (await world.decks.topics_panel(TEAM, "k8s", 1)).footer.startswith("Page 1/1 ")
