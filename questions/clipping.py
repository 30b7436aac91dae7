"""What a stem cut from a longer line must still hold, or it asks nothing fair.

A give-away is cut from a description, a cell loses the sentence that names its row, a clause is
taken out of its line. What is left must still tell the key from the other options, checked on
the stem as finally written: not only what the options' names share ("overrides the global
timeout" of four `*_timeout` settings once "applies only while opening a new connection" is
gone), and the question a line answers stays in front of the answer ("浏览器怎么知道服务器支持
h3？响应头带 …": without the question the blank has no subject).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from questions.ambiguity import THIN, content_words
from questions.text import lemma_words, split_sentences


def _name_words(option: str) -> frozenset[str]:
    return lemma_words(re.sub(r"[_=./-]", " ", option))


def said_of_kind(clipped: str, answer: str, wrong: Sequence[str]) -> bool:
    """What the cut left says little beyond a word the key's name shares with another option's:
    "overrides the global timeout" of `connect_timeout` beside `request_timeout` once "applies
    only while opening a new connection" is gone. A shared word names the kind, not the key."""
    mine = _name_words(answer)
    shared = frozenset(w for o in wrong for w in _name_words(o) & mine)
    return bool(shared & content_words(clipped)) and len(content_words(clipped) - shared) <= THIN


def lost_qualifier(clipped: str, answer: str, wrong: Sequence[str]) -> bool:
    """The cut took what told the key from a listed option: the stem as finally written says
    only what the options' names share."""
    return said_of_kind(clipped, answer, wrong)


_QUESTION_END = re.compile(r"[?？]\s*$")


def asked_before(text: str, sentence: str) -> str:
    """The question the sentence answers: the sentence right before it in the text when that
    one ends in a question mark ("浏览器怎么知道服务器支持 h3？" before "响应头带 …"), else ""."""
    pieces = split_sentences(text)
    for i, p in enumerate(pieces):
        if i and sentence.strip() and sentence.strip() in p:
            before = pieces[i - 1]
            return before if _QUESTION_END.search(before) else ""
    return ""


def with_question(text: str, block: str, sentence: str) -> str:
    """The clause with the question it answers in front, so its blank keeps its subject."""
    question = asked_before(block, sentence)
    if not question or question in text:
        return text
    joiner = "" if re.search(r"[\u4e00-\u9fff？]$", question) else " "
    return f"{question}{joiner}{text}"


_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")


def echoed(question: str, answer: str, wrong: Sequence[str]) -> bool:
    """The kept question says a token of the answer that no wrong option has ("支持 h3？"
    beside `Alt-Svc: h3=":443"`): with the question back, the stem names the key."""
    mine = {t.casefold() for t in _TOKEN.findall(answer)}
    theirs = {t.casefold() for w in wrong for t in _TOKEN.findall(w)}
    return any(t.casefold() in mine - theirs for t in _TOKEN.findall(question) if len(t) >= 2)


#: a remark on when or by whom a thing is used, not on what it is: "敏感数据用这个", "备份前常用",
#: "good for logs", "e.g. …". Words that state a rule ("只适合幂等请求") are no remark.
_USAGE_ZH = re.compile(
    r"(?:用|选|就用|就选)(?:这个|这种|它|此)|首选|推荐|建议|常用|一般用|多用于|常见于|比如|例如|譬如"
)
_USAGE_EN = re.compile(
    r"\b(?:use|pick|choose|prefer)\s+(?:this|it|these|them)\b"
    r"|\b(?:good|ideal|best|handy|useful|great|perfect)\s+for\b|\brecommended\b"
    r"|\be\.g\.|\bfor (?:example|instance)\b|\bsuch as\b"
    r"|\b(?:typically|commonly|usually|often)\s+used\b",
    re.I,
)
_CLAUSE = re.compile(r"\s*(?:[，,；;。、]|(?<=\.)\s)\s*")


def usage_remark(text: str) -> bool:
    """Every clause of the text only says when or by whom the thing is used: cut loose from
    the clause that states the fact ("完全不能存，敏感数据用这个" of no-store), it fits any option
    that could be used there too (private), so a cut that leaves only this asks nothing."""
    clauses = [c for c in _CLAUSE.split(text) if c.strip()]
    return bool(clauses) and all(_USAGE_ZH.search(c) or _USAGE_EN.search(c) for c in clauses)
