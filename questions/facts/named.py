"""Technical names built on one head noun ("WebSocket API", "REST API", "GraphQL API"): a name
met in a prose sentence is asked as a cloze among the notes' other names with that head, so
the options are things of one kind the notes themselves name.

A modifier counts only when it is written as a technical name (an inner capital or all
capitals: WebSocket, REST, DynamoDB), never a capitalised plain word at a sentence's start.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from questions.facts.model import Fact
from questions.facts.nearest import nearest
from questions.facts.numbers import has_own_subject, sentences
from questions.nouns import singular_word
from questions.parse.model import Block
from questions.text import STOP_EN, norm, verb_like

_MOD = r"(?:[A-Za-z0-9][A-Za-z0-9_.]*[A-Z][A-Za-z0-9_.]*|[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+)"
_NAMED = re.compile(
    rf"(?<![A-Za-z0-9_/.-])(?P<name>(?:{_MOD}\s+){{1,2}}?(?P<head>[a-z]{{3,}}|[A-Z]{{3}}))"
    r"(?![A-Za-z0-9_/'’-])"  # "SQS doesn't": no "doesn" head
)
#: names needed with one head before any is asked: the answer and two wrong options
MIN_NAMES = 3
#: options offered per question
NEAR = 6


def _head_noun(word: str) -> bool:
    """A head that names a kind of thing: not a little word, not a verb ("invokes")."""
    return word.lower() not in STOP_EN and not verb_like(word)


def _owned(name: str, head: str, owners: frozenset[str]) -> bool:
    """The name's modifier is a thing the notes give a section of its own ("X-RAY API" where a
    section is headed "X-Ray daemon"): that thing's head (X-Ray's API), not a kind of head
    beside "WebSocket API" and "REST API"."""
    modifier = name[: name.rfind(head)].strip().casefold()
    return bool(modifier) and modifier in owners


def _owners(blocks: Iterable[Block]) -> frozenset[str]:
    """The leading words of every heading of the notes, as owners of a name (`_owned`)."""
    found: set[str] = set()
    for b in blocks:
        for title in b.section.path:
            words = title.casefold().split()
            found.update(" ".join(words[:n]) for n in (1, 2) if len(words) >= n)
    return frozenset(found)


def _names(blocks: list[Block], owners: frozenset[str]) -> dict[str, list[tuple[int, str]]]:
    """head -> [(section, name)], each name once, in the order of the notes; never a name a
    section's own thing owns (`_owned`)."""
    out: dict[str, list[tuple[int, str]]] = defaultdict(list)
    counted: Counter[str] = Counter()
    seen: set[str] = set()
    for b in blocks:
        for m in _NAMED.finditer(b.text):
            key = norm(m.group("name"))
            if key not in seen and _head_noun(m.group("head")):
                seen.add(key)
                head = singular_word(m.group("head").lower())
                counted[head] += 1  # an owned name still shows the head names a kind
                if not _owned(m.group("name"), m.group("head"), owners):
                    out[head].append((b.section.index, m.group("name")))
    return {h: v for h, v in out.items() if counted[h] >= MIN_NAMES}


def named_facts(blocks: Iterable[Block], taken: set[str]) -> list[Fact]:
    """Every named thing of a head the notes name at least three things with."""
    blocks = list(blocks)
    prose = [b for b in blocks if b.kind in ("paragraph", "item")]
    owners = _owners(blocks)
    heads = _names(prose, owners)
    if not heads:
        return []
    out: list[Fact] = []
    asked: set[str] = set()
    for b in prose:
        for sentence in sentences(b.text):
            if not has_own_subject(sentence):
                continue  # "默认监听…端口，并发送到X-RAY API上": whose port, the stem cannot say
            for m in _NAMED.finditer(sentence):
                name = m.group("name")
                kin = heads.get(singular_word(m.group("head").lower()))
                kin = kin if _head_noun(m.group("head")) else None
                if (kin is None or sentence.count(name) > 1 or f"{b.id}:{name}" in taken
                        or norm(name) in asked or _owned(name, m.group("head"), owners)):  # fmt: skip
                    continue
                asked.add(norm(name))  # where the notes first say what it is, once
                near = nearest(kin, b.section.index, name, NEAR)
                out.append(Fact("term", name, name, b, b.line, sentence=sentence, span=name,
                                role="named", siblings=near,
                                group=f"b{b.id}"))  # fmt: skip
    return out
