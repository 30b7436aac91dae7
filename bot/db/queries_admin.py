"""SQL for question curation (list, edit, disable, import, statistics, history).

A mixin of SqlUnit: the methods run inside the unit's transaction (`self.session`)."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession


class AdminQueries:
    session: AsyncSession
    dialect: str
