"""Give-aways: what in a stem points at one option to a player who never read the notes.

A stem names the answer when it shares a word with it that most wrong options lack: the same
word, its lemma or stem ("starting" / startup), a part of a CamelCase or snake_case name
("node" / nodePort, "role" / IAM_ROLE_MISSING), a short word the longer one begins with
("headers" / HEAD), a Chinese word that translates it ("删除" / DELETE, "同步" / sync), the
initials of its acronym ("space-partitioned" / SP-GiST), the letter of a flag ("directory" /
-Fd, "custom format" / `pg_dump -Fc …`), an abbreviation spelled from it ("svc" / Service) or a clipped part of its name that
stands for a word of the stem (least_conn / "connections"). Each finding carries the stem text
that gives the answer away, so a description can be asked again without it.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import lru_cache

from questions.ambiguity import content_words, thin
from questions.clipping import usage_remark
from questions.glossary import QUANTITIES, SENSES, cue_glosses, english, hints
from questions.text import (
    ASIDE,
    STOP_EN,
    cjk_runs,
    contains,
    cut,
    english_word,
    has_cjk,
    lemma,
    may_hold_any_case,
)
from questions.values import Number, numbers_in, parse_number
from questions.vocabulary import PORTS

_LATIN_TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[-_./][A-Za-z0-9]+)*")
_PART = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+")
#: prefixes that make another word of one root ("force-unlock" is named by "lock")
_PREFIXES = ("un", "re", "de", "dis", "pre", "non")
#: letters two words must open with alike to be one root whatever their endings
LONG_ROOT = 7
_NUMBER = re.compile(r"(?<![\w.])\d+(?:\.\d+)?(?![\d.])")
_QUOTED = re.compile(r"“([^”]*)”")
#: template words every stem of a kind carries: they point at nothing
_TEMPLATE = frozenset({"which", "described", "description", "fits", "fill", "blank", "true",
                       "false", "what", "value", "default", "here", "these", "command"})  # fmt: skip


#: a two-letter acronym ("IP", "DB") is a word of its own, though short
_SHORT_ACRONYM = re.compile(r"[A-Z]{2}")
#: an acronym with its version after it: "IPv4", "HTTP2", "TLSv1"
_VERSIONED = re.compile(r"([A-Z]{2,5})v?\d")


@lru_cache(maxsize=65536)
def _latin_tokens(text: str) -> tuple[str, ...]:
    """The text's Latin tokens (names with their - _ . / joins). Cached: the rules of `clue`
    each read a stem's and an option's tokens, and a stem or an option is new once only."""
    return tuple(_LATIN_TOKEN.findall(text))


@lru_cache(maxsize=65536)
def _parts(token: str) -> tuple[str, ...]:
    """ "IAM_ROLE_MISSING" -> iam, role, missing; "nodePort" -> node, port; "SP-GiST" -> sp, ….
    Cached: every stem and option is split token by token, and the tokens recur."""
    return tuple(p.lower() for p in _PART.findall(token))


@lru_cache(maxsize=65536)
def _latin_words(token: str) -> frozenset[str]:
    """Cached: stems and options repeat the same tokens ("Which", "service", a table's keys)."""
    low = token.lower()
    words = {low} if len(low) >= 3 or _SHORT_ACRONYM.fullmatch(token) else set()
    versioned = _VERSIONED.match(token)
    if versioned:  # "IPv4" names IP, "HTTP2" names HTTP
        words.add(versioned.group(1).lower())
    words |= {p for p in _parts(token) if len(p) >= 3}
    # SLOWLOG is named by "slowest", CHECKDB by "database": a glued name's words and clips
    for part in {token, *_parts(token)}:
        words |= {w for piece in glued(part) for w in piece if len(w) >= 2}
    words |= {lemma(w) for w in list(words) if w.isalpha()}
    # "gradually" names Rolling…; a template word only inside a description (`stem_words`)
    words |= {h for w in list(words) if w not in _TEMPLATE for h in hints(w)}
    return frozenset(w for w in words if w not in STOP_EN and w not in _TEMPLATE)


@lru_cache(maxsize=65536)
def glued(token: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A name glued from words in one case ("SLOWLOG", "BGREWRITEAOF", "keepalive"): its
    dictionary words of three letters or more, and the letters left between them (BG, AOF),
    which read as clippings or acronyms; ((), ()) for a word, a short name or a mixed case.
    The split covers the most letters by the longest words (dynamic programming over the
    name, words of at most twelve letters: linear in the name)."""
    low = token.lower()
    if not (6 <= len(low) <= 24 and low.isalpha() and token in (low, token.upper())):
        return (), ()
    if english_word(low):
        return (), ()
    n = len(low)
    # best[i]: (score, pieces) of low[:i]; a piece is a word or "#" and one left-over letter
    best: list[tuple[int, tuple[str, ...]]] = [(-1, ())] * (n + 1)
    best[0] = (0, ())
    for i in range(1, n + 1):
        score, pieces = best[i - 1]
        best[i] = (score, (*pieces, "#" + low[i - 1]))
        for j in range(max(0, i - 12), i - 2):
            piece = low[j:i]
            gain = best[j][0] + len(piece) ** 2
            if gain > best[i][0] and english_word(piece):
                best[i] = (gain, (*best[j][1], piece))
    words: list[str] = []
    clips: list[str] = []
    run = ""
    for piece in best[n][1]:
        if piece.startswith("#"):
            run += piece[1:]
            continue
        if run:
            clips.append(run)
            run = ""
        words.append(piece)
    if run:
        clips.append(run)
    if not words or any(len(c) > 5 for c in clips):
        return (), ()  # no word inside, or a stretch no word explains: a name, not a compound
    return tuple(words), tuple(clips)


def _identifier_words(token: str) -> set[str]:
    """A name of several parts has no function words: OVER in OVER_MAX_INSTANCES means
    "exceeds", so it is named by 超出 ("to overstep") though "over" is a stop word in prose."""
    parts = _parts(token)
    if len(parts) < 2:
        return set()
    return {p for p in parts if len(p) >= 4 and p in STOP_EN and p not in _TEMPLATE}


_LATIN_RUN = re.compile(r"[A-Za-z]+")


@lru_cache(maxsize=65536)
def _template_hints(text: str) -> frozenset[str]:
    """What the template's words of a text point at (`hints`), read where they are no template:
    in a description or an option ("command" is executed: exec). Cached: a quoted description's
    words are read one by one, and the same words recur."""
    words = {lemma(w.lower()) for w in _LATIN_RUN.findall(text)}
    return frozenset(h for w in words & _TEMPLATE for h in hints(w))


@lru_cache(maxsize=16384)
def option_words(option: str) -> frozenset[str]:
    """An option's words for comparing with a stem: Latin words, their parts and lemmas, and
    Chinese bigrams."""
    words: set[str] = set()
    for token in _latin_tokens(option):
        words |= _latin_words(token) | _identifier_words(token)
    words |= _template_hints(option)  # an option is never the template: "command exits 0"
    words |= set(_NUMBER.findall(option))
    for run in cjk_runs(option):
        words |= {run[i : i + 2] for i in range(len(run) - 1)}
        words |= {e for w, e in _glosses(run, chars=False)}
    return frozenset(words)


@lru_cache(maxsize=16384)
def _glosses(run: str, chars: bool = True) -> tuple[tuple[str, str], ...]:
    """(Chinese word, an English word it means) for a run of Chinese; glosses shorter than four
    letters are too loose to count ("时代" is also "age"). `chars`: words of one character too
    ("请求头" ends in "头", a head), read in a stem against Latin options only: two Chinese
    options are compared by their own characters. Cached: a run recurs in stem after stem."""
    out = []
    words = cut(run)
    # two characters jieba left apart may be one dictionary word ("幂" + "等" is 幂等)
    pairs = [a + b for a, b in itertools.pairwise(words) if len(a) == len(b) == 1]
    for w in [*words, *(p for p in pairs if english(p))]:
        if len(w) < 2 and not chars:
            continue
        for e in english(w):
            if e not in STOP_EN and len(e) >= 4:
                out += [(w, e), (w, lemma(e))]
            out += [(w, h) for h in hints(e)]  # 逐渐 is "gradually": a Rolling… option
    out += [(w, x) for w, e in cue_glosses(run) for x in {e, lemma(e)}]
    return tuple(out)


def _glossed_character(stem: str, answer: str, wrong: Sequence[str]) -> str | None:
    """A character of a Chinese word of the description whose own senses are an English word
    of the key and of no wrong option ("堆放不下" of Java heap space: 堆 is a heap). Only
    against Latin words: Chinese options are compared by their own characters."""
    mine = _latin_content(answer)
    if not mine:
        return None
    quoted = _QUOTED.findall(stem)
    runs = cjk_runs(" ".join(quoted) if quoted else stem)
    if not runs:
        return None  # most stems hold no Chinese: the wrong options need not be read
    theirs = set().union(*(_latin_content(w) for w in wrong)) if wrong else set()
    for run in runs:
        for ch in dict.fromkeys(ch for w in cut(run) if len(w) >= 2 for ch in w):
            for e in english(ch, SENSES):
                if len(e) < 4 or e in STOP_EN:
                    continue
                if any(alike(e, m) for m in mine) and not any(alike(e, t) for t in theirs):
                    return ch
    return None


_LONG_LATIN = re.compile(r"[A-Za-z]{4,}")


@lru_cache(maxsize=16384)
def _latin_content(option: str) -> frozenset[str]:
    """The option's Latin words of four letters or more, lower case, with their lemmas."""
    words = {w.lower() for w in _LONG_LATIN.findall(option)} - STOP_EN
    return frozenset(words | {lemma(w) for w in words})


@lru_cache(maxsize=16384)
def stem_words(stem: str) -> tuple[tuple[str, str], ...]:
    """(word, the stem text it comes from): the option words plus the English of each Chinese
    word, so "删除" is compared as "delete"."""
    out: list[tuple[str, str]] = []
    for token in _latin_tokens(stem):
        out += _token_words(token)
    # a template word inside a description is the description's own ("command exits 0")
    for quoted in _QUOTED.findall(stem):
        out += [(h, w) for w in _LATIN_RUN.findall(quoted) for h in _template_hints(w)]
    out += [(n, n) for n in _NUMBER.findall(stem)]
    for run in cjk_runs(stem):
        out += [(run[i : i + 2], run[i : i + 2]) for i in range(len(run) - 1)]
        out += [(e, w) for w, e in _glosses(run)]
    return tuple(dict.fromkeys(out))


@lru_cache(maxsize=65536)
def _token_words(token: str) -> tuple[tuple[str, str], ...]:
    """A token's part of `stem_words`: stems are new, their words are not ("Which", "service")."""
    return tuple((w, token) for w in sorted(_latin_words(token)))


@lru_cache(maxsize=16384)
def _stem_word_set(stem: str) -> frozenset[str]:
    """The words of `stem_words`, for counting how many of an answer's kin use a word."""
    return frozenset(w for w, _ in stem_words(stem))


@lru_cache(maxsize=16384)
def _whole_words(text: str) -> frozenset[str]:
    """The words a text writes on their own, between marks or spaces ("SQL" of "MySQL/SQL
    Server", not of "NoSQL")."""
    return frozenset(re.findall(r"[a-z0-9]+", text.casefold()))


@lru_cache(maxsize=65536)
def alike(a: str, b: str) -> bool:
    """Two words a reader takes for one: equal, one lemma, or a word of four letters or more
    that the other extends by a short ending ("head" / "headers", "start" / "startup",
    "deploy" / "deployment") or holds whole ("vacuum" / "autovacuum"); never two words that
    merely open alike ("install" / "instances")."""
    if a == b:
        return True
    if not (a.isascii() and b.isascii()) or a[0].isdigit() or b[0].isdigit():
        return False
    if _clipped(a, b) or _clipped(b, a):
        return True
    la, lb = lemma(a), lemma(b)
    xs, ys = (a,) if la == a else (a, la), (b,) if lb == b else (b, lb)
    for x in xs:  # loops, not any(): read for every pair of a stem's and an option's words
        for y in ys:
            if _extends(x, y):
                return True
    return False


#: words people clip in tech writing, with the start of the full word: "sync" is
#: "synchronize" (a Chinese 同步 glossed "synchronize" names "Cognito sync")
_CLIPPED = {"sync": "synchron", "async": "asynchron", "config": "configur", "auth": "authent",
            "repo": "repositor", "env": "environment", "admin": "administr", "info": "informat",
            "spec": "specificat", "db": "database", "doc": "document", "docs": "document",
            "dir": "director", "msg": "message",
            "pkg": "package", "param": "parameter", "params": "parameter", "arg": "argument",
            "args": "argument", "perm": "permission", "perms": "permission"}  # fmt: skip


def _clipped(short: str, word: str) -> bool:
    full = _CLIPPED.get(short)
    return full is not None and word.startswith(full)


#: the endings after a y turned i: "fuzziness", "retries", "copied", "easily" (never
#: "variant" of vary)
_Y_ENDINGS = frozenset({"es", "ed", "er", "ers", "est", "ness", "ly", "ful"})


def _extends(a: str, b: str) -> bool:
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if short == long_:
        return True
    if len(short) >= 5 and short in long_:
        return True  # a compound: "vacuum" in "autovacuum"
    if len(short) >= 4 and long_.endswith(short) and long_[: -len(short)] in _PREFIXES:
        return True  # "lock" / "unlock", "load" / "reload"
    if short[:1] != long_[:1]:
        return False  # the rest needs one opening
    stem = short[:-1] if short.endswith("e") and len(short) >= 5 else short
    if len(stem) >= 4 and long_.startswith(stem) and len(long_) - len(stem) <= 5:
        return True
    if len(short) >= 4 and short.endswith("y"):  # "fuzzy" / "fuzziness", "retry" / "retries"
        turned = short[:-1] + "i"
        if long_.startswith(turned) and long_[len(turned) :] in _Y_ENDINGS:
            return True
    # one long root, two endings: "idempotent" / "idempotency", "authorization" / "authorize"
    same = len(_common_prefix([short, long_]))
    return same >= LONG_ROOT and same >= len(short) - 2


def names(text: str, option: str) -> bool:
    """A word of the text names the option, by any of the ways `clue` reads."""
    return any(_shares(w, option) for w, _ in stem_words(text))


def pointed_at(text: str, options: Sequence[str]) -> bool:
    """A word of the text names some of the options and not all: it tells them apart ("Deleting
    keys" names DEL, "AWS step functions" the step functions). A word every option holds
    ("DBCC" of DBCC commands) tells none apart."""
    for word, _ in stem_words(text):
        named = sum(1 for o in options if _shares(word, o))
        if 0 < named < len(options):
            return True
    return False


@lru_cache(maxsize=65536)
def _shares(word: str, option: str) -> bool:
    if word in option_words(option):
        return True
    if not word.isascii() or word[:1].isdigit():
        return False  # `alike` takes such a word for itself only
    for w in _alike_candidates(option):  # noqa: SIM110 - a loop, not any(): read per stem word
        if alike(word, w):
            return True
    return False


@lru_cache(maxsize=16384)
def _alike_candidates(option: str) -> tuple[str, ...]:
    """The option's words `alike` may take for another word: ASCII, not opening with a digit.
    Cached: an option is compared with every word of every stem it is offered with."""
    return tuple(w for w in option_words(option) if w.isascii() and not w[:1].isdigit())


_PHRASE_BREAK = re.compile(r"[.;:,()“”]")


@lru_cache(maxsize=4096)
def _initials(stem: str) -> tuple[tuple[str, str], ...]:
    """Runs of Latin words with their initials: "space-partitioned, non-balanced" gives
    ("sp", "space-partitioned"), ("spn", …)."""
    words = [(m.group(0), m.start()) for m in re.finditer(r"[A-Za-z]+", stem)]
    out: list[tuple[str, str]] = []
    for i in range(len(words)):
        for n in range(2, 6):
            run = words[i : i + n]
            if len(run) < n:
                break
            text = stem[run[0][1] : run[-1][1] + len(run[-1][0])]
            if _PHRASE_BREAK.search(text):
                break  # initials run within one phrase
            out.append(("".join(w[0][0].lower() for w in run), text))
            # a short word whole, then initials: "SSH daemon" is sshd
            if len(run[0][0]) <= 4:
                out.append((run[0][0].lower() + "".join(w[0][0].lower() for w in run[1:]), text))
    return tuple(out)


_ACRONYM_RUN = re.compile(r"(?<![A-Za-z])[A-Z]{2,5}(?![A-Za-z])")
_PART_SEP = re.compile(r"[-_./]")


@lru_cache(maxsize=16384)
def _acronyms(option: str) -> list[str]:
    """Upper-case parts of two to five letters: SP in SP-GiST, IAM in IAM_ROLE_MISSING; parts
    written in mixed case with two capitals (GiST); parts of a file or program name in lower
    case that are no word (hba of pg_hba.conf, sshd of sshd_config); and the letters a glued
    name holds between its words: AOF in BGREWRITEAOF, ns in nsswitch.conf."""
    found = [p.lower() for p in _ACRONYM_RUN.findall(option)]
    for token in _latin_tokens(option):
        for part in _PART_SEP.split(token):
            found += [c for c in glued(part)[1] if len(c) >= 2]
            if not part.isalpha() or part.isupper() or not 2 <= len(part) <= 6:
                continue
            if sum(ch.isupper() for ch in part) >= 2:
                found.append(part.lower())  # GiST
            elif part.islower() and 3 <= len(part) <= 5 and not english_word(part):
                found.append(part)  # hba, sshd: a clipped name, read as its letters
    return list(dict.fromkeys(found))


def _spelled(stem: str, answer: str, wrong: Sequence[str]) -> str | None:
    """An acronym of the answer whose letters are the initials of words of the stem, or all
    but its last letter the initials of a capitalised name: "Auto Scaling" is the ASG of
    UNABLE_TO_SEND_ASG whether the group is said after it, in another language ("组") or not
    at all."""
    for acronym in _acronyms(answer):
        if sum(1 for w in wrong if acronym in _acronyms(w)) >= len(wrong) / 2:
            continue
        # the stem's runs of words are read only for an acronym of the answer's own
        for initials, text in _initials(stem):
            if initials == acronym or (
                len(acronym) >= 3
                and initials == acronym[:-1]
                and (_capitalised(text) or _opens_quote(stem, text))
            ):
                return text  # "elliptic curve discrete log problem" opens with ECC's long form
            if (len(acronym) >= 4 and initials == acronym[1:]
                    and not any(initials in _acronyms(w) for w in wrong)):  # fmt: skip
                return text  # "directory access protocol" is LDAP without its "Lightweight"
        if len(acronym) in (3, 4):
            theirs = [a for w in wrong for a in _acronyms(w)]
            # the word that opens the description, where a long form is written
            first = re.match(r"[\s“\"]*([A-Za-z]{6,})\b", stem.split("“", 1)[-1])
            word = first.group(1) if first is not None else ""
            if (
                word
                and _contracted(acronym, word)
                and not any(_contracted(a, word) for a in theirs)
            ):
                return word  # "Counter. encrypt nonce+counter …" is CTR written out
    return None


#: a name of capitals with a small tail: the capitals are a word the name is made of
#: ("SQLi" is SQL injection, "XSSI" is not one: all capitals)
_CAPITAL_HEAD = re.compile(r"([A-Z]{3,})[a-z]{1,3}")


def _capital_head(stem: str, answer: str, wrong: Sequence[str]) -> str | None:
    """The stem writes the capitals the answer's name is made of ("inject SQL via input" /
    SQLi), when no wrong option holds them."""
    m = _CAPITAL_HEAD.fullmatch(answer.strip("`"))
    if m is None:
        return None
    head = m.group(1)
    found = re.search(rf"(?<![A-Za-z]){head}(?![A-Za-z])", stem, re.I)
    if found is None or any(head.casefold() in w.casefold() for w in wrong):
        return None
    return found.group(0)


#: a short name in a term: letters, perhaps a number after them (S0, YGC, si)
_SHORT_NAME = re.compile(r"(?<![\w.-])([A-Za-z]{1,5})\d*(?![\w.-])")
#: words written one after another, with nothing but spaces or hyphens between them
_WORD_RUN = re.compile(r"[A-Za-z]+(?:[ -]+[A-Za-z]+)*")


@lru_cache(maxsize=16384)
def abbreviation_of(term: str, text: str) -> str | None:
    """The words of the text that a short name in the term abbreviates, or None: its letters
    are their initials (a short upper-case word counted whole: YGC of "Young GC"), or open one
    word (wa of "Wait"); a single letter only the word the text opens with (E of "Eden 使用率",
    M of "Metaspace / …"). Either way round the name is then read off the description."""
    runs = list(_WORD_RUN.finditer(text))
    opening = runs[0].group(0).split()[0] if runs and not text[: runs[0].start()].strip() else ""
    for m in _SHORT_NAME.finditer(term):
        part = m.group(1)
        low = part.lower()
        # a lower-case name that is a word ("sub", "cap") still clips the word its
        # description opens with ("subject, …", "capacity of …")
        worded = len(low) >= 3 and not part.isupper() and english_word(low)
        clipped = worded and part == low == term.strip("`") and opening.lower().startswith(low)
        if clipped and len(opening) >= len(low) + 2:
            return opening
        if low in STOP_EN or worded:
            continue  # a word ("top", "Old"), not letters standing for words
        if len(low) == 1:
            first = runs[0] if runs and not text[: runs[0].start()].strip() else None
            word = first.group(0).split()[0].split("-")[0] if first else ""
            if len(word) >= 3 and word[0].lower() == low:
                return word
            continue
        for run in runs:
            words: list[str] = re.findall(r"[A-Za-z]+", run.group(0))
            for i in range(len(words)):
                n = _initials_taken(words[i:], low)
                if n >= 2:  # one word alone is the name itself ("RDB"), not what it stands for
                    start = run.start() + run.group(0).find(words[i])
                    end = run.start() + _end_of(run.group(0), words[i : i + n], words[i])
                    return text[start:end]
            if part.islower() and not english_word(low):
                hit = next((w for w in words if len(w) >= len(low) + 2
                            and w.lower().startswith(low)), None)  # fmt: skip
                if hit:
                    return hit
    return None


def _initials_taken(words: Sequence[str], letters: str) -> int:
    """How many words, from the first, spell the letters by their initials (a short
    upper-case word may give all its letters, a linking word none); 0 when they do not."""
    if not letters:
        return 0
    if not words:
        return -1
    w = words[0]
    options = []
    if w.isupper() and 2 <= len(w) <= 4 and letters.startswith(w.lower()):
        options.append(len(w))
    if w[0].lower() == letters[0]:
        options.append(1)
    for used in options:
        rest = letters[used:]
        if not rest:
            return 1
        n = _initials_taken(words[1:], rest)
        if n > 0:
            return n + 1
    return 0


def _end_of(run: str, words: Sequence[str], first: str) -> int:
    """Where the last of the words ends in the run, the words read from the first on."""
    at = run.find(first)
    for w in words:
        at = run.find(w, at) + len(w)
    return at


def spelled_by(desc: str, name: str, others: Sequence[str]) -> bool:
    """The description opens with the words the name's acronym is made of ("elliptic curve
    discrete log problem" of ECC) or its capitalised parts open ("capital expenditure: …" of
    CapEx), and no other description does."""
    return _spells(desc, name) and not any(_spells(o, name) for o in others)


def _spells(desc: str, name: str) -> bool:
    if _spelled(f"“{desc}”", name, ("",)) is not None:
        return True
    opening = tuple(w.lower() for w in re.findall(r"[A-Za-z]+", desc)[:_OPENING_WORDS])
    return camel_blended(name, opening) is not None


#: the words of a description that open it: where a name's long form is written
_OPENING_WORDS = 4


def _opens_quote(stem: str, text: str) -> bool:
    """The words open the stem or its quoted description: where a long form is written."""
    at = stem.find(text)
    return at == 0 or (at > 0 and stem[:at].rstrip().endswith(("“", ":")))


def _contracted(acronym: str, text: str) -> bool:
    """One word that the acronym contracts, its letters in order, first and last letters
    kept ("Counter" / CTR, "Timestamp" / TSP)."""
    word, short = text.lower(), acronym.lower()
    if not word.isalpha() or len(word) < len(short) + 3 or word[0] != short[0]:
        return False
    if word[-1] != short[-1]:
        return False
    it = iter(word)
    return all(ch in it for ch in short)


def _capitalised(text: str) -> bool:
    """Every word opens with a capital, as a product or feature name is written."""
    return all(w[0].isupper() for w in re.findall(r"[A-Za-z]+", text))


_ACRONYM = re.compile(r"(?<![A-Za-z0-9])[(（]?([A-Z]{2,6})[)）]?(?![A-Za-z0-9])")
#: what follows a defined acronym before its long form: "**RADIUS** – Remote Authentication
#: …", "TACACS+ = …", "OIDC: OpenID Connect"
_DEFINED_AS = re.compile(r"[+`*]*\s*[–—:=-]\s*")
_LINKING = frozenset({"and", "of", "for", "the", "&"})
#: words between a long form and its acronym ("… abbreviated as RDS", "… aka RDS")
_NAMED_AS = frozenset({"aka", "abbreviated", "as", "short"})


def expansions(texts: Iterable[str]) -> dict[str, str]:
    """Acronym -> the words the notes spell it out with, written before it ("Key Management
    Service KMS", "Identity and Access Management (IAM)") or after it in brackets ("SLA
    (service level agreement)")."""
    out: dict[str, str] = {}
    for text in texts:
        for m in _ACRONYM.finditer(text):
            acr = m.group(1)
            if acr in out:
                continue
            before = re.findall(r"[A-Za-z][\w-]*|&", text[max(0, m.start() - 80) : m.start()])
            while before and before[-1].lower() in _NAMED_AS:
                before.pop()  # "Relational Database Service aka RDS"
            after = re.match(r"\s*[(（]([^)）]{3,80})[)）]", text[m.end() :])
            for words in (before, re.findall(r"[A-Za-z][\w-]*|&", after.group(1)) if after else []):
                spelled = spelling(words, acr, from_end=words is before)
                if spelled:
                    out[acr] = spelled
                    break
            else:
                if m.group(0)[:1] in "(（":
                    loose = _capitalised_long_form(before, acr)
                    if loose:
                        out[acr] = loose
                elif defined := _long_form_after(text, m.end(), acr):
                    out[acr] = defined
        if "(" in text or "（" in text:
            _bracketed(text, out)
    return out


#: a name followed by what it stands for in brackets: "GIN (Generalized Inverted Index)",
#: "`pg_hba.conf` (host-based authentication)"
_NAME_THEN_BRACKETS = re.compile(r"([A-Za-z][\w.-]*)`?\*{0,2}\s*[(（]([^)）]{3,80})[)）]")


def _bracketed(text: str, out: dict[str, str]) -> None:
    """Expansions the strict initials of `spelling` miss: letters taken from inside a word
    (GIN is Generalized Inverted iNdex, GiST Generalized Search Tree), or a name in mixed or
    lower case (GiST, hba of pg_hba.conf). The bracket's first phrase is read."""
    for m in _NAME_THEN_BRACKETS.finditer(text):
        phrase = re.split(r"[,;:，；：]", m.group(2))[0]
        words = re.findall(r"[A-Za-z][A-Za-z]*", phrase)
        for acr in _acronyms(m.group(1)):
            if acr.upper() not in out and len(acr) >= 2 and loose_spelling(words, acr):
                out[acr.upper()] = " ".join(words)


def _long_form_after(text: str, at: int, acronym: str) -> str | None:
    """The capitalised long form an acronym is defined by right after it: "**RADIUS** – Remote
    Authentication Dial-In User Service: UDP …"; its letters may sit inside a word ("OpenID
    Connect" is OIDC)."""
    sep = _DEFINED_AS.match(text, at)
    if sep is None:
        return None
    phrase = re.split(r"[,;:(.，；：（]", text[sep.end() : sep.end() + 80])[0]
    words = re.findall(r"[A-Za-z][\w-]*|&", phrase)
    if not words or not all(w[:1].isupper() for w in words if w.lower() not in _LINKING):
        return None
    return " ".join(words) if loose_spelling(words, acronym) else None


def _capitalised_long_form(before: Sequence[str], acronym: str) -> str | None:
    """The shortest run of capitalised words right before "(ACR)" that spells it loosely:
    "Transit Gateway (TGW)", "Egress-only Internet Gateway (EIGW)", whose last letters sit
    inside a word where `spelling` wants each to open one."""
    for n in range(1, len(acronym) + 1):
        run = before[len(before) - n :] if n <= len(before) else []
        if not run:
            return None
        if all(w[:1].isupper() for w in run if w.lower() not in _LINKING) and loose_spelling(
            run, acronym
        ):
            return " ".join(run)
    return None


def loose_spelling(words: Sequence[str], acronym: str) -> bool:
    """Whether the words spell the acronym as Schwartz and Hearst read a long form: its first
    letter opens the first word, the rest follow in order anywhere in the words, and the long
    form is no longer than min(n + 5, 2n) words; at least two letters open a word, so a phrase
    that merely holds the letters is no long form."""
    letters = acronym.lower()
    if not words or len(words) > min(len(letters) + 5, 2 * len(letters)):
        return False
    if words[0][0].lower() != letters[0]:
        return False
    text = " ".join(w.lower() for w in words)
    at, initials = 0, 0
    for i, ch in enumerate(letters):
        # a letter opening a word counts first: "Inverted" before the i of "generalized"
        opening = re.compile(rf"(?<![a-z]){ch}").search(text, at)
        inside = text.find(ch, at)
        if inside < 0:
            return False
        if i == 0 or (
            opening is not None and _next_letters_fit(text, opening.start(), letters[i:])
        ):
            at = (opening.start() if opening else inside) + 1
            initials += 1
        else:
            at = inside + 1
    return initials >= 2


def _next_letters_fit(text: str, at: int, rest: str) -> bool:
    """The rest of the acronym still follows in order after this place."""
    for ch in rest[1:]:
        at = text.find(ch, at + 1)
        if at < 0:
            return False
    return True


def spelling(words: Sequence[str], acronym: str, from_end: bool = False) -> str | None:
    """The run of words whose initials (linking words aside) are the acronym."""
    letters = acronym.lower()
    picked: list[str] = []
    seq = list(reversed(words)) if from_end else list(words)
    want = list(reversed(letters)) if from_end else list(letters)
    for w in seq:
        if not want:
            break
        if w.lower() in _LINKING and picked:
            picked.append(w)
            continue
        if w[0].lower() != want[0]:
            return None
        picked.append(w)
        want.pop(0)
    if want:
        return None
    run = list(reversed(picked)) if from_end else picked
    return " ".join(run)


def spelled_out(
    stem: str, answer: str, wrong: Sequence[str], known: Mapping[str, str]
) -> str | None:
    """A word of the stem that the answer's acronym stands for ("customer master key" /
    KMS, Key Management Service) and no wrong option's does: the head noun the expansions
    end with ("Service") says nothing."""
    whole = answer.strip("`*").rstrip("+")
    own = [whole.lower()] if whole.isalpha() and whole.isupper() else []  # RADIUS, TACACS+
    for acr in dict.fromkeys([*_acronyms(answer), *own]):
        full = known.get(acr.upper())
        if not full:
            continue
        words = [w for w in re.findall(r"[A-Za-z]+", full)[:-1] if w.lower() not in _LINKING]
        theirs = " ".join(
            known.get(a.upper(), "") + " " + w for w in wrong for a in [*_acronyms(w), ""]
        )
        for word in words:
            w = word.lower()
            if len(w) < 3 or w in STOP_EN or any(alike(w, t) for t in option_words(theirs)):
                continue
            for found, surface in stem_words(stem):
                if alike(found, w):
                    return surface
    return None


def spelled_in_key(
    term: str, key: str, wrong: Sequence[str], known: Mapping[str, str]
) -> str | None:
    """The other way round: "Which description fits RDS?" keyed "runs managed SQL databases"
    where the notes spell RDS "Relational Database Service". A word of the key that the asked
    acronym stands for and most wrong descriptions lack; the head noun ("Service") says
    nothing, as in `spelled_out`."""
    for acr in _acronyms(term):
        full = known.get(acr.upper())
        if not full:
            continue
        for word in re.findall(r"[A-Za-z]+", full)[:-1]:
            w = word.lower()
            if len(w) < 3 or w in STOP_EN or w in _LINKING:
                continue
            said = [any(alike(found, w) for found, _ in stem_words(o)) for o in wrong]
            if sum(said) >= len(wrong) / 2:
                continue
            hit = next((surface for found, surface in stem_words(key) if alike(found, w)), None)
            if hit is not None:
                return hit
    return None


def _flag_letter(stem: str, answer: str, options: Sequence[str]) -> str | None:
    """Flags that differ in a last letter or two ("-Fd", "-Fc"): the description opens with
    the word the answer's letter stands for ("directory (…)")."""
    if not all(o.startswith("-") for o in options):
        return None
    prefix = _common_prefix(options)
    rest = answer[len(prefix) :]
    if not prefix or not 1 <= len(rest) <= 2 or not rest.isalpha():
        return None
    quoted = _QUOTED.search(stem)
    text = quoted.group(1) if quoted else stem
    first = re.search(r"[A-Za-z]+", text)
    if first and first.group(0).lower().startswith(rest.lower()):
        return first.group(0)
    return None


#: a one- or two-letter command or switch: psql's backslash c, a tool's `-v`
_LETTER_COMMAND = re.compile(r"^(?:\\|--?)([A-Za-z]{1,2})(?![A-Za-z])")


def _command_letter(stem: str, answer: str, wrong: Sequence[str]) -> str | None:
    """Commands named by a letter (psql's c, x, d+): the description opens with the word the
    answer's letter stands for ("connects to db" / psql's c), and no wrong option's letter
    opens it. The opening word only: one letter opens too many words further on."""
    mine = _LETTER_COMMAND.match(answer)
    if mine is None:
        return None
    quoted = _QUOTED.search(stem)
    text = quoted.group(1) if quoted else stem
    if not quoted:  # "Which psql command connects …": what the noun says is the template's
        text = re.split(r"\b(?:command|option)\b", text, maxsplit=1)[-1]
    words = re.findall(r"[A-Za-z]+", text)
    if not quoted:  # "Which command connects to db?": after the template's words
        words = [w for w in words if w.lower() not in _TEMPLATE | STOP_EN]
    if not words or len(words[0]) < 4:
        return None
    first = words[0].lower()
    theirs = [m.group(1).lower() for m in map(_LETTER_COMMAND.match, wrong) if m]
    letters = mine.group(1).lower()
    if first.startswith(letters) and not any(first.startswith(t) for t in theirs):
        return str(words[0])
    return None


#: a command written in capitals (LPUSH, HGETALL, ZADD)
_SHOUTED_COMMAND = re.compile(r"(?<![A-Za-z])[A-Z]{3,}(?![A-Za-z])")


def _commands_prefixed(stem: str, answer: str, wrong: Sequence[str]) -> str | None:
    """The commands the stem names open, most of them, with the letter the answer opens with
    and no wrong option does: Redis's LPUSH / LINDEX / LRANGE are the List's, HGET / HSET the
    Hash's, read off the letter alone. So the other way round: the answer's commands open
    with the letter of the type the stem names."""
    letter = _commands_letter(stem)
    if letter is not None:
        if answer[:1].upper() != letter or any(w[:1].upper() == letter for w in wrong):
            return None
        led: list[str] = [c for c in _SHOUTED_COMMAND.findall(stem) if c[0] == letter]
        return led[0]
    letter = _commands_letter(answer)
    if letter is None or any(_commands_letter(w) == letter for w in wrong):
        return None
    names: list[str] = [w for w in re.findall(r"[A-Z][a-z]\w*", stem) if w[0] == letter]
    return names[0] if names else None


def _short_name_written(stem: str, answer: str, wrong: Sequence[str]) -> str | None:
    """The stem writes the answer's short name as a word of its own ("df -h …; du -sh dir"
    of `df` / `du`, "ip a, ip r" of `ip`), and no wrong option's: names of one or two letters
    the word checks pass over."""
    parts = [p.strip("` ") for p in answer.split("/")]
    if not all(_SHORT_COMMAND.fullmatch(p) for p in parts):
        return None
    found = [contains(stem, p) for p in parts]
    if not all(found) or any(contains(stem, w.strip("` ")) for w in wrong):
        return None
    return parts[0]


#: a program of two letters, lower case: `df`, `du`, `ip`, `ss`, `ps`
_SHORT_COMMAND = re.compile(r"[a-z]{2}")


def _commands_letter(text: str) -> str | None:
    """The letter most of the text's capitalised commands open with, when it names two or
    more."""
    commands = _SHOUTED_COMMAND.findall(text)
    if len(commands) < 2:
        return None
    first, n = Counter(c[0] for c in commands).most_common(1)[0]
    return first if n >= 2 and 3 * n >= 2 * len(commands) else None


#: a flag that picks a value by a letter: `-Fc` is pg_dump's format "c" (custom)
_VALUE_FLAG = re.compile(r"(?<!\S)-[A-Z]([a-z]{1,2})(?!\S)")


def _value_letter(stem: str, answer: str, wrong: Sequence[str]) -> str | None:
    """A command whose flag picks a value by its letter, asked by what the value is called
    ("custom format" / `pg_dump -Fc …`): the description opens with that letter, and no wrong
    option's flag picks a value by it."""
    mine = list(_VALUE_FLAG.finditer(answer))
    if not mine:
        return None  # most answers are no such command: the stem need not be read
    quoted = _QUOTED.search(stem)
    first = re.search(r"[A-Za-z]+", quoted.group(1) if quoted else stem)
    if first is None:
        return None
    word = first.group(0).lower()
    theirs = {m.group(1) for w in wrong for m in _VALUE_FLAG.finditer(w)}
    for m in mine:
        if word.startswith(m.group(1)) and not any(word.startswith(t) for t in theirs):
            return first.group(0)
    return None


def _common_prefix(texts: Sequence[str]) -> str:
    first, last = min(texts), max(texts)
    n = 0
    while n < min(len(first), len(last)) and first[n] == last[n]:
        n += 1
    return first[:n]


def _abbreviation(stem: str, answer: str, wrong: Sequence[str]) -> str | None:
    """A short made-up token of the stem spelled from a word of the answer ("svc" / Service)."""
    for m in _SHORT_TOKEN.finditer(stem):
        t = m.group(0)
        if english_word(t) or t in STOP_EN:
            continue
        # the answer's words first: most stems abbreviate none of them, so the rest is not read
        if _abbreviated(t, answer) and not any(_abbreviated(t, o) for o in wrong):
            return t
    return None


_SHORT_TOKEN = re.compile(r"(?<![A-Za-z])[a-z]{3,5}(?![A-Za-z])")


def _abbreviated(short: str, option: str) -> bool:
    return any(_abbreviates(short, w) for w in option_words(option))


@lru_cache(maxsize=65536)
def _made_up_parts(option: str) -> frozenset[str]:
    """The parts of an option's names that are clipped words, not words ("conn" of
    least_conn); three letters are too few to tell a clipping ("app") from chance, unless
    glued to a word in one run ("sec" of everysec)."""
    parts = {p for token in _latin_tokens(option) for p in _parts(token)}
    clipped = {p for p in parts if 4 <= len(p) <= 5 and p not in STOP_EN and not english_word(p)}
    glued = {c for p in parts for c in run_together(p)[1:]}
    # "conns"; "acks" too, a plural written in lower case, so "ack" clips "acknowledge" (an
    # upper-case CORS is an acronym, not a plural)
    singular = {p[:-1] if p.endswith("s") and (len(p) > 4 or p in option) else p for p in clipped}
    return frozenset(singular | glued)


@lru_cache(maxsize=16384)
def run_together(word: str) -> tuple[str, ...]:
    """A lower-case name glued from a word and a clipped word ("everysec", "maxmemory"): the
    word, then the clipped parts; () for anything else. The clipped part is 3-5 letters and
    no word itself, the other part a dictionary word of four letters or more."""
    if not (6 <= len(word) <= 20 and word.isalpha() and word.islower()) or english_word(word):
        return ()
    found: list[tuple[str, str]] = []
    for cut_at in range(3, len(word) - 2):
        head, tail = word[:cut_at], word[cut_at:]
        if english_word(head) and english_word(tail):
            return ()  # two words ("keepalive"): `alike` reads each
        for whole, clip in ((head, tail), (tail, head)):
            if (len(whole) >= 4 and english_word(whole) and 3 <= len(clip) <= 5
                    and clip not in STOP_EN and not english_word(clip)):  # fmt: skip
                found.append((whole, clip))
    return max(found, key=lambda p: len(p[0]), default=())


def _clipped_part(stem: str, answer: str, wrong: Sequence[str]) -> str | None:
    """A word of the stem that a part of the answer's name clips ("fewest active
    connections" / least_conn, "checks formatting" / fmt), when no wrong option's name clips
    it too nor holds it, and not every wrong option clips a word of the stem of its own."""
    mine = _key_clips(answer)
    if mine:
        words = _clippable_words(stem)
        for m in words:
            word = m.lower()
            if not _clips_any(mine, word) or any(
                _clips_any(_key_clips(w), word) or _shares(word, w) for w in wrong
            ):
                continue
            if wrong and all(
                any(_clips_any(_key_clips(w), v.lower()) for v in words) for w in wrong
            ):
                return None  # every option abbreviates some word: none is pointed at
            return m
    # the other way round: the stem names everysec, the answer says "once per second" (an
    # answer without a long word, as most names are, opens none: the stem's names go unread)
    if not _long_words(answer):
        return None
    for name, clips in _names_with_clips(stem):
        if _opens_word(answer, clips) and not any(_opens_word(w, clips) for w in wrong):
            return name
    return None


def _initials_opening(stem: str, answer: str, wrong: Sequence[str]) -> str | None:
    """A made-up word of the stem that opens with the answer's capitals ("sestatus",
    "semanage" of SELinux; "aa-status" of AppArmor): the tool is named after the thing, when no
    wrong option's capitals open a word of the stem too."""
    mine = _capitals(answer)
    if mine is None:
        return None
    named = {o.strip().casefold() for o in (answer, *wrong)}  # "Which of AppArmor / SELinux …"
    words: list[str] = [w for w in re.findall(r"[A-Za-z][A-Za-z-]{3,}", stem)
                        if not english_word(w.lower()) and w.casefold() not in named]  # fmt: skip
    found = next((w for w in words if w.lower().startswith(mine)), None)
    if found is None:
        return None
    for other in wrong:
        theirs = _capitals(other)
        if theirs is not None and any(w.lower().startswith(theirs) for w in words):
            return None
    return found


def _capitals(name: str) -> str | None:
    """The first two capitals of a one-word CamelCase or capitalised name, lower case ("se" of
    SELinux, "aa" of AppArmor); None for any other name."""
    caps = re.findall(r"[A-Z]", name)
    if " " in name.strip() or len(caps) < 2 or not re.fullmatch(r"[A-Za-z]+", name.strip()):
        return None
    return "".join(caps[:2]).lower()


def _blend(stem: str, answer: str, wrong: Sequence[str]) -> str | None:
    """A stem word whose opening ends a name blended of two words the stem writes in order
    ("change file owner" / CHOWN: "ch" of change, "own" of owner; "change the root" /
    chroot), when no wrong option is blended of the stem's words too."""
    if not _blend_tokens(answer):
        return None  # most answers: no made-up word of five letters to be a blend
    words = [w.lower() for w in re.findall(r"[A-Za-z]+", stem)]
    found = _blended(answer, tuple(words))
    if found is None or any(_blended(w, tuple(words)) for w in wrong):
        return None
    return found


#: a name of capitalised parts, each two letters or more: CapEx, OpEx, DevOps, FinOps
_CAMEL = re.compile(r"(?<![A-Za-z])(?:[A-Z][a-z]{1,5}){2,3}(?![a-z])")


def _camel_blend(stem: str, answer: str, wrong: Sequence[str]) -> str | None:
    """Stem words in order whose openings are the parts of a name joined in capitals
    ("capital expenditure" / CapEx, "development and operations" / DevOps), when no wrong
    option is joined of the stem's words as well (OpEx beside CapEx, both said)."""
    words = tuple(w.lower() for w in re.findall(r"[A-Za-z]+", stem))
    found = camel_blended(answer, words)
    if found is None or any(camel_blended(w, words) for w in wrong):
        return None
    return found


def camel_blended(name: str, words: tuple[str, ...]) -> str | None:
    """The last stem word of a run (at most one word between two) that the name's capitalised
    parts open, each word longer than its part."""
    for m in _CAMEL.finditer(name):
        parts = [p.lower() for p in re.findall(r"[A-Z][a-z]+", m.group(0))]
        for i in range(len(words)):
            at, matched = i, ""
            for n, part in enumerate(parts):
                reach = words[at : at + 1] if n == 0 else words[at + 1 : at + 3]
                hit = next((j for j, w in enumerate(reach) if w.startswith(part) and w != part),
                           None)  # fmt: skip
                if hit is None:
                    break
                at = at + hit + (0 if n == 0 else 1)
                matched = words[at]
            else:
                return matched
    return None


@lru_cache(maxsize=16384)
def _blend_tokens(name: str) -> tuple[str, ...]:
    """The made-up words of five letters or more a name holds, lower case: what may be a blend."""
    return tuple(
        low for t in re.findall(r"[A-Za-z]{5,}", name) if not english_word(low := t.lower())
    )


def _blended(name: str, words: tuple[str, ...]) -> str | None:
    """The second of two stem words (at most two words apart) a part of the name blends: its
    first letters open the first word (two at least, fewer than the word has), its rest opens
    the second (three letters at least); only a made-up word of five letters or more."""
    for low in _blend_tokens(name):
        for at in range(2, len(low) - 2):
            head, tail = low[:at], low[at:]
            for i, first in enumerate(words):
                if len(first) <= len(head) or not first.startswith(head):
                    continue
                for second in words[i + 1 : i + 4]:
                    if second.startswith(tail) and second != first:
                        return second
    return None


#: a two-letter command word, a letter and a consonant ("mv", "rm", "sh", "cp", "ls")
_TWO_CONSONANTS = re.compile(r"[a-z][b-df-hj-np-tv-z]")


@lru_cache(maxsize=16384)
def _key_clips(option: str) -> tuple[tuple[str, bool], ...]:
    """The clipped parts of an option's names (`_made_up_parts`), with whether their consonants
    may be read too ("fmt" of format): also a part of three letters that is a name's whole part
    between separators ("buf" of repl-buf-size, `fmt`), not a piece of a CamelCase name
    ("App" of AppSync) nor an upper-case acronym (TLS, whose letters are initials)."""
    found = {p: p in option or p.capitalize() in option for p in _made_up_parts(option)}
    for token in _latin_tokens(option):
        for piece in _PART_SEP.split(token):
            low = piece.lower()
            if (len(low) == 3 and low.isalpha() and piece in (low, low.capitalize())
                    and low not in STOP_EN and not english_word(low)):  # fmt: skip
                found[low] = True
            elif _TWO_CONSONANTS.fullmatch(piece):
                found[piece] = True  # "mv" of `state mv`, "sh" of `sh.status()`: a word's skeleton
    return tuple(sorted(found.items()))


@lru_cache(maxsize=16384)
def _clippable_words(stem: str) -> tuple[str, ...]:
    """The stem's words long enough to be clipped, not those of its template."""
    found = re.findall(r"[A-Za-z]{4,}", stem)  # "move" of mv
    return tuple(dict.fromkeys(w for w in found if w.lower() not in _TEMPLATE | STOP_EN))


def _clips_any(clips: Sequence[tuple[str, bool]], word: str) -> bool:
    return any(_clips(part, word, consonants) for part, consonants in clips)


@lru_cache(maxsize=65536)
def _clips(part: str, word: str, consonants: bool) -> bool:
    """The part opens the word or its lemma ("repl" / replication), or, when `consonants`, is
    drawn from the consonants of its lemma in order, opening with its first letter ("fmt" /
    formatting, "mgmt" / management, "cfg" / configuration)."""
    if len(word) < len(part) + 2 or word[0] != part[0]:
        return False
    base = lemma(word)
    if word.startswith(part) or base.startswith(part):
        return True
    if not consonants:
        return False
    skeleton = [base[0], *(c for c in base[1:] if c not in "aeiou")]
    kept = "".join(c for i, c in enumerate(skeleton) if i == 0 or c != skeleton[i - 1])
    it = iter(kept)
    return all(ch in it for ch in part)


@lru_cache(maxsize=16384)
def _names_with_clips(stem: str) -> tuple[tuple[str, frozenset[str]], ...]:
    """The stem's names that hold clipped parts, with those parts: read once per stem."""
    found = ((name, _made_up_parts(name)) for name in _latin_tokens(stem))
    return tuple((name, clips) for name, clips in found if clips)


_LONG_WORD = re.compile(r"[A-Za-z]{5,}")


@lru_cache(maxsize=16384)
def _long_words(text: str) -> tuple[str, ...]:
    """The text's words of five letters or more, lower case. Cached: an option is read for
    each name of each stem it is offered with."""
    return tuple(w.lower() for w in _LONG_WORD.findall(text))


def _opens_word(text: str, clips: frozenset[str]) -> bool:
    """A word of five letters or more in `text` opens with one of the clipped parts."""
    return any(w.startswith(tuple(clips)) for w in _long_words(text))


#: an upper-case short name: TGW, NACL, AS
_UPPER_SHORT = re.compile(r"(?<![\w.-])[A-Z]{2,5}(?![\w.-])")


def short_name_of(text: str, term: str) -> str | None:
    """An upper-case short name of the text spelt from the term's words, every word's initial
    among its letters in order (TGW of "Transit Gateway", NACL of "Network ACL"), or None: a
    statement that names its term so tells whether it is true."""
    words = re.findall(r"[A-Za-z]+", term)
    if len(words) < 2:
        return None
    joined = "".join(words).lower()
    for m in _UPPER_SHORT.finditer(text):
        short = m.group(0).lower()
        initials = iter(short)
        if _abbreviates(short, joined) and all(w[0].lower() in initials for w in words):
            return m.group(0)
    return None


def _abbreviates(short: str, word: str) -> bool:
    if len(word) < len(short) + 2 or not word.isalpha() or word[0] != short[0]:
        return False
    it = iter(word)
    return all(ch in it for ch in short)


def clue(stem: str, answer: str, wrong: Sequence[str], like: Sequence[str] = ()) -> str | None:
    """`_clue`, kept for the last few thousand stems: repeated notes ask the same stem with the
    same options again in every copy (two calls in three on the Kubernetes and PostgreSQL notes
    repeated)."""
    return _clue(stem, answer, tuple(wrong), tuple(like))


_NAME_PARTS = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")


def names_in_words(desc: str, name: str) -> bool:
    """The description writes a compound name's parts as words ("a virtual cluster IP" of
    ClusterIP, "an external name" of ExternalName, "a stateful set" of StatefulSet): as a
    wrong option beside another name, it says whose it is."""
    parts = _NAME_PARTS.findall(name)
    if len(parts) < 2 or not name.isascii():
        return False
    low = desc.casefold()
    if not all(p.casefold() in low for p in parts):
        return False  # most descriptions: no regex compiled for a name they cannot write
    pattern = r"\b" + r"[\s_-]*".join(map(re.escape, parts)) + r"\b"
    return re.search(pattern, desc, re.I) is not None


def description_clue(
    desc: str, answer: str, wrong: Sequence[str], like: Sequence[str] = ()
) -> str | None:
    """`clue` of a description read alone, as a statement or a table cell quotes it: the
    words a stem's template uses too are its own there ("command exits 0" names exec)."""
    return clue(f"“{desc}”", answer, wrong, like)


@lru_cache(maxsize=4096)
def _clue(stem: str, answer: str, wrong: tuple[str, ...], like: tuple[str, ...]) -> str | None:
    """The stem text that gives the answer away, or None. `like`: the descriptions of the
    answer's kin (the other cells of its column); a word most of them use is the topic's
    vocabulary ("实例" in every CodeDeploy error), not a pointer to one answer, unless they use
    it only to name an option ("also gets a ClusterIP" says nothing of the word "cluster")."""
    shared: list[frozenset[str]] | None = None  # read only once a word names the answer
    whole: list[frozenset[str]] = []
    for word, surface in stem_words(stem):
        if not _shares(word, answer):
            continue
        if shared is None:
            named = (answer, *wrong)
            shared = [_stem_word_set(unnamed(t, named)) for t in like]
            whole = [_whole_words(unnamed(t, named)) for t in like]
        # a word the stem and the answer write on its own ("SQL Server", "Cloud SQL") is no
        # vocabulary of kin that only hold it inside a longer word ("NoSQL")
        apart = word in _whole_words(stem) and word in _whole_words(answer)
        used = whole if apart else shared
        if shared and sum(1 for words in used if word in words) >= len(shared) / 2:
            continue
        if apart:  # ...nor shared by the options that hold it only so
            sharing = (any(alike(word, x) for x in _whole_words(w)) for w in wrong)
        else:
            sharing = (_shares(word, w) for w in wrong)
        if not _at_least_half(sharing, len(wrong)):
            return surface
    return (
        _function_words(stem, answer, wrong)
        or _covered(stem, answer, wrong)
        or _spelled(stem, answer, wrong)
        or _capital_head(stem, answer, wrong)
        or _glossed_character(stem, answer, wrong)
        or _short_form(stem, answer, wrong)
        or _initialism(stem, answer, wrong)
        or _spelt_short_name(stem, answer, wrong)
        or _flag_letter(stem, answer, [answer, *wrong])
        or _value_letter(stem, answer, wrong)
        or _command_letter(stem, answer, wrong)
        or _commands_prefixed(stem, answer, wrong)
        or _short_name_written(stem, answer, wrong)
        or _abbreviation(stem, answer, wrong)
        or _clipped_part(stem, answer, wrong)
        or _blend(stem, answer, wrong)
        or _camel_blend(stem, answer, wrong)
        or _initials_opening(stem, answer, wrong)
        or _echoed_number(stem, answer, wrong)
        or _off_by_one(stem, answer, wrong)
        or _converted(stem, answer, wrong)
        or _measured(stem, answer, wrong)
        or _opposite(stem, answer, wrong)
    )


#: prefixes that turn a word into its opposite: "downgrade" / "upgrade", "unlock" / "lock"
_OPPOSITE_PREFIXES = (("up", "down"), ("in", "out"), ("en", "dis"), ("inc", "dec"),
                      ("over", "under"), ("pre", "post"), ("", "un"), ("", "de"))  # fmt: skip
_OPPOSITE: dict[str, tuple[str, ...]] = {}
for _a, _b in _OPPOSITE_PREFIXES:
    _OPPOSITE[_a] = (*_OPPOSITE.get(_a, ()), _b)
    _OPPOSITE[_b] = (*_OPPOSITE.get(_b, ()), _a)


_LONG_WORD = re.compile(r"[A-Za-z]{4,}")


def _roots(word: str) -> list[tuple[str, str]]:
    """(prefix, root) readings of a word by the opposite prefixes, the root four letters or
    more: "downgrade" -> ("down", "grade") and ("", "downgrade")."""
    return [
        (p, word[len(p) :]) for p in _OPPOSITE if word.startswith(p) and len(word) - len(p) >= 4
    ]


def _opposite(stem: str, answer: str, wrong: Sequence[str]) -> str | None:
    """A stem word that is the answer's word with the opposite prefix ("Rc::downgrade …; ___
    gives Option<Rc<T>>" / upgrade()): the one option undoing what the stem says, when no
    wrong option is another reading of that word. Read from the answer's few words: most
    stems hold no such word, and a substring test tells before any word is split."""
    mine = {w.lower() for w in _LONG_WORD.findall(answer)}
    low = stem.lower()
    found = [
        (w, other + root)
        for w in mine
        for prefix, root in _roots(w)
        for other in _OPPOSITE[prefix]
        if other + root in low and other + root != w
    ]
    if not found:
        return None
    said = set(_LONG_WORD.findall(low))
    theirs = {w.lower() for o in wrong for w in _LONG_WORD.findall(o)}
    for w, opposite in found:
        if opposite in said and opposite not in mine and w not in theirs and opposite not in theirs:
            return opposite
    return None
    theirs = {w.lower() for o in wrong for w in _LONG_WORD.findall(o)}
    said_words: dict[str, None] = dict.fromkeys(w.lower() for w in _LONG_WORD.findall(stem))
    for said in said_words:
        if said in mine:
            continue
        for prefix, root in _roots(said):
            for other in _OPPOSITE[prefix]:
                undo = other + root
                if undo in mine and undo not in theirs and said not in theirs:
                    return said
    return None


def _at_least_half(said: Iterable[bool], n: int) -> bool:
    """At least half of the `n` options say it: counted only until it is told (a word most
    wrong options share is read against half of them, not all)."""
    need = n / 2
    if n == 0:
        return True  # no wrong option: none to tell the word apart by
    count = 0
    for yes in said:
        count += yes
        if count >= need:
            return True
    return False


@lru_cache(maxsize=65536)
def _measures(option: str) -> frozenset[str]:
    """The quantities an option's name says it measures (linger.ms: a duration). Cached: each
    option is read again for every stem it is offered with, each stem token once per stem."""
    tokens = _latin_tokens(option)
    if len(tokens) == 1:
        return _token_measures(tokens[0])
    found = frozenset().union(*(_token_measures(t) for t in tokens))
    return frozenset(q for q in QUANTITIES if q in found)  # in QUANTITIES' order, as one read


@lru_cache(maxsize=65536)
def _token_measures(token: str) -> frozenset[str]:
    """`_measures` of one token. Cached: stems are new, their tokens are not ("Which", "port")."""
    parts = set(_parts(token))
    return frozenset(q for q, (_, units) in QUANTITIES.items() if parts & units)


def _asks(text: str, quantity: str) -> bool:
    """The text asks for the quantity ("Time to wait …" for a duration)."""
    return any(w in QUANTITIES[quantity][0] for w, _ in stem_words(text))


def _measured(stem: str, answer: str, wrong: Sequence[str]) -> str | None:
    """The stem asks for a quantity ("Time to wait …", "缓存多少秒") and the answer is the only
    option, or one of few, whose name measures it (linger.ms, Access-Control-Max-Age)."""
    for q in _measures(stem):  # the other way round: "Which description fits linger.ms?"
        if sum(1 for w in wrong if _asks(w, q)) < len(wrong) / 2 and _asks(answer, q):
            return next(
                m.group(0) for m in _LATIN_TOKEN.finditer(stem) if q in _measures(m.group(0))
            )
    mine = _measures(answer)
    for q in mine:
        if sum(1 for w in wrong if q in _measures(w)) >= len(wrong) / 2:
            continue
        asked = QUANTITIES[q][0]
        for word, surface in stem_words(stem):
            if word in asked:
                return surface
    return None


_DIGITS = re.compile(r"(?<![\d.,])\d{3,}(?![\d.,]*\d)")


def _echo(a: str, b: str) -> bool:
    """One run of digits holds the other with digits of its own: 26379 is 6379 with a 2 in
    front; 1000 is 100 scaled, a round number beside another, no echo."""
    short, long_ = sorted((a, b), key=len)
    if short == long_ or short not in long_:
        return False
    return long_.replace(short, "", 1).strip("0") != ""


def _off_by_one(stem: str, answer: str, wrong: Sequence[str]) -> str | None:
    """A number of the stem one away from the answer's, in its unit ("安全值 ≤ 31GB" of 32GB,
    "0-65535" of 65536), when no wrong option's number is one away too: the stem says the
    bound it is the edge of."""
    if not answer[:1].isdigit():
        return None  # most answers are names: no number to read
    n = parse_number(answer)
    if n is None or n.value < 8 or n.value != int(n.value):
        return None
    near = {n.value - 1, n.value + 1}
    theirs = [parse_number(w) for w in wrong]
    if any(t is not None and t.value in near for t in theirs):
        return None
    for m in numbers_in(stem):
        if m.value in near and m.unit == n.unit:
            return m.text
    return None


def _echoed_number(stem: str, answer: str, wrong: Sequence[str]) -> str | None:
    """A number of the stem that the answer's number holds or is held by ("Default port 6379
    (Sentinel: ___)" / 26379), when no wrong option's number does: three digits or more, so a
    count or a version is no echo by chance."""
    mine = _DIGITS.findall(answer)
    if not mine:
        return None
    theirs: list[str] | None = None  # read only once a number of the stem echoes the answer
    for m in _DIGITS.finditer(stem):
        said = m.group(0)
        if not any(_echo(said, d) for d in mine):
            continue
        if theirs is None:
            theirs = [d for w in wrong for d in _DIGITS.findall(w)]
        if not any(_echo(said, t) for t in theirs):
            return said
    return None


#: a stem that sums or splits what it says: "= 数据端口 + ___，即 16379", "___ 拆成 16 bit + 8 bit"
_SUMS = re.compile(r"[+＋=＝×]|\bsplit into\b|\bsum of\b|拆成|即|等于|加上")


def sums_to(stem: str, answer: str, wrong: Sequence[str]) -> bool:
    """The answer's number is the sum or the difference of two numbers of the stem in its
    unit, in a stem that sums or splits ("16379 = 6379 + ___" / 10000, "___ = 16 bit + 8 bit"
    / 24 bit), when no wrong option's is: the key is worked out, not known."""
    mine = numbers_in(answer)
    if len(mine) != 1 or not _SUMS.search(stem):
        return False
    key = mine[0]
    said = [n.value for n in numbers_in(stem) if n.unit == key.unit]
    if len(said) < 2:
        return False

    def worked_out(v: float) -> bool:
        return any(abs(a + b - v) < 1e-9 or abs(abs(a - b) - v) < 1e-9
                   for i, a in enumerate(said) for b in said[i + 1 :])  # fmt: skip

    if not worked_out(key.value):
        return False
    theirs = [n[0].value for w in wrong if len(n := numbers_in(w)) == 1]
    return not any(worked_out(v) for v in theirs)


#: the factor that turns a value in the unit into the one a stem may restate it in: 80 % is
#: 0.8, 100 ms is 0.1 s, 2 min is 120 s
_RESTATED_AS = {"%": 0.01, "ms": 0.001, "s": 1000.0, "min": 60.0, "h": 60.0, "毫秒": 0.001}
_NUMBER_WITH_UNIT = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(%|ms|s|min|h|毫秒)\s*$")
_STEM_NUMBER = re.compile(r"(?<![\d.])\d+(?:\.\d+)?(?![\d.])")


def _in_other_unit(option: str) -> float | None:
    m = _NUMBER_WITH_UNIT.match(option)
    return float(m.group(1)) * _RESTATED_AS[m.group(2)] if m else None


def _converted(stem: str, answer: str, wrong: Sequence[str]) -> str | None:
    """A number of the stem that is the answer in another unit ("EAT = 0.8 × …" of 80 %,
    "slow_callback_duration = 0.1" of 100 ms), when no wrong option's is."""
    mine = _in_other_unit(answer)
    if mine is None:
        return None
    said: dict[float, str] = {float(n): n for n in _STEM_NUMBER.findall(stem)}
    hit = next((text for v, text in said.items() if math.isclose(v, mine)), None)
    if hit is None:
        return None
    theirs = [_in_other_unit(w) for w in wrong]
    if any(t is not None and any(math.isclose(v, t) for v in said) for t in theirs):
        return None
    return hit


#: unit prefixes and the factor each says: "millicores" tells a reader 1 core is 1000 of them
_UNIT_PREFIXES = {"milli": 1e3, "kilo": 1e3, "micro": 1e6, "mega": 1e6, "nano": 1e9, "giga": 1e9,
             "centi": 1e2, "hecto": 1e2, "kibi": 2.0**10, "mebi": 2.0**20, "gibi": 2.0**30,
             "毫": 1e3, "微": 1e6, "纳": 1e9}  # fmt: skip
_FACTORS = frozenset(_UNIT_PREFIXES.values())
_PREFIXED = re.compile(
    r"(?<![A-Za-z])(milli|kilo|micro|mega|nano|giga|centi|hecto|kibi|mebi|gibi)[a-z]{2,}"
    r"|(毫|微|纳)(?=秒|核|米|克|升)",
    re.I,
)
_LEAD = re.compile(r"\d+(?:\.\d+)?")


def unit_echo(stem: str, answer: str, wrong: Sequence[str]) -> str | None:
    """A unit word of the stem whose prefix is the answer's number ("1 core = ___
    (millicores)" / 1000m: milli- is a thousandth to anyone), when no wrong option's number is
    that factor too; the unit word, or None."""

    def lead(text: str) -> float | None:
        m = _LEAD.search(text)
        return float(m.group(0)) if m else None

    mine = lead(answer)
    if mine not in _FACTORS:
        return None  # most answers are no prefix's factor: the stem need not be read
    for m in _PREFIXED.finditer(stem):
        factor = _UNIT_PREFIXES[(m.group(1) or m.group(2)).lower()]
        if mine == factor and not any(lead(w) == factor for w in wrong):
            return m.group(0)
    return None


_NAME = re.compile(r"[A-Za-z][\w.-]+")


def _letter_code(cell: str) -> str:
    """The letter most of a cell's names open with ("HSET, HGET, HGETALL": h), or ""."""
    letters = [n[0].lower() for n in _NAME.findall(cell)]
    if len(letters) < 2:
        return ""
    top, count = Counter(letters).most_common(1)[0]
    return top if count >= 2 and count > len(letters) / 2 else ""


@lru_cache(maxsize=1024)
def letter_coded(keys: tuple[str, ...], cells: tuple[str, ...]) -> bool:
    """A column whose cells mark their row by a letter of their own: Redis names the Hash
    commands HSET, HGET, HGETALL and the Set ones SADD, SINTER. Once that letter is the key's
    initial in two rows, a reader decodes every row from the names alone, asked either way:
    most rows carry a letter no other row has, and two or more carry their key's initial."""
    codes = [_letter_code(c) for c in cells]
    seen = Counter(c for c in codes if c)
    own = [i for i, c in enumerate(codes) if c and seen[c] == 1]
    initial = sum(1 for i in own if keys[i][:1].lower() == codes[i])
    return 2 * len(own) >= len(cells) and initial >= 2


def _quotes_closed(text: str) -> bool:
    """Every straight quote the text opens it closes."""
    return text.count("'") % 2 == 0 and text.count('"') % 2 == 0


def unhinted(gap: str, answer: str, wrong: Sequence[str]) -> str:
    """A cloze without the word right before its blank when that word alone gives the answer
    away ("needs a full ___" reads as restart, "needs a ___" does not): the blank's modifier
    is not the fact asked. Nor with the words after the blank that say what the answer does
    ("dead tuples stay until ___ cleans them up"), when the words before it still ask the fact.
    The gap itself otherwise."""
    if "___" not in gap:
        return gap
    at = gap.find("___")
    before = gap[:at].rstrip()
    word = re.search(r"(?<![\w-])[A-Za-z]+$", before)
    if word is not None and clue(word.group(0), answer, wrong) is not None:
        return before[: word.start()].rstrip() + " " + gap[at:]
    after = gap[at + 3 :]
    end = re.search(r"[,;.，；。(（]|$", after)
    tail = after[: end.start()] if end else after
    if (
        tail.strip()
        and _quotes_closed(tail)  # "… nginx -g 'daemon off;'": no cut inside a quote
        and len(content_words(before)) >= 3  # "set queue ___" alone asks nothing
        and clue(tail, answer, wrong) is not None
        and clue(before, answer, wrong) is None
    ):
        return before + " ___" + after[len(tail) :]
    return gap


def unnamed(text: str, options: Sequence[str]) -> str:
    """The text without the options it names."""
    for o in sorted(options, key=len, reverse=True):
        # an ASCII option: written there in some case, or there is nothing to cut (and no
        # pattern to compile: every option is a new one)
        if len(o) >= 3 and (not o.isascii() or may_hold_any_case(text, o)):
            text = re.sub(re.escape(o), " ", text, flags=re.I)
    return text


def _function_words(stem: str, answer: str, wrong: Sequence[str]) -> str | None:
    """An answer made of function words only ("All at once") is named by them: "to all
    instances simultaneously"."""
    if option_words(answer) - set(_NUMBER.findall(answer)):
        return None
    mine = {w.lower() for w in re.findall(r"[A-Za-z]{3,}", answer)}
    for m in re.finditer(r"[A-Za-z]{3,}", stem):
        w = m.group(0).lower()
        if w in mine and not any(w in o.lower().split() for o in wrong):
            return m.group(0)
    return None


def _distinctive(option: str, options: Sequence[str]) -> set[str]:
    """An option's words that not every option has ("allow", "headers" of
    Access-Control-Allow-Headers beside Access-Control-Allow-Origin)."""
    common = _common_option_words(tuple(options))
    return {w for w in option_words(option) - common if w.isalpha()}


@lru_cache(maxsize=256)
def _common_option_words(options: tuple[str, ...]) -> frozenset[str]:
    """Once per question, not once per option."""
    return frozenset.intersection(*(option_words(o) for o in options))


def _covered(stem: str, answer: str, wrong: Sequence[str]) -> str | None:
    """Every word that sets the answer apart is in the stem, by translation too, and no wrong
    option is named as fully: "允许的请求头" is Access-Control-Allow-Headers word by word, though
    each word alone is shared (Allow-Origin, Expose-Headers)."""
    if not wrong or sum(1 for w in option_words(answer) if w.isalpha()) < 2:
        return None  # fewer than two words of its own whatever the others say: read no further
    options = [answer, *wrong]
    said = stem_words(stem)

    def named(option: str) -> list[str] | None:
        """The stem's words naming each of the option's own words, word by word; None as soon
        as one of them is not named (most answers: the rest is not read)."""
        surfaces: list[str] = []
        for w in _distinctive(option, options):
            found = [s for word, s in said if alike(word, w)]
            if not found:
                return None
            surfaces += found
        return surfaces

    if len(_distinctive(answer, options)) < 2:
        return None  # most answers: one word of their own or none, so no match is read
    surfaces = named(answer)
    if surfaces is None:
        return None
    if any(_distinctive(w, options) and named(w) is not None for w in wrong):
        return None
    return surfaces[0]


_SHORT = re.compile(r"(?<![A-Za-z0-9])([A-Za-z]{1,2})(\d+)(?![A-Za-z0-9])")
#: a name of letters and a number ("HTTP/3", "API v2"): its short form is its initial and number
_LETTERS_THEN_NUMBER = re.compile(r"\s*([A-Za-z])[A-Za-z]*\W*?(\d+)\s*$")


def _short_form(stem: str, answer: str, wrong: Sequence[str]) -> str | None:
    """A short form of the answer: its first letter and its number ("h3" / HTTP/3,
    "v2" / API v2), when no wrong option has that letter and number."""

    def form(option: str) -> tuple[str, str] | None:
        m = _LETTERS_THEN_NUMBER.match(option)
        return (m.group(1).lower(), m.group(2)) if m else None

    mine = form(answer)
    if mine is None or mine in {form(w) for w in wrong}:
        return None
    for m in _SHORT.finditer(stem):
        if (m.group(1)[0].lower(), m.group(2)) == mine:
            return m.group(0)
    return None


_NAME_PART = re.compile(r"[A-Z]+(?![a-z])|[A-Za-z][a-z]*")
_STEM_PART = re.compile(r"[A-Za-z]+")


def _initialism(stem: str, answer: str, wrong: Sequence[str]) -> str | None:
    """The answer's initials written in the stem ("XFF", `skip_xff_append` / X-Forwarded-For,
    "TTL" / Time To Live), when no wrong option has those initials."""

    def initials(option: str) -> str:
        parts = _NAME_PART.findall(option)
        return "".join(p[0] for p in parts).lower() if len(parts) >= 3 else ""

    mine = initials(answer)
    if not mine or mine in {initials(w) for w in wrong}:
        return None
    for m in _STEM_PART.finditer(stem):
        part: str
        for part in _NAME_PART.findall(m.group(0)):
            if part.lower() == mine:
                return part
    return None


def _spelt_short_name(stem: str, answer: str, wrong: Sequence[str]) -> str | None:
    """An upper-case short name of the stem spelt from the answer's words ("only MGW does
    this" / Mesh Gateway), when it spells no wrong option."""
    short = short_name_of(stem, answer)
    if short is None or any(short_name_of(short, w) for w in wrong):
        return None
    return short


#: a clause that sets the scene ("by default …", "如果 …"), not what the term is
CONTEXT_START = re.compile(
    r"^(by default|if|when|once|usually|normally|otherwise|in general|默认|如果|当)\b", re.I
)
_PHRASE_OPENING = re.compile(r"[\s,]+(?=(?:by|in|with|using|via|through|for|of)\s)")
_TRAILING_PHRASE = re.compile(
    r"[\s,]+(?:(?:by|in|with|using|via|through|for|of)\s+(?:\w+ing\s+)?(?:an?\s+|the\s+)?[^,;.()]+)$"
)


def _phrase_start(text: str, clean: Callable[[str], bool]) -> int | None:
    """Where the shortest trailing phrase that holds the give-away starts ("… a fresh group
    of instances by performing an immutable update" loses "by performing …" only)."""
    starts = [m.start() for m in _TRAILING_PHRASE.finditer(text)]
    starts += [m.start() for m in _PHRASE_OPENING.finditer(text)]
    for at in sorted(set(starts), reverse=True):
        tail = text[at:]
        if _TRAILING_PHRASE.fullmatch(tail) and not clean(tail) and at and clean(text[:at]):
            return at
    return None


def _without_phrase(clause: str, clean: Callable[[str], bool]) -> str:
    """The clause without its trailing phrase when that phrase alone holds the give-away."""
    body = clause.rstrip(" ,，、")
    at = _phrase_start(body, clean)
    return clause if at is None else body[:at] + clause[len(body) :]


def later_sentences(desc: str, surfaces: Iterable[str]) -> str | None:
    """The sentences after the first when only the first holds the give-away: an error
    code's remedy ("确保您使用的是正确的服务角色名称") still points at its code once the cause,
    which translates the code's name, is gone; None when they do not stand clean."""
    marks = [s.casefold() for s in surfaces if s]
    pieces = [p.strip() for p in re.split(r"(?<=[.;])\s+|(?<=[。；])", desc) if p.strip()]
    rest = " ".join(pieces[1:]).strip(" ;.。；")
    if len(pieces) < 2 or not rest or any(m in rest.casefold() for m in marks):
        return None
    return None if usage_remark(rest) else rest


def cleared(desc: str, answer: str, wrong: Sequence[str]) -> str | None:
    """The description cut until no give-away is left: the first cut may uncover the next
    ("…多少秒（Chrome 最多 …）" loses the aside holding 最多, then 多少秒), or None when nothing
    fair is left. The description itself when it gives nothing away."""
    surfaces: list[str] = []
    text: str | None = desc
    found = clue(desc, answer, wrong)
    while found is not None and text is not None:
        if found in surfaces:
            return None
        surfaces.append(found)
        text = without(desc, surfaces)
        found = clue(text, answer, wrong) if text is not None else None
    if text is not None and text != desc and usage_remark(text):
        return None  # the clause stating the fact went: when one uses it singles out nothing
    return text


def spliced(desc: str, text: str) -> bool:
    """The cut text joins what stood before a cut phrase to what stood after it ("Send each
    request to the server, which suits long uploads" without "with the fewest open
    connections"): the rest of the sentence now says something of another word, which the
    notes never said. Asides and whole sentences may go; a phrase from inside a sentence, only
    at its end."""
    whole = "".join(ASIDE.sub("", desc).split())  # a cut may rejoin clauses unspaced
    kept = ASIDE.sub("", text).strip().rstrip(" .。;；,，")
    if "".join(kept.split()) in whole:
        return False
    return not all("".join(p.split()) in whole for p in re.split(r"(?<=[.;。；])\s*", kept) if p)


def headless(desc: str, text: str) -> bool:
    """The cut text is an English sentence's tail after a comma ("on-premises servers and
    Lambda functions" of "automates code deployments to EC2 instances, on-premises servers
    and …"): the rest of a list, with the verb that said what it is of cut away."""
    kept = ASIDE.sub("", text).strip().rstrip(" .;,")
    at = desc.find(kept)
    if at <= 0 or has_cjk(kept):
        return False
    return desc[:at].rstrip().endswith(",")


#: a unit a description asks to be counted in: "多少秒", "how many seconds"
_MEASURE_PHRASE = re.compile(
    r"(?:多少|几)\s*(?:毫秒|秒钟?|分钟|小时|天|字节|个)"
    r"|\s*\bhow (?:many|much|long)\b(?:\s+(?:milliseconds|seconds|minutes|hours|bytes|ms))?",
    re.I,
)


def without(desc: str, surfaces: Iterable[str]) -> str | None:
    """The description with the sentences, asides or trailing phrase holding the give-away
    taken out, or None when nothing fair is left ("… by performing an immutable update",
    "… DNS name: <svc>.<namespace>.svc.cluster.local")."""
    marks = [s for s in surfaces if s]
    if not marks:
        return desc

    def clean(text: str) -> bool:
        return not any(m.casefold() in text.casefold() for m in marks)

    # an aside holding the give-away goes first: what is left may still say it all
    desc = re.sub(r"\s*[(（][^)）]*[)）]", lambda m: m.group(0) if clean(m.group(0)) else "", desc)
    # so does the unit a description asks to be counted in ("预检结果缓存多少秒": Max-Age)
    desc = _MEASURE_PHRASE.sub(lambda m: m.group(0) if clean(m.group(0)) else "", desc).strip()
    pieces = [p for p in re.split(r"(?<=[.;])\s+|(?<=[。；])", desc) if p.strip()]
    if len(pieces) > 1 and CONTEXT_START.match(pieces[0]):
        return None  # "by default every pod …" sets the scene; the rest says what it is
    kept = [p for p in pieces if clean(p)]
    text = " ".join(kept).strip()
    if not kept or (kept[0] != pieces[0]):
        # the give-away is in the first sentence: try its phrases
        text = pieces[0].strip().rstrip(".。;；")
        clauses = re.split(r"(?<=[，、])|(?<=,)\s+", text)
        first = next((i for i, c in enumerate(clauses) if not clean(c)), None)
        if first is not None:  # "a CNAME record for an external name, no proxying": the phrase
            clauses[first] = _without_phrase(clauses[first], clean)
            if _BARE_PARTICIPLE.fullmatch(clauses[first].strip()):
                clauses[first] = ""  # "…, defined" of "…, defined by PARTITION BY": no clause
        lead = list(itertools.takewhile(clean, clauses))
        if lead and (len(lead) < len(clauses) or first is not None):
            text = _rejoined(lead)
        elif first == 0 and len(clauses) > 1 and all(map(clean, clauses[1:])):
            # only the opening clause names it ("允许带 cookie，这时候 Allow-Origin 不能是 *"): the
            # rest, without the word that tied it to that clause, if it says enough alone
            rest = _rejoined(clauses[1:]).strip()
            if _NEXT_STEP.match(rest):
                return None  # "丢掉最老的任务，再重新提交当前任务": the step after the cut one
            rest = _CONNECTIVE.sub("", rest)
            text = text if thin(rest) else rest
    if not clean(text):
        at = _phrase_start(text, clean)
        if at is not None:
            text = text[:at]
    text = text.strip(" ,;.。；，、")
    if _NEEDS_MORE.search(text):
        return None  # "runs dozens" of "runs dozens of linters": a cut before its noun
    return text if text and clean(text) else None


def _rejoined(clauses: Sequence[str]) -> str:
    """Clauses split at their commas, joined again: a Chinese comma holds on, a Latin one
    takes back the space the split took ("bi-directional, cloud tiering")."""
    return "".join(c if c.endswith(("，", "、")) else c + " " for c in clauses)


#: a participle left alone once its "by …" goes: it says nothing without it
_BARE_PARTICIPLE = re.compile(
    r"(?:defined|determined|specified|controlled|given|set|followed|caused|backed|bounded"
    r"|limited|enforced|managed|owned|chosen|picked|identified|named|called|known)",
    re.I,
)


#: a last word that needs more after it: a count or a determiner without its noun, a
#: preposition or conjunction without its object
_NEEDS_MORE = re.compile(
    r"\b(?:dozens|hundreds|thousands|millions|lots|plenty|many|several|few|some|each|every|all"
    r"|both|any|the|a|an|its|their|your|of|to|for|with|and|or)$",
    re.I,
)


#: a clause that relates numbers: an equation, a ratio, a sequence ("so 250m = a quarter of a
#: core", "PG 14 is next")
_RELATION = re.compile(
    r"=|×|\b(?:half|quarter|third|double|twice|triple|times|next|previous|then|after|before|"
    r"per|ratio)\b|一半|四分之|倍|下一个|之后|之前|接着",
    re.I,
)
#: a clause that is the next step of the one before ("再重新提交", "then retries"): alone, it
#: says only what follows a step the stem no longer shows
_NEXT_STEP = re.compile(
    r"^(?:再|然后|接着|随后|之后再|并且?|且)|^(?:then|and then|afterwards)\b", re.I
)
#: the word that tied a clause to the one before ("so 512Mi = …"): cut with it
_CONNECTIVE = re.compile(
    r"^(?:so|thus|hence|then|i\.e\.|which means|所以|因此|即|这时候|这时|此时)[\s,，]*", re.I
)
_CLAUSES = re.compile(r"(?<=[,，;；])\s*|\s*(?:→|->|=>)\s*")


def _computes(other: str, answer: Number, related: bool = False) -> bool:
    """The clause states a number the answer follows from: one in the answer's unit beside an
    equation or ratio, or a neighbour in a sequence under the same name ("PG 14" for PG 13).
    related: the answer's own clause states the relation ("PG ___ is next")."""
    if not related and not _RELATION.search(other):
        return False
    for n in numbers_in(other):
        if answer.unit and n.unit == answer.unit:
            return True
        if not answer.unit and not n.unit and abs(n.value - answer.value) == 1:
            return True
    return False


@lru_cache(maxsize=16384)
def arithmetic_cut(text: str, span: str) -> str:
    """The text without the clauses that let the blanked number be computed from the others:
    "1 = 1 vCPU/core = 1000m (millicores), so 250m = a quarter of a core" asks only its first
    clause. The text itself when no clause does."""
    answer = parse_number(span)
    if answer is None:
        return text
    parts = [p for p in _CLAUSES.split(text) if p.strip()]
    mine = next((i for i, p in enumerate(parts) if span in p), None)
    if mine is None or len(parts) < 2:
        return text
    rest = [p for i, p in enumerate(parts) if i != mine]
    if not any(_computes(p, answer) for p in rest):
        return text
    kept = _CONNECTIVE.sub("", parts[mine].strip().rstrip(",，;；").strip())
    before = re.split(r"→|->|=>", text[: text.find(parts[mine])])[-1]  # this arrow side
    opened = len(re.findall(r"[(（]", before)) - len(re.findall(r"[)）]", before))
    if opened > 0:
        # "看门狗续期（Redisson watchdog，默认锁 30s，每 10s 续一次 = 1/3）": the clause is inside
        # a bracket, and says nothing without what the bracket is of
        owner = before.strip().lstrip("→-=>:：—– ").rstrip()
        close = "）" if owner.rfind("（") > owner.rfind("(") else ")"
        return f"{owner}{kept}{close}"
    return kept


#: a number as an operand: its digits and a unit glued to them, or the blank that stands for one
_OPERAND = r"(?:(?<![\w.])\d[\d.,]*[A-Za-z%µ\u4e00-\u9fff]{0,4}|___)"
#: an operation, spaced on both sides or on neither ("1000+ nodes" is "more than"); "=" alone
#: states a unit or a conversion ("1 vCPU = 1000m"), which is the fact, not a sum
_OP = r"(?:\s[+−×*÷x]\s|(?<=[\w%])[+−×*÷](?=[\w(]))"
_WORD = r"[^\W\d][\w./-]*"  # "samples/s" names what a number counts too
#: one term of an operation: a number with the words that name what it counts ("threshold 50",
#: "110 pods per node"), or words alone ("_sum", "MSL")
_TERM = (
    rf"(?:(?:{_WORD}\s+){{0,2}}{_OPERAND}(?![\d.,])(?:\s+{_WORD}){{0,3}}"
    rf"|{_WORD}(?:\s+{_WORD}){{0,2}})"
)
#: a product or a quotient: names among its terms are unknown amounts ("pool size × 1.5"),
#: where names in a sum count one each ("11 buckets + _sum + _count")
_TIMES = re.compile(r"[×*÷]|\sx\s")
_CALCULATION = re.compile(rf"{_TERM}(?:{_OP}{_TERM})+")
_AN_OP = re.compile(_OP)
#: the result the operation is said to give, a few words ("per OSD") after its last term
_RESULT_AFTER = re.compile(rf"(?:\s+{_WORD}){{0,3}}\s*[=≈]\s*[~≈]?({_OPERAND})")
_RESULT_BEFORE = re.compile(rf"({_OPERAND})(?:\s+{_WORD}){{0,2}}\s*[=≈]\s*$")


#: a number restated in another unit in brackets right after a term ("15d (1,296,000 s)")
_RESTATED_AMOUNT = re.compile(r"\s*[(（]\s*\d[\d.,]*\s*[A-Za-z%µ]{0,4}\s*[)）]")


def computed(stem: str) -> bool:
    """The blank of the stem is an operand or the result of an operation the stem writes out
    with its result: it is worked out, not recalled ("260 targets × ___ = 390000", "13 series
    (___ buckets + _sum + _count)", "___ series (11 buckets + _sum + _count)"). An operation
    with no result to work back from ("threshold ___ + scale factor 0.1") leaves the operand to
    be known, and a number beside an operation on a name ("2 x MSL, ___ on Linux") too."""
    stem = _RESTATED_AMOUNT.sub("", stem)  # "15d (1,296,000 s)": one term said twice
    if _AN_OP.search(stem) is None:
        return False  # most stems: no operation, and trying each place for one costs the most
    for m in _CALCULATION.finditer(stem):
        terms = re.split(_OP, m.group(0))
        said = re.findall(_OPERAND, m.group(0))
        if _TIMES.search(m.group(0)) and not all(re.search(_OPERAND, t) for t in terms):
            continue  # "pool size × 1.5": a factor the stem never gives, nothing to work out
        before, after = stem[: m.start()], stem[m.end() :]
        result = _RESULT_AFTER.match(after) or _RESULT_BEFORE.search(before)
        if result is not None:
            said.append(result.group(1))
        elif before.rstrip().endswith(("(", "（")):  # "13 series (11 buckets + …)": its sum
            said += re.findall(_OPERAND, re.split(r"[,;，；]", before)[-1])[-1:]
        else:
            continue
        if "___" in said and len(said) >= 2:
            return True
    return False


#: two bare numbers joined by an operation ("128 + 9", "4 × 1024"): "-" is left out, it writes
#: ranges ("10-20") far more often than differences
_BINARY_OP = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)\s*([+×*x÷/])\s*(\d+(?:\.\d+)?)(?![\w.])")


def results(text: str) -> tuple[float, ...]:
    """What each operation the text writes comes to ("128 + 9 -> SIGKILL": 137)."""
    out: list[float] = []
    for m in _BINARY_OP.finditer(text):
        a, op, b = float(m.group(1)), m.group(2), float(m.group(3))
        if op == "+":
            out.append(a + b)
        elif op in "×*x":
            out.append(a * b)
        elif b != 0:
            out.append(a / b)
    return tuple(out)


def works_out(text: str, key: float) -> bool:
    """The text writes an operation whose result is the key ("128 + 9 -> SIGKILL" for 137):
    a player adds up the stem rather than recalls the number."""
    return any(abs(r - key) < 1e-9 for r in results(text))


#: units of one dimension in their base unit, binary sizes as storage settings write them
_SCALES: dict[str, tuple[str, float]] = {
    "us": ("s", 1e-6), "ms": ("s", 1e-3), "s": ("s", 1), "min": ("s", 60), "h": ("s", 3600),
    "d": ("s", 86400), "wk": ("s", 604800), "bit": ("B", 1 / 8), "B": ("B", 1),
    "KB": ("B", 1024), "MB": ("B", 1024**2), "GB": ("B", 1024**3), "TB": ("B", 1024**4),
}  # fmt: skip
#: how close two amounts must be to read as one: 1 MB is 1,000,000 or 1,048,576 bytes
_SAME_AMOUNT = 0.05


def _base(n: Number) -> tuple[str, float] | None:
    scale = _SCALES.get(n.unit)
    return (scale[0], n.value * scale[1]) if scale else None


def restated(stem: str, answer_text: str) -> str | None:
    """A number of the stem that is the answer in another unit: "defaults to 1048588 bytes
    (~___)" asks for 1 MiB it has just given."""
    answer = parse_number(answer_text)
    mine = _base(answer) if answer is not None else None
    if answer is None or mine is None or mine[1] <= 0:
        return None
    for n in numbers_in(stem):
        other = _base(n)
        same_dimension = other is not None and n.unit != answer.unit and other[0] == mine[0]
        if other and same_dimension and abs(other[1] - mine[1]) <= _SAME_AMOUNT * mine[1]:
            return n.text
    return None


_STEP = r"\d+(?:\.\d+)?"
#: a blank among the values of a series the notes leave open with an ellipsis: "(___, 200...)",
#: "1, 2, ___, 8, …"
_SERIES = re.compile(
    rf"(?:___(?:\s*,\s*{_STEP})+|{_STEP}(?:\s*,\s*{_STEP})*\s*,\s*___(?:\s*,\s*{_STEP})*)"
    r"\s*,?\s*(?:\.\.\.|…)"
)


def _in_step(series: str, answer: float) -> bool:
    """The series with the answer in its blank goes in even steps: multiples of its first
    value (100, 200), or three values or more a step or a factor apart (1, 2, 4, 8)."""
    values = [answer if v == "___" else float(v) for v in re.findall(rf"___|{_STEP}", series)]
    if values[0] <= 0:
        return False
    if all(v == values[0] * (k + 1) for k, v in enumerate(values)):
        return True
    if len(values) < 3:
        return False
    steps = {b - a for a, b in itertools.pairwise(values)}
    factors = {b / a for a, b in itertools.pairwise(values) if a}
    return (len(steps) == 1 and 0 not in steps) or (len(factors) == 1 and 1 not in factors)


#: the words of an aside that says a number again, rounded or in another unit ("约", "即",
#: "about", "i.e."); 立即 and 随即 ("at once") are no such
_RESTATES = r"(?:(?<![立随])即|大约|约|相当于|≈|~|\bi\.e\.|\babout\b|\bapprox\w*\.?|\broughly\b)"
#: a blank in an aside that says the quantity before it again: "10000（单位微秒，即 ___）",
#: "2^32 - 1 个元素（约 ___ 亿）", "1048588 bytes (i.e. ___)"
_RESTATING_ASIDE = re.compile(rf"[(（][^()（）]*?{_RESTATES}[^()（）]*?___[^()（）]*[)）]", re.I)
#: an example right after a blank: "cluster 总线端口 = 数据端口 + ___（e.g. 16379）"
_EXAMPLE_AFTER_BLANK = re.compile(
    r"___\s*[(（]\s*(?:e\.g\.|eg\.?|例如|比如|如|for example|like)\s*[:：,，]?\s*"
    r"(?P<n>\d+(?:\.\d+)?)\s*[)）]",
    re.I,
)


#: an aside that rounds or converts a number: "（约 4 千列）", "(about 0.1 GB)", "（即 10 ms）"
APPROX_ASIDE = re.compile(rf"[(（]\s*{_RESTATES}[^()（）]*\d[^()（）]*[)）]", re.I)


def restating_aside(stem: str) -> bool:
    """The blank sits in an aside that restates the number its clause has just given, in
    another unit or rounded ("即 ___" after 10000 µs): converting is not recalling."""
    m = _RESTATING_ASIDE.search(stem)
    if m is None:
        return False
    clause = re.split(r"[,，;；。]", stem[: m.start()])[-1]
    return _NUMBER.search(clause) is not None


def worked_example(stem: str, key: float) -> bool:
    """The blank is followed by an example the stem's other numbers work it out from
    ("端口 6379 … + ___（e.g. 16379）": 16379 - 6379)."""
    m = _EXAMPLE_AFTER_BLANK.search(stem)
    if m is None:
        return False
    example = float(m.group("n"))
    rest = stem[: m.start()] + stem[m.end() :]
    if str(int(abs(example - key))) in PORTS and example == int(example):
        return True  # "数据端口 + ___（比如 16379）": 16379 is Redis's 6379 + the blank
    for said in (float(n) for n in _NUMBER.findall(rest)):
        if abs(example - said - key) < 1e-9 or (said and abs(example - said * key) < 1e-9):
            return True
    return False


def computable(stem: str, answer_text: str) -> bool:
    """The stem's other clauses give the blanked number by arithmetic."""
    answer = parse_number(answer_text)
    if answer is None or "___" not in stem:
        return False
    series = _SERIES.search(stem)
    if series and _in_step(series.group(0), answer.value):
        return True  # "use gaps (___, 200...)": a step of a series its other steps show
    if _arrow_difference(stem, answer.value):
        return True  # "___ 开销，MTU 1500 → 容器里最多 1450": 50
    if _counted_range(stem, answer.value):
        return True  # "默认 ___ 个数据库（db0 ~ db15）": 16
    parts = [p for p in _CLAUSES.split(stem) if p.strip()]
    related = any(_RELATION.search(p) for p in parts if "___" in p)
    return any(_computes(p, answer, related) for p in parts if "___" not in p)


#: a numbered range of names or values: "db0 ~ db15", "slot 0-16383", "0..7"
_NUMBERED_RANGE = re.compile(
    r"(?<![\d.])([A-Za-z_]*)(\d+)\s*(?:~|～|-|–|\.\.|到|至)\s*\1(\d+)(?![\d.])"
)


def _counted_range(stem: str, key: float) -> bool:
    """The stem numbers the things counted from the first to the last: "db0 ~ db15" is 16."""
    return any(
        int(m.group(3)) - int(m.group(2)) + 1 == key and int(m.group(3)) > int(m.group(2))
        for m in _NUMBERED_RANGE.finditer(stem)
    )


#: two numbers an arrow leads from one to the other: "1500 → 容器里最多 1450"
_ARROW_PAIR = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)\s*(?:→|->|=>)[^\d_]{0,12}?(\d+(?:\.\d+)?)")


def _arrow_difference(stem: str, key: float) -> bool:
    """The key is the step between a before and an after the stem writes with an arrow."""
    for m in _ARROW_PAIR.finditer(stem):
        if abs(abs(float(m.group(1)) - float(m.group(2))) - key) < 1e-9:
            return True
    return False


#: a sum, difference or product of two numbers written out: "(128 + 9)"
_ARITHMETIC = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)\s*([+×*-])\s*(\d+(?:\.\d+)?)(?![\w.])")


def self_checking(statement: str) -> str | None:
    """A statement that works out a number it also states ("exit code 137 = killed by SIGKILL
    (128 + 9)"): a true/false reader checks the sum instead of knowing the fact, and a number
    swapped in to make it false (143) refutes itself. The arithmetic, or None."""
    for m in _ARITHMETIC.finditer(statement):
        a, op, b = float(m.group(1)), m.group(2), float(m.group(3))
        result = a + b if op == "+" else a - b if op == "-" else a * b
        rest = (statement[: m.start()] + " " + statement[m.end() :]).replace("___", " ")
        stated = [float(n) for n in _NUMBER.findall(rest)]
        if op == "-" and not re.fullmatch(r"\S+\s+-\s+\S+", m.group(0)):
            continue  # "30000-32767" is a range, not a difference to check
        if any(n >= 10 for n in stated) and result >= 10:
            return m.group(0)
    return None


_WORD_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                 "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
                 "thirty": 30, "sixty": 60, "hundred": 100}  # fmt: skip
_WORD_NUMBER = re.compile(
    r"\b(?:(a|an|one)\s+(?=(?:second|minute|hour|day|week|month|year|kilobyte|megabyte|"
    r"gigabyte)s?\b)|(" + "|".join(_WORD_NUMBERS) + r")\b)",
    re.I,
)


#: a share or a multiple said in words, as the shares a key may be written in: "一半" is 50 %
#: or 0.5, "twice" 2x or 200 %
_FRACTIONS = {"一半": "50% 0.5", "half": "50% 0.5", "a quarter": "25% 0.25",
              "one quarter": "25% 0.25", "四分之一": "25% 0.25", "three quarters": "75% 0.75",
              "四分之三": "75% 0.75", "double": "2x 200%", "twice": "2x 200%", "两倍": "2x 200%",
              "二倍": "2x 200%", "翻倍": "2x 200%", "三倍": "3x 300%", "triple": "3x 300%"}  # fmt: skip
_FRACTION = re.compile(
    r"(?<![A-Za-z])(?:" + "|".join(sorted(_FRACTIONS, key=len, reverse=True)) + r")(?![A-Za-z])",
    re.I,
)


def numerals(text: str) -> str:
    """The text with its numbers written in words as digits: "the ten slowest" -> "the 10
    slowest", "up to a minute late" -> "up to 1 minute late"; a lone "one" stays a word ("the
    only one"). A stem that says the key's number in words gives it away as the digits do."""
    if _FRACTION.search(text):  # before the word numbers: "three quarters" is no 3
        text = _FRACTION.sub(lambda m: _FRACTIONS[m.group(0).lower()], text)
    if not _WORD_NUMBER.search(text):
        return text
    return _WORD_NUMBER.sub(
        lambda m: "1 " if m.group(1) else str(_WORD_NUMBERS[m.group(2).lower()]), text
    )
