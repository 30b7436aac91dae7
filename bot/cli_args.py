"""Argument types for `quizbot`: a value that cannot work is refused by argparse, which prints
the usage and one line naming the option, and exits 2, before anything runs."""

from __future__ import annotations

import argparse
from collections.abc import Callable

NAME_MAX = 80


def whole_number(low: int, high: int) -> Callable[[str], int]:
    """A whole number from `low` to `high`."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(
                f"must be a whole number from {low} to {high}, not {text!r}"
            ) from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"must be {low} to {high}, not {value}")
        return value

    return parse


def player_name(text: str) -> str:
    """A name to show on the leaderboard: something visible, at most NAME_MAX characters."""
    name = " ".join(text.split())
    if not name:
        raise argparse.ArgumentTypeError("must not be empty")
    if len(name) > NAME_MAX:
        raise argparse.ArgumentTypeError(f"must be at most {NAME_MAX} characters")
    return name
