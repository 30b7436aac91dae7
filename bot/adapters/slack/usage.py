"""What every `/quiz` verb's argument parser raises, and Slack's escaping of command text."""

from __future__ import annotations

_UNESCAPE = (("&lt;", "<"), ("&gt;", ">"), ("&amp;", "&"))


class UsageError(ValueError):
    """Bad `/quiz` arguments: the reply names what was wrong and shows the usage."""


def whole_number(name: str, text: str) -> int:
    if not text.strip().isdigit():
        raise UsageError(f"`{name}` must be a whole number, not `{text.strip()}`.")
    return int(text)


def unescape(text: str) -> str:
    """Command text as typed. Slack sends `&`, `<` and `>` as entities when it escapes a
    command's text (which it must, for `#channel` to arrive as `<#C123|name>`)."""
    for entity, char in _UNESCAPE:
        text = text.replace(entity, char)
    return text
