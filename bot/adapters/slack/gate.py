"""HTTP mode's front door: Slack's signature is checked on the raw bytes before anything parses
them, and a request that is not a well-formed Slack request is refused with a 4xx and one short
log line, never with a traceback or its body in the log.

401: missing, malformed, wrong or stale (over 5 minutes) signature; 413: a body over
MAX_BODY_BYTES; 400: signed, but not a request Slack sends (not UTF-8, bad form encoding,
bad JSON, a payload that is not an object, fields of the wrong type). Only then does Bolt see it.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs

from slack_sdk.signature import SignatureVerifier

log = logging.getLogger(__name__)

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


def refusal(body: bytes, headers: Mapping[str, str], verifier: SignatureVerifier) -> Refusal | None:
    """Why this request must not reach Bolt, or None when it may."""
    timestamp = headers.get("X-Slack-Request-Timestamp", "")
    signature = headers.get("X-Slack-Signature", "")
    if not timestamp.isdigit() or not signature:
        return Refusal(401, "no valid X-Slack-Request-Timestamp and X-Slack-Signature headers")
    try:
        text = body.decode("utf-8")  # Slack sends UTF-8 only (and the verifier decodes too)
    except UnicodeDecodeError:
        return Refusal(400, "the body is not UTF-8")
    if not verifier.is_valid(text, timestamp, signature):
        return Refusal(401, "wrong or stale signature")
    problem = body_problem(text, headers.get("Content-Type", ""))
    return Refusal(400, problem) if problem else None


def body_problem(text: str, content_type: str) -> str | None:
    """What makes a signed body something Slack would not send, or None."""
    if content_type.split(";")[0].strip() == "application/json":
        return _json_problem(text, "the JSON body")
    if _BAD_ESCAPE.search(text):
        return "the body is not form-encoded (a bad %-escape)"
    try:
        form = parse_qs(text, keep_blank_values=True, strict_parsing=bool(text), errors="strict")
    except (ValueError, UnicodeDecodeError):
        return "the body is not form-encoded"
    payload = form.get("payload")
    if payload is not None:
        return _json_problem(payload[0], "the payload")
    return None


def _json_problem(text: str, what: str) -> str | None:
    try:
        data: Any = json.loads(text)
    except ValueError:
        return f"{what} is not JSON"
    return payload_problem(data, what)


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
