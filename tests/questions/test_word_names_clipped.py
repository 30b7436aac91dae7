"""Unseen notes review (issue #13), OAuth notes: "which of these is described here: “subject,
stable unique user id …”?" → `sub`. A name that is "subject" clipped gives itself away even
though "sub" is also an English word; only names that are no word were read as clips."""

from __future__ import annotations

from questions.cues import abbreviation_of
from questions.generate import generate_document


def test_a_lower_case_word_name_clips_the_word_it_shortens() -> None:
    assert abbreviation_of("cap", "capacity of the backing array, grows by doubling") == "capacity"
    assert abbreviation_of("sub", "subject, a stable user id") == "subject"
    # a word name clips only the word its description opens with: `cat` prints a file, and
    # "lists the catalog" says nothing of it
    assert abbreviation_of("cat", "lists the catalog") is None
    assert abbreviation_of("cap", "the most elements the array holds before it grows") is None


NOTES = """# Go notes

## Slices

- `len` – length, the elements you can index right now
- `cap` – capacity of the backing array; append past it allocates a new one
- `off` – offset of the first element in the backing array (a made-up field, for contrast)
- `nil` – the zero value of a slice, len and cap both 0
"""


def test_no_question_quotes_the_word_its_key_clips() -> None:
    for _, q in generate_document("t.md", NOTES).chosen:
        key = q.choices[q.answer]
        assert not (key == "cap" and "capacity" in q.prompt), q.prompt
