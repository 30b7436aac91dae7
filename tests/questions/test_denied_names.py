"""Names the notes say are not of a kind ("Priority and Delayed are NOT queue modes") are the
misconception the writer guards against: the wrong options of a question on that kind. The
two modes alone made "which is the default?" a coin toss (a review marked RollingUpdate /
Recreate so); with the denied names it has four options, each wrong by the notes. A line
that denies a member a role ("Strict is not the default queue mode") names no such thing."""

from __future__ import annotations

from questions.facts.extract import extract
from questions.generate import generate_document
from questions.parse.markdown import parse_document

NOTES = """# Broker notes

## Queue modes

two queue modes, set per queue:

- **Standard** (the default): at-least-once delivery, best-effort order
- **Strict**: exactly-once delivery, strict order, lower throughput

Priority and Delayed are NOT queue modes. they are message attributes set on each message.

The Strict mode is not the default queue mode.

## Retention

- messages are kept for 4 days by default
"""


def _options(prompt_part: str) -> list[str]:
    chosen = [q for _, q in generate_document("t.md", NOTES).chosen]
    (q,) = [q for q in chosen if prompt_part in q.prompt]
    return list(q.choices)


def test_the_default_member_meets_the_denied_names() -> None:
    options = _options("queue mode is the default")
    assert sorted(options) == ["Delayed", "Priority", "Standard", "Strict"]


def test_only_names_denied_the_kind_are_kept_on_the_facts() -> None:
    facts = extract(parse_document(NOTES, "t.md"))
    denied = {f.subject: f.denied for f in facts if f.kind == "definition"}
    assert denied["Standard"] == ("Priority", "Delayed")
    assert all("Strict mode" not in d for d in denied.values())


def test_a_kind_denied_with_more_words_is_another_kind() -> None:
    notes = NOTES.replace(
        "Priority and Delayed are NOT queue modes", "Priority is not a fast queue mode"
    )
    facts = extract(parse_document(notes, "t.md"))
    assert all(not f.denied for f in facts)
