"""The one rule every entry point (the CLI, each adapter) applies to an error that reaches it:
a known error becomes one clear line (and an exit code for the CLI); anything else is logged
once, with its traceback, under a short reference the user is given instead of the traceback.
"""

from __future__ import annotations

import logging
import secrets
from dataclasses import dataclass

# No 0/O or 1/I/L: a reference is read out loud or typed from a screenshot.
_REFERENCE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
USAGE = 2  # exit code: the command or a setting is wrong
RUNTIME = 1  # exit code: something failed while running


@dataclass(frozen=True)
class Failure:
    message: str
    exit_code: int


def new_reference() -> str:
    """A short id that ties what the user was told to the log record with the traceback."""
    return "".join(secrets.choice(_REFERENCE_ALPHABET) for _ in range(6))


def log_unexpected(log: logging.Logger, what: str, exc: BaseException) -> str:
    """Log an unexpected error once, traceback included, under a new reference; return it."""
    reference = new_reference()
    log.error("%s failed unexpectedly, reference %s", what, reference, exc_info=exc)
    return reference


def failure_text(reference: str) -> str:
    """What a chat user is told about an unexpected error: one line, the reference to quote."""
    return (
        f"Something went wrong on our side (reference {reference}). Please try again in a moment."
    )


def known_failure(exc: BaseException, database_url: str | None = None) -> Failure | None:
    """The one line for an error whose cause is known (a setting, the database, a file, a
    refusal), or None for an unexpected one."""
    from bot.config import ConfigError
    from bot.core.errors import QuizError
    from bot.runtime import NotMigrated

    if isinstance(exc, ConfigError):
        return Failure(str(exc), USAGE)
    if isinstance(exc, NotMigrated):
        return Failure(str(exc), RUNTIME)
    if database_url is not None:
        from bot.db.problems import database_problem

        problem = database_problem(exc, database_url)
        if problem is not None:
            return Failure(problem.message, USAGE if problem.in_the_url else RUNTIME)
    if isinstance(exc, QuizError):
        return Failure(exc.message, RUNTIME)
    if isinstance(exc, OSError) and exc.filename is not None:
        return Failure(f"{exc.filename}: {exc.strerror or exc}", USAGE)
    return None
