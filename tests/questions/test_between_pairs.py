"""Unseen notes review (issue #13), Security+ notes: CASB's "sits between users and cloud
apps, visibility + policy" lost "and cloud apps" (Cloud spells the C of CASB) and was asked as
"sits between users, visibility + policy": between users and what?"""

from __future__ import annotations

from questions.gates import _cut


def test_the_second_half_of_between_goes_with_the_first() -> None:
    def cloud(text: str) -> str | None:
        return "cloud" if "cloud" in text else None

    desc = "sits between users and cloud apps, visibility + policy"
    cut = _cut(desc, cloud)
    assert cut is None or "between users" not in cut, cut
    # "and" joining two clauses is still where a clause may be cut
    desc = "encrypts the payload and cloud logs show it, separates AAA"
    assert _cut(desc, cloud) == "encrypts the payload, separates AAA"
