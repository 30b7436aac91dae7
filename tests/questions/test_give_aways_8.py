"""Give-aways from unseen Elasticsearch, OAuth and shell notes: a word that turns the key's
final y into i ("fuzziness" of fuzzy, "retries" of retry); a clipped word people write for the
key's ("doc" of Document, "dir" of a directory); a number one away from the key in its unit
("安全值 ≤ 31GB" of 32GB, "126 … ___ command not found" of 127), unless a wrong option is one
away too."""

from __future__ import annotations

import pytest

from questions.cues import alike, clue


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [("fuzzy", "fuzziness", True), ("retry", "retries", True), ("copy", "copied", True),
     ("vary", "variant", False), ("query", "quiet", False)],
)  # fmt: skip
def test_a_y_turned_i(a: str, b: str, same: bool) -> None:
    assert alike(a, b) is same


@pytest.mark.parametrize(
    ("stem", "answer", "wrong", "given"),
    [
        ("以下描述的是哪一项？“编辑距离匹配，fuzziness: AUTO”", "fuzzy", ["exists", "range", "terms"], True),
        ("以下描述的是哪一项？“JSON 格式，每个 doc 有 _id”", "Document", ["Mapping", "Index", "Field"], True),
        ("填空：不超过 ~___（安全值一般 ≤ 31GB）", "32GB", ["64GB", "128GB", "256GB"], True),
        ("Fill in the blank: 126 not executable, ___ command not found", "127", ["63", "255", "511"], True),
        ("填空：不超过 ~___（安全值一般 ≤ 31GB）", "32GB", ["33GB", "64GB", "128GB"], False),
        ("Fill in the blank: HTTP on 9200, transport on ___", "9300", ["9100", "9400", "9500"], False),
    ],
)  # fmt: skip
def test_given_away(stem: str, answer: str, wrong: list[str], given: bool) -> None:
    assert (clue(stem, answer, wrong) is not None) is given
