"""Failing to reach a platform, told in one line: at start-up by the run modes (which then exit),
and in the log while a library retries (discord.py and slack_sdk log every failed reconnect
with its traceback, every few seconds, for as long as the network is down).

A traceback says where code went wrong; a refused or unresolvable connection is not code going
wrong, so its traceback only buries the log. One of our own frames in it is, though: an error
in our handlers keeps its traceback, whatever its type.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from types import TracebackType

_OUR_CODE = str(Path(__file__).resolve().parent) + os.sep
MAX_CAUSE = 200  # characters of the error's own text: one line, not a dump


def _connection_types() -> tuple[type[BaseException], ...]:
    """The network's errors, of the libraries loaded (an error of one that is not loaded
    cannot be at hand): sockets and timeouts, aiohttp's, discord.py's gateway and 5xx."""
    found: list[type[BaseException]] = [OSError, TimeoutError]
    aiohttp = sys.modules.get("aiohttp")
    if aiohttp is not None:
        found.append(aiohttp.ClientError)
    discord = sys.modules.get("discord")
    if discord is not None and hasattr(discord, "ConnectionClosed"):
        found += [discord.ConnectionClosed, discord.GatewayNotFound, discord.DiscordServerError]
    return tuple(found)


def _chain(exc: BaseException) -> list[BaseException]:
    """The error and those it was raised from or while handling, each once."""
    seen: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in seen:
        seen.append(current)
        current = current.__cause__ or current.__context__
    return seen


def is_connection_error(exc: BaseException) -> bool:
    """The platform could not be reached, or dropped the connection (also when a library
    wrapped that in an error of its own)."""
    types = _connection_types()
    return any(isinstance(e, types) for e in _chain(exc))


def cause(exc: BaseException) -> str:
    """The error in one line: its type, and its text when it has one."""
    text = " ".join(str(exc).split())[:MAX_CAUSE]
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _passes_our_code(tb: TracebackType | None) -> bool:
    while tb is not None:
        if tb.tb_frame.f_code.co_filename.startswith(_OUR_CODE):
            return True
        tb = tb.tb_next
    return False


def raised_in_our_code(exc: BaseException) -> bool:
    return any(_passes_our_code(e.__traceback__) for e in _chain(exc))


class LibraryRetriesInOneLine(logging.Filter):
    """A library's record of a connection error, from the library's own code (a retry loop),
    is written as one line: its message and the error's `cause`, without the traceback.
    Installed on our log handler except at DEBUG, where the traceback is kept."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not record.exc_info or record.pathname.startswith(_OUR_CODE):
            return True
        exc = record.exc_info[1]
        if exc is None or not is_connection_error(exc) or raised_in_our_code(exc):
            return True
        try:
            message = record.getMessage()
        except Exception:  # a bad format string: the redacting filter keeps what it can
            return True
        text = cause(exc)
        record.msg = (
            f"{message} ({type(exc).__name__})" if str(exc) in message else f"{message}: {text}"
        )
        record.args = None
        record.exc_info, record.exc_text = None, None
        return True
