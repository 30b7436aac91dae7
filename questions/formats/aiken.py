"""Aiken import and export (https://docs.moodle.org/en/Aiken_format).

    Which SQS queue type provides exactly-once processing?
    A. Standard
    B) FIFO
    ANSWER: B

The prompt is every line before the first option (several lines are joined with newlines);
options are `A. text` or `A) text`; `ANSWER: X` (any case) ends the question; blank lines between
questions are optional. Aiken has no topic, explanation, id, kind or language, so on import the
topic is "General", the id is content-derived, the language is detected, and a question whose
options are exactly True / False becomes a truefalse question. Export drops topic, explanation,
id, source and lang; newlines inside an option become spaces, blank lines inside a prompt are
lost, and a prompt with a line that looks like an option (`A. Lincoln ...`) is written as one
line, since Aiken could not tell such a line from an option.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from questions.bank import BankQuestion, Problem
from questions.formats.common import (
    Draft,
    ImportResult,
    add,
    build,
    finish,
    kind_for,
    refuse_over_limit,
)

_OPTION_RE = re.compile(r"^([A-Z])[.)]\s+(.*\S)\s*$")
_ANSWER_RE = re.compile(r"^ANSWER\s*:\s*(\S*)\s*$", re.IGNORECASE)
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


@dataclass
class _Pending:
    """The question being read: its first line, prompt lines and options so far."""

    line: int
    prompt: list[str] = field(default_factory=list)
    letters: list[str] = field(default_factory=list)
    options: list[str] = field(default_factory=list)

    def problem(self, field_name: str, message: str, line: int | None = None) -> Problem:
        return Problem(field_name, message, f"#{self.line}", line or self.line)


class _Reader:
    """A line-by-line state machine: prompt lines, then options, then the ANSWER line."""

    def __init__(self) -> None:
        self.drafts: list[Draft] = []
        self.problems: list[Problem] = []
        self.current: _Pending | None = None

    def feed(self, number: int, line: str) -> None:
        text = line.strip()
        if not text:
            return
        cur = self.current
        if cur is None:
            cur = self.current = _Pending(number)
        answer = _ANSWER_RE.match(text)
        option = _OPTION_RE.match(text)
        if answer:
            self._finish(cur, answer.group(1), number)
        elif option:
            self._option(cur, option.group(1), option.group(2), number)
        elif cur.options:
            self.problems.append(cur.problem("answer", "has no ANSWER: line after its options"))
            self.current = _Pending(number, [text])
        else:
            cur.prompt.append(text)

    def _option(self, cur: _Pending, letter: str, text: str, number: int) -> None:
        if not cur.prompt:
            self.problems.append(cur.problem("prompt", "is missing before the options", number))
        if letter in cur.letters:
            self.problems.append(cur.problem("choices", f"option {letter} appears twice", number))
        cur.letters.append(letter)
        cur.options.append(text)

    def _finish(self, cur: _Pending, letter: str, number: int) -> None:
        self.current = None
        letter = letter.upper().rstrip(".)")
        if not cur.prompt:
            self.problems.append(cur.problem("prompt", "is missing", number))
            return
        if letter not in cur.letters:
            shown = ", ".join(cur.letters) or "none"
            self.problems.append(
                cur.problem(
                    "answer", f"ANSWER {letter!r} is not one of the options ({shown})", number
                )
            )
            return
        question = build(
            prompt="\n".join(cur.prompt),
            choices=cur.options,
            answer=cur.letters.index(letter),
            kind=kind_for(cur.options),
        )
        add(self.drafts, Draft(question, cur.line))

    def close(self) -> None:
        if self.current is not None:
            self.problems.append(self.current.problem("answer", "has no ANSWER: line"))


def parse(text: str, *, name: str = "import", bank: str = "imported") -> ImportResult:
    """Read Aiken text; raise BankError listing every problem, or return the questions."""
    lines = text.split("\n")
    refuse_over_limit(sum(1 for line in lines if _ANSWER_RE.match(line.strip())))
    reader = _Reader()
    for number, line in enumerate(lines, start=1):
        reader.feed(number, line)
    reader.close()
    return finish(reader.drafts, reader.problems, bank=bank)


def _prompt_text(prompt: str) -> str:
    """The prompt as Aiken can carry it: when one of its lines would read back as an option
    (`A. ...`, e.g. long choices written out in the prompt), the lines are joined with spaces."""
    lines = prompt.strip().splitlines()
    if any(_OPTION_RE.match(line.strip()) for line in lines):
        return " ".join(" ".join(lines).split())
    return prompt.strip()


def dump(questions: Sequence[BankQuestion], *, bank: str) -> str:
    """Aiken text: prompt, lettered options, ANSWER line, a blank line between questions."""
    blocks = []
    for q in questions:
        lines = [_prompt_text(q.prompt)]
        lines += [f"{LETTERS[i]}. {' '.join(c.split())}" for i, c in enumerate(q.choices)]
        lines.append(f"ANSWER: {LETTERS[q.answer]}")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"
