"""The CPU-heavy halves of making a deck, as pure functions of plain data: decoding a notes
file and generating its questions, or reading a bank file. The deck service hands them to its
Worker (a process with a time and memory bound, see bot/workers.py), never to the event loop.
Both raise questions' BankError (it pickles) naming the line when the file cannot be read."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from bot.core.decks.summary import bank_summary, generated_summary
from questions.bank import BankQuestion
from questions.formats import read_import
from questions.intake import decode


@dataclass(frozen=True)
class Generated:
    """A deck's questions from one file, the summary to show the admin, and the file's hash
    (so a deck records which version of its notes it holds)."""

    questions: list[BankQuestion]
    summary: str
    source_hash: str


def file_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def generate_notes(data: bytes, filename: str, deck: str) -> Generated:
    """Questions from a Markdown notes file (UTF-8, bounded by questions.intake)."""
    # Imported here: the generator (jieba, numpy, markdown-it) runs in the worker process only,
    # and importing it would add about half a second to every bot's start-up.
    from questions.generate import generate_from_texts

    text = decode(data, filename)
    bank, report = generate_from_texts([(filename, text)], deck)
    summary = generated_summary(bank.questions, report, filename)
    return Generated(bank.questions, summary, file_hash(data))


def read_bank(data: bytes, filename: str, deck: str) -> Generated:
    """Questions from a bank or import file (format told from its name)."""
    result = read_import(data, None, name=filename, bank=deck)
    summary = bank_summary(result.questions, result.skipped, filename)
    return Generated(result.questions, summary, file_hash(data))
