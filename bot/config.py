"""Settings from the environment and an optional `.env` file.

Secrets are `SecretStr`, so printing or logging the settings never shows them.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_SQLITE = f"sqlite+aiosqlite:///{Path.home() / '.local/share/quizbot/quizbot.db'}"


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
    log_level: str = "INFO"
    log_format: str = Field(default="text", pattern="^(text|json)$")
    due_poll_seconds: float = Field(default=1.0, gt=0, le=60)

    discord_token: SecretStr | None = None
    discord_guild_ids: str = ""
    discord_shard_ids: str = ""
    discord_shard_count: int | None = None

    slack_bot_token: SecretStr | None = None
    slack_app_token: SecretStr | None = None
    slack_signing_secret: SecretStr | None = None
    slack_api_url: str = "https://slack.com/api/"
    # OAuth install mode (many workspaces): used when SLACK_BOT_TOKEN is not set
    slack_client_id: str | None = None
    slack_client_secret: SecretStr | None = None

    @property
    def discord_guild_id_list(self) -> list[int]:
        return [int(x) for x in self.discord_guild_ids.replace(" ", "").split(",") if x]


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()


def redact_url(url: str) -> str:
    """A database URL safe to log: the password replaced by ***."""
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:
        return "<unparseable database url>"
