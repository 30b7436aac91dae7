"""A bare year said after a name, a dash, a bracket or a verb in the past ("Rivest, Shamir,
Adleman 1977", "— 1976, first …", "(2024)", "Rijndael won 2001") is a date: its options are
the notes' own years, near it where there are enough, never 3954 or 1500 made from it by
arithmetic."""

from __future__ import annotations

import pytest

from questions.generate import generate_document, generate_from_texts
from questions.quantities import numbers_in
from questions.values import number_role

NOTES = """# Crypto history

## Public key

- **RSA** — Rivest, Shamir, Adleman 1977
- **Diffie-Hellman** — 1976, first public key exchange published
- **ECC** — proposed by Koblitz and Miller 1985, smaller keys
- **DSA** — part of DSS, standardized 1994

## Symmetric

- **DES** — 56-bit key, broken by brute force in 1998
- AES finalists: MARS, RC6, Rijndael, Serpent, Twofish (Rijndael won 2001)
"""


def test_a_bare_year_meets_other_years() -> None:
    bank, _ = generate_from_texts([("crypto.md", NOTES)], "crypto")
    asked = [q for q in bank.questions if any(c in ("1977", "1976", "2001") for c in q.choices)]
    assert asked, [q.prompt for q in bank.questions]
    for q in asked:
        assert all(c in NOTES for c in q.choices), (q.prompt, q.choices)  # the notes' own years


def test_a_year_is_first_offered_beside_the_notes_years_near_it() -> None:
    """2023 beside RSA's 1977 is ruled out by common sense alone: where the notes write two
    years or more within 15 of the key, those are its options (a later question may still
    swap one for another year of the family, so that no two keys share one option set)."""
    result = generate_document("crypto.md", NOTES)
    built = [c for c in result.candidates if c.answer_text in ("1977", "1998", "2001")]
    assert built, [c.prompt for c in result.candidates]
    for c in built:
        key = int(c.answer_text)
        assert all(abs(int(o) - key) <= 15 for o in c.options), (c.prompt, c.options)


@pytest.mark.parametrize(
    ("sentence", "role"),
    [
        ("RSA — Rivest, Shamir, Adleman 1977", "year"),
        ("Diffie-Hellman — 1976, first published", "year"),
        ("NIST PQC (2024): ML-KEM", "year"),
        ("Rijndael won 2001", "year"),
        ("max 2000 rows per page", "quantity"),  # a count with its noun
        ("RSA keys: 2048 or longer", "quantity"),  # a size, out of the years' range
        ("batch size 2000, then flush", "quantity"),  # after a word that measures
    ],
)
def test_number_role_of_a_bare_year(sentence: str, role: str) -> None:
    number = next(n for n in numbers_in(sentence) if len(n.text) == 4)
    assert number_role(sentence, number) == role


@pytest.mark.parametrize(
    ("sentence", "number", "role"),
    [
        ("Domains (2021 ECO): People 42 %, Process 50 %", "2021", "year"),
        ("Based on the guide (2017 Edition), six processes", "2017", "year"),
        ("Chunk size (2048 KB) per upload", "2048 KB", "quantity"),
        ("Quota (2000 per region) at most", "2000", "quantity"),
    ],
)
def test_a_year_naming_an_edition_in_brackets_is_a_year(
    sentence: str, number: str, role: str
) -> None:
    (found,) = [n for n in numbers_in(sentence) if n.text == number]
    assert number_role(sentence, found) == role


TIMELINE = """# Chronology

## Gilded Age

- 1869 – transcontinental railroad completed at Promontory Summit
- 1877 – Compromise ends Reconstruction → troops leave the South
- 1881 – Garfield shot → 1883 Pendleton Act (civil service exams)
- 1886 – Haymarket riot weakens the Knights of Labor
- 1890 – Wounded Knee; census declares the frontier closed

## Key dates

1882 Chinese Exclusion · 1887 Dawes · 1890 Sherman · 1896 Plessy · 1898 Spanish-American War

## Colonies

- 1680 – Pueblo Revolt → Spanish out for 12 yrs, come back 1692 more accommodating
- the 1730s – First Great Awakening spreads through the colonies
- the 1920s – Harlem Renaissance (Langston Hughes)
- the 1950s – suburbs, baby boom, Levittown
"""


def _years_asked(keys: tuple[str, ...]) -> list[tuple[str, list[str], str]]:
    bank, _ = generate_from_texts([("timeline.md", TIMELINE)], "t")
    return [(q.prompt, list(q.choices), q.choices[q.answer]) for q in bank.questions
            if q.choices and q.choices[q.answer] in keys]  # fmt: skip


def test_a_year_before_a_name_or_on_a_dated_line_takes_years() -> None:
    """ "1887 Dawes", "→ 1883 Pendleton Act" and "come back 1692 more …" on a line that opens
    with a year are years: their options are years near them, never 1000, 1500 or 3774."""
    asked = _years_asked(("1883", "1887", "1692", "1896", "1869"))
    assert asked
    for prompt, choices, key in asked:
        for c in choices:
            assert c.isdigit() and abs(int(c) - int(key)) <= 60, (prompt, choices)


def test_a_decade_takes_decades_near_it() -> None:
    """ "the 1920s" is a decade, never 1920 seconds beside the 3000s."""
    asked = _years_asked(("1920s", "1730s", "1950s"))
    assert asked
    for prompt, choices, key in asked:
        for c in choices:
            assert c.endswith("0s") and abs(int(c[:-1]) - int(key[:-1])) <= 60, (prompt, choices)


@pytest.mark.parametrize(
    ("text", "unit"), [("1920s", "decade"), ("1730s", "decade"), ("1925s", "s"), ("30s", "s")]
)
def test_a_decade_is_read_as_one(text: str, unit: str) -> None:
    (number,) = numbers_in(f"in the {text} it grew")
    assert number.unit == unit


def test_a_year_between_two_on_its_line_is_offered_among_years_between_them() -> None:
    """ "1651 – 1st Navigation Act (more ___, 1663, 1696)" offered 1649 and 1675: the line
    itself rules out a year before 1651 or after 1663."""
    from questions.distractors import _year_bracket
    from questions.quantities import parse_number

    answer = parse_number("1660")
    assert answer is not None
    line = "1651 – 1st Navigation Act (more 1660, 1663, 1696) → mercantilism"
    assert _year_bracket(line, answer) == (1651.0, 1663.0)
    assert _year_bracket("1659 then 1660 then 1661", answer) is None  # no room for three
    assert _year_bracket("1660 – Restoration; 1663 Carolina", answer) is None  # nothing before
    notes = f"## Acts\n\n- {line}\n- 1733 – Molasses Act taxes foreign molasses\n"
    bank, _ = generate_from_texts([("acts.md", notes)], "acts")
    asked = [q for q in bank.questions if q.choices and q.choices[q.answer] == "1660"]
    for q in asked:
        assert all(1651 < int(c) < 1663 for c in q.choices), q.choices
