"""Things the notes say are not of a kind ("blue/green and canary are NOT strategy types",
"Canary和Linear不是ECS的部署方式"): the misconceptions the writer guards against, so the
wrong options an exam writer would pick for a question about that kind. A list of the two
strategies there are asks "which is the default?" as a coin toss between the two; with the
denied names beside them it has four options, each wrong by the notes' own word."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace

from questions.facts.claims import predicate
from questions.facts.model import Fact
from questions.facts.numbers import sentences
from questions.nouns import singular_word
from questions.parse.model import Block
from questions.text import CJK, norm

#: at most this many denied names join a question's options
MAX_DENIED = 3
_WORD = re.compile(r"[A-Za-z][\w-]*")


def _heads(phrase: str) -> frozenset[str]:
    """The words a kind is named by, singular and folded ("strategy types": strategy, type);
    a Chinese kind is matched whole."""
    if CJK.search(phrase):
        return frozenset({norm(phrase)})
    return frozenset(singular_word(w).casefold() for w in _WORD.findall(phrase))


def denied_by_section(blocks: Iterable[Block]) -> dict[int, list[tuple[frozenset[str], str]]]:
    """Per section, (the words of the kind denied, a name denied it)."""
    out: dict[int, list[tuple[frozenset[str], str]]] = defaultdict(list)
    for b in blocks:
        if b.kind not in ("paragraph", "item") or not re.search(r"\bnot\b|不是", b.text, re.I):
            continue
        for sentence in sentences(b.text):
            found = predicate(sentence)
            if found is None or not found[1]:
                continue
            subjects, _, pred = found
            out[b.section.index] += [(_heads(pred), s) for s in subjects]
    return out


#: words that name a kind as a kind ("strategy types"): no part of what the kind is
_KIND_WORDS = frozenset({"type", "kind", "class", "sort", "form", "variety", "category"})


def _of_kind(denied: frozenset[str], kind: frozenset[str]) -> bool:
    """The kind denied is the fact's kind: it names nothing the kind does not ("strategy
    types" of a built-in strategy; never "the default network driver" of a network driver,
    which denies a member being the default, not being a driver)."""
    words = denied - _KIND_WORDS
    return bool(words) and words <= kind


def _a_member(name: str, members: set[str]) -> bool:
    """The name is, or holds, one of the kind's own members ("overlay driver" of overlay)."""
    n = norm(name)
    return any(m and (m in n or n in m) for m in members)


def with_denied(facts: list[Fact], blocks: Iterable[Block]) -> list[Fact]:
    """Each named member of a kind (a definition or a default of a category) with the names
    its section denies that kind, none of them one of its own kind's members."""
    denied = denied_by_section(blocks)
    if not denied:
        return facts
    out = []
    for f in facts:
        kind = (
            _heads(f.category)
            if f.category and f.kind in ("definition", "default")
            else frozenset()
        )
        said = denied.get(f.section.index, ()) if kind else ()
        members = {norm(x) for x in (f.subject, f.value, *f.siblings)}
        names = [s for heads, s in said if _of_kind(heads, kind) and not _a_member(s, members)]
        if names:
            f = replace(f, denied=tuple(dict.fromkeys(names))[:MAX_DENIED])
        out.append(f)
    return out
