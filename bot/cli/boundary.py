"""The error boundary around every `quizbot` command: whatever a command raises ends as one
line on stderr and an exit code, never as a traceback on the user's screen.

Known errors (a setting, the database URL or server, a file, a refusal) say what to fix, exit 2
for a usage or configuration problem and 1 for a failure at run time. Anything else is
unexpected: the user gets "unexpected error, reference ABC123" and where the details are; the
traceback is logged once under that reference, to the crash file (`CRASH_LOG`) for commands
run in a terminal, or to the log (stderr) for the bots, whose stderr is their log.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path

from bot.boundary import RUNTIME, known_failure, log_unexpected
from bot.config import DATA_DIR, ConfigError, get_settings
from bot.logs import CRASH_LOGGER

CRASH_LOG = DATA_DIR / "errors.log"
INTERRUPTED = 130  # 128 + SIGINT, as shells report a Ctrl-C
BROKEN_PIPE = 141  # 128 + SIGPIPE: the reader (`| head`) went away


def run_guarded(command: Callable[[], int], *, crash_file: Path | None) -> int:
    """Run one command. `crash_file`: where the traceback of an unexpected error goes when
    stderr is a person's screen (every command but the bots); None: the log (stderr)."""
    try:
        code = command()
        sys.stdout.flush()  # a reader that went away (`| head`) is found out here, not at exit
        return code
    except KeyboardInterrupt:
        print("Interrupted.", file=sys.stderr)
        return INTERRUPTED
    except BrokenPipeError:
        _silence_stdout()
        return BROKEN_PIPE
    except Exception as exc:
        failure = known_failure(exc, _database_url())
        if failure is not None:
            print(f"error: {failure.message}", file=sys.stderr)
            return failure.exit_code
        reference = log_unexpected(logging.getLogger(CRASH_LOGGER), "quizbot", exc)
        if crash_file is not None:
            print(
                f"error: unexpected error, reference {reference}; the details are in {crash_file}",
                file=sys.stderr,
            )
        return RUNTIME


def _database_url() -> str | None:
    try:
        return get_settings().database_url
    except ConfigError:
        return None


def _silence_stdout() -> None:
    """Nothing more can reach the reader; keep the interpreter's final flush from failing too."""
    with contextlib.suppress(OSError, ValueError):  # no real stdout (a test's capture)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
