"""`quizbot run` modes serve on uvloop where it is installed (Linux), on asyncio's loop where it
is not."""

from __future__ import annotations

import asyncio
import sys

import pytest
import uvloop

from bot.cli.run import run


async def _loop_kind() -> int:
    return 1 if isinstance(asyncio.get_running_loop(), uvloop.Loop) else 0


def test_a_bot_runs_on_uvloop_on_linux() -> None:
    assert sys.platform.startswith("linux")  # the platform the bots are deployed on
    assert run(_loop_kind()) == 1


def test_without_uvloop_a_bot_runs_on_asyncios_own_loop(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "uvloop", None)  # as if it were not installed
    assert run(_loop_kind()) == 0
