"""Blind review 20 of the shipped bank (issue #13): a line of one of two labelled lists
("standard type" / "FIFO type") was asked "Which AWS SQS type has this property: …?" between
the two labels, a coin toss whose stronger guarantee is plainly FIFO's. The other list's lines
are now the options of "Which description fits the AWS SQS type FIFO?"; the list's own other
lines, true of it too, and aspect lines ("caveat: …") never are.
Notes: tests/questions/notes/two-labelled-lists.md."""

from __future__ import annotations

from pathlib import Path

from questions.facts.extract import extract
from questions.generate import generate_document, generate_from_texts
from questions.generators.definitions import _aspect
from questions.parse.markdown import parse_document

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


GOTCHAS = """# Go notes

## Gotchas

- **closing a channel twice**
  - panics with "close of closed channel"
  - only the sender should close
- **loop variable capture**
  - before Go 1.22 every goroutine saw the last value
  - copy it first: `v := v`

## Channel kinds

- **unbuffered**
  - a send waits for a receiver
  - hands over one value at a time
- **buffered**
  - a send waits only when the buffer is full
- **nil channel**
  - blocks forever on send and receive
"""


def test_no_line_of_a_mistakes_section_is_asked_by_its_label() -> None:
    doc = parse_document(GOTCHAS, "x.md")
    labelled = {f.subject for f in extract(doc) if "label" in f.extra}
    assert not labelled & {"closing a channel twice", "loop variable capture"}
    assert {"unbuffered", "buffered"} <= labelled  # labels that name kinds still ask


def test_a_label_that_says_what_goes_wrong_is_no_label() -> None:
    text = (
        "## Pools\n\n- **gather doesnt cancel**\n  - leaked tasks run on\n"
        "- **TaskGroup**\n  - cancels the rest\n- **as_completed**\n  - yields in finish order\n"
    )
    labelled = {f.subject for f in extract(parse_document(text, "x.md")) if "label" in f.extra}
    assert "gather doesnt cancel" not in labelled
    assert {"TaskGroup", "as_completed"} <= labelled


def test_terms_defined_under_a_label_are_no_properties_of_it() -> None:
    """ "built-in roles to know" over "Owner = …", "Contributor = …": each line defines its own
    role, so none is asked as a property of the label ("Which of these has this property:
    “Contributor = everything EXCEPT assign access”?" -> built-in roles to know)."""
    notes = """# Azure

## Access

- RBAC
  - scope hierarchy: management group -> subscription -> resource group -> resource
    - assignments inherit downward
  - built-in roles to know
    - Owner = everything plus assigning access
    - Contributor = everything except assigning access
    - Reader = view only, no changes
    - User Access Administrator = manages access only
"""
    r = generate_document("t.md", notes)
    keys = [q.choices[q.answer] for _, q in r.chosen if q.kind == "choice"]
    assert "built-in roles to know" not in keys, [q.prompt for _, q in r.chosen]
    assert {"Owner", "Contributor", "Reader", "User Access Administrator"} & set(
        k for _, q in r.chosen for k in q.choices
    ), [q.prompt for _, q in r.chosen]
