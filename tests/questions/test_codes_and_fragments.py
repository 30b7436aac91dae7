"""Kinds of note a blind review found asked broken: a cheat-sheet line listing syntax
fragments read as a true/false claim and made false by swapping one of its parts for another
(after its first span was cut at its dots), and a file mode near-missed like a quantity."""

from __future__ import annotations

import re

from questions.distractors import Pool
from questions.generators import true_false
from questions.values import numbers_in
from tests.questions.own_notes import asked, generated, notes_text

SQL = "sql-syntax-zh.md"
MODES = "linux-perms-modes.md"


def _statements(name: str) -> list[tuple[str, str, int]]:
    """(source line, statement, answer) of every true/false statement of the notes."""
    result = generated(name)
    pool = Pool(result.doc, result.facts)
    return [(f.block.text, c.prompt, c.answer) for f in result.facts
            for c in true_false.for_fact(f, pool)]  # fmt: skip


# --- 1. a list of fragments is no claim; a swap replaces a whole term -------------------


def test_a_line_of_syntax_fragments_makes_no_statement() -> None:
    listing = ("FOR SHARE", "ROLLUP")  # the two lines that list fragments
    facts = [f for f in generated(SQL).facts if any(w in f.block.text for w in listing)]
    assert facts  # their terms are read, and asked otherwise
    made = [s for src, s, _ in _statements(SQL) if any(w in src for w in listing)]
    assert made == []


def test_claims_with_a_predicate_are_still_made() -> None:
    said = {s for _, s, _ in _statements(SQL)}
    assert any("reads the previous row" in s for s in said)


def test_a_false_statement_differs_from_its_line_by_one_whole_term() -> None:
    for name in (SQL, MODES):
        result = generated(name)
        pool = Pool(result.doc, result.facts)
        for f in result.facts:
            made = true_false.for_fact(f, pool)
            if f.kind == "definition" or not made:
                continue
            true, false = (c.prompt.split("：", 1)[-1].split(": ", 1)[-1] for c in made)
            # the true statement is the source's words, none cut from a span
            assert not true_false.cut_in_code(f), true
            swapped = [c for c in f.block.inline.code if c in false and c not in true]
            for c in swapped:
                assert false.replace(c, "", 1) == true.replace(f.span, "", 1), false


def test_a_sentence_cut_inside_a_code_span_is_seen() -> None:
    cut = [f for f in generated(SQL).facts if f.sentence.startswith("FOR SHARE")]
    assert cut and all(true_false.cut_in_code(f) for f in cut)
    whole = [f for f in generated(SQL).facts if f.sentence.startswith("LAG(")]
    assert whole and not any(true_false.cut_in_code(f) for f in whole)


# --- 2. a file mode is a code: its options are the notes' other modes --------------------

_MODE = re.compile(r"0\d{2,5}|[0-7]{3,6}")


def _notes_modes() -> set[str]:
    text = notes_text(MODES).split("git gc")[0]  # the count of loose objects is no mode
    return {n.text for n in numbers_in(text) if _MODE.fullmatch(n.text)}


def test_file_modes_are_codes_and_a_count_beside_them_is_not() -> None:
    roles = {f.span: f.role for f in generated(MODES).facts if f.kind == "number"}
    modes = _notes_modes()
    assert {"0777", "100644", "040000", "4755"} <= modes
    assert {roles[m] for m in modes if m in roles} == {"code"}
    assert roles["6700"] == "quantity"


def test_a_mode_is_offered_beside_other_modes_of_the_notes_only() -> None:
    modes = _notes_modes()
    keyed = [q for q in asked(MODES) if q.choices[q.answer] in modes]
    assert len(keyed) >= 2
    for q in keyed:
        assert set(q.choices) <= modes, (q.prompt, q.choices)


def test_a_false_statement_of_a_mode_swaps_in_another_mode() -> None:
    modes = _notes_modes()
    false = [s for _, s, a in _statements(MODES) if a == 1 and "mode" in s]
    assert false
    for s in false:
        assert all(n.text in modes for n in numbers_in(s) if not n.unit), s
