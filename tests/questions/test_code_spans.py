"""The one code span the dialect readers write (questions/parse/spans.py)."""

from __future__ import annotations

import pytest

from questions.parse.spans import code_span


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("ls -l", "`ls -l`"),
        ("  /tmp  ", "`/tmp`"),
        ("a`b", "`` a`b ``"),
        ("`x`", "`` `x` ``"),
        ("``", "``` `` ```"),
        ("", ""),
        ("   ", ""),
    ],
)
def test_a_code_span_holds_any_backticks(text: str, span: str) -> None:
    assert code_span(text) == span
