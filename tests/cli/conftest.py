"""What the CLI tests share."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bot.config import get_settings


@pytest.fixture
def cli_env(fresh_db: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """The CLI's settings pointed at a fresh database (its URL)."""
    monkeypatch.setenv("DATABASE_URL", fresh_db)
    get_settings.cache_clear()
    yield fresh_db
    get_settings.cache_clear()
