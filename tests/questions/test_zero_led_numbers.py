"""A number written with a leading zero ("umask 0022", "exam 002", "mode 0777") is written as a
code is: offered only beside values of as many digits, and a plainly written number (644) is
not offered a zero-led one (a review: "umask ___" among the modes 666, 770 and 2770; "old ___ stuff" among
1, 3 and 5 for 002)."""

from __future__ import annotations

import re

from questions.bank import BankQuestion
from questions.generate import generate_document

_ZERO_LED = re.compile(r"0\d+")

PERMS = """# Linux admin notes

## Permissions

- umask 0022 on root -> new files 644, new dirs 755
- a regular user's umask is 0002 -> files 664, dirs 775
- a shared group dir: chmod 2770, private keys: chmod 600
- the sticky bit on /tmp: mode 1777
- symlinks always show mode 0777 in ls
"""

EXAM = """# Terraform associate

## Logistics

- 57 questions in 1 hour, online proctored
- the old 002 exam covered the 0.12/0.13 upgrades, mostly gone now
- pass mark is not published, aim for 70 % in practice tests
"""


def _numeric(text: str) -> list[BankQuestion]:
    chosen = [q for _, q in generate_document("t.md", text).chosen]
    return [q for q in chosen if q.choices and all(c.isdigit() for c in q.choices)]


def test_a_zero_led_number_meets_only_numbers_written_alike() -> None:
    asked = _numeric(PERMS) + _numeric(EXAM)
    assert asked, "no number was asked"
    for q in asked:
        key = q.choices[q.answer]
        led = [bool(_ZERO_LED.fullmatch(c)) for c in q.choices]
        if _ZERO_LED.fullmatch(key):
            assert len({len(c) for c in q.choices}) == 1, q.choices
        else:
            assert not any(led), q.choices


def test_a_zero_led_number_with_no_like_values_is_not_blanked() -> None:
    for q in _numeric(EXAM):
        assert q.choices[q.answer] != "002", q.choices
