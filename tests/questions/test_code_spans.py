"""The code span and the escaped block marker the dialect readers write (parse/spans.py)."""

from __future__ import annotations

import pytest

from questions.parse.spans import block_safe, code_span


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


@pytest.mark.parametrize(
    ("text", "safe"),
    [
        ("1. not a list", "1\\. not a list"),
        ("- not an item", "\\- not an item"),
        ("> not a quote", "\\> not a quote"),
        ("## not a heading", "\\## not a heading"),
        ("| not a row", "\\| not a row"),
        ("=====", "\\====="),
        ("```", "\\```"),
        ("plain words", "plain words"),
        ("-5 degrees", "-5 degrees"),
    ],
)
def test_a_dialects_words_open_no_markdown_block(text: str, safe: str) -> None:
    assert block_safe(text) == safe
