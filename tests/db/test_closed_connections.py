"""Without a pre-ping, a pooled connection the server has closed (a restart, an idle timeout,
pg_terminate_backend) must still never reach a transaction: it is replaced at checkout."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from bot.db.connect import create_engine
from bot.db.repository import SqlRepository
from tests.conftest import async_wait_until


@pytest.mark.parametrize("backend", ["postgresql"])
async def test_a_connection_the_server_closed_is_replaced_before_use(fresh_db):
    engine = create_engine(fresh_db, pool_size=1)
    admin = create_engine(fresh_db)
    try:
        async with engine.connect() as conn:
            driver = (await conn.get_raw_connection()).driver_connection
            pid = (await conn.execute(text("SELECT pg_backend_pid()"))).scalar_one()
        async with admin.connect() as a:
            await a.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
        assert await async_wait_until(driver.is_closed)

        await SqlRepository(engine).ping()  # on the dead connection: Unavailable
        async with engine.connect() as conn:
            assert (await conn.execute(text("SELECT pg_backend_pid()"))).scalar_one() != pid
    finally:
        await engine.dispose()
        await admin.dispose()
