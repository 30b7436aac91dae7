"""Two statement headings under one heading ("### Route reflector 是…", "### Confederation
把…" under "## BGP") are a pair the notes set side by side, as two terms of neighbouring items
are: asked as that pair when nothing else of their kind is near. Three under one heading are
a group, never cut down to a pair."""

from __future__ import annotations

from tests.questions.own_notes import generated

NOTES = "routing-heading-pairs.md"


def test_two_statement_headings_under_one_heading_are_asked_as_their_pair() -> None:
    r = generated(NOTES)
    asked = [q for _, q in r.chosen if q.choices and q.choices[q.answer] == "Confederation"]
    assert asked, [q.prompt for _, q in r.chosen]
    for q in asked:
        assert set(q.choices) == {"Confederation", "Route reflector"}, q.choices
        assert "自治系统拆成" in q.prompt, q.prompt  # the description asks it, not the name


def test_three_statement_headings_are_no_pair() -> None:
    r = generated(NOTES)
    ospf = {"Area 0", "Stub area", "NSSA"}
    for _, q in r.chosen:
        if q.choices and q.choices[q.answer] in ospf:
            assert len(q.choices) >= 3, (q.prompt, q.choices)
