"""Unseen notes review (issue #13), Azure notes: "Consumption plan: pay per execution, scales
to zero, timeout default 5 min / max 10 min" was asked "What is the default value of
Consumption plan?", which never says the value is a timeout. The noun right before "default"
names what the default is of."""

from __future__ import annotations

from questions.facts.extract import extract
from questions.generate import generate_from_texts
from questions.parse.markdown import parse_document

NOTES = """# Cloud Run notes

## Services

- **Cloud Run service**: stateless containers behind HTTPS, concurrency default 80 / max 1000
- **Cloud Run job**: runs to completion, task timeout default 10 min, up to 168 h
- **Cloud Functions**: one function per deploy, memory default 256 MiB
"""


def _defaults() -> dict[str, str]:
    facts = extract(parse_document(NOTES, "x.md"))
    return {f.span: f.subject for f in facts if f.kind == "number" and f.attribute == "default"}


def test_a_default_is_said_of_the_noun_before_it() -> None:
    found = _defaults()
    assert found.get("80") == "Cloud Run service concurrency", found
    assert found.get("10 min") == "Cloud Run job timeout", found
    assert found.get("256 MiB") == "Cloud Functions memory", found


def test_the_question_names_what_the_default_is_of() -> None:
    bank, _ = generate_from_texts([("x.md", NOTES)], "b")
    asked = [q.prompt for q in bank.questions if "default value of" in q.prompt]
    assert asked, [q.prompt for q in bank.questions]
    for p in asked:
        assert p.rstrip("?").endswith(("concurrency", "timeout", "memory")), p
