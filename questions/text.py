"""Text helpers every stage shares: language, comparison form, containment and tokens.

Chinese is segmented with jieba (the notes' own terms are kept whole by splitting on them
first, so no global dictionary is changed and the same notes always give the same tokens);
Latin text is split on a pattern that keeps `Cache-Control`, `max-age=0` and `v1.33` whole.
"""

from __future__ import annotations

import itertools
import logging
import os
import re
import tempfile
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import jieba

CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
CJK_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")


def has_cjk(text: str) -> bool:
    """`CJK.search(text)`, with an ASCII text (most of them) told so without a search."""
    return not text.isascii() and CJK.search(text) is not None


def cjk_runs(text: str) -> list[str]:
    """`CJK_RUN.findall(text)`, with an ASCII text (most of them) told so without a search."""
    return [] if text.isascii() else CJK_RUN.findall(text)


#: an aside in brackets with the space before it ("(URLs, flags)", "（默认）"), no nesting
ASIDE = re.compile(r"\s*[(（][^()（）]*[)）]")
#: ...and one that closes the text ("TLS handshake (TLS 1.3)", "*.auto.tfvars (lexical order)")
TRAILING_ASIDE = re.compile(ASIDE.pattern + r"\s*$")
#: an English article opening a phrase: "A Delta table" names what "Delta table" does
LEADING_ARTICLE = re.compile(r"^(?:the|an?)\s+", re.I)
ASCII_TOKEN = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.:/+-]*")
_LATIN_WORD = re.compile(r"[A-Za-z]+")
#: the short prepositions, and those a header or phrase may open with ("across major versions")
PREPOSITIONS = frozenset({"from", "to", "in", "on", "at", "by", "for", "with", "of", "as", "via",
                          "into"})  # fmt: skip
LONG_PREPOSITIONS = frozenset({"across", "inside", "outside", "within", "without", "per", "after",
                               "before", "during", "under", "over", "between", "through",
                               "behind", "beyond", "upon", "against"})  # fmt: skip
STOP_EN = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "of",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "with",
        "from",
        "into",
        "onto",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "which",
        "what",
        "who",
        "whom",
        "whose",
        "when",
        "where",
        "how",
        "why",
        "than",
        "then",
        "there",
        "here",
        "not",
        "no",
        "nor",
        "but",
        "if",
        "so",
        "do",
        "does",
        "did",
        "done",
        "can",
        "could",
        "should",
        "would",
        "will",
        "shall",
        "may",
        "might",
        "must",
        "has",
        "have",
        "had",
        "having",
        "i",
        "you",
        "he",
        "she",
        "we",
        "they",
        "them",
        "their",
        "our",
        "your",
        "my",
        "me",
        "us",
        "u",
        "ur",
        "w/",
        "w/o",
        "via",
        "per",
        "each",
        "every",
        "all",
        "any",
        "some",
        "such",
        "only",
        "also",
        "just",
        "very",
        "more",
        "most",
        "less",
        "least",
        "much",
        "many",
        "same",
        "other",
        "another",
        "one",
        "about",
        "after",
        "before",
        "over",
        "under",
        "up",
        "down",
        "out",
        "off",
        "again",
        "further",
        "once",
        "both",
        "few",
        "own",
        "too",
    ]
)
STOP_ZH = frozenset(
    [
        "的",
        "了",
        "是",
        "在",
        "和",
        "与",
        "或",
        "就",
        "也",
        "都",
        "而",
        "及",
        "把",
        "被",
        "让",
        "给",
        "对",
        "从",
        "到",
        "会",
        "能",
        "要",
        "这",
        "那",
        "个",
        "一",
        "上",
        "下",
        "中",
    ]
)

_jieba_ready = False


def init_jieba() -> None:
    """Quiet jieba and give it a cache dir this user can write (root and non-root alike)."""
    global _jieba_ready
    if _jieba_ready:
        return
    jieba.setLogLevel(logging.WARNING)
    uid = os.getuid() if hasattr(os, "getuid") else 0
    cache = Path(tempfile.gettempdir()) / f"quizbot-jieba-{uid}"
    try:
        cache.mkdir(mode=0o700, exist_ok=True)
        jieba.dt.tmp_dir = str(cache)
    except OSError:
        pass  # jieba then works without a cache file, only slower to start
    _jieba_ready = True


def cjk_count(text: str) -> int:
    return len(CJK.findall(text))


_WORD = re.compile(r"[A-Za-z0-9]+")


def word_count(text: str) -> float:
    """Words of mixed text: Latin words and numbers, and two ideographs to a word."""
    return len(_WORD.findall(text)) + cjk_count(text) / 2


@lru_cache(maxsize=65536)
def is_zh(text: str) -> bool:
    """Chinese when ideographs carry the sentence, not when one Chinese word sits in English."""
    cjk = cjk_count(text)
    latin = sum(len(w) for w in _LATIN_WORD.findall(text))
    return cjk >= 2 and cjk >= 0.2 * latin


#: the parts a deck or a course numbers ("Slide 6:", "Card 24", "Lecture 3 –"): a heading that
#: opens with one names its place in the deck, not a topic
DECK_PARTS = r"slide|card|lecture|lesson|video|module|week|day|part|chapter|unit"


@lru_cache(maxsize=65536)
def norm(text: str) -> str:
    """Comparison form: case, spacing, markup quotes and punctuation do not count."""
    return _NOT_COMPARED.sub("", text.casefold())


_NOT_COMPARED = re.compile(r"[\s`*_'\"“”‘’「」()（）\[\].,;:!?，。；：！？、]+")


def _word_char(ch: str) -> bool:
    """A character that continues a Latin word; a Chinese character next to one ends it
    ("EC2重启" names EC2, "metric触发" names metric: mixed notes put no space between them)."""
    return (ch.isalnum() and not CJK.match(ch)) or ch in "_-"


def find_apart(text: str, name: str, joins: re.Pattern[str]) -> int:
    """Where the text first writes the name with no `joins` character right before or after
    it, or -1: `re.search(rf"(?<!{joins}){re.escape(name)}(?!{joins})", text)` without a
    pattern per name (names are many, and their patterns would push the fixed ones out of
    re's cache)."""
    at = text.find(name)
    while at >= 0:
        end = at + len(name)
        if not (at and joins.match(text, at - 1)) and not joins.match(text, end):
            return at
        at = text.find(name, at + 1)
    return -1


@lru_cache(maxsize=65536)
def folded(text: str) -> str:
    """The form containment compares: single spaces, case folded. Cached: a table's keys and
    cells are folded again for each of its rows' questions."""
    return " ".join(text.split()).casefold()


#: the only characters beyond ASCII that re.IGNORECASE takes for an ASCII letter: İ and ı for
#: i, the Kelvin sign for k, the long s for s
ASCII_CASE_KIN = frozenset("\u0130\u0131\u212a\u017f")


def may_hold_any_case(text: str, word: str) -> bool:
    """Whether a case-blind pattern of the ASCII word (`re.I`) may find it in the text: the
    text holds it in some case, or a character re takes for an ASCII letter. False spares
    compiling a pattern per name, which would push the fixed ones out of re's cache."""
    return word.lower() in text.lower() or not ASCII_CASE_KIN.isdisjoint(text)


@lru_cache(maxsize=65536)
def contains(haystack: str, needle: str) -> bool:
    """Whole-word (Latin) or substring (CJK) containment, ignoring case and spacing."""
    return contains_folded(folded(haystack), folded(needle))


def contains_folded(h: str, n: str) -> bool:
    """`contains` on texts already folded (a retrieval unit folds its text once)."""
    if not n:
        return False
    if has_cjk(n):
        return n in h
    start = h.find(n)
    while start >= 0:  # a word of its own: not part of a longer word on either side
        end = start + len(n)
        if (start == 0 or not _word_char(h[start - 1])) and (
            end == len(h) or not _word_char(h[end])
        ):
            return True
        start = h.find(n, start + 1)
    return False


def _ascii_tokens(text: str) -> list[str]:
    return [t.rstrip(".:/-").lower() for t in ASCII_TOKEN.findall(text) if t.rstrip(".:/-")]


@lru_cache(maxsize=8192)
def cut(run: str) -> tuple[str, ...]:
    """A run of Chinese as jieba's words (the default dictionary, no HMM guesses)."""
    return tuple(w for w in jieba_words(run) if w.strip())


def jieba_words(run: str) -> list[str]:
    """Every word jieba cuts, spaces too: their lengths add up to the run's."""
    init_jieba()
    words: list[str] = jieba.lcut(run, HMM=False)
    return words


#: the words of Chinese that deny; 不动产, 不可抗力, 没收 and 不同 are words of their own
ZH_DENIAL = frozenset({"不", "不会", "不能", "不可", "不用", "不要", "不是", "不得", "不必", "不需",
                       "不需要", "不应", "不应该", "没有", "没", "无", "无法", "从不", "并不", "绝不",
                       "从来不", "别", "未"})  # fmt: skip
_ZH_NEGATING = re.compile(r"不|没|无|别|未")


def zh_denial(text: str) -> tuple[int, int] | None:
    """Where the text first denies, by jieba's words: "因不动产 → 20年" denies nothing."""
    if _ZH_NEGATING.search(text) is None:
        return None
    at = 0
    for run in CJK_RUN.finditer(text):
        at = run.start()
        for word in jieba_words(run.group()):
            if word in ZH_DENIAL:
                return at, at + len(word)
            at += len(word)
    return None


#: single characters that bind to the word before them ("consumer 端", "Kafka 里", "Redis 的"):
#: a clause opening with one (as jieba reads it) is the rest of that word's phrase
_BOUND = frozenset("端侧方的里上中下内外之级层版型式性化类边面")


def bound_opening(text: str) -> bool:
    """The text opens with a bound character jieba leaves as a word of its own ("端要配 …" ->
    端 / 要 / 配; not "端口默认 …" nor "上线后"): cut from the term before it, it is a fragment."""
    opening = text.lstrip()[:12]
    if opening[:1] not in _BOUND:
        return False  # only a bound character opens a bound word: no need to segment
    words = cut(opening)
    return bool(words) and words[0] in _BOUND


class Tokenizer:
    """Tokens for retrieval and overlap checks; `terms` are kept whole inside Chinese text."""

    def __init__(self, terms: Iterable[str] = ()) -> None:
        zh_terms = sorted({t for t in terms if CJK.search(t) and 2 <= len(t) <= 12}, key=len)
        self._terms = (
            re.compile("|".join(re.escape(t) for t in reversed(zh_terms))) if zh_terms else None
        )
        #: a text's Latin and Chinese tokens, kept per text: a sentence, a table row or a
        #: heading recurs in the notes (every copy of repeated notes, every sentence of a block
        #: under one heading)
        self._split: dict[str, tuple[list[str], list[str]]] = {}

    def _zh(self, run: str) -> list[str]:
        if self._terms is None:
            return list(cut(run))
        out: list[str] = []
        pos = 0
        for m in self._terms.finditer(run):
            if m.start() > pos:
                out += cut(run[pos : m.start()])
            out.append(m.group(0))
            pos = m.end()
        if pos < len(run):
            out += cut(run[pos:])
        return out

    def tokens(self, text: str) -> list[str]:
        latin, zh = self._tokens_by_script(text)
        return latin + zh

    def joined_tokens(self, head: str, rest: str) -> list[str]:
        """`tokens(head + rest)` for a head that is empty or ends in a space (no token spans a
        space), each part's tokens read once however many texts share it."""
        head_latin, head_zh = self._tokens_by_script(head)
        latin, zh = self._tokens_by_script(rest)
        return head_latin + latin + head_zh + zh

    def _tokens_by_script(self, text: str) -> tuple[list[str], list[str]]:
        found = self._split.get(text)
        if found is None:
            latin = [t for t in _ascii_tokens(text) if t not in STOP_EN]
            zh = [w for run in cjk_runs(text) for w in self._zh(run) if w not in STOP_ZH]
            found = self._split[text] = (latin, zh)
        return found


def content_words(text: str) -> set[str]:
    """Latin content words (lower case, 3+ letters) and Chinese bigrams, for overlap cues."""
    words = {w.lower() for w in _LATIN_WORD.findall(text) if len(w) >= 3}
    words -= STOP_EN
    for run in CJK_RUN.findall(text):
        words |= {run[i : i + 2] for i in range(len(run) - 1)}
    return words


_DIGIT = re.compile(r"\d")


@lru_cache(maxsize=65536)
def lemma(word: str) -> str:
    """A word's lemma as a noun or verb ("limits" -> "limit"), or the word itself."""
    if _DIGIT.search(word):
        return word  # no word of lemminflect's tables holds a digit: `svc12`, `http2` are names
    from lemminflect import getAllLemmas

    lemmas = getAllLemmas(word)  # one look-up for both parts of speech (each copies its entry)
    for upos in ("NOUN", "VERB"):
        found = lemmas.get(upos, ())
        if found and found[0] != word:
            return str(found[0])
    return word


@lru_cache(maxsize=16384)
def lemma_words(text: str) -> frozenset[str]:
    """Latin content words by lemma ("limits" and "limit" are one), for give-away checks;
    cached, as the ambiguity check reads every option's descriptions once per other option."""
    words = {w.lower() for w in _LATIN_WORD.findall(text) if len(w) >= 3}
    return frozenset(lemma(w) for w in words - STOP_EN)


#: a sentence starts with a word, a number, a quote or a command-line option ("-X stream …")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Za-z`*(\"“0-9]|--?[A-Za-z])|(?<=[。！？])\s*")
_ABBREVIATION = re.compile(
    r"\b(e\.g|i\.e|etc|vs|approx|incl|cf|esp|resp|min|max|no|nos"
    # a reference to a part of a text ("Art. 6(1)(f)", "Sec. 3", "pp. 12-14", "Fig. 2"), a
    # title or a name's part ("Rep. of Korea", "Dr. Smith", "et al.", "a.k.a.", "U.S.")
    r"|arts?|recs?|secs?|paras?|pp|figs?|vol|chs?|chap|eqs?|ref|rep|dr|mr|mrs|st|al|a\.k\.a"
    r"|u\.s|inc|ltd|corp|co|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|viz|ca"
    # a case's "v." and its citation's courts and reporters ("Wood v. Boynton (Wis. 1885)",
    # "196 Va. 493", "88 F. Supp. 2d 116", "2d Cir.")
    r"|v|cal|va|wis|minn|okla|mass|supp?|cir|ct|tex|fla|md|mich|conn|ky|tenn|ala|ariz|colo"
    r"|neb|nev|ore|vt|kan"
    # a history's amendments, papers, offices and bodies ("12th Amend. (1804)", "Fed. No. 10",
    # "2nd Cont. Congress", "pop. sovereignty", "Gen. Grant", "Dept. of State")
    r"|amend|amends|fed|cont|pop|govt|gov|dept|natl|intl|assn|est|pres|gen|sen|cong|const"
    r"|lt|col|capt|adm|mt|ft|ave|prec|req|reqd|approx)\.$",
    re.I,
)
#: a name's initial ("W. O. Lucy", "G.W. Thomas"): it ends no sentence before a capital
_INITIAL = re.compile(r"(?:^|[\s(.])[A-Z]\.$")


@lru_cache(maxsize=16384)
def split_sentences(text: str) -> tuple[str, ...]:
    """Sentences of a block: "e.g." and "etc." do not end one, nor does a semicolon (so a
    clause keeps the subject it refers back to)."""
    # each sentence as its pieces, with how many brackets it leaves open: the checks read only
    # its last piece, so a line of a thousand "v." joins in linear time
    sentences: list[list[str]] = []
    open_brackets: list[int] = []
    for piece in _SENTENCE_END.split(text):
        piece = piece.strip()
        if not piece:
            continue
        last = sentences[-1][-1] if sentences else ""
        # ("nmcli con mod ... ipv4.method manual": an ellipsis before a lower-case word leaves
        # words out of one sentence, it ends none)
        elided = last.endswith(("...", "…")) and piece[:1].islower()
        # (and a law report's one-letter reporter before its page: "117 F. 99")
        initial = _INITIAL.search(last) and (piece[:1].isupper() or piece[:1].isdigit())
        opened = _bracket_balance(piece)
        if sentences and (_ABBREVIATION.search(last) or open_brackets[-1] > 0 or elided or initial):
            # "（不是"不缓存"！！）" stays one sentence
            sentences[-1].append(("" if not last[-1:].isascii() else " ") + piece)
            open_brackets[-1] += opened
        else:
            sentences.append([piece])
            open_brackets.append(opened)
    return tuple("".join(parts) for parts in sentences)


def _bracket_balance(text: str) -> int:
    return text.count("(") + text.count("（") - text.count(")") - text.count("）")


@lru_cache(maxsize=8192)
def verb_like(text: str) -> bool:
    """A single word that reads as a verb or participle ("throttled", "restarts"), not a name."""
    from lemminflect import getAllLemmas

    words = text.split()
    if len(words) != 1 or not re.fullmatch(r"[a-z]+", words[0]):
        return False
    lemmas = getAllLemmas(words[0])
    return words[0].endswith("ed") or ("VERB" in lemmas and "NOUN" not in lemmas)


@lru_cache(maxsize=8192)
def noun_like(word: str) -> bool:
    """A word that reads as a noun and never as an adverb ("index", "volumes"; not "first")."""
    from lemminflect import getAllLemmas

    lemmas = getAllLemmas(word.lower())
    return "NOUN" in lemmas and "ADV" not in lemmas


@lru_cache(maxsize=65536)
def english_word(word: str) -> bool:
    """A word of the English dictionary ("age", "from"), not a name ("datfrozenxid")."""
    from lemminflect import getAllLemmas

    w = word.lower().strip("'-")
    if "-" in w:  # "at-least-once", "best-effort": a compound of words
        return all(english_word(part) for part in w.split("-") if part)
    return w in STOP_EN or w in _NUMERALS or bool(getAllLemmas(w))


#: number words, which lemminflect has no lemma for ("three-way merge" is words, not a name)
_NUMERALS = frozenset([
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "twenty", "hundred", "thousand", "million", "billion", "first", "second",
    "third",
])  # fmt: skip


#: a text that stops where a list it announces should start ("不具备在以下AWS服务", "such as
#: the following services"), or on a word that needs more after it
_ANNOUNCES_MORE = re.compile(
    r"(以下|下列|如下|下面的)[^，。；！？,.;:：]{0,12}$|\b(the following|as follows)(\s+[A-Za-z-]+){0,2}$|"
    r"\b(such as|e\.g|i\.e|including)\W*$|[和与及或把被]$",
    re.I,
)


@lru_cache(maxsize=16384)
def cut_short(text: str) -> bool:
    """A text cut off mid-phrase, by the notes or by a trim: it announces what it never gives,
    or leaves a quote or bracket open. Quoted in a stem it no longer says what its row is."""
    t = text.strip().rstrip("。.;；,，")
    if text.rstrip().endswith(("：", ":")):
        return True
    if not balanced(t):
        return True
    return _ANNOUNCES_MORE.search(t) is not None


_CLOSING = {")": "(", "）": "（", "]": "[", "}": "{", "”": "“", "】": "【", "」": "「"}
_BRACKET = re.compile("[" + re.escape("".join(_CLOSING) + "".join(_CLOSING.values())) + "]")


def balanced(text: str) -> bool:
    """Every bracket and quote the text opens it closes, in order: a cut that crosses one
    ("kills Prometheus (RAM in the ___" with "head block)") leaves half an aside."""
    opened: list[str] = []
    for ch in _BRACKET.findall(text):  # the brackets alone: most texts have none
        if ch in _CLOSING.values():
            opened.append(ch)
        elif not opened or opened.pop() != _CLOSING[ch]:
            return False
    return not opened and text.count('"') % 2 == 0


#: separators of the clauses and list members of a sentence (outside brackets)
_CLAUSE_END = frozenset(",，;；、/")
_OPEN = "(（[【"
_CLOSE = ")）]】"


def clauses_of(sentence: str, ends: frozenset[str] = _CLAUSE_END) -> list[str]:
    """The sentence cut after each comma, semicolon, enumeration comma or spaced slash (or
    each of `ends`) that stands outside brackets ("gzip (slow, small)" stays whole); the
    pieces keep their separators, so a run of them joined is the sentence's own text."""
    out: list[str] = []
    depth = 0
    start = 0
    for i, ch in enumerate(sentence):
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        elif ch in ends and depth == 0:
            if ch == "/" and not (sentence[i - 1 : i] == " " and sentence[i + 1 : i + 2] == " "):
                continue  # "TCP/IP", "HTTP/2": a slash inside a name
            if ch == "," and sentence[i - 1 : i].isdigit() and sentence[i + 1 : i + 2].isdigit():
                continue  # "$10,000": a thousands separator inside a number
            out.append(sentence[start : i + 1])
            start = i + 1
    out.append(sentence[start:])
    return [p for p in out if p.strip(" ,，;；、/")]


#: emoji and symbols a writer files lines under ("MEMORIZE 🧠", "📜 许可证：", "⚠️ Gotcha")
PICTOGRAPHS = re.compile(r"[\u2300-\u23ff\u2460-\u27bf\u2b00-\u2bff\ufe0f\U0001f000-\U0001faff]+")


#: a question's or an item's number ("Q1", "Question 3", "题 2"): what it numbers is told
#: by the notes' order, not by what it is, so it is never a term or an option
_NUMBERING = re.compile(r"(?i)(?:q|question|problem|ex(?:ercise)?|no\.?|#|问题?|题|例)\s*\d{1,3}")


def is_numbering(text: str) -> bool:
    return _NUMBERING.fullmatch(text.strip()) is not None


def inside_code(text: str, at: int, code: Iterable[str]) -> bool:
    """Whether position `at` of the text falls strictly inside one of its code spans (a cut
    or a separator there splits the span, one at its edge does not)."""
    for span in code:
        start = text.find(span)
        while start >= 0:
            if start < at < start + len(span):
                return True
            start = text.find(span, start + 1)
    return False


#: a bold word that stresses its sentence ("**不是**虚拟机", "**NOT** restarted"): no term,
#: never an option
#: a bold clause that opens with a denial ("**不代表 CPU 忙**", "**not encrypted**"): the
#: writer stresses a claim, it names no thing; never a term nor an option
STRESSED_DENIAL = re.compile(
    r"(?i:not|never|don'?t|do not|cannot|can'?t|won'?t|isn'?t|aren'?t|doesn'?t)\s+\S"
    r"|(?:不代表|不是|不会|不要|不能|不用|不一定|不需要|没有|并不|并非|千万别|别)\s*\S"
)
#: a bold span that says how a quantity changes ("**每个 RTT 翻倍**", "**doubles every RTT**"):
#: a stressed claim, no name of a thing
STRESSED_CHANGE = re.compile(
    r"翻倍|减半|加倍|增长|下降|清零|归零|重置|变大|变小|\b(?i:doubles?|halves?|grows?|shrinks?)\b"
)
STRESS_ONLY = re.compile(
    r"(?i:not|only|must|don'?t|do not|cannot|can'?t|won'?t|may|might|can|could|should|shall|would)"  # never "always" or "no":
    r"|不是|不要|不能|不会|不用|千万|一定|必须|只|只有|永远|别|不|没有|仅|务必"  # values too
    r"|默认|(?i:the default|default)"  # "`AbortPolicy`：**默认**，…": says which member, names none
)


def stressed(span: str) -> bool:
    """A bold span that only stresses ("**not**", "**默认**"), denies ("**不是** …"), says a
    quantity changes ("**每个 RTT 翻倍**"), says how a thing is ("遍历无序是**故意的**") or
    dates the lines after it ("**Go 1.24 之前**：…", "**since 1.14**"): a claim, an emphasis
    or a release label, no name of a thing."""
    return bool(
        STRESS_ONLY.fullmatch(span.strip()) or STRESSED_DENIAL.match(span)
        or STRESSED_CHANGE.search(span) or _STRESSED_STATE.search(span)
        or _RELEASE_LABEL.search(span)
    )  # fmt: skip


#: a Chinese predicate of how a thing is: "故意的", "线程安全的"
_STRESSED_STATE = re.compile(r"[\u4e00-\u9fff]{2,}的$")  # not "目的"
#: a release that dates what follows: "Go 1.24 之前", "1.14 起", "since 1.14", "before v2"
_RELEASE_LABEL = re.compile(
    r"v?\d+(?:\.\d+)+\s*(?:起|之前|之后|以后|以前|开始)$|^(?i:since|before|after|until|from)\s+v?\d"
)


#: words that join a name into a phrase about it: "rate THEN sum", "A vs B", "A + B"
_JOINING = re.compile(r"(?i)\s(?:then|and|or|vs\.?|versus|before|after|over)\s|\s[+→]\s")


@lru_cache(maxsize=65536)
def phrase_about(option: str, name: str) -> bool:
    """One holds the other as a whole word joined to more by a connective: a phrase about
    the name ("rate THEN sum" of rate), not another thing of its kind (VACUUM FULL is one).
    Cached: a pool compares each option with every option taken before it."""
    if " " not in option and " " not in name:
        return False  # most options are one word: no connective to join them
    short, long_ = sorted((option.strip(), name.strip()), key=len)
    if not short or short == long_ or not _JOINING.search(long_):
        return False
    return re.search(rf"(?<![\w-]){re.escape(short)}(?![\w-])", long_) is not None


@lru_cache(maxsize=16384)
def opens_own_topic(sentence: str) -> bool:
    """A Chinese sentence that opens with a noun of its own names its own topic ("缓冲区（32 MB）
    满了 …", "检查频率 … 默认 300000"): it is about that noun, not about the setting the sentence
    before names ("`retries` 2.1 起默认 …。缓冲区 …" says nothing of retries' buffer). A verb
    ("表示 …", "挂 3 个之后 …"), an adverb or a pronoun ("每秒 …", "它 …") leaves the subject to
    the sentence before."""
    if not CJK.match(sentence):
        return False
    init_jieba()
    import jieba.posseg

    words = [w.flag for w in itertools.islice(jieba.posseg.cut(sentence[:12], HMM=False), 2)]
    if not words:
        return False
    first, second = words[0], words[1] if len(words) > 1 else ""
    # "检查频率", "选举端口", "心跳间隔": a verb written with a noun right after it is one noun
    # phrase ("挂 3 个" writes a number after its verb)
    return first in _NOUN_TAGS or (first in ("v", "vn") and second in _NOUN_TAGS)


#: jieba's tags of a common noun, a proper noun, a place and an organisation
_NOUN_TAGS = frozenset({"n", "nz", "ns", "nt"})
