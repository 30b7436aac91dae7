"""A status code whose class the notes write only twice beside it gets a well-known code of
that class as a fourth option (202 beside 200, 201 and 204), not three options; a code of
another class, which the description's "success" rules out, is never the filler (review of
HTTP notes, session 27)."""

from __future__ import annotations

from questions.distractors import spread_keys


def test_a_well_known_code_of_the_class_fills_the_fourth_option() -> None:
    wrong = spread_keys("201", ["200", "204", "301", "404", "500"], "seed")
    assert wrong is not None and len(wrong) == 3, wrong
    assert all(w.startswith("2") for w in wrong), wrong
    assert {"200", "204"} <= set(wrong), wrong  # the notes' own codes come first


def test_the_notes_codes_alone_when_they_are_three() -> None:
    wrong = spread_keys("403", ["400", "401", "404", "500"], "seed")
    assert wrong is not None and set(wrong) <= {"400", "401", "404"}, wrong
