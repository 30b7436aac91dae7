"""Markdown the dialect readers write: one code span, one escaped block marker."""

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


#: a Markdown block's marker opening a line ("1. x", "- x", "> x", "# x", "| x", "----",
#: "```"): in a dialect's own words it is text, not a list, quote, heading, table or fence
_BLOCK_MARK = re.compile(r"^(?:(?P<num>\d+)[.)]|[-+*>|]|#{1,6})(?=\s|$)|^[-=]+\s*$|^(?:```|~~~)")


def block_safe(text: str) -> str:
    """The text with a Markdown block's marker at its start escaped: "1. x" in a wiki
    paragraph is words, not a list of its own."""
    mark = _BLOCK_MARK.match(text)
    if mark is None:
        return text
    if mark.group("num") is not None:
        return mark.group("num") + "\\" + text[len(mark.group("num")) :]
    return "\\" + text
