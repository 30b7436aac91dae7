"""Well-known names written plainly in a sentence (".config 文件都在 .ebextensions 文件夹里",
"通过 Cache-Control: max-age=0 header …"): the name the sentence turns on, asked as a cloze
among other values of its kind (questions.vocabulary), since notes that name one config
folder or one header rarely name three.

Only names the vocabulary knows count, and only where the notes have not already made a fact
of that name in that block (a marked span, a table cell), so the fact is new, never a copy.
"""

from __future__ import annotations

from collections.abc import Iterable

from questions.facts.model import Fact
from questions.facts.numbers import sentences
from questions.parse.model import Block
from questions.vocabulary import FIELD_BOUND, kind_of, names_in


def known_facts(blocks: Iterable[Block], taken: set[str]) -> list[Fact]:
    """Every vocabulary name a prose sentence states once, unless a fact of the block has it."""
    out: list[Fact] = []
    for b in blocks:
        if b.kind not in ("paragraph", "item"):
            continue
        for sentence in sentences(b.text):
            for m in names_in(sentence):
                name = m.group(0)
                if kind_of(name) in FIELD_BOUND:
                    continue  # "the Deployment's pods": named in passing, not the point
                if sentence.count(name) > 1 or f"{b.id}:{name}" in taken:
                    continue
                taken.add(f"{b.id}:{name}")
                out.append(Fact("term", name, name, b, b.line, sentence=sentence, span=name,
                                role="known", group=f"b{b.id}"))  # fmt: skip
    return out
