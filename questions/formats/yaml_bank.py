"""The bank YAML format (DESIGN.md), as an import/export format.

A thin wrapper over `questions.bank.parse_bank` / `dump_bank`, so the file the generator writes
and the file an admin imports are read by the same code. Carries every field, ids and sources
included; the bank name in the file wins over the one the caller passes.
"""

from __future__ import annotations

from collections.abc import Sequence

from questions.bank import Bank, BankQuestion, dump_bank, parse_bank_lines
from questions.formats.common import ImportResult


def parse(text: str, *, name: str = "import", bank: str = "imported") -> ImportResult:
    """Parse and validate bank YAML; BankError (from parse_bank) lists every problem."""
    parsed, lines = parse_bank_lines(text, name)
    return ImportResult(parsed.questions, [], parsed.bank or bank, list(lines))


def dump(questions: Sequence[BankQuestion], *, bank: str) -> str:
    """Bank YAML, byte-for-byte what dump_bank writes."""
    return dump_bank(Bank(bank=bank, questions=list(questions)))
