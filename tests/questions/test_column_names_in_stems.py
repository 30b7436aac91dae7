"""Session 40's blind review marked every "Which method matches “who / use case: everyone,
built in”?" broken: the column's header glued to its cell reads as a label pasted into the
quote, and "What do the notes give for userpass under “who / use case”?" talks about the notes
instead of asking. A header that reads as no noun, verb or question names the column in front
of the question instead."""

from __future__ import annotations

from questions.generate import generate_document
from questions.stems import table_forward, table_reverse

NOTES = """# Vault auth

## Auth methods

| method | who / use case | notes |
|---|---|---|
| token | everyone, built in | can't disable |
| userpass | humans in small labs | users live in Vault |
| approle | machines and CI jobs | role_id + secret_id |
| kubernetes | pods in a cluster | service account JWT |
"""


def test_a_column_that_reads_as_no_noun_is_named_in_front() -> None:
    assert table_reverse("method", "who / use case", "everyone, built in", "en") == (
        "For “who / use case”, which method has “everyone, built in”?"
    )
    assert table_forward("userpass", "who / use case", "en") == (
        "For userpass, which of these is listed under “who / use case”?"
    )


def test_no_stem_glues_a_header_to_its_cell_or_speaks_of_the_notes() -> None:
    asked = [q.prompt for _, q in generate_document("vault.md", NOTES).chosen]
    assert any(p.startswith("For “who / use case”, which method has “") for p in asked), asked
    for prompt in asked:
        assert "matches “who" not in prompt and "the notes give" not in prompt, prompt
