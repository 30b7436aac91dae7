"""What a table's column header says, so a stem can be written from it, not pasted.

Headers are not always nouns. People head columns with a clause ("runs where", "fires when",
"supported on Windows?", "是否支持全球分布"), a wh-word ("when", "why"), a use ("when to use",
"适合场景"), a prepositional phrase ("across major versions"), or a word in the other language
of the notes ("上限" over English cells). Each is read here once:

- ``wh_verb``: "runs where" -> ("where", "does", "run", "runs"); "used when" -> ("when", "is",
  "used", "is used"): "Where does before_script run?", "Which keyword runs on the runner?";
- ``yes_no``: a yes/no header as the predicate of "Which X …?": "supported on Windows?" ->
  "is supported on Windows", "secrets available?" -> "has secrets available", "是否支持全球分布"
  -> "支持全球分布";
- ``role``: "reason" (why: an explanation, never a key or a question), "situation" (when to
  use: "Which X fits this case: …?"), "time" / "place" (a bare when / where);
- ``asks``: words that ask ("为啥快", "How it works", "副本多少合适？"): a label so worded is a
  question its item answers, never a term (questions.facts.definitions.question_label);
- ``asked``: a header written as a question of its own ("什么时候回", "丢数据吗？", "When does
  it reply?"): asked about the row ("acks = 0 时，什么时候回？"), never pasted into "X 的 H 是什么？";
- ``translated``: a common header word in the stem's language ("上限" -> "limit" for an English
  stem, "limit" -> "上限" for a Chinese one), or None.
"""

from __future__ import annotations

import re
from functools import lru_cache

from questions.text import CJK

_REASON = re.compile(r"(?i)^(why|reason|reasons|because|rationale|原因|为什么|理由|为啥)$")
_SITUATION = re.compile(
    r"(?i)^(when to use( it)?|use (it )?when|use cases?|good for|best for|ideal for|typical use"
    r"|适合场景|适用场景|使用场景|应用场景|典型场景|场景|何时使用|什么时候用|适用于|适合)$"
)
_TIME = re.compile(r"(?i)^(when|何时|什么时候|时机)$")
_PLACE = re.compile(r"(?i)^(where|在哪|在哪里|在哪儿)$")

#: question words of a Chinese header ("什么时候回", "怎么恢复", "丢几条", "为啥快") and its
#: question mark
_ZH_ASKING = re.compile(r"什么|怎么|怎样|如何|哪|多少|几(?!乎)|啥|谁|吗|[?？]\s*$")
#: an English phrase that opens with a question word ("why fast", "how it works", "what's
#: inside"); a hyphen after it makes a name ("How-to")
_EN_WH = re.compile(r"(?i)^(why|how|what|when|where|which|who|whose)(?=\s|'s\b|$)")
#: a label that asks how in other words: "Ways to raise SLA", "Steps to rotate a key",
#: "Reasons for drift", "Tips on indexing"
_EN_HOW = re.compile(
    r"(?i)^(?:(?:ways|steps|things) to|reasons (?:for|to|why)|tips (?:for|on|to))\s"
)
#: an English header that asks yes or no, with its mark: "Can fail?", "Does it lock?"
_EN_YES_NO_ASKING = re.compile(
    r"(?i)^(can|could|is|are|does|do|will|would|should|must|has|have)\s+[\w -]+\?$"
)
#: an English header that is a question: a wh-word and the auxiliary of a question
_EN_ASKING = re.compile(
    r"(?i)^(what|when|where|why|how|which|who)(\s+(long|much|many|often|far|one))?\s+(is|are|was|were|does|do|did|can|could|will|"
    r"would|should|must|has|have|happens?)\b"
)


@lru_cache(maxsize=1024)
def asked(header: str) -> str | None:
    """A header written as its own question, without its question mark ("什么时候回", "When
    does it reply"), or None. A bare when / why / use header has its role, not this."""
    h = header.strip()
    if role(h):
        return None
    if CJK.search(h):
        return h.rstrip("?？ ") if _ZH_ASKING.search(h) else None
    if _EN_ASKING.match(h) or _EN_YES_NO_ASKING.match(h):
        return h.rstrip("? ")
    return None


def asks(text: str) -> bool:
    """The words ask rather than name: a question word or mark, even bare or without the
    auxiliary of a full question ("为啥快", "副本多少合适？", "Why fast", "How it works"). A
    label worded so is a question its item answers, never a term (unlike `asked`, a bare "why"
    counts: it names nothing either)."""
    t = text.strip().strip(":：").strip()
    if t.endswith(("?", "？")):
        return True
    if CJK.search(t):
        return _ZH_ASKING.search(t) is not None
    return _EN_WH.match(t) is not None or _EN_HOW.match(t) is not None


#: common header words in the other language: a stem in English over "上限" says "limit"
_ZH_EN = {
    "上限": "limit", "下限": "minimum", "最大值": "maximum", "最小值": "minimum",
    "默认值": "default", "默认": "default", "大小": "size", "价格": "price", "费用": "cost",
    "范围": "scope", "层级": "layer", "类型": "type", "协议": "protocol", "端口": "port",
    "版本": "version", "区域": "region", "用途": "use", "作用": "purpose", "说明": "description",
    "描述": "description", "备注": "notes", "特点": "feature", "限制": "limit", "时长": "duration",
    "超时": "timeout", "延迟": "latency", "配额": "quota", "容量": "capacity", "单位": "unit",
    "命令": "command", "名称": "name", "含义": "meaning", "存储": "storage", "计费": "billing",
}  # fmt: skip
_EN_ZH = {
    "limit": "上限", "max": "最大值", "maximum": "最大值", "min": "最小值", "minimum": "最小值",
    "default": "默认值", "size": "大小", "price": "价格", "cost": "费用", "scope": "范围",
    "type": "类型", "protocol": "协议", "port": "端口", "version": "版本", "region": "区域",
    "use": "用途", "purpose": "作用", "description": "说明", "notes": "备注", "note": "备注",
    "timeout": "超时", "latency": "延迟", "quota": "配额", "capacity": "容量", "unit": "单位",
    "command": "命令", "name": "名称", "meaning": "含义", "layer": "层级", "billing": "计费",
    "retention": "保留时间", "ordering": "顺序", "model": "模型", "isolation": "隔离方式",
}  # fmt: skip

#: adjectives that read after a noun in a yes/no header ("secrets available?")
_POSTPOSED = re.compile(
    r"(?i)^(available|enabled|disabled|allowed|required|needed|supported|included|free|possible"
    r"|encrypted|persisted|shared|public|private)$"
)
_ZH_YES_NO = (
    (re.compile(r"^是否(可以|能够|能|会|需要|支持|有|允许|可)?(.+)$"), ""),
    (re.compile(r"^能否(.+)$"), "能"),
    (re.compile(r"^可否(.+)$"), "可以"),
    (re.compile(r"^有没有(.+)$"), "有"),
    (re.compile(r"^(.+?)吗[?？]?$"), ""),
)


def role(header: str) -> str:
    """ "reason", "situation", "time", "place", or "" for any other header."""
    h = header.strip().rstrip("?？:：").strip()
    for name, pattern in (("reason", _REASON), ("situation", _SITUATION), ("time", _TIME),
                          ("place", _PLACE)):  # fmt: skip
        if pattern.match(h):
            return name
    return ""


@lru_cache(maxsize=1024)
def wh_verb(header: str) -> tuple[str, str, str, str] | None:
    """ "runs where" -> ("where", "does", "run", "runs"): its wh-word, the auxiliary and verb
    form of a question ("Where does X run?") and the verb of a statement ("X runs …")."""
    from lemminflect import getAllLemmas

    m = re.fullmatch(r"(?i)([a-z]+)\s+(where|when)\??", header.strip())
    if m is None:
        return None
    word, wh = m.group(1).lower(), m.group(2).lower()
    verbs = getAllLemmas(word).get("VERB", ())
    if not verbs:
        return None
    if word.endswith("ed"):
        return wh, "is", word, f"is {word}"  # "used when": "When is X used?"
    if word.endswith("s") and verbs[0] != word:
        return wh, "does", verbs[0], word  # "runs where": "Where does X run?"
    return None


def yes_no(header: str, lang: str) -> str | None:
    """A yes/no header as the predicate a "Which X …?" stem asks, or None."""
    h = header.strip()
    if CJK.search(h):
        if lang != "zh":
            return None
        for pattern, keep in _ZH_YES_NO:
            m = pattern.match(h.rstrip("?？"))
            if m is not None:
                groups = [g for g in m.groups() if g]
                rest = "".join(groups)
                pred = (keep + rest) if keep else rest
                return pred if 1 <= len(pred) <= 12 else None
        return None
    if lang != "en" or not h.endswith("?"):
        return None
    words = h.rstrip("?").split()
    if not words or not all(re.fullmatch(r"[A-Za-z][\w./-]*", w) for w in words):
        return None
    if words[0].istitle():  # a header's capital starts no word of the stem: "Which X must …"
        words[0] = words[0].lower()
    first, last = words[0].lower(), words[-1].lower()
    from lemminflect import getAllLemmas

    lemmas = getAllLemmas(first)
    if first in ("can", "could", "will", "may", "must", "should"):
        return " ".join(words)  # "can scale to zero?"
    if (first.endswith("ed") and "VERB" in lemmas) or first.endswith(("able", "ible")):
        return f"is {' '.join(words)}"  # "supported on Windows?", "encrypted?"
    if first.endswith("s") and lemmas.get("VERB", (first,))[0] != first and "NOUN" not in lemmas:
        return _predicate(words)  # "requires root?", "Survives region outage?"
    if len(words) >= 2 and _POSTPOSED.match(last):
        return f"has {' '.join(words)}"  # "secrets available?"
    if len(words) >= 2 and _third_person(first, lemmas) and not _state_word(last):
        # "touches real infra?", "needs a restart?", "runs as root?": a noun too ("touches",
        # "runs"), but a question header opening with it and going on asks what a row does;
        # "ports open?" says a state of plural things instead
        return _predicate(words)
    return None


def _predicate(words: list[str]) -> str:
    """The header's words as a predicate after "Which X": a capitalised first word in lower
    case ("Survives region outage?" -> "survives region outage"), an acronym as written."""
    first = words[0].lower() if words[0][1:].islower() else words[0]
    return " ".join([first, *words[1:]])


def _state_word(word: str) -> bool:
    """An adjective or participle a header ends with ("open", "mounted"): what its nouns are."""
    from lemminflect import getAllLemmas

    lemmas = getAllLemmas(word)
    return word.endswith("ed") or ("ADJ" in lemmas and "NOUN" not in lemmas)


def _third_person(word: str, lemmas: dict[str, tuple[str, ...]]) -> bool:
    """The word is a verb's -s form ("touches", "needs"), whatever noun it also is."""
    verb = lemmas.get("VERB", ())
    return word.endswith("s") and bool(verb) and verb[0] != word


def translated(header: str, lang: str) -> str | None:
    """The header in the stem's language when it is a common header word, else None."""
    h = header.strip().rstrip("?？:：").strip()
    if lang == "en" and CJK.search(h):
        return _ZH_EN.get(h)
    if lang == "zh" and not CJK.search(h):
        return _EN_ZH.get(h.lower())
    return None


def foreign(header: str, lang: str) -> bool:
    """The header is in the other language than the stem ("上限" in an English stem, "when
    to use" in a Chinese one)."""
    h = header.strip()
    has_zh = CJK.search(h) is not None
    return has_zh if lang == "en" else (not has_zh and len(h.split()) > 1)


#: headers of a column that explains or values a row, never one that names it
_NOT_A_KEY = re.compile(
    r"(?i)^(notes?|remarks?|comments?|description|desc|meaning|explanation|details?|summary|"
    r"limits?|max(imum)?|min(imum)?|defaults?|default value|size|price|cost|quota|count|"
    r"说明|备注|描述|含义|解释|注意|注意事项|上限|下限|最大值|最小值|默认值|默认|大小|价格|费用|"
    r"配额|数量|限制)$"
)
#: headers of a column that gives each row's own setting value: one row's word is no value of
#: another row ("acks" is never "none", compression.type's default)
_SETTING_VALUE = re.compile(r"(?i)^(defaults?|default values?|values?|默认值|默认|取值|值)$")


def values_a_setting(header: str) -> bool:
    return _SETTING_VALUE.match(header.strip()) is not None


#: headers whose numbers are names (a status code, a port), not amounts
_IDENTIFIER = re.compile(
    r"(?i)\b(code|codes|port|ports|id|status|version|year|cidr)\b|状态码|端口|编号|代码|错误码|版本|年份"
)
_QUANTITY = re.compile(r"^\s*[~≈<>≤≥]?\s*\d[\d,.]*\s*(%|[A-Za-z]+|[\u3400-\u9fff]{1,3})?\s*$")


def never_key(header: str, cells: list[str]) -> bool:
    """A column that cannot name its rows: a remark, an explanation, a limit or a clause
    ("notes", "why", "上限", "runs where", "是否支持…"), or amounts ("15", "60 minutes") under
    a header that does not call them names (codes and ports are names)."""
    h = header.strip().rstrip("?？:：").strip()
    if _NOT_A_KEY.match(h) or role(h) or wh_verb(h) is not None:
        return True
    if yes_no(header, "zh" if CJK.search(h) else "en") is not None:
        return True
    filled = [c for c in cells if c.strip()]
    return bool(filled) and all(_QUANTITY.match(c) for c in filled) and not _IDENTIFIER.search(h)


@lru_cache(maxsize=1024)
def verb_header(header: str) -> tuple[str, str, str] | None:
    """A header that is a verb phrase missing its subject (the row): "Sees" -> ("", "sees",
    "see"), "what it keeps" -> ("", "keeps", "keep"), "Reads see" -> ("reads", "see", "see"):
    "Which layer sees …?", "In which model do reads see …?"."""
    from lemminflect import getAllLemmas

    words = header.strip().rstrip("?:：").split()
    if len(words) == 3 and [w.lower() for w in words[:2]] == ["what", "it"]:
        words = words[2:]
    if len(words) == 1:
        w = words[0].lower()
        lemmas = getAllLemmas(w)
        verbs = lemmas.get("VERB", ())
        if not (w.endswith("s") and verbs and verbs[0] != w):
            return None
        if "NOUN" not in lemmas or w in _HEADER_VERBS:  # "Sees"; not "Notes", "Pods", "Uses"
            return "", w, verbs[0]
        return None
    if len(words) == 2 and all(re.fullmatch(r"[A-Za-z]+", w) for w in words):
        subject, verb = words[0].lower(), words[1].lower()
        nouns = getAllLemmas(subject).get("NOUN", ())
        lemmas = getAllLemmas(verb)
        verbs = lemmas.get("VERB", ())
        plain = verbs and verbs[0] == verb and "NOUN" not in lemmas and "ADJ" not in lemmas
        if nouns and nouns[0] != subject and plain and subject not in _HEADER_VERBS:
            return subject, verb, verb  # "Reads see": a plural subject, a plain verb
    return None


#: verbs that head a column of what each row does ("Keeps", "Returns"), though each is a
#: noun's plural too
_HEADER_VERBS = frozenset({
    "keeps", "returns", "stores", "shows", "supports", "needs", "requires", "blocks", "gets",
    "sends", "runs", "starts", "stops", "deletes", "creates", "handles", "protects", "covers",
    "affects", "changes", "removes", "adds", "checks", "caches", "guarantees", "provides",
    "replaces", "fixes", "breaks", "loses", "survives", "triggers", "retries", "means", "does",
    "matches", "filters", "allows", "denies", "accepts", "rejects", "includes", "excludes",
    "encrypts", "forwards",
})  # fmt: skip


#: a header that tells the reader what to do with the row ("Place it", "Use it"): the verb
_IMPERATIVE_HEADER = re.compile(r"^(?P<verb>[A-Za-z]+) (?:it|them)$", re.I)


def imperative_header(header: str) -> str | None:
    """ "Place it" -> "place": a column of where or how to use each row."""
    from lemminflect import getAllLemmas

    m = _IMPERATIVE_HEADER.match(header.strip().rstrip("?:："))
    if m is None:
        return None
    verb = m.group("verb").lower()
    lemmas = getAllLemmas(verb).get("VERB", ())
    return verb if lemmas and lemmas[0] == verb else None


#: a remarks column's header ("Gotcha", "Notes", "注意")
_REMARK = re.compile(
    r"^(gotchas?|caveats?|pitfalls?|watch out|warnings?|notes?|remarks?|comments?|tips?|"
    r"注意|注意事项|备注|坑|陷阱|提示)$",
    re.I,
)
#: what joins two labels of one header ("备注 / 坑", "Notes & gotchas")
_LABEL_JOIN = re.compile(r"\s*(?:/|、|&|\+|\band\b|和)\s*", re.I)


def header_labels(header: str) -> list[str]:
    """The labels a header joins ("备注 / 坑" -> 备注, 坑), or the header alone."""
    return [p for p in _LABEL_JOIN.split(header.strip().rstrip(":：")) if p] or [header]


def remark_header(header: str) -> bool:
    """A remarks column: "Gotcha", "注意", "备注 / 坑" (each label a remark's)."""
    return all(_REMARK.match(p) is not None for p in header_labels(header))
