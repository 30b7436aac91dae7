"""Question stems in English and Chinese, one template per way of asking a fact.

Slots are filled from typed fact fields only (a term, a category noun, a quoted description),
never from a heading pasted into a sentence. `lint` rejects what a template can still get wrong.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from questions.headers import (
    asked,
    foreign,
    header_labels,
    imperative_header,
    remark_header,
    role,
    translated,
    values_a_setting,
    verb_header,
    wh_verb,
    yes_no,
)
from questions.nouns import category as simple_noun
from questions.nouns import singular_word
from questions.text import CJK, LONG_PREPOSITIONS, PREPOSITIONS, english_word
from questions.values import NEGATIVE, POSITIVE, leading_mark, mark_remark, shape

BLANK = "___"
_DESCRIPTIVE = re.compile(
    r"^(notes?|description|desc|meaning|comment|remarks?|details?|explanation|purpose|usage|"
    r"use|used for|what it does|what it is|does|effect|function|summary|"
    r"说明|描述|备注|含义|解释|用途|常见用途|作用|特点|功能)$",
    re.I,
)


def display_noun(noun: str) -> str:
    """ "Probe kind" -> "probe kind"; acronyms and CamelCase keep their case, and so does a
    name in title case ("Scrum Value", "Azure Region": "scrum Value" reads as a typo)."""
    first, *rest = noun.split()
    if re.fullmatch(r"[A-Z][a-z]+", first) and not any(w[:1].isupper() for w in rest):
        first = first.lower()
    return " ".join([first, *rest])


def quoted(text: str, lang: str) -> str:
    text = articles(text.strip().rstrip("。.;；,，"))
    if len(text) > 2 and text[0] + text[-1] in ('""', "''", "“”", "「」"):
        text = text[1:-1].strip()  # the notes quoted it already: "“"zone apex …"”" doubles
    # a quote inside the quote takes single marks: "““match or not? ” -> …”" read as garbled
    text = re.sub(r"\s+’", "’", text.replace("“", "‘").replace("”", "’"))
    return f"“{text}”"


_A_BEFORE_VOWEL = re.compile(r"\b([Aa]) (?=(?!one\b|once\b)[aeioAEIO][a-z])")


def articles(text: str) -> str:
    """A notes slip an exam writer would not copy: "a automated" -> "an automated" (words
    opening in u or one keep their "a": "a user", "a one-off")."""
    return _A_BEFORE_VOWEL.sub(r"\1n ", text)


#: a count before a Chinese category noun: "四种对象" over a list is "对象", asked one at a time
_ZH_COUNTED = re.compile(
    r"^(?:[一二两三四五六七八九十几多]+|\d+)\s*[种个类大条项件款层级步]\s*(?=\S)"
    r"|(?<=\S)\s*(?:[一二两三四五六七八九十几多]+|\d+)\s*[种个类大条项件款层级步]$"  # "拒绝策略 4 种"
)
#: a Chinese header that ends in a verb of meaning ("高了一般说明", "代表"): a clause, the
#: cell is its object
_ZH_SAYS = re.compile(r"(?:说明|表示|意味着|代表|意思是|说明是)$")


def which(noun: str | None, lang: str) -> str:
    if lang == "zh":
        noun = _ZH_COUNTED.sub("", noun) if noun else noun
        if noun and re.search(r"[A-Za-z]", noun):
            return f"哪个 {noun} "
        return f"哪个{noun}" if noun else "哪一项"
    if noun and _MODEL_NAME.fullmatch(noun):
        return f"In {noun}, which of these"  # a column named "T568A": "Which T568A has …" reads
        # as nonsense, and without the name "pin 1" is T568B's white/orange too
    return f"Which {display_noun(noun)}" if noun and names_a_kind(noun) else "Which of these"


#: a name with a digit in it, a standard's or a product's ("T568A", "EC2"): no kind of thing
_MODEL_NAME = re.compile(r"[A-Za-z]+\d[\w.-]*")


@lru_cache(maxsize=4096)
def names_a_kind(noun: str) -> bool:
    """The label can follow "Which": its last word may be a noun. "Optional-ish:" or
    "Managed:" over a list says how its items are, not what they are ("Which Optional-ish is
    …" reads as nonsense); a word the dictionary does not know is taken for a name."""
    words = noun.split()
    last = words[-1].strip("`*:").lower() if words else ""
    if last.endswith("-ish"):
        return False
    from lemminflect import getAllLemmas  # loaded once a stem needs it, as the others here

    lemmas = getAllLemmas(last)
    return "ADJ" not in lemmas or "NOUN" in lemmas or "PROPN" in lemmas  # a verb may name a knob


def reverse_definition(desc: str, noun: str | None, lang: str, verb: bool) -> str:
    if noun and system_name(noun):  # "**EFS**" over its modes: EFS's own terms, no "哪个 EFS"
        if lang == "zh":
            return f"以下描述的是 {noun} 的哪一项？{quoted(desc, lang)}"
        return f"In {noun}, which of these is described here: {quoted(desc, lang)}?"
    if lang == "zh":
        return f"以下描述的是{which(noun, lang).rstrip()}？{quoted(desc, lang)}"
    # one sentence reads as a predicate; one with an arrow is notes shorthand, quoted
    if verb and not re.search(r"[.!?]\s+\S|->|→|=>", desc.strip()):
        return f"{which(noun, lang)} {articles(singular_predicate(desc.rstrip('.;, ')))}?"
    if verb:  # "**State** is how TF maps config → …": quoted, what it is without its copula
        desc = _COPULA_OPENING.sub("", desc, count=1)
    return f"{which(noun, lang)} is described here: {quoted(desc, lang)}?"


_COPULA_OPENING = re.compile(r"^(?:is|are)\s+(?=\S)")


def pick_for(need: str, noun: str | None, lang: str) -> str:
    """The pick a cheat sheet gives for a need: "Which of these fits “analytics/OLAP”?"; a
    need that is itself a question ("how many /30s in a /24?") is asked as written."""
    q = need.strip()
    if q.endswith(("?", "？")) and len(q) > 8 and not q.startswith(("“", '"')):
        return q[0].upper() + q[1:] if lang == "en" else q
    if lang == "zh":
        return f"{quoted(need, lang)}应该选{which(noun, lang).rstrip()}？"
    return f"{which(noun, lang)} fits {quoted(need, lang)}?"


def condition_of(desc: str, noun: str | None, lang: str) -> str:
    """What must hold once a term is used, asked by the term that brings it: "Which header,
    once used, requires this: “Allow-Origin cannot be *”?"."""
    if lang == "zh":
        return f"使用{which(noun, lang).rstrip()}时，{quoted(desc, lang)}？"
    return f"{which(noun, lang)}, once used, requires this: {quoted(desc, lang)}?"


def label_property(desc: str, noun: str | None, lang: str) -> str:
    """A property of one of several labelled groups: "Which SQS type has “ordered message”?"."""
    if lang == "zh":
        return f"{quoted(desc, lang)}说的是{which(noun, lang).rstrip()}？"
    return f"{which(noun, lang)} has this property: {quoted(desc, lang)}?"


def member_value(desc: str, label: str, lang: str) -> str:
    """A described value of a parameter: "Which value of concurrencyPolicy means “…”?"."""
    if lang == "zh":
        return f"{label} 的哪个取值表示{quoted(desc, lang)}？"
    return f"Which value of {label} means {quoted(desc, lang)}?"


#: a Latin name with its Chinese gloss in brackets: "OPT（最佳置换）", "FIFO (先进先出)"
_GLOSSED = re.compile(
    r"^(?P<name>[A-Za-z][\w .+/-]*?)\s*[（(][^()（）]*[\u4e00-\u9fff][^()（）]*[)）]$"
)


def without_gloss(name: str) -> str:
    """The name without its Chinese gloss ("OPT（最佳置换）" → OPT): the gloss translates
    the name, and a description keyed by it reads off the translation."""
    m = _GLOSSED.match(name.strip())
    return m.group("name").strip() if m else name


def forward_definition(term: str, noun: str | None, lang: str) -> str:
    if lang == "zh":
        return f"哪一项描述的是 {without_gloss(term)}？"
    if noun and noun.casefold() not in term.casefold():
        return f"Which description fits the {display_noun(noun)} {term}?"
    return f"Which description fits {term}?"


def default_member(subject: str, lang: str, is_category: bool) -> str:
    if lang == "zh":
        return f"默认的{subject}是哪个？" if is_category else f"{subject} 的默认值是哪个？"
    if is_category:
        return f"Which {display_noun(subject)} is the default?"
    return f"What is the default value of {subject}?"


def setting_value(subject: str, lang: str, measure: str = "") -> str:
    """A labelled value the notes give without calling it a default ("maxmemory-samples: 5");
    `measure`: what the list's lead says its values are ("Hash output sizes:" over "MD5 = 128
    bits" asks "What is the hash output size of MD5?")."""
    if lang == "zh":
        return f"笔记中 {subject} 的值是多少？"
    if measure:
        return f"What is the {measure} of {subject}?"
    return f"What value do the notes give for {subject}?"


def port_of(name: str, lang: str) -> str:
    """ "kube-apiserver — 6443": the port the notes give a name ("Redis TLS port: 6380" names
    the port itself)."""
    if re.search(r"(?i)\bports?$|端口$", name.strip()):
        return f"{name} 是多少？" if lang == "zh" else f"What is the {name}?"
    if lang == "zh":
        return f"{name} 使用哪个端口？"
    return f"Which port does {name} use?"


def default_named(noun: str, lang: str) -> str:
    """ "default port: 6379": the label names what the value is."""
    if lang == "zh":
        return f"默认的{noun}是多少？"
    return f"What is the default {display_noun(noun)}?"


def default_number(subject: str, lang: str) -> str:
    if lang == "zh":
        return f"{subject} 的默认值是多少？"
    # "TTL defaults: min 0, default 86,400 s": the label's "defaults" is what the stem asks
    subject = re.sub(r"\s+defaults?$", "", subject, flags=re.I) or subject
    return f"What is the default value of {subject}?"


_VERB_3RD = re.compile(
    r"^[a-z]+(?<!ss)(?<!us)(?<!is)s\s+(a|an|the|its|it|all|one|every|each|new|old)\b"
)


def command(comment: str, lang: str, noun: str = "command", verb_first: bool = False) -> str:
    """ "starts a rollout" -> "Which command starts a rollout?" (noun "option": a flag's;
    verb_first: the caller knows the comment opens with a verb in the third person)."""
    c = comment.strip().rstrip(".。")
    if lang == "zh":
        said = {"option": "个选项", "setting": "项配置"}.get(noun, "条命令")
        return f"哪{said}用于{quoted(c, lang)}？"
    if _WHEN_RUN.match(c):
        return f"Which {noun} do you run {c}?"  # "after editing unit files": a moment, no use
    if _VERB_3RD.match(c) or verb_first:
        return f"Which {noun} {c}?"
    third = third_person(c)
    if third is not None:
        return f"Which {noun} {third}?"  # "list databases" -> "Which command lists databases?"
    return f"Which {noun} is for {quoted(c, lang)}?"


#: a comment that says when to run the command ("after editing unit files"), not what for
_WHEN_RUN = re.compile(r"^(?:after|before|when|whenever|once|every time)\s+\w", re.I)

_MODALS = frozenset({"can", "could", "will", "would", "shall", "should", "may", "might", "must"})


def singular_predicate(predicate: str) -> str:
    """ "Which of these" takes a verb in the third person: "handle credentials" -> "handles
    credentials", "provide a …" -> "provides a …"; modals and inflected verbs stay."""
    first = predicate.split(" ", 1)[0]
    if first.lower() in _MODALS or not re.fullmatch(r"[a-z]+", first):
        return predicate
    return third_person(predicate) or predicate


_OBJECT_START = frozenset({"a", "an", "the", "one", "all", "every", "each", "to", "into", "from"})
#: words a command's comment opens a noun with far more often than it orders with them: the
#: kind of thing before its plural ("block devices", "disk partitions", "kernel messages")
_NOUN_FIRST = frozenset({"block", "disk", "file", "memory", "network", "kernel", "boot",
                         "system", "device", "socket"})  # fmt: skip


def third_person(phrase: str) -> str | None:
    """An imperative phrase with its verb in the third person ("list databases" -> "lists
    databases"), or None when it does not open with a plain verb."""
    from lemminflect import getAllLemmas, getInflection

    first, _, rest = phrase.partition(" ")
    if not rest or not re.fullmatch(r"[a-z]+", first) or first in _MODALS:
        return None  # "may need dealloc first" is said as written, never "mays need"
    lemmas = getAllLemmas(first)
    if "VERB" not in lemmas or lemmas["VERB"][0] != first or "ADJ" in lemmas:
        return None
    if first in _NOUN_FIRST:
        return None  # "block devices", "file systems": a thing's kind, no order
    nxt = rest.split()[0].lower()
    plural = nxt.endswith("s") and getAllLemmas(nxt).get("NOUN", (nxt,))[0] != nxt
    if "NOUN" in lemmas and not (plural or nxt in _OBJECT_START):
        return None  # "custom format", "quick test": a noun phrase, not an order
    inflected = getInflection(first, tag="VBZ")
    return f"{inflected[0]} {rest}" if inflected else None


#: brackets a cut clause may leave open after its blank ("只依赖原始值（ ___")
_CLOSERS = {"(": ")", "（": "）", "[": "]", "【": "】", "“": "”"}


def closed(text: str) -> str:
    """The text with the brackets it opened and the cut left open closed again, innermost
    first: "只依赖原始值（ ___" reads "只依赖原始值（ ___）"."""
    open_: list[str] = []
    for ch in text:
        if ch in _CLOSERS:
            open_.append(_CLOSERS[ch])
        elif open_ and ch == open_[-1]:
            open_.pop()
    return text.rstrip() + "".join(reversed(open_)) if open_ else text


#: a sentence the notes left unfinished: it stops on a word that needs more after it ("…, the
#: thing with them is that they", "…，因为它的")
_CUT_OFF = re.compile(
    r"(?i)\b(they|the|a|an|that|is|are|was|to|of|and|or|with|for|which|when|if|but|because|so|"
    r"its|their|than)\s*$|(的|是|和|把|被|在|因为|所以|但是|而且)\s*$"
)
_CLAUSE_BREAK = re.compile(r"[,，;；]\s*")


def cut_off(text: str) -> bool:
    """The notes left the sentence unfinished: it stops on a word that needs more after it."""
    return _CUT_OFF.search(text.rstrip()) is not None


def finished(text: str) -> str:
    """The text without the clause the notes left unfinished, when its blank is before it:
    "…(___+) fix the fixed-bucket problem, the thing with them is that they" ends at "problem".
    """
    if not cut_off(text):
        return text
    breaks = list(_CLAUSE_BREAK.finditer(text))
    if not breaks or BLANK not in text[: breaks[-1].start()]:
        return text
    return text[: breaks[-1].start()].rstrip()


#: a label that says how the line is filed, not what it is about: "小结：", "其他：", "Recap:",
#: the writer's own aside beside clipped text ("Note:", "me:", "FYI:"), and the exam remarks a
#: cheat sheet flags a line with ("Gotcha:", "Exam tip:", "真题型："), which session 40's review
#: read as labels pasted into the stem
_FILING_LABEL = re.compile(
    r"^(?:小结|总结|其他|其它|补充|备注|Summary|Recap|Misc|Other|TL;DR"
    r"|Note|NB|N\.B\.|FYI|Side\s+note|me|my\s+note"
    r"|Gotcha|(?:Exam\s+|Pro\s+)?Tip|Trap|Heads[\s-]+up|Remember|Important|Warning|Watch\s+out"
    r"|真题型?|注意|考点|易错点?|重点|提示|常见坑|踩坑|坑点?)\s*[!！]?\s*[:：]\s*(?=\S)",
    re.I,
)
#: the same label after the name the line was said of ("CORS：常见坑：后端没处理 OPTIONS…")
_NAMED_FILING_LABEL = re.compile(r"^([^\s:：]{1,30}\s*[:：]\s*)" + _FILING_LABEL.pattern[1:], re.I)


def cloze(text: str, lang: str) -> str:
    unfiled = _NAMED_FILING_LABEL.sub(r"\1", _FILING_LABEL.sub("", text))
    if not unfiled.startswith(BLANK):  # "小结：___ 最好…": a blank first would be a riddle
        text = unfiled
    text = closed(finished(text))
    return f"填空：{text}" if lang == "zh" else f"Fill in the blank: {text}"


#: Chinese nouns that head an English word rather than translate it: "cleanup 时机" is when
#: the cleanup runs, not a header in two languages
_HEAD_NOUNS = frozenset({"时机", "时间", "方式", "次数", "频率", "顺序", "位置", "条件", "范围",
                         "写法", "用法", "场景", "开销", "大小", "上限", "下限"})  # fmt: skip


@lru_cache(maxsize=4096)
def _attr_parts(attr: str, lang: str) -> str:
    """One language of a bilingual header ("Idempotent 幂等" -> "幂等" for Chinese)."""
    latin = " ".join(re.findall(r"[A-Za-z][A-Za-z/ -]*[A-Za-z]|[A-Za-z]", attr)).strip()
    zh = re.sub(r"\s*/\s*", " / ", re.sub(r"[A-Za-z]+", "", attr)).strip(" /")
    zh = re.sub(r"\s*[(（]\s*[)）]", "", zh)  # "幂等 (Idempotent)": no empty brackets left
    zh = zh if CJK.search(zh) else ""
    if (
        latin
        and zh
        and (
            any(_a_name(w) for w in latin.split())
            or zh in _HEAD_NOUNS
            # "产生 merge commit": a Chinese verb and its lower-case English object, one phrase
            or (CJK.match(attr.strip()) is not None and latin.islower() and "(" not in attr)
        )
    ):
        # "ReadView 生成时机", "binlog 格式": a name is the subject of the Chinese noun, not its
        # translation ("Idempotent 幂等"); split off, "生成时机" no longer says whose it is
        return attr.strip()
    if lang == "zh" and zh:
        return zh
    if lang == "en" and latin and zh:
        return latin
    # a header in the other language ("上限" over an English stem): its common word, if any
    return translated(attr, lang) or attr.strip()


def _a_name(word: str) -> bool:
    """ "ReadView", "MVCC", "binlog": written as a name, where a header's translation is a
    plain word ("Idempotent", "max")."""
    return shape(word) != "Name" and not (word.islower() and english_word(word))


def is_descriptive(attr: str) -> bool:
    said = _attr_parts(attr, "en").strip()
    if _DESCRIPTIVE.match(said):
        return True
    # "备注 / 坑": labels that say so; one of them is enough ("何时触发 / 注意": the cells
    # mix what the first says with remarks, so no stem reads "哪个 Hook 的何时触发 / 注意是…")
    # ...unless the first gives a value ("默认值 / 备注": "8" describes nothing)
    labels = header_labels(said)
    if (
        len(labels) < 2
        or values_a_setting(labels[0])
        or values_a_setting(_attr_parts(labels[0], "en"))
    ):
        return False
    return any(_DESCRIPTIVE.match(p) or remark_header(p) for p in labels)


@lru_cache(maxsize=4096)
def noun_phrase(attr: str) -> bool:
    """ "size limit" is a noun phrase; "reachable from", "encrypted?" are not."""
    words = attr.strip().split()
    if simple_noun(attr) is None or attr.strip().endswith("?") or not words:
        return False
    if words[0].lower() in PREPOSITIONS or words[0].lower() in LONG_PREPOSITIONS:
        return False  # "across major versions": where or how, not what
    if any(w.lower() in _WH_WORDS for w in words) or wh_verb(attr) or verb_header(attr):
        return False  # "runs where", "fires when": a clause, not a thing
    if imperative_header(attr):
        return False  # "Place it": what to do with the row
    last = words[-1].lower()
    preps = {"from", "to", "in", "on", "at", "by", "for", "with", "of", "as", "via", "into"}
    return last not in preps and not re.search(r"(ed|able|ible)$", last) and not _only_verb(last)


def _adjective_header(attr: str) -> bool:
    """A header of one adjective, an aside after it or not ("long (802.1t)", "short"): it says
    which of a row's values the column holds, and needs a noun after it."""
    from lemminflect import getAllLemmas

    words = re.sub(r"\s*[(（][^()（）]*[)）]", "", attr).split()
    return len(words) == 1 and "ADJ" in getAllLemmas(words[0].lower())


def _only_verb(word: str) -> bool:
    """ "create" is only a verb; "limit", "use" are nouns too."""
    from lemminflect import getAllLemmas

    lemmas = getAllLemmas(word)
    return "VERB" in lemmas and "NOUN" not in lemmas


_WH_HEADER = re.compile(r"^(When|Where)\s+(.+?)\??$")
_AUX = frozenset({"is", "are", "was", "were", "can", "could", "will", "would", "may", "must",
                  "should", "has", "have", "does", "do"})  # fmt: skip


@lru_cache(maxsize=4096)
def wh_header(attr: str) -> tuple[str, str, str] | None:
    """A header that is a clause ("When systemd considers the service started"): its wh-word,
    its question form ("does systemd consider the service started") and its statement form
    ("systemd considers the service started"), so a stem asks it as a question, not as "what do
    the notes give under …"."""
    from lemminflect import getAllLemmas

    m = _WH_HEADER.match(attr.strip())
    if m is None:
        return None
    words = m.group(2).split()
    for i, w in enumerate(words[1:5], start=1):
        subject, rest = " ".join(words[:i]), " ".join(words[i + 1 :])
        if w in _AUX:
            return m.group(1), f"{w} {subject} {rest}".strip(), m.group(2)
        verb = getAllLemmas(w).get("VERB", ())
        if w.endswith("s") and verb and verb[0] != w:
            return m.group(1), f"does {subject} {verb[0]} {rest}".strip(), m.group(2)
    return None


#: a header that counts things: "number of processes" (a "#" header reads so)
_COUNTED = re.compile(r"(?i)number of ([a-z][a-z -]*[a-z]s)")


def table_forward(key: str, attr: str, lang: str) -> str | None:
    """ "What is the size limit of X?", "Where does X run?", "X 的上限是什么？"; None for a
    column that only explains ("why")."""
    a = _attr_parts(attr, lang)
    if not a.split():
        return None  # a header of no words (a Joplin table's "| |"): nothing to ask by
    kind = role(a)
    if kind == "reason":
        return None  # "why": an explanation of the row, not a property to name
    q = _asked(a, lang)
    if q is not None:  # "acks = 0 时，什么时候回？", not "0 的什么时候回是什么？"
        if lang == "zh":
            return f"{key} 时，{q}？" if " = " in key else f"对于 {key}，{q}？"
        return f"For {key}, {lower_first(q)}?"
    if lang == "zh":
        if is_descriptive(attr):
            return f"哪一项描述的是 {key}？"  # not "Cloud SQL 的备注是什么？"
        if kind in ("situation", "time"):
            return f"{key} 适用于什么情况？"
        if kind == "place":
            return f"{key} 在哪里？"
        if foreign(a, lang):
            return f"关于 {key}，笔记里写的是哪一项？"  # "when to use" is no Chinese noun
        return _zh_spaced(f"{key} 时，{a}是什么？" if " = " in key else f"{key} 的{a}是什么？")
    if is_descriptive(attr):
        return f"Which description fits {key}?"
    verb = wh_verb(a)
    if verb is not None:  # "runs where" -> "Where does before_script run?"
        return f"{verb[0].capitalize()} {verb[1]} {key} {verb[2]}?"
    does = verb_header(a)
    if does is not None:  # "Sees" -> "What does L4 see?", "Reads see" -> "In X, what do reads see?"
        subject, _, lemma = does
        return f"In {key}, what do {subject} {lemma}?" if subject else f"What does {key} {lemma}?"
    told = imperative_header(a)
    if told is not None:  # "Place it" -> "How should you place Standard?"
        return f"How should you {told} {key}?"
    if kind == "situation":
        return f"When should {key} be used?"
    if kind in ("time", "place"):
        return f"{'When' if kind == 'time' else 'Where'} does {key} apply?"
    counted = _COUNTED.fullmatch(a)
    if counted is not None:  # "# processes" -> "How many processes does Scope have?"
        return f"How many {counted.group(1)} does {key} have?"
    if noun_phrase(a):
        if key.lower().endswith(f" {a.lower()}"):  # not "the address of network address"
            return f"What {be(a)} the {key}?"
        if _adjective_header(a):  # "long (802.1t)": which value, not a thing of its own
            return f"What is the {lower_first(a)} value of {key}?"
        return f"What {be(a)} the {lower_first(a)} of {key}?"
    if predicative(a):
        return f"What is {key} {lower_first(a.rstrip('?'))}?"  # "What is Secret stored as?"
    clause = wh_header(a)
    if clause is not None:  # "For forking, when does systemd consider the service started?"
        return f"For {key}, {clause[0].lower()} {clause[1]}?"
    if foreign(a, lang):
        return f"What do the notes say about {key}?"  # "上限" is no English noun
    if a.split()[0].lower() in LONG_PREPOSITIONS:
        return f"What is true of {key} {lower_first(a.rstrip('?'))}?"  # "… across major versions?"
    if _default_header(a):
        return f"What is the default of {key}?"  # a noun here, though never a category noun
    if _note_to_self(a):
        return f"Which description fits {key}?"
    return f"For {key}, which of these is listed under “{a.rstrip('?')}”?"


#: a cell that says what its row does, a modal and a verb: "can create duplicates", "must exist"
_PREDICATE_CELL = re.compile(
    r"(?:can(?:not)?|can't|may|must|will|won't|never|always)\s+(?:be\s+)?[a-z]+(?:\s+[\w-]+){0,5}\.?$"
)


def _said_where(verb: str, wh: str, value: str) -> str | None:
    """ "runs" + "on the runner" -> "runs on the runner"; "fires" + "a cron time is reached" ->
    "fires when a cron time is reached"; None when the cell does not read after the verb."""
    v = value.strip().rstrip("。.")
    if (_PLACE_START if wh == "where" else _TIME_START).match(v):
        return f"{verb} {v}"
    if wh == "when" and _clause(v):
        return f"{verb} when {v}"
    return None


def _clause(text: str) -> bool:
    """ "a cron time is reached", "someone clicks Run": a subject and a finite verb."""
    from lemminflect import getAllLemmas

    said = re.sub(r"\s*[(（][^()（）]*[)）]", "", text)  # an aside's verb is not the cell's
    words = re.findall(r"[A-Za-z']+", said)
    for w in words[1:5]:
        if w.lower() in _AUX:
            return True
        verbs = getAllLemmas(w.lower()).get("VERB", ())
        if w.endswith("s") and verbs and verbs[0] != w.lower() and "NOUN" not in getAllLemmas(w):
            return True
    return False


#: a header that only says "number": "#", "No.", "Nr."
_NUMBER_HEADER = re.compile(r"#|(?i:no|nr|num)\.?|№|序号|编号")


#: a column naming the step or stage a row is done in
_STEP_HEADER = re.compile(r"(?i)(?:步骤|阶段|环节|steps?|stages?|phases?)")


#: a cell that opens with a value: "8", "约 21M", "~200 ms", "1MB~32MB"
_VALUE_FIRST = re.compile(r"^\s*(?:约|~|≈|about\s+)?\s*\d")


def cell_attr(attr: str, value: str) -> str:
    """The label of a header that a cell answers: a header of a value and remarks ("默认值 /
    备注", "Default / notes") is the value's for a cell that gives one ("8", "约 21M"), the
    remark's for any other ("设了之后 NewRatio 失效"); any other header is itself."""
    labels = header_labels(attr)
    if len(labels) < 2 or not values_a_setting(labels[0]):
        return attr
    return labels[0] if _VALUE_FIRST.match(value) else labels[-1]


#: a system's name as a header: "ES", "MySQL", "AWS", "K8s"
_SYSTEM = re.compile(r"[A-Z][A-Za-z0-9.+#-]{1,20}")


def system_name(text: str) -> bool:
    """A system's name as a header ("ES", "MySQL", "AWS"), no word of a kind ("Type",
    "Subcommand")."""
    t = text.strip()
    # two capitals or a digit: "ES", "MySQL", "K8s"; "Subcommand" is a word of a kind
    marked = sum(c.isupper() for c in t) >= 2 or any(c.isdigit() for c in t)
    return marked and _SYSTEM.fullmatch(t) is not None and not english_word(t)


def counterparts(noun: str, attr: str) -> bool:
    """Both headers name a system ("ES | MySQL", "AWS | GCP"): each row sets one system's
    name for a thing beside the other's, so a cell is asked as the other's counterpart, never
    as "哪个 ES 的 MySQL 是…"."""
    return system_name(noun) and system_name(attr)


def table_reverse(
    noun: str | None, attr: str, value: str, lang: str, among: str = ""
) -> str | None:
    """ "Which keyword runs on the runner …?", "哪个服务的上限是 …？"; None when the column
    cannot be asked this way (an explanation, a cell that does not read after its header)."""
    attr = cell_attr(attr, value)
    a = _attr_parts(attr, lang)
    kind = role(a)
    if kind == "reason":
        return None
    who = f"Which of {among}" if among and lang == "en" else which(noun, lang)
    if noun and not among and counterparts(noun, a):  # "ES | MySQL": one row, two names
        if lang == "zh":
            return _zh_spaced(f"{a} 的") + f"{quoted(value, lang)}对应 {noun} 的哪一项？"
        return f"What is the {noun} counterpart of {a}'s {quoted(value, lang)}?"
    if _NUMBER_HEADER.fullmatch(attr.strip()) and re.fullmatch(r"\d+", value.strip()):
        if lang == "zh":  # "#" over signal numbers: the rows' own numbers, said as that
            return f"{among + ' 中哪一个' if among else which(noun, lang).rstrip()}的编号是 {value.strip()}？"
        return f"{who} has the number {value.strip()}?"
    q = _asked(a, lang)
    if _STEP_HEADER.fullmatch(a.strip()):
        # "步骤 | 命令": the row's command is what the step is done with, never "哪个命令的步骤是…"
        if lang == "zh":
            return f"{quoted(value, lang)}这一步用{among + ' 中哪一个' if among else which(noun, lang).rstrip()}？"
        return f"{who} is the {quoted(value, lang)} step?"
    if lang == "zh":
        who = f"{among} 中哪一个" if among else which(noun, lang)
        if q is not None:
            filled = answered_zh(q, value)
            if filled is not None:  # "缓存的是啥" -> "哪一个缓存的是“函数本身”？"
                return f"{who.rstrip()}{filled}？"
            return f"{who.rstrip()}对“{q}？”的回答是{quoted(value, lang)}？"
        if is_descriptive(attr):
            if noun and not among and system_name(noun):  # "ES | MySQL | 备注": ES's own terms
                return f"以下描述的是 {noun} 的哪一项？{quoted(value, lang)}"
            return (
                f"以下描述的是{who.rstrip()}？{quoted(value, lang)}"
                if not among
                else f"{who}符合这个描述：{quoted(value, lang)}？"
            )
        if kind == "situation":  # a time ("cleanup 时机") is what the cell says it is
            return f"{who}适用于{quoted(value, lang)}？"
        if foreign(a, lang):
            return None  # "哪个 guarantee 的when to use是…" pastes an English clause
        if _ZH_SAYS.search(a):  # "高了一般说明": a clause, no noun to put 的 before
            return _zh_spaced(f"{who}{a}") + f"{quoted(value, lang)}？"
        return _zh_spaced(f"{who}的{a}是") + f"{quoted(value, lang)}？"
    if q is not None:
        return f"{who} answers “{q}?” with {quoted(value, lang)}?"
    mark = leading_mark(value)
    if mark is not None:  # never "matches “Adjustable: ❌ → ECMP on TGW”"
        said = _marked(who, a, value, mark)
        return f"{said}?" if said else None
    if is_descriptive(attr):
        if only_flags(value):
            return None  # "-raw name, -json": flags of the command, no description of it
        if noun and not among and system_name(noun):
            return f"In {noun}, which of these is described here: {quoted(value, lang)}?"
        return f"{who} is described here: {quoted(value, lang)}?"
    verb = wh_verb(a)
    if verb is not None:  # "runs where: on the runner" -> "Which keyword runs on the runner?"
        said = _said_where(verb[3], verb[0], value)
        return f"{who} {said}?" if said else None
    does = verb_header(a)
    if does is not None:  # "Which layer sees “…”?", "In which model do reads see “…”?"
        subject, form, _ = does
        if subject:
            return f"In {lower_first(who)} do {subject} {form} {quoted(value, lang)}?"
        return f"{who} {form} {quoted(value, lang)}?"
    if kind == "situation":
        return f"{who} fits this case: {quoted(value, lang)}?"
    if kind in ("time", "place"):
        said = _said_where("applies", "when" if kind == "time" else "where", value)
        return f"{who} {said}?" if said else None
    if foreign(a, lang):
        return None
    if be(a) == "are" and re.fullmatch(r"\d[\d,.]*", value.strip()):
        return f"{who} has {value.strip()} {lower_first(a)}?"  # "Which CIDR has 256 addresses?"
    if _PREDICATE_CELL.match(value.strip()):  # "duplicates: can create duplicates"
        return f"{who} {value.strip().rstrip('.')}?"
    if noun_phrase(a) and len(value.split()) <= 3 and not re.match(r"(?i)(yes|no)\b", value):
        return f"{who} has the {lower_first(a)} {quoted(value, lang)}?"
    if predicative(a):
        return f"{who} is {lower_first(a.rstrip('?'))} {quoted(value, lang)}?"
    wh = wh_header(a)
    if wh is not None:  # "For which service type does systemd consider the service started …?"
        return f"For {who[0].lower()}{who[1:]} {wh[1]} {quoted(value, lang)}?"
    if a.split()[:1] and a.split()[0].lower() in LONG_PREPOSITIONS:  # "Across major versions, …"
        lead = a.rstrip("?")
        return f"{lead[0].upper()}{lead[1:]}, {lower_first(who)} is described as {quoted(value, lang)}?"
    if _note_to_self(a) or not a.strip(" ?"):  # an unheaded column: its cells say what they are
        return f"{who} is described here: {quoted(value, lang)}?"
    if _default_header(a):
        return f"{who} defaults to {quoted(value, lang)}?"
    # the header as the column's name, never glued to the cell as if the notes said it so
    # ("matches “who / use case: everyone, built in”" read as a label pasted in)
    return f"For “{a.rstrip('?')}”, {lower_first(who)} has {quoted(value, lang)}?"


#: a header that reads after "is": "Adjustable?", "worth a retry?", "OK today"
_PREDICATE_HEADER = re.compile(
    r"(?i)(?:[a-z-]+(?:able|ible|ful|less|ive|ent|ant|al|ous|ed)|worth|ok|okay|safe|free|ready)"
    r"(?:\s+[a-z-]+){0,3}\??"
)


def _marked(who: str, attr: str, value: str, positive: bool) -> str | None:
    """A yes/no cell with its remark, said of who with its header: "Which item is not adjustable
    (stream it instead)", "Network ACL is stateful (return traffic auto-allowed)"; None for a
    header that does not read after "is"."""
    a = attr.strip()
    if not _PREDICATE_HEADER.fullmatch(a):
        return None  # "Owner: ✅ me" says no more than its mark
    remark = mark_remark(value)
    said = lower_first(a.rstrip("?")) if a[:2] != "OK" else a.rstrip("?")
    stem = f"{who} is {'' if positive else 'not '}{said}"
    return f"{stem} ({remark})" if remark else stem


_SELF_OR_WH = re.compile(r"(?i)^(what|when|why|how|which)\b|\b(I|I'm|I’m|my|me|mine)\b")


#: the word a Chinese question header asks with ("缓存的是啥", "什么时候执行"); a yes/no
#: question ("…有意义吗") has none to fill
_ZH_WH = re.compile(r"什么时候|什么|啥|哪个|哪些|多少|几|谁")


def answered_zh(question: str, value: str) -> str | None:
    """A Chinese header question answered by its cell: the asking word replaced by the value
    ("缓存的是啥" + "函数本身" -> "缓存的是“函数本身”", "什么时候执行" -> "在“每次 render 后”执行");
    None when it asks yes or no, or asks with no such word."""
    q = question.rstrip("？?")
    m = _ZH_WH.search(q)
    if m is None or q.endswith(("吗", "么")) or "还是" in q:
        return None
    said = quoted(value, "zh")
    return q[: m.start()] + ("在" + said if m.group(0) == "什么时候" else said) + q[m.end() :]


def _asked(attr: str, lang: str) -> str | None:
    """The header as its own question in the stem's language ("什么时候回"), or None."""
    q = asked(attr)
    return q if q is not None and bool(CJK.search(q)) == (lang == "zh") else None


def _default_header(attr: str) -> bool:
    return attr.strip().lower() in ("default", "defaults")


def _note_to_self(attr: str) -> bool:
    """A header written as a note to oneself ("What I'm looking for", "What / when to touch"):
    pasted before the cell it reads as noise, so the cell is quoted alone."""
    return bool(_SELF_OR_WH.search(attr))


_WH_WORDS = frozenset({"where", "when", "why", "how", "what", "which", "who", "whom", "whose"})
#: how a cell that says where or when opens, so it reads after "runs" / "fires"
_PLACE_START = re.compile(
    r"(?i)^(on|in|inside|outside|at|under|within|from|via|beside|next to|nowhere|anywhere|"
    r"everywhere|locally|remotely|only)\b"
)
_TIME_START = re.compile(
    r"(?i)^(when|whenever|before|after|during|once|every|each|if|while|until|at|on|as soon as|"
    r"only|always|never|right)\b"
)


def predicative(attr: str) -> bool:
    """ "reachable from", "stored as", "meant for": a header that reads after "is"."""
    words = attr.strip().rstrip("?").split()
    if not words or not re.fullmatch(r"[A-Za-z -]+", attr.strip().rstrip("?")) or len(words) > 3:
        return False
    first = words[0].lower()
    return words[-1].lower() in PREPOSITIONS and (
        re.search(r"(ed|able|ible|ant|ent)$", first) is not None or first in ("meant", "used")
    )


def be(noun_phrase: str) -> str:
    """ "is" for one thing, "are" for a plural head noun ("Typical commands", "Ports")."""
    words = noun_phrase.split()
    head = words[-1] if words else ""
    return "are" if re.fullmatch(r"[a-z]+s", head.lower()) and singular_word(head) != head else "is"


def lower_first(word: str) -> str:
    """A capitalised word written mid-sentence ("Link speed" → "link speed"; "VLAN" stays)."""
    return word[0].lower() + word[1:] if word[:1].isupper() and word[1:2].islower() else word


def table_predicate(
    noun: str | None, attr: str, lang: str, positive: str, among: str = "", legend: bool = False
) -> str:
    """ "Which Method is idempotent?", "In which isolation level is “Dirty read” possible?",
    "Which executor is supported on Windows?", "哪个数据库支持全球分布？"; `legend`: `positive`
    is what the notes say the yes mark means ("会出现")."""
    a = _attr_parts(attr, lang)
    who = f"Which of {among}" if among and lang == "en" else which(noun, lang)
    word = positive.strip().lower()
    asked = yes_no(a, lang)
    if lang == "zh":
        who = f"{among} 中哪一个" if among else which(noun, lang)
        if re.fullmatch(r"[a-z ]+", word) and word not in ("yes", "y", "true"):
            return f"{who}的{a}是“{positive.strip()}”？"
        if legend and CJK.match(word):  # the legend's verb ("✅ = 会出现"): "…会出现脏读？"
            return f"{who}{word}{a}？"
        if asked is not None:  # "是否支持全球分布" -> "哪个数据库支持全球分布？"
            return f"{who}{asked.strip()}？"
        if "是" in a or a.endswith("的"):  # "历史是线性的": the header says it whole
            return f"{who}{a}？"
        if not CJK.search(a):  # "Boot?": no Chinese to read after 是, the column is named
            return f"{who}在“{a}”一栏是 {positive.strip()}？"
        return f"{who}是{a}的？"
    if re.fullmatch(r"[a-z ]+", word) and word not in ("yes", "y", "true"):
        return f"{who.replace('Which', 'In which', 1)} is “{a}” {word}?"
    if asked is not None:  # "supported on Windows?" -> "Which executor is supported on Windows?"
        return f"{who} {asked}?"
    if re.search(r"(ed|able|ible|ent|ant|ive|al|ous|e)$", a.lower()) and len(a.split()) == 1:
        return f"{who} is {lower_first(a)}?"
    if a.split()[0].lower() in PREPOSITIONS or a.endswith("?"):  # "Boot vol?": a yes/no header
        return (
            f"For which {who[len('Which ') :] if who.startswith('Which ') else who} is “{a}” a yes?"
        )
    return f"{who} has “{a}”?"


def table_statement(key: str, attr: str, value: str, lang: str) -> str | None:
    """A table cell said as a sentence: "LoadBalancer is reachable from outside, via …"; None
    when the column only explains, or its header does not make a sentence with the cell."""
    a = _attr_parts(attr, lang)
    kind = role(a)
    v = value.strip().rstrip("。.")
    if kind == "reason" or _asked(a, lang) is not None:
        return None  # a question header makes no sentence with its cell
    if is_descriptive(attr):
        return None if only_flags(v) else described_as(key, v, lang)
    if lang == "zh":
        if kind == "situation":
            return f"{key} 适用于“{v}”"  # a time ("cleanup 时机") is what the cell says it is
        if (
            foreign(a, lang)
            or leading_mark(v) is not None
            or POSITIVE.match(v)
            or NEGATIVE.match(v)
        ):
            return None  # never "… 的默认 bridge是“❌（要停了重建）”": a mark is no value
        return f"{key} {a}“{v}”" if _ZH_SAYS.search(a) else f"{key} 的{a}是“{v}”"
    counted = _COUNTED.fullmatch(a)
    if counted is not None and re.fullmatch(r"\d[\d,]*", v):  # "Risk has 7 processes"
        return f"{key} has {v} {counted.group(1)}"
    verb = wh_verb(a)
    if verb is not None:
        said = _said_where(verb[3], verb[0], v)
        return f"{key} {said}" if said else None
    does = verb_header(a)
    if does is not None:
        return f"In {key}, {does[0]} {does[1]} “{v}”" if does[0] else f"{key} {does[1]} “{v}”"
    told = imperative_header(a)
    if told is not None:  # "Place it" -> "Place Standard “close to destination”"
        return f"{told.capitalize()} {key} “{v}”"
    if kind == "situation":
        return f"{key} fits this case: “{v}”"
    if kind in ("time", "place"):
        said = _said_where("applies", "when" if kind == "time" else "where", v)
        return f"{key} {said}" if said else None
    if foreign(a, lang):
        return None
    mark = leading_mark(v)
    if mark is not None:  # not "the notes give “✅ return traffic auto-allowed” under “Stateful”"
        return _marked(key, a, v, mark)
    if predicative(a):
        return f"{key} is {lower_first(a.rstrip('?'))} “{v}”"
    if noun_phrase(a):
        if _adjective_header(a):  # "Normal": "The normal value of HbA1c is …"
            return f"The {lower_first(a)} value of {key} is {v}"
        return f"The {lower_first(a)} of {key} {be(a)} {v}"
    wh = wh_header(a)
    if wh is not None:  # "For simple, systemd considers the service started “immediately …”"
        return f"For {key}, {wh[2]} “{v}”"
    if _default_header(a):
        return f"The default of {key} is {v}"
    if _note_to_self(a):
        return described_as(key, v, lang)
    return f"For {key}, the notes give “{v}” under “{a.rstrip('?')}”"


#: where a Chinese character meets a Latin letter or a digit in a template's join
_ZH_LATIN = re.compile(r"(?<=[\u4e00-\u9fff])(?=[A-Za-z0-9])|(?<=[A-Za-z0-9])(?=[\u4e00-\u9fff])")


def _zh_spaced(text: str) -> str:
    """Chinese with a space wherever a Latin term meets a Chinese word ("关于 TCP 和 UDP",
    "retention 和顺序"), Chinese terms set solid ("与乐观锁相比")."""
    return _ZH_LATIN.sub(" ", text)


def _zh_list(items: Sequence[str]) -> str:
    """ "连接、可靠性和数据形式": the last item joined with 和."""
    return "、".join(items[:-1]) + f"和{items[-1]}" if len(items) > 1 else items[0]


def pair_statement(a: str, b: str, aspects: Sequence[str], lang: str) -> str:
    """The lead-in of options that pair two compared things with aspects: "Which statement
    about ConfigMap and Secret is correct regarding “meant for”, “stored as” or …?", "关于 TCP
    和 UDP 的连接、可靠性和数据形式，哪一项说法正确？". The aspects say which statements to
    weigh, never which one the key states."""
    if lang == "zh":
        return _zh_spaced(f"关于{a}和{b}的{_zh_list(aspects)}，哪一项说法正确？")
    quoted = [f"“{x}”" for x in aspects]
    listed = ", ".join(quoted[:-1]) + f" or {quoted[-1]}" if len(quoted) > 1 else quoted[0]
    return f"Which statement about {a} and {b} is correct regarding {listed}?"


def pair_option(side: str, aspect: str, value: str, lang: str) -> str:
    """One side paired with one aspect's value: "Secret — stored as: base64 in data",
    "TCP 的连接：面向连接"."""
    v = value.strip().rstrip("。.")
    return f"{_zh_spaced(side + '的' + aspect)}：{v}" if lang == "zh" else f"{side} — {aspect}: {v}"


def pair_profile(side: str, other: str, a: str, b: str, lang: str) -> str:
    """The lead-in asking one compared thing for two aspects at once: "Secret (not ConfigMap):
    which gives its “meant for” and its “stored as”, in that order?", "与乐观锁相比，悲观锁的
    加锁时机和适合场景分别是？"."""
    if lang == "zh":
        return _zh_spaced(f"与{other}相比，{side}的{a}和{b}分别是？")
    return f"{side} (not {other}): which gives its “{a}” and its “{b}”, in that order?"


def profile_option(a: str, b: str, lang: str) -> str:
    """Two aspects' values, in the order the stem asks them."""
    x, y = (v.strip().rstrip("。.") for v in (a, b))
    return f"{x}；{y}" if lang == "zh" else f"{x}; {y}"


#: a list of command-line flags, with their arguments: "`-raw name`, `-json`", "--force / -f"
_ONLY_FLAGS = re.compile(
    r"\s*-{1,2}[A-Za-z][\w-]*(?:[ =][^\s,;/-]\S*)?(?:\s*[,;/]\s*-{1,2}[A-Za-z][\w-]*(?:[ =][^\s,;/-]\S*)?)*\s*"
)


def only_flags(text: str) -> bool:
    """A cell that only lists flags: it names options of its row's command, it says nothing
    the row is."""
    return _ONLY_FLAGS.fullmatch(text.replace("`", "")) is not None


def described_as(term: str, desc: str, lang: str) -> str:
    """A term and a description as one sentence: "Hash is described as “equality only”"."""
    d = desc.strip().rstrip("。.;；,，")
    if lang == "zh":
        return f"“{d}”说的是 {term}"
    return f"{term} is described as “{d}”"


def true_false(statement: str, lang: str) -> str:
    return f"判断正误：{statement}" if lang == "zh" else f"True or false: {statement}"


_LINT = (
    (re.compile(r"\b(can|don|doesn|isn|won|aren|wasn|cannot)'?t't\b|\bnot not\b|不不", re.I), "broken negation"),
    (re.compile(r"\b([A-Za-z]{2,}) \1\b", re.I), "doubled word"),
    (re.compile(r"\ba an\b|\ban a\b|\ban (?=[bcdfgjklmnpqrstvwxz])|\ba (?=[aeio])", re.I), "wrong article"),
    (re.compile(r"“\s*”|:\s*\?$|\?\s*\?$"), "empty slot"),
    # a stem asks what is so, never what is not: "Which of these does NOT …?", "Which command
    # never …?" (its own verb denied; "… work you have not seen" is a clause of the key's,
    # "is NOT NULL" a constraint's name)
    (re.compile(r"(?:^|[:：—–]\s*)(?i:which|what)(?:\s+\S+){0,3}?\s+(?:(?i:does|do|is|are|can|will|should|must|has|have)\s+(?i:not)\s+(?=[a-z])|(?i:never|cannot|\w+n't)\b)|(?i:\bexcept\b)|不是|错误的|不正确"), "negative lead-in"),
)  # fmt: skip


@lru_cache(maxsize=4096)
def lint(prompt: str) -> str | None:
    """What a rendered stem still gets wrong, or None. Cached: a table's rows are asked in one
    stem with only the quoted cell told apart, and the quote is linted as “x”."""
    for pattern, reason in _LINT:
        if pattern.search(prompt):
            return reason
    if prompt.count("`") % 2:
        return "unbalanced backticks"
    if prompt.count(BLANK) > 1:
        return "several blanks"
    return None
