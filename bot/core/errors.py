"""Errors whose message is meant for the user who caused them."""

from __future__ import annotations

from collections.abc import Sequence

from questions.bank import Problem


class QuizError(Exception):
    """A refusal with a short, user-facing reason (e.g. "a round is already running here")."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class NotAllowed(QuizError):
    """The actor lacks the permission an action needs."""


class Unavailable(QuizError):
    """The database (or another dependency) is away for a moment; the user may retry."""

    def __init__(
        self, message: str = "The quiz is catching its breath, try again in a moment."
    ) -> None:
        super().__init__(message)


class Contended(Unavailable):
    """Two transactions waited on each other and the database cancelled one; it may simply be
    run again (callers that can, retry before telling the user)."""

    def __init__(self) -> None:
        super().__init__("Lots of answers at once, try again in a moment.")


class ValidationFailed(QuizError):
    """Bad input, with every problem named by field, so a form can mark each one."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        text = "; ".join(f"{p.field}: {p.message}" for p in problems)
        super().__init__(text, field=problems[0].field if problems else None)

    def by_field(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for p in self.problems:
            out[p.field] = f"{out[p.field]}; {p.message}" if p.field in out else p.message
        return out


class ImportRejected(QuizError):
    """A file was refused as a whole; `problems` lists every reason with its line."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = list(problems)
        lines = "\n".join(str(p) for p in self.problems)
        super().__init__(
            f"The file was not imported ({len(self.problems)} problem(s)):\n{lines}",
            field=self.problems[0].field if self.problems else None,
        )


class WorkRefused(QuizError):
    """CPU-heavy work (reading an import, an export, statistics) outgrew its time or memory
    bound and was stopped; the message says which, e.g. "took longer than 20 seconds"."""
