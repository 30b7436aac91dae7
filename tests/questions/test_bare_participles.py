"""Unseen notes review (issue #13), SQL notes: "Partition: the subset of rows the window
function sees, defined by PARTITION BY" names its term in its "by …" phrase; cut away, the stem
read "…, defined”?", a participle with nothing after it. The clause it leaves alone goes too."""

from __future__ import annotations

from questions.cues import cleared, without


def test_a_participle_left_alone_goes_with_its_phrase() -> None:
    desc = "the subset of rows the window function sees, defined by PARTITION BY. No PARTITION BY = the whole set."
    assert without(desc, ["PARTITION"]) == "the subset of rows the window function sees"
    cut = cleared(desc, "Partition", ["Frame", "Peers", "Selectivity"])
    assert cut == "the subset of rows the window function sees", cut


def test_a_participle_with_more_after_it_stays() -> None:
    desc = "the subset of rows the window function sees, defined in the OVER clause by PARTITION BY"
    cut = without(desc, ["PARTITION"])
    assert cut is not None and cut.endswith("defined in the OVER clause"), cut
