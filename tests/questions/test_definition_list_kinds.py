"""Unseen notes review (issue #13), GCP notes: a definition list under "Role types:" (Basic /
Predefined / Custom) asked only Custom, beside "Databases" and "Spanner" from other sections.
"Basic (primitive): Owner / Editor / Viewer. …" was read as a run of names with nothing to
ask and dropped; "Predefined: curated by Google …, e.g. `roles/…`" as a label over a list of
names; and the one-word names were judged one a feature, one a product, though the list says
what kind they all are."""

from __future__ import annotations

from questions.facts.definitions import list_label
from questions.facts.extract import extract
from questions.generate import generate_document
from questions.parse import parse_document

NOTES = """# Git hosting admin notes

## Access levels

Access levels:

Basic (legacy)
: Read / Write / Admin. repo-wide, far too broad. Admin can also manage billing.

Predefined
: curated per team by the platform group, e.g. `team:infra-ro`, `team:infra-rw`. Kept up to date for us.

Custom
: my own list of scopes. org level only (NOT per repo). max 50 per org.

## Tokens

- fine-grained tokens expire after 90 days by default
- a custom scope list can be exported as YAML
"""

LEVELS = ("Basic (legacy)", "Predefined", "Custom")


def test_a_line_that_says_what_it_is_before_its_examples_is_no_label() -> None:
    code = ("team:infra-ro", "team:infra-rw")
    said = "curated per team by the platform group, e.g. team:infra-ro, team:infra-rw"
    assert not list_label("Predefined", said, code)
    # a label over names stays one
    assert list_label("Sources", "local path, Terraform Registry, GitHub, S3", ())


def test_every_member_of_the_list_is_a_definition() -> None:
    facts = extract(parse_document(NOTES, "t.md"))
    defined = {f.subject for f in facts if f.kind == "definition"}
    assert set(LEVELS) <= defined, defined


def test_each_level_is_asked_among_the_others() -> None:
    kept = [q for _, q in generate_document("t.md", NOTES).chosen]
    asked = [q for q in kept if q.choices[q.answer] in LEVELS]
    assert len(asked) == 3, [q.prompt for q in kept]
    for q in asked:
        assert set(q.choices) == set(LEVELS), q.choices
