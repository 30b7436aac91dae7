"""Wrong options of the answer's own form: a bare command name among bare names, a flag among
flags of the same command, a number among numbers (issue 13, item 5)."""

from pathlib import Path

from questions.bank import BankQuestion
from questions.generate import generate_from_texts
from questions.parse import parse_document
from questions.values import shape

NOTES = Path(__file__).parent / "notes"


def _bank(name: str) -> list[BankQuestion]:
    bank, _ = generate_from_texts([(name, (NOTES / name).read_text(encoding="utf-8"))], name)
    return bank.questions


def _code_spans(name: str) -> set[str]:
    doc = parse_document((NOTES / name).read_text(encoding="utf-8"), name)
    return {span for b in doc.content for span in b.inline.code}


def test_redis_commands_are_offered_beside_commands_written_alike() -> None:
    code = _code_spans("redis-ops.md")
    questions = _bank("redis-ops.md")
    assert len(questions) >= 10
    for q in questions:
        options = [c for c in q.choices if c in code]
        if q.choices[q.answer] not in code or len(options) < 2:
            continue
        bare = {len(c.split()) == 1 for c in options}
        variants = len({c.split()[0] for c in options}) == 1  # VACUUM beside VACUUM FULL
        assert len(bare) == 1 or variants, (q.prompt, q.choices)


def test_unlink_is_not_offered_beside_command_lines() -> None:
    unlink = [q for q in _bank("redis-ops.md") if q.choices[q.answer] == "UNLINK"]
    assert unlink
    for q in unlink:
        assert all(len(c.split()) == 1 for c in q.choices), q.choices


def test_a_flag_is_offered_only_beside_flags_of_its_own_command() -> None:
    questions = _bank("git-flags.md")
    log_flags = {"--oneline", "--graph", "--follow", "--stat"}
    asked = [q for q in questions if q.choices[q.answer] in log_flags]
    assert asked  # git log's flags are still asked among themselves
    for q in questions:
        flags = {c for c in q.choices if shape(c) == "flag"}
        answer = q.choices[q.answer]
        if answer in log_flags:
            assert flags <= log_flags, q.choices
        elif answer in flags:
            assert not flags & log_flags, (q.prompt, q.choices)


def test_a_signed_number_is_a_number_not_a_word() -> None:
    assert shape("-1") == "num"
    assert shape("+2") == "num"
    assert shape("SET") != shape("-1")


def test_a_name_and_the_same_name_with_a_kind_word_are_one_option() -> None:
    """ "symmetric" beside "symmetric algs" (a Keep export's term and its list's lead): both
    keys were defensible. "Region" beside "Region pair" are two things."""
    from questions.distractors import acceptable

    assert not acceptable("symmetric", "symmetric algs", [], sibling=True)
    assert not acceptable("asymmetric", "DES", ["asymmetric algs"], sibling=True)
    assert acceptable("Region pair", "Region", [], sibling=True)
    assert acceptable("OCSP", "OCSP stapling", [], sibling=True)


def test_a_number_with_thousands_commas_and_decimals_is_offered_written_alike() -> None:
    """ "3,992.71" beside "3992.61", "3992.66": the key alone had a comma."""
    from questions.quantities import parse_number
    from questions.values import with_value

    key = parse_number("3,992.71")
    assert key is not None
    assert with_value(key, 3992.61) == "3,992.61"
    plain = parse_number("3992.71")
    assert plain is not None and with_value(plain, 3992.6) == "3992.60"
