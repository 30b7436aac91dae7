"""Questions as people type them (a modal, the CLI): parsing form fields into a draft and
validating it with the bank format's own rules, naming every bad field at once."""

from __future__ import annotations

from dataclasses import dataclass

from bot.core.errors import ValidationFailed
from questions.bank import MAX_CHOICES, BankQuestion, Problem, detect_lang, validate_question

DEFAULT_TOPIC = "General"
LETTERS = "ABCDE"


@dataclass(frozen=True)
class QuestionDraft:
    """A question as a person typed it (a modal, the CLI), before validation."""

    prompt: str
    choices: tuple[str, ...]
    answer: int  # 0-based index into choices
    explanation: str = ""
    topic: str = DEFAULT_TOPIC
    kind: str = "choice"


def parse_choices(text: str) -> tuple[str, ...]:
    """Choices typed one per line; blank lines ignored, surrounding spaces trimmed."""
    return tuple(line.strip() for line in text.splitlines() if line.strip())


def parse_correct(text: str, n_choices: int) -> int:
    """'2' (1-based) or 'B' to a 0-based index; ValidationFailed names the field."""
    raw = text.strip()
    index: int | None = None
    if raw.isdigit():
        index = int(raw) - 1
    elif len(raw) == 1 and raw.upper() in LETTERS:
        index = LETTERS.index(raw.upper())
    if index is None or not 0 <= index < max(n_choices, 1) or n_choices == 0:
        upper = max(min(n_choices, MAX_CHOICES), 1)
        raise ValidationFailed(
            [
                Problem(
                    "answer",
                    f"must be a choice number from 1 to {upper} (or a letter A-{LETTERS[upper - 1]})",
                )
            ]
        )
    return index


def draft_from_form(
    prompt: str, choices_text: str, correct_text: str, explanation: str = "", topic: str = ""
) -> QuestionDraft:
    """Build a draft from form fields, collecting every problem before failing."""
    choices = parse_choices(choices_text)
    problems: list[Problem] = []
    answer = 0
    try:
        answer = parse_correct(correct_text, len(choices))
    except ValidationFailed as exc:
        problems.extend(exc.problems)
    draft = QuestionDraft(
        prompt=prompt.strip(),
        choices=choices,
        answer=answer,
        explanation=explanation.strip(),
        topic=topic.strip() or DEFAULT_TOPIC,
    )
    problems.extend(p for p in check_draft(draft, "draft") if p.field != "answer" or not problems)
    if problems:
        raise ValidationFailed(_unique(problems))
    return draft


def _unique(problems: list[Problem]) -> list[Problem]:
    seen: set[tuple[str, str]] = set()
    out = []
    for p in problems:
        if (p.field, p.message) not in seen:
            seen.add((p.field, p.message))
            out.append(Problem(p.field, p.message))
    return out


def as_bank_question(draft: QuestionDraft, uid: str) -> BankQuestion:
    return BankQuestion(
        id=uid,
        topic=draft.topic,
        prompt=draft.prompt,
        choices=draft.choices,
        answer=draft.answer,
        kind=draft.kind,
        explanation=draft.explanation,
        lang=detect_lang(draft.prompt),
    )


def check_draft(draft: QuestionDraft, uid: str) -> list[Problem]:
    return [Problem(p.field, p.message) for p in validate_question(as_bank_question(draft, uid))]
