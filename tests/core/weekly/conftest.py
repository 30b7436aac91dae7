"""Fixtures for the weekly-post tests (both databases, via the shared `repo` fixture)."""

from __future__ import annotations

import pytest

from bot.db.repository import SqlRepository
from tests.core.weekly.world import World, make_world


@pytest.fixture
async def world(repo: SqlRepository) -> World:
    return await make_world(repo)
