"""The bank YAML format is bank.parse_bank / dump_bank behind the common interface."""

from __future__ import annotations

import pytest

from questions.bank import BankError, load_bank, shipped_bank_paths
from questions.formats import yaml_bank


def test_shipped_bank_reads_with_its_own_name() -> None:
    path = shipped_bank_paths()[0]
    result = yaml_bank.parse(path.read_text(encoding="utf-8"), name=path.name, bank="other")
    assert result.bank == load_bank(path).bank
    assert result.questions == load_bank(path).questions


def test_problems_come_from_parse_bank() -> None:
    with pytest.raises(BankError) as err:
        yaml_bank.parse("bank: b\nquestions:\n  - id: x\n    topic: t\n    prompt: p\n")
    assert {p.field for p in err.value.problems} >= {"choices", "answer"}
