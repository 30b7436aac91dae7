"""A mark inside an item's description ("**hides** what the image had there", "`docker rm`" in
a volume's line) is a word of that description, not another term of the list: it is never
offered beside the list's terms, and a name of two words ("bind mount") is not cut to a
program ("bind")."""

from __future__ import annotations

from questions.generate import generate_from_texts

NOTES = """# Storage notes

## Where app data lives

`volume`
: managed by the engine under `/var/lib/engine/volumes`. Survives `engine rm`. Starts empty.

`bind mount`
: any host path. **hides** whatever the image had at that path. Good for live reload.

`tmpfs`
: RAM only, gone when the container stops. Linux only.

## Stopping

- `engine stop` sends SIGTERM, waits **10** seconds, then sends SIGKILL
"""

TERMS = {"volume", "bind mount", "tmpfs"}


def test_marks_inside_descriptions_are_no_options() -> None:
    bank, _ = generate_from_texts([("storage.md", NOTES)], "storage")
    assert bank.questions
    for q in bank.questions:
        assert not {"hides", "bind", "engine"} & set(q.choices), (q.prompt, q.choices)
    keyed = [q for q in bank.questions if q.kind == "choice" and q.choices[q.answer] in TERMS]
    for q in keyed:
        assert set(q.choices) <= TERMS, (q.prompt, q.choices)
