"""HTTP mode's front door: Slack's signature is checked on the raw bytes before anything parses
them, and a request that is not a well-formed Slack request is refused with a 4xx and one short
log line, never with a traceback or its body in the log.

401: missing, malformed, wrong or stale (over 5 minutes) signature; 413: a body over
MAX_BODY_BYTES; 400: signed, but not a request Slack sends (not UTF-8, bad form encoding,
bad JSON, a payload that is not an object, fields of the wrong type). Only then does Bolt see it.
"""

from __future__ import annotations

import hmac
import logging
import re
import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs

import orjson
from yarl import query_to_pairs

log = logging.getLogger(__name__)

# How old (or how far ahead) a request's timestamp may be, as Slack's own verifiers allow.
MAX_AGE_SECONDS = 60 * 5
# Slack's largest requests (view submissions of big modals) stay far below this.
MAX_BODY_BYTES = 1 << 20
# How much of a refused body a log line may quote (repr'd: no newlines get through).
LOGGED_PREFIX = 64
# Fields Slack sends as lists of objects in interaction payloads; Bolt indexes into them.
_LISTS = ("actions",)
_BAD_ESCAPE = re.compile(r"%(?![0-9A-Fa-f]{2})")
_OBJECTS = ("user", "team", "channel", "container", "view", "message", "event")


@dataclass(frozen=True)
class Refusal:
    status: int
    reason: str


@dataclass(frozen=True)
class Accepted:
    """A signed request Slack would send. `payload` is its interaction payload (the form's
    `payload=` JSON) when it has one, read here once so a click is not parsed twice."""

    payload: dict[str, Any] | None = None


TIMESTAMP = b"x-slack-request-timestamp"
SIGNATURE = b"x-slack-signature"
CONTENT_TYPE = b"content-type"


def check(body: bytes, headers: Mapping[bytes, bytes], secret: bytes) -> Refusal | Accepted:
    """Why this request must not go further, or what it carries when it may. `headers`: the
    raw header values by lower-case name, as the HTTP server gives them."""
    timestamp = headers.get(TIMESTAMP, b"").decode("latin-1")
    signature = headers.get(SIGNATURE, b"").decode("latin-1")
    if not (timestamp.isascii() and timestamp.isdigit() and len(timestamp) <= 20) or not signature:
        return Refusal(401, "no valid X-Slack-Request-Timestamp and X-Slack-Signature headers")
    if not signed(body, timestamp, signature, secret, time.time()):
        return Refusal(401, "wrong or stale signature")
    try:
        text = body.decode("utf-8")  # Slack sends UTF-8 only
    except UnicodeDecodeError:
        return Refusal(400, "the body is not UTF-8")
    return read_body(text, headers.get(CONTENT_TYPE, b"").decode("latin-1"))


def signed(body: bytes, timestamp: str, signature: str, secret: bytes, now: float) -> bool:
    """Whether `signature` is Slack's v0 signature of the raw body with the signing secret,
    made within MAX_AGE_SECONDS of `now`: one HMAC over the bytes as they came, compared in
    constant time (as bytes, so a header that is not ASCII is simply wrong)."""
    if abs(now - int(timestamp)) > MAX_AGE_SECONDS:
        return False
    mac = hmac.digest(secret, b"v0:" + timestamp.encode() + b":" + body, "sha256")
    return hmac.compare_digest(b"v0=" + mac.hex().encode(), signature.encode("utf-8", "replace"))


def read_body(text: str, content_type: str) -> Refusal | Accepted:
    """A signed body: refused (400) when Slack would not send it, else its payload if any."""
    if content_type.split(";")[0].strip() == "application/json":
        problem = _json_problem(text, "the JSON body")[0]
        return Refusal(400, problem) if problem else Accepted()
    form = form_fields(text)
    if form is None:
        return Refusal(400, "the body is not form-encoded")
    field = form.get("payload")
    if field is None:
        return Accepted()
    problem, payload = _json_problem(field[0], "the payload")
    return Refusal(400, problem) if problem else Accepted(payload)


def form_fields(text: str) -> dict[str, list[str]] | None:
    """A form-encoded body's fields, or None when it is not one: strictly, every field a
    `name=value` pair, every %-escape two hex digits and every escape UTF-8 (as
    `parse_qs(strict_parsing=True, errors="strict")`). Decoded by yarl's C unquoter: urllib's
    pure-Python one costs about 0.2 ms on a click's payload, more than the rest of the click's
    parsing."""
    if not text:
        return {}
    if any("=" not in field for field in text.split("&")):
        return None
    pairs = query_to_pairs(text)
    # A bad escape comes out as it went in, `%` and all, so only a decoded `%` (or a %25) asks
    # for the pattern's scan of the whole body, which costs more than the decoding.
    if any("%" in name or "%" in value for name, value in pairs) and _BAD_ESCAPE.search(text):
        return None
    if any("\ufffd" in name or "\ufffd" in value for name, value in pairs):
        # A replaced byte (or a real U+FFFD): let the strict parser decide.
        try:
            return parse_qs(text, keep_blank_values=True, strict_parsing=True, errors="strict")
        except (ValueError, UnicodeDecodeError):
            return None
    form: dict[str, list[str]] = {}
    for name, value in pairs:
        form.setdefault(name, []).append(value)
    return form


def _json_problem(text: str, what: str) -> tuple[str | None, Any]:
    # orjson: a click's payload (the whole message, blocks and all) is most of its parsing,
    # and orjson reads it several times faster than the json module.
    try:
        data: Any = orjson.loads(text)
    except ValueError:
        return f"{what} is not JSON", None
    return payload_problem(data, what), data


def payload_problem(data: Any, what: str = "the payload") -> str | None:
    """What makes a request's payload (an HTTP body's, or a Socket Mode envelope's) one Slack
    would not send: not an object, or a field Bolt reads of the wrong type. None when fine."""
    if not isinstance(data, dict):
        return f"{what} is not a JSON object"
    for key in _LISTS:
        if key in data and not (
            isinstance(data[key], list) and all(isinstance(x, dict) for x in data[key])
        ):
            return f"{what}'s {key!r} is not a list of objects"
    for key in _OBJECTS:
        if key in data and data[key] is not None and not isinstance(data[key], dict | str):
            return f"{what}'s {key!r} is not an object"
    if "type" in data and not isinstance(data["type"], str):
        return f"{what}'s 'type' is not text"
    return None


def log_refusal(refused: Refusal, body: bytes, remote: str | None) -> None:
    log.warning(
        "refused a request from %s with %d: %s (%d bytes, starting %r)",
        remote or "?",
        refused.status,
        refused.reason,
        len(body),
        body[:LOGGED_PREFIX],
    )


class BoundedMessages(logging.Filter):
    """Cuts a library's log message to `limit` characters: Bolt logs a request's whole body
    when its own signature check fails (at INFO), which would let anyone fill the log."""

    def __init__(self, limit: int = 300) -> None:
        super().__init__()
        self.limit = limit

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if len(message) > self.limit:
            record.msg = f"{message[: self.limit]}… [{len(message) - self.limit} more characters]"
            record.args = None
        return True
