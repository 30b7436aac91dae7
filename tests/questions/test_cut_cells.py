"""A table cell whose clause gives its row's name away is asked without that clause only when
what is left still belongs to its row alone: "yes, but on physical LAN" of macvlan (LAN is in
its name) cut to "yes" is the cell of every isolated mode, so the question is not asked."""

from __future__ import annotations

from pathlib import Path

from questions.gates import reworded
from questions.generate import generate_document
from questions.nouns import key_noun

NOTES = Path(__file__).parent / "notes" / "homelab-link-modes.md"


def test_a_cut_cell_another_row_also_holds_is_not_asked() -> None:
    result = generate_document("homelab.md", NOTES.read_text(encoding="utf-8"))
    macvlan = [
        c for c in result.candidates if c.fact.subject == "macvlan" and "“Isolation" in c.prompt
    ]
    assert macvlan, [c.prompt for c in result.candidates]
    for c in macvlan:
        assert reworded(c) is None, reworded(c)
    for _, q in result.chosen:
        assert "Isolation from the router: yes”" not in q.prompt, q.prompt


def test_a_cut_cell_of_its_row_alone_is_still_asked() -> None:
    # the same table with the other rows' cells saying something else than "yes"
    text = NOTES.read_text(encoding="utf-8")
    for row, cell in (
        ("bridged", "yes (own subnet, NAT)"),
        ("meshnet", "yes"),
        ("tapmode", "yes, shares the parent MAC"),
    ):
        text = text.replace(f"| {row} | {cell} |", f"| {row} | partial |")
    result = generate_document("homelab.md", text)
    cut = [reworded(c) for c in result.candidates if c.fact.subject == "macvlan"]
    assert any(
        r is not None and r.prompt == "For “Isolation from the router”, which link mode has “yes”?"
        for r in cut
    ), cut


def test_a_key_column_named_by_its_headings_last_word_is_not_said_twice() -> None:
    # "Mode" under "Link modes": a link mode, never a "link mode mode"
    assert key_noun("Mode", "Link modes") == "Link mode"
    assert key_noun("Type", "Service types") == "Service type"
    assert key_noun("Type", "Services") == "Service type"
    result = generate_document("homelab.md", NOTES.read_text(encoding="utf-8"))
    asked = [c.prompt for c in result.candidates] + [q.prompt for _, q in result.chosen]
    assert asked and not any("mode mode" in p.lower() for p in asked), asked
