"""The questions generated from one of the notes files written for the tests (notes/), read
once per file: several tests ask of the same bank."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from questions.bank import BankQuestion
from questions.generate import DocumentResult, generate_document

NOTES = Path(__file__).parent / "notes"


def notes_text(name: str) -> str:
    return (NOTES / name).read_text(encoding="utf-8")


@cache
def generated(name: str) -> DocumentResult:
    """The whole run on the file: facts, candidates, what was chosen and why others were not."""
    return generate_document(name, notes_text(name))


def asked(name: str) -> tuple[BankQuestion, ...]:
    """The bank's questions with choices, in the order the plan chose them."""
    return tuple(q for _, q in generated(name).chosen if q.choices)


def keyed(name: str) -> list[tuple[str, list[str], str]]:
    """(prompt, choices, key) of each question: what the option tests read."""
    return [(q.prompt, list(q.choices), q.choices[q.answer]) for q in asked(name)]
