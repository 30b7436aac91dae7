"""Coin tosses reviewers mark "too easy": a comparison of two widened with names of another kind
(the services a ports table writes beside a transport), and a true/false statement whose false
value is off by an order of magnitude."""

from __future__ import annotations

from pathlib import Path

from questions.generate import generate_from_texts
from questions.generators.true_false import plausible

NOTES = (Path(__file__).parent / "notes" / "storage-media.md").read_text(encoding="utf-8")
SIDES = {"SSD", "HDD"}
#: names the hosts table writes in another cell of a row holding a side: roles, not media
OTHER_KIND = {"NFS", "CDN", "OLTP", "WAL"}


def _comparison_options(text: str) -> list[set[str]]:
    bank, _ = generate_from_texts([("media.md", text)], "media")
    return [set(q.choices) for q in bank.questions if set(q.choices) >= SIDES]


def test_a_comparison_of_two_is_widened_only_with_names_standing_where_a_side_stands() -> None:
    options = _comparison_options(NOTES)
    assert options
    for o in options:
        assert not o & OTHER_KIND, o
    # the tiers table puts LTO and SCM in the column where SSD and HDD stand: media too
    assert any(o & {"LTO", "SCM"} for o in options)


def test_names_the_notes_never_set_beside_the_sides_as_peers_do_not_widen() -> None:
    without_tiers = NOTES.split("## Tiers")[0] + "## Scrubbing" + NOTES.split("## Scrubbing")[1]
    bank, _ = generate_from_texts([("media.md", without_tiers)], "media")
    # asked between the two sides, or as statements pairing them with the table's aspects
    compared = [q for q in bank.questions if set(q.choices) >= SIDES
                or q.prompt.startswith("Which statement about SSD and HDD")]  # fmt: skip
    assert compared
    for q in compared:
        assert not any(name in c for name in OTHER_KIND for c in q.choices), q.choices
        assert set(q.choices) == SIDES or all(c.startswith(("SSD — ", "HDD — ")) for c in q.choices)


def test_a_false_number_an_order_of_magnitude_off_is_no_true_false_statement() -> None:
    assert not plausible("9", "1000")
    assert not plausible("30 seconds", "2 seconds")
    assert plausible("9", "12")
    assert plausible("30 seconds", "20 seconds")
    assert plausible("0", "1")  # a flag or an empty count: the usual near miss


def test_a_list_of_names_each_set_against_a_side_widens_a_comparison_of_two() -> None:
    table = "| tier | media |\n|---|---|\n| hot | SSD |\n| bulk | HDD |\n"
    table += "| archive | LTO |\n| persistent memory | SCM |\n"
    assert table in NOTES
    options = _comparison_options(NOTES.replace(table, ""))
    assert options
    assert any(o & {"LTO", "SCM"} for o in options)  # "**LTO** tape costs less … than HDD"
    assert not any(o & OTHER_KIND for o in options)
