"""Unseen notes review (issue #13), SQL notes: the boxed items of "## Practise" ("- [ ] median
with `percentile_cont(0.5)` …", "- [ ] sessionization with LAG + SUM(CASE …) OVER") were asked
as clozes: "Practise — median with ___". A boxed item under a heading over exercises is a task
to do: noise, reported as a TODO."""

from __future__ import annotations

from questions.generate import generate_from_texts
from questions.parse.markdown import parse_document

NOTES = """# Go notes

## Channels

- **unbuffered**: a send waits until a receiver takes the value
- **buffered**: a send waits only when the buffer is full
- **nil channel**: blocks forever on send and on receive
- **closed channel**: receives return the zero value at once, a send panics

## Exercises

- [x] fan-in with `select` over two channels
- [ ] worker pool with `sync.WaitGroup` and a buffered channel of 10 jobs
- [ ] rate limiting with `time.Ticker`

## Checklist before the interview

- [x] `context.WithTimeout` cancels the work after the deadline
"""


def test_boxed_exercises_are_noise() -> None:
    doc = parse_document(NOTES, "x.md")
    skipped = {n.text for n in doc.noise if n.reason == "TODO"}
    assert any("worker pool" in t for t in skipped), doc.noise
    assert any("rate limiting" in t for t in skipped), doc.noise


def test_no_question_comes_from_an_exercise() -> None:
    bank, _ = generate_from_texts([("x.md", NOTES)], "b")
    assert bank.questions
    for q in bank.questions:
        assert q.topic != "Exercises", q.prompt
        assert "WaitGroup" not in q.prompt and "Ticker" not in q.prompt, q.prompt


def test_the_writers_own_changes_are_a_study_log() -> None:
    """Python packaging notes: "## what changed in my setup" ("src/ layout: tests were importing
    the local folder …") was asked "Which description fits src/ layout?": the writer's log."""
    from questions.parse.noise import heading_noise

    assert heading_noise("what changed in my setup") == "study log"
    assert heading_noise("What we changed in our CI") == "study log"
    assert heading_noise("My setup") == "study log"
    assert heading_noise("What changed in Python 3.12") is None  # a release's changes: content


CHECKLIST = """# AZ-900

## Storage

- LRS keeps 3 copies in one datacenter
- ZRS keeps 3 copies across 3 availability zones

## Exam checklist

- [x] Storage redundancy table (LRS/ZRS/GRS/GZRS)
- [ ] Free practice assessment (target 85%+)
- [ ] Book exam slot + check ID / webcam for online proctoring
- [x] `az storage account create` takes `--sku Standard_ZRS` for zone redundancy
"""


def test_a_checklists_plain_items_are_tasks() -> None:
    """AZ-900 notes: "- [ ] Free practice assessment (target 85%+)" under "## Exam checklist"
    was asked "Exam checklist — Free practice assessment (target ___+)"."""
    doc = parse_document(CHECKLIST, "c.md")
    skipped = {n.text for n in doc.noise if n.reason == "TODO"}
    assert any("practice assessment" in t for t in skipped), doc.noise
    assert any("Book exam slot" in t for t in skipped), doc.noise
    assert not any("--sku" in t for t in skipped), skipped  # names a command: a fact to check
    bank, _ = generate_from_texts([("c.md", CHECKLIST)], "c")
    assert not any("85%" in q.prompt or "85%" in q.choices for q in bank.questions)
