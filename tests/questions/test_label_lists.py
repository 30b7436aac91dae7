"""Blind review 20 of the shipped bank (issue #13): a line of one of two labelled lists
("standard type" / "FIFO type") was asked "Which AWS SQS type has this property: …?" between
the two labels, a coin toss whose stronger guarantee is plainly FIFO's. The other list's lines
are now the options of "Which description fits the AWS SQS type FIFO?"; the list's own other
lines, true of it too, and aspect lines ("caveat: …") never are.
Notes: tests/questions/notes/two-labelled-lists.md."""

from __future__ import annotations

from pathlib import Path

from questions.generate import generate_from_texts
from questions.generators.definitions import _aspect

NOTES = Path(__file__).parent / "notes" / "two-labelled-lists.md"
FAST = ("moves the branch pointer without a new commit", "keeps the history linear")
THREE = ("creates a merge commit with two parents", "needs a common ancestor of both branches")


def test_a_labelled_line_is_offered_among_the_other_labels_lines() -> None:
    bank, _ = generate_from_texts([("x.md", NOTES.read_text(encoding="utf-8"))], "b")
    fits = [q for q in bank.questions if q.kind == "choice" and "fits" in q.prompt]
    assert fits, [q.prompt for q in bank.questions]
    for q in fits:
        key = q.choices[q.answer]
        own, other = (FAST, THREE) if key in FAST else (THREE, FAST)
        assert key in own
        wrong = [c for c in q.choices if c != key]
        assert len(wrong) >= 2 and all(c in other for c in wrong), q.choices
        assert not any(c.startswith("caveat") for c in q.choices)


def test_an_aspect_line_is_no_description() -> None:
    assert _aspect("危害: 队列溢出时新连接被丢弃")
    assert _aspect("caveat: conflicts stop it halfway")
    assert not _aspect("exactly-once processing / non-duplicated")
    assert not _aspect("Standard: at-least-once")


def test_an_aspect_line_is_asked_without_its_label() -> None:
    bank, _ = generate_from_texts([("x.md", NOTES.read_text(encoding="utf-8"))], "b")
    prompts = [q.prompt for q in bank.questions]
    assert not [p for p in prompts if "caveat:" in p], prompts
