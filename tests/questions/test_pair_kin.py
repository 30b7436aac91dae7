"""Two-option questions reviewers mark "too easy: coin toss" where the notes hold more terms of
the pair's kind: the other side's own list elsewhere, a list term written as the offered side
is, files of the pair's form in nearby sections, and a table cell that names its row in
one phrase of several (asked without that phrase, not as a true/false). Notes written here on
other subjects (a build farm, a cache server, a web server)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from questions.bank import BankQuestion
from questions.generate import generate_from_texts

NOTES = Path(__file__).parent / "notes"


@cache
def _bank(name: str) -> tuple[BankQuestion, ...]:
    bank, _ = generate_from_texts([(name, (NOTES / name).read_text(encoding="utf-8"))], "t")
    return tuple(bank.questions)


def _asking(key: str, name: str = "pair-kin.md") -> list[BankQuestion]:
    return [q for q in _bank(name) if q.kind == "choice" and q.choices[q.answer] == key]


def test_a_pair_whose_other_side_leads_a_list_elsewhere_takes_that_lists_terms() -> None:
    # **setup jobs** / **helper** in one list; helper also leads the pipeline patterns
    asked = _asking("setup jobs")
    assert asked
    for q in asked:
        assert {"helper", "stub", "collector"} <= set(q.choices), q.choices


def test_a_category_named_in_the_stem_is_not_filled_from_a_pair_it_lent_terms_to() -> None:
    patterns = {"helper", "stub", "collector"}
    asked = [q for q in _bank("pair-kin.md") if q.prompt.startswith("Which pipeline pattern")]
    assert asked
    for q in asked:
        assert set(q.choices) <= patterns, q.choices


def test_a_side_named_only_inside_the_terms_own_name_is_no_pair_of_the_line() -> None:
    # `FLUSHALL` is written in the line of `FLUSHALL ASYNC` only as part of that name
    asked = _asking("FLUSHALL ASYNC")
    assert asked
    for q in asked:
        assert len(q.choices) >= 3 and "FLUSHALL" in q.choices, q.choices
        assert set(q.choices) - {"FLUSHALL ASYNC", "FLUSHALL"} <= {"NOSAVE", "DBSIZE"}, q.choices


def test_a_file_pair_meets_the_files_of_nearby_sections() -> None:
    asked = _asking("limits.conf")
    assert asked
    assert all(set(q.choices) == {"limits.conf", "nginx.conf", "sites.conf"} for q in asked)


def test_a_cell_naming_its_row_in_one_phrase_of_several_is_asked_without_it() -> None:
    asked = _asking("artifact bucket")
    quoted = [q for q in asked if "“returns a signed link, no login needed, expires" in q.prompt]
    assert quoted, [q.prompt for q in asked]
    assert set(quoted[0].choices) == {"artifact bucket", "cache volume", "scratch dir"}


def test_a_cell_of_one_clause_is_not_cut_to_a_fragment() -> None:
    # "max time to wait for a TCP connection to a server": "max time to wait" fits any timeout
    prompts = [q.prompt for q in _bank("haproxy-pointer-cells.md")]
    assert prompts
    assert not any("max time to wait”" in p for p in prompts), prompts
