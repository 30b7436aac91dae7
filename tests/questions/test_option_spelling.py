"""Options are names as a reader writes them: a shouted heading name in plain case ("AWS
INSPECTOR" -> "AWS Inspector"), and never the label of a nested list ("appendfsync options:")
beside the commands of its list."""

from __future__ import annotations

from pathlib import Path

from questions.facts.definitions import unshout
from questions.generate import generate_document

SECURITY = """# Cloud security services

## AWS SHIELD

a managed service that protects applications against DDoS attacks

## AWS INSPECTOR

an automated service that scans workloads for software vulnerabilities

## Amazon GuardDuty

a threat detection service that watches account activity for malicious behaviour

## Amazon Macie

a data privacy service that finds sensitive data stored in S3 buckets
"""

JOURNAL = """# Queue server notes

## 2. Durability

Snapshots:
- point-in-time copy, written by a background thread (`SNAPSHOT`)
- cheap to restore, but the last minutes of messages may be lost

Journal:
- records every enqueue; replayed at boot
- journal sync options:
    - strict: sync after every message — safest, slowest
    - batched: sync once per batch — default
- Since 4.0 the journal is segmented: head segment + tail segments + index
- `COMPACTJOURNAL` shrinks the journal
"""


def test_a_shouted_heading_name_is_offered_in_plain_case() -> None:
    r = generate_document("t.md", SECURITY)
    options = {o for c in r.candidates if c.generator == "definition" for o in c.options}
    assert {"AWS Inspector", "AWS Shield"} <= options, options
    assert not {"AWS INSPECTOR", "AWS SHIELD"} & options, options


def test_a_heading_of_keywords_or_acronyms_keeps_its_case() -> None:
    assert unshout("EXPLAIN ANALYZE") == "EXPLAIN ANALYZE"  # a keyword, not a shout
    assert unshout("SQS FIFO") == "SQS FIFO"
    assert unshout("AWS INSPECTOR") == "AWS Inspector"


def test_the_label_of_a_nested_list_is_no_option_beside_a_command() -> None:
    r = generate_document("t.md", JOURNAL)
    for c in r.candidates:
        assert "journal sync options" not in c.options, (c.prompt, c.options)
        assert not c.prompt.startswith("True or false: journal sync options"), c.prompt


def test_a_marked_term_is_offered_beside_marked_terms_not_an_unmarked_label() -> None:
    """**requests** and **limits** lead a list that also holds "CPU unit: `1` = 1 vCPU": the
    plain label is of another shape and unmarked, so no option beside them; `LimitRange` and
    `ResourceQuota`, marked as code in the section, are."""
    path = Path(__file__).parent / "notes" / "kubernetes-ckad.md"
    r = generate_document(path, path.read_text(encoding="utf-8"))
    asked = [c for c in r.candidates if c.options[c.answer] in ("requests", "limits")
             and c.style == "reverse"]  # fmt: skip
    assert asked, [(c.prompt, c.options) for c in r.candidates]
    for c in asked:
        assert "CPU unit" not in c.options, c.options
        assert len(c.options) >= 3, c.options
