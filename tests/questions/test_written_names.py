"""Unseen notes review (issue #13), Python packaging notes: "`--only-binary :all:` = never build
from source; `--no-binary :all:` = always." offered the flags as "--only-binary :all" (a colon
of the code span stripped as a label's), and "Sections we use:" made the stem "Which sections
we use is described here". A code span is a term as written, and what the writer does with a
kind is no part of its name."""

from __future__ import annotations

from questions.facts.extract import extract
from questions.generate import generate_from_texts
from questions.parse.markdown import parse_document

NOTES = """# Docker notes

## Restart policies

- `--restart=no` = never restart; `--restart=on-failure:5` = restart after a non-zero exit, 5 tries at most; `--restart=always` = restart whatever happened.

## pip

- `--no-binary :all:` = build every package from source; `--prefer-binary` = take an older wheel over a newer sdist.

## Compose files

Keys we use:

- `services`: the containers to run and how
- `volumes`: named volumes shared between services
- `networks`: the networks the services join
"""


def test_a_code_span_keeps_its_last_colon() -> None:
    defined = {f.subject for f in extract(parse_document(NOTES, "x.md")) if f.kind == "definition"}
    assert "--restart=on-failure:5" in defined, defined
    assert "--no-binary :all:" in defined, defined


def test_a_lead_in_names_its_kind_without_the_writer() -> None:
    bank, _ = generate_from_texts([("x.md", NOTES)], "b")
    asked = [q.prompt for q in bank.questions if "services" in q.choices]
    assert asked, [q.prompt for q in bank.questions]
    for p in asked:
        assert "we use" not in p, p
