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
