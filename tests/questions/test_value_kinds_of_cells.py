"""A value is offered and made false only by values of its own kind (blind review, session
15): a table's false statement swaps in another row's cell of the same kind (unit, switch,
size, duration, path ...) that names no row, a default is asked beside defaults of its unit
(read from the cell, its aside or the setting's unit suffix), and a release beside the other
releases the notes give for the product, never near misses of it as a decimal."""

from __future__ import annotations

from pathlib import Path

from questions.candidate import Candidate
from questions.generate import generate_document
from questions.name_kinds import row_value_kinds
from questions.values import cell_kind, switch_side

NOTES = Path(__file__).parent / "notes"


def _candidates(name: str) -> list[Candidate]:
    path = NOTES / name
    return generate_document(str(path), path.read_text(encoding="utf-8")).candidates


def _false_of(cands: list[Candidate], subject: str) -> list[str]:
    """The false table statements about a row."""
    return [c.prompt for c in cands if c.style == "tf-false" and c.fact.subject == subject]


def test_a_number_with_an_aside_is_of_its_unit_kind() -> None:
    assert cell_kind("168 (7 天)") == "duration"
    assert cell_kind("1048588 (约 1 MB)") == cell_kind("104857600 (100 MB)") == "size"
    assert cell_kind("0 (unbounded since 3.0)", switches=True) == "count"
    assert cell_kind("true (7.0+)") == "switch"


def test_a_row_named_for_its_unit_gives_its_bare_numbers_that_unit() -> None:
    kinds = row_value_kinds(
        ["retention.hours", "max.message.bytes", "linger.ms", "idempotence"],
        ["168 (7 天)", "1048588 (约 1 MB)", "0", "true"],
    )
    assert len(set(kinds)) == 4, kinds  # hours, bytes, milliseconds, a switch
    assert row_value_kinds(["a.ms", "b.ms"], ["1", "30000"]) == ["duration:ms"] * 2


def test_a_false_default_is_a_value_of_the_true_ones_kind() -> None:
    cands = _candidates("stream-producer.md")
    # maxPendingMessages holds a count; compressionType's NONE is a codec, not a count
    false = _false_of(cands, "maxPendingMessages")
    assert false, [c.prompt for c in cands if c.style.startswith("tf")]
    assert not [p for p in false if "NONE" in p], false


def test_a_false_example_never_names_another_rows_flag() -> None:
    cands = _candidates("http-client-flags.md")
    for c in cands:
        if c.style.startswith("tf") and c.fact.attribute == "Example":
            quoted = c.prompt.split("“")[1] if "“" in c.prompt else c.prompt
            assert not [f for f in ("-o", "-H", "-L", "-u", "-X") if f"{f} " in quoted], c.prompt


def test_a_default_is_offered_beside_defaults_of_its_unit_only() -> None:
    cands = _candidates("stream-producer.md")
    asked = [c for c in cands if c.style == "forward" and c.fact.subject == "sendTimeoutMs"]
    assert asked
    for c in asked:  # 1000 is batchingMaxMessages', a count of messages, not milliseconds
        assert "1000" not in c.options, c.options


def test_a_size_default_with_one_like_value_in_its_column_is_not_asked() -> None:
    # 8192 (8 KB): the column's only other size is 100 MB; a version note or a count beside
    # it is ruled out by its kind, and an aside cell has no near misses to make
    cands = _candidates("search-settings-zh.md")
    for c in cands:
        if c.style == "forward" and c.answer_text.startswith("8192"):
            kinds = {cell_kind(o) for o in c.options}
            assert kinds == {"size"}, c.options


def test_a_release_written_with_a_plus_is_offered_beside_the_notes_releases() -> None:
    cands = _candidates("http-client-flags.md")
    written = {"7.66", "7.71", "7.82", "8.3"}
    asked = [c for c in cands if c.generator == "number" and c.answer_text in written]
    assert {c.answer_text for c in asked} >= {"7.82", "8.3"}, [c.prompt for c in asked]
    for c in asked:
        assert set(c.options) <= written, (c.prompt, c.options)


def test_a_major_release_is_offered_beside_the_releases_of_the_majors_around_it() -> None:
    cands = _candidates("search-settings-zh.md")
    written = {"6.0", "7.0", "7.10", "8.0", "8.8"}
    asked = [c for c in cands if c.generator == "number" and c.answer_text in written]
    assert {c.answer_text for c in asked} >= {"7.10", "8.8"}, [c.prompt for c in asked]
    for c in asked:
        assert set(c.options) <= written, (c.prompt, c.options)
        assert len(c.options) == 4, c.options


def test_a_switch_default_is_never_offered_beside_the_same_switch_written_twice() -> None:
    # "true" beside "true (7.0+)": both turn the setting on, so two options are right
    asked = [c for c in _candidates("search-settings-zh.md") if c.style == "forward"]
    for c in asked:
        sides = [switch_side(o) for o in c.options if switch_side(o) is not None]
        assert len(sides) == len(set(sides)), c.options
