"""What is wrong with a bank or an import: one Problem per fault, all of them in one BankError.

Kept apart from the bank format so the readers below it (file intake, the YAML reader) can
report faults the same way without importing the format they serve.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one question: enough to find and fix it."""

    field: str
    message: str
    question: str | None = None  # question id, or "#N" when it has none
    line: int | None = None

    def __str__(self) -> str:
        where = []
        if self.line is not None:
            where.append(f"line {self.line}")
        if self.question is not None:
            where.append(f"question {self.question}")
        prefix = ", ".join(where)
        return (
            f"{prefix}: {self.field}: {self.message}" if prefix else f"{self.field}: {self.message}"
        )


def by_line(problems: Iterable[Problem]) -> list[Problem]:
    """Problems in the file's order, so a person fixes them top to bottom: those of no line
    (the whole file's) first, the rest by line, each line's in the order they were found."""
    return sorted(problems, key=lambda p: -1 if p.line is None else p.line)


class BankError(ValueError):
    """A bank (or an import) was rejected; `problems` lists every reason, not just the first."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    def __reduce__(self) -> tuple[type[BankError], tuple[list[Problem]]]:
        """Pickled as its problems (it crosses from a worker process to the bot)."""
        return (type(self), (self.problems,))
