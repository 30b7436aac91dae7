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


def test_a_next_step_left_alone_is_not_asked() -> None:
    """Java notes: "`DiscardOldestPolicy`：丢掉队列里最老的任务，再重新提交当前任务" lost its first
    clause (最老 names Oldest) and was asked "以下描述的是哪一项？“再重新提交当前任务”"."""
    assert without("丢掉队列里最老的任务，再重新提交当前任务", ["最老"]) is None
    assert without("closes the old socket, then opens a fresh one", ["old socket"]) is None
    # a clause tied by "这时候" still says enough alone
    assert (
        without("允许带 cookie，这时候 Allow-Origin 不能是 *", ["cookie"])
        == "Allow-Origin 不能是 *"
    )
