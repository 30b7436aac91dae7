"""A question before the gates: its options, the fact it asks, and how it asks it."""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from questions.facts.model import Fact
from questions.nouns import singular_word
from questions.service_areas import service_named
from questions.subjects import plain_heading, topic_of
from questions.text import contains


@dataclass(frozen=True)
class Candidate:
    generator: str
    style: str  # how the fact is asked (reverse, forward, cloze, default, tf-true, tf-false, …)
    kind: str  # choice | truefalse
    fact: Fact
    prompt: str
    options: tuple[str, ...]
    answer: int
    explanation: str
    lang: str
    rank: int = 0  # lower is better among the candidates of one fact
    blank: str = ""  # for a cloze: the text the blank stands for
    query: str = ""  # what identifies the fact, for retrieval (the stem minus its template)
    notes_options: bool = False  # every option is one of the notes' own alternatives

    @property
    def answer_text(self) -> str:
        return self.options[self.answer]

    @property
    def distractors(self) -> list[str]:
        return [o for i, o in enumerate(self.options) if i != self.answer]

    @property
    def key(self) -> str:
        return f"{self.generator}:{self.style}:{self.fact.id}"


def stable_int(*parts: str) -> int:
    """A deterministic number from text (Python's hash() is salted per process)."""
    return zlib.crc32("\x1f".join(parts).encode("utf-8"))


def place_answer(answer: str, distractors: Sequence[str], seed: str) -> tuple[tuple[str, ...], int]:
    """Options with the answer at a content-derived position, so no position is a tell."""
    opts = sorted(distractors, key=lambda d: stable_int(seed, d))
    pos = stable_int("pos", seed) % (len(opts) + 1)
    opts.insert(pos, answer)
    return tuple(opts), pos


def card_topic(c: Candidate, title: str) -> str:
    """The topic a question is filed and shown under ("Question 3/10 · Layers"): its section's,
    unless that names the key and not every other option, when the card would answer its own
    question; then the nearest heading above, or the notes' title, that names no option (one
    that names a wrong option points away from the key), or else "Notes"."""
    topic = topic_of(c.fact, title)
    if c.kind != "choice":
        return topic
    named = _named(topic, c.options)
    if not named[c.answer] or all(named):
        return topic
    for heading in (*(plain_heading(h) for h in reversed(c.fact.section.path[:-1])), title):
        if heading and not any(_named(heading, c.options)) and not _peer(heading, c):
            return heading[:80]
    return "Notes"


def _peer(heading: str, c: Candidate) -> bool:
    """A heading above that names another service than the key's own ("### AWS step functions"
    under "## AWS INSPECTOR"): notes written loosely nest one service's section under another's,
    and the card would say the question is about the wrong one (session 40's shipped review)."""
    return service_named(heading) is not None and service_named(c.options[c.answer]) is not None


def _named(topic: str, options: Sequence[str]) -> list[bool]:
    """Which options the topic holds ("Pods" holds Pod; "TCP vs UDP" holds both options)."""
    said = _singular(topic)
    return [contains(said, _singular(o)) for o in options]


@lru_cache(maxsize=16384)
def _singular(text: str) -> str:
    """Cached: a section's topic and a table's keys are read again for each of its questions."""
    return " ".join(singular_word(w) for w in text.split())
