"""Markdown written by the dialect readers: one way to write a code span for all of them."""

from __future__ import annotations

import re

_BACKTICKS = re.compile(r"`+")


def code_span(text: str) -> str:
    """The text as a Markdown code span, whatever backticks it holds: fenced by one more
    backtick than its longest run, and padded where a backtick would touch the fence."""
    body = text.strip()
    if not body:
        return ""
    longest = max((len(r) for r in _BACKTICKS.findall(body)), default=0)
    ticks = "`" * (longest + 1)
    pad = " " if longest or body.startswith("`") or body.endswith("`") else ""
    return f"{ticks}{pad}{body}{pad}{ticks}"
