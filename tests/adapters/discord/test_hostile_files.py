"""Hostile files attached to `/quizadmin import` in Discord (the real discord.py client, the
file fetched from the fake CDN): each refused with a clear message naming the problem, nothing
written, each refused by its own limit (the message names it), never by the
worker's time-out: a limit that holds whatever the machine's load, where a wall-clock bound here
failed on a busy machine without a bug (the worker's time-out has its own test in tests/workers). One of each kind on SQLite, a few on PostgreSQL; the whole corpus goes
through the CLI in tests/hostile."""

from __future__ import annotations

from bot.adapters.discord.bank_files import MAX_IMPORT_BYTES
from bot.db.tables import AdminAction, Question
from tests.adapters.discord.test_bank_files import OWNER, count
from tests.hostile.corpus import ON_POSTGRESQL, REPRESENTATIVE, cases


async def test_hostile_attachments_are_refused_and_change_nothing(bot, backend):
    names = REPRESENTATIVE if backend == "sqlite" else ON_POSTGRESQL
    before = (await count(bot.repo, Question), await count(bot.repo, AdminAction))
    for case in [c for c in cases() if c.name in names]:
        iid = await bot.send.command(
            OWNER, "quizadmin import", file=bot.fake.upload(case.name, case.data)
        )
        text = bot.fake.reply_texts(iid)[-1]
        expected = "files up to 1.0 MB" if len(case.data) > MAX_IMPORT_BYTES else case.says
        assert expected in text, (case.name, text[:300])
        assert "Traceback" not in text and "was stopped" not in text, (case.name, text[:300])
    assert (await count(bot.repo, Question), await count(bot.repo, AdminAction)) == before
