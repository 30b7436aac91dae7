"""Term -> its meaning among the meanings of its kin: "Which description fits the deployment
policy Immutable?" with what the same notes say of like terms as the wrong options.

The way back from "which term is described here?", asked only when every other way of asking
the definition fails. It is for a description that means what its term's name says ("to a
fresh group of instances" of Immutable, 逐渐 of Rolling): quoted, it gives the term away, but
given the term, picking what it does is the knowledge asked. The phrase that writes the term's
own words or spells its acronym is cut from the key ("… by performing an immutable update"),
and `reverse_cues` judges the question by those words alone.

The wrong options are the descriptions of the term's kin, nearest first: its own list; for a
term that stands as a topic of its own (a heading, a term defined in a paragraph), the notes'
other such topics named alike. None names its own term, none is an opinion, each is written in
the key's language, opens as the key opens (a noun phrase beside noun phrases, a verb beside
verbs, made to agree) and is cut only where a clause ends. The notes player must then find the
key and no other option, as for every question.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import lru_cache
from weakref import WeakKeyDictionary

from lemminflect import getAllLemmas, getInflection

from questions.ambiguity import THIN, also_fits, content_words, unsettled, vague
from questions.bank import MAX_CHOICE
from questions.candidate import Candidate
from questions.cues import CONTEXT_START, without
from questions.distractors import SECTION_WINDOW, Pool
from questions.facts.extract import markup, under_catch_all
from questions.facts.model import Fact
from questions.generators import meanings
from questions.generators.common import MAX_SPREAD
from questions.generators.definitions import no_description, standalone
from questions.quantities import parse_number
from questions.reverse_cues import spelled
from questions.stems import articles
from questions.text import STOP_EN, contains, is_zh, may_hold_any_case, norm
from questions.values import family

NAME = "definition"
KINDS = ("definition",)
#: roles whose descriptions say what a thing is or does (an enumeration's member or a label's
#: property says which value, not what a term means)
_MEANING_ROLES = frozenset({"term", "heading"})
_ARTICLE = frozenset({"a", "an", "the", "one"})
#: "is a feature …", "provide a fully managed solution …": a noun phrase once the verb is dropped
_LIGHT_VERB = re.compile(r"^\s*(is|are|provides?|offers?)\s+(?=(a|an|the)\s)", re.I)
#: a comma that ends a clause: what follows may be left out of an option
_CLAUSE_END = re.compile(
    r",\s+(?=(without|which|where|while|so|but|or|because|unless|when|including|such as|"
    r"allowing|letting|making|as well as)\b)",
    re.I,
)
_DIGIT = re.compile(r"\d")
#: families of plain names, written alike whatever they name ("Layers", "global tables")
_PLAIN = frozenset({"name", "lower"})
_VERBS = ("vb", "vbz")
#: a word that is a noun or a verb ("Start the new build", "stable IP") reads as either
_EITHER = ({"vb", "bare"}, {"np", "bare"})
_MODAL = frozenset({"can", "could", "may", "might", "must", "should", "will", "would"})


_WORD = re.compile(r"[A-Za-z]+(?![\w-])")


def _head(desc: str) -> re.Match[str] | None:
    """The word a description opens with, after an adverb ("gradually swaps …": swaps); None
    when it opens with no plain word ("root-equivalent …", "`--rm` …")."""
    at = re.match(r"\s*", desc)
    pos = at.end() if at else 0
    for _ in range(2):
        m = _WORD.match(desc, pos)
        if m is None:
            return None
        lemmas = getAllLemmas(m.group(0).casefold())
        if set(lemmas) != {"ADV"}:
            return m
        pos = m.end() + len(desc[m.end() :]) - len(desc[m.end() :].lstrip())
    return None


def _opening_word(desc: str) -> str:
    m = _head(desc)
    return m.group(0).casefold() if m else ""


@lru_cache(maxsize=4096)
def _form(desc: str) -> str:
    """How a description opens: zh, np (a noun phrase with its article), bare (a word that
    may be a noun or a verb), modal, vb or vbz (a verb, plural or singular): options that
    open alike read alike after the stem."""
    if is_zh(desc):
        return "zh"
    word = _opening_word(desc)
    if word in _MODAL:
        return "modal"
    lemmas = getAllLemmas(word) if word else {}
    if not word or word in _ARTICLE:
        return "np"
    if "VERB" not in lemmas:
        return "np"  # "field docs in the terminal": a noun phrase with no article
    if word != lemmas["VERB"][0] and word.endswith("s"):
        return "vbz"  # "makes", "rewrites": a verb's own form
    # a bare word that is also a noun or adjective ("stable IP", "Start the new build") reads
    # either way: beside plain verbs or beside phrases with no article
    return "bare" if {"NOUN", "ADJ"} & set(lemmas) else "vb"


def _agreeing(desc: str, form: str) -> str | None:
    """The description opened as the key opens ("represents …" -> "represent …" beside a key
    that reads "provide …"), or None when the two cannot open alike."""
    mine = _form(desc)
    if mine == form or {mine, form} in _EITHER or (mine == "modal" and form in _VERBS):
        return desc
    if {mine, form} != {"vb", "vbz"}:
        return None  # "can be used to …" beside "provides …": one is plainly the odd one out
    word = _head(desc)
    assert word is not None
    lemma: str = getAllLemmas(word.group(0).casefold())["VERB"][0]
    inflected: tuple[str, ...] = getInflection(lemma, "VBZ" if form == "vbz" else "VB")
    if not inflected:
        return None
    return desc[: word.start()] + inflected[0] + desc[word.end() :]


def _cut(text: str) -> str | None:
    """The opening sentence, or its longest part up to a comma that ends a clause (", without
    …", ", which …", or the next of a row of predicates: "makes …, updates …") when the
    sentence is too long to offer; never cut inside a list of words ("a multi-region,
    multi-master database" is not "a multi-region")."""
    text = articles(_LIGHT_VERB.sub("", meanings.opening(text)))
    if len(text) <= MAX_CHOICE:
        return text
    form = _form(text)
    ends = [m.start() for m in _CLAUSE_END.finditer(text) if m.start() <= MAX_CHOICE]
    if form in _VERBS:  # "makes … reusable, updates the visibility map": two predicates
        ends += [m.start() for m in re.finditer(r",\s+", text[:MAX_CHOICE + 1])
                 if _form(text[m.end() :]) == form]  # fmt: skip
    ends.sort()
    return text[: ends[-1]].rstrip() if ends else None


def _key(f: Fact) -> str | None:
    """The term's description as an option, cut as `_cut` cuts, without the phrases that write
    the term's own words or spell its acronym ("… by performing an immutable update", "block
    range index: …"); None when nothing fair is left. What only means the name ("to a fresh
    group" of Immutable) stays: in this direction it is what the question asks."""
    opening = meanings.opening(f.value)
    text = _unnamed(opening, f.subject)
    key = _cut(text) if text else None
    return key if key is not None and standalone(key) else None


def _unnamed(desc: str, term: str) -> str | None:
    """The description without the phrases that write the term's words or spell its acronym;
    the description itself when it does neither; None when the cut takes more than the name
    or leaves nothing that stands alone."""
    words = [w for w in re.findall(r"[A-Za-z]{3,}", term) if w.casefold() not in STOP_EN]
    # a description that does not hold the word in any case compiles no pattern for it
    marks = [
        w
        for w in words
        if may_hold_any_case(desc, w) and re.search(rf"\b{re.escape(w)}", desc, re.I)
    ]
    acronym = spelled(desc, term)
    marks += [acronym] if acronym else []
    if not marks:
        return desc
    text = without(desc, marks)
    if text is None or not standalone(text):
        return None
    dropped = content_words(desc) - content_words(text) - content_words(term)
    return text if len(dropped) <= THIN else None  # the cut took more than the name


def _standing(f: Fact) -> bool:
    """A term that stands as a topic of its own: a heading that names a thing, or a term the
    notes define in a paragraph, not one item of a list or one value of a named set."""
    return f.category is None and (f.role == "heading" or f.group.startswith("s"))


def _alike(a: Fact, b: Fact) -> bool:
    """Two terms named alike: both plain names, or both of one written form (two settings,
    two commands), of one named category or none."""
    fa, fb = family(a.subject), family(b.subject)
    return a.category == b.category and (fa == fb or {fa, fb} <= _PLAIN)


def _peers(a: Fact, b: Fact) -> bool:
    """Two terms the notes present alike: both headings (the notes' topics), or both written
    the same way in a paragraph (two bold terms), and named alike. A term defined inside one
    topic's paragraph is a part of that topic, not a topic of its own: "global tables" among
    the notes' services is a feature beside products, told apart by kind alone."""
    return a.role == b.role and markup(a) == markup(b) and _alike(a, b)


_TERMS_BY_SECTION: WeakKeyDictionary[Pool, dict[int, list[tuple[int, Fact]]]] = WeakKeyDictionary()


def _terms_by_section(pool: Pool) -> dict[int, list[tuple[int, Fact]]]:
    """The pool's term and heading definitions by section, with their place in the pool: each
    fact looks only at the sections around its own, where scanning every definition for every
    fact grew with the square of the notes."""
    index = _TERMS_BY_SECTION.get(pool)
    if index is None:
        index = {}
        for n, d in enumerate(pool.definitions):
            if d.role in _MEANING_ROLES:
                index.setdefault(d.section.index, []).append((n, d))
        _TERMS_BY_SECTION[pool] = index
    return index


def near_terms(f: Fact, pool: Pool) -> list[Fact]:
    """The other terms and headings defined within `SECTION_WINDOW` sections of the fact's, in
    the notes' order."""
    here = f.section.index
    by_section = _terms_by_section(pool)
    near = sorted(
        (n, d)
        for i in range(here - SECTION_WINDOW, here + SECTION_WINDOW + 1)
        for n, d in by_section.get(i, ())
    )
    asked = norm(f.subject)
    return [d for _, d in near if norm(d.subject) != asked]


def _kin(f: Fact, pool: Pool) -> Iterator[tuple[str, str]]:
    """(term, description) of the fact's kin, nearest first: its own list or set; for a term
    that stands alone, then terms that stand alone and are named alike, in its section and
    then in the sections around it (the notes' other topics). An item of a list has no kin
    outside its list: the other lists of the notes hold other kinds of thing."""
    here = f.section.index
    others = near_terms(f, pool)
    if under_catch_all(f.block):
        # a grab bag ("Misc", "其它零碎"): the unlike things beside it are no kin, only the
        # ones its own siblings name
        others = [d for d in others if d.section.index != here or d.subject in f.siblings]
    tiers = [[d for d in others if d.group == f.group and _alike(f, d)]]
    if _standing(f):
        kin = [d for d in others if d.group != f.group and _standing(d) and _peers(f, d)]
        tiers += [
            [d for d in kin if d.section.index == here],
            [d for d in kin if d.section.index != here],
        ]
    for tier in tiers:
        for d in sorted(tier, key=lambda d: (abs(d.section.index - here), d.line)):
            yield d.subject, d.value


def kin_meaning(f: Fact, pool: Pool) -> Candidate | None:
    """ "Which description fits X?" with the descriptions of X's kin as the wrong options."""
    if f.kind != "definition" or f.role not in _MEANING_ROLES:
        return None
    key = _key(f)
    if key is None or vague(key) or CONTEXT_START.match(key):
        return None  # an opinion or the scene set before it says nothing of the term itself
    form = _form(key)
    wrong: list[str] = []
    owners: set[str] = set()
    taken: list[str] = []  # whole descriptions of the chosen options, for also_fits
    for owner, desc in _kin(f, pool):
        if len(wrong) >= 3:
            break
        if norm(owner) in owners or contains(desc, owner) or contains(desc, f.subject):
            continue  # a description that names its own term (or the asked one) says whose it is
        if vague(desc) or unsettled(desc, f.value):
            continue  # "the fastest database …", "does not …": true or false of anything
        cut = _cut(desc)
        option = _agreeing(cut, form) if cut is not None else None
        if (
            option is None
            or not pool.same_kind(f.subject, owner, f)
            or not standalone(option)
            or not _fits(option, key, f.value, wrong)
        ):
            continue
        if bool(_DIGIT.search(option)) != bool(_DIGIT.search(key)):
            continue  # a lone option with (or without) a number is a cue, not a meaning
        rest = [f.value, *taken]
        if also_fits(f.value, desc, rest) or also_fits(desc, f.value, rest):
            continue  # the other description could be said of this term too
        wrong.append(option)
        taken.append(desc)
        owners.add(norm(owner))
    if len(wrong) < 2:
        return None
    return meanings.ask_meaning(NAME, "meaning", f, key, wrong)


def _fits(option: str, key: str, value: str, wrong: Sequence[str]) -> bool:
    """A wrong option unlike the key and the others taken, of a length that is no cue."""
    if not meanings.fits(option, key, wrong) or contains(value, option):
        return False
    lengths = [len(o) for o in (key, *wrong, option)]
    return max(lengths) <= MAX_SPREAD * min(lengths)


def for_fact(f: Fact, pool: Pool) -> Iterator[Candidate]:
    """The definition's ways of asking first; its meaning among its kin's only when none of
    them passed (the caller stops at the first that does). It may offer the options a
    `meanings` question offered: that one was judged by every word that means the term, this
    one by the term's own words. A description that names its term is never quoted with those
    words blanked: session 40's review read each such gap ("fail closed if … backend
    unreachable") as a hole, 10 of 11 broken or too easy. An aside or an example's data is no
    meaning to ask by."""
    if no_description(f, pool):
        return
    yield from meanings.for_fact(f, pool)
    if f.condition or parse_number(f.subject) is not None:
        return  # no meaning to set among its kin's (a bare number is a drill's answer)
    kin = kin_meaning(f, pool)
    if kin is not None:
        yield kin
