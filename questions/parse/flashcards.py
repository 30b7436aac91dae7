"""Flashcards in notes: "**Q:** … ? **A:** …" and "面试官追问：“…？” 答：…".

Notes kept as flashcards ask a question and answer it in one paragraph (or in two). The labels
are no terms ("Q:" was offered, and keyed, beside `Task` and `Future`) and the question is no
statement ("Q: What does ___ actually do?" was a cloze). So a card keeps only its answer, and
a card's question alone, with no answer in its paragraph, is asked nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from questions.parse.model import Block
from questions.text import CJK, opens_own_topic

#: what opens a card's question (an Anki export's "Front:" too)
_Q_LABEL = r"(?:(?:Q|Question|问|问题)\s*\d{0,3}|Front|正面|面试官追问|面试官问|追问)"
#: what opens its answer: a label, or an arrow after a question that ends with "?"
_A_LABEL = r"(?:(?:A|Answer|Back|答|背面)\s*[:：]|→|->)"
#: an Anki card's front that asks without a question mark ("Front: Generate a Deployment
#: manifest …"), its back perhaps on the same line or empty (the back is a code block)
_FRONT = re.compile(
    r"^\s*(?:Front|正面)\s*[:：]\s*(?P<q>.+?)\s*(?:(?:Back|背面)\s*[:：]\s*(?P<a>.*))?$", re.S
)
#: a question's label: "Q:", "Question 3:", or a number after the Q ("Q1.", "Q12)")
_Q_OPEN = rf"(?:{_Q_LABEL}\s*[:：]|(?:Q|问题?)\s*\d{{1,3}}\s*[.)．、])"
_CARD = re.compile(rf"^\s*{_Q_OPEN}\s*(?P<q>.+?[?？][”\"」]?)\s*{_A_LABEL}\s*(?P<a>\S.*)$", re.S)
_QUESTION = re.compile(rf"^\s*{_Q_OPEN}\s*(?P<q>.+[?？][”\"」]?)\s*$", re.S)
#: an answer alone, or an addendum to the answer before ("补充：…"): the label goes
_ANSWER = re.compile(r"^\s*(?:A|Answer|Back|答|背面|补充)\s*[:：]\s*(?P<a>\S.*)$", re.S)
#: why a card's question alone is asked nothing
QUESTION = "question in the notes"
#: why a card's answer is asked nothing: a reply that means something only with its question
BARE_REPLY = "answer without its question"
#: the reply's first sentence, when the card answers in a few words ("636 (TCP).", "Eradication.")
_BARE_REPLY = re.compile(r"^(?:[^.。!！?？]|\.(?=\S)){1,40}?(?:(?:[.!](?=\s|$)|[。！])\s*|$)")
_REPLY_WORDS = 5
_REPLY_CHARS = 24
_REPLY_CHARS_ZH = 8


def _without_bare_reply(answer: str) -> str:
    """The answer without a reply of a few words to a question asked in words ("Which port does
    LDAPS use? A: 636 (TCP). plain LDAP is 389."): alone, "___ (TCP)" asks nothing. What the
    answer goes on to state stays."""
    m = _BARE_REPLY.match(answer)
    if m is None:
        return answer
    reply = m.group(0).strip()
    if CJK.search(reply):  # Chinese writes no spaces: a few characters are a few words
        bare = len(reply) <= _REPLY_CHARS_ZH
    else:
        bare = len(reply.split()) <= _REPLY_WORDS and len(reply) <= _REPLY_CHARS
    return answer[m.end() :].strip() if bare else answer


def read_cards(blocks: Sequence[Block]) -> list[Block]:
    """The blocks with every card read: a question alone is noise, and the answer in its
    block, or in the block right after it, keeps only the answer."""
    out: list[Block] = []
    asked = ""  # the question of the block before, when it was a card's question alone
    for b in blocks:
        read = flashcard_answer(b, asked)
        asked = ""
        if isinstance(read, str):
            question = _QUESTION.match(b.text) if read == QUESTION else None
            asked = question.group("q") if question else ""
            read = replace(b, noise=read)
        out.append(read)
    return out


def flashcard_answer(block: Block, asked: str = "") -> Block | str:
    """The block with a card's question and labels cut, the answer left (said of the card's
    topic, `asked` when the question stood in the block before); `QUESTION` for a card's
    question alone; any other block as it is."""
    if block.kind not in ("paragraph", "item") or block.noise is not None:
        return block
    text = block.text
    card = _CARD.match(text)
    front = _FRONT.match(text) if card is None else None
    if front is not None and not front.group("a"):
        # a cloze card's front is its statement, the hidden words marked ("{{c1::maxSurge}}
        # defaults to {{c2::25%}}"); any other front without its back asks, or instructs
        hidden = [m for m in block.inline.strong if not _label(m)]
        if front.group("q").rstrip().endswith(("?", "？")) or not hidden:
            return QUESTION
        return replace(block, inline=replace(block.inline, text=front.group("q").strip()))
    if front is not None:
        card = front
    if card is None:
        if _QUESTION.match(text):
            return QUESTION
        card = _ANSWER.match(text)
        if card is None:
            return block
    else:
        asked = card.group("q")
    answer = card.group("a").strip()
    if asked and _ASKING.search(asked):
        rest = _without_bare_reply(answer)
        if not rest or _REPLY_OPENING.match(rest):
            return BARE_REPLY
        if rest != answer and CJK.match(rest) and not opens_own_topic(rest):
            # "答：1 个。挂 2 个之后 ISR 只剩 1，小于 2 …": the reasoning behind a short reply
            # goes on from the question's premise, which no cut of it keeps
            return BARE_REPLY
        answer = rest
    topic = _topic(asked)
    if topic:  # "default GOMAXPROCS? A: the number of …": the answer is said of the topic
        answer = f"{topic}: {answer}"
    inline = block.inline
    kept = replace(
        inline,
        text=answer,
        strong=tuple(s for s in inline.strong if s in answer and not _label(s)),
        code=tuple(c for c in inline.code if c in answer),
    )
    return replace(block, inline=kept)


#: an answer that opens as a reply to its question ("since 3.8, so …", "because …", "It
#: wraps …", "因为…"): alone it says nothing of what it answers
_REPLY_OPENING = re.compile(
    r"(?i)^(?:since|because|as|so|yes|no|it|its|it's|they|this|that|both|neither|due to)\b"
    r"|^(?:因为|由于|是的|不是|不会|会的|它|这)"
)
#: a question that asks in words (not a bare topic with a question mark)
_ASKING = re.compile(
    r"\b(?:what|how|why|when|which|who|whom|where|whose|is|are|was|were|does|do|did|can|could"
    r"|should|will|would|must|may)\b|什么|怎么|为什么|为何|吗|呢|哪|如何|是否|能否|能不能|是不是|多少|几",
    re.I,
)
#: a topic is a short phrase: a few words, or a few Chinese characters
_TOPIC_WORDS = 6


#: a card's question that names its topic before asking ("Native sidecar container — how is it
#: declared?", "CronJob: what does Forbid do?")
_TOPIC_FIRST = re.compile(r"^(?P<topic>[^—–:：?？]{3,40}?)\s*(?:\s[—–-]\s|[:：])\s*\S")


#: a heading that is a card's question: "### Q: Fragment lifecycle", "## Q3. What is …?"
_HEADING_CARD = re.compile(r"^(?:Q|Question|问题?)\s*\d{0,3}\s*[:：.)]\s*(?=\S)")


def heading_topic(heading: str) -> str:
    """A heading that asks as a card does, without its label ("Q: Fragment lifecycle" →
    "Fragment lifecycle"); a question stays a question, which no stem takes as its context."""
    label = _HEADING_CARD.match(heading)
    return heading[label.end() :].strip() if label is not None else heading


def _topic(question: str) -> str:
    """A card's question that only names its topic ("default GOMAXPROCS?", "sdist vs
    wheel?"), without its question mark, or the topic it names before asking in words;
    "" for a question asked in words only."""
    first = _TOPIC_FIRST.match(question.strip())
    if first is not None and _ASKING.search(question[first.end() - 1 :]):
        named = _topic(first.group("topic") + "?")
        if named:
            return named
    bare = question.strip().strip('“”"「」').rstrip("?？").strip()
    if not bare or _ASKING.search(bare) or len(bare.split()) > _TOPIC_WORDS or len(bare) > 40:
        return ""
    if re.search(r"\d", bare):
        return ""  # "PEP 517 vs 518 vs 621?": numbers a cloze of the answer would blank
    return bare


#: a marked span that is a card's label alone
_LABEL = re.compile(rf"\s*(?:{_Q_LABEL}|A|Answer|Back|答|背面|补充)\s*[:：]?\s*")


def _label(marked: str) -> bool:
    """A marked span that is only a card's label ("**Q:**", "**A:**")."""
    return _LABEL.fullmatch(marked) is not None


__all__ = ["QUESTION", "flashcard_answer", "heading_topic", "read_cards"]
