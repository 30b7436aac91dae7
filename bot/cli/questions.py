"""`quizbot questions load|generate|check`: bank files, and the curation commands beside them."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from bot.cli import curation
from bot.cli._common import run
from bot.config import Settings


def cmd_questions_load(args: argparse.Namespace, settings: Settings) -> int:
    from bot.db.banks import load_banks
    from bot.runtime import open_runtime
    from questions.bank import BankError
    from questions.bank import load_bank as read_bank

    try:
        banks = [read_bank(path) for path in args.files]
    except BankError as exc:
        print(f"error: the bank was not loaded:\n{exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2

    async def main() -> int:
        try:
            async with open_runtime(settings) as rt:
                results = await load_banks(rt.repo, banks)
        except BankError as exc:  # an id another bank holds; the transaction was rolled back
            print(f"error: the banks were not loaded:\n{exc}", file=sys.stderr)
            return 2
        for path, bank, result in zip(args.files, banks, results, strict=True):
            print(f"{path}: {len(bank.questions)} questions: {result}")
        return 0

    return run(main())


def cmd_questions_generate(args: argparse.Namespace, settings: Settings) -> int:
    from questions.cli_commands import generate_command

    return int(generate_command(args.notes, args.out, force=args.force))


def cmd_questions_check(args: argparse.Namespace, settings: Settings) -> int:
    from questions.cli_commands import check_command

    return int(check_command(args.bank))


def register(sub: Any) -> None:
    q = sub.add_parser("questions", help="question banks").add_subparsers(
        dest="q_cmd", required=True
    )
    load = q.add_parser("load", help="load bank file(s) into the database (idempotent)")
    load.add_argument("files", nargs="+")
    load.set_defaults(handler=cmd_questions_load)
    gen = q.add_parser("generate", help="generate a bank from Markdown notes")
    gen.add_argument("notes", nargs="+")
    gen.add_argument("--out", required=True, help="the bank file to write (never a notes file)")
    gen.add_argument("--force", action="store_true", help="overwrite --out if it exists")
    gen.set_defaults(handler=cmd_questions_generate)
    check = q.add_parser("check", help="validate a bank file")
    check.add_argument("bank")
    check.set_defaults(handler=cmd_questions_check)
    curation.register(q)
