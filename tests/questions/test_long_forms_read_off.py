"""A description that opens with the words an acronym is made of gives it away even when the
notes never spell the acronym out: "elliptic curve discrete log problem" is ECC (all but its
last letter, the generic "cryptography"), "Counter. encrypt nonce+counter …" is CTR (one word
the acronym contracts, first and last letters kept). Asked either way: "Which of these is
described here: “elliptic curve …”?" and "Which description fits ECC?" keyed by it. A word in
the middle of a description that happens to hold the letters ("about a hundred IOPS" / HDD)
is no long form."""

from __future__ import annotations

import pytest

from questions.cues import clue, spelled_by
from questions.generate import generate_from_texts

NOTES = """# Crypto

## Asymmetric

- **RSA** — factoring problem, 2048-bit minimum
- **ECC** — elliptic curve discrete log problem, small keys
- **DSA** — signatures only, part of DSS
- **ElGamal** — extension of DH, doubles ciphertext size

## Modes

- **ECB** — same block in, same block out; leaks patterns
- **CBC** — each block XOR'd with the previous ciphertext block, needs an IV
- **CTR** — Counter. encrypt nonce+counter to get a keystream, XOR with data
- **CFB** — self-synchronising stream mode, errors propagate one block
"""


def test_a_long_form_opening_the_description_is_not_asked() -> None:
    bank, _ = generate_from_texts([("c.md", NOTES)], "c")
    for q in bank.questions:
        key = q.choices[q.answer]
        assert not (key == "ECC" and "elliptic curve" in q.prompt), q.prompt
        assert not (key == "CTR" and "Counter." in q.prompt), q.prompt
        assert not ("ECC" in q.prompt and key.startswith("elliptic curve")), q.prompt


@pytest.mark.parametrize(
    ("stem", "answer", "wrong", "given"),
    [
        ("Which of these is described here: “elliptic curve discrete log problem”?", "ECC",
         ["RSA", "DSA"], True),
        ("Which of these is described here: “Counter. encrypt nonce+counter”?", "CTR",
         ["ECB", "CBC"], True),
        ("Which of these matches “random reads: about a hundred IOPS”?", "HDD",
         ["SSD", "LTO"], False),
        ("Which of these is described here: “signatures only, part of DSS”?", "DSA",
         ["RSA", "ECC"], False),
    ],
)  # fmt: skip
def test_clue_of_a_long_form(stem: str, answer: str, wrong: list[str], given: bool) -> None:
    assert (clue(stem, answer, wrong) is not None) is given


def test_a_description_spelling_the_stems_acronym() -> None:
    assert spelled_by("elliptic curve discrete log problem", "ECC", ["factoring problem"])
    assert not spelled_by("factoring problem", "RSA", ["elliptic curve discrete log problem"])
