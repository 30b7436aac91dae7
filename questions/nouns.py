"""Category nouns for stems: "Which Service type…", "Which deployment policy…".

A noun is taken from a list's lead-in, a table's key header or a section heading, singularised
with lemminflect, and used only when it is one simple noun phrase; otherwise the stem falls
back to "Which of these…". Acronyms and CamelCase words keep their case (ConfigMaps -> ConfigMap).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from lemminflect import getLemma

from questions.text import CJK, english_word, is_zh

_SEVERAL_HEADS = re.compile(r"&|/|\+|,|\b(and|or|vs\.?|versus)\b|[和与及、]|对比|比较", re.I)
_QUANTIFIERS = re.compile(
    r"^(the|a|an|some|all|two|three|four|five|six|several|many|main|common|key|important|"
    r"useful|typical|basic|\d+)\s+",
    re.I,
)
_NOT_A_CATEGORY = re.compile(
    r"^(notes?|misc|miscellaneous|other|others|summary|overview|intro|introduction|basics?|"
    r"defaults?|cheats?|tips?|details?|examples?|usage|todo|faq|stuff|things?|misc\.?|"
    r"杂项|其他|总结|笔记|备注|概述|简介|补充|补充细节|细节|补充说明|说明)$",
    re.I,
)
#: words a writer files a line under ("basics:", "cheat:", "tip:", "注意："): no term, no claim
FILING_WORDS = (
    r"(?:basics?|typical(?:ly)?|general(?:ly)?|usually|common|overview|summary|misc|notes?|tips?|"
    r"tl;?dr|recap|examples?|e\.g\.?|fyi|nb|remember|reminder|important|key points?|cheat|memo|"
    r"mnemonic|purpose|goal|aim|asides?|worked|口诀|记忆|提示|注意|目的)"
)
#: the head nouns of a property's name: what a line says of something, not a thing
PROPERTY_HEADS = frozenset(
    {"size", "sizes", "length", "lengths", "limit", "limits", "default", "defaults", "routing",
     "pricing", "price", "prices", "cost", "costs", "quota", "quotas", "naming", "syntax",
     "format", "behavior", "behaviour", "tips", "caveats", "gotchas", "billing", "overview",
     "basics", "summary"}
)  # fmt: skip
#: labels for a memory aid: how the writer remembers the lines around it, no thing of them
MEMORY_AIDS = r"口诀|记忆法|助记|顺口溜|速记|mnemonics?|memory aids?|tl;?dr"
_PHRASE_START = re.compile(r"^(for|how|what|why|when|where|which|using|use|with|about|to)\b", re.I)
#: a word that opens a prepositional phrase: what follows it is what the words before are about
_PREPOSITION = re.compile(
    r"^(on|of|about|in|at|by|for|from|into|over|under|regarding|per|to|with|without)$", re.I
)
_GENERIC_HEADERS = re.compile(
    r"^(type|types|name|names|kind|kinds|level|levels|mode|modes|code|codes|value|values|key|"
    r"option|options|item|items|class|classes|category|类型|名称|名字|种类|级别|模式)$",
    re.I,
)


def is_phrase(text: str) -> bool:
    """ "For full capacity", "How to roll back": a heading that says what for, not what."""
    return _PHRASE_START.match(text.strip()) is not None


#: a catch-all heading or label: English words up to a word's end, Chinese ones as the start
#: of the phrase (a \b never falls between two ideographs: "其它零碎")
_CATCH_ALL = re.compile(
    r"^(?:(?:misc|miscellaneous|other|others|odds\s+(?:and|&)\s+ends|random|notes?|tips|"
    r"leftovers?|grab[\s-]?bag)\b|其他|其它|其余|杂记)|杂项|零碎"
    # a list of pitfalls gathers mistakes about unlike things (localhost, CMD, a volume)
    r"|\b(?:gotchas|pitfalls|common mistakes|traps)\b|易错|踩坑|坑",
    re.I,
)


def is_misc(heading: str) -> bool:
    """A catch-all heading or label ("杂项", "其它零碎", "Misc CLI", "Odds and ends"): it names
    no category, and the things under it are unlike, no peers of one another."""
    return _CATCH_ALL.search(heading.strip(" \t*_`#:：")) is not None


_CAPS_PLURAL = re.compile(r"[A-Z][A-Za-z0-9]*[A-Z][a-z0-9]*s|[A-Z]{2,}s")
_LETTERS = re.compile(r"[A-Za-z]+")


@lru_cache(maxsize=4096)
def singular_word(word: str) -> str:
    """One word singularised; acronyms and CamelCase lose only a trailing s."""
    if _CAPS_PLURAL.fullmatch(word):
        return word[:-1]
    head, dash, last = word.rpartition("-")
    if dash and head and _LETTERS.fullmatch(last) and not last.isupper():
        one = singular_word(last)
        if one == last and re.fullmatch(r"[a-z]+[^s]s", last):
            one = last[:-1]  # "ins" of "built-ins", "ons" of "add-ons": no word of their own
        return f"{head}-{one}"
    if not _LETTERS.fullmatch(word) or word.isupper():
        return word
    lemma = getLemma(word.lower(), upos="NOUN", lemmatize_oov=False)
    if not lemma:
        return word
    out = str(lemma[0])
    return out[0].upper() + out[1:] if word[0].isupper() else out


#: a Chinese lead-in that ends by pointing at what follows ("记住这几条", "注意以下几点")
_ZH_POINTING_END = re.compile(
    r"(?:这|那|以下|如下|下面)(?:几|些)?[一二两三四五六七八九十]?[条点个种项类]?$"
)


#: a pin or a star the writer marks a line with ("📌 行为型（11种）"): no word of its name
_MARKS_BEFORE = re.compile(r"^[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\ufe0f\s]+")


def category(phrase: str) -> str | None:
    """A singular category noun phrase, or None when the phrase is not one simple noun."""
    text = re.sub(r"\s*[(（].*$", "", phrase).strip(" :：-—*`#")
    text = re.sub(r"^\d+[.)]\s*", "", _MARKS_BEFORE.sub("", text))
    if not text or _SEVERAL_HEADS.search(text) or is_phrase(text) or is_misc(text):
        return None
    if CJK.search(text):
        if re.match(r"^(按|根据|用|在|对|把|从|被|为|当|如果|常见|常用|其他|一些)", text):
            return None  # "按第一位分类": how something is classified, not a noun
        if _ZH_POINTING_END.search(text):
            return None  # "规则记住这几条": a sentence pointing at the items, not their kind
        if _NOT_A_CATEGORY.match(text):
            return None  # "补充细节：", "备注": the writer's filing, no kind of thing
        return text if is_zh(text) and len(text) <= 8 and not re.search(r"[A-Za-z]", text) else None
    words = text.split()
    if len(words) >= 2 and all(w.isupper() and len(w) >= 3 and english_word(w) for w in words):
        words = [w.lower() for w in words]  # "NETWORK CABLES": shouted, a network cable
    while words and _QUANTIFIERS.match(words[0] + " "):
        words = words[1:]
    if not 1 <= len(words) <= 3 or _NOT_A_CATEGORY.match(" ".join(words)):
        return None
    if any(_PREPOSITION.match(w) for w in words):
        return None  # "on encodings", "tips for queues": not one noun phrase
    if _NOT_A_CATEGORY.match(words[-1]):
        return None  # "Undoing things", "Git tips": no kind of thing is named
    if len(words) >= 2 and re.fullmatch(r"[A-Za-z]{3,}ing", words[0]) and words[0][0].isupper():
        return None  # "Managing branches", "Undoing commits": an activity, not a category
    if not all(re.fullmatch(r"[A-Za-z][A-Za-z0-9._-]*", w) for w in words):
        return None
    head = singular_word(words[-1])
    return " ".join([*words[:-1], head])


#: a whole made of parts ("三态模型", "七层体系", "分层架构"): its lines are its parts
_ZH_WHOLE = re.compile(r"(?:模型|体系|架构|结构|框架|流程|过程|原理|机制)$")


#: a lead naming several kinds ("页式 vs 段式 vs 段页式") or a pipeline's stages ("连接器 → 分析器 →
#: … → 存储引擎"): none of them is the kind of the lines under it
_ZH_NO_KIND = re.compile(r"\bvs\.?\s|对比|比较|→|->|=>", re.I)


def zh_lead_category(lead: str) -> str | None:
    """ "`Cache-Control` 常用指令：" -> 指令, "服务器要回的响应头：" -> 响应头."""
    text = lead.strip().rstrip(":：").strip()
    if not text or not CJK.search(text[-1]) or _ZH_NO_KIND.search(text):
        return None
    tail = re.split(r"的|常用|常见|主要|几种|种|个|些|[A-Za-z0-9`\s]", text)[-1]
    if _ZH_WHOLE.search(tail):
        return None  # "进程的三态模型": a whole its lines are parts of, no kind of them
    return tail if 2 <= len(tail) <= 4 and category(tail) == tail else None


def lead_category(lead: str) -> str | None:
    """The category a list's lead-in names: "two built-in strategies (...), each…:" -> strategy.

    Only a plural head counts: a lead-in is a category when it names many of something.
    """
    if is_misc(lead):
        return None  # "Odds and ends:", "其它零碎：": no kind of thing is named
    if CJK.search(lead):
        return zh_lead_category(lead)
    labelled = re.search(r":\s+(\S.*)$", lead.rstrip(" :："))
    if labelled is not None:
        # "last section: management tools" names them; "Teaching: K+-rich foods (bananas, …);
        # report cramps" is a card's line, saying its own thing
        if re.search(r"[(（;；,，.]", labelled.group(1)):
            return None
        lead = labelled.group(1)
    text = re.sub(r"\s*[(（].*$", "", lead.split(",")[0]).strip(" :：")
    words = text.split()
    if not words or len(words) > 4 or not re.fullmatch(r"[A-Za-z-]+s", words[-1]):
        return None
    if len(words) >= 2 and _PREPOSITION.match(words[-2]):
        return None  # "Notes on encodings:": remarks about encodings, not a list of them
    if len(words) >= 2 and words[-1].lower() in PROPERTY_HEADS:
        return None  # "Hash output sizes:": what its items give, not what they are
    found = category(" ".join(words[-2:]) if len(words) >= 2 else words[-1])
    if found is None or found == " ".join(words[-2:]):
        return category(words[-1]) if singular_word(words[-1]) != words[-1] else None
    return found


def key_noun(header: str, heading: str) -> str | None:
    """The noun for a table's key column: "Type" under "Services" -> "Service type"."""
    own = category(header)
    if own is None:
        return None
    if _GENERIC_HEADERS.match(header.strip()):
        base = category(heading)
        if base and len(base.split()) <= 2 and not CJK.search(base):
            if CJK.search(own) and not re.search(r"[a-z]", base):
                return None  # "名称" under "OSPF": a protocol's name is no kind ("哪个 OSPF")
            if base.split()[-1].lower() == own.lower() or CJK.search(own):
                # "Mode" under "Link modes": a link mode, not a "link mode mode"; "类型"
                # under "Volume types" says it in Chinese: a volume type, not "Volume type 类型"
                return base
            return f"{base} {own.lower()}"
    return own


#: the shape of a term that is not a plain name, and the nouns that can name that shape
_FORMS: tuple[tuple[str, re.Pattern[str]], ...] = (
    # `TimeoutStopSec=`, `Restart=always`, `fsync = off`
    ("setting", re.compile(r"^[A-Za-z_][\w.-]*\s*=\s*\S*$")),
    ("option", re.compile(r"^--?[A-Za-z][\w-]*(=\S*)?$")),  # `--link`, `-R`
    ("path", re.compile(r"^(~|\.{1,2})?/[^\s]*$")),  # `/etc/systemd/system/`
)
_FORM_NOUNS = {
    "setting": {"setting", "directive", "option", "parameter", "param", "key", "field",
                "variable", "property", "knob", "参数", "设置", "配置", "选项", "指令", "字段"},
    "option": {"option", "flag", "switch", "argument", "parameter", "选项", "参数"},
    "path": {"path", "directory", "dir", "folder", "file", "location", "place", "路径", "目录",
             "文件", "位置"},
    "command": {"command", "cmd", "tool", "subcommand", "utility", "命令", "工具"},
}  # fmt: skip
_FORM_NAME = {
    "en": {"setting": "setting", "option": "option", "path": "path", "command": "command"},
    "zh": {"setting": "参数", "option": "选项", "path": "路径", "command": "命令"},
}


def term_form(term: str) -> str | None:
    """ "TimeoutStopSec=" is a setting, "/etc/x/" a path, "systemctl start" a command; a plain
    name ("Recreate", "Start rate limiting") has no form of its own."""
    t = term.strip()
    for form, pattern in _FORMS:
        if pattern.match(t):
            return form
    words = t.split()
    if len(words) >= 2 and re.fullmatch(r"[a-z][\w.-]*", words[0]):
        from questions.text import english_word

        if not english_word(words[0]) or any(w.startswith("-") for w in words[1:]):
            return "command"  # "systemctl start", "journalctl -k"
    return None


def _names_form(noun: str, form: str) -> bool:
    head = noun.split()[-1].lower() if noun.split() else noun
    return head in _FORM_NOUNS[form] or any(w in noun for w in _FORM_NOUNS[form] if CJK.search(w))


def noun_for(
    term: str,
    category: str | None,
    kin: tuple[str, ...],
    lang: str,
    options: Sequence[str] | None = None,
) -> str | None:
    """The noun a stem asks a term by: its category only when the term is of the category's
    form. A heading's "Service types" names the service types, not the `TimeoutStopSec=` lines
    under it: a setting, a path or a command is asked as one when every option is one too
    ("Which setting …" beside a plain "Start rate limiting" would rule that option out), and a
    plain line in a list of settings under another noun is asked as "Which of these".

    options: the answer's options when the stem asks which term; None for a stem that names
    the term itself (there, with no category, no noun is needed)."""
    form = term_form(term)
    if category is None:
        if form is None or not options or any(term_form(o) != form for o in options):
            return None
        return _FORM_NAME[lang][form]  # "Which path is described here: …?"
    if form is not None:
        if _names_form(category, form):
            return category
        if options is not None and any(term_form(o) != form for o in options):
            return None
        return _FORM_NAME[lang][form]
    forms = {x for x in map(term_form, kin) if x is not None}
    if forms and not any(_names_form(category, x) for x in forms):
        return None
    return category


_COMPOUND = re.compile(r"[A-Za-z]+-([a-z]+)")  # compiled once: every option is read


def is_qualifier(term: str) -> bool:
    """ "Linux-specific", "read-only": a compound ending in a word that is only an adjective
    qualifies what the line says, it names no thing that other things could be confused with."""
    m = _COMPOUND.fullmatch(term.strip())
    if m is None:
        return False
    from lemminflect import getAllLemmas

    lemmas = getAllLemmas(m.group(1))
    return "ADJ" in lemmas and ("NOUN" not in lemmas or m.group(1) in _COMPOUND_ADJECTIVE_HEADS)


#: heads that make a compound an adjective though they are nouns elsewhere ("the specifics")
_COMPOUND_ADJECTIVE_HEADS = frozenset({"specific", "wide", "level", "bound", "free", "safe",
                                       "aware", "heavy", "friendly"})  # fmt: skip
