"""Logging set-up for every entry point: plain text for a terminal, or one JSON object per line
(LOG_FORMAT=json) for a log collector; either way tokens and configured secrets are redacted
before anything is written, because a traceback or a library's debug line can carry them.

Records may carry ids for the event's context, passed as `extra={"team": ..., "channel": ...,
"round": ...}` or set for a block with `log_context(...)`; both formats show them.
"""

from __future__ import annotations

import contextvars
import json
import logging
import re
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from bot.connection_errors import LibraryRetriesInOneLine

CONTEXT_FIELDS = ("team", "channel", "round")
REDACTED = "[redacted]"
MIN_SECRET_LENGTH = 4  # shorter "secrets" would blank out ordinary words

# Shapes of platform credentials, whether or not they are ours.
TOKEN_PATTERNS = (
    r"xox[abposre]-[A-Za-z0-9-]{6,}",  # Slack bot/user/config/refresh tokens
    r"xapp-[A-Za-z0-9-]{6,}",  # Slack app-level token (Socket Mode)
    r"[A-Za-z0-9_-]{23,28}\.[A-Za-z0-9_-]{6,7}\.[A-Za-z0-9_-]{27,40}",  # Discord bot token
    # Short-lived capabilities: whoever holds one can answer as the bot for a while.
    r"\b\d{6,}\.\d{6,}\.[0-9a-f]{16,}\b",  # Slack trigger_id (opens a modal as the bot)
    r"aW50ZXJhY3Rpb246[A-Za-z0-9_.-]+",  # Discord interaction token ("interaction:" in base64)
)
_SEP = r"(?:/|\\/|%2F)"  # a slash as written in a URL, in escaped JSON, or form-encoded
# Capability URLs keep their shape but lose the secret part:
# Slack response_url and incoming webhooks (hooks.slack.com/{commands,actions,services}/T.../...),
# Discord interaction callbacks and webhooks ({interactions,webhooks}/<id>/<token>).
CAPABILITY_URLS = (
    re.compile(rf"(?P<head>\bhooks\.slack\.com{_SEP})[^\s\"'&,}}<>\[\]]+"),
    re.compile(
        rf"(?P<head>\b(?:commands|actions|services|workflows|triggers){_SEP}T[A-Z0-9]{{2,}}{_SEP})"
        r"[^\s\"'&,}<>\[\]]+"
    ),
    re.compile(
        rf"(?P<head>\b(?:interactions|webhooks){_SEP}\d{{15,22}}{_SEP})[A-Za-z0-9_.-]{{20,}}"
    ),
)
# A value named like a capability, whatever its shape: `"response_url": "..."`,
# `trigger_id=...` (a form body), `'token': '...'` (an interaction payload).
KEYED_SECRET = re.compile(
    r"""(?P<head>(?P<q>["']?)\b(?:response_url|trigger_id|token|interaction_token|webhook_url)"""
    r"""(?P=q)\s*[:=]\s*["']?)(?!\[redacted\])(?P<value>[^"'&\s,}\]]+)"""
)
# The password of any URL (user:password@host), e.g. a DATABASE_URL in an error message.
URL_PASSWORD = re.compile(r"(?P<head>\b[a-zA-Z][\w+.-]*://[^\s:/@]*:)(?P<pw>[^\s@/]+)(?=@)")

_context: contextvars.ContextVar[dict[str, Any] | None] = contextvars.ContextVar(
    "quizbot_log_context", default=None
)


@contextmanager
def log_context(**ids: Any) -> Iterator[None]:
    """Attach ids (team, channel, round) to every record logged inside this block."""
    current = _context.get() or {}
    token = _context.set({**current, **{k: v for k, v in ids.items() if v is not None}})
    try:
        yield
    finally:
        _context.reset(token)


class Redactor:
    """Replaces token-shaped strings, URL passwords and the given secret values."""

    def __init__(self, secrets: Iterable[str] = ()) -> None:
        values = sorted(
            {s for s in secrets if s and len(s) >= MIN_SECRET_LENGTH}, key=len, reverse=True
        )
        parts = [re.escape(v) for v in values] + list(TOKEN_PATTERNS)
        self._pattern = re.compile("|".join(parts))

    def __call__(self, text: str) -> str:
        text = KEYED_SECRET.sub(_keep_head, text)  # first: the whole value, whatever it holds
        for pattern in CAPABILITY_URLS:
            text = pattern.sub(_keep_head, text)
        text = self._pattern.sub(REDACTED, text)
        return URL_PASSWORD.sub(_keep_head, text)


def _keep_head(match: re.Match[str]) -> str:
    return match.group("head") + REDACTED


class RedactingFilter(logging.Filter):
    """Renders each record's message (and traceback) once, redacted, before any formatter sees
    it; also copies the ids of the current `log_context` onto the record."""

    def __init__(self, redact: Redactor) -> None:
        super().__init__()
        self.redact = redact

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a bad format string must not lose the event
            message = f"{record.msg!r} {record.args!r}"
        record.msg = self.redact(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self.redact(record.exc_text)
        if record.stack_info:
            record.stack_info = self.redact(record.stack_info)
        for key, value in (_context.get() or {}).items():
            if not hasattr(record, key):
                setattr(record, key, value)
        for key in CONTEXT_FIELDS:
            value = getattr(record, key, None)
            if isinstance(value, str):
                setattr(record, key, self.redact(value))
        return True


def _context_ids(record: logging.LogRecord) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key in CONTEXT_FIELDS:
        value = getattr(record, key, None)
        if value is not None:
            out[key] = value if isinstance(value, int | float | bool) else str(value)
    return out


class _Tracebacks:
    """A formatter mixin: with `tracebacks` off, a record is written without its traceback
    (which goes to the crash file instead, see `configure_logging`)."""

    tracebacks = True

    def format(self, record: logging.LogRecord) -> str:
        if self.tracebacks or not (record.exc_info or record.exc_text or record.stack_info):
            return self._format(record)
        saved = (record.exc_info, record.exc_text, record.stack_info)
        record.exc_info, record.exc_text, record.stack_info = None, None, None
        try:
            return self._format(record)
        finally:
            record.exc_info, record.exc_text, record.stack_info = saved

    def _format(self, record: logging.LogRecord) -> str:
        raise NotImplementedError


class JsonFormatter(_Tracebacks, logging.Formatter):
    """One JSON object per line: ts, level, logger, message, the context ids, and exc."""

    def _format(self, record: logging.LogRecord) -> str:
        event: dict[str, Any] = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        event.update(_context_ids(record))
        if record.exc_info and not record.exc_text:
            record.exc_text = self.formatException(record.exc_info)
        if record.exc_text:
            event["exc"] = record.exc_text
        if record.stack_info:
            event["stack"] = record.stack_info
        return json.dumps(event, ensure_ascii=False, default=str)


class TextFormatter(_Tracebacks, logging.Formatter):
    """The usual one-line text, with the context ids appended when there are any."""

    def __init__(self) -> None:
        super().__init__("%(asctime)s %(levelname)s %(name)s: %(message)s")

    def _format(self, record: logging.LogRecord) -> str:
        return logging.Formatter.format(self, record)

    def formatMessage(self, record: logging.LogRecord) -> str:
        line = super().formatMessage(record)
        ids = _context_ids(record)
        if ids:
            line += " [" + " ".join(f"{k}={v}" for k, v in ids.items()) + "]"
        return line


_OURS = "_quizbot_handler"
# Unexpected errors a command already told its user about in one line (with the reference):
# with a crash file, their record and traceback go only there.
CRASH_LOGGER = "quizbot.crash"


class _StderrHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """Writes to the current sys.stderr (which tests and tools may swap), not the one at set-up."""

    @property
    def stream(self) -> IO[str]:
        return sys.stderr

    @stream.setter
    def stream(self, _value: object) -> None:
        pass


class _CrashFile(logging.FileHandler):
    """Records with a traceback, appended to a file opened on the first one. A file that
    cannot be written loses the record quietly: logging must never become the error."""

    def __init__(self, path: Path) -> None:
        super().__init__(path, encoding="utf-8", delay=True)
        self.setLevel(logging.ERROR)
        self.addFilter(lambda r: bool(r.exc_info or r.exc_text))

    def _open(self) -> Any:
        Path(self.baseFilename).parent.mkdir(parents=True, exist_ok=True)
        return super()._open()

    def handleError(self, record: logging.LogRecord) -> None:
        pass


def configure_logging(
    level: str,
    fmt: str,
    *,
    secrets: Iterable[str] = (),
    stream: IO[str] | None = None,
    crash_file: Path | None = None,
) -> logging.Handler:
    """Install one redacting handler on the root logger (replacing the ones a previous call
    installed, leaving handlers others added, e.g. pytest's) and set the root level.

    `fmt` is "text" or "json"; `secrets` are extra values to hide (see `secret_values`);
    without `stream`, records go to whatever sys.stderr is when they are written.

    With `crash_file` (a command run in a terminal, where stderr is the user's screen, not a
    log) tracebacks are written to that file only, and the stream gets each record's line
    without them (with them too at DEBUG); records of CRASH_LOGGER go to the file only.

    Except at DEBUG, a library's connection-retry record is one line (see `connection_errors`)."""
    if fmt not in ("text", "json"):
        raise ValueError(f"LOG_FORMAT must be text or json, not {fmt!r}")
    redact = RedactingFilter(Redactor(secrets))
    handler = logging.StreamHandler(stream) if stream is not None else _StderrHandler()
    if level.upper() != "DEBUG":
        handler.addFilter(LibraryRetriesInOneLine())  # before redact renders the traceback
    handler.addFilter(redact)
    formatter = JsonFormatter() if fmt == "json" else TextFormatter()
    handler.setFormatter(formatter)
    handlers: list[logging.Handler] = [handler]
    if crash_file is not None:
        formatter.tracebacks = level.upper() == "DEBUG"
        handler.addFilter(lambda r: r.name != CRASH_LOGGER)
        crash = _CrashFile(crash_file)
        crash.addFilter(redact)
        crash.setFormatter(JsonFormatter() if fmt == "json" else TextFormatter())
        handlers.append(crash)
    root = logging.getLogger()
    for old in list(root.handlers):
        if getattr(old, _OURS, False):
            root.removeHandler(old)
            old.close()
    for new in handlers:
        setattr(new, _OURS, True)
        root.addHandler(new)
    root.setLevel(level.upper())
    logging.captureWarnings(True)
    return handler


def secret_values(settings: Any) -> list[str]:
    """Every secret the settings hold: SecretStr fields and the database URL's password."""
    from pydantic import SecretStr
    from sqlalchemy.engine import make_url

    found: list[str] = []
    for name in type(settings).model_fields:
        value = getattr(settings, name, None)
        if isinstance(value, SecretStr):
            found.append(value.get_secret_value())
    try:
        password = make_url(settings.database_url).password
    except Exception:
        password = None
    if password:
        found.append(str(password))
    return found
