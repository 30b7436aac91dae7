"""Unseen notes review (issue #13), GCP notes: "Databases — see decision list below. Cloud SQL
max 64 TB; HA = regional (…); read replicas for reads; default 7 automated backups kept." was
asked "What is the default value of Databases?" → 7. A default said after clauses on other
things is no default of the line's first term."""

from __future__ import annotations

from questions.facts.extract import extract
from questions.generate import generate_document
from questions.parse import parse_document

NOTES = """# Messaging notes

## Queues

Queues — see the table below. SQS max message 256 KB; FIFO = 300 msg/s without batching; DLQ after N receives; default 4 days retention.

## Streams

- `retention_hours` — how long records stay, default 24 h
"""


def test_a_default_after_other_clauses_is_not_the_terms() -> None:
    facts = extract(parse_document(NOTES, "t.md"))
    retention = next(f for f in facts if f.kind == "number" and f.value == "4 days")
    assert retention.subject != "Queues", retention
    hours = next(f for f in facts if f.kind == "number" and f.value == "24 h")
    assert hours.subject == "retention_hours"  # a default said of its term still is its own


def test_no_stem_asks_the_default_of_the_label() -> None:
    for _, q in generate_document("t.md", NOTES).chosen:
        assert "default value of Queues" not in q.prompt, q.prompt
