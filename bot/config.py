"""Settings from the environment and an optional `.env` file.

Secrets are `SecretStr`, so printing or logging the settings never shows them. A value that
cannot work is refused when the settings are read (`load_settings`), with one line naming the
variable and what it accepts, before anything connects anywhere.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

# Where the embedded database and the CLI's error log live.
DATA_DIR = Path.home() / ".local/share/quizbot"
DEFAULT_SQLITE_PATH = DATA_DIR / "quizbot.db"
DEFAULT_SQLITE = f"sqlite+aiosqlite:///{DEFAULT_SQLITE_PATH}"
# The drivers the bot runs on (async ones: SQLAlchemy's asyncio extension needs them).
DATABASE_DRIVERS = ("sqlite+aiosqlite", "postgresql+asyncpg")
DATABASE_URL_FORMS = (
    "sqlite+aiosqlite:///PATH or postgresql+asyncpg://USER:PASSWORD@HOST:PORT/DATABASE"
)
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
UNPARSEABLE_URL = "<unparseable database url>"
_ID_LIST = re.compile(r"^\s*(\d+\s*(,\s*\d+\s*)*)?,?\s*$")


class ConfigError(ValueError):
    """A setting is missing or cannot work; the message names it and says what it accepts."""


class Settings(BaseSettings):
    # An empty `NAME=` line in .env means "not set" (else an empty token would pick a mode).
    model_config = SettingsConfigDict(
        env_file=".env", env_file_encoding="utf-8", extra="ignore", env_ignore_empty=True
    )

    database_url: str = Field(
        default=DEFAULT_SQLITE,
        description="SQLAlchemy async URL; SQLite file by default, postgresql+asyncpg://... for prod",
    )
    db_pool_size: int = Field(default=10, ge=1, le=200)
    db_timeout: float = Field(default=10.0, gt=0, description="seconds to wait for a connection")
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"] = "INFO"
    log_format: Literal["text", "json"] = "text"
    due_poll_seconds: float = Field(default=1.0, gt=0, le=60)
    # Per team: decks it may keep (archived ones aside) and questions one deck may hold.
    deck_max_per_team: int = Field(default=20, ge=1, le=1000)
    deck_max_questions: int = Field(default=2000, ge=1, le=50_000)

    discord_token: SecretStr | None = None
    discord_guild_ids: str = ""
    discord_shard_ids: str = ""
    discord_shard_count: int | None = Field(default=None, ge=1)
    # HTTP interactions mode (`quizbot run discord --http`): the application's public key
    discord_public_key: str | None = None
    # Discord's REST API (tests and benchmarks point it at a local fake; the gateway is then
    # wherever that API's /gateway/bot says)
    discord_api_url: str | None = None

    slack_bot_token: SecretStr | None = None
    slack_app_token: SecretStr | None = None
    slack_signing_secret: SecretStr | None = None
    slack_api_url: str = "https://slack.com/api/"
    # OAuth install mode (many workspaces): used when SLACK_BOT_TOKEN is not set
    slack_client_id: str | None = None
    slack_client_secret: SecretStr | None = None

    @field_validator("database_url")
    @classmethod
    def _a_supported_database(cls, value: str) -> str:
        from sqlalchemy.engine import make_url
        from sqlalchemy.exc import ArgumentError

        try:
            url = make_url(value)
        except ArgumentError:
            raise ValueError(f"not a database URL; use {DATABASE_URL_FORMS}") from None
        if url.drivername not in DATABASE_DRIVERS:
            raise ValueError(f"the bot cannot run on {url.drivername!r}; use {DATABASE_URL_FORMS}")
        return value

    @field_validator("log_level", mode="before")
    @classmethod
    def _level_in_any_case(cls, value: Any) -> Any:
        return value.strip().upper() if isinstance(value, str) else value

    @field_validator("discord_guild_ids", "discord_shard_ids")
    @classmethod
    def _comma_separated_ids(cls, value: str) -> str:
        if not _ID_LIST.match(value):
            raise ValueError("must be numbers separated by commas, like 123,456")
        return value

    @field_validator("discord_public_key")
    @classmethod
    def _an_ed25519_key(cls, value: str | None) -> str | None:
        if value is None:
            return None
        value = value.strip()
        if not re.fullmatch(r"[0-9a-fA-F]{64}", value):
            raise ValueError(
                "must be the application's public key: 64 hexadecimal characters "
                "(Developer Portal, General Information)"
            )
        return value

    @property
    def discord_guild_id_list(self) -> list[int]:
        return [int(x) for x in self.discord_guild_ids.replace(" ", "").split(",") if x]


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The settings, read once; a bad value raises ConfigError naming it."""
    try:
        return Settings()
    except ValidationError as exc:
        raise ConfigError(settings_problem(exc)) from None
    except UnicodeDecodeError as exc:
        raise ConfigError(f".env is not UTF-8 text ({exc.reason} at byte {exc.start})") from None


def settings_problem(exc: ValidationError) -> str:
    """One line per bad setting: its variable, what is wrong, and the value unless secret."""
    parts = []
    for error in exc.errors():
        name = str(error["loc"][0]) if error["loc"] else "?"
        message = str(error["msg"]).removeprefix("Value error, ")
        parts.append(f"{name.upper()}{_shown(name, error.get('input'))}: {message}")
    return "; ".join(parts) + " (from the environment or .env)"


def _shown(name: str, value: Any) -> str:
    if not isinstance(value, str | int | float):
        return ""
    field = Settings.model_fields.get(name)
    if field is not None and "SecretStr" in str(field.annotation):
        return " (value hidden)"
    text = str(value)
    if name == "database_url":
        text = redact_url(text)
        if text == UNPARSEABLE_URL:
            return ""
    return f"={text[:80]!r}"


def redact_url(url: str) -> str:
    """A database URL safe to log: the password replaced by ***."""
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:
        return UNPARSEABLE_URL
