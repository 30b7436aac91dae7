"""Unseen notes review (issue #13): under a bold label ("**Redundancy**"), nested lines that
each define a marked term of their own ("**GRS**: LRS in primary + …") were asked as the
label's properties: "Which of these has this property: “GRS: …”?" -> Redundancy, beside the
section's other list items ("account name", "services"). Such lines are their terms'
definitions; the label is only their group."""

from __future__ import annotations

from questions.facts.extract import extract
from questions.parse.markdown import parse_document

NOTES = """# Kafka notes

## Producers

- batch size: bytes per partition batch before a send
- linger: how long to wait for a batch to fill
- **Acks**
  - **acks=0**: fire and forget, no broker answer awaited
  - **acks=1**: the leader alone wrote the record
  - **acks=all**: every in-sync replica wrote the record, the safest
  - raise delivery.timeout.ms with acks=all
- **Retries**
  - a retried send may land twice without idempotence
  - retry.backoff.ms waits between tries
"""


def _labelled() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for f in extract(parse_document(NOTES, "x.md")):
        if "label" in f.extra:
            out.setdefault(f.subject, []).append(f.value)
    return out


def test_lines_defining_their_own_terms_are_no_properties_of_their_label() -> None:
    labelled = _labelled()
    assert "Acks" not in labelled, labelled
    assert "Retries" in labelled  # a label over plain lines still groups its properties
