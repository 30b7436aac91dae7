"""A round's settings and their limits: what `/quiz start`, the channel defaults, the CLI and
every platform's command options and help read (never a copy of the numbers)."""

from __future__ import annotations

from questions.bank import Problem

MIN_QUESTIONS = 1
MAX_QUESTIONS = 50
MIN_SECONDS = 5
MAX_SECONDS = 300
DEFAULT_QUESTIONS = 5
DEFAULT_SECONDS = 20
LIMITS = {"questions": (MIN_QUESTIONS, MAX_QUESTIONS), "seconds": (MIN_SECONDS, MAX_SECONDS)}


def limit_problems(**settings: int | None) -> list[Problem]:
    """A Problem for each given round setting (questions=, seconds=) outside its limits."""
    problems = []
    for name, value in settings.items():
        low, high = LIMITS[name]
        if value is not None and not low <= value <= high:
            problems.append(Problem(name, f"must be {low} to {high}"))
    return problems
