"""The gold-fact matching rules of ../shared/quality/score.py, vendored so tests run anywhere.

A fact counts when ONE question matches ONE of its forms: every prompt group has an alternative
in the prompt or explanation, and an answer alternative is in the correct choice. Text is
case-folded with all whitespace removed; "re:..." is a regular expression on that text.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from questions.bank import Bank


def norm(text: Any) -> str:
    return re.sub(r"\s+", "", str(text)).casefold()


def _found(alt: str, haystack: str) -> bool:
    if alt.startswith("re:"):
        return re.search(alt[3:], haystack) is not None
    return norm(alt) in haystack


def missed(gold: Path, bank: Bank) -> list[str]:
    """Ids of the gold facts no question of the bank tests."""
    facts = yaml.safe_load(gold.read_text(encoding="utf-8"))["facts"]
    questions = [
        (norm(q.prompt) + "|" + norm(q.explanation), norm(q.choices[q.answer]))
        for q in bank.questions
    ]
    out = []
    for fact in facts:
        hit = any(
            all(any(_found(a, text) for a in group) for group in form["prompt"])
            and any(_found(a, correct) for a in form["answer"])
            for form in fact["forms"]
            for text, correct in questions
        )
        if not hit:
            out.append(fact["id"])
    return out
