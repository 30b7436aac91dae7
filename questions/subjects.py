"""A stem that no longer says what it is about gets its section's name in front.

A cloze of a clipped sentence ("a native code change requires a ___") or a question asked with
the neutral "Which of these …" ("Which of these frees memory in a background thread?") reads
as a riddle once it leaves its notes: which product, which part of it? The session-11 blind
review counted these as its third most common flaw ("lost subject"). The section heading the
fact sits under says it ("Mobile releases", "Deleting keys"), so the stem is asked with that
heading as a label: "Mobile releases — a native code change requires a ___", "Deleting keys:
which of these frees memory in a background thread?", "【前端发布】改动原生代码必须___".

A label is added only where it helps and costs nothing:
- the stem says no name of its own (a product, a setting, a command) and no word of the
  heading already;
- the heading is a name of something, not a grab bag ("Misc", "杂项"), a generic word
  ("Basics", "Notes") or a number;
- the heading names no option: a label never gives the key away ("Layers" over the Layers
  question) nor rules an option out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from questions.cues import pointed_at
from questions.facts.model import Fact
from questions.headers import asked, asks
from questions.nouns import MEMORY_AIDS, is_misc, is_phrase
from questions.text import (
    CJK,
    CJK_RUN,
    DECK_PARTS,
    PICTOGRAPHS,
    STOP_EN,
    TRAILING_ASIDE,
    english_word,
    lemma,
)

#: ways of asking whose stem may lose its subject: a cloze of a sentence, a term asked by a
#: description with no category noun
LABELLED_STYLES = frozenset({"cloze", "reverse", "predicate"})
#: ways of asking a term's description by the term: a nested item's term is read under its parent
DESCRIBED_STYLES = frozenset({"forward", "meaning"})
_NEUTRAL_EN = "Which of these"
_NEUTRAL_ZH = "哪一项"
_CLOZE_EN = "Fill in the blank: "
_CLOZE_ZH = "填空："
#: the stems that ask a parameter's value by its name
_VALUE_EN = ("What is the default value of ", "What value do the notes give for ")
#: headings that name no thing: a grab bag, an introduction, the notes themselves
_GENERIC = re.compile(
    r"^(notes?|basics?|overview|intro(duction)?|summary|general|misc\w*|other\w*|terms?|"
    r"glossary|definitions?|concepts?|key points?|tips?|cheats?( ?sheet)?|faq|details?|"
    # how the notes are kept, not what they are about ("GOTCHAS", "Flashcards")
    r"flash ?cards?|cards?|gotchas?|pitfalls?|caveats?|traps?|q ?& ?a|recap|"
    rf"{MEMORY_AIDS}|"
    r"(?:key |important )?numbers(?: to (?:remember|know))?|things to (?:remember|know)|"
    r"must[- ]knows?|memori[sz]e(?: (?:these|this|list))?|cram(?: ?sheet)?|必背|要记的数字|(?:常用|常见|关键|重要|必记)?数字|记住|"
    r"基础|基本概念|概念|概述|简介|总结|笔记|其他|其它|杂项|要点|术语|易错点?|常见问题)$",
    re.I,
)
_MAX_LABEL = 40
#: a name in an English text: CamelCase, ALL CAPS, snake_case, dotted, a flag or a number
#: glued to letters ("SIGKILL", "maxmemory_policy", "HTTP/2", "`x`")
_NAME = re.compile(
    r"`|\b[A-Z]{2,}\b|\b[a-z]+[A-Z]\w*|\b\w+[_./=]\w+|\b[A-Za-z]+\d\w*|(?<=\s)-{1,2}[A-Za-z]"
    r"|(?<=[a-z,;] )[A-Z][a-z]+"
)


def label(fact: Fact) -> str:
    """The section heading a stem may be labelled with, or "" when it names nothing."""
    path = [_clean(p) for p in fact.section.path]
    path = [p for p in path if p]
    if not path:
        return ""
    leaf = path[-1]
    if _generic(leaf) and len(path) >= 3:
        leaf = path[-2]  # a grab bag's parent section, never the notes' title
    if _generic(leaf) or is_phrase(leaf) or len(leaf) > _MAX_LABEL:
        return ""  # "For full capacity" says what for, not what
    if leaf.endswith(("?", "？")):
        if _really_asks(leaf):
            return ""  # "为什么单线程还这么快？" asks; it names nothing a stem is about
        leaf = leaf.rstrip("?？ ")  # "HashMap 底层结构？" is a topic said as a question
    if not CJK.search(leaf) and len(leaf.split()) > 5:
        return ""
    return leaf


def _really_asks(heading: str) -> bool:
    """A heading that asks with its words, not only with its question mark ("为什么…？", "How
    does X work?", "Is X stateful?"); "HashMap 底层结构？" is a topic said as a question."""
    bare = heading.rstrip("?？ ")
    return asks(bare) or (not CJK.search(heading) and asked(heading) is not None)


def _parent(fact: Fact, options: Sequence[str]) -> str:
    """The parent item's term a nested item sits under ("lifecycle" over `prevent_destroy`):
    closer than the section, when it is a short name that tells no option apart."""
    context = fact.context.strip(" :：")
    if not context or len(context) > 30 or len(context.split()) > 3:
        return ""
    if re.search(r"[.!?。！？，,;；]", context) or _named(context, options):
        return ""
    return context


#: a section of lines about unlike things ("杂项", "Misc", "Odds and ends"); "Tips" under
#: "Backups" are still about backups
_GRAB_BAG = re.compile(
    r"(?i)(?:misc\.?|miscellaneous|others?|odds (?:and|&) ends|random|leftovers?|grab[ -]?bag"
    r"|其他|其它|其余|杂记|杂项|零碎)(?:\s*(?:stuff|notes?|bits))?"
)


def topic_of(fact: Fact, title: str) -> str:
    """The section heading, with its parent when the heading alone says little; a heading
    that only numbers its part of the notes ("Card 4", "Q7") names no topic."""
    path = tuple(plain_heading(p) for p in fact.section.path if unnumbered(p))
    if not path or _GRAB_BAG.fullmatch(path[-1]):
        # a grab bag's lines are not about the heading it was put under ("杂项" at the end of a
        # CodeDeploy section holds CloudWatch, SQS and Lambda lines): the notes' own name
        return (title or "Notes")[:80]
    leaf = path[-1]
    if len(path) > 1 and (
        fact.section.bold
        or len(leaf) < 4
        or leaf.split()[0].lower() in {"for", "how", "using"}
        # "Encryption" under "Amazon S3" and again under "Amazon EBS": a plain heading under a
        # named one says whose it is only with it (session 40's review of S3/EBS notes)
        or (not _NAME.search(f" {leaf}") and _NAME.search(f" {path[-2]}") is not None)
    ):
        return f"{path[-2]} › {leaf}"[:80]
    return leaf[:80]


def _on_card(heading: str, fact: Fact) -> bool:
    """The label is the question's topic, which the card shows right above the stem ("Question
    3/10 · Storage internals"): said again in the stem it reads as a heading pasted in."""
    return bool(heading) and heading.casefold() in topic_of(fact, "").casefold()


#: a writer's tag or mark in a Chinese heading ("民法典【重点中的重点】", "★"): no words of the
#: label, and a 【】 inside the label's own 【】 reads as garbled
_ZH_TAG = re.compile(r"【[^【】]*】|[★☆]+")


def _untagged(heading: str) -> str:
    return _ZH_TAG.sub("", heading).strip()


def _under_parent(prompt: str, fact: Fact, options: Sequence[str], lang: str) -> str:
    """ "Which description fits ID?" of an item nested under "Projects": the parent item's
    term in front ("Projects: which description fits ID?"), unless the term says it already
    ("project ID")."""
    parent = _parent(fact, options)
    if not parent or _shares_word(fact.subject, parent) or parent.casefold() in prompt.casefold():
        return prompt
    if lang == "zh":
        return f"【{_untagged(parent)}】{prompt}"
    return f"{parent}: {prompt[0].lower()}{prompt[1:]}"


def names_nothing(label: str) -> bool:
    """A heading or a lead-in that names no thing a stem could be about: a grab bag, a study
    label ("常用数字：", "Key numbers:")."""
    cleaned = _clean(label)
    return not cleaned or _generic(cleaned)


def _generic(heading: str) -> bool:
    """A grab bag or a heading whose last word names no thing ("Cloud glossary", "Git tips")."""
    last = heading.split()[-1] if heading.split() else heading
    return is_misc(heading) or bool(_GENERIC.match(heading) or _GENERIC.match(last))


#: compiled once: every question's heading is cleaned
_NUMBERING = re.compile(
    r"^\s*(?:\d+(\.\d+)*[.)]?\s+(?:[–—-]\s+)?|[一二三四五六七八九十]+\s*[、.．]\s*|[(（][一二三四五六七八九十\d]+[)）]\s*"
    r"|(?i:q|question|问题?|题)\s*\d{1,3}\s*[.:：、)）]\s*"  # "Q4. 讲讲 GMP 调度模型", "02 – Storage"
    # a deck's or a course's own numbering: "Slide 6: Compute Engine", "Card 24", "Lecture 3 –"
    rf"|(?i:{DECK_PARTS})\s*\d{{1,3}}\b\s*[.:：、)）–—-]?\s*)"
)


def unnumbered(heading: str) -> str:
    """The heading without its section or question number ("2. Core workflow", "二、数据类型",
    "Q4. 讲讲 GMP 调度模型")."""
    return _NUMBERING.sub("", heading).strip()


def plain_heading(heading: str) -> str:
    """The heading as a card shows it: without its number, pictographs and trailing aside ("4.
    API server hardening (/etc/kubernetes/…)" -> "API server hardening"), or as written when
    nothing else is left."""
    return _clean(heading) or heading.strip()


#: pictographs and marks a heading is decorated with ("MEMORIZE 🧠", "易混点 ❗", "⭐⭐⭐")
def _clean(heading: str) -> str:
    text = unnumbered(heading)  # "2. HTTP methods"
    text = PICTOGRAPHS.sub("", text).strip()  # "MEMORIZE 🧠": the word, not its picture
    text = TRAILING_ASIDE.sub("", text)  # "TLS handshake (TLS 1.3)"
    return text.strip(" *`#:：")


def _has_subject(text: str, heading: str) -> bool:
    """The text names something of its own, or says a word of the heading already; an aside
    in brackets ("(AccuracySec)") is no subject."""
    text = re.sub(r"[(（][^()（）]*[)）]", " ", text)
    if CJK.search(text):
        latin = re.findall(r"[A-Za-z][\w./-]*", text)
        if any(not (w.islower() and english_word(w)) for w in latin):
            return True  # a name: Nginx, SIGKILL, max-age
        runs = CJK_RUN.findall(heading)
        pairs = {r[i : i + 2] for r in runs for i in range(len(r) - 1)} | {
            r for r in runs if len(r) == 1
        }
        if any(p in text for p in pairs):
            return True
        return _shares_word(text, heading)
    if _NAME.search(text):
        return True
    return _shares_word(text, heading)


def _words(text: str) -> set[str]:
    found = {w.lower() for w in re.findall(r"[A-Za-z]{3,}", text)}
    return {lemma(w) for w in found - STOP_EN}


def _shares_word(text: str, heading: str) -> bool:
    mine, theirs = _words(text), _words(heading)
    return bool(mine & theirs) or any(a[:5] == b[:5] for a in mine for b in theirs if len(a) >= 5)


def _named(heading: str, options: Sequence[str]) -> bool:
    """The heading points at some options and not others ("Deleting keys" at DEL); a word of
    every option ("DBCC 命令" over DBCC commands) points at none."""
    if any(o.casefold() in heading.casefold() for o in options):
        return True
    return pointed_at(heading, options)


def _plain_word(subject: str) -> bool:
    """A parameter named by one plain English word ("completions", "copies"), which says
    nothing of what it belongs to (a Job's completions, a Lambda's "Timeout" under "Limits");
    "restart limit burst" says enough."""
    if not subject.isalpha():
        return False
    # a capitalised word is a label ("Timeout:"); a lower-case one may be a setting's name
    # ("maxmemory"), plain only when a dictionary holds it
    return subject.istitle() or (subject.islower() and english_word(subject))


#: a line opening with a name and a dash: an entry naming its own subject
_ENTRY = re.compile(r"^[^—–:]{2,60}\s[—–]\s")


def with_label(prompt: str, fact: Fact, style: str, options: Sequence[str], lang: str) -> str:
    """The prompt with its section's name in front when it has lost its subject, else as is."""
    zh = lang == "zh"
    if style in DESCRIBED_STYLES:
        return _under_parent(prompt, fact, options, lang)
    if style == "value" and not zh and _plain_word(fact.subject) and prompt.startswith(_VALUE_EN):
        heading = label(fact)  # "What is the default value of completions?": of what?
        if _on_card(heading, fact):
            return prompt
        if heading and not _shares_word(fact.subject, heading) and not _named(heading, options):
            return f"{heading}: {prompt[0].lower()}{prompt[1:]}"
        return prompt
    if style not in LABELLED_STYLES:
        return prompt
    if style == "cloze":
        template = _CLOZE_ZH if zh else _CLOZE_EN
        if not prompt.startswith(template):
            return prompt
        body = prompt[len(template) :]
    elif prompt.startswith(_NEUTRAL_EN) or (zh and _NEUTRAL_ZH in prompt):
        template, body = "", prompt
    else:
        return prompt  # asked by a category noun: the noun is the subject
    said = re.sub(r"^(Which of these|以下描述的是哪一项？|以下哪一项是)", "", body)
    heading = _parent(fact, options)
    if not heading or heading.casefold() in said.casefold():
        heading = label(fact)  # the stem says its parent item already: its section, then
    if not heading or _has_subject(said.replace("___", " "), heading):
        return prompt
    if _on_card(heading, fact):
        return prompt
    if fact.block.section.bold and _ENTRY.match(said) and said.startswith(fact.block.inline.marked):
        return prompt  # "**Alteplase (tPA)** — …" under "**Warfarin**": a card of its own
    if _named(heading, options):
        return prompt  # the label would point at an option
    if zh:  # (a heading that is only a tag, "【重点】", labels nothing)
        label_words = _untagged(heading)
        return f"{template}【{label_words}】{body}" if label_words else prompt
    if style == "cloze":
        return f"{template}{heading} — {body}"  # the sentence keeps its own capital
    body = body[0].lower() + body[1:]  # the template's "Which"
    return f"{heading} — {body}" if ":" in body else f"{heading}: {body}"
