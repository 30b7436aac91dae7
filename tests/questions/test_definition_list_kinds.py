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


KINDS = """# Safety notes

## Hazard controls

Control types (what each does)
:   Elimination — removes the hazard entirely: redesign, substitution of the process.
:   Engineering — isolates people from it: guards, ventilation, interlocks.
:   Administrative — changes the way people work: rotas, training, signage.
:   PPE — protects the wearer only: gloves, respirators, harnesses.

Others to know
:   Permit to work (written authority for high-risk jobs, signed by the area owner).

Lockout
:   isolating energy sources before maintenance; each worker applies a personal lock.

Tagout
:   a warning tag on the isolation point, never a substitute for a lock.
"""


def test_a_term_naming_a_kind_is_the_lead_of_its_entries_not_their_term() -> None:
    """ "Control types (what each does)" over ":   Elimination — removes …": each definition
    names a control type; the heading term is no answer ("Which of these is described here:
    'removes the hazard entirely' → Control types" was a label's question)."""
    doc = parse_document(KINDS, "safety.md")
    items = {b.text: b for b in doc.blocks if b.kind == "item"}
    entry = items[
        "Elimination — removes the hazard entirely: redesign, substitution of the process."
    ]
    assert entry.parent is not None and entry.parent.text == "Control types (what each does)"
    assert any(t.startswith("Permit to work") for t in items)  # "Others": a heap, no term
    assert (
        "Lockout: isolating energy sources before maintenance; each worker applies a personal lock."
        in items
    )
    result = generate_document("safety.md", KINDS)
    for _, q in result.chosen:
        assert not {"Control types (what each does)", "Others to know"} & set(q.choices), q.prompt
    keys = {q.choices[q.answer] for _, q in result.chosen if q.choices}
    assert keys & {"Elimination", "Engineering", "Administrative", "PPE"}
