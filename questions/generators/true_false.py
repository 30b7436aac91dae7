"""True/false from plain statements no other generator used.

A statement is asked false (deterministically, about half the time) only when flipping one
negation makes a clearly false statement ("不会被 log stream 触发" -> "会被 ..."); a statement
that cannot be flipped is asked only when its section has no other question, so True is not
always the answer.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from questions.bank import TRUE_FALSE
from questions.generators.base import Candidate, stable_int, topic_of, zh
from questions.notes_parser import Fact

NAME = "true_false"

_EN_FLIPS: tuple[tuple[str, str], ...] = (
    (r"\bcould not\b", "could"),
    (r"\bcannot\b", "can"),
    (r"\bdoes not need\b", "needs"),
    (r"\bis not\b", "is"),
    (r"\bare not\b", "are"),
    (r"\bcould\b", "could not"),
    (r"\bcan\b", "cannot"),
    (r"\bneeds\b", "does not need"),
    (r"\bis\b", "is not"),
    (r"\bare\b", "are not"),
)
_ZH_FLIP = re.compile(
    r"不(需要|会|能|是|跟|包含|可以)|(?<![不但就还总只或可才功性])(需要|会|能|是|跟|可以)|比(.{1,12}?)(高|低)"
)
_PRONOUN_START = re.compile(r"^(?:it|this|that|they|these|those|as a result|which)\b", re.I)


def flip(statement: str) -> str | None:
    """The statement with its first negation toggled, or None when there is none to toggle."""
    if zh(statement):
        m = _ZH_FLIP.search(statement)
        if not m:
            return None
        if m.group(1):
            new = m.group(1)
        elif m.group(2):
            new = "不" + m.group(2)
        else:
            new = f"比{m.group(3)}{'低' if m.group(4) == '高' else '高'}"
        return statement[: m.start()] + new + statement[m.end() :]
    best: tuple[int, int, str] | None = None
    for pattern, repl in _EN_FLIPS:
        m = re.search(pattern, statement)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), m.end(), repl)
    if best is None:
        return None
    return statement[: best[0]] + best[2] + statement[best[1] :]


def generate(
    facts: Sequence[Fact],
    title: str,
    file: str,
    used: Collection[str] = (),
    covered: Collection[str] = (),
) -> list[Candidate]:
    """`used`: source texts other generators asked about; `covered`: sections with questions."""
    out: list[Candidate] = []
    fallback_done: set[str] = set()
    for f in facts:
        if f.kind not in ("statement", "item") or f.text in used:
            continue
        text = f.text
        if _PRONOUN_START.match(text) or not 12 <= len(text) <= 300 or text.startswith("("):
            continue
        lead = f.context or (f.group if f.kind == "item" and f.group != f.section.heading else "")
        body = f"{lead} … {text}" if lead else text
        false_text = flip(text)
        key = f.section.key
        if false_text is None:
            if key in covered or key in fallback_done:
                continue
            fallback_done.add(key)
            as_false = False
        else:
            as_false = stable_int(NAME, text) % 2 == 1
        shown = (f"{lead} … {false_text}" if lead else false_text) if as_false else body
        assert shown is not None
        topic = topic_of(f, title)
        chinese = zh(shown)
        if chinese:
            prompt = f"判断正误（{topic}）：\n{shown}"
        else:  # a Chinese heading would make an English question look Chinese
            prompt = (
                f"True or false?\n{shown}" if zh(topic) else f"True or false? ({topic})\n{shown}"
            )
        if chinese:
            explanation = f"{'错' if as_false else '对'}。笔记原文：“{body}”"
        else:
            explanation = f"{'False' if as_false else 'True'}. The notes say: “{body}”"
        out.append(
            Candidate(
                NAME,
                "truefalse",
                topic,
                prompt,
                TRUE_FALSE,
                1 if as_false else 0,
                explanation,
                file,
                f.line,
                key,
                "truefalse",
                f"{NAME}:{text}",
            )
        )
    return out
