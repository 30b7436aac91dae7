"""Unseen notes review (issue #13), Azure notes: "Which of these is described here: “name/value
pairs, NOT inherited from the RG by default (use Policy)”?" offered Azure Policy, which the
stem itself names as what to use instead. What a line sends the reader to ("(use X)", "use X
instead", "改用 X") is ruled out as its answer."""

from __future__ import annotations

from questions.distractors import ruled_out


def test_what_the_stem_redirects_to_is_ruled_out() -> None:
    assert ruled_out("Azure Policy", "name/value pairs, not inherited by default (use Policy)")
    assert ruled_out("Kafka", "吞吐量上不去，改用 Kafka")
    assert ruled_out("Redis cache", "keeps sessions in memory; use Redis instead when scaled out")
    assert not ruled_out("Redis cache", "keeps sessions in Redis when scaled out")
