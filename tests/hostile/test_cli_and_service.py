"""Every hostile file through `quizbot questions check` and `import`, and every bank file through
`load` too (bot.cli.main in this process, its output captured), and the worst through the admin
service while clicks are answered:
each ends in a clear message naming the problem, no traceback, nothing written, within 5 s and
300 MB. The whole corpus on SQLite; one file of each format on PostgreSQL. The chat paths are in
tests/adapters/{slack,discord}/test_hostile_files.py."""

from __future__ import annotations

import asyncio
import os
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

import bot.config
from bot.cli import main
from bot.core.curation.service import AdminService
from bot.core.errors import ImportRejected
from bot.core.play.service import QuizEngine
from bot.db.connect import create_engine
from bot.db.repository import SqlRepository
from bot.db.tables import AdminAction, Answer, Question
from bot.workers import shared_pool
from tests.core.curation.support import BOSS
from tests.helpers import (
    CHANNEL,
    FixedClock,
    RecordingMessenger,
    load_questions,
    player,
    sample_questions,
)
from tests.hostile.corpus import ON_POSTGRESQL, Case, cases

SECONDS = 5.0
MB = 1024 * 1024
TEAM_ARG = ["--team", "discord:81384788765712384"]


class ResidentPeak:
    """How much this process's resident memory grew at its peak within the block: Linux resets
    the high-water mark (VmHWM) when 5 is written to /proc/self/clear_refs."""

    grew = 0

    @staticmethod
    def _status(field: str) -> int:
        with open("/proc/self/status") as f:
            return next(int(line.split()[1]) * 1024 for line in f if line.startswith(field))

    def __enter__(self) -> ResidentPeak:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
        self.before = self._status("VmRSS:")
        return self

    def __exit__(self, *exc: object) -> None:
        self.grew = self._status("VmHWM:") - self.before


def chosen(backend: str) -> list[Case]:
    every = cases()
    return every if backend == "sqlite" else [c for c in every if c.name in ON_POSTGRESQL]


async def _counts(url: str) -> tuple[int, int]:
    engine = create_engine(url)
    try:
        async with engine.connect() as conn:
            questions = (await conn.execute(select(func.count()).select_from(Question))).scalar()
            actions = (await conn.execute(select(func.count()).select_from(AdminAction))).scalar()
        return int(questions or 0), int(actions or 0)
    finally:
        await engine.dispose()


@pytest.fixture
def cli(fresh_db, monkeypatch, capsys):
    monkeypatch.setenv("DATABASE_URL", fresh_db)
    bot.config.get_settings.cache_clear()

    def run(*argv: str) -> tuple[int, str, float]:
        started = time.monotonic()
        code = main(["questions", *argv])
        elapsed = time.monotonic() - started
        out = capsys.readouterr()
        return code, out.out + out.err, elapsed

    yield run
    bot.config.get_settings.cache_clear()


def test_the_corpus_is_many_different_attacks() -> None:
    every = cases()
    assert len(every) >= 50 and len({c.data for c in every}) == len(every)
    assert {Path(c.name).suffix for c in every} == {".yaml", ".csv", ".gift", ".aiken", ".json"}


@pytest.mark.slow  # imports run in the worker process, tens of seconds in all
def test_every_hostile_file_is_refused_by_check_load_and_import(cli, backend, fresh_db, tmp_path):
    assert cli("list", *TEAM_ARG)[0] == 0  # the database is made and the shipped bank loaded
    before = asyncio.run(_counts(fresh_db))
    slowest: list[tuple[float, str]] = []
    for case in chosen(backend):
        path = tmp_path / case.name
        path.write_bytes(case.data)
        runs = {}
        with ResidentPeak() as peak:
            runs["check"] = cli("check", str(path))
        if case.bank_says:  # a bank file; `load` reads any other file as `check` just did
            runs["load"] = cli("load", str(path))
        runs["import"] = cli("import", *TEAM_ARG, str(path))
        for command, (code, output, elapsed) in runs.items():
            where = f"{command} {case.name}: {output[:300]}"
            assert code in (1, 2), where
            assert "Traceback" not in output, where
            assert len(output.splitlines()) <= 25, where
            slowest.append((elapsed, f"{command} {case.name}"))
        assert case.says in runs["import"][1], runs["import"][1][:300]
        assert "nothing changed" in runs["import"][1]
        if case.bank_says:
            assert case.bank_says in runs["check"][1], runs["check"][1][:300]
            assert case.bank_says in runs["load"][1], runs["load"][1][:300]
            assert "not loaded" in runs["load"][1]
        assert peak.grew < 300 * MB, (case.name, peak.grew)
    assert max(slowest)[0] < SECONDS, max(slowest)
    assert shared_pool().peak_rss < 300 * MB
    assert asyncio.run(_counts(fresh_db)) == before


class Watching:
    """The real pool, noting how many clicks had been answered when each job started and when
    it came back."""

    def __init__(self, answered: list[int]) -> None:
        self.answered = answered
        self.during: list[int] = []

    async def run(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Any:
        before = len(self.answered)
        try:
            return await shared_pool().run(fn, *args, **kwargs)
        finally:
            self.during.append(len(self.answered) - before)


@pytest.mark.parametrize("backend", ["sqlite"])  # the event loop's test: one database will do
async def test_clicks_are_answered_while_the_worst_files_are_read(fresh_repo: SqlRepository):
    """Counted, not timed: a file read on the event loop lets no click complete while it is
    read (a synchronous parse lets no other coroutine run); here several do."""
    await load_questions(fresh_repo, sample_questions(4))
    engine = QuizEngine(fresh_repo, RecordingMessenger(), platform="discord", clock=FixedClock())
    rq = (await engine.start_round(CHANNEL, player("host"), questions=1)).card.round_question_id
    answered: list[int] = []
    watching = Watching(answered)
    admin = AdminService(fresh_repo, FixedClock(), worker=watching)
    worst = [c for c in cases() if c.name in ("many-values.yaml", "too-many.csv")]
    for case in worst:
        importing = asyncio.create_task(admin.import_questions(BOSS, case.data, filename=case.name))
        while not importing.done():
            assert (await engine.answer(rq, player(f"p{len(answered)}"), 0)).accepted
            answered.append(1)
        with pytest.raises(ImportRejected) as err:
            await importing
        assert case.says in str(err.value)
    assert sum(watching.during) >= 3, watching.during
    async with fresh_repo.unit() as u:
        own = select(func.count()).select_from(Question).where(Question.team_id.is_not(None))
        assert (await u.session.execute(own)).scalar_one() == 0
        answers = (await u.session.execute(select(func.count()).select_from(Answer))).scalar_one()
    assert answers == len(answered)


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (1024 * MB, 1024 * MB))


@pytest.mark.slow
def test_the_451_byte_bomb_in_a_real_process(tmp_path: Path) -> None:
    """The issue's repro as a user runs it: a fresh `python -m bot.cli`, capped at 1 GB."""
    [bomb] = [c for c in cases() if c.name == "bomb-key.yaml"]
    path = tmp_path / bomb.name
    path.write_bytes(bomb.data)
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "bot.cli", "questions", "check", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        preexec_fn=_limit_memory,
        env={**os.environ, "DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'x.db'}"},
    )
    assert time.monotonic() - started < 30
    assert done.returncode == 1
    assert done.stdout + done.stderr == (
        f"{path}: 1 problem(s)\n"
        "  line 2: yaml: bomb-key.yaml is not valid YAML: anchors (&name) are not allowed\n"
    )
