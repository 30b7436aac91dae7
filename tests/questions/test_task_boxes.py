"""A task list's box is how the writer keeps a line: "- [ ] review: NotActions is NOT a deny"
is the fact after its label, and "- [ ] review dynamic rule syntax" is a to-do, skipped as one.
No stem or option ever shows a box."""

from __future__ import annotations

from questions.generate import generate_document
from questions.parse.markdown import parse_document

NOTES = """# Azure admin notes

## RBAC

- Built-in roles
  - **Owner** – everything, including assigning access to others
  - **Contributor** – everything except assigning access
  - **Reader** – view only, changes nothing
  - [ ] review: **User Access Administrator** – manages access only, no other changes
  - [x] check: custom roles list Actions, NotActions, DataActions and AssignableScopes
  - [ ] review dynamic group rule syntax before the exam
- [ ] read the whole RBAC docs page again
"""


def test_a_box_and_its_label_are_dropped_and_a_bare_to_do_is_noise() -> None:
    doc = parse_document(NOTES, "t.md")
    by_line = {b.line: b for b in doc.blocks}
    assert by_line[9].text.startswith("User Access Administrator – manages access only")
    assert by_line[9].noise is None
    assert by_line[10].text.startswith("custom roles list Actions")
    assert by_line[11].noise == "TODO" and by_line[12].noise == "TODO"


def test_no_question_shows_a_box() -> None:
    r = generate_document("t.md", NOTES)
    assert r.chosen, "nothing asked"
    for _, q in r.chosen:
        for text in (q.prompt, *q.choices):
            assert "[ ]" not in text and "[x]" not in text, (q.prompt, q.choices)
            assert not text.lower().startswith(("review", "check:")), (q.prompt, q.choices)
    keyed = {q.choices[q.answer] for _, q in r.chosen if q.kind == "choice"}
    assert "User Access Administrator" in keyed or any(
        "User Access Administrator" in q.choices for _, q in r.chosen
    ), keyed
