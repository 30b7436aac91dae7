"""What every import format shares: the result type, content ids and all-or-nothing validation.

Each format parses text into drafts (a question plus the line it started on) and reports problems
it found while parsing. `finish` then applies the bank's own validation rules
(`bank.validate_question` / `bank.validate_bank`) so an imported question is checked exactly like
one written by hand, and raises one BankError naming every problem, or returns the questions.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from questions.bank import (
    TRUE_FALSE,
    BankError,
    BankQuestion,
    Problem,
    cross_problems,
    detect_lang,
    make_id,
    validate_question,
)
from questions.intake import count_problem
from questions.problems import by_line

DEFAULT_TOPIC = "General"


@dataclass
class ImportResult:
    """Questions ready to store, plus the questions skipped because their type is unsupported.
    `lines` holds the line each question starts on (when the format knows it), so problems
    found later (a prompt the team already has) can point into the file too."""

    questions: list[BankQuestion]
    skipped: list[Problem] = field(default_factory=list)
    bank: str = "imported"
    lines: list[int | None] = field(default_factory=list)

    def line_of(self, index: int) -> int | None:
        return self.lines[index] if index < len(self.lines) else None


@dataclass(frozen=True)
class Draft:
    """A parsed question and the line it starts on, so validation problems can point at it."""

    question: BankQuestion
    line: int | None = None


def content_id(topic: str, prompt: str, choices: Sequence[str]) -> str:
    """Id for a question that came without one: same text, same id, so re-imports keep stats."""
    return make_id(topic, " ".join(prompt.split()), *choices)


def build(
    *,
    prompt: str,
    choices: Sequence[str],
    answer: int,
    topic: str = "",
    kind: str = "choice",
    explanation: str = "",
    qid: str = "",
    lang: str = "",
) -> BankQuestion:
    """Make a BankQuestion filling the defaults every format shares (topic, id, lang)."""
    topic = topic.strip() or DEFAULT_TOPIC
    choices = tuple(choices)
    return BankQuestion(
        id=qid.strip() or content_id(topic, prompt, choices),
        topic=topic,
        prompt=prompt,
        choices=choices,
        answer=answer,
        kind=kind,
        explanation=explanation,
        lang=lang.strip() or detect_lang(prompt),
    )


def refuse_over_limit(count: int) -> None:
    """Refuse a file whose questions, counted cheaply before parsing them, are too many."""
    too_many = count_problem(count, "the file")
    if too_many:
        raise BankError([too_many])


def add(drafts: list[Draft], draft: Draft) -> None:
    """Append a draft, refusing the file as soon as it holds more questions than one file may
    (questions.intake.MAX_QUESTIONS), before the rest is even parsed."""
    drafts.append(draft)
    refuse_over_limit(len(drafts))


def kind_for(choices: Sequence[str]) -> str:
    """truefalse when the choices are exactly True/False, for formats that cannot say the kind."""
    return "truefalse" if tuple(choices) == TRUE_FALSE else "choice"


def finish(
    drafts: Sequence[Draft],
    problems: Iterable[Problem] = (),
    skipped: Iterable[Problem] = (),
    *,
    bank: str = "imported",
) -> ImportResult:
    """Validate every draft; raise BankError with every problem (parse + rules) or return them.
    More than intake.MAX_QUESTIONS questions are refused before any is validated."""
    too_many = count_problem(len(drafts), "the file")
    if too_many:
        raise BankError([too_many])
    found = list(problems)
    for draft in drafts:
        found.extend(replace(p, line=draft.line) for p in validate_question(draft.question))
    questions = [d.question for d in drafts]
    lines = [d.line for d in drafts]
    found.extend(cross_problems(questions, lines))
    if found:
        raise BankError(by_line(found))
    return ImportResult(questions, list(skipped), bank, lines)
