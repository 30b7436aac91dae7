"""The project's own rules, checked with the test suite so CI enforces them."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, timeout=300
    )


def test_ruff_lint_and_format() -> None:
    lint = run("ruff", "check", ".")
    assert lint.returncode == 0, lint.stdout + lint.stderr
    fmt = run("ruff", "format", "--check", ".")
    assert fmt.returncode == 0, fmt.stdout + fmt.stderr


def test_mypy_strict_core_and_questions() -> None:
    result = run("mypy", "bot", "questions")
    assert result.returncode == 0, result.stdout + result.stderr


def test_core_knows_no_platform_and_no_sql() -> None:
    banned = re.compile(
        r"^\s*(import|from)\s+(discord|slack_bolt|slack_sdk|sqlalchemy|aiohttp|alembic)\b", re.M
    )
    offenders = [
        str(p.relative_to(ROOT))
        for p in (ROOT / "bot" / "core").rglob("*.py")
        if banned.search(p.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_questions_package_knows_nothing_of_the_bot() -> None:
    offenders = [
        str(p.relative_to(ROOT))
        for p in (ROOT / "questions").rglob("*.py")
        if re.search(r"^\s*(import|from)\s+bot\b", p.read_text(encoding="utf-8"), re.M)
    ]
    assert offenders == []
