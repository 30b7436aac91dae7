"""Unseen review 20 (Python asyncio flashcards, Redis 面试笔记, issue #13): a card's labels were
terms ("Q:" keyed beside `Task`; 答 / 面试官追问 / 补充 offered as options) and its question a
cloze ("Q: What does ___ actually do?"). A card now keeps only its answer
(questions/parse/flashcards.py). Notes: tests/questions/notes/flashcards-mixed.md."""

from __future__ import annotations

import re
from pathlib import Path

from questions.bank import Bank
from questions.facts.definitions import remark_label
from questions.facts.extract import extract
from questions.generate import generate_from_texts
from questions.parse.markdown import parse_document
from questions.subjects import label

NOTES = Path(__file__).parent / "notes" / "flashcards-mixed.md"
LABEL = re.compile(r"(?<![\w])(?:Q|A)\s*:|答：|面试官追问|追问：")


def _bank() -> Bank:
    bank, _ = generate_from_texts([("x.md", NOTES.read_text(encoding="utf-8"))], "b")
    return bank


def test_a_card_keeps_its_answer_and_drops_its_question() -> None:
    doc = parse_document(NOTES.read_text(encoding="utf-8"), "x.md")
    texts = [b.text for b in doc.content]
    assert "the send blocks forever; a receive on a nil channel blocks forever too." in texts
    assert any(t.startswith("buffered vs unbuffered channel: an unbuffered") for t in texts)
    assert not [t for t in texts if LABEL.search(t)], texts
    assert any(t.startswith("sync.WaitGroup waits for") for t in texts)  # an answer of its own
    assert any(t.startswith("同一个分区只追加写") for t in texts)
    assert any(t.startswith("消费端做幂等") for t in texts)  # the answer after an arrow
    questions = [n.text for n in doc.noise if n.reason == "question in the notes"]
    assert any("sync.WaitGroup" in q for q in questions)
    assert any("Kafka 怎么保证分区内有序" in q for q in questions)


def test_a_card_keeps_its_marked_terms_but_not_its_labels() -> None:
    doc = parse_document(NOTES.read_text(encoding="utf-8"), "x.md")
    card = next(b for b in doc.content if "the number of logical CPUs" in b.text)
    # a question that only names its topic says what the answer is of
    assert card.text.startswith("default GOMAXPROCS: the number of logical CPUs")
    assert card.inline.code == ("runtime.NumCPU()",)
    assert card.inline.strong == ()


def test_no_question_shows_or_offers_a_card_label() -> None:
    bank = _bank()
    assert len(bank.questions) >= 4
    for q in bank.questions:
        assert not LABEL.search(q.prompt), q.prompt
        for choice in q.choices:
            assert not LABEL.search(choice) and choice.strip(" :：") not in ("Q", "A", "答", "补充")


def test_lines_that_only_look_like_cards_are_kept() -> None:
    doc = parse_document(
        "## Results\n\nQ1 results: revenue up 4 %.\n\nQuick answer: use a mutex.\n", "x.md"
    )
    assert [b.text for b in doc.content] == [
        "Q1 results: revenue up 4 %.",
        "Quick answer: use a mutex.",
    ]


def test_interview_labels_are_no_terms() -> None:
    for word in ("补充", "追问", "面试官追问", "答"):
        assert remark_label(word), word


def test_a_heading_that_says_how_notes_are_kept_labels_no_stem() -> None:
    for heading, expected in (
        ("4. GOTCHAS (they love these)", ""),
        ("1. Flashcards", ""),
        ("Pitfalls", ""),
        ("易错点", ""),
        ("Kafka consumers", "Kafka consumers"),
    ):
        doc = parse_document(
            f"## {heading}\n\n- **offset reset** – where a new group starts\n", "x.md"
        )
        fact = next(f for f in extract(doc) if f.subject == "offset reset")
        assert label(fact) == expected, heading


def test_a_topic_with_numbers_stays_out_of_the_answer() -> None:
    doc = parse_document(
        "## PEPs\n\n**Q:** PEP 517 vs 518?\n**A:** 518 = the build-system table\n", "x.md"
    )
    assert [b.text for b in doc.content] == ["518 = the build-system table"]


def test_a_literal_value_is_no_term() -> None:
    text = "## gather\n\n- `False` (default): the first error propagates\n- `True`: errors come back in the result list, in order\n- `timeout`: seconds to wait before giving up\n"
    doc = parse_document(text, "x.md")
    subjects = {f.subject for f in extract(doc)}
    assert not subjects & {"True", "False"}, subjects
    assert "timeout" in subjects


def test_a_numbered_card_is_a_card() -> None:
    """Redis notes number their cards ("**Q2：RDB 做 BGSAVE 的时候还能写吗？**" over "A：能。…"):
    the question was a cloze ("填空：Q2：___ 做 BGSAVE 的时候还能写吗？")."""
    notes = (
        "# Redis\n\n## 面试题\n\n**Q2：RDB 做 BGSAVE 的时候还能写吗？**\n"
        "A：能。fork 出的子进程共享内存页，主进程写的时候触发 COW 复制那一页。\n\n"
        "**Question 3: Why 16384 slots?**\nA: heartbeat bitmaps stay at 2 KB with 16384 slots.\n"
    )
    doc = parse_document(notes, "q.md")
    questions = [n.text for n in doc.noise if n.reason == "question in the notes"]
    assert any("BGSAVE" in q for q in questions), doc.noise
    texts = [b.text for b in doc.content]
    assert any(t.startswith("fork 出的子进程") for t in texts), texts
    assert "heartbeat bitmaps stay at 2 KB with 16384 slots." in texts, texts
    assert not any(re.match(r"(?:Q|Question ?)\d", t) for t in texts), texts


NUMBERED = """# Kotlin interview prep

## Basics

Q1. Default visibility in Kotlin? What's `internal`?
A: `public` by default. `internal` = visible within the same **module** (Gradle module).

Q2) What does `lateinit` do?
A: It lets a non-null `var` be set after construction; reading it before throws an exception.

Q3. Inline classes are boxed when used as a nullable type.
"""


def test_a_numbered_card_keeps_its_answer_and_drops_its_question() -> None:
    doc = parse_document(NUMBERED, "x.md")
    texts = [b.text for b in doc.content]
    assert any(t.startswith("internal = visible within the same module") for t in texts), texts
    assert not any(t.startswith("It lets a non-null var") for t in texts)  # a bare reply
    assert not [t for t in texts if t.startswith(("Q1.", "Q2)", "A:"))], texts
    # a numbered line that asks nothing is a statement, not a card
    assert any(t.startswith("Q3. Inline classes") for t in texts), texts
    bank, _ = generate_from_texts([("x.md", NUMBERED)], "b")
    for q in bank.questions:
        assert "What's" not in q.prompt and "Q1" not in q.prompt, q.prompt


def test_a_heading_that_is_a_card_loses_its_label() -> None:
    """ "### Q: Fragment lifecycle" was pasted into stems as "Q: Fragment lifecycle — …"."""
    text = (
        "# Android\n\n### Q: Fragment lifecycle\n\n"
        "onAttach → onCreate → onCreateView → onViewCreated → onStart → onResume.\n\n"
        "Null out the view binding in `onDestroyView`, since the view dies before the fragment.\n\n"
        "### Q: Extension functions — how are they resolved?\n\n"
        "Statically, by the declared type of the receiver, not the runtime type.\n"
    )
    doc = parse_document(text, "x.md")
    headings = [s.heading for s in doc.sections if s.level]
    assert "Fragment lifecycle" in headings, headings
    assert "Extension functions — how are they resolved?" in headings, headings
    bank, _ = generate_from_texts([("x.md", text)], "b")
    assert not [q.prompt for q in bank.questions if "Q:" in q.prompt]


def test_a_card_whose_answer_points_at_the_list_leads_it_in() -> None:
    text = (
        "# Android\n\n### Q: Fragment lifecycle\n\nonAttach → onCreate → onStart.\n\n"
        "Q9. API levels that come up constantly\nA: (my cheat list, double check)\n"
        "- 23 (6.0) runtime permissions, Doze\n- 33 (13) notification permission\n"
    )
    doc = parse_document(text, "x.md")
    items = [b for b in doc.content if b.kind == "item" and "(6.0)" in b.text]
    assert items and items[0].lead is not None
    assert items[0].lead.text == "API levels that come up constantly:"
    # a card that answers leads nothing into what follows
    answered = text.replace("A: (my cheat list, double check)", "A: these ones, by heart.")
    doc = parse_document(answered, "x.md")
    items = [b for b in doc.content if b.kind == "item" and "(6.0)" in b.text]
    assert items and items[0].lead is None


def test_a_pasted_practice_questions_header_is_no_fact() -> None:
    """ "**Question 23 of 90** (Messer pop quiz 1.4)" was a cloze: "Question 23 of 90 (Messer
    pop quiz ___)" → 1.4."""
    text = (
        "# Sec+\n\n## Crypto\n\n- salting adds a random value per password before hashing\n"
        "- key stretching (PBKDF2, bcrypt) slows brute force\n\n"
        "**Question 23 of 90** (Messer pop quiz 1.4)\n\n"
        "Which of these protects a password database against rainbow tables?\n\n"
        "a) Hashing\nb) Salting\nc) Encoding\nd) Obfuscation\n\nCorrect answer: b\n"
    )
    doc = parse_document(text, "x.md")
    assert any(n.reason == "practice question" and "Question 23" in n.text for n in doc.noise)
    bank, _ = generate_from_texts([("x.md", text)], "b")
    assert not [q.prompt for q in bank.questions if "Question 23" in q.prompt or "90" in q.prompt]
