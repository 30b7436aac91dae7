"""Law notes cite cases: "Wood v. Boynton (Wis. 1885)", "Lucy v. Zehmer, 196 Va. 493",
"W. O. Lucy". Their dots ended sentences ("Fill in the blank: Boynton (Wis. ___) …" lost the
case's first party), and a report's volume or page was blanked as if it were a fact
("68 Cal.2d ___")."""

from __future__ import annotations

from questions.generate import generate_document
from questions.text import split_sentences

NOTES = """# Contracts

## Mistake

- Sherwood v. Walker (Mich. 1887) — barren cow, mutual mistake as to the essence, rescission allowed
- contrast Wood v. Boynton (Wis. 1885) — uncut diamond sold for $1, no rescission
- Lenawee County Bd. of Health v. Messerly, 417 Mich. 17 (1982) — septic tank, buyer bears the risk

## Formation

- Lucy v. Zehmer, 196 Va. 493 (1954) — objective theory; W. O. Lucy bought the farm for $50,000
- Leonard v. Pepsico, 88 F. Supp. 2d 116 (S.D.N.Y. 1999) — an advertisement is no offer, 7,000,000 points
- Masterson v. Sine, 68 Cal.2d 222 (1968) — collateral agreement admissible
"""


def test_a_case_name_and_initials_end_no_sentence() -> None:
    assert split_sentences("contrast Wood v. Boynton (Wis. 1885) — no rescission. Next.") == (
        "contrast Wood v. Boynton (Wis. 1885) — no rescission.",
        "Next.",
    )
    assert len(split_sentences("W. O. Lucy bought the farm. It was no joke.")) == 2


def test_a_citation_number_is_no_fact() -> None:
    r = generate_document("contracts.md", NOTES)
    assert r.chosen
    for _, q in r.chosen:
        key = q.choices[q.answer]
        assert key not in ("196", "493", "88", "116", "68", "222", "417", "17"), q.prompt
        assert not q.prompt.startswith(("Fill in the blank: Boynton", "Fill in the blank: Walker"))
