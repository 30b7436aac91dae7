"""What a database failure means for whoever set DATABASE_URL, in one line.

The drivers say it many ways (asyncpg's and sqlite3's errors, wrapped by SQLAlchemy, sometimes
wrapped again as the core's Unavailable); this turns the ways a database can be misconfigured
or out of reach into a sentence, and leaves every other error alone (None), so it is not
mistaken for a known one.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy.engine import make_url

from bot.config import redact_url

# SQLSTATEs of a refused login (invalid authorization, invalid password) and a missing database.
_LOGIN_REFUSED = frozenset({"28000", "28P01"})
_NO_SUCH_DATABASE = "3D000"


@dataclass(frozen=True)
class DatabaseProblem:
    message: str
    # True: DATABASE_URL itself is wrong (fix the setting); False: the server is away.
    in_the_url: bool


def database_problem(exc: BaseException, url: str) -> DatabaseProblem | None:
    """The known cause of `exc` for the database at `url`, or None."""
    where = _where(url)
    for error in _chain(exc):
        state = _sqlstate(error)
        if state in _LOGIN_REFUSED:
            user = make_url(url).username or "?"
            return DatabaseProblem(
                f"the database at {where} refused the login of user {user!r}; check the user "
                "and password in DATABASE_URL",
                True,
            )
        if state == _NO_SUCH_DATABASE:
            name = make_url(url).database or "?"
            return DatabaseProblem(
                f"there is no database {name!r} at {where}; create it, or correct DATABASE_URL",
                True,
            )
        if isinstance(error, socket.gaierror):
            return DatabaseProblem(
                f"cannot find the database host of {where} ({error.strerror or error})", False
            )
        if _of_a_file(error):
            return None  # a file the command reads or writes: the boundary names it
        if isinstance(error, ConnectionError | TimeoutError) or (
            isinstance(error, OSError) and error.errno is not None
        ):
            reason = getattr(error, "strerror", None) or str(error) or type(error).__name__
            return DatabaseProblem(f"cannot reach the database at {where} ({reason})", False)
        text = str(error).splitlines()[0] if str(error) else ""
        for known in ("unable to open database file", "file is not a database"):
            if known in text:
                return DatabaseProblem(f"cannot open the SQLite database {where}: {known}", True)
    return None


def _of_a_file(error: BaseException) -> bool:
    """An OSError naming a file is that file's: the drivers' socket errors name none, and
    SQLite's own file errors come as sqlite3 errors, not OSError."""
    return isinstance(error, OSError) and error.filename is not None


def _where(url: str) -> str:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return str(parsed.database)
    return redact_url(url)


def _chain(exc: BaseException) -> Iterator[BaseException]:
    """The error and everything it was raised from (a driver's error under SQLAlchemy's)."""
    seen: set[int] = set()
    todo: list[BaseException] = [exc]
    while todo:
        error = todo.pop(0)
        if id(error) in seen:
            continue
        seen.add(id(error))
        yield error
        for nested in (error.__cause__, error.__context__, getattr(error, "orig", None)):
            if isinstance(nested, BaseException):
                todo.append(nested)


def _sqlstate(error: BaseException) -> str | None:
    state = getattr(error, "sqlstate", None) or getattr(error, "pgcode", None)
    return str(state) if state else None
