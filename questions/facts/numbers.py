"""Numbers with their units, and the parameter each belongs to.

"`work_mem` default 4MB", "completions (default 1)", "`autovacuum_naptime` = **1 min**",
"at most **3** workers by default (`autovacuum_max_workers`)", "initialDelaySeconds 0" under a
"defaults:" lead: the number's subject is the identifier written right before it (or right
after it in parentheses), and it is a default when the notes say so next to it. A number in an
arithmetic example ("30 x 10s = 300 s") is a calculation, not a fact, and is left alone.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from lemminflect import getAllLemmas

from questions.facts.clause_subjects import function_phrase, nearest
from questions.facts.clause_subjects import said_before as named_before
from questions.facts.model import Fact
from questions.parse.hedges import estimated_share
from questions.parse.model import Block
from questions.subjects import names_nothing
from questions.text import STOP_EN, clauses_of, opens_own_topic, split_sentences
from questions.values import RANGE, Number, number_role, numbers_in, parse_number

#: a lead-in this short is kept whole as the context of its short items
MAX_LEAD = 80
_IDENT = r"[A-Za-z_][\w.-]*[A-Za-z0-9_]"
_DEFAULT_WORD = re.compile(r"\bdefaults?\b|默认|缺省", re.I)
#: a number that cites the document a rule is written in: a reference, no fact to recall
_CITED = re.compile(r"\b(?:RFC|JEP|PEP|KEP|JSR|CVE-?)s?\s*$", re.I)
#: a capitalised word right before a number, not opening the sentence: "Route 53", "Layer 7"
_CAPITAL_BEFORE = re.compile(r"(?<=\S\s)([A-Z][A-Za-z]+) $")
#: a number in a worked sum: an operand ("30 x ___", "___ − 20"), or the result of a sum
#: written before it ("1500 − 20(IP) − 20(TCP) = ___"): the sum gives it away
_ARITHMETIC = re.compile(
    r"\d\w*\s*[x×*+=/−÷]\s*[$€£¥]?$|^\s*[x×*+=/−÷]\s*\d|[x×*+/−÷]\s*\d[^=,，;；。]*=\s*[$€£¥]?$"
)
#: what follows a worked problem's givens: a colon, then a sum worked out ("…: 10 × 2 / 2 =
#: 10 RCU"); the numbers before it are the problem's, no facts of the notes
_GIVENS = re.compile(r"^[^:：]*[:：]\s*\d[\d.,]*\s*[x×*/÷+−-]\s*\d[^=:：]*=\s*\S")
#: a formula of named quantities ("SLE = AV × EF", "ALE = SLE * ARO"): the numbers in the
#: brackets after it are a worked example's inputs and results, each computed from the rest
_FORMULA = re.compile(
    r"\b[A-Z][A-Za-z]{1,5}\s*=\s*[A-Z][A-Za-z]{1,5}\s*[×x*/]\s*[A-Z][A-Za-z]{1,5}\b"
)
_OPENS_BRACKET = re.compile(r"[(（][^)）]*$")
#: a bracketed run of numbers that trails off ("gaps (100, 200...)", "（1、2、3 等）"): the
#: writer's examples of a pattern, no value the notes state
_EXAMPLE_RUN = re.compile(r"[(（]\s*\d[\d.,，、\s]*?(?:\.{2,}|…|\betc\b\.?|等)\s*[)）]")


#: "Ex: weekly 0.2% → …", "**Ex annuity**: 1,000/yr", "Ex (why GM matters): +50% then …",
#: "Worked ex (did it 3x):", a case told to be recognised: "Classic vignette: farmer …, HR 45."
_EX_LABEL = (
    r"\bex\b(?:\s*\([^()]{1,40}\)|\s+[a-z][\w-]*){0,1}\s*\**\s*[:：]|\bvignette\s*[:：]"
    # "Worked:", "Worked (tiny):", "Worked, 4 samples:": the working of an example follows
    r"|\bworked\b(?:\s*\([^()\n]{1,40}\)|,[^:：\n]{1,40})?\s*\**\s*[:：]"
    # "**Ex 1 – DKA** 19F …": a numbered case
    r"|\bex\.?\s*\d{1,2}\s*[–—-]\s"
    # "例：磁道 0–199", "例1：甲公司 …", "例3续：…", never the 例 of 比例
    r"|(?<![\u4e00-\u9fff])例\s*\d{0,2}\s*续?\s*[:：]"
    # "例题：5 个进程…", "例题二：", "例 segment 2 base＝300", "若 page 3 → frame 7": a worked
    # problem, or one supposed, before its values
    r"|(?<![\u4e00-\u9fff])例题\s*[一二三四五六七八九十\d]{0,3}\s*[:：]"
    r"|(?<![\u4e00-\u9fff])(?:例|若|假设|假如)\s*(?=[A-Za-z\d])"
)
#: what opens an example: the values after it are made up for it ("eg delete a Coldline
#: object on day 10", 'rules eg "… to Coldline after 90d", "Delete after 365d"')
_EXAMPLE_MARK = re.compile(
    r"\be\.?g\b\.?|\bfor (?:example|instance)\b|\bexample\s*[:：]|例如|比如|譬如|举个?例"
    # a worked estimate ("估算：页 16KB，… → 一页约 1170 个指针"): its numbers are the sum's inputs
    r"|估算\s*[:：]|粗算\s*[:：]|\b(?:rough|quick|back[- ]of[- ](?:the[- ])?envelope)\s+(?:estimate|math)\s*[:：]"
    r"|(?:worked|sample)\s+example\s*\d*\s*[.:：]"  # "**Worked example.** BAC = $100,000, …"
    rf"|{_EX_LABEL}",
    re.I,
)
#: a worked example's label anywhere in a lead-in ("Bayes: $$…$$ Ex: P(good) = 0.6, …")
_EXAMPLE_LABEL = re.compile(_EX_LABEL, re.I)


def under_example(block: Block) -> bool:
    """The block is a line of a worked example: its lead-in opens one, or labels one."""
    lead = block.lead.text.strip() if block.lead is not None else ""
    return bool(lead) and bool(_EXAMPLE_MARK.match(lead) or _EXAMPLE_LABEL.search(lead))


#: a paragraph that opens as a worked example: its numbers are the example's inputs and steps
_WORKED = re.compile(
    r"(?:worked|sample)\s+example\s*\d*\s*[.:：]"
    r"|worked\b(?:\s*\([^()\n]{1,40}\)|,[^:：\n]{1,40})?\s*[:：]",
    re.I,
)
_OPENS, _CLOSES = "(（[", ")）]"


#: the writer speaking of themselves: what they did or got, not what the notes teach
_FIRST_PERSON = re.compile(
    r"\b(me|my|I'm|I've|I'd)\b|我"
    # the writer's own results and goals, the "my" left out: "last practice score: 78% → aim
    # for 85+ before booking", "mock exam: 720", "上次模拟 68 分，目标 80"
    r"|(?i:\b(?:last|latest|previous|first|second)\s+(?:practice|mock|attempt)\b"
    r"|\b(?:practice|mock)\s+(?:exam|test)?\s*(?:score|result)s?\b|\baim for\b"
    r"|\bbefore booking\b)"
    r"|模拟(?:考试|题)?\s*(?:成绩|分数|得分)?\s*[:：]?\s*\d|上次.{0,6}(?:成绩|分数|得分|考了)|目标分?\s*\d"
)
#: "I" saying something ("I missed it"); never a numeral after a name ("UNIVAC I was …")
_I_SAYS = re.compile(r"\bI(?=\s+[a-z])")


#: what the writer lost on a slip, the "I" left out: "lost 5 min on this", "spent 10 min
#: waiting", "~7% gone", "浪费了 20 分钟"
_COST_BEFORE = re.compile(
    r"(?i)(?:\b(?:lost|spent|wasted|burn(?:ed|t))|浪费了?|花了|丢了|耽误了)\s*[~≈]?\s*$"
)
_COST_AFTER = re.compile(r"(?i)^\s*(?:of (?:points|marks|the score)\s+)?(?:gone|lost|wasted)\b")


def _first_person(sentence: str, at: int, end: int | None = None) -> bool:
    """The number stands in a clause where the writer speaks of themselves, or of what a
    slip cost them (`end`: where the number ends)."""
    if end is not None and (
        _COST_BEFORE.search(sentence[:at]) or _COST_AFTER.match(sentence[end:])
    ):
        return True
    pos = 0
    for clause in clauses_of(sentence):
        pos = sentence.find(clause, pos)
        if pos <= at < pos + len(clause):
            return _FIRST_PERSON.search(clause) is not None or _says_i(clause)
        pos += len(clause)
    return False


def _says_i(clause: str) -> bool:
    """ "I" opens what the clause says, not a name's numeral: the word before it, if any, is
    no capitalised name ("I scored 640", "then I missed it"; never "UNIVAC I was …")."""
    for m in _I_SAYS.finditer(clause):
        before = clause[: m.start()].split()
        if not before or not before[-1][:1].isupper():
            return True
    return False


def _after_example(before: str) -> bool:
    """The sentence says an example before the value, and the value is still in it: an
    example runs to the end of its sentence, or of the brackets it is said in."""
    marks = list(_EXAMPLE_MARK.finditer(before))
    if not marks:
        return False
    mark = marks[-1]
    depth = 0
    for ch in before[: mark.start()]:
        depth = max(0, depth + (ch in _OPENS) - (ch in _CLOSES))
    if not depth:
        return True
    rest = before[mark.end() :]
    return sum(ch in _CLOSES for ch in rest) <= sum(ch in _OPENS for ch in rest)


def _in_example_run(sentence: str, start: int, end: int) -> bool:
    return any(m.start() < start and end < m.end() for m in _EXAMPLE_RUN.finditer(sentence))


def sentences(text: str) -> tuple[str, ...]:
    return split_sentences(text)


_OWN_SUBJECT = re.compile(
    r"^(`?[\w./-]+`?(\s+[\w./-]+){0,3})\s*(\([^)]{0,30}\)\s*)?(=|:|：|—|–|->|→)\s"
)


#: a step that opens with a bare condition and an arrow: "没变 -> 服务器返回 304", "unchanged ->
#: reuse the copy"; what the condition is about is the step before
_BARE_CONDITION = re.compile(
    r"^\s*[a-z\u4e00-\u9fff][^\s,，:：`]{0,11}(?:\s+[a-z]+)?\s*(?:->|→|=>)"
)


def bare_condition(text: str) -> bool:
    return _BARE_CONDITION.match(text) is not None


#: a sentence opening with a pronoun or a link refers back; compiled once (read per number)
_PRONOUN_START = re.compile(
    # "Default is local `terraform.tfstate`": the default of what the sentence before names
    r"^(it|its|this|that|these|those|they|then|so|but|and|defaults?\s+(?:is|are|to|[:=]))\b",
    re.I,
)
_CAPITAL_START = re.compile(r"^[A-Z`]")


def has_own_subject(sentence: str, about: str = "") -> bool:
    """ "minor upgrade (…) = swap …", "`wal_level`: …": the sentence names its own subject
    ("没变 -> …" names a condition, not a subject).

    about: the thing the sentence's item is about (its opening term, its parent's term); a
    plain-words label before a colon ("rule of thumb: ~25% of RAM") then names the kind of
    remark, not a subject of its own, unless it names that thing."""
    if _PRONOUN_START.match(sentence):
        return False
    if bare_condition(sentence):
        return False
    if about and remark_label(sentence) and about.casefold() not in sentence.casefold():
        return False
    own = _OWN_SUBJECT.match(sentence)
    if own is not None and own.group(4) in ("–", "—") and _QUANTITY_HEAD.fullmatch(own.group(1)):
        return False  # "0 s – 12 h; extend with …": a range, no subject and its description
    if gives_own_setting(sentence):
        return True  # "consumer `max.partition.fetch.bytes` 默认 2 MB": a setting's own value
    return own is not None or bool(_CAPITAL_START.match(sentence))


def gives_own_setting(text: str) -> bool:
    """The text opens by giving a setting of its own its default ("consumer
    `max.partition.fetch.bytes` 默认 ___"): it is about that setting, not the line's first."""
    return _SETTING_DEFAULT.match(text) is not None


#: a setting's name, perhaps after one word saying whose, given its default
_SETTING_DEFAULT = re.compile(
    r"^(?:[A-Za-z\u4e00-\u9fff]+\s+)?`?[A-Za-z_][\w-]*[._][\w.-]*`?\s*(?:默认|缺省|defaults?\b)"
)


#: a value before a dash: where a range starts ("0 s", "1 min"), no name
_QUANTITY_HEAD = re.compile(r"[\d.,]+\s*[A-Za-z%]{0,4}")


_LABEL = re.compile(r"^(?P<label>[A-Za-z][a-z'-]*(\s+[a-z][a-z'-]*){0,3})\s*[:：]\s")
#: the writer's own label for an aside beside clipped text ("**me:** …", "NB:"): no subject
_ASIDE = re.compile(r"(?i)me|fyi|nb|note|my\s+note|side\s+note")
#: an ordinal before a word: "1st gen", "2nd gen", "3rd party"
_ORDINAL = re.compile(r"(?<![\w.])(\d+(?:st|nd|rd|th))\s+([A-Za-z]\w*)")


def _parallel_subject(sentence: str, about: str) -> str | None:
    """The subject a later sentence of a line names beside the line's own, or None: "2nd gen
    (= on Cloud Run) HTTP up to 60 min" after "Functions 1st gen: …" is about the 2nd gen of
    Functions ("Functions"); "committed use: 1 or 3 yr" after "sustained use discounts: …" is
    a label of its own kind (""), not a remark on the first."""
    if not about:
        return None
    mine = _ORDINAL.match(sentence)
    if mine is not None:
        theirs = next((m for m in _ORDINAL.finditer(about) if m.group(2) == mine.group(2)), None)
        if theirs is not None and theirs.group(1) != mine.group(1):
            return about[: theirs.start()].strip(" :-—")
        return None
    label = _LABEL.match(sentence)
    if label is None or label.group("label").casefold() in about.casefold():
        return None
    words = {w for w in re.findall(r"[a-z]{3,}", label.group("label").casefold())}
    return "" if words & set(re.findall(r"[a-z]{3,}", about.casefold())) else None


def aside_label(text: str) -> bool:
    """ "me:", "**NB:**": the writer's own label for an aside, naming no subject."""
    return _ASIDE.fullmatch(text.strip(" :：*")) is not None


def remark_label(sentence: str) -> bool:
    """ "rule of thumb: …", "in practice: …": the sentence opens with a label of plain words
    and a colon (not "=" or "->", which define the words before them)."""
    from questions.text import english_word

    m = _LABEL.match(sentence)
    return m is not None and all(english_word(w) for w in m.group("label").split())


_AVOIDED = re.compile(r"\bdon'?t\b|\bdo not\b|\bnever\b", re.I)
#: a number reported as what someone says: "older tests may still say 30", "some blogs claim 5"
_REPORTED = re.compile(r"\b(?:say|says|said|claim|claims|claimed)\s*$", re.I)
#: a former value before the present one: "(was 4,000, now 10,000)", "以前是 5，现在 10"
_FORMER = re.compile(
    r"(?:\b(?:was|were|used to be|formerly|previously)|以前是?|原来是?|之前是?)\s*$", re.I
)
_NOW = re.compile(r"\bnow\b|现在|如今|目前", re.I)
#: how far after the former value its present one is written
_NOW_REACH = 24


#: a digit written as a plural ("0s", "1s") after a word that counts digits: "leading 0s"
_DIGIT_PLURAL = re.compile(r"[01]s")
_BEFORE_DIGITS = re.compile(r"(?i)\b(?:leading|trailing|binary)\s*$")
#: a number the sentence denies right before it: "但不是 100%", "is not 100 % safe"
_DENIED = re.compile(r"(?:不是|并非|\bnot)\s*$", re.I)


def _clause_before(before: str) -> str:
    return re.split(r"[,;，；]", before)[-1]


#: where a value opens: after "default =", "default:", "default is", "=" or ":"
_VALUE_OPENS = re.compile(r"(?:\bdefault\s*(?:is|=|:)?|[=:：])\s*$", re.I)


def _subject_before(before: str, marked: tuple[str, ...]) -> str:
    """The identifier right before a number: "`work_mem` default ", "completions (default ",
    "`autovacuum_naptime` = ", "`seq_page_cost` "."""
    m = re.search(
        rf"(?P<subj>{_IDENT})\s*(?:\(\s*)?(?:(?:the\s+)?default\s*(?:is|=|:|of)?\s*|=\s*|:\s*|\(\s*)?$",
        before,
    )
    if not m:
        return ""
    subj = m.group("subj")
    if not m.group(0)[len(subj) :].strip() and _VALUE_OPENS.search(before[: m.start()]):
        return ""  # "default = VLAN 1": the name is the value's, "VLAN 1" is what is set
    is_marked = any(subj == s or subj == s.strip() for s in marked)
    looks_param = re.search(r"[a-z][A-Z]|_|\.|[a-z]-[a-z]", subj) is not None
    return subj if (is_marked or looks_param) else ""


def _subject_after(after: str, marked: tuple[str, ...]) -> str:
    """ "3 workers by default (`autovacuum_max_workers`)": the identifier in the parenthesis."""
    m = re.match(rf"^\s*(?:[A-Za-z]+\s+){{0,3}}(?:by default\s*)?\((?P<subj>{_IDENT})\)", after)
    if m and any(m.group("subj") == s for s in marked):
        return m.group("subj")
    return ""


def _is_default(sentence: str, start: int, end: int, lead: str) -> bool:
    before = sentence[max(0, start - 16) : start]
    after = sentence[end : end + 28]
    return bool(
        _DEFAULT_WORD.search(before)
        or re.match(r"^\s*(?:\w+\s+)?by default|^\s*[(（]\s*(?:default|默认|缺省)\s*[)）]", after)
        or re.match(r"^defaults?\b", lead.strip(), re.I)
    )


#: a value shown changing into another ("default 75→90", "60s -> 90s")
_CHANGE_BEFORE = re.compile(r"\d\S*\s*(?:->|→|=>)\s*$")
_CHANGE_AFTER = re.compile(r"^\s*(?:->|→|=>)\s*\d")
#: a version a clause scopes its value to: "(8.0)", "(PG 13+)", "since 1.25", "in v2.4"
_VERSION_SCOPE = re.compile(
    r"[(（]\s*(?:v|PG\s*)?\d+(?:\.\d+)+\+?\s*[)）]|"
    r"\b(?:since|as of|before|until|from|in)\s+(?:v|version\s+|PG\s*)?\d+(?:\.\d+)+",
    re.I,
)


def _scoped(sentence: str, start: int, end: int) -> bool:
    """The value holds only in a scope "what is the default of X?" would drop: it is one side
    of a change ("default 75→90": the old default is as right as the new), or its clause names
    the version it is the default of ("(8.0) default 75"). Its line, asked as a cloze, keeps
    the scope."""
    if _CHANGE_BEFORE.search(sentence[:start]) or _CHANGE_AFTER.match(sentence[end:]):
        return True
    opens = max(sentence.rfind(c, 0, start) for c in ",;，；") + 1
    ends = [i for i in (sentence.find(c, end) for c in ",;，；") if i >= 0]
    closes = min(ends) if ends else len(sentence)
    return any(
        not (m.start() + opens < end and start < m.end() + opens)  # the number is no version
        for m in _VERSION_SCOPE.finditer(sentence[opens:closes])
    )


_SETTING_VALUE = re.compile(r"[A-Za-z_][\w.]*\s*=\s*(?P<value>\d[\d.]*\s?[A-Za-z%]*)")


def _set_elsewhere(sentence: str, number: Number) -> bool:
    """The sentence also gives the value as a setting's ("`RateLimitBurst=10000`"), in another
    place or another unit spelling: blanked or changed in one place, the other tells."""
    return _gives(sentence, number, skip=(number.start,))


def _gives(text: str, number: Number, skip: tuple[int, ...] = ()) -> bool:
    """Some setting of the text is set to the number's value ("10s" for "10 seconds"); a
    setting whose value sits at a skipped offset is the number itself."""
    for m in _SETTING_VALUE.finditer(text):
        if any(m.start("value") <= at < m.end("value") for at in skip):
            continue
        given = parse_number(m.group("value"))
        if given is not None and (given.value, given.unit) == (number.value, number.unit):
            return True
    return False


def _without_restating_aside(sentence: str, number: Number) -> str | None:
    """The sentence without the parenthesis that gives the number again as a setting's value,
    or None when the restatement is not in one."""
    for m in re.finditer(r"\s*[(（][^()（）]*[)）]", sentence):
        if m.start() > number.start and _gives(m.group(0), number):
            return sentence[: m.start()] + sentence[m.end() :]
    return None


def _spans(sentence: str) -> list[Number | re.Match[str]]:
    ranges = list(RANGE.finditer(sentence))
    covered = [(m.start(), m.end()) for m in ranges]
    singles = [n for n in numbers_in(sentence) if not any(a <= n.start < b for a, b in covered)]
    return [*ranges, *singles]


_CLAUSE_END = re.compile(r"[,;，；]\s*")
#: a word that tied a clause to the one before it, dropped with that clause
_TIE = re.compile(r"^(?:but|and|so|however|yet|但是|但|可是|不过|而且|所以)\s*,?\s*", re.I)


def _own_stretch(sentence: str, span: str, start: int) -> str:
    """For a number the sentence states twice ("会话恢复可以 0-RTT，但是 0-RTT 的数据可能被重放"):
    the clauses from the one holding it up to the next that holds it again, when this
    occurrence's stretch is the fullest one; else "" (the fuller stretch is asked instead)."""
    cuts = [0, *(m.end() for m in _CLAUSE_END.finditer(sentence)), len(sentence) + 1]
    clauses = list(itertools.pairwise(cuts))
    holding = [i for i, (a, b) in enumerate(clauses) if span in sentence[a:b]]
    if any(sentence[a:b].count(span) > 1 for a, b in clauses):
        return ""
    stretches: dict[int, str] = {}
    for k, i in enumerate(holding):
        end = clauses[holding[k + 1]][0] if k + 1 < len(holding) else len(sentence)
        text = _TIE.sub("", sentence[clauses[i][0] : end].strip(" ,;，；"))
        stretches[clauses[i][0]] = text
    mine = max((a for a in stretches if a <= start), default=-1)
    fullest = max(stretches, key=lambda a: len(stretches[a]), default=-1)
    return stretches[mine] if mine == fullest and mine >= 0 else ""


#: a sentence that refers back to the one before it
_PRONOUN = re.compile(r"^(?:(?:it|its|they|their|this|these)\b|它们?|其|这)", re.I)

#: a sentence that opens with its condition ("if >100 schedules were missed …")
_CONDITION_FIRST = re.compile(r"^(?:if|when|whenever|unless|once)\b", re.I)


def _names_only(before: str, term: str) -> bool:
    """The text before a number is only the term it is the value of ("最大连接数：")."""
    return before.strip().rstrip(":：=").strip() == term


def _aside_of_another(before: str, term: str) -> bool:
    """The number sits in a parenthesis after other words than the term: "**Availability
    sets** – … + update domains (up to 20, default 5)" gives the update domains' default."""
    opened = before.rfind("(")
    if opened < 0 or ")" in before[opened:]:
        return False
    return before[:opened].strip().strip("*`") != term


#: a label's description opening with what its values measure: "firewall: priority 0–65535"
_MEASURE = re.compile(r"[\s:：=–—-]*(?P<noun>[a-z][a-z-]{2,})\s+\d")


#: the noun a default is said of, right before it: "…, timeout default 5 min"
_NOUN_DEFAULT = re.compile(r"(?<![\w-])(?P<noun>[a-z][a-z-]{2,})\s+default\s*$")


def _measured(term: str, before: str) -> str:
    """The term with the noun its description gives values of ("firewall: priority 0–65535,
    …, default 1000" states the default firewall priority, not a default firewall; "Consumption
    plan: pay per execution, …, timeout default 5 min" its default timeout)."""
    m = _NOUN_DEFAULT.search(before, len(term)) if before.startswith(term) else None
    if m is not None and m.group("noun") not in STOP_EN:
        lemmas = getAllLemmas(m.group("noun"))
        if not lemmas or "NOUN" in lemmas:  # "timeout" is in no dictionary: a name, no verb
            return f"{term} {m.group('noun')}"
    m = _MEASURE.match(before, len(term)) if before.startswith(term) else None
    if m is None or m.group("noun") in STOP_EN or "NOUN" not in getAllLemmas(m.group("noun")):
        return term
    return f"{term} {m.group('noun')}"


#: a run of bare numbers, a short label before it or not: "powers of 2: 2, 4, 8, 16, 32"
_NUMBER_RUN = re.compile(r"(?:[^\d:：]{0,24}[:：]\s*)?\d[\d.]*(?:\s*[,，、]\s*\d[\d.]*){3,}\s*\.?")


def _number_run(text: str) -> bool:
    """A line that is only a run of four numbers or more: each blanked, the run's place says
    nothing of which one is meant, and the others in the stem count it out."""
    return _NUMBER_RUN.fullmatch(text.strip()) is not None


def _part_of_name(before: str, after: str, span: str, headings: Sequence[str]) -> bool:
    """The number is part of a name: a capitalised word before it and a capitalised one after
    it ("Route 53 Traffic Flow"), or written with the word before it in a heading above ("##
    Route 53" over "Needs Route 53 …")."""
    m = _CAPITAL_BEFORE.search(before)
    if m is None:
        return False
    if re.match(r" [A-Z][a-z]", after):
        return True
    named = f"{m.group(1)} {span}".casefold()
    return any(named in h.casefold() for h in headings)


#: what follows the fixed groups of an address pattern: "169.254.x.x", "10.0.*" (a release
#: family, "8.x", is one group)
_WILDCARD_GROUPS = re.compile(r"\.[xX*](?![\w])")
#: what follows a group of an IPv6 address or a MAC: a colon and another hex group
_IN_ADDRESS = re.compile(r":[0-9A-Fa-f:]")


#: a Chinese sentence that opens with the release it dates ("4.0 中新 rebalance 协议 … GA",
#: "0.11 引入 leader epoch"): a new statement, not one more about the setting before it (a
#: default since a release, "2.1 起默认 …", still is)
_DATED_OPENING = re.compile(r"^v?\d+(?:\.\d+)+\s*(?!起?\s*默认)(?=[\u4e00-\u9fff])")
#: a label over a whole line ("umask：默认权限的掩码。文件基数 666 …"): its later sentences go on
#: about what it names, whatever noun they open with
_LINE_LABEL = re.compile(r"^[^:：。.;；\s][^:：。;；]{0,30}[:：]")


#: the longest sentence whose numbers are read: ten times any stem's limit
MAX_SENTENCE = 3000


def number_facts(block: Block, term: str, context: str) -> list[Fact]:
    """One fact per number a sentence states, with its subject when one is written beside it."""
    out: list[Fact] = []
    lead = block.lead.text if block.lead is not None else ""
    if not lead and block.parent is not None and block.parent.text.rstrip().endswith((":", "：")):
        lead = block.parent.text  # "选谁当聚簇索引：" over "3. 都没有 → 隐藏的 6 字节 row id"
    marked = block.inline.code + block.inline.strong
    opening = next((m for m in marked if block.text.startswith(m)), "")
    if (
        block.kind == "item"
        and not context
        and lead
        and len(block.text) < 40
        and not names_nothing(lead)
    ):
        # "源包必须符合以下要求：" + "不超过 512 MB": a short item is read with its lead-in, the
        # whole of a short one (its last sentence alone may lose whose "源包" it is)
        last = sentences(lead)[-1] if sentences(lead) else ""
        context = lead.strip() if len(lead) <= MAX_LEAD else last if len(last) <= 60 else ""
    if _number_run(block.text):
        return out  # "128, 192, 224, 240, 248, 252, 254, 255": a run to learn, no fact per number
    if (
        _EXAMPLE_MARK.match(lead.strip())
        or _WORKED.match(block.text)
        or under_example(block)
        or _EXAMPLE_LABEL.match(block.text)  # "Ex: …", "例1：甲公司 …": every sentence of it
    ):
        # "例：磁道 0–199，磁头在 53 …" over "SCAN：… 到 183": the steps of a worked example
        return out
    said_before = sentences(block.text)
    for n, sentence in enumerate(said_before):
        if len(sentence) > MAX_SENTENCE:
            continue  # a pasted run no stem could quote: each number read it whole, so its cost
            # grew with the square of its length (20,000 characters of "（1）" took 78 s)
        here = context
        # (a stressed condition the line marks is no name: "**without voting rights**")
        # (nor is the writer's own label: "**me:** … 256 KiB limit counts …")
        line_about = context or next(
            (t for t in (term, opening) if t and not function_phrase(t) and not aside_label(t)),
            "",
        )
        parallel = _parallel_subject(sentence, line_about) if n > 0 else None
        # a later sentence with a topic of its own is not read under the line's name (a
        # nested item's sentences all are: its parent item is what they go on about)
        topic = (
            n > 0
            and block.parent is None
            and (
                (not _LINE_LABEL.match(block.text) and opens_own_topic(sentence))
                or _DATED_OPENING.match(sentence) is not None
            )
        )
        if topic:
            here = ""
        elif parallel is not None:
            here = parallel  # "Functions 1st gen: … 2nd gen …": the second one's own line
        elif n > 0 and not has_own_subject(sentence, about=line_about):
            here = line_about  # "… default 100. every connection is …"
            if _CONDITION_FIRST.match(sentence):
                # "`startingDeadlineSeconds`: if a run is late …. if >100 schedules were
                # missed …": after the bare label the condition would read as its meaning
                before = " ".join(said_before[:n])
                here = before if len(before) <= MAX_LEAD else ""
        for found in _spans(sentence):
            if isinstance(found, Number):
                span, start, end = found.text, found.start, found.end
                role = number_role(sentence, found, block.section.heading, block.under)
            else:
                span, start, end, role = found.group(0), found.start(), found.end(), "range"
            if term and span in term:
                continue
            if _IN_ADDRESS.match(sentence, end) or (start and sentence[start - 1] == ":"):
                continue  # "2001:db8::1", "fe80::1:2": a group of an address, no number
            if "." in span and _WILDCARD_GROUPS.match(sentence, end):
                continue  # "169.254.x.x": an address pattern's fixed groups, no number
            before, after = sentence[:start], sentence[end:]
            if before.count("《") > before.count("》"):
                continue  # "丁奇《MySQL实战45讲》": a book's title, no number of the subject
            if _CITED.search(before):
                continue  # "RS (RFC 6750): … → 401", "JEP 122": where it is written, not what
            if _part_of_name(before, after, span, block.section.path):
                continue  # "Needs Route 53 Traffic Flow": a name's number is no value
            if any(span in c and span != c.strip() for c in block.inline.code if c in sentence):
                continue  # part of a code span (`requests.cpu: "4"`), not a stated value
            if _GIVENS.search(after):
                continue  # "RCUs to read 10 items/s of 6 KB: 10 × 2 / 2 = 10 RCU": a given
            if _ARITHMETIC.search(before) or _ARITHMETIC.match(after) or re.search(r"[x×]$", span):
                continue  # part of a worked example: "30 x 10s = 300 s"
            if _FORMULA.search(before) and _OPENS_BRACKET.search(before):
                continue  # "SLE = AV × EF, … (AV $100k, …; ARO 0.5 -> ALE $20k)": its inputs
            if _after_example(before) or _AVOIDED.search(_clause_before(before)):
                continue  # an example or a value to avoid, not the value the notes state
            if _DIGIT_PLURAL.fullmatch(span) and _BEFORE_DIGITS.search(before):
                continue  # "drop leading 0s": zeros, not 0 seconds
            if re.fullmatch(r"\d+s", span) and re.match(r"\s+of\b", after):
                continue  # "100s of TB": hundreds, not 100 seconds
            if _REPORTED.search(before):
                continue  # "older practice tests may still say 30": what others say, no fact
            if _FORMER.search(before) and _NOW.search(after[:_NOW_REACH]):
                continue  # "(was 4,000, now 10,000)": the value it no longer is
            if _DENIED.search(before):
                continue  # "不是 100%", "not 100 %": the value the notes say it is not
            if _in_example_run(sentence, start, end):
                continue  # "leave gaps (100, 200...)": changed to 50 it is still a gap
            if estimated_share(sentence, start, end):
                continue  # "90% of the time": the writer's guess, not a value to recall
            if _first_person(sentence, start, end):
                continue  # "practice test took me 25 min", "我写了 2 轮": the writer's own record
            if re.search(r"\d\S*\s*[(（]\s*[+−]?$|\d\s*\S{0,4}\s*=\s*$", before):
                continue  # "0.1 (10 %)", "7200 秒 = 2 小时": the same value restated
            said: str | None = sentence
            if isinstance(found, Number) and _set_elsewhere(sentence, found):
                # "within 10 seconds (`StartLimitIntervalSec=10s`)": blanked or changed in one
                # place, the other tells; the aside that restates it goes
                said = _without_restating_aside(sentence, found)
            if said is None:
                continue
            if re.search(r"\d\.\d+\s*(->|→|to)\s*$", before) or re.match(
                r"^\s*(->|→)\s*\d+\.\d", after
            ):
                role = "version"  # "18.0 -> 18.1"
            if re.fullmatch(r"\d", span) and not _DEFAULT_WORD.search(sentence + lead):
                continue  # a lone digit is rarely a fact ("1 of 2") unless it is a default
            subject = _subject_before(before, marked) or _subject_after(after, marked)
            default = _is_default(sentence, start, end, lead) and not _scoped(sentence, start, end)
            about = here
            own = nearest(sentence, start, marked, after=False)
            if own and own != span:
                # "… 。hz 默认 10，每秒执行 10 次后台任务": the clause is about the setting its own
                # sentence names, not the line's first one
                line = here if parallel is not None or topic else context
                about = line if own.casefold() in said.casefold() else own
            elif (n > 0 and parallel is None and not has_own_subject(sentence) and not topic
                  and not _CONDITION_FIRST.match(sentence)):  # fmt: skip
                # "-c 默认 1024。表示最大并发连接数": the sentence before names its subject
                about = named_before(said_before, n, marked) or here
                if not about and _PRONOUN.match(sentence) and len(said_before[n - 1]) <= MAX_LEAD:
                    about = said_before[n - 1]  # "The shovel plugin moves …. It reconnects …"
            if said.count(span) > 1 and not (subject and default):
                # "1 … 1": a blank of the whole sentence would be ambiguous, or show the answer
                said = _own_stretch(said, span, start if said == sentence else said.find(span))
                if not said:
                    continue
                if not own:
                    about = about or term or opening  # the stretch lost the sentence's opening
                elif own.casefold() not in said.casefold():
                    about = own  # "hz 默认 10，每秒执行 10 次…": the stretch lost its setting
            if (
                not subject
                and default
                and term
                # (not after clauses on other things: "Cloud SQL max 64 TB; …; default 7
                # automated backups kept" gives no default of "Databases")
                and (
                    (re.search(r"\bdefault\s*$", before) and not re.search(r"[;；]", before))
                    or _names_only(before, term)
                )
                and not _aside_of_another(before, term)
            ):
                # "`maxSurge` — …, default 25%", "超时：30 秒（默认）"
                subject = _measured(term, before)
            out.append(
                Fact("number", subject, span, block, block.line, sentence=said, span=span,
                     attribute="default" if default else "", context=about, role=role)
            )  # fmt: skip
    return out
