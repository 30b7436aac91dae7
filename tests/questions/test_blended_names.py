"""A name blended of two words the stem writes ("change file owner" / CHOWN: "ch" of change,
"own" of owner) is read from the stem, so such a question is not kept (review of container
security notes, session 27). The notes are written for this test (Unix commands)."""

from __future__ import annotations

from questions.cues import clue
from questions.generate import generate_document

UNIX = """# Unix

## Process and file commands

| Command | What it does |
|---|---|
| `chown` | change file owner |
| `kill` | send a signal to a process |
| `nice` | start a program at a lower priority |
| `renice` | alter the priority of a running process |
| `umask` | set the default permission bits for new files |
"""


def test_a_blended_name_is_read_from_its_words() -> None:
    assert clue("Which command does “change file owner”?", "chown", ["kill", "nice"]) == "owner"
    assert clue("Which command does “change the root”?", "chroot", ["kill", "nice"]) == "root"
    # an English word, or a wrong option blended of the stem too, is no blend to read
    assert clue("Which word means “to change the form”?", "morph", ["shape", "alter"]) is None
    assert clue("Which one “changes owner or mode”?", "chown", ["chmod", "kill"]) is None


def test_such_a_question_is_not_kept() -> None:
    r = generate_document("u.md", UNIX)
    assert any(q.choices[q.answer] != "chown" for _, q in r.chosen), r.chosen
    for _, q in r.chosen:
        if q.choices[q.answer] == "chown":
            assert "owner" not in q.prompt, q.prompt
