"""Two automatic players every question must survive before it is kept.

- The stem-only player sees the stem and the options, never the notes. If wording overlap, a
  lone type or script, length or a blank points at the answer, it would score without knowing
  the fact: the question is dropped.
- The notes player retrieves the sentences and table rows closest to the stem (BM25 over the
  whole notes, bm25s) and looks for each option in them. The question is kept only when the
  notes support the answer and no other option nearly as well: two options true by the notes
  make an ambiguous question.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass

import bm25s
import numpy as np

from questions.candidate import Candidate
from questions.parse.model import Document
from questions.tables import analyse
from questions.text import Tokenizer, contains, content_words, is_zh, norm, same_word
from questions.values import compatible, parse_number, signature

logging.getLogger("bm25s").setLevel(logging.WARNING)

TOP_K = 8
#: a distractor whose support reaches this share of the answer's makes the question ambiguous
AMBIGUITY_RATIO = 0.6
_SUBJECT_STYLES = {"reverse", "predicate", "default"}


def stem_only(c: Candidate) -> str | None:
    """Why a player who never read the notes would find the answer, or None."""
    if c.kind == "truefalse":
        return None
    answer, wrong = c.answer_text, c.distractors
    options = c.options
    if any("___" in o for o in options):
        return "blank inside a choice"
    keys = [norm(o) for o in options]
    numeric = all(parse_number(o) is not None for o in options)
    if not numeric and any(a != b and (a in b or b in a) for a in keys for b in keys):
        return "one choice contains another"
    stem = c.prompt.replace("___", " ")
    if contains(stem, answer) and not all(contains(stem, w) for w in wrong):
        return "answer is in the stem"
    sig = signature(answer)
    if all(not compatible(sig, signature(w)) for w in wrong):
        return "answer alone in its type"
    if (
        len({is_zh(o) for o in options}) > 1
        and sum(is_zh(o) for o in options)
        in (
            1,
            len(options) - 1,
        )
        and (is_zh(answer) != is_zh(wrong[0]) or len(options) == 2)
    ):
        return "answer alone in its script"
    if len(answer) >= 16 and len(wrong) >= 2:
        longest_other = max(len(w) for w in wrong)
        if len(answer) > 1.6 * longest_other:
            return "answer stands out by length"
    stem_words = content_words(c.prompt)
    shared = _shares(answer, stem_words)
    if shared and sum(1 for w in wrong if _shares(w, stem_words)) < len(wrong) / 2:
        return "stem gives the answer away"
    return None


def _shares(option: str, stem_words: set[str]) -> bool:
    words = content_words(option)
    return any(same_word(w, s) for w in words for s in stem_words if len(w) >= 3 and len(s) >= 3)


def _names(text: str, option: str) -> bool:
    return contains(text, option) or bool(norm(option) and norm(option) == norm(text))


@dataclass(frozen=True)
class Unit:
    text: str
    head: str  # the unit's subject (a defined term, a table key), "" for plain sentences


def units_of(doc: Document) -> list[Unit]:
    """Sentences of content blocks (items with their parent's text), and table rows."""
    from questions.facts.definitions import split_definition
    from questions.facts.extract import sentences

    out: list[Unit] = []
    for b in doc.content:
        if b.kind == "table" and b.table is not None:
            t = analyse(b.table)
            if t is None:
                out += [Unit(" | ".join(r), "") for r in b.table.rows]
                continue
            for key, row in zip(t.keys, t.cells, strict=True):
                cells = " | ".join(f"{h}: {v}" for h, v in zip(t.headers, row, strict=True))
                out.append(Unit(f"{key} | {cells}", key))
            continue
        d = split_definition(b)
        prefix = f"{b.section.heading} " if b.section.heading else ""
        prefix += (b.parent.text[:60] + " ") if b.parent is not None else ""
        prefix += (b.lead.text[:40] + " ") if b.lead is not None and b.kind == "item" else ""
        if d is not None:
            out.append(Unit(prefix + b.text, d.term))
            continue
        for s in sentences(b.text):
            out.append(Unit(prefix + s, ""))
    return out


class NotesSolver:
    """BM25 over one document's units; answers whether the notes single out one option."""

    def __init__(self, doc: Document, tokenizer: Tokenizer) -> None:
        self.units = units_of(doc)
        self.tok = tokenizer
        self.retriever: bm25s.BM25 | None = None
        corpus = [self.tok.tokens(u.text) or ["_"] for u in self.units]
        if self.units:
            self.retriever = bm25s.BM25()
            self.retriever.index(corpus, show_progress=False)
            self.vocab = set(self.retriever.vocab_dict)

    def top(self, query: str) -> list[tuple[float, Unit]]:
        if self.retriever is None:
            return []
        q = [t for t in self.tok.tokens(query) if t in self.vocab]
        if not q:
            return []
        scores = self.retriever.get_scores(q)
        k = min(TOP_K, len(scores))
        idx = np.argpartition(-scores, k - 1)[:k]
        ranked = sorted(((float(scores[i]), int(i)) for i in idx), key=lambda x: (-x[0], x[1]))
        return [(s, self.units[i]) for s, i in ranked if s > 0]

    def support(
        self, c: Candidate, option: str, hits: Sequence[tuple[float, Unit]], rival: str = ""
    ) -> float:
        """Best score of a retrieved unit that names the option (as its subject, when the
        question asks for a subject); a unit naming the rival too tells them not apart."""
        subject_like = c.style in _SUBJECT_STYLES
        best = 0.0
        for score, unit in hits:
            where = unit.head if (subject_like and unit.head) else unit.text
            if rival and _names(where, rival):
                continue
            if _names(where, option):
                best = max(best, score)
        return best

    def check(self, c: Candidate) -> str | None:
        """Why the notes do not single out the answer, or None."""
        if c.kind == "truefalse" or c.style == "predicate":
            return None
        if c.generator == "table" and c.style == "forward":
            return None  # the other options are other rows' cells: the table tells them apart
        query = re.sub(r"___", " ", c.prompt)
        hits = self.top(query)
        key = self.support(c, c.answer_text, hits)
        if key <= 0:
            return "notes do not support the answer"
        for w in c.distractors:
            if self.support(c, w, hits, rival=c.answer_text) >= AMBIGUITY_RATIO * key:
                return "notes support another choice too"
        return None
