"""Term -> description facts from list items, paragraphs and "heading + one line" sections.

Shapes: `**Term** – desc`, `Term = desc`, `` `term`: desc``, "Client → **ClientHello**：…",
"A layer is a .zip archive…", "user pool 是Cognito 中的用户库…", and a section whose heading
names a thing and whose body is one short phrase ("## AWS INSPECTOR / a automated…").
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import NamedTuple, Protocol

from lemminflect import getAllLemmas, getLemma

from questions.cues import camel_blended, loose_spelling, spelling
from questions.facts.clause_subjects import opens_with_setting
from questions.headers import asks
from questions.nouns import FILING_WORDS, PROPERTY_HEADS, category, is_misc, is_qualifier
from questions.parse.model import Block, Inline
from questions.service_areas import service_named
from questions.stems import third_person
from questions.text import (
    CJK,
    PICTOGRAPHS,
    STOP_EN,
    TRAILING_ASIDE,
    bound_opening,
    cjk_count,
    cut,
    english_word,
    inside_code,
    is_numbering,
    is_zh,
    norm,
    split_sentences,
    word_count,
)

_SEP = r"(?:\s+[–—-]+\s+|\s*——\s*|\s*=\s+|\s*->\s*|\s*→\s*|\s*:\s+|\s*：\s*)"
_PLAIN_SEP = r"(?:\s+[–—-]+\s+|\s*——\s*|\s*=\s+|\s*:\s+|\s*：\s*)"
_HEAD_SEP = re.compile(
    rf"^(?P<head>(?:[^.;。；:：=–—→>]|\.(?=\w)){{1,48}}?){_PLAIN_SEP}(?P<desc>.+)$"
)
_ENUMERATION = re.compile(r"^[^,，、/]{1,30}([,，、/][^,，、/]{1,30}){2,}$")
_IS_A = re.compile(
    r"^(?:(?:a|an|the)\s+)?(?P<head>[A-Za-z][\w .+/-]{0,40}?)\s+(?:is|are)\s+(?P<desc>(?:a|an|the|one)\s.+)$",
    re.I,
)
_ZH_IS = re.compile(
    r"^(?P<head>[A-Za-z][\w .+/-]{0,30}?)\s*(?:是|即|就是|指的是)\s*(?P<desc>.*[\u4e00-\u9fff].*)$"
)
_ABBREVIATION = re.compile(
    r"^(?P<long>[A-Za-z][A-Za-z -]{5,60}?)\s*(?:简称|缩写为?|abbreviated(?: as)?|aka|short:)\s*(?P<short>[A-Z][A-Za-z0-9]{1,8})\b",
    re.I,
)
_ZH_TAIL = re.compile(
    r"^(?P<head>[A-Za-z][A-Za-z0-9 .+/-]{1,30}?)\s+(?P<desc>[\u4e00-\u9fff].{3,})$"
)
_NOT_TERM_START = re.compile(
    r"^(if|once|when|add|use|set|check|run|note|e\.g|i\.e|see|also|only|every|all|each|"
    r"after|before|then|so|but|and|or|to|for|in|on|it|this|that|there|they|we|you|u|my)\b",
    re.I,
)
#: a language's literal values (`None`, `true`, `nil`): what some setting is set to, never a
#: term of their own ("exceptions returned in the result list" -> `True`: of which setting?)
LITERALS = frozenset({"True", "False", "None", "true", "false", "null", "nil", "NULL",
                       "undefined", "NaN"})  # fmt: skip
_VERB_START = re.compile(r"^(is|are|was|can|uses|lets|makes|provides|adds|handles|gives|\w+s)\b")


@dataclass(frozen=True)
class Definition:
    term: str
    description: str
    verb_phrase: bool = False  # description reads as a predicate ("adds user sign-up…")
    claim: bool = False  # "Client 验证证书链…": what something does, read off a plain sentence
    #: what must hold once the term is used ("…，这时候 Allow-Origin 不能是 *"): not its meaning
    follow_up: str = ""


_OPENER = {'"': '"', "'": "'", "“": "”"}
_CLOSER = {close: open_ for open_, close in _OPENER.items()}


#: a label the writer puts before a line ("【区分】进程是…", "[重点] …"): no part of its term
_LABEL_BEFORE = re.compile(r"^\s*(?:【[^】]{1,8}】|\[[^\]]{1,8}\])\s*(?=\S)")


#: "A Delta table = …": the article before a named kind, no part of its name (an "A record"
#: keeps its letter: one word is left after it)
_NAMED_KIND_ARTICLE = re.compile(r"^An?\s+(?=[A-Z][\w-]*(?:\s+[\w-]+)*\s+[a-z][a-z-]*$)")


def _clean_term(term: str) -> str:
    """The term without the quotes and colons around it; a quote the term closes itself
    (`journalctl --since "1 hour ago"`) is part of it and stays."""
    t = _LABEL_BEFORE.sub("", term).strip().strip(" :：")
    t = _NAMED_KIND_ARTICLE.sub("", t)
    while t:
        first, last = t[0], t[-1]
        if len(t) > 1 and last == _OPENER.get(first) and last not in t[1:-1]:
            t = t[1:-1].strip(" :：")  # a quoted term
        elif first in _OPENER and _OPENER[first] not in t[1:]:
            t = t[1:].strip(" :：")  # a stray opening quote
        elif last in _CLOSER and _CLOSER[last] not in t[:-1]:
            t = t[:-1].strip(" :：")  # a stray closing quote
        else:
            return t
    return t


#: a head that ends in "only": a restriction said of the section's subject
_ONLY_AFTER = re.compile(r"(?i)\s(?:only|alone)$")


#: a worked example's label ("例：3个进程…", "例2：", "例题一："): the line is the example's
#: working, and "例" no name beside the terms of its list (its line keeps the label: a
#: worked example's value is asked as one)
EXAMPLE_HEAD = re.compile(r"例\s*\d{0,2}|例题\s*[一二三四五六七八九十\d]{0,3}")


def _is_term(head: str, block: Marked) -> bool:
    head = head.strip()
    if not head or _NOT_TERM_START.match(head) or head.endswith((",", "，")):
        return False
    if PICTOGRAPHS.match(head):
        return False  # "📜 许可证：…", "⚠️ Gotcha: …": the writer's filing under a picture
    if _ONLY_AFTER.search(head):
        return (
            False  # "Built-in only – no user-defined functions": says of the section, names nothing
        )
    if head.strip("`") in LITERALS:
        return False  # "`True`: exceptions returned …": a value of some setting, no term
    if re.search(r"\bdefault\b|默认", head, re.I) or not re.search(r"[A-Za-z\u4e00-\u9fff]", head):
        return False
    if any(m == _clean_term(head) or m in head for m in block.inline.marked):
        return True
    if remark_label(head):
        return False
    if CJK.search(head):
        return len(head) <= 6 and not re.search(r"[A-Za-z0-9]", head)
    words = head.split()
    if re.search(r"\s(?:is|are|was|were)\s", head):
        return False  # "Conversion is one-way: …": a claim with its reason, not a term
    return len(words) <= 4 and not re.search(r"\d{3,}", head)


_ZH_LABEL = re.compile(
    r"(常见坑|注意|问题|记一下|总结|备注|小结|提示|坑|例子|比如|例如|其他|其它|考点|考题|面试题"
    # an exam question's own kind ("真题型：甲向乙连续发送两个报文段…"): a worked problem, no name
    r"|真题型?|例题|典型题|题型"
    r"|易错点?|踩坑|坑点|注意事项|重点|要点|难点"
    # a blog's or a teacher's marks ("敲黑板：…", "划重点：…", "口诀：…", "例：…"): how loudly a
    # line is said, no name
    r"|敲黑板|划重点|画重点|口诀|记忆口诀|速记|小?技巧"
    # a card's or an interview's labels ("补充：…", "答：…"): how a line is said, not a name
    r"|补充|追问|面试官追问|答|问"
    # a step's connective ("然后：新主执行 …", "最后：…", "首先：…"): when, not what
    r"|首先|其次|然后|接着|之后|随后|最后|最终|另外|此外|同时|所以|因此|但是|不过"
    # the writer's own view ("个人感觉：…", "我的理解: …"): an opinion, no term
    r"|个人(?:感觉|理解|看法|经验|观点|总结)|我的(?:理解|看法|经验)|我觉得|感觉|心得|感想|体会|吐槽"
    # what a line says of its item ("危害: 端口耗尽", "常见误区: …"): an aspect, no term
    r"|(?:常见|主要|典型|潜在)?(?:误区|危害|影响|后果|原因|风险|优点|缺点|优势|劣势|区别|用法|原理|作用"
    r"|场景|使用场景|解决|解决办法|解决方案|处理|处理方法|现象|症状|建议|结论"
    r"|理论基础|理论依据|核心思想|基本思想|思想|前提|配置|流程|步骤|过程|顺序|条件|方式|方法"
    # what a mind map's branch says of its node ("定义：构件 + 连接件 + 约束", "典型：语音识别")
    r"|定义|含义|组成|构成|特点|特征|特性|分类|目的|意义|本质|适用|适用范围|应用|应用场景|典型|示例|举例|代表|局限|不足)"
    # how or in what order a thing is done ("选新主的顺序：…", "扩容的步骤：…"): a topic, no name
    r"|[\u4e00-\u9fff]{1,6}的(?:顺序|流程|步骤|过程|条件|方式|方法|原因|区别|作用)"
    # a kind's name over its members ("变量：**cwnd**、**ssthresh**", "参数：…"): no term itself
    r"|(?:关键|相关|主要|常用|核心)?(?:变量|参数|字段|指标|术语|概念|名词|关键词|配置项)"
    # a condition ending in 了 ("队列满了: …", "挂了: …"): when the line applies, not a name
    r"|[\u4e00-\u9fff]{1,5}了"
    # a place or span ("窗口内：…", "事务期间：…"): where the line applies, not a name
    r"|[\u4e00-\u9fff]{2,6}(?:内|里|以内|之内|期间|之前|之后))"
)
#: what a remark's label calls the remark ("quick fix", "modern alternative", "the usual
#: suspect"): the word says how the line relates to its section, it names no thing ("rule of
#: thumb" by its last word; a "Rule of seven" is a named rule)
_LABEL_NOUNS = frozenset({"alternative", "fix", "suspect", "tip", "note", "gotcha", "caveat",
                          "workaround", "trick", "pitfall", "takeaway", "example", "hint",
                          "reminder", "summary", "warning", "downside", "upside", "drawback",
                          "catch", "trap", "mistake", "lesson", "rule", "verdict", "idea",
                          "recommendation", "advice", "habit", "shortcut", "reason", "q", "question",
                          "ex", "opinion", "thought", "impression",
                          # a cheat sheet's own words for its lines ("visuals cheat:", "Key
                          # stuff:", "tradeoff: more joins on read"): how a line is kept
                          "cheat", "stuff", "tradeoff", "trade-off", "keyword",
                          "thumb"})  # fmt: skip
_LOWER_PHRASE = re.compile(r"[a-z]+(?: [a-z]+){0,4}")


def remark_label(head: str) -> bool:
    """A label for a remark, not a term: "注意", "quick fix", "the usual suspect". Only a plain lower-case phrase can be one; a marked, named or coded term
    ("Quick Sort", `fix`) names a thing."""
    head = head.strip()
    if _ZH_LABEL.fullmatch(head):
        return True
    if not _LOWER_PHRASE.fullmatch(head[:1].lower() + head[1:]):
        return False  # "Tip", "quick fix": only the first letter may be capital
    words = head.lower().split()
    if words in (["me"], ["fyi"], ["nb"]):
        return True  # "**me:** …" beside clipped text: the writer's own aside
    if words[0] in ("the", "a", "an", "my", "our", "your", "one") and len(words) > 1:
        return True  # a noun phrase with its article is a phrase of prose, not a name
    return getLemma(words[-1], upos="NOUN")[0] in _LABEL_NOUNS


#: a rule's adverb or negation: "NEVER in labels", "Don't …", "Always pin …"
_RULE_WORD = re.compile(
    r"^(?i:never|always|don'?t|do\s+not)\b|\b(?:NEVER|ALWAYS|DON'?T|NOT|NO|MUST)\b"
)
#: a description that names its own subject: an explanation ("each retry hits every relay"),
#: not what the label is ("a record that …", "caps how much …")
_CLAUSE = re.compile(
    r"^(?:(?:it|this|that|they|you|we|each|every)\b"
    r"|(?!(?:a|an|the)\b)[\w-]+(?:\s+[\w-]+){0,3}?\s+(?:is|are|was|were|will|can|gets?)\s)",
    re.I,
)
_OBJECT_WORDS = frozenset({"a", "an", "the", "your", "it", "them", "all", "every", "each"})
#: a description that opens as a noun phrase: what the label names ("any host path …")
_ARTICLE = re.compile(r"^(?:a|an|the|one|any|some|every|each|all)\s", re.I)


def advice_label(label: str, desc: str = "") -> bool:
    """A list item's label that is advice or a heading of an explanation, not a term to name:
    an order ("Find culprits", "Check DNS first"), a rule ("NEVER in labels"), or a plain
    phrase whose item explains rather than defines ("Multiplicative effect: each label …").
    An order-shaped label the description defines as a thing ("Build artifacts: the files …")
    stays a term. desc: the item's description, "" when there is none (a label over a list)."""
    words = label.split()
    if not words:
        return False
    if _RULE_WORD.search(label) and not _RULE_WORD.fullmatch(label):
        return True
    if not re.fullmatch(r"[A-Za-z][a-z]+(?:\s+[\w'-]+){1,4}", label):
        return False  # one word, a name, a code span: names a thing
    first = words[0].lower()
    # an order's object: "Find culprits", "Read the queue"; "restart setting", a singular noun
    # bare of an article after a verb, is a noun phrase
    obj = len(words) > 2 or _plural_noun(words[1]) or words[1].lower() in _OBJECT_WORDS
    order = (obj and third_person(f"{first} {' '.join(words[1:])}") is not None) or (
        _base_verb(first) and _only_adverb(words[-1].lower())
    )
    if order and not _ARTICLE.match(desc) and not _plural_noun(desc.split()[0] if desc else ""):
        return True
    plain = re.fullmatch(r"[A-Za-z][a-z'-]*(?:\s+[a-z][a-z'-]*){1,4}", label) is not None
    return plain and bool(desc) and _CLAUSE.match(desc) is not None


#: the top-level parts of a listing: commas, semicolons and 、 outside brackets
_LIST_SEP = re.compile(r"[,;，；、](?![^()（）]*[)）])")


#: a short name with its gloss in brackets: "inside local (private host IP)"
_GLOSSED_NAME = re.compile(r"[\w./-]+(?:\s+[\w./-]+){0,2}\s*[(（][^()（）]+[)）]")


#: the fewest names a singular label heads before it is read as the list's heading
_CODED_LIST = 4
#: the most words of a member a plural label heads, named or not ("data masking")
_SHORT_MEMBER = 3


def list_label(label: str, description: str, code: tuple[str, ...]) -> bool:
    """ "Types: primitive `string`/`number`; …", "Sources: local path, Registry, GitHub, …",
    "Related: `moved {}` (…), `removed {}` (…)": a one-word plural or non-noun label over a
    list of names. It heads the list (what the names are), it is no term the list defines,
    so it is neither asked as one nor offered beside the notes' terms."""
    words = label.split()
    if len(words) != 1 or not re.fullmatch(r"[A-Za-z][a-z]+", label):
        return False
    from lemminflect import getAllLemmas

    word = label.lower()
    lemmas = getAllLemmas(word)
    noun = lemmas.get("NOUN")
    parts = [p.strip() for p in _LIST_SEP.split(description) if p.strip()]
    if len(parts) < 2:
        return False
    coded = sum(1 for p in parts if any(c in p for c in code))
    if (
        noun is not None
        and noun[0] == word
        and not (len(parts) >= _CODED_LIST and coded * 4 >= len(parts) * 3)
    ):
        return False  # a singular noun names a thing: "Immutable" is no noun, "Pod" is one;
        # unless it heads a run of code names ("Core: `Pipeline`, `PCollection`, `ParDo`, …")
    if (
        noun is not None
        and noun[0] != word
        and len(parts) >= 3
        and all(len(p.split()) <= _SHORT_MEMBER for p in parts)
        and sum(map(_says_of, parts)) * 2 < len(parts)
    ):
        return True  # "Methods: encryption, hashing, masking": a plural over short members
    first = parts[0]
    if (
        len(first.split()) >= 3
        and not re.match(r"[A-Z0-9`]", first)
        and not any(c in first for c in code)
        and _GLOSSED_NAME.fullmatch(first) is None
    ):
        return False  # "Predefined: curated by Google per service, e.g. `roles/…`": it says
        # what the term is before it names examples
    named = sum(
        1
        for p in parts
        if any(c in p for c in code)
        or re.match(r"[A-Z0-9`]", p) is not None
        or _GLOSSED_NAME.fullmatch(p) is not None
    )
    enough = len(parts) >= 3 or all(any(c in p for c in code) for p in parts)
    return enough and named * 2 >= len(parts)


#: a short part that says something of the term ("not encrypted", "mounted as files",
#: "base64 encoded"), no member of it
_SAYS_OF = re.compile(r"^(?:not|no|never)\b|^[a-z]+ed\b|\b[a-z]+ed$")


def _says_of(part: str) -> bool:
    return _SAYS_OF.search(part.strip()) is not None


def question_label(label: str, inline: Inline) -> bool:
    """A label that asks ("**为啥快**: …", "**How it works**: …"): a question its item answers,
    not a term, so neither asked as "which term is described" nor offered beside terms. A
    label in code names a command or setting whatever its word (`which`, `when`)."""
    return asks(label) and label not in inline.code


def _plural_noun(word: str) -> bool:
    """ "copies of the primary …": a description that opens naming things defines them."""
    from lemminflect import getAllLemmas

    w = word.lower()
    lemma: str = getAllLemmas(w).get("NOUN", (w,))[0]
    return w.endswith("s") and lemma != w


def _base_verb(word: str) -> bool:
    from lemminflect import getAllLemmas

    lemma: str = getAllLemmas(word).get("VERB", ("",))[0]
    return lemma == word


def _only_adverb(word: str) -> bool:
    """ "first", "later", "sparingly": how or when an order is done, never a noun's head."""
    from lemminflect import getAllLemmas

    lemmas = getAllLemmas(word)
    return "ADV" in lemmas and "VERB" not in lemmas and (word.endswith("ly") or "ADJ" in lemmas)


def _marked_lead(block: Marked) -> Definition | None:
    """`**Term** sep desc`, allowing a short prefix such as "Client → " before the term."""
    text = block.text
    opener = next((m for m in block.inline.marked if text.startswith(m)), "")
    for span in block.inline.marked:
        pos = text.find(span)
        if pos < 0 or pos > 24 or re.search(r"[:：=]|\s[–—-]\s", text[:pos]):
            continue  # "headless service: `clusterIP: None` -> …" defines the words before
        if opener and pos > 0 and not text[len(opener) : pos].strip(" →->"):
            continue  # "`EXPLAIN ANALYZE` **actually executes …** ->": the line's subject opens it
        rest = text[pos + len(span) :]
        m = re.match(
            rf"^\s*(\((?:the )?default[^)]*\)|（默认）)?(?:{_SEP}|\s*(?:是|即|就是|指的是)\s*(?=[\u4e00-\u9fff]))(?P<desc>.+)$",
            rest,
        )
        if m and len(m.group("desc")) >= 3:
            if span not in block.inline.code:  # a command or setting is named by its code
                span = _qualified(text[:pos], span)
            return Definition(_clean_term(span), m.group("desc").strip())
    return None


#: one plain lower-case word right before a marked term ("project **ID**:")
_QUALIFIER = re.compile(r"[a-z][a-z-]+ ")


def _qualified(before: str, span: str) -> str:
    """The marked term with the plain noun written before it ("project **ID**: …" names the
    project ID, not any ID): the term alone loses whose it is once asked out of its list."""
    if not _QUALIFIER.fullmatch(before) or before.strip() in STOP_EN:
        return span
    lemmas = getAllLemmas(before.strip())  # a noun, not an adjective ("plain **VACUUM**")
    return before + span if "NOUN" in lemmas and "ADJ" not in lemmas else span


#: names chained by arrows, three or more: a sequence of stages, not a description
_SEQUENCE = re.compile(r"`?[\w.-]+`?(?:\s*(?:->|→|=>)\s*`?[\w.-]+`?){2,}")


def is_enumeration(desc: str) -> bool:
    """ "Always (default), OnFailure, Never": a list of values, not a description (a list of
    what something holds, "支持的版本、cipher suites、随机数…", is a description)."""
    if _SEQUENCE.fullmatch(desc.strip()):
        return True  # "inactive -> pending -> firing": the stages a label lists, in order
    if _NAME_CHAIN.fullmatch(TRAILING_ASIDE.sub("", desc).strip()):
        return True  # "Management groups → Subscriptions → Resource groups → Resources"
    head = re.split(r"\s+[—–]\s+|[;。]", desc)[0]
    head = re.sub(r"\([^)]*\)", "", head)
    if not _ENUMERATION.match(head.strip()):
        return False
    parts = [p.strip() for p in re.split(r"[,，、/]", head) if p.strip()]
    return all(re.fullmatch(r"`?[A-Za-z@:.*-][\w./:@*-]*`?", p) for p in parts)


_SPACED_SLASH = re.compile(r"\s+/\s+")
#: names of a few words each in a chain of arrows: the levels or stages a label lists
_CHAIN_NAME = r"[A-Za-z0-9`._-]+(?: (?:&|[A-Za-z0-9`._-]+)){0,4}"
_NAME_CHAIN = re.compile(rf"{_CHAIN_NAME}(?:\s*(?:->|→|=>)\s*{_CHAIN_NAME}){{2,}}")


_OPENING = re.compile(r"[A-Za-z]+|\S")


def is_clause_list(desc: str) -> bool:
    """ "3600 秒内至少 1 次写 / 300 秒内 100 次": parallel clauses joined by " / ", each
    opening alike (a number, one word) and saying something of its own: no one description
    of one term ("does not open X / fetch Y" is one, a verb with two objects)."""
    parts = _SPACED_SLASH.split(desc.strip())
    if len(parts) < 2 or any(word_count(p) < 3 for p in parts):
        return False
    openings = {m.group().lower() if (m := _OPENING.match(p)) else "" for p in parts}
    return len(openings) == 1 or all(p[0].isdigit() for p in parts)


#: a sentence that opens with another term and its colon ("TACACS+: TCP, …", "Output:
#: value."): that term's own line, run on after this one's
_ANOTHER_TERM = re.compile(r"^[`*]*[A-Z][\w+./-]{0,20}(?: [\w+./-]{1,20}){0,2}[`*]*\s*[:：]\s+\S")


def first_sentence(desc: str) -> str:
    """The description's first sentence, or first two while they stay short and the second
    is not about a setting of its own ("默认 0，表示不限制。hz 默认 10，…")."""
    parts = split_sentences(desc)
    if (
        len(parts) >= 2
        and len(parts[0]) + len(parts[1]) <= 200
        and not opens_with_setting(parts[1])
        and not _ANOTHER_TERM.match(parts[1])
    ):
        return f"{parts[0]} {parts[1]}".strip()
    return parts[0].strip() if parts else desc


class Marked(Protocol):
    """What reading a definition needs of a block: its text and the spans the author marked."""

    @property
    def text(self) -> str: ...

    @property
    def inline(self) -> Inline: ...


class _Line(NamedTuple):
    text: str
    inline: Inline


#: a description that opens with a bare negated modal, its verb left to the line before
#: ("can keep a secret" / "can't (SPA, mobile)")
_ELLIPTICAL = re.compile(
    r"(?i)(can'?t|cannot|can not|doesn'?t|does not|won'?t|isn'?t|is not|不能|不行|不会)\s*(?:[(（,，;；→-]|$)"
)
#: a description that opens with a label of its own ("重复：…", "原因：…"): the name before
#: it and the label together head the line, which says something of that topic
_LABEL_FIRST = re.compile(r"[\u4e00-\u9fff]{1,4}\s*[：:]")


def _last_of_listed(text: str, term: str, inline: Inline) -> bool:
    """The term closes a list of marked names its description is said of together
    ("every `RUN`, `COPY`, `ADD` -> …"): no one of them is what the description defines."""
    head = text.split(term, 1)[0]
    return bool(re.search(r"[,，、]\s*$", head)) and any(
        m in head for m in inline.marked if m != term
    )


def split_definition(block: Marked) -> Definition | None:
    """The block as a definition, or None when it is not one (nor a list of values)."""
    return _split_cached(block.text, block.inline)


def head_and_description(block: Marked) -> Definition | None:
    """The line read as a head and its description, before any check of what the description
    says (a slash group's meanings, "lost / repeated", read as a list of values)."""
    return _split(block)


#: two names or more and nothing said of them: "CBC, CFB", "GCM, CCM only"
_NAMES_ONLY = re.compile(
    r"`?[A-Z][A-Za-z0-9-]{1,15}`?(?:\s*[,，、/]\s*`?[A-Z][A-Za-z0-9-]{1,15}`?)+(?:\s+only)?"
)
#: a term opening a bracket it does not close: the line is a bracketed remark
_OPEN_BRACKET = re.compile(r"^\s*[(（\[【]")
#: names of one to three words in a row between dashes ("Economic – Social – Legal")
_DASHED_SERIES = re.compile(
    r"[A-Z][\w/&]*(?: [A-Za-z][\w/&]*){0,2}(?:\s+[–—-]\s+[A-Z][\w/&]*(?: [A-Za-z][\w/&]*){0,2})+"
)
#: a word the writer files a line under, no term of its own ("basics:", "typical:")
_LABEL_WORD = re.compile(FILING_WORDS, re.I)
#: a question in prose: a question mark ending a clause, not a code's ("(/.*)?", "@>, ?")
_ASKED = re.compile(r"[A-Za-z\u4e00-\u9fff][?？]+(?:\s|$)")
#: a writer's tag before a term: "(bonus) ", "(new) ", "（选读）"
_LEADING_TAG = re.compile(r"^[(（][^()（）\s]{1,10}[)）]\s*")

#: a name and a remark in brackets of plain lower-case words: "Tuckman (in order)"
_MARKED_ASIDE = re.compile(r"(?P<name>[^()（）]+?)\s*[(（](?:[a-z][a-z' -]*|[\u4e00-\u9fff]+)[)）]")
#: an arrow to what the line ends with
_ARROW_TO = re.compile(r"(?:→|->|=>)\s*")


def _outcome_last(text: str, inline: Inline) -> bool:
    """The line ends by pointing at a marked name ("… → **EFS**", "… → **gp3**（不用上 io1）"):
    what comes before the arrow is the situation that name answers."""
    arrows = list(_ARROW_TO.finditer(text))
    if not arrows:
        return False
    rest = text[arrows[-1].end() :]
    rest = TRAILING_ASIDE.sub("", rest).strip()
    return any(rest == m for m in inline.marked)


@lru_cache(maxsize=65536)
def _split_cached(text: str, inline: Inline) -> Definition | None:
    d = _split(_Line(text, inline))
    if d is None or is_enumeration(d.description) or is_qualifier(d.term):
        return None
    bare = TRAILING_ASIDE.sub("", d.description)
    if is_enumeration(bare) or _NAMES_ONLY.fullmatch(bare):
        return None  # "**no propagation** → OFB, CTR (ECB just that one block)": names listed
    if _LABEL_WORD.fullmatch(d.term.strip(" *`").casefold()):
        return None  # "basics: 128 bits, …", "typical: ISP gives a /48": the writer's filing
    if _ASKED.search(d.description):
        return None  # "RBAC — owners can delete anything even with a lock right?": a question
    tagged = _LEADING_TAG.sub("", d.term)
    if tagged != d.term and tagged.strip():
        d = replace(d, term=tagged)  # "(bonus) Merkle-Hellman knapsack — …": the writer's tag
    aside = _MARKED_ASIDE.fullmatch(d.term.strip())
    if aside and aside.group("name").strip("`* ") in inline.marked:
        # "**Tuckman** (in order): Forming → …": the writer's remark on the line, no part of
        # the name they marked
        d = replace(d, term=aside.group("name").strip())
    if _outcome_last(text, inline) and not any(d.term.strip("`*") == m for m in inline.marked):
        return None  # "Windows 应用要共享存储 + AD 集成 → **FSx for Windows**": a case and its
        # answer, not "Windows" defined
    before = text[: text.find(d.term)].rstrip(" `*")
    other = next((m for m in inline.marked if before[:-1].rstrip(" `*").endswith(m)), None)
    if before.endswith("/") and other and not (other[:1] == "-" and d.term[:1] == "-"):
        # "`newFixedThreadPool` / `newSingleThreadExecutor`：…": said of both ("`-U` /
        # `--upgrade`" is one flag's two spellings)
        return None
    if d.term.strip("`") in LITERALS:
        return None  # "`True`: errors come back …": a value of some setting, no term
    if _flag_label(d.term):
        return None  # "1.1 Definition: an expression of …": the writer's label, no term
    if _WORKED_SUM.search(d.description):
        return None  # "页号：3000 / 1024 = 2（取整）": a quantity worked out, not defined
    if is_numbering(d.term):
        return None  # "**Question 1**: what does …?": a question numbered, no term
    if not d.term.strip(" `*"):
        return None  # "**** — …": marks around nothing name no term
    if _last_of_listed(text, d.term, inline):
        return None  # "every `RUN`, `COPY`, `ADD` -> new layer": said of all three
    if is_clause_list(d.description):
        return None
    if _OPEN_BRACKET.match(d.term) and not re.search(r"[)）\]】]", d.term):
        return None  # "（注：约定的时效期间无效）": a bracketed remark, "（注" no term
    if _DASHED_SERIES.fullmatch(bare.strip()):
        return None  # "Political – Economic – Social – …": PESTLE's words in a row, none defined
    if advice_label(d.term, d.description) or question_label(d.term, inline):
        return None
    if _ELLIPTICAL.match(d.description):
        return None  # "Public: can't (SPA, …)": can't what? The sibling above says it
    if _LABEL_FIRST.match(d.description):
        return None  # "console.log 重复：React 17 会…": the label is "console.log 重复", a topic
    d = _own_clauses(d, text, inline)
    cut = _NEXT_ENTRY.search(d.description)
    if cut is not None:  # "high volume training · CFA (…) — NOT charted": CFA's own entry
        d = replace(d, description=d.description[: cut.start()].rstrip(" ;,"))
    desc = _EXCLAIMED.sub("", first_sentence(d.description))
    main, follow_up = main_clause(desc)
    return Definition(d.term, main, d.verb_phrase, d.claim, follow_up)


#: a separator ("·", "|", "•") before another name and its dash or colon: the next entry
#: of a line that writes several ("Alert — high volume training · CFA — NOT charted", "QRO =
#: increase power · QRS / QRQ = send slower / faster")
_NEXT_ENTRY = re.compile(
    r"\s+[·|•]\s+(?=[^\s·|•:：]{1,30}(?: [^\s·|•:：]{1,30}){0,2}(?: [(（][^()（）]{1,40}[)）])?"
    r"\s*(?:[—–]\s|[:：]\s|=\s))"
)


#: a short exclaimed aside closing a description ("…（照顾网络），别搞混！", ", don't mix these
#: up!"): the writer talking to themselves, no part of what the term is
_EXCLAIMED = re.compile(r"[，,]\s*[^，,。.!！]{1,16}[！!]+\s*$")


#: a clause that goes on to what holds once the first is so ("…，这时候 Allow-Origin 不能是 *",
#: "…; in that case the client must retry"): a side condition, not what the term means ("…,
#: then …" is left: in English it mostly says what comes next, a part of the meaning)
_FOLLOW_UP = re.compile(
    r"\s*(?:[,;，；。]|\s[—–-]\s)\s*(?:这时候?|此时|这种情况下|in that case\b|in which case\b)",
    re.I,
)


def main_clause(desc: str) -> tuple[str, str]:
    """The description split into its main clause and a conditional follow-up ("" if none): the
    term's meaning is the main clause; what must hold once it is so is a fact of its own."""
    m = _FOLLOW_UP.search(desc)
    if m is None or m.start() < 3:
        return desc, ""
    return desc[: m.start()].rstrip(), desc[m.end() :].strip(" ，,").rstrip("。.")


_MULTI_SEP = re.compile(r"\s*(?:\((?:the\s+)?default\)\s*)?(?:=|–|—|->|→|:|：|——)\s*")
#: "·" and "|" join items written on one line ("**Cool** – 30 days · **Cold** – 90 days")
_CLAUSE_START = re.compile(r"(?:^|[,;，；。]\s*|[.:：]\s+|\s[—–·|-]\s)$")


_NEXT_WORD = re.compile(r"\s+(?=(?P<word>[a-z]+s)\b)")
#: how far back a clause's start is looked for: a run of spaces longer than this is none
_CLAUSE_REACH = 40


def _clause_starts(text: str, pos: int) -> bool:
    """A clause starts at `pos`: read on the few characters before it, so a line holding a
    term thousands of times is read in linear time."""
    if pos <= _CLAUSE_REACH:
        return _CLAUSE_START.search(text[:pos]) is not None
    # (the window is never empty, so its "^" alternative matches nothing)
    return _CLAUSE_START.search(text[pos - _CLAUSE_REACH : pos]) is not None


def _verb_after(text: str, at: int) -> re.Match[str] | None:
    """ "`MULTI` starts queueing, `EXEC` runs …": a term that is the subject of its own clause
    is defined by the verb phrase after it (the verb stays in the description)."""
    m = _NEXT_WORD.match(text, at)
    if m is None:
        return None
    word = m.group("word")
    return m if getLemma(word, upos="VERB")[0] != word else None


def multi_definitions(block: Marked) -> list[Definition]:
    """ "`port` = the service's port, `targetPort` = the container port, …": several terms
    defined in one line, each up to the next. Fewer than two -> []."""
    text = block.text
    found: list[tuple[int, str, int, bool]] = []
    starts: list[int] = []  # the found terms' starts, sorted: each is checked in log time
    ends: dict[int, int] = {}
    for span in sorted(set(block.inline.marked), key=len, reverse=True):
        start = 0
        while (pos := text.find(span, start)) >= 0:
            start = pos + 1
            verb = _verb_after(text, pos + len(span))
            sep = _MULTI_SEP.match(text, pos + len(span)) or verb
            if sep is None or not _clause_starts(text, pos):
                continue
            at = bisect.bisect_right(starts, pos) - 1
            if at >= 0 and pos < ends[starts[at]]:
                continue  # inside a longer term found before
            bisect.insort(starts, pos)
            ends[pos] = pos + len(span)
            found.append((pos, span, sep.end(), sep is verb))
    found.sort()
    if len(found) < 2:
        return []
    out: list[Definition] = []
    for i, (_, term, desc_start, by_verb) in enumerate(found):
        end = found[i + 1][0] if i + 1 < len(found) else len(text)
        desc = text[desc_start:end].strip().rstrip(",;，；·|").strip()
        # a description ends with its sentence: "`borrow_mut()` -> `RefMut<T>`. Breaking the
        # rules panics; `try_borrow_mut()` …" says no more of borrow_mut after the stop
        desc = split_sentences(desc)[0].rstrip(".。") if desc else desc
        # ...and before a clause another marked name opens: "`aud` has client_id, `exp` > now"
        desc = _before_named_clause(desc, block.inline.marked, term)
        # ...and before an unmarked next entry: "increase power · QRS / QRQ = send slower"
        cut = _NEXT_ENTRY.search(desc)
        desc = desc[: cut.start()].rstrip(" ;,") if cut is not None else desc
        if len(desc) < 3 or not _is_term(term, block):
            return []
        if _NAMES_ONLY.fullmatch(TRAILING_ASIDE.sub("", desc).rstrip(".")):
            return []  # "**errors propagate** → CBC, CFB. …": labels over the names they fit
        # a code span is the term as written: "`--only-binary :all:`" keeps its last colon
        name = term if term in block.inline.code else _clean_term(term)
        out.append(Definition(name, desc, verb_phrase=by_verb))
    return out


def _before_named_clause(desc: str, marked: tuple[str, ...], term: str) -> str:
    """The description up to a comma after which another marked name opens a clause of its
    own ("has client_id, `exp` > now" says has client_id of `aud`)."""
    cuts = [i for m in marked if m != term and (i := desc.find(f", {m} ")) > 0]
    return desc[: min(cuts)].strip() if cuts else desc


#: where a Chinese line joins one statement to the next
_ZH_JOINS = re.compile(r"\s*[，；、;]\s*")
#: the copula of "A 是 …" as jieba cuts it (never the 是 of 但是, 还是, 是否)
_ZH_COPULA = frozenset({"是", "即", "就是", "指", "指的是"})
#: a word before 是 that makes the clause a claim about its subject, not what it is ("这时候
#: Allow-Origin 不能是 *", "默认也是 …"); or that opens a clause about the one before ("这个是 …")
_NOT_DEFINING = frozenset({"不", "不能", "不会", "可以", "可能", "也", "都", "就", "还", "只",
                           "才", "总", "必须", "应该", "会", "要", "这", "那", "它", "这个", "那个",
                           "这时候", "此时", "默认", "一般", "通常", "所以", "因为", "如果", "而"})  # fmt: skip
_ZH_COLON = re.compile(r"^(?P<head>[^：:]{1,30}?)\s*[：:]\s*(?P<desc>.+)$")


def _clause_definition(clause: str, block: Marked) -> tuple[Definition, str] | None:
    """A clause that defines a term of its own: "软链接是指向路径的特殊文件" (by 是) or
    "`/var`：放会变的数据" (by a colon), with how it joins term and description."""
    m = _ZH_COLON.match(clause)
    if m is not None and inside_code(clause, m.end("head"), block.inline.code):
        return None  # "EXPLAIN 里 `Extra: Using index`": the colon is the code's own
    if m is not None:
        head, desc, joint = m.group("head"), m.group("desc"), "："
    else:
        words = cut(clause)
        at = next((i for i, w in enumerate(words) if w in _ZH_COPULA), -1)
        if at <= 0 or words[at - 1] in _NOT_DEFINING or words[0] in _NOT_DEFINING:
            return None
        pos = 0
        for w in words[:at]:  # where the copula stands: jieba's words skip the spaces
            pos = clause.find(w, pos) + len(w)
        pos = clause.find(words[at], pos)
        head, desc, joint = clause[:pos], clause[pos + len(words[at]) :], "是"
    head, desc = _clean_term(head), desc.strip()
    if not _is_term(head, block) or re.fullmatch(r"[\d.\s%]+", head):
        return None
    if (cjk_count(desc) < 2 and len(desc) < 4) or desc.strip("`") in block.inline.marked:
        return None  # "新命令是 `gcloud storage`" names a thing, it does not define the head
    return Definition(head, desc.rstrip("。.")), joint


def _script(term: str) -> str:
    return "zh" if CJK.search(term) else "latin"


def sentence_definitions(block: Marked) -> list[Definition]:
    """ "Policy = what resources look like. RBAC = what users can do.": a line of sentences
    that each define a term the same way, the terms of one script. Read as one definition, the
    second term would be lost, and with it the first's like option. Fewer than two -> []."""
    said = split_sentences(block.text)
    if len(said) < 2:
        return []
    found: list[Definition] = []
    joints: set[str] = set()
    for sentence in said:
        d = _split_cached(sentence, block.inline)
        joint = _EQUALS.match(sentence, sentence.find(d.term) + len(d.term)) if d else None
        if (d is None or len(d.term.split()) > 4 or joint is None
                or "=" in d.description):  # fmt: skip
            break  # the run of like definitions ends ("ABR = …, ASBR = …" is two in one)
        joints.add(joint.group(0).strip())
        found.append(d)
    if len(joints) > 1:
        return []  # "X = …. Y — …": not one way of defining, so no run of like lines
    terms = [d.term for d in found]
    return found if len(found) >= 2 and len({_script(t) for t in terms}) == 1 else []


#: the sign a sentence definition joins its term with: "Policy = …", "RBAC = …",
#: "Authentication (AuthN) — proving who you are."
_EQUALS = re.compile(r"\s*(?:=|—|–)\s")


def joined_definitions(block: Marked) -> list[Definition]:
    """ "硬链接是同一个 inode 的另一个名字，软链接是指向路径的特殊文件", "X：…；Y：…": two terms of
    one kind each defined in their own clause of one Chinese line. Read as one definition, the
    first term's description would hold the second's. Fewer than two like terms -> []."""
    found = _joined_cached(block.text, block.inline)
    terms = [d.term for d in found]
    # like terms: one script ("HTTP"/"HTTPS", not "Redis 是内存数据库，数据结构是 key-value",
    # whose second clause may be a property of Redis rather than a term of its own)
    return list(found) if len({_script(t) for t in terms}) == 1 else []


def _own_clauses(d: Definition, text: str, inline: Inline) -> Definition:
    """The definition without the clauses that define another term in the same way ("VPC 是全球
    资源，子网是区域资源": VPC is "全球资源"), whether or not the two are read as a pair."""
    found = _joined_cached(text, inline)
    if found and found[0].term == d.term and d.description.startswith(found[0].description):
        return Definition(d.term, found[0].description, d.verb_phrase, d.claim)
    return d


@lru_cache(maxsize=65536)
def _joined_cached(text: str, inline: Inline) -> tuple[Definition, ...]:
    """The clauses of a Chinese line's first sentence that define a term each, joined alike;
    a clause that defines nothing of its own ("5.5 以后是默认引擎") goes on describing the term
    before it. Fewer than two -> ()."""
    text = split_sentences(text)[0] if text else ""
    if not CJK.search(text) or not _ZH_JOINS.search(text):
        return ()
    line = _Line(text, inline)
    found: list[tuple[Definition, str]] = []
    for n, clause in enumerate(c.strip() for c in _ZH_JOINS.split(text) if c.strip()):
        d = _clause_definition(clause, line)
        if d is None and n == 0:
            return ()
        if d is None and _EXCLAIMED.match(f"，{clause}"):
            continue  # "…，别搞混！": the writer's aside, no part of the last term's meaning
        if d is None:
            last, joint = found[-1]
            found[-1] = (Definition(last.term, f"{last.description}，{clause}"), joint)
        else:
            found.append(d)
    terms = [d.term for d, _ in found]
    if (
        len(found) < 2
        or len({j for _, j in found}) > 1
        or len({norm(t) for t in terms}) < len(terms)
    ):
        return ()  # parallel clauses only: one way of joining term and description
    return tuple(d for d, _ in found)


def abbreviation(text: str) -> tuple[str, str] | None:
    """ "Serverless Aplication model 简称 SAM": (long form, abbreviation)."""
    m = _ABBREVIATION.match(text)
    return (m.group("long").strip(), m.group("short")) if m else None


#: what opens the rest of an abbreviation line once the short form is given
_AFTER_SHORT = re.compile(r"^\s*(?:[,，;；:：)）]|[–—-]+\s)?\s*")
#: "Key Management Service (KMS) is …": a long form with its short form in brackets
_BRACKETED = re.compile(
    r"^(?P<long>[A-Z][A-Za-z -]{5,60}?)\s*[(（](?P<short>[A-Z][A-Za-z0-9]{1,8})[)）]"
)


def _short_form(text: str) -> tuple[str, int] | None:
    """The short form an abbreviation line gives and where the line goes on after it: "X 简称
    SAM", "X aka K8s", or "X (KMS)" when the bracket holds the initials of X (not an aside:
    "Storage Gateway (VM)")."""
    m = _ABBREVIATION.match(text)
    if m is not None:
        return m.group("short"), m.end()
    m = _BRACKETED.match(text)
    if m is None:
        return None
    letters = re.sub(r"[^A-Za-z]", "", m.group("short"))
    words = re.findall(r"[A-Za-z][\w-]*", m.group("long"))
    return (m.group("short"), m.end()) if spelling(words, letters) else None


def abbreviated_definition(text: str) -> Definition | None:
    """ "Mail Transfer Agent 简称 MTA，负责转发邮件": the short form is the name the line
    defines, and what follows it is its description ("负责转发邮件"), not "简称 MTA, …". The
    short form naming a thing of its own in the description ("its MTA queue") reads "its
    queue", so the description does not spell its own term."""
    found = _short_form(text)
    if found is None:
        return None
    short, end = found
    rest = _AFTER_SHORT.sub("", text[end:], count=1).strip()
    word = rf"(?<![A-Za-z0-9]){re.escape(short)}(?![A-Za-z0-9])"  # Chinese may touch it
    rest = re.sub(rf"{word}\s+(?=[A-Za-z])", "", rest).strip()
    if not rest or re.search(word, rest):
        return None
    rest = _COPULA.sub("", rest, count=1)  # "K8s is a container orchestrator": what K8s is
    return Definition(short, rest, verb_phrase=bool(_VERB_START.match(rest)))


#: "ACL - Access Control List - allow/deny rules …": an acronym's line that spells it out
#: before it says what the thing is or does
_SPELLED_LEAD = re.compile(
    r"^(?P<long>[A-Z][^-–—:：()]{3,80}?)(?:\s+[-–—:：]|\s*[:：.])\s+(?P<rest>\S.{5,})$"
)
_ACRONYM = re.compile(r"[A-Z][A-Za-z0-9]{1,7}")
#: "CSR – Certificate Signing Request (contains the public key …)": the long form, then what
#: the thing is in brackets
_SPELLED_BRACKET = re.compile(
    r"^(?P<long>[A-Z][^()（）:：]{3,80}?)\s*[(（](?P<rest>[^()（）]{3,})[)）]\.?$"
)


#: a lower-case long form of two or three words before a colon: "capital expenditure: …"
_BLENDED_LEAD = re.compile(r"^(?P<long>[a-z]+(?: [a-z]+){1,2})\s*[:：]\s+(?P<rest>\S.{5,})$")


def without_spelling(d: Definition) -> Definition:
    """The definition without the acronym's spelled-out words: they give the acronym away in
    any question that quotes them ("Security Orchestration, Automation, and Response -
    playbooks" keys SOAR by its initials), and the rest says what the thing is."""
    m = _BLENDED_LEAD.match(d.description)
    if m is not None and camel_blended(d.term, tuple(m.group("long").lower().split())):
        # "capital expenditure: upfront spend …" of CapEx: what the parts are short for
        return Definition(d.term, m.group("rest"), d.verb_phrase, d.claim, d.follow_up)
    m = _SPELLED_LEAD.match(d.description) or _SPELLED_BRACKET.match(d.description)
    if m is None or _ACRONYM.fullmatch(d.term.rstrip("+")) is None:
        return d
    words = re.findall(r"[A-Za-z][\w-]*", m.group("long"))
    letters = re.sub(r"[^A-Za-z]", "", d.term)
    run = spelling(words, letters)
    capitalised = all(w[:1].isupper() for w in words if w.lower() not in ("and", "of", "for"))
    # letters inside a word ("OpenID Connect" is OIDC) when the words are a capitalised name;
    # or all but the first, which the writer left out ("SOAR – Orchestration, Automation &
    # Response (playbooks)")
    loose = (
        capitalised
        and letters.isupper()
        and (loose_spelling(words, letters) or _spelled_whole(words, letters[1:]))
    )
    if not loose and (run is None or len(run.split()) != len(words)):
        return d
    return Definition(d.term, m.group("rest"), d.verb_phrase, d.claim, d.follow_up)


def _spelled_whole(words: list[str], letters: str) -> bool:
    """Every word is one letter of at least two, in order: "Area Network" of SAN's "AN"."""
    run = spelling(words, letters) if len(letters) >= 2 else None
    return run is not None and len(run.split()) == len(words)


_COPULA = re.compile(r"^(?:(?:is|are)\s+(?=\w)|(?:是|即|就是)\s*)", re.I)
#: one or two capitalised words, each followed by spaces: "Amazon DynamoDB "
_SHORT_NAME = re.compile(r"(?:[A-Z][\w-]*\s+){1,2}")
_SPACE = re.compile(r"\s")


def _after_short_name(text: str, term: str) -> bool:
    r"""`re.match(rf"^(?:[A-Z][\w-]*\s+){{1,2}}{re.escape(term)}\s", text)`, without compiling a
    pattern per term (every marked term of the notes is one)."""
    at = text.find(term)
    while at >= 0:
        if _SHORT_NAME.fullmatch(text, 0, at) and _SPACE.match(text, at + len(term)):
            return True
        at = text.find(term, at + 1)
    return False


#: a line opening with a comparison: a threshold and what holds above or below it
_THRESHOLD = re.compile(r"^\s*(?:[<>≤≥]=?|[<>]\s*=)\s*\S")


def _split(block: Marked) -> Definition | None:
    text = block.text
    if _THRESHOLD.match(text):
        return None  # "> 15,000: each occupant must be provided O2": no term "15,000"
    found = _marked_lead(block)
    if found is not None:
        return found
    first = next((m for m in block.inline.marked if text.startswith(m)), "")
    lead = text
    if not first:
        # "Amazon DynamoDB **global tables** provide …": a short name before the marked term
        # (which says what it does; "Type **I** error = …" defines the whole head)
        first = next((m for m in block.inline.strong if _after_short_name(text, m)), "")
        if first:
            lead = text[text.index(first) :]
    if first and not re.search(r"[:=]", first):
        rest = lead[len(first) :].strip()
        words = rest.split()
        at = 1 if words and words[0].endswith("ly") and len(words) > 1 else 0
        verb = words[at] if words else ""  # "actually executes the query"
        if _plain_verb(verb, " ".join(words[at + 1 : at + 2])) or _agrees(first, verb):
            # "**init containers** run one after another, …": the marked subject and its verb
            return Definition(first, first_sentence(rest), verb_phrase=True)
    if first and re.search(r"[:=]", first):
        # "`suspend: true` pauses future runs": the separator is inside the term
        rest = lead[len(first) :].strip()
        if _VERB_START.match(rest) and len(rest.split()) >= 2:
            return Definition(first, rest, verb_phrase=True)
        return None
    m = _HEAD_SEP.match(text)
    if m and inside_code(text, m.end("head"), block.inline.code):
        return None  # "`EXPLAIN` 里 `Extra: Using index`": that colon is the code's own
    if m and _opens_math(m.group("head")):
        head = m.group("head").rstrip()
        if not head.endswith("$") or len(head) < 3:
            return None  # "coefficient of variation $CV = s / \bar{X}$": the formula's own "="
        # "MAD $= \frac{1}{n}…$": the name, then its formula written from the "="
        return Definition(_clean_term(head[:-1]), "$" + m.group("desc").strip())
    if m and _aspect_label(text, m.group("head")):
        return None  # "Cost: FlexRS for batch, …": what the line says of its section's thing
        # ("Cost = reference BW / interface BW" defines OSPF's cost)
    if m and _pairs_of_names(text, m.group("head"), m.group("desc"), block.inline.code):
        return None  # "CloudFormation = AWS only, ARM/Bicep = Azure only": read as one
        # definition, the first name's meaning would hold the second's
    if m and _is_term(m.group("head"), block) and len(m.group("desc")) >= 3:
        return Definition(_clean_term(m.group("head")), m.group("desc").strip())
    m = _IS_A.match(text) or _ZH_IS.match(text)
    if m and _is_term(m.group("head"), block):
        return Definition(_clean_term(m.group("head")), m.group("desc").strip())
    m = _ZH_TAIL.match(text)
    if m and is_zh(m.group("desc")) and _is_term(m.group("head"), block):
        if bound_opening(m.group("desc")):
            return None  # "consumer 端要配 …": the term is "consumer 端", cut mid-phrase
        return Definition(_clean_term(m.group("head")), m.group("desc").strip(), claim=True)
    return None


def _opens_math(head: str) -> bool:
    """The head leaves a TeX formula open ("MAD $", "… $CV "): the separator after it is the
    formula's own."""
    return len(re.findall(r"(?<!\\)\$", head)) % 2 == 1


def _aspect_label(text: str, head: str) -> bool:
    """A one-word property head before a colon ("Cost:", "Limits:", "Pricing:")."""
    word = head.strip().lower()
    return word in _ASPECTS and text[len(head) :].lstrip().startswith((":", "："))


#: one-word labels of what a line tells of a thing: the property heads, and a service's
#: measures ("Capacity: 1 node = 1,000 processing units")
_ASPECTS = PROPERTY_HEADS | {"capacity", "throughput", "latency"}


#: a second "name = …" pair after a comma: "…, ARM/Bicep = Azure only"
_NEXT_PAIR = re.compile(r"[,;]\s+(?P<name>[^\s=,;()`]+(?: [^\s=,;()`]+){0,2}) = ")
#: the most words of a meaning in a line of pairs ("AWS only", "`variable` blocks in the child")
_PAIR_WORDS = 5


def _pairs_of_names(text: str, head: str, desc: str, code: tuple[str, ...]) -> bool:
    """A line of pairs, each name set by "=" to a meaning of a few words: the first meaning is
    one short phrase and the next name is a new one ("ref BW default = 100 Mbps" after
    "reference BW / interface BW" says more of the first; so does a pair after "TTL: …")."""
    if not text[len(head) :].lstrip().startswith("="):
        return False
    m = _NEXT_PAIR.search(desc)
    if m is None or inside_code(desc, m.start(), code):
        return False
    meaning = desc[: m.start()]
    if len(meaning.split()) > _PAIR_WORDS or re.search(r"[,;，；]", meaning):
        return False  # "layer 7, HTTP/HTTPS/gRPC, …, targets = …": traits, one set by "="
    said = {w.casefold() for w in re.findall(r"\w+", f"{head} {meaning}")}
    return not said & {w.casefold() for w in re.findall(r"\w+", m["name"])}


_IS_A_SENTENCE = re.compile(
    r"^(?:A|An)\s+(?P<head>[a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+is\s+(?P<desc>(?:a|an)\s.+)$"
)


def is_a_sentence(block: Block) -> Definition | None:
    """ "… A layer is a .zip archive that contains libraries …": a definition inside prose."""
    for sentence in split_sentences(block.text)[1:]:
        m = _IS_A_SENTENCE.match(sentence)
        if m and len(m.group("desc").split()) >= 4:
            return Definition(m.group("head"), m.group("desc").rstrip("."))
    return None


def subject_sentence(block: Block, heading: str) -> Definition | None:
    """A paragraph that starts with its section's name: "Amazon Cognito adds user sign-up…"."""
    name = re.sub(r"\s*\(.*\)$", "", heading).strip()
    words = name.split()
    if not words or len(words) > 4 or CJK.search(name):
        return None
    text = block.text
    for start in range(len(words)):
        term = " ".join(words[start:])
        m = re.match(
            rf"^((?:Amazon|AWS|The|A|An)\s+)?{re.escape(term)}\s+(?P<desc>.+)$", text, re.I
        )
        if m and _VERB_START.match(m.group("desc")) and len(term) >= 3:
            desc = re.split(r"(?<=[.!?])\s", m.group("desc"))[0]
            return Definition(term, desc, verb_phrase=True)
    return None


#: a label over a point that names no thing ("Definition: an offer is …", "Confirmed: …",
#: "Useful: terraform -help …", "Old way: terraform import …")
_FLAG_WORDS = frozenset(
    {"definition", "definitions", "confirmed", "useful", "handy", "old way", "new way", "bonus"}
)


#: a sum worked out in a description: "3000 / 1024 = 2", "300 × 1024 / 4 = 76800"
_WORKED_SUM = re.compile(r"\d\s*[×x*/÷+−]\s*\d[\d.,]*(?:\s*[×x*/÷+−]\s*\d[\d.,]*)*\s*[=＝]\s*\d")


def _flag_label(term: str) -> bool:
    """A word the writer labels a point with ("Definition:", "Confirmed:"), not what it is
    about. (A shouted word is no such flag: EXPLAIN, RADIUS and CASCADE are terms.)"""
    return term.strip(" *`_:：").lower() in _FLAG_WORDS


def unshout(heading: str) -> str:
    """A heading as the name of what it is about: a shouted word beside an acronym set in
    plain case ("AWS INSPECTOR" -> "AWS Inspector"). The acronym (AWS, SQS: no dictionary
    holds it) stays, and so does a heading of dictionary words alone (`EXPLAIN ANALYZE` is a
    keyword, not a shout)."""
    shouted = re.findall(r"\b[A-Z]{2,}\b", heading)
    if all(english_word(w) for w in shouted):
        return heading

    def plain(m: re.Match[str]) -> str:
        w = m.group(0)
        return w.capitalize() if english_word(w) else w

    return re.sub(r"\b[A-Z]{4,}\b", plain, heading)


def heading_definition(block: Block, heading: str, only_block: bool) -> Definition | None:
    """ "## AWS INSPECTOR" followed by one lower-case phrase: the phrase defines the heading."""
    text = block.text
    if not only_block or not _names_a_thing(heading):
        return None  # "## Misc / sticky sessions keep …" defines nothing called "Misc"
    first = text.split()[0] if text.split() else ""
    starts_plain = first[:1].islower() or first.lower() in ("a", "an", "the")
    if starts_plain and len(text.split()) <= 30 and not CJK.search(text[:1]):
        desc = re.split(r"(?<=[.!?])\s", text)[0]
        return Definition(unshout(heading), desc, verb_phrase=_is_verb(first))
    return None


def aspect_definition(
    block: Block, d: Definition, heading: str, only_block: bool
) -> Definition | None:
    """ "## S3 / optimizing performance - sequential naming for your prefixes": a line whose
    left side is what is done (a gerund phrase), not a name, says that of the thing the
    heading names, so the heading is its term and the whole line its description."""
    words = d.term.split()
    if not only_block or not words or len(words) > 4 or d.term != d.term.lower():
        return None
    first = words[0]
    lemma = getLemma(first, upos="VERB", lemmatize_oov=False)
    if not first.endswith("ing") or not lemma or lemma[0] == first:
        return None  # "default port - 5432", "thing - …": a name, defined as it stands
    if not _names_a_thing(heading):
        return None
    return Definition(unshout(heading), f"{d.term}: {d.description}")


def _names_a_thing(heading: str) -> bool:
    """A heading that is the name of a thing: a noun phrase, maybe followed by its short form
    ("Simple storage service S3", "Key Management Service KMS"), or an AWS service's name
    however long ("AWS Kinesis data FireHose")."""
    if not heading or is_misc(heading):
        return False
    if category(heading) is not None or service_named(heading) is not None:
        return True
    words = heading.split()
    short = len(words) >= 2 and re.fullmatch(r"[A-Z][A-Z0-9]{1,5}", words[-1]) is not None
    return short and category(" ".join(words[:-1])) is not None


_BASE_VERBS = frozenset(
    [
        "can",
        "could",
        "is",
        "are",
        "will",
        "may",
        "must",
        "should",
        "handle",
        "provide",
        "allow",
        "enable",
        "support",
        "store",
        "manage",
        "let",
        "make",
        "give",
        "run",
        "use",
        "keep",
        "send",
        "deliver",
        "encrypt",
        "coordinate",
        "grant",
        "build",
        "create",
    ]
)


def _plain_verb(word: str, after: str = "") -> bool:
    """A word that is a verb here ("runs", "keeps", "run one after another"), not a noun."""
    from lemminflect import getAllLemmas

    w = word.lower()
    if not re.fullmatch(r"[a-z]+", w) or w in ("is", "are", "was", "were", "be", "has", "have"):
        return w in ("is", "are")
    lemmas = getAllLemmas(w)
    if "VERB" not in lemmas or "ADJ" in lemmas:
        return False
    # "run one after another": a noun-or-verb word followed by a determiner or adverb is a verb
    return (
        "NOUN" not in lemmas
        or re.match(
            r"^(one|a|an|the|all|each|every|it|them|only|first|"
            r"before|after|until|in|on|at|next)\b",
            after,
        )
        is not None
    )


def _agrees(subject: str, word: str) -> bool:
    """A word after a singular marked subject that reads as its verb in the third person
    ("**autovacuum** runs vacuum …", "**VACUUM** reclaims …"), though it could be a plural
    noun too; never a word that ends a label ("**VACUUM** options: …")."""
    from lemminflect import getAllLemmas, getInflection

    w = word.lower()
    if not re.fullmatch(r"[a-z]{3,}s", w):
        return False
    last = subject.split()[-1]
    if last.lower().endswith("s") and not last.isupper():
        return False  # "**init containers** runs" is no English; a plural subject is a noun list
    verbs = getAllLemmas(w).get("VERB", ())
    return bool(verbs) and w in getInflection(verbs[0], tag="VBZ")


def _is_verb(word: str) -> bool:
    w = word.lower()
    if w in _BASE_VERBS:
        return True
    lemma = getLemma(w, upos="VERB", lemmatize_oov=False)
    return bool(lemma) and lemma[0] != w and w.endswith("s") and lemma[0] in _BASE_VERBS
