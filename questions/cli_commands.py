"""CLI-neutral entry points for `quizbot questions generate|check` (bot/cli.py wires them).

They print for a person and return an exit code, so any CLI framework can call them.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from pathlib import Path

from questions.bank import BankError, dump_bank, load_bank
from questions.generate import generate_bank, render_summary
from questions.out_file import overwrite_refusal


def generate_command(notes: list[str], out: str, *, force: bool = False) -> int:
    """Generate a bank from notes files, write it to `out`, print the summary.

    Exit codes: 0 written, 1 nothing to ask (no file written), 2 a usage or file problem (a
    notes file is unreadable; `out` is a notes file, a directory, cannot be written, or exists
    and `force` is not set). `out` is checked before generating and written whole or not at all.
    """
    if not notes:
        print("error: give at least one notes file", file=sys.stderr)
        return 2
    for path in notes:
        if not Path(path).is_file():
            print(f"error: no such notes file: {path}", file=sys.stderr)
            return 2
    refusal = out_refusal(notes, out, force=force)
    if refusal:
        print(f"error: {refusal}", file=sys.stderr)
        return 2
    try:
        bank, report = generate_bank(notes)
    except BankError as exc:  # too big, not UTF-8, control characters: the lines named
        for problem in exc.problems:
            print(f"error: {problem}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"error: cannot read notes: {exc.strerror or exc}", file=sys.stderr)
        return 2
    if not bank.questions:
        print(render_summary(report))
        print("error: no question passed the quality gates; nothing written", file=sys.stderr)
        return 1
    # Written before anything is printed, so a reader that stops early (`| head`) cannot stop
    # the write with a broken pipe.
    try:
        write_whole(Path(out), dump_bank(bank))
    except OSError as exc:
        print(f"error: cannot write {out}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    print(render_summary(report))
    print(f"wrote {len(bank.questions)} questions to {out}")
    return 0


def out_refusal(inputs: list[str], out: str, *, force: bool) -> str | None:
    """Why `out` may not be written, or None: never a directory or a path under a file, and
    then as `overwrite_refusal` says (never over a notes file, another only with `force`)."""
    target = Path(out)
    if target.is_dir():
        return f"--out {out} is a directory; name the bank file, e.g. {target / 'bank.yaml'}"
    refusal = overwrite_refusal(inputs, out, force=force, inputs_are="the notes file")
    if refusal:
        return refusal
    for parent in target.parents:
        if parent.exists():
            if not parent.is_dir():
                return f"cannot write {out}: {parent} is not a directory"
            break
    return None


def write_whole(target: Path, text: str) -> None:
    """Write through a temporary file beside the target, then rename it over the target, so
    a failed write leaves the old file as it was."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        os.chmod(tmp, _new_file_mode())  # mkstemp makes it 0600; a bank is an ordinary file
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _new_file_mode() -> int:
    """The mode `open()` would give a new file under this process's umask."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def check_command(bank_path: str) -> int:
    """Validate any bank file; print each bad question and field. 0 valid, 1 bad, 2 unreadable."""
    try:
        bank = load_bank(bank_path)
    except BankError as exc:
        print(f"{bank_path}: {len(exc.problems)} problem(s)", file=sys.stderr)
        for problem in exc.problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    except OSError as exc:  # said as every command says a file it cannot read
        print(f"error: {bank_path}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    print(f"{bank_path}: ok, {len(bank.questions)} questions in bank {bank.bank!r}")
    return 0
