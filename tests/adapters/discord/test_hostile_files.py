"""Hostile files attached to `/quizadmin import` in Discord (the real discord.py client, the
file fetched from the fake CDN): each refused with a clear message naming the problem, nothing
written, within 5 s. One of each kind on SQLite, a few on PostgreSQL; the whole corpus goes
through the CLI in tests/hostile."""

from __future__ import annotations

import time

from bot.adapters.discord.bank_files import MAX_IMPORT_BYTES
from bot.db.tables import AdminAction, Question
from tests.adapters.discord.test_bank_files import OWNER, count
from tests.hostile.corpus import ON_POSTGRESQL, REPRESENTATIVE, cases


async def test_hostile_attachments_are_refused_and_change_nothing(bot, backend):
    names = REPRESENTATIVE if backend == "sqlite" else ON_POSTGRESQL
    before = (await count(bot.repo, Question), await count(bot.repo, AdminAction))
    for case in [c for c in cases() if c.name in names]:
        started = time.monotonic()
        iid = await bot.send.command(
            OWNER, "quizadmin import", file=bot.fake.upload(case.name, case.data)
        )
        elapsed = time.monotonic() - started
        text = bot.fake.reply_texts(iid)[-1]
        expected = "files up to 1.0 MB" if len(case.data) > MAX_IMPORT_BYTES else case.says
        assert expected in text, (case.name, text[:300])
        assert "Traceback" not in text and elapsed < 5.0, (case.name, elapsed)
    assert (await count(bot.repo, Question), await count(bot.repo, AdminAction)) == before
