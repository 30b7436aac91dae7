"""Unseen notes review (issue #13), Terraform notes: "Which of these is described here:
“computed value inside module …”?" offered `variable`, `local` and `locals`. The notes name
the block `locals` and its reference `local.`: one word, singular and plural, which a reader
takes for one option, so three options were two."""

from __future__ import annotations

from questions.distractors import acceptable
from questions.generate import generate_document

NOTES = """# Ansible notes

## Plays

- **task** = one call of a module, runs top to bottom on every host
- **handler** = a task that runs once at the end, only when notified
- **role** = a folder of tasks, files and templates you reuse across plays
- `handlers` (the folder of a role) vs `notify:` (the key on a task)
- **tag** = a label to run or skip part of a play with --tags
"""


def test_singular_and_plural_of_one_word_are_one_option() -> None:
    assert not acceptable("locals", "local", [], sibling=True)
    assert not acceptable("handlers", "role", ["handler"], sibling=True)
    assert not acceptable("Indexes", "Index", [])
    # two words that only start alike stay two options
    assert acceptable("role", "rule", [], sibling=True)
    assert acceptable("tags", "task", [], sibling=True)


def test_no_question_offers_a_word_and_its_plural() -> None:
    kept = [q for _, q in generate_document("t.md", NOTES).chosen]
    assert kept
    for q in kept:
        bare = {c.strip("`") for c in q.choices}
        for c in bare:
            assert c + "s" not in bare, q.choices
