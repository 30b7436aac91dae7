"""Term -> its meaning, for terms whose description is too long to offer whole, or names the term
so that quoting it would give the term away: "Which description fits the deployment policy
Immutable?" with the list's descriptions as options, each cut to its first sentence.

The key is the term's description without the words that name the term ("… by performing an
immutable update"), and only when that cut drops no more than the naming phrase: a cut that
also drops what the description says ("… and temporarily split incoming client traffic …" of
Traffic splitting) leaves an option that no longer says what the notes say of the term. A
description that says nothing but its term's name ("Deploy the new version to all instances
simultaneously" of All at once) names the term in this direction too, so it is not asked.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from questions.ambiguity import THIN, also_fits, content_words, unsettled
from questions.bank import MAX_CHOICE
from questions.candidate import Candidate
from questions.cues import cleared, clue, names, names_in_words
from questions.distractors import Pool
from questions.facts.model import Fact
from questions.generators import definitions
from questions.generators.common import MAX_SPREAD, build, code_for_description, lang_of
from questions.generators.definitions import standalone
from questions.generators.tables import overlaps
from questions.long_forms import said_plainly, without_long_form
from questions.nouns import noun_for
from questions.stems import forward_definition
from questions.text import norm, split_sentences

NAME = "definition"


def opening(desc: str) -> str:
    return split_sentences(desc.strip())[0].strip().rstrip(".。;；")


def short(desc: str) -> str | None:
    """A description cut to fit an option: its first sentence, or that sentence's first clause
    when the sentence is too long and the clause reads on its own."""
    text = opening(desc)
    if len(text) <= MAX_CHOICE:
        return text
    clause = re.split(r"\s*[,;，；]\s*", text)[0].strip()
    return clause if len(clause) <= MAX_CHOICE and standalone(clause) else None


def _cut_key(f: Fact) -> str | None:
    """The term's description as an option: its first sentence, without the phrase that names
    the term, or None when nothing fair is left."""
    said = without_long_form(f.value, f.subject)
    if not said:
        return None  # only the long form of its name: nothing it does to offer
    key = opening(said)
    if clue(key, f.subject, f.siblings) is None:
        return short(key) if standalone(key) else None
    trimmed = cleared(key, f.subject, f.siblings)  # "in batches", then "a new batch"
    if trimmed is None or not standalone(trimmed) or len(content_words(trimmed)) <= THIN:
        return None
    dropped = content_words(key) - content_words(trimmed) - content_words(f.subject)
    # words that say the name in other words are the name too: 允许 ("allow") and cookie (a
    # credential) of Access-Control-Allow-Credentials
    if sum(1 for w in dropped if not names(w, f.subject)) > THIN:
        return None  # the cut took what the description says, not only the term's name
    return trimmed if len(trimmed) <= MAX_CHOICE else None


def fits(option: str, key: str, taken: Sequence[str]) -> bool:
    o = norm(option)
    if not o or overlaps(option, key):
        return False  # "a fresh group of instances" is inside "… and temporarily split …"
    return all(norm(t) != o for t in taken)


def meaning(f: Fact, pool: Pool) -> Candidate | None:
    """ "Which description fits X?" with the descriptions of the sibling terms of its kind as
    options (a timeout's beside timeouts', never a size's: "16 MiB of pending requests" is
    plainly not what a `.ms` setting holds)."""
    if f.kind != "definition" or len(f.siblings) < 2 or f.role == "label":
        return None
    key = _cut_key(f)
    if key is None:
        return None
    owner = {d: s for s in f.siblings for d in pool.descriptions.get(norm(s), ())}
    # (what a kin does not do the term may not do either: no wrong option)
    kin = [d for d in f.sibling_values if (d not in owner or pool.same_kind(f.subject, owner[d], f))
           and not unsettled(d, f.value)]  # fmt: skip
    # every option without the long form of its acronym, the key's as the others'
    cut = {d: c for d in kin
           if (plain := said_plainly(d, owner.get(d, ""), f.siblings)) and (c := short(plain)) is not None}  # fmt: skip
    others = list(cut.values())
    # a description that names its own term ("… (a stateful set)") rules itself out
    named = {c for d, c in cut.items() if d in owner and names_in_words(c, owner[d])}
    wrong: list[str] = []
    for d in sorted(others, key=lambda d: (abs(len(d) - len(key)), d)):
        rest = [x for x in others if x != d]
        if d in named:
            continue
        if also_fits(key, d, rest) or also_fits(d, key, rest):
            continue  # the other description could be said of this term too
        if not standalone(d) or not fits(d, key, wrong):
            continue
        lengths = [len(o) for o in (key, *wrong, d)]
        if max(lengths) > MAX_SPREAD * min(lengths):
            continue  # one option far longer or shorter than the rest stands out
        if len(wrong) < 3:
            wrong.append(d)
    if len(wrong) < 2:
        return None
    return ask_meaning(NAME, "forward", f, key, wrong)


def ask_meaning(
    generator: str, style: str, f: Fact, key: str, wrong: Sequence[str]
) -> Candidate | None:
    """Ask "Which description fits <term>?" among the notes' descriptions: one stem for both
    ways of finding those descriptions (the term's own pool and its kin's)."""
    # each option without the long form of its acronym: read off its first letters, it
    # would name its own term beside the stem's ("Cloud Access Security Broker; …")
    if code_for_description(f):
        return None
    key = without_long_form(key, f.subject)
    wrong = [w for x in wrong if (w := said_plainly(x, "", f.siblings))]
    if not key or len(wrong) < 2 or len({norm(o) for o in (key, *wrong)}) < len(wrong) + 1:
        return None
    lang = lang_of(f)
    noun = noun_for(f.subject, f.category, f.siblings, lang)
    prompt = forward_definition(f.subject, noun, lang)
    return build(generator, style, f, prompt, key, wrong, lang, rank=1, query=f.subject,
                 notes_options=True)  # fmt: skip


KINDS = ("definition",)


def for_fact(f: Fact, pool: Pool) -> Iterator[Candidate]:
    """The definition's own ways of asking first; then its cut meaning, which differs from the
    whole-description question when the description was too long to offer or names its term."""
    offered: set[tuple[str, ...]] = set()
    for c in definitions.for_fact(f, pool):
        if c.style == "forward":
            offered.add(tuple(sorted(c.options)))
        yield c
    if f.condition:
        return  # no meaning to cut: what it says holds once the term is used
    cut = meaning(f, pool)
    if cut is not None and tuple(sorted(cut.options)) not in offered:
        yield cut
