"""Logs: JSON lines with the event's ids, and no token or password ever written."""

from __future__ import annotations

import io
import json
import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.config import Settings
from bot.logs import REDACTED, configure_logging, log_context, secret_values

ROOT = Path(__file__).resolve().parents[2]
SLACK_BOT = "xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOpQrStUvWx"
SLACK_APP = "xapp-1-A0123456789-1234567890123-abcdef0123456789abcdef"
DISCORD = "MTIzNDU2Nzg5MDEyMzQ1Njc4.GaBcDe.AbCdEfGhIjKlMnOpQrStUvWxYz0123456789ab"
OWN_SECRET = "correct-horse-battery-staple"


@pytest.fixture
def capture() -> Iterator[io.StringIO]:
    """Our handler on a buffer; the root logger's handlers and level restored afterwards."""
    root = logging.getLogger()
    saved = (list(root.handlers), root.level)
    out = io.StringIO()
    handler = configure_logging("DEBUG", "json", secrets=[OWN_SECRET], stream=out)
    yield out
    root.removeHandler(handler)
    root.handlers[:] = saved[0]
    root.setLevel(saved[1])


def events(out: io.StringIO) -> list[dict[str, object]]:
    return [json.loads(line) for line in out.getvalue().splitlines()]


def test_json_lines_carry_the_event_ids(capture: io.StringIO) -> None:
    log = logging.getLogger("bot.test")
    log.info("question %s closed", 7, extra={"team": "T1", "channel": "C9", "round": 42})
    log.warning("plain")
    first, second = events(capture)
    assert first["message"] == "question 7 closed"
    assert (first["level"], first["logger"]) == ("INFO", "bot.test")
    assert (first["team"], first["channel"], first["round"]) == ("T1", "C9", 42)
    assert str(first["ts"]).endswith("+00:00")
    assert "team" not in second and second["level"] == "WARNING"


def test_log_context_ids_apply_inside_the_block_only(capture: io.StringIO) -> None:
    log = logging.getLogger("bot.test")
    with log_context(team="T1", round=5):
        log.info("inside", extra={"channel": "C2"})
    log.info("outside")
    inside, outside = events(capture)
    assert (inside["team"], inside["channel"], inside["round"]) == ("T1", "C2", 5)
    assert not {"team", "channel", "round"} & set(outside)


@pytest.mark.parametrize(
    "secret", [SLACK_BOT, SLACK_APP, DISCORD, OWN_SECRET], ids=["xoxb", "xapp", "discord", "own"]
)
def test_tokens_are_redacted_from_message_args_and_tracebacks(
    capture: io.StringIO, secret: str
) -> None:
    log = logging.getLogger("bot.test")
    log.error("login with " + secret)
    log.error("token=%s", secret)
    try:
        raise RuntimeError(f"auth failed for {secret}")
    except RuntimeError:
        log.exception("crash", extra={"team": f"team-{secret}"})
    text = capture.getvalue()
    assert secret not in text
    msgs = events(capture)
    assert msgs[0]["message"] == f"login with {REDACTED}"
    assert msgs[1]["message"] == f"token={REDACTED}"
    assert "RuntimeError: auth failed for " + REDACTED in str(msgs[2]["exc"])


def test_url_passwords_are_redacted(capture: io.StringIO) -> None:
    logging.getLogger("bot.test").warning(
        "cannot reach postgresql+asyncpg://quizbot:s3cr3t-pw@db:5432/quizbot"
    )
    (event,) = events(capture)
    assert (
        event["message"] == f"cannot reach postgresql+asyncpg://quizbot:{REDACTED}@db:5432/quizbot"
    )


RESPONSE_URL_SECRET = "x7Kp2LmQ9vRt4WzY8bNc3DfG"
TRIGGER_ID = "13345224609.738474920.8088930838d88f008e0"
INTERACTION_TOKEN = "aW50ZXJhY3Rpb246MTIzNDU2Nzg5MDEyMzQ1Njc4OlJhTmRPbVNlQ3JFdA"
WEBHOOK_TOKEN = "Zq1x-YtR5_kLm8NpQ2rS4tUv6WxYz0AbCdEfGhIjKlMnOpQrStUv"


@pytest.mark.parametrize(
    ("line", "secret"),
    [
        (
            f"POST https://hooks.slack.com/commands/T0001/123456/{RESPONSE_URL_SECRET}",
            RESPONSE_URL_SECRET,
        ),
        (
            f'{{"response_url":"https:\\/\\/hooks.slack.com\\/actions\\/T0001\\/9\\/{RESPONSE_URL_SECRET}"}}',
            RESPONSE_URL_SECRET,
        ),
        (
            f"response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT0001%2F1%2F{RESPONSE_URL_SECRET}&text=hi",
            RESPONSE_URL_SECRET,
        ),
        (f"{{'trigger_id': '{TRIGGER_ID}', 'type': 'block_actions'}}", TRIGGER_ID),
        (f"views.open body_params: trigger_id {TRIGGER_ID}", TRIGGER_ID),
        (
            f"POST https://discord.com/api/v10/interactions/1234567890123456789/{INTERACTION_TOKEN}/callback",
            INTERACTION_TOKEN,
        ),
        (f"{{'id': '1', 'token': '{INTERACTION_TOKEN}'}}", INTERACTION_TOKEN),
        (f"https://discord.com/api/webhooks/1234567890123456789/{WEBHOOK_TOKEN}", WEBHOOK_TOKEN),
    ],
    ids=[
        "response_url",
        "response_url-json",
        "response_url-form",
        "trigger_id-key",
        "trigger_id-shape",
        "interaction-callback",
        "interaction-token-key",
        "discord-webhook",
    ],
)
def test_short_lived_capabilities_are_redacted(
    capture: io.StringIO, line: str, secret: str
) -> None:
    logging.getLogger("bot.test").debug(line)
    (event,) = events(capture)
    assert secret not in str(event["message"])
    assert REDACTED in str(event["message"])


def test_ordinary_words_about_tokens_are_kept(capture: io.StringIO) -> None:
    logging.getLogger("bot.test").info("DISCORD_TOKEN is not set; 3 tokens left in round 12")
    (event,) = events(capture)
    assert event["message"] == "DISCORD_TOKEN is not set; 3 tokens left in round 12"


def test_text_format_appends_ids_and_redacts() -> None:
    root = logging.getLogger()
    saved = (list(root.handlers), root.level)
    out = io.StringIO()
    handler = configure_logging("INFO", "text", stream=out)
    try:
        logging.getLogger("bot.test").info("hi %s", SLACK_BOT, extra={"round": 3})
    finally:
        root.removeHandler(handler)
        root.handlers[:] = saved[0]
        root.setLevel(saved[1])
    line = out.getvalue().strip()
    assert line.endswith(f"INFO bot.test: hi {REDACTED} [round=3]")


def test_settings_secrets_are_collected() -> None:
    settings = Settings(
        database_url="postgresql+asyncpg://quizbot:dbpass123@db/quizbot",
        discord_token=DISCORD,
        slack_signing_secret=OWN_SECRET,
        _env_file=None,
    )
    found = secret_values(settings)
    assert {"dbpass123", DISCORD, OWN_SECRET} <= set(found)


def test_unknown_format_is_refused() -> None:
    with pytest.raises(ValueError, match="LOG_FORMAT must be text or json"):
        configure_logging("INFO", "xml")


def quizbot(args: list[str], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT), **env},
        cwd=cwd,
        timeout=60,
    )


@pytest.mark.slow
def test_cli_health_on_a_dead_database_logs_json_and_never_the_password(tmp_path: Path) -> None:
    password = "Pa55-word-never-shown"
    run = quizbot(
        ["health"],
        {
            "LOG_FORMAT": "json",
            # Port 1 on loopback refuses at once: the database is "down".
            "DATABASE_URL": f"postgresql+asyncpg://quizbot:{password}@127.0.0.1:1/quizbot",
            "DB_TIMEOUT": "3",
            "SLACK_BOT_TOKEN": SLACK_BOT,
        },
        tmp_path,
    )
    assert run.returncode == 1, run.stdout + run.stderr
    assert run.stdout.startswith("unhealthy: database postgresql+asyncpg://quizbot:***@")
    lines = [json.loads(line) for line in run.stderr.splitlines() if line.strip()]
    assert lines, "the failure is logged"
    assert any(e["logger"] == "bot.health" and e["level"] == "ERROR" for e in lines)
    assert {"ts", "level", "logger", "message"} <= set(lines[0])
    for secret in (password, SLACK_BOT):
        assert secret not in run.stdout + run.stderr


@pytest.mark.slow
def test_cli_health_exit_codes(fresh_db: str, tmp_path: Path) -> None:
    ok = quizbot(["health"], {"DATABASE_URL": fresh_db, "LOG_FORMAT": "json"}, tmp_path)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert ok.stdout.startswith("ok: database")
    broken = "sqlite+aiosqlite:///" + str(tmp_path / "no-such-dir" / "x" / "q.db")
    (tmp_path / "no-such-dir").write_text("a file where a directory should be")
    bad = quizbot(["health"], {"DATABASE_URL": broken}, tmp_path)
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert bad.stdout.startswith("unhealthy: database")
