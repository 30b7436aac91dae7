"""The one cell of a column of measured values that gives words instead ("stable state" under
Duration beside "15 s" and "up to 20 s") remarks on its row: "Which state has the duration
“stable state”?" read the key off its meaning, and another lasting state fits too (a review).
Its row is still asked by its other cells."""

from __future__ import annotations

from questions.generate import generate_document
from questions.generators.tables import _wordy_among_numbers

NOTES = """# Switching notes

## Spanning tree port states

| State | Forwards data? | Learns MACs? | Duration |
|------------|-----|-----|-----------------------------|
| Blocking   | No  | No  | up to 20 s (Max Age)        |
| Listening  | No  | No  | 15 s (Forward Delay)        |
| Learning   | No  | Yes | 15 s (Forward Delay)        |
| Forwarding | Yes | Yes | stable state                |
"""


def test_a_wordy_cell_among_numbers_is_a_remark() -> None:
    assert _wordy_among_numbers("forever", ["48 h", "30 days", "12 weeks", "forever"])
    assert not _wordy_among_numbers("30 days", ["48 h", "30 days", "12 weeks", "forever"])
    assert not _wordy_among_numbers("on", ["on", "off", "on"])


def test_no_question_keys_a_row_by_its_wordy_cell() -> None:
    chosen = [q for _, q in generate_document("t.md", NOTES).chosen if q.choices]
    assert chosen
    assert all("“stable state”" not in q.prompt for q in chosen), [q.prompt for q in chosen]
