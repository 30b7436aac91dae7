"""Question stems in English and Chinese, one template per way of asking a fact.

Slots are filled from typed fact fields only (a term, a category noun, a quoted description),
never from a heading pasted into a sentence. `lint` rejects what a template can still get wrong.
"""

from __future__ import annotations

import re

from questions.nouns import category as simple_noun
from questions.text import CJK

BLANK = "___"
_DESCRIPTIVE = re.compile(
    r"^(notes?|description|desc|meaning|comment|remarks?|details?|explanation|purpose|usage|"
    r"use|used for|说明|描述|备注|含义|解释|用途|常见用途|作用|特点)$",
    re.I,
)


def display_noun(noun: str) -> str:
    """ "Probe kind" -> "probe kind"; acronyms and CamelCase keep their case."""
    first, *rest = noun.split()
    if re.fullmatch(r"[A-Z][a-z]+", first):
        first = first.lower()
    return " ".join([first, *rest])


def quoted(text: str, lang: str) -> str:
    text = text.strip().rstrip("。.;；,，")
    return f"“{text}”"


def which(noun: str | None, lang: str) -> str:
    if lang == "zh":
        return f"哪个{noun}" if noun else "哪一项"
    return f"Which {display_noun(noun)}" if noun else "Which of these"


def reverse_definition(desc: str, noun: str | None, lang: str, verb: bool) -> str:
    if lang == "zh":
        return f"以下描述的是{which(noun, lang)}？{quoted(desc, lang)}"
    if verb:
        return f"{which(noun, lang)} {desc.rstrip('.;, ')}?"
    return f"{which(noun, lang)} is described here: {quoted(desc, lang)}?"


def forward_definition(term: str, noun: str | None, lang: str) -> str:
    if lang == "zh":
        return f"{term} 指的是哪一项？"
    if noun and noun.casefold() not in term.casefold():
        return f"Which of these describes the {display_noun(noun)} {term}?"
    return f"Which of these describes {term}?"


def default_member(subject: str, lang: str, is_category: bool) -> str:
    if lang == "zh":
        return f"默认的{subject}是哪个？" if is_category else f"{subject} 的默认值是哪个？"
    if is_category:
        return f"Which {display_noun(subject)} is the default?"
    return f"What is the default value of {subject}?"


def default_number(subject: str, lang: str) -> str:
    if lang == "zh":
        return f"{subject} 的默认值是多少？"
    return f"What is the default value of {subject}?"


def cloze(text: str, lang: str) -> str:
    return f"填空：{text}" if lang == "zh" else f"Fill in the blank: {text}"


def _attr_parts(attr: str, lang: str) -> str:
    """One language of a bilingual header ("Idempotent 幂等" -> "幂等" for Chinese)."""
    latin = " ".join(re.findall(r"[A-Za-z][A-Za-z/ -]*[A-Za-z]|[A-Za-z]", attr)).strip()
    zh = "".join(CJK.findall(attr))
    if lang == "zh" and zh:
        return zh
    if lang == "en" and latin and zh:
        return latin
    return attr.strip()


def is_descriptive(attr: str) -> bool:
    return bool(_DESCRIPTIVE.match(_attr_parts(attr, "en").strip()))


def noun_phrase(attr: str) -> bool:
    """ "size limit" is a noun phrase; "reachable from", "encrypted?" are not."""
    words = attr.strip().split()
    if simple_noun(attr) is None or attr.strip().endswith("?") or not words:
        return False
    last = words[-1].lower()
    preps = {"from", "to", "in", "on", "at", "by", "for", "with", "of", "as", "via", "into"}
    return last not in preps and not re.search(r"(ed|able|ible)$", last)


def table_forward(key: str, attr: str, lang: str) -> str:
    a = _attr_parts(attr, lang)
    if lang == "zh":
        return f"{key} 的{a}是什么？"
    if noun_phrase(a):
        return f"What is the {a[0].lower() + a[1:] if a[:1].isupper() and a[1:2].islower() else a} of {key}?"
    return f"For {key}, which is the right “{a.rstrip('?')}”?"


def table_reverse(noun: str | None, attr: str, value: str, lang: str, among: str = "") -> str:
    a = _attr_parts(attr, lang)
    who = f"Which of {among}" if among and lang == "en" else which(noun, lang)
    if lang == "zh":
        who = f"{among} 中哪一个" if among else which(noun, lang)
        if is_descriptive(attr):
            return (
                f"以下描述的是{who.replace('哪', '哪', 1)}？{quoted(value, lang)}"
                if not among
                else f"{who}符合这个描述：{quoted(value, lang)}？"
            )
        return f"{who}的{a}是{quoted(value, lang)}？"
    if is_descriptive(attr):
        return f"{who} is described here: {quoted(value, lang)}?"
    if noun_phrase(a) and len(value) <= 40:
        return f"{who} has the {_lower(a)} {value.strip()}?"
    return f"{who} matches “{a.rstrip('?')}: {value.strip()}”?"


def _lower(word: str) -> str:
    return word[0].lower() + word[1:] if word[:1].isupper() and word[1:2].islower() else word


def table_predicate(noun: str | None, attr: str, lang: str) -> str:
    a = _attr_parts(attr, lang)
    if lang == "zh":
        return f"{which(noun, lang)}是{a}的？"
    return f"{which(noun, lang)} is {a.lower() if a[:1].isupper() and a[1:2].islower() else a}?"


def true_false(statement: str, lang: str) -> str:
    return f"判断正误：{statement}" if lang == "zh" else f"True or false: {statement}"


_LINT = (
    (re.compile(r"\b(can|don|doesn|isn|won|aren|wasn|cannot)'?t't\b|\bnot not\b|不不", re.I), "broken negation"),
    (re.compile(r"\b(\w+) \1\b", re.I), "doubled word"),
    (re.compile(r"\ba an\b|\ban a\b|\ban (?=[bcdfgjklmnpqrstvwxz])|\ba (?=[aeio])", re.I), "wrong article"),
    (re.compile(r"“\s*”|:\s*\?$|\?\s*\?$"), "empty slot"),
)  # fmt: skip


def lint(prompt: str) -> str | None:
    """What a rendered stem still gets wrong, or None."""
    for pattern, reason in _LINT:
        if pattern.search(prompt):
            return reason
    if prompt.count("`") % 2:
        return "unbalanced backticks"
    if prompt.count(BLANK) > 1:
        return "several blanks"
    return None
