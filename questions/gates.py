"""Quality gates: every generated question passes all of them or is dropped with a reason.

The gates judge a Candidate's real options (before long ones are moved into the prompt as
A-E), then the rendered BankQuestion is checked with the bank's own validation, so a generated
bank can never fail `quizbot questions check`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from questions.bank import (
    MAX_CHOICE,
    MAX_CHOICES,
    MAX_EXPLANATION,
    MAX_TOPIC,
    MIN_CHOICES,
    BankQuestion,
    Source,
    detect_lang,
    make_id,
    validate_question,
)
from questions.generators.base import Candidate, norm, tokens
from questions.notes_parser import is_cjk

LETTERS = "ABCDE"
_ABBR = {
    "term_definition": "term",
    "list_contrast": "list",
    "table_rows": "table",
    "cloze": "cloze",
    "dynamodb_capacity": "ddb",
    "true_false": "tf",
}
_MEDIA = re.compile(r"https?://|!\[|\]\(|www\.")


@dataclass(frozen=True)
class Dropped:
    """A candidate that failed a gate, and which gate: shown in the generate summary."""

    candidate: Candidate
    reason: str


@dataclass
class GateState:
    """What the gates have already let through, so duplicates are caught across batches."""

    keys: set[str] = field(default_factory=set)
    prompts: set[str] = field(default_factory=set)
    ids: set[str] = field(default_factory=set)


def _contains(haystack: str, needle: str) -> bool:
    """Whole-word (Latin) or substring (CJK) containment, ignoring case and spacing."""
    n = " ".join(needle.split()).casefold()
    h = " ".join(haystack.split()).casefold()
    if not n:
        return False
    if is_cjk(n):
        return n in h
    return re.search(rf"(?<![\w-]){re.escape(n)}(?![\w-])", h) is not None


def shape(text: str) -> str:
    """The kind of thing an option is, to check distractors are of the answer's type."""
    if is_cjk(text):
        return "zh"
    if re.fullmatch(r"\d[\d.,]*(\s?[^\W\d]+)?", text):
        return "number"
    return "text" if len(text.split()) > 6 else "name"


def check(c: Candidate) -> str | None:
    """The first gate the candidate fails, or None when it passes them all."""
    texts = (c.prompt, c.explanation, *c.options)
    if any(_MEDIA.search(t) for t in texts):
        return "comes from an image or URL"
    if not MIN_CHOICES <= len(c.options) <= MAX_CHOICES:
        return f"has {len(c.options)} choices (needs {MIN_CHOICES}-{MAX_CHOICES})"
    if not 0 <= c.answer < len(c.options):
        return "answer is not one of the choices"
    if any(not o.strip() for o in c.options):
        return "has an empty choice"
    if len({norm(o) for o in c.options}) != len(c.options):
        return "two choices are the same (more than one correct)"
    if c.kind == "truefalse":
        return None
    answer = c.answer_text
    if _contains(c.prompt, answer):
        return "answer appears in the prompt"
    if _contains(c.topic, answer):
        return "answer appears in the topic"
    distractors = [o for i, o in enumerate(c.options) if i != c.answer]
    if shape(answer) != "number" and any(_contains(c.prompt, d) for d in distractors):
        return "a distractor appears in the prompt"
    own = tokens(answer) - frozenset().union(*(tokens(d) for d in distractors))
    shared = own & tokens(c.prompt)
    # a short answer is given away when all its own words are in the prompt; a long one
    # (a description) when any of them is: "What does Traffic splitting do?" -> "...split..."
    if shared and (shared == own or c.answer_type == "description"):
        return "prompt gives the answer away (shares its words)"
    if c.answer_type == "description":
        if len({is_cjk(o) for o in c.options}) > 1:
            return "choices are of different types"
    elif len({shape(o) for o in c.options}) > 1:
        return "choices are of different types"
    return None


def render(c: Candidate) -> BankQuestion:
    """The bank question: long options move into the prompt as A-E with letter buttons."""
    prompt, options = c.prompt, c.options
    if any(len(o) > MAX_CHOICE for o in options):
        letters = tuple(LETTERS[: len(options)])
        listing = "\n".join(f"{k}. {o}" for k, o in zip(letters, options, strict=True))
        prompt = f"{prompt}\n\n{listing}"
        options = letters
    explanation = c.explanation
    if len(explanation) > MAX_EXPLANATION:
        explanation = explanation[: MAX_EXPLANATION - 1] + "…"
    topic = c.topic if len(c.topic) <= MAX_TOPIC else c.topic[: MAX_TOPIC - 1] + "…"
    prefix = f"{_ABBR.get(c.generator, 'q')}-{c.topic}"
    return BankQuestion(
        id=make_id(prefix, c.key, c.answer_text),
        topic=topic,
        prompt=prompt,
        choices=options,
        answer=c.answer,
        kind=c.kind,
        explanation=explanation,
        source=Source(c.file, c.line),
        lang=detect_lang(prompt),
    )


def apply_gates(
    candidates: Iterable[Candidate], state: GateState | None = None
) -> tuple[list[tuple[Candidate, BankQuestion]], list[Dropped]]:
    """Kept (candidate, question) pairs in input order, and every drop with its reason."""
    state = state if state is not None else GateState()
    kept: list[tuple[Candidate, BankQuestion]] = []
    dropped: list[Dropped] = []
    for c in candidates:
        reason = check(c)
        q: BankQuestion | None = None
        if reason is None:
            q = render(c)
            problems = validate_question(q)
            if problems:
                reason = f"invalid {problems[0].field}: {problems[0].message}"
        if reason is None and c.key in state.keys:
            reason = "duplicate (same fact asked the same way)"
        prompt_key = " ".join(c.prompt.split()).casefold()
        if reason is None and prompt_key in state.prompts:
            reason = "duplicate prompt"
        if reason is None and q is not None and q.id in state.ids:
            reason = "duplicate id"
        if reason is not None or q is None:
            dropped.append(Dropped(c, reason or "invalid"))
            continue
        state.keys.add(c.key)
        state.prompts.add(prompt_key)
        state.ids.add(q.id)
        kept.append((c, q))
    return kept, dropped
