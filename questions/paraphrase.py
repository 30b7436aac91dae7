"""Names that describe themselves: a stem that says what an option's name says, in other words.

"stop the running job, start the new one" is Replace to anyone, "equality joins" is Hash Join,
"尝试减少请求数" is THROTTLED, "own MAC address" is macvlan: the description paraphrases the
key's name without sharing a word with it, so `cues.clue` (the same word, its lemma, a
dictionary translation) lets it pass, and a player who never read the notes still scores.

A name is read as its parts (camelCase, snake_case, kebab-case, lemmas, the short forms of
`ABBREVIATIONS` and the acronyms the notes spell out) and each part is looked up in `SENSES`:
the ideas names are built from, each with the English and Chinese words that say that idea
without the name's own word. A name glued from words ("macvlan", "noeviction") is named by a
word it opens or ends with.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from questions.cues import abbreviation_of
from questions.text import CJK_RUN, STOP_EN, cut, english_word, lemma, norm


@dataclass(frozen=True)
class Sense:
    """An idea a name is built from, and how a description says it in other words.

    names: name parts (lemmas) that carry the idea; words: English words (lemmas) that say
    it; phrases: English patterns that say it in several words; zh: Chinese words (matched
    as jieba's words) or patterns (matched in the run) that say it.
    """

    key: str
    names: frozenset[str]
    words: frozenset[str] = frozenset()
    phrases: tuple[str, ...] = ()
    zh: tuple[str, ...] = ()


def _sense(
    key: str, names: str, words: str = "", phrases: Iterable[str] = (), zh: Iterable[str] = ()
) -> Sense:
    return Sense(key, frozenset(names.split()), frozenset(words.split()), tuple(phrases),
                 tuple(zh))  # fmt: skip


#: a stop before a start, in that order: what Replace, Recreate and Restart each do
_STOP_THEN_START = (
    r"\b(?:stop|kill|terminat|cancel|delet|remov|shut|tear)\w*\b[^.;:]{0,80}?"
    r"\b(?:start|launch|creat|spin|bring)\w*"
)

#: Ideas names are built from, with the words that say them in other terms. Generic computing
#: verbs and adjectives only, never one set of notes' phrasing: each entry is here because a
#: description in some notes said it and left the name readable to anyone.
SENSES: tuple[Sense, ...] = (
    # the new takes the old one's place: Replace, Recreate, Restart ("stop …, start the new")
    _sense("renew", "replace recreate rebuild restart reload redeploy substitute swap",
           "substitute supersede swap overwrite", [_STOP_THEN_START],
           ["替换", "替代", "取代", "重建", "重启", r"(?:停止|停掉|杀掉|杀死|删除|关闭).{0,12}(?:启动|创建|新建)"]),
    # refusing the new: Forbid, Deny, Reject ("skip the new run", "not allowed")
    _sense("refuse", "forbid deny reject disallow prohibit refuse",
           "skip refuse reject deny forbid prohibit disallow decline",
           [r"\bnot\s+(?:be\s+)?(?:allowed|permitted)\b"],
           ["禁止", "拒绝", "不允许", "跳过", "不准"]),
    # taking away: rm, Delete, Remove, Drop, Purge, Prune
    _sense("remove", "remove delete drop purge prune erase destroy",
           "remove delete erase drop purge prune destroy discard wipe",
           zh=["删除", "移除", "清除", "删掉", "丢弃", "销毁"]),
    # fewer or slower requests: THROTTLED, throttling ("尝试减少请求数", "too many requests")
    _sense("throttle", "throttle throttling",
           "throttle",
           [r"\b(?:reduce|lower|fewer|too\s+many|slow\s+down|back\s+off)\b[^.;]{0,30}?"
            r"\b(?:requests?|calls?)\b", r"\brate[- ]limit"],
           [r"(?:过多|太多)的?请求", r"请求.{0,6}(?:过多|太多|过于频繁)", r"减少.{0,4}请求(?:数|次数|量|频率)",
            "限流", "节流"]),
    # a hash finds equal keys only: Hash, Hash Join ("equality (=) only")
    _sense("equal", "hash", "equality equal", zh=["相等", "等值", "等于"]),
    # a merge walks sorted inputs: Merge Join, merge sort ("both inputs sorted")
    _sense("sorted", "merge sort sorted", "sort sorted", zh=["排序", "有序"]),
    # HTTP answers with a status code: httpGet, HTTP ("status code 200-399")
    _sense("http", "http https httpget",
           phrases=[r"\bstatus\s+codes?\b", r"\b[1-5]\d\d\s*(?:-|–|~|to)\s*[1-5]\d\d\b",
                    r"\b[1-5]xx\b"],
           zh=["状态码"]),
    # a socket is a port taking connections: tcpSocket ("port accepts a connection")
    _sense("socket", "socket",
           phrases=[r"\bports?\b[^.;]{0,30}\bconnect", r"\bconnect\w*\b[^.;]{0,30}\bports?\b"],
           zh=[r"端口.{0,8}连接", r"连接.{0,8}端口"]),
    # a failure is a non-zero exit: on-failure, OnFailure ("only when the exit code is non-zero")
    _sense("failure", "failure fail",
           "fail failure crash",
           [r"\bnon-?zero\s+(?:exit|status|code)", r"\bexit\s+(?:code|status)\s+(?:is\s+)?"
            r"(?:non-?zero|not\s+0|!=\s*0)"],
           ["失败", "出错", "崩溃"]),
    # all of it: VACUUM FULL ("rewrites the whole table")
    _sense("whole", "full", "whole entire", zh=["整个", "全部", "完整", "全量"]),
    # what an adapter does: adapter, converter, transformer ("converts … into a standard format")
    _sense("convert", "adapter adapt converter transformer translator",
           "convert transform translate reformat normalize standardize",
           zh=["转换", "转化", "适配"]),
    # no effect twice: idempotence ("prevents duplicates on retry")
    _sense("idempotent", "idempotent idempotence idempotency", "duplicate deduplicate",
           [r"\bexactly\s+once\b"], ["幂等", "去重"]),
    # a copy: cp, COPY, clone
    _sense("copy", "copy clone", "copy duplicate clone", zh=["复制", "拷贝"]),
    # keeping: no-store, storage ("完全不能存")
    _sense("store", "store storage", "store persist", zh=["存", "存储", "储存", "存放"]),
    # where a thing lives or serves: Internal, private ("traffic inside the VPC")
    _sense("inward", "internal inner intra inbound ingress private", "inside within internal",
           zh=["内部", "内网", "私网"]),
    # ...and its opposite: External, public ("from the internet")
    _sense("outward", "external outer outbound egress public", "outside external internet",
           zh=["外部", "外网", "公网"]),
    # how many: count, replicaCount ("makes N copies", "how many times")
    _sense("count", "count cnt", "number", [r"\bhow\s+many\b"], ["数量", "个数", "多少个"]),
    # one thing ahead of another: create_before_destroy, pre-stop ("builds the new one first")
    _sense("before", "before pre prior", "first beforehand ahead earlier",
           zh=["事先", "提前"]),
    # try again: retry ("try again later")
    _sense("retry", "retry", phrases=[r"\btry(?:ing)?\s+again\b", r"\bre-?attempt"],
           zh=["重试", "再试"]),
)  # fmt: skip

#: senses that deny each other: a statement that says one of a name carrying the other reads
#: as false ("External … is described as “… inside the VPC”")
OPPOSITES = {"inward": "outward", "outward": "inward"}

#: short forms command-line names are written in, with the word each shortens: `--rm` is
#: remove, `cp` copy. Only short forms a sense reads.
ABBREVIATIONS: dict[str, str] = {"rm": "remove", "del": "delete", "cp": "copy", "cnt": "count"}

_PART = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+")
_TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[-_./:][A-Za-z0-9]+)*")
_WORD = re.compile(r"[A-Za-z]+")
#: words of every stem's template, which describe nothing
_TEMPLATE = frozenset({"which", "described", "description", "here", "these", "fits", "fill",
                       "blank", "true", "false", "what", "value", "means"})  # fmt: skip
_COMPILED = {s.key: [re.compile(p, re.I) for p in s.phrases] for s in SENSES}
_ZH_PATTERNS = {s.key: [re.compile(p) for p in s.zh if not re.fullmatch(r"\w+", p)] for s in SENSES}
_ZH_WORDS = {s.key: frozenset(p for p in s.zh if re.fullmatch(r"\w+", p)) for s in SENSES}
#: a glued name's part must be this long to be a word of it ("mac" of macvlan)
_MIN_GLUED = 3


@lru_cache(maxsize=16384)
def name_parts(option: str, known: tuple[tuple[str, str], ...] = ()) -> frozenset[str]:
    """The lower-case words an option's name is made of, with their lemmas, the words of the
    short forms it uses (`ABBREVIATIONS`) and of the acronyms the notes spell out (`known`)."""
    spelled = dict(known)
    parts: set[str] = set()
    for m in _TOKEN.finditer(option):
        token = m.group(0)
        parts.add(re.sub(r"[-_./:]", "", token).lower())  # "re-create", "read_only" whole
        for p in _PART.findall(token):
            low = p.lower()
            parts.add(low)
            if low in ABBREVIATIONS:
                parts.add(ABBREVIATIONS[low])
            if p.upper() in spelled:
                parts |= {w.lower() for w in _WORD.findall(spelled[p.upper()])}
    parts |= {lemma(p) for p in list(parts) if p.isalpha()}
    return frozenset(p for p in parts if len(p) >= 2)


#: name parts that deny the rest of the name: no-store is "not stored", non-blocking "not blocking"
_NAME_NEGATORS = frozenset({"no", "non", "not", "never"})
#: what denies the word after it in a description: "cannot be stored", "不能存", "没有缓存"
_NEGATED_EN = re.compile(
    r"\b(?:not|no|never|cannot|can't|don't|doesn't|won't|without)(?:\s+[A-Za-z]+){0,2}\s*$", re.I
)
_NEGATED_ZH = re.compile(r"[不没无非勿别][^，,。；;：:\s]{0,2}$")
#: the prefix of a sense said or named the other way round
NOT = "no:"


@lru_cache(maxsize=16384)
def senses_named(option: str, known: tuple[tuple[str, str], ...] = ()) -> frozenset[str]:
    """The senses an option's name carries ("Hash Join": equal), denied when the name denies
    them (no-store: "no:store")."""
    parts = name_parts(option, known)
    denied = NOT if parts & _NAME_NEGATORS else ""
    return frozenset(denied + s.key for s in SENSES if parts & s.names)


def _denied(text: str, at: int) -> bool:
    """The word said at this place is denied ("完全不能存", "is not stored")."""
    before = text[max(0, at - 30) : at]
    return bool(_NEGATED_EN.search(before) or _NEGATED_ZH.search(before))


@lru_cache(maxsize=16384)
def senses_said(text: str) -> tuple[tuple[str, str], ...]:
    """(sense, the text that says it) for every sense a description says in other words; a
    sense said denied is "no:" and the sense ("完全不能存": no:store), and a text may say both."""
    words = [(lemma(m.group(0).lower()), m.group(0), m.start()) for m in _WORD.finditer(text)]
    words = [(w, s, at) for w, s, at in words if w not in STOP_EN and w not in _TEMPLATE]
    zh_words: list[tuple[str, int]] = []
    for run in CJK_RUN.finditer(text):
        at = run.start()
        for w in cut(run.group(0)):
            zh_words.append((w, at))
            at += len(w)
    out: list[tuple[str, str]] = []
    for s in SENSES:
        hits = [(surface, at) for w, surface, at in words if w in s.words]
        hits += [(m.group(0), m.start()) for p in _COMPILED[s.key] if (m := p.search(text))]
        hits += [(w, at) for w, at in zh_words if w in _ZH_WORDS[s.key]]
        hits += [(m.group(0), m.start()) for p in _ZH_PATTERNS[s.key] if (m := p.search(text))]
        said: dict[bool, str] = {}
        for hit, at in hits:
            said.setdefault(_denied(text, at), hit)
        out += [((NOT if denied else "") + s.key, hit) for denied, hit in sorted(said.items())]
    return tuple(out)


_GLUE = re.compile(r"[-_./:]")


@lru_cache(maxsize=16384)
def _glued_words(option: str) -> tuple[str, ...]:
    """The lower-case names of an option glued from words ("macvlan", "noeviction"). Cached:
    read again for every word of the stem it is compared with."""
    tokens = [p.lower() for m in _TOKEN.finditer(option) for p in _GLUE.split(m.group(0))]
    return tuple(
        t for t in tokens if len(t) >= 2 * _MIN_GLUED and t.isalpha() and not english_word(t)
    )


def _glued(word: str, option: str) -> bool:
    """The word opens or ends a name of the option glued from words, the rest a word too."""
    return any(
        len(g) - len(word) >= _MIN_GLUED and (g.startswith(word) or g.endswith(word))
        for g in _glued_words(option)
    )


def _stem_words(text: str) -> list[tuple[str, str]]:
    """(lower-case word or its lemma, the word) for the words a glued name may be made of."""
    words = [w for w in _WORD.findall(text) if len(w) >= _MIN_GLUED]
    found = [(x, w) for w in words for x in dict.fromkeys((w.lower(), lemma(w.lower())))]
    return [(x, w) for x, w in found if x not in STOP_EN and x not in _TEMPLATE]


def paraphrased(
    text: str,
    answer: str,
    wrong: Sequence[str],
    like: Sequence[str] = (),
    known: Mapping[str, str] | None = None,
) -> str | None:
    """The text of a description that says what the answer's name says, when fewer than half
    of the wrong options' names say it too, and the answer's kin (`like`: the other rows'
    cells, the sibling terms' descriptions) do not mostly say it as well (then it is the
    topic's vocabulary); or None."""
    spelled = tuple(sorted((known or {}).items()))
    mine = senses_named(answer, spelled)
    if mine:
        for key, surface in senses_said(text):
            if key not in mine:
                continue
            theirs = sum(1 for w in wrong if key in senses_named(w, spelled))
            if theirs >= len(wrong) / 2:
                continue
            if like and sum(1 for d in like if key in dict(senses_said(d))) >= len(like) / 2:
                continue
            return surface
    for low, surface in _stem_words(text):
        if _glued(low, answer) and sum(1 for w in wrong if _glued(low, w)) < len(wrong) / 2:
            return surface
    # "Young GC 次数" of YGC: the answer's letters stand for the text's words
    short = abbreviation_of(answer, text)
    if short and sum(1 for w in wrong if abbreviation_of(w, text)) < len(wrong) / 2:
        return short
    # the other way round: the stem's glued name holds the answer's word ("SIGKILL" / docker kill)
    for glued in _glued_words(text):
        if _holds(glued, answer) and sum(1 for w in wrong if _holds(glued, w)) < len(wrong) / 2:
            return next(m.group(0) for m in _WORD.finditer(text) if m.group(0).lower() == glued)
    return None


def _holds(glued: str, option: str) -> bool:
    """A glued name opens or ends with a word of the option's name, the rest a word too."""
    return any(
        len(p) >= _MIN_GLUED and len(glued) - len(p) >= _MIN_GLUED
        and (glued.startswith(p) or glued.endswith(p))
        for p in name_parts(option)
    )  # fmt: skip


#: a phrase that describes one term by another: "like COPY but …", "unlike ClusterIP", "跟 X 一样"
_COMPARED = re.compile(
    r"(?:\b(?:like|unlike|similar\s+to|same\s+as|as\s+with|instead\s+of|rather\s+than|"
    r"compared\s+(?:to|with)|versus|vs\.?|than)|和|跟|与|同|像|类似于?|不同于|相比于?|而不是|代替|取代)"
    r"\s*(?:the\s+|a\s+|an\s+)?[`\"“']?([A-Za-z][\w.:/-]*(?:\s+[A-Z][\w-]*)?)",
    re.I,
)


def compared_term(text: str, answer: str, terms: Iterable[str]) -> str | None:
    """A term of the answer's kind (an option, a sibling) that the text describes the answer
    by ("like COPY but also extracts tar archives"): the reader picks the option most like it,
    or strikes it when it is offered, without knowing the fact."""
    compared = list(_COMPARED.finditer(text))
    if not compared:
        return None  # most descriptions compare with nothing: the terms are never read
    by_norm = {norm(t): t for t in terms if norm(t) and norm(t) != norm(answer)}
    for m in compared:
        said = m.group(1).rstrip(".,;:")
        for candidate in (said, said.split()[0]):
            found = by_norm.get(norm(candidate))
            if found is not None:
                return found
    return None


def says_name(text: str, name: str, known: Mapping[str, str] | None = None) -> str | None:
    """The text of a description that says what the name says in other words, or None."""
    spelled = tuple(sorted((known or {}).items()))
    mine = senses_named(name, spelled)
    hit = next((surface for key, surface in senses_said(text) if key in mine), None)
    if hit is None:
        hit = next((surface for low, surface in _stem_words(text) if _glued(low, name)), None)
    return hit or abbreviation_of(name, text)


def contradicts(text: str, name: str, known: Mapping[str, str] | None = None) -> str | None:
    """The text of a description that says the opposite of what the name says ("inside the
    VPC" of External …), or None."""
    spelled = tuple(sorted((known or {}).items()))
    mine = senses_named(name, spelled)
    return next((surface for key, surface in senses_said(text) if OPPOSITES.get(key) in mine), None)
