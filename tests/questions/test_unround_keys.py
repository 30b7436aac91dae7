"""A bare count that is no round number (an MTU of 9001) is not offered beside only round
ones (5000, 6000, 7500), where its form alone tells it (review of AWS networking notes,
session 27); its wrong options keep its form (6001, 7001, 8001). Powers of two and counts
with a unit keep their usual options. The notes are written for this test."""

from __future__ import annotations

from questions.distractors import _alone_unround, _same_form
from questions.generate import generate_document

NET = """# Cluster network

## Frames

- jumbo frames: the overlay runs with an MTU of 9001 between the storage nodes
- the gossip port of the agents is 7946 and it must be open both ways
"""


def test_an_unround_key_gets_options_of_its_form() -> None:
    r = generate_document("n.md", NET)
    qs = [c for c in r.candidates if c.answer_text == "9001"]
    assert qs, [c.prompt for c in r.candidates]
    for c in qs:
        wrong = [o for o in c.options if o != "9001"]
        assert not all(int(o) % 10 == 0 for o in wrong), c.options


def test_which_keys_count_as_alone() -> None:
    assert _alone_unround(9001, "", [5000, 6000, 7500])
    assert not _alone_unround(9001, "", [5000, 6000, 8443])  # another unround option
    assert not _alone_unround(4096, "", [1000, 2000, 8000])  # a power of two is round
    assert not _alone_unround(65535, "", [10000, 20000, 50000])
    assert not _alone_unround(168, "h", [120, 240, 720])  # a week of hours
    assert not _alone_unround(90, "", [50, 60, 100])  # already round
    assert _same_form(9001) == {6001, 7001, 8001}
    assert _same_form(1433) == {1133, 1233, 1333, 1533, 1633}
