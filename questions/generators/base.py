"""What every generator produces (a Candidate) and the small helpers they share.

A Candidate keeps the full option texts and a type label for its answer, so the quality gates
can judge the real options before long ones are moved into the prompt as A-E.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from questions.bank import detect_lang
from questions.notes_parser import Fact, is_cjk

_STOP = {
    "the", "and", "for", "with", "that", "this", "from", "into", "your", "you", "are", "can",
    "not", "its", "use", "all", "one", "has", "have", "will", "was", "were", "but", "per",
    "aws", "amazon", "type", "which", "what", "does", "policy",
}  # fmt: skip


_WORD_RE = re.compile(r"[A-Za-z][A-Za-z0-9]+")
_MISC = {"杂项", "其他", "misc", "miscellaneous", "other", "others", "notes"}


@dataclass(frozen=True)
class Candidate:
    """A generated question before the gates: options in order, answer index, provenance."""

    generator: str
    kind: str  # choice | truefalse
    topic: str
    prompt: str
    options: tuple[str, ...]
    answer: int
    explanation: str
    file: str
    line: int
    section: str  # Section.key, for the per-section summary
    answer_type: str  # the kind of thing the answer is: distractors must be the same
    key: str  # identity of the fact asked and the way it is asked (dedupe + id)
    fact: str = ""  # the source text asked about, so true/false does not ask it again

    @property
    def answer_text(self) -> str:
        return self.options[self.answer]

    @property
    def lang(self) -> str:
        return detect_lang(self.prompt)


def stable_int(*parts: str) -> int:
    """A deterministic number from text (Python's hash() is salted per process)."""
    return int(hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:12], 16)


def place_answer(answer: str, distractors: Sequence[str], seed: str) -> tuple[tuple[str, ...], int]:
    """Options with the answer at a content-derived position, so no position is a tell."""
    opts = list(distractors)
    pos = stable_int("pos", seed) % (len(opts) + 1)
    opts.insert(pos, answer)
    return tuple(opts), pos


def norm(text: str) -> str:
    """Comparison form: case, spaces and punctuation do not make two options different."""
    return re.sub(r"[\W_]+", "", text.casefold())


@lru_cache(maxsize=65536)
def tokens(text: str) -> frozenset[str]:
    """Content words (5-letter stems) of the Latin parts of a text (cached: pools repeat)."""
    words = _WORD_RE.findall(text)
    return frozenset(w.lower()[:5] for w in words if len(w) >= 3 and w.lower() not in _STOP)


def pick_distractors(
    answer: str, pool: Iterable[str], seed: str, want: int = 3, similar_to: str = ""
) -> list[str]:
    """Up to `want` distinct pool entries, most similar to the answer first, ties by hash.

    Similar distractors make a question about knowing, not about spotting the odd one out.
    """
    seen = {norm(answer)}
    uniq: list[str] = []
    for p in pool:
        k = norm(p)
        if k and k not in seen:
            seen.add(k)
            uniq.append(p)
    ref = tokens(similar_to or answer)
    uniq.sort(key=lambda p: (-len(ref & tokens(p)), stable_int(seed, p)))
    return uniq[:want]


def quote(text: str) -> str:
    return f"“{text}”"


def zh(text: str) -> bool:
    return is_cjk(text)


def topic_of(fact: Fact, title: str) -> str:
    """The cleaned heading, with its parent when the heading alone says little."""
    path = fact.section.path
    if not path:
        return title
    leaf = path[-1]
    if leaf.casefold() in _MISC:
        return leaf
    first = leaf.split()[0].casefold()
    if len(path) > 1 and (
        not re.match(r"[A-Za-z]", leaf)
        or leaf[0].islower()
        or "/" in leaf
        or len(leaf) < 4
        or first in {"for", "how", "when", "why", "what", "using", "with"}
    ):
        return f"{path[-2]} › {leaf}"[:80]
    return leaf[:80]
