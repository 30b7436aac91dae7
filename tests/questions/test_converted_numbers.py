"""A stem that writes the key in another unit gives it away (reviews of OS and Python notes,
session 27): "命中率 ___ EAT = 0.8 × …" keyed 80 %, "___ (slow_callback_duration = 0.1)"
keyed 100 ms. Not when a wrong option converts to a number of the stem too."""

from __future__ import annotations

from questions.cues import clue


def test_a_key_restated_in_another_unit_is_a_clue() -> None:
    stem = "填空：命中率 ___ 时 EAT = 0.8 × (20+100) + 0.2 × (20+100+100) = 140ns"
    assert clue(stem, "80%", ["60%", "75%", "100%"]) == "0.8"
    stem = "Fill in the blank: the slow callback threshold is ___ (slow_callback_duration = 0.1)."
    assert clue(stem, "100 ms", ["60 ms", "75 ms", "150 ms"]) == "0.1"
    stem = "Fill in the blank: the lease lasts ___, that is 120 seconds of silence"
    assert clue(stem, "2 min", ["1 min", "5 min", "10 min"]) == "120"


def test_no_clue_when_a_wrong_option_converts_too_or_none_does() -> None:
    stem = "Fill in the blank: a sampler keeps ___ of traces, 0.5 of them sampled twice"
    assert clue(stem, "20%", ["10%", "50%", "75%"]) is None
    stem = "Fill in the blank: a sampler keeps ___ of traces by default"
    assert clue(stem, "20%", ["10%", "50%", "75%"]) is None
