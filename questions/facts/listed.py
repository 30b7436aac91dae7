"""A member of a list the paragraph writes out, singled out by another sentence of it: "…providing
a list of actions, resources, and context keys" beside "Evaluate the policies and return the
list of context keys that they reference". The singling sentence is asked as a cloze whose
options are the list's members, the notes' own alternatives for that very slot.
"""

from __future__ import annotations

import re

from questions.facts.model import Fact
from questions.facts.numbers import sentences
from questions.parse.model import Block
from questions.text import STOP_EN, lemma

_WORD = r"[A-Za-z][A-Za-z-]*"
_ITEM = rf"{_WORD}(?: {_WORD}){{0,2}}"
#: "A, B, and C" / "A, B or C": three members or more, written as a list
_LIST = re.compile(rf"(?<![\w-])({_ITEM}(?:,\s+{_ITEM})+,?\s+(?:and|or)\s+{_ITEM})(?![\w-])")
_SEPARATOR = re.compile(r",\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+")
#: a member is a name of a word or two, never a phrase ("to supply values")
MAX_WORDS = 2
MIN_MEMBERS = 3


def _content_run(words: list[str]) -> list[str]:
    run: list[str] = []
    for w in words:
        if w.lower() in STOP_EN:
            break
        run.append(w)
    return run


def _name(words: list[str]) -> str | None:
    name = " ".join(words)
    return name if words and len(name) >= 3 and name.islower() else None


def _names(items: list[str]) -> list[str] | None:
    """The members' names: the middle items whole (their article dropped), as many of the
    first item's last words as a middle item has ("the kubelet runs liveness" -> liveness),
    the last item's leading words up to a word more ("context keys that" -> context keys);
    None when the items are no list of names."""

    def bare(item: str) -> list[str]:
        words = item.split()
        while words and words[0].lower() in STOP_EN:
            words = words[1:]  # "a level": the article goes
        return words

    middle = [bare(i) for i in items[1:-1]]
    sizes = {len(m) for m in middle}
    if len(sizes) != 1 or any(_content_run(m) != m for m in middle):
        return None
    size = sizes.pop()
    if size > MAX_WORDS:
        return None
    first = items[0].split()[-size:]
    last = _content_run(bare(items[-1]))[: size + 1]
    if _content_run(first) != first or len(last) < size:
        return None
    names = [_name(first), *(_name(m) for m in middle), _name(last)]
    if not all(names) or len(set(names)) != len(names):
        return None
    return [n for n in names if n]


def _members(sentence: str) -> list[list[str]]:
    out = []
    for m in _LIST.finditer(sentence):
        items = [i for i in _SEPARATOR.split(m.group(1)) if i.strip()]
        names = _names(items) if len(items) >= MIN_MEMBERS else None
        if names is not None:
            out.append(names)
    return out


def _named(sentence: str, name: str) -> int:
    return len(re.findall(rf"(?<![\w-]){re.escape(name)}(?![\w-])", sentence))


def _shared_head(sentence: str, name: str, names: list[str]) -> bool:
    """ "liveness, readiness, and startup probes" beside "the liveness probe fails": the last
    member's last word is the head all share, so "startup probes" fits no blank before
    "probe"."""
    after = re.search(rf"(?<![\w-]){re.escape(name)}\s+([A-Za-z]+)", sentence)
    if after is None:
        return False
    word = lemma(after.group(1).lower())
    return any(len(n.split()) > 1 and lemma(n.split()[-1].lower()) == word for n in names)


def listed_facts(block: Block, taken: set[str]) -> list[Fact]:
    """One fact per sentence that names exactly one member of a list another sentence of the
    block writes out, once, and writes no list of its own."""
    said = sentences(block.text)
    lists = [(s, names) for s in said for names in _members(s)]
    out: list[Fact] = []
    for sentence in said:
        if _LIST.search(sentence):
            continue  # "A, B and C" singles nothing out
        for source, names in lists:
            if source == sentence:
                continue
            hits = [n for n in names if _named(sentence, n)]
            if len(hits) != 1 or _named(sentence, hits[0]) != 1:
                continue
            name = hits[0]
            if _shared_head(sentence, name, names):
                continue
            if f"{block.id}:{name}" in taken:
                continue  # a marked term of the line is asked as such
            taken.add(f"{block.id}:{name}")
            out.append(Fact("term", name, name, block, block.line, sentence=sentence, span=name,
                            role="listed", group=f"b{block.id}",
                            siblings=tuple(n for n in names if n != name)))  # fmt: skip
    return out
