"""When a description fits more than one option, or fits nothing in particular.

- Another option's own description starts with a word the stem's description uses ("helper
  next to the main app (log shipper, proxy)" beside ambassador, which "proxies the app's
  connections"): that option could be meant too, so it is never offered.
- A command whose own words repeat the purpose asked about ("starts a rollout" beside
  `kubectl rollout restart`) may do it too.
- A vague claim ("the fastest database for real time servers") is an opinion, not a fact a
  question can single out an answer by.
- A description of one or two words ("请求成功", "handles credentials") fits every option whose
  own description uses one of them ("创建成功" of 201 is a successful request too).
- A command whose flag says the purpose (`systemctl enable --now` beside
  `systemctl start` for "runs a unit now") does it too; so does an option a sentence of the
  notes names with most of the stem's words, denying nothing.
- A blank in a denial ("cannot be placed on ___", "不是___的部署方式") is filled as truly by every
  wrong option: what a thing is not has no single answer.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import lru_cache

from questions.text import (
    ASIDE,
    CJK,
    CJK_RUN,
    STOP_EN,
    ZH_DENIAL,
    cjk_runs,
    contains,
    cut,
    lemma,
    lemma_words,
    norm,
)
from questions.values import command_like

_VAGUE = re.compile(
    r"\b(the\s+)?(fastest|best|easiest|simplest|cheapest|greatest|coolest|most\s+(popular|"
    r"powerful|important|useful))\b|最快|最好|最佳|最强|最简单",
    re.I,
)


_DENIAL = re.compile(
    r"\b(not|never|cannot|can't|isn't|aren't|doesn't|don't|won't|no longer)\b|"
    r"不能|不是|不会|不可|不要|不支持|不允许|无法|没有|并非|从不",
    re.I,
)
_EXCEPTION = re.compile(r"\bnot\s+(when|if|while|unless|after|before|until)\b", re.I)
_CLAUSE_END = re.compile(r"[,;:.!?，；：。！？]")


def denied_blank(text: str, blank: str = "___") -> bool:
    """The blank sits in a clause that denies something: "不能放置在___上" is true of KMS too."""
    at = text.find(blank)
    if at < 0:
        return False
    starts = [m.end() for m in _CLAUSE_END.finditer(text, 0, at)]
    clause = text[starts[-1] if starts else 0 : at]
    clause = _EXCEPTION.sub(" ", clause)  # "but not when mounted w/ ___": one exception
    return _DENIAL.search(clause) is not None


#: an opening that says what a thing does not do ("does NOT talk to …", "never restarts")
_DENYING_OPENING = re.compile(
    r"^\s*(?:(?:also|still|simply|just|it)\s+)?(?:(?:does|do|is|are|will|can|should|must|may|"
    r"has|have)\s+not|not|never|no|doesn't|don't|isn't|aren't|won't|can't|cannot)\b",
    re.I,
)
#: the adverbs a Chinese denial may follow ("完全不能存"), read off jieba's words
_ZH_ADVERB = frozenset({"完全", "并", "也", "都", "还", "绝对", "根本", "永远"})


#: where a description's clauses part (a "/" joins what one verb governs: "does not talk to
#: X / check Y"), and the asides left out of them
_CLAUSE_SPLIT = re.compile(r"[,;.!?，；。！？]\s*|\s*(?:->|→)\s*|\s[—–-]\s")


def _clauses(desc: str) -> list[str]:
    return [c for c in _CLAUSE_SPLIT.split(ASIDE.sub("", desc)) if c.strip()]


#: "never plant …", "don't edit …": an instruction about the thing, not a denial of what it does
_IMPERATIVE = re.compile(r"^\s*(?:never|don't|do\s+not)\s+([a-z]+)\b", re.I)


#: a short subject said not to undergo something: "real infra is NOT destroyed"
_PASSIVE_DENIAL = re.compile(
    r"^\s*(?:[\w-]+\s+){1,3}(?:is|are|was|were|gets?)\s+(?:not|never)\s+[a-z]+(?:ed|en)\b", re.I
)


def _denying(clause: str) -> bool:
    if _PASSIVE_DENIAL.match(clause):
        return True
    if _DENYING_OPENING.match(clause):
        m = _IMPERATIVE.match(clause)
        if m is None:
            return True
        from lemminflect import getAllLemmas

        verbs = getAllLemmas(m.group(1).lower()).get("VERB", ())
        return not verbs or verbs[0] != m.group(1).lower()
    run = CJK_RUN.match(clause.strip())
    if run is None:
        return False
    words = cut(run.group())
    while words and words[0] in _ZH_ADVERB:
        words = words[1:]
    return bool(words) and words[0] in ZH_DENIAL


@lru_cache(maxsize=16384)
def denies(desc: str) -> bool:
    """The description only says what the thing does NOT do ("validate does not talk to remote
    APIs"): many things of a kind do not, so it names none of them (nor does fmt). A clause
    that says what it does ("不支持这个方法，响应带 Allow header") is a description."""
    clauses = _clauses(desc)
    return bool(clauses) and all(_denying(c) for c in clauses)


_DENIAL_WORDS = frozenset({"not", "never", "no", "cannot", "doe", "does", "do", "is", "are"})


def denied_words(desc: str) -> frozenset[str]:
    """The content words a denying description denies."""
    return content_words(" ".join(_clauses(desc))) - _DENIAL_WORDS - ZH_DENIAL


def affirms(denial: str, desc: str) -> bool:
    """The description says of its own thing what the denial denies ("restarted after a
    signal" against "never restarted"): beside it, the denial tells its thing apart."""
    return not denies(desc) and bool(denied_words(denial) & content_words(desc))


def denial_fits(text: str, descriptions: Iterable[str]) -> bool:
    """The text denies something ("does not talk to remote APIs") that no description of
    another thing says that thing does: for all the notes say, it is true of that one too."""
    return denies(text) and not any(affirms(text, d) for d in descriptions)


def unsettled(a: str, b: str) -> bool:
    """Of two descriptions one denies what the other does not say: both may be true of one
    thing, so neither is a wrong option beside the other."""
    return denial_fits(a, [b]) or denial_fits(b, [a])


def vague(desc: str) -> bool:
    """A superlative or an opinion that no fact of the notes pins to one thing."""
    return _VAGUE.search(desc) is not None


@lru_cache(maxsize=16384)
def head_word(desc: str) -> str:
    """The lemma of the first content word: what the description says the thing does or is
    ("" for a description in Chinese: its first Latin word is an aside, not its head)."""
    if re.match(r"\s*[\u4e00-\u9fff]", desc):
        return ""
    for w in re.findall(r"[A-Za-z]+", desc):
        low = w.lower()
        if len(low) >= 3 and low not in STOP_EN:
            return lemma(low)
    return ""


#: the only non-ASCII letters re.I takes for an ASCII one (İ ı ſ K)
_FOLDS_TO_ASCII = frozenset("\u0130\u0131\u017f\u212a")


def _builds_on(desc: str, answer: str) -> bool:
    """The description opens with the answer and adds to it ("vacuum + refresh …")."""
    # most descriptions open with something else: tell so without compiling a pattern per
    # answer (thousands of them flush re's cache)
    opening = desc.lstrip()[: len(answer)]
    plain_answer = answer.isascii() and not answer[:1].isspace()
    if plain_answer and opening.isascii():  # no letter re.I folds to ASCII: compared as is
        if opening.lower() != answer.lower():
            return False
    elif plain_answer and not _FOLDS_TO_ASCII & set(opening):
        return False
    m = re.match(rf"\s*{re.escape(answer)}\s*(\+|plus\b|and\b|with\b|then\b)", desc, re.I)
    return m is not None


@lru_cache(maxsize=16384)
def _verb_head(desc: str) -> str:
    """The lemma of a description that opens with what the thing does ("proxies …" ->
    proxy), or "" (a noun opening, "every container has …", says what it is)."""
    from lemminflect import getAllLemmas

    m = re.match(r"\s*([a-z]{3,})\s+(\S+)", desc)
    if m is None:
        return ""
    word, after = m.groups()
    lemmas = getAllLemmas(word)
    verbs = lemmas.get("VERB", ())
    if verbs and verbs[0] != word:
        return str(verbs[0])
    # "proxies the app's …": an -s word before an article acts as a verb whatever the lexicon
    nouns = lemmas.get("NOUN", ())
    if nouns and nouns[0] != word and after.lower() in ("the", "a", "an", "its", "all", "every"):
        return str(nouns[0])
    return ""


def also_fits(desc: str, other: str, rest: Iterable[str] = ()) -> bool:
    """The other option's description opens with a word this description uses, not as its own
    opening (two "fails -> …" lines are parallel, not the same) and not a word every option's
    description uses ("requests" in each QoS class)."""
    head = head_word(other)
    if not head or head == head_word(desc) or head not in lemma_words(desc):
        return False
    return not any(head in lemma_words(r) for r in rest)


#: a description of at most this many content words says too little to rule out its kin
THIN = 2


_COMPOUND = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)+")


@lru_cache(maxsize=16384)
def content_words(desc: str) -> frozenset[str]:
    """Latin words by lemma, hyphenated compounds whole ("at-least-once" is one word, though
    made of stop words) and Chinese words of two characters or more."""
    zh = {w for run in cjk_runs(desc) for w in cut(run) if len(w) >= 2}
    compounds = {w.lower() for w in _COMPOUND.findall(desc)}
    return lemma_words(desc) | zh | compounds


#: a bracketed aside of one phrase of this many words or fewer is a hint, not a description
#: (a Chinese one is read as a description is: by its characters)
ASIDE_WORDS = 3
ASIDE_CJK = 6


def short_aside(text: str) -> bool:
    """ "small outer side", "needs work_mem", "（两者混合）": one short phrase names one
    circumstance of a member, which another member may share (a Hash Join wants a small side
    too). A clause says what the member does ("the port accepts a connection", "（先淘汰快过期
    的）"), and a profile rates it on several of the set's scales at once ("slow, small")."""
    if re.search(r"[,，、;；]", text):
        return False
    if CJK.search(text):
        return len(CJK.findall(text)) < ASIDE_CJK
    return len(re.findall(r"[^\s/]+", text)) <= ASIDE_WORDS


def thin(desc: str) -> bool:
    """A description of one or two content words: too little to rule out its kin."""
    return 0 < len(content_words(desc)) <= THIN


def thin_fit(desc: str, other: str, column: Sequence[str] = ()) -> bool:
    """A thin description ("请求成功") fits an option whose own description uses one of its
    words ("创建成功…"), unless every description of the set uses that word."""
    if not thin(desc):
        return False
    words = content_words(desc)
    shared = words & content_words(other)
    if not shared:  # most options share no word: skip the column's common words
        return False
    return bool(shared - (_common_words(tuple(column)) if column else frozenset()))


def thin_fits_any(desc: str, others: Iterable[str], column: Sequence[str] = ()) -> bool:
    """`thin_fit` against each of the others, the column's common words taken out once (a
    big table's rows would otherwise cost rows² set differences)."""
    if not thin(desc):
        return False
    own = content_words(desc) - (_common_words(tuple(column)) if column else frozenset())
    return bool(own) and any(not own.isdisjoint(content_words(o)) for o in others)


@lru_cache(maxsize=256)
def _common_words(column: tuple[str, ...]) -> frozenset[str]:
    """The words every description of a set uses: asked once per option of one question."""
    return frozenset.intersection(*(content_words(c) for c in column))


def fitting_others(
    desc: str, options: Sequence[str], descriptions: Mapping[str, Sequence[str]], answer: str = ""
) -> list[str]:
    """The options the description could mean as well, by their own descriptions: one that
    opens with a word the description uses, one whose description uses the word the
    description opens with ("proxies the app's connections" beside a sidecar that is a
    "helper … (log shipper, proxy)"), and one whose description names the answer ("vacuum +
    refresh planner statistics": VACUUM ANALYZE does what VACUUM does, and more)."""
    own = {o: list(descriptions.get(norm(o), ())) for o in options}
    said = [(p, d) for p, ds in own.items() for d in ds]
    column = (desc, *(d for _, d in said))
    head = _verb_head(desc)
    mine = _Read(desc)
    out = []
    for o, descs in own.items():
        rest = _Others(said, o)
        if (
            any(_also_fits_read(mine, d, rest) for d in descs)
            or (head and any(head in lemma_words(d) and head_word(d) != head for d in descs)
                and not all(head in lemma_words(r) for r in rest))
            or (answer and any(_builds_on(d, answer) for d in descs))
            # (a word every description of the set uses tells none apart: "属性" of 1NF-BCNF)
            or (mine.thin and any(thin_fit(desc, d, column) for d in descs))
            or (answer and does_it_too(desc, o, answer))
        ):  # fmt: skip
            out.append(o)
    return out


class _Read:
    """What `also_fits` and `thin_fit` read of the description itself, read once for all the
    options `fitting_others` weighs (they read it again for each option's description)."""

    def __init__(self, desc: str) -> None:
        self.desc = desc
        self.head = head_word(desc)
        self.words = lemma_words(desc)
        self.thin = thin(desc)


def _also_fits_read(mine: _Read, other: str, rest: Iterable[str]) -> bool:
    """`also_fits(mine.desc, other, rest)`, the description's own words read once."""
    head = head_word(other)
    if not head or head == mine.head or head not in mine.words:
        return False
    return not any(head in lemma_words(r) for r in rest)


class _Others:
    """The other options' descriptions, read only when a rule gets that far (most stop at
    the option's own): listing them for each option of a long list cost its square."""

    def __init__(self, said: Sequence[tuple[str, str]], option: str) -> None:
        self._said = said
        self._option = option

    def __iter__(self) -> Iterator[str]:
        return (d for p, d in self._said if p != self._option)


def does_it_too(desc: str, option: str, answer: str) -> bool:
    """A command whose flag names what the description grants ("runs a unit now": `systemctl
    enable --now` starts it now too, as `systemctl start` does)."""
    if not (command_like(option) and command_like(answer)):
        return False
    flags = " ".join(w.lstrip("-") for w in option.split() if w.startswith("-"))
    extra = lemma_words(flags.replace("-", " ")) - lemma_words(answer.replace("-", " "))
    granted = " ".join(c for c in _CLAUSE_END.split(desc) if not _DENIAL.search(c))
    return bool(extra & lemma_words(granted))


#: a sentence names the option with this share of the stem's content words: it says the
#: option does what the stem asks about too
SAID_WITH = 1.0


def said_with(words: frozenset[str], option: str, sentences: Iterable[str]) -> bool:
    """A sentence of the notes names the option with most of the stem's content words, and
    denies nothing: the notes themselves say the option fits the stem as well."""
    if len(words) < 2:
        return False
    need = max(2, math.ceil(SAID_WITH * len(words)))
    for s in sentences:
        if contains(s, option) and len(words & content_words(s)) >= need and not _DENIAL.search(s):
            return True
    return False


def names_the_purpose(purpose: str, command: str) -> bool:
    """A command whose own words repeat a word of the purpose may do it too."""
    words = {lemma(w.lower()) for w in re.findall(r"[A-Za-z]{3,}", command)}
    return bool(words & (lemma_words(purpose) - {"command"}))


#: words that say a step is left out ("skip the prompt", "no approval prompt", "without a
#: lock", "跳过确认")
_LEFT_OUT = re.compile(
    r"\b(skip(?:s|ping)?|no|without|suppress(?:es)?|bypass(?:es)?|omits?)\b|跳过|无需|不需要|免",
    re.I,
)


def _left_out(text: str) -> frozenset[str]:
    """The content words of what a text says is left out: those after a word of `_LEFT_OUT`,
    to the end of its clause."""
    out: set[str] = set()
    for c in _CLAUSE_END.split(text):
        m = _LEFT_OUT.search(c)
        if m is not None:
            out |= content_words(c[m.end() :])
    return frozenset(out)


def leaves_out_alike(purpose: str, other: str) -> bool:
    """Two comments say one thing is left out ("skip "yes" prompt", "applies saved plan, NO
    approval prompt"): the other command serves the purpose too."""
    mine = _left_out(purpose)
    return bool(mine) and not mine.isdisjoint(_left_out(other))
