"""Form checks every candidate passes before the solvers see it, and rendering to the bank.

A rendered question is checked with the bank's own validation, so a generated bank can never
fail `quizbot questions check`.
"""

from __future__ import annotations

import re

from questions.ambiguity import THIN, content_words
from questions.bank import (
    MAX_EXPLANATION,
    MAX_TOPIC,
    BankQuestion,
    Source,
    make_id,
    validate_question,
)
from questions.candidate import Candidate
from questions.stems import lint
from questions.text import norm

_ABSOLUTE_OPTION = re.compile(r"^(all|none) of the above$|以上(都|皆|均)", re.I)
_ABBR = {"definition": "def", "default": "dflt", "number": "num", "table": "tab", "term": "term",
         "true_false": "tf", "dynamodb_capacity": "ddb", "claim": "claim", "step": "step"}  # fmt: skip


def form(c: Candidate) -> str | None:
    """The first form rule the candidate breaks, or None."""
    if len({norm(o) for o in c.options}) != len(c.options):
        return "two choices are the same"
    if any(not o.strip() for o in c.options):
        return "empty choice"
    if any(_ABSOLUTE_OPTION.search(o) for o in c.options):
        return "all/none of the above"
    lint_text = c.prompt if c.style != "cloze" else re.sub(r"“[^”]*”", "", c.prompt)
    reason = lint(re.sub(r"“[^”]*”", "“x”", lint_text))
    if reason == "broken negation" or (
        reason and c.style not in ("cloze",) and c.kind != "truefalse"
    ):
        return reason
    if c.kind == "truefalse" and lint(c.prompt) == "broken negation":
        return "broken negation"
    if subjectless(c):
        return "a thin description with no subject"
    return None


def subjectless(c: Candidate) -> bool:
    """ "Which of these runs one after another?": a description of a word or two, asked with
    no category to say what is meant, points at nothing in particular."""
    if c.style != "reverse" or c.fact.category or c.fact.context or c.generator == "table":
        return False
    return len(content_words(c.query or c.prompt)) <= THIN


def render(c: Candidate, file: str, topic: str) -> BankQuestion:
    explanation = c.explanation
    if len(explanation) > MAX_EXPLANATION:
        explanation = explanation[: MAX_EXPLANATION - 1] + "…"
    topic = topic if len(topic) <= MAX_TOPIC else topic[: MAX_TOPIC - 1] + "…"
    prefix = f"{_ABBR.get(c.generator, 'q')}-{c.fact.subject}"
    return BankQuestion(
        id=make_id(prefix, c.key, c.prompt, c.answer_text),
        topic=topic,
        prompt=c.prompt,
        choices=c.options,
        answer=c.answer,
        kind=c.kind,
        explanation=explanation,
        source=Source(file, c.fact.line),
        lang="zh" if re.search(r"[\u4e00-\u9fff]", c.prompt) else "en",
        fact=c.fact.id,
    )


def valid(q: BankQuestion) -> str | None:
    problems = validate_question(q)
    return f"invalid {problems[0].field}: {problems[0].message}" if problems else None
