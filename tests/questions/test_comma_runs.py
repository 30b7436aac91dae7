"""Unseen notes review (issue #13), SQL notes: "RANK: ties share, then gap (2,2,4)" was read as
the number 224 and asked beside 112, 150 and 200. A comma groups thousands only in threes."""

from __future__ import annotations

from questions.generate import generate_from_texts
from questions.values import numbers_in, parse_number


def test_a_comma_joined_run_is_no_number() -> None:
    assert parse_number("2,2,4") is None
    assert parse_number("1,5") is None
    n = parse_number("65,535")
    assert n is not None and n.value == 65535
    n = parse_number("1,000,000")
    assert n is not None and n.value == 1_000_000
    assert [x.text for x in numbers_in("gap (2,2,4), then 1,200 rows in 3.5 s")] == [
        "1,200",
        "3.5 s",
    ]


def test_no_question_blanks_a_run_of_ranks() -> None:
    notes = "# SQL\n\n## Ranking\n\n- RANK: ties share, then a gap (1,2,2,4)\n- DENSE_RANK: no gap (1,2,2,3)\n"
    bank, _ = generate_from_texts([("x.md", notes)], "b")
    for q in bank.questions:
        assert not any("," in c and c.replace(",", "").isdigit() for c in q.choices), q.choices


def test_a_rewording_never_cuts_inside_a_number() -> None:
    """AWS storage notes: "up to 256,000 IOPS, 4,000 MiB/s, …" was reworded without the piece
    naming IOPS as "up to 256, 4,000 MiB/s": the cut split the number at its comma."""
    from questions.gates import _PIECES

    pieces = _PIECES.split("up to 256,000 IOPS, 4,000 MiB/s, 64 TiB")[::2]
    assert pieces == ["up to 256,000 IOPS", "4,000 MiB/s", "64 TiB"], pieces
