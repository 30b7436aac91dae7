"""Numbers with their units, limits and ranges: "What is the default value of maxSurge?" or a
cloze of the sentence that states it, with near-miss numbers in the same unit."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from questions.candidate import Candidate
from questions.distractors import Pool, span_kind
from questions.facts.model import Fact
from questions.generators.common import build, lang_of
from questions.stems import BLANK, cloze, default_number
from questions.text import CJK, cjk_count
from questions.values import parse_number

NAME = "number"
MAX_CLAUSE = 170


def _balanced(text: str) -> bool:
    pairs = (("(", ")"), ("（", "）"), ("[", "]"), ("“", "”"))
    return all(text.count(a) == text.count(b) for a, b in pairs) and text.count('"') % 2 == 0


def clause(sentence: str, span: str) -> str:
    """The part of a long sentence that holds the span: whole comma clauses around it."""
    if len(sentence) <= MAX_CLAUSE:
        return sentence
    parts = re.split(r"(?<=[,，;；])\s*", sentence)
    idx = next((i for i, p in enumerate(parts) if span in p), 0)
    lo, hi = idx, idx + 1
    while hi - lo < len(parts) and len("".join(parts[lo:hi])) < 60:
        if lo > 0:
            lo -= 1
        else:
            hi += 1
    return " ".join(p.strip() for p in parts[lo:hi]).strip(" ,，;；")


def blanked(text: str, span: str) -> str | None:
    """The text with its one occurrence of span replaced by the blank; None when it is unsafe."""
    if text.count(span) != 1 or not _balanced(text):
        return None
    out = text.replace(span, BLANK)
    if out.lstrip(" (“\"'").startswith(BLANK):
        return None  # a blank first reads as a riddle, not a sentence
    rest = out.replace(BLANK, " ")
    enough = (
        cjk_count(rest) >= 6 if CJK.search(rest) else len(re.findall(r"[A-Za-z]{2,}", rest)) >= 4
    )
    return out if enough and out.strip().strip(".").strip() != BLANK else None


def _near_default(f: Fact) -> bool:
    """The default word sits right before the value (not elsewhere in the sentence)."""
    at = f.sentence.find(f.span)
    before = f.sentence[max(0, at - 28) : at]
    short_item = len(f.sentence.split()) <= 4
    return bool(re.search(r"default|默认", before, re.I)) or short_item


def distractors_for(f: Fact, pool: Pool, avoid: str) -> list[str]:
    n = parse_number(f.span)
    if n is not None:
        return pool.near_numbers(n, f)
    return pool.terms(f.span, f, avoid=avoid, kind=span_kind(f, f.span))


def _candidate(f: Fact, pool: Pool) -> Candidate | None:
    lang = lang_of(f)
    if f.attribute == "default" and f.subject and f.subject != f.span and _near_default(f):
        wrong = distractors_for(f, pool, avoid="")
        prompt = default_number(f.subject, lang)
        return build(NAME, "default", f, prompt, f.span, wrong, lang, rank=0)
    text = clause(f.sentence, f.span)
    if f.context and f.context not in text:
        text = f"{f.context}: {text}"
    gap = blanked(text, f.span)
    if gap is None:
        return None
    wrong = distractors_for(f, pool, avoid=text)
    return build(NAME, "cloze", f, cloze(gap, lang), f.span, wrong, lang, rank=1, blank=f.span)


def generate(facts: Sequence[Fact], pool: Pool) -> list[Candidate]:
    out = []
    for f in facts:
        if f.kind == "number":
            c = _candidate(f, pool)
            if c is not None:
                out.append(_sorted_numbers(c))
    return out


def _sorted_numbers(c: Candidate) -> Candidate:
    """Numeric options in ascending order (the answer's place then says nothing)."""
    nums = [parse_number(o) for o in c.options]
    values = [n.value for n in nums if n is not None]
    if len(values) != len(nums):
        return c
    order = sorted(range(len(c.options)), key=lambda i: values[i])
    options = tuple(c.options[i] for i in order)

    return replace(c, options=options, answer=options.index(c.answer_text))
