"""The CPU-heavy halves of making a deck, as pure functions of plain data: decoding a notes
file and generating its questions, or reading a bank file. The deck service hands them to its
Worker (a process with a time and memory bound, see bot/workers.py), never to the event loop.
Both raise questions' BankError (it pickles) naming the line when the file cannot be read."""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass

from questions.bank import BankQuestion
from questions.formats import read_import
from questions.generate import generate_from_texts, render_summary
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
    text = decode(data, filename)
    bank, report = generate_from_texts([(filename, text)], deck)
    return Generated(bank.questions, render_summary(report), file_hash(data))


def read_bank(data: bytes, filename: str, deck: str) -> Generated:
    """Questions from a bank or import file (format told from its name)."""
    result = read_import(data, None, name=filename, bank=deck)
    per_topic = Counter(q.topic for q in result.questions)
    lines = [f"{len(result.questions)} questions from {filename}", "By topic:"]
    lines += [f"  {n:>4}  {topic}" for topic, n in sorted(per_topic.items())]
    if result.skipped:
        lines.append(f"Skipped (a question type the bot cannot ask): {len(result.skipped)}")
        lines += [f"  {p}" for p in result.skipped]
    return Generated(result.questions, "\n".join(lines), file_hash(data))
