"""A paragraph of notes whose last line alone leads the list under it ("port cost …: 10 Mbps
= 100" / "root port tie-breakers (in order):" / "1. lowest root path cost"): the list's
questions say only that line, never the note above it; a line that points at what is shown
near it ("same number as in the output above") asks nothing alone."""

from __future__ import annotations

import pytest

from questions.context_refs import refers_to_context
from questions.generate import generate_document
from questions.parse.markdown import parse_document

STP = """# CCNA notes

## STP

port cost (short, 802.1D-1998): 10 Mbps = 100, 100 Mbps = 19, 1 Gbps = 4
root port tie-breakers (in order):
1. lowest root path cost
2. lowest neighbor bridge ID
3. lowest neighbor port priority
4. lowest neighbor port number

The tie-breakers are applied one after the other
until one port is left, in this order:
- cost first
- then the neighbor's bridge ID
"""


def test_the_last_line_alone_leads_the_list() -> None:
    doc = parse_document(STP, "stp.md")
    items = [b for b in doc.content if b.text.startswith("lowest")]
    assert items
    assert all(
        b.lead is not None and b.lead.text == "root port tie-breakers (in order):" for b in items
    )
    # the note above stays a note of its own, on its own line
    note = next(b for b in doc.content if b.text.startswith("port cost"))
    assert note.text.endswith("1 Gbps = 4")
    assert note.line == 5
    prompts = [q.prompt for _, q in generate_document("stp.md", STP).chosen]
    assert any(p.startswith("root port tie-breakers") for p in prompts), prompts
    assert not any("port cost" in p and "comes right after" in p for p in prompts), prompts


def test_a_sentence_wrapped_by_hand_leads_as_a_whole() -> None:
    doc = parse_document(STP, "stp.md")
    item = next(b for b in doc.content if b.text == "cost first")
    assert item.lead is not None and item.lead.text.startswith("The tie-breakers are applied")


@pytest.mark.parametrize(
    ("text", "points"),
    [
        ("aging = 300 s default (yes same number as in the output above)", True),
        ("the values from the table below apply to v2", True),
        ("SELF-HOSTED version of same thing", True),
        ("ports above 1023 are unprivileged", False),
        ("the limit is 5 in the region above 3 AZs", False),
    ],
)
def test_a_thing_shown_near_is_pointed_at(text: str, points: bool) -> None:
    assert refers_to_context(text) is points
