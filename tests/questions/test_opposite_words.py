"""Unseen notes review (issue #13), Rust notes: "use Weak<T> (Rc::downgrade) e.g. for parent
pointers; ___ gives Option<Rc<T>>" -> upgrade(): the stem says "downgrade", and the one option
that undoes it is the key. A stem word that is the key's word with the opposite prefix
(downgrade / upgrade, disable / enable, unlock / lock) gives it away."""

from __future__ import annotations

from questions.cues import clue

WRONG = ["lock()", "clone()", "take()"]


def test_the_opposite_of_a_stem_word_gives_the_key_away() -> None:
    stem = "Fill in the blank: `Rc::downgrade` makes a Weak; ___ gives an Option back"
    assert clue(stem, "upgrade()", WRONG) == "downgrade"
    stem = "Fill in the blank: `systemctl disable` removes the boot link; ___ adds it back"
    wrong = ["systemctl mask", "systemctl reload", "systemctl restart"]
    assert clue(stem, "systemctl enable", wrong) == "disable"
    assert clue("Fill in the blank: call unlock() when done; ___ waits first", "lock()",
                ["wait()", "notify()", "join()"]) == "unlock"  # fmt: skip


def test_no_opposite_no_give_away() -> None:
    # "output" is no opposite of "upload": the roots differ
    assert clue("Fill in the blank: ___ sends the output file to the bucket", "upload()",
                WRONG) is None  # fmt: skip
