"""CLI-neutral entry points for `quizbot questions generate|check` (bot/cli.py wires them).

They print for a person and return an exit code, so any CLI framework can call them.
"""

from __future__ import annotations

import sys
from pathlib import Path

from questions.bank import BankError, dump_bank, load_bank
from questions.generate import generate_bank, render_summary


def generate_command(notes: list[str], out: str) -> int:
    """Generate a bank from notes files, write it to `out`, print the summary.

    Exit codes: 0 written, 1 nothing to ask (no file written), 2 a notes file is unreadable.
    """
    if not notes:
        print("error: give at least one notes file", file=sys.stderr)
        return 2
    for path in notes:
        if not Path(path).is_file():
            print(f"error: no such notes file: {path}", file=sys.stderr)
            return 2
    try:
        bank, report = generate_bank(notes)
    except (OSError, UnicodeDecodeError) as exc:
        print(f"error: cannot read notes: {exc}", file=sys.stderr)
        return 2
    print(render_summary(report))
    if not bank.questions:
        print("error: no question passed the quality gates; nothing written", file=sys.stderr)
        return 1
    target = Path(out)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(dump_bank(bank), encoding="utf-8")
    print(f"wrote {len(bank.questions)} questions to {out}")
    return 0


def check_command(bank_path: str) -> int:
    """Validate any bank file; print each bad question and field. 0 valid, 1 bad, 2 unreadable."""
    try:
        bank = load_bank(bank_path)
    except BankError as exc:
        print(f"{bank_path}: {len(exc.problems)} problem(s)", file=sys.stderr)
        for problem in exc.problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    except (OSError, UnicodeDecodeError) as exc:
        print(f"error: cannot read {bank_path}: {exc}", file=sys.stderr)
        return 2
    print(f"{bank_path}: ok, {len(bank.questions)} questions in bank {bank.bank!r}")
    return 0
