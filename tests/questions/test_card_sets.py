"""A flashcard set exported as plain text (Quizlet; Anki's "Notes in Plain Text"): a card a line,
term TAB definition, no heading (unseen review of session 37: 34 questions from 274 cards, two
short cards taken as a table's header over all the rest). questions/parse/card_sets.py reads
each card as an item of one glossary."""

from __future__ import annotations

from questions.generate import generate_document
from questions.parse.card_sets import card_set_as_markdown
from questions.parse.markdown import parse_document

CARDS = [
    ("Git", "distributed version control system that records snapshots of a project"),
    ("commit", "a snapshot of the staged changes, with author, message and parent ids"),
    ("branch", "a movable pointer to a commit; HEAD points at the current one"),
    ("rebase", "replays your commits on top of another base, rewriting their ids"),
    ("merge", "joins two histories with a merge commit that has two parents"),
    ("stash", "shelves uncommitted changes so the working tree is clean again"),
    ("Shows who last changed each line of a file", "git blame"),
    ("Which command lists remote repositories?", "git remote -v"),
    ("cherry-pick", "applies the change of one existing commit onto the current branch"),
    ("tag", "a fixed name for one commit, often a release like v1.2.0"),
    ("reflog", "the local log of where HEAD and branches pointed, kept 90 days by default"),
    ("fast-forward", "a merge that only moves the branch pointer, no merge commit"),
]
SET = "\n".join(f"{term}\t{definition}" for term, definition in CARDS) + "\n"


def test_each_card_is_a_glossary_item_and_lines_stay() -> None:
    lines = SET.split("\n")
    out, skipped = card_set_as_markdown(lines)
    assert len(out) == len(lines) and not skipped
    assert (
        out[1]
        == "- **commit**: a snapshot of the staged changes, with author, message and parent ids"
    )
    # a sentence on the front over a short name on the back: the name is the term
    assert out[6] == "- **git blame**: Shows who last changed each line of a file"
    assert out[7] == "- Q: Which command lists remote repositories? A: git remote -v"
    doc = parse_document(SET, "git.txt")
    assert not [b for b in doc.content if b.kind == "table"]


def test_the_cards_are_asked_as_terms() -> None:
    result = generate_document("git.txt", SET)
    asked = [q for _, q in result.chosen if q.choices]
    assert len(asked) >= 6, [q.prompt for q in asked]
    keys = {q.choices[q.answer] for q in asked}
    assert {"rebase", "merge", "stash", "commit"} & keys, keys
    for q in asked:
        assert "\t" not in q.prompt and "**" not in q.prompt


def test_a_definition_over_two_lines_and_anki_headers() -> None:
    text = "#separator:tab\n#html:false\n" + SET.replace(
        "merge\tjoins two histories", "merge\tjoins two\nhistories"
    )
    lines = text.split("\n")
    out, skipped = card_set_as_markdown(lines)
    assert [n for n, _, _ in skipped] == [1, 2]
    assert out[lines.index("histories with a merge commit that has two parents")] == (
        "  histories with a merge commit that has two parents"
    )


def test_notes_that_are_no_card_set_are_unchanged() -> None:
    table = "# Ports\n\n" + SET
    assert card_set_as_markdown(table.split("\n")) == (table.split("\n"), [])
    few = "\n".join(SET.split("\n")[:5]) + "\nSome prose line.\nAnother one.\n"
    assert card_set_as_markdown(few.split("\n")) == (few.split("\n"), [])
    sheet = "Name\tPort\tProto\n" + "\n".join(f"svc{n}\t{n}\tTCP" for n in range(20))
    assert card_set_as_markdown(sheet.split("\n")) == (sheet.split("\n"), [])
