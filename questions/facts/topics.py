"""A topic of the notes named in another topic's prose: "Kinesis … encrypts data by using an
AWS KMS customer master key" under "AWS Kinesis", while KMS has a heading of its own. The
acronym is asked as a cloze among the other acronyms the headings name, so the question links
two topics of the notes and its options are things the notes treat as topics too.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from questions.facts.model import Fact
from questions.facts.nearest import nearest
from questions.facts.numbers import sentences
from questions.parse.model import Block, Section
from questions.parse.noise import heading_noise
from questions.text import CJK, STOP_EN

_ACRONYM = re.compile(r"(?<![\w/.-])[A-Z][A-Z0-9]{1,6}(?![\w/-])")
#: an acronym in more headings than this is a vendor or a prefix ("AWS ..."), not a topic
MAX_HEADINGS = 2
#: a small word in capitals is a shout ("they DO ask this"), never an acronym
_SHOUTED_WORDS = frozenset(w.upper() for w in STOP_EN)
#: options offered per question: the nearest topics of the notes
NEAR = 6


def heading_acronyms(sections: Iterable[Section]) -> dict[str, int]:
    """Acronyms that name a topic, with the index of the first section whose heading holds
    them."""
    sections = list(sections)
    if _shouted(sections):
        return {}  # "VARIABLES, OUTPUTS, LOCALS": its capitals spell no acronyms
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for s in sections:
        if not s.level or s.bold or any(map(heading_noise, s.path)):
            continue  # a "TODO" or "Resources" heading names no topic of the notes
        for a in set(_ACRONYM.findall(s.heading)) - _SHOUTED_WORDS:
            counts[a] += 1
            first.setdefault(a, s.index)
    return {a: first[a] for a, n in counts.items() if n <= MAX_HEADINGS}


def _shouted(sections: list[Section]) -> bool:
    """Most headings of the notes are written in capitals ("STATE", "BACKENDS + LOCKING"), as
    plain-text notes mark a title."""
    # of several words, as one word in capitals may well be an acronym ("OSPF", "EIGRP")
    worded = [w for s in sections if s.level
              and len(w := re.findall(r"[A-Za-z]{3,}", re.sub(r"\([^()]*\)", "", s.heading))) >= 2]  # fmt: skip
    capitals = [w for w in worded if all(word.isupper() for word in w)]
    return len(capitals) >= 3 and 2 * len(capitals) >= len(worded)


def topic_facts(blocks: Iterable[Block], topics: dict[str, int], taken: set[str]) -> list[Fact]:
    """English sentences naming another heading's acronym; `taken`: (block id, span) already
    asked as another term fact."""
    if len(topics) < 3:
        return []  # fewer than two wrong options: nothing to ask
    by_section = sorted((i, t) for t, i in topics.items())
    out: list[Fact] = []
    for b in blocks:
        if b.kind not in ("paragraph", "item") or b.from_heading:
            continue
        own = " ".join(b.section.path)
        for sentence in sentences(b.text):
            if CJK.search(sentence):
                continue  # Chinese sentences have their own acronym facts
            for a in dict.fromkeys(_ACRONYM.findall(sentence)):
                if (a not in topics or a in own or sentence.count(a) > 1
                        or f"{b.id}:{a}" in taken or a in b.inline.marked
                        or _compound(sentence, a, topics)):  # fmt: skip
                    continue
                out.append(Fact("term", a, a, b, b.line, sentence=sentence, span=a,
                                role="topic", siblings=nearest(by_section, topics[a], a, NEAR),
                                group=f"b{b.id}"))  # fmt: skip
    return out


def _compound(sentence: str, acronym: str, topics: dict[str, int]) -> bool:
    """Part of a longer name with another topic ("VACUUM ANALYZE"): blanking half of it
    offers "VACUUM WAL"."""
    words = re.findall(r"[\w-]+", sentence)
    at = words.index(acronym) if acronym in words else -1
    return at >= 0 and any(0 <= i < len(words) and words[i] in topics for i in (at - 1, at + 1))
