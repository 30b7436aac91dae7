"""Numbers with their units, limits and ranges: "What is the default value of maxSurge?" when
the notes name the parameter, else a cloze of the clause that states the number.

Distractors depend on what the number counts (values.number_role): a quantity gets near misses
in its unit, an identifier (version, year, port, code) only other values of its kind from the
notes, or no question at all.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from http import HTTPStatus

from questions.candidate import Candidate
from questions.clipping import with_question
from questions.cues import APPROX_ASIDE, arithmetic_cut, computed, numerals, restated
from questions.distractors import Pool
from questions.facts.clause_subjects import names
from questions.facts.model import Fact
from questions.facts.numbers import aside_label, gives_own_setting, has_own_subject, remark_label
from questions.generators.common import build, lang_of
from questions.nouns import PROPERTY_HEADS, category
from questions.stems import BLANK, cloze, default_named, default_number, port_of, setting_value
from questions.subjects import label
from questions.text import ASIDE, CJK, balanced, cjk_count, clauses_of, contains
from questions.values import Number, fmt_number, numbers_in, parse_number, shape

NAME = "number"
#: "___ (10 %)": the blanked value restated in other units right after the blank
_RESTATED = re.compile(rf"{re.escape(BLANK)}\s*[(（]\s*[~≈]?\d[\d.,]*\s?[^\s\d)）]{{0,8}}\s*[)）]")
MAX_CLAUSE = 170


def _without_reason_phrase(gap: str, span: str) -> str:
    """Drop an HTTP status code's reason phrase written after its blank ("返回 ___ Not
    Modified"): the phrase names the code, so the cloze would ask nothing."""
    if not (span.isdigit() and len(span) == 3):
        return gap
    try:
        phrase = HTTPStatus(int(span)).phrase
    except ValueError:
        return gap
    return re.sub(rf"{re.escape(BLANK)}\s+{re.escape(phrase)}\b", BLANK, gap, flags=re.I)


def _without_restating_clause(gap: str, span: str) -> str:
    """Drop an aside or a clause beside the blank's that says the number again in words or in
    another unit ("accuracy defaults to ___, so timers fire up to a minute late", "（简化成“超过
    一半”）" of 50 %): the question is asked without it, rather than refused for giving its key
    away. When what is left no longer stands alone the gap is kept as it is, and the solvers
    drop it for naming its key."""
    n = parse_number(span)
    written = span if n is None else fmt_number(n.value)

    def restates(part: str) -> bool:
        said = numerals(part)
        return BLANK not in part and bool(
            restated(said, span)
            # a pattern only where the number occurs: one per number would flush re's cache
            or (written in said and re.search(rf"(?<![\d.]){re.escape(written)}(?![\d.])", said))
        )

    def cut(m: re.Match[str]) -> str:
        part = m.group(0)
        glued = part.startswith("(") and m.start() > 0 and not gap[m.start() - 1].isspace()
        if glued and not CJK.match(gap[m.start() - 1]):
            return part  # "⌊(d−1)/2⌋", "f(x)": a formula's bracket, no aside
        return "" if restates(part) else part

    out = ASIDE.sub(cut, gap)
    out = _without_approximation(out)
    parts = re.split(r"(?<=[,，;；])\s*", out)
    kept = [part for part in parts if not restates(part)]
    if (out == gap and len(kept) == len(parts)) or not kept:
        return gap
    # a Chinese comma needs no space after it: "扩大到 ___，直到 …"
    out = "".join(p if p.endswith(("，", "；")) else p + " " for p in kept).strip()
    out = out.rstrip(",，;；")
    # "___ each, by the online DDL tool": a blank first reads as a riddle
    return out if _stands_alone(out) and not out.startswith(BLANK) else gap


#: a digit that starts a number, not one inside a name ("S3", "HTTP/2", "ipv4")
_OWN_NUMBER = re.compile(r"(?<![A-Za-z_/.\d-])\d")


#: a word whose object is still to come: "2 h before / 6 h after antacids"
_BEFORE_OBJECT = re.compile(r"\b(?:before|after|from|to|of|for|with|than|per|until|since)$", re.I)


def _without_later_facts(gap: str) -> str:
    """Drop the clauses after the blank's that state numbers of their own ("max table size ___,
    max 1600 columns per table, identifiers max 63 bytes …"): each is another fact with its
    own question, and beside the blank it is clutter that tells the key's scale. The gap is
    kept as it is when what is left would not stand alone."""
    at = gap.find(BLANK)
    if at < 0:
        return gap
    pieces = clauses_of(gap[at:])
    for n in range(1, len(pieces)):
        if _OWN_NUMBER.search(pieces[n]):
            kept = (gap[:at] + "".join(pieces[:n])).rstrip().rstrip(",，;；、/").rstrip()
            if pieces[n - 1].rstrip().endswith("/") and _BEFORE_OBJECT.search(kept):
                return gap  # "___ before / 6 h after antacids": the two share their object
            return kept if balanced(kept) and _stands_alone(kept) else gap
    return gap


#: a blank that counts, then a colon and what it counts: "拒绝策略 ___ 种：A、B、C、D"
_COUNT_THEN_LIST = re.compile(rf"{re.escape(BLANK)}[^:：.。;；]{{0,16}}[:：]")


def counted(gap: str, span: str) -> bool:
    """The blank is the number of items the stem lists right after it ("___ 种：AbortPolicy、
    CallerRunsPolicy、DiscardPolicy、DiscardOldestPolicy"): it is counted, not recalled."""
    n = parse_number(span)
    m = _COUNT_THEN_LIST.search(gap)
    if n is None or m is None or n.unit or not float(n.value).is_integer():
        return False
    said = parse_number(f"{span} {gap[gap.find(BLANK) + len(BLANK) : m.end() - 1].strip()}")
    if said is not None and said.unit:
        return False  # "___ MB: …" measures; only a bare count counts what follows
    listed = re.sub(r"[(（][^()（）]*[)）]", "", gap[m.end() :]).strip().rstrip("。.")
    items = [p for p in _LIST_SEPARATOR.split(listed) if p and p.strip()]
    return len(items) == int(n.value)


#: what separates the items of a written-out list ("A, B and C", "A、B 和 C")
_LIST_SEPARATOR = re.compile(r"\s*(?:[、,，;；]\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+|和|及|或)\s*")


def _without_approximation(gap: str) -> str:
    """Drop a rounding of the blank's number right after it ("最多 ___ 列（约 4 千列）"): the
    aside says the key in round figures, whatever unit it rounds to."""
    at = gap.find(BLANK)
    m = APPROX_ASIDE.search(gap, at) if at >= 0 else None
    if m is None or re.search(r"\d", gap[at + len(BLANK) : m.start()]):
        return gap
    if len(gap[at + len(BLANK) : m.start()].split()) > 2 or m.start() - at > len(BLANK) + 12:
        return gap  # an aside further on rounds another number
    return gap[: m.start()] + gap[m.end() :]


#: a bracketed aside: "（书里简化成 …）", "(about a minute)"


#: a text that opens with an operator or a mark that only ends or joins what came before
#: ("× 1500 series = …", ", so …", ") …"): cut from its sentence, not a sentence
_DANGLING = re.compile(r"^\s*(?:[=×÷*+−≈,;:)\]}，；：）、!?]|->|→|=>|[-/.](?=\s))")


def dangling(text: str) -> bool:
    return _DANGLING.match(text) is not None


#: a line that opens with a participle and says no subject: the item above had it
_SUBJECTLESS = re.compile(
    r"^(?:(?i:really|actually|also|only|usually|always|still|then|but|now|often|typically)\s+)?"
    r"(?:[a-z]+ed|set|put|kept|made|held|written|read|run|built|sent|shown|known|given|found)"
    r"\s+(?:by|in|at|from|via|on|under|inside|through|for)\b"
)


#: an opening that points back at lines the stem does not show ("其他情况浏览器先发预检",
#: "Above that, …", "Otherwise …"): session 40's reviews read it as a sentence lifted mid-thought
_POINTS_BACK = re.compile(
    r"^(?:其他情况|其余情况|其它情况|否则|同样地?|此时|这时候?|上述|以上|"
    r"(?i:above that|otherwise|in that case|same as above|as above)\b)"
)


def subjectless(text: str) -> bool:
    """ "rotated by `logrotate` from …", "really set by `staticPodPath` in …", "Now
    recommended for confidential clients too": what is? "其他情况浏览器先发预检": other than
    what?"""
    return _SUBJECTLESS.match(text) is not None or _POINTS_BACK.match(text) is not None


#: where a long sentence is cut into clauses
_COMMAS = frozenset(",，;；")


#: a member of an enumeration of names with their asides, a label before the first or not:
#: "mechanisms: httpGet (success = status code 200-399),"
_MEMBER = re.compile(
    r"^\s*(?:[^:：()（）]{1,30}[:：]\s*)?(?P<member>[^\s,，:：()（）]+\s*[(（][^()（）]+[)）])\s*[,，;；]?\s*$"
)


#: a circled number opening a member of an enumeration: "① 年龄到 … ② 大对象直接分配 ③ …"
_CIRCLED = re.compile(r"\s*[①-⑳]\s*")


def _circled_member(sentence: str, span: str) -> str | None:
    """The member of a circled enumeration that holds the span, with the words before the
    first member when they are short (what the members are); None for any other sentence."""
    parts = _CIRCLED.split(sentence)
    if len(parts) < 3 or sum(span in p for p in parts) != 1:
        return None
    lead, member = parts[0].strip(), next(p for p in parts if span in p).strip(" ，,；;。")
    if member == lead:
        return None  # the span is in the lead-in, not a member
    return f"{lead}{member}" if lead and len(lead) <= 30 else member


def clause(sentence: str, span: str) -> str:
    """The part of a long sentence that holds the span: whole comma clauses around it, or its
    member of a circled enumeration."""
    member_of = _circled_member(sentence, span)
    if member_of is not None:
        return member_of
    # cut outside brackets only: '["nginx", "-g", "daemon off;"]' is one term, not three
    parts = clauses_of(sentence, _COMMAS)
    idx = next((i for i, p in enumerate(parts) if span in p), 0)
    member = _MEMBER.match(parts[idx])
    if member and span in member.group("member") and sum(map(bool, map(_MEMBER.match, parts))) >= 3:
        # "mechanisms: httpGet (success = 200-399), tcpSocket (port accepts …), exec (…)":
        # one member of an enumeration with its aside; its neighbours are other things
        return member.group("member")
    if len(sentence) <= MAX_CLAUSE:
        return sentence
    lo, hi = idx, idx + 1
    while hi - lo < len(parts) and len("".join(parts[lo:hi])) < 60:
        if lo > 0:
            lo -= 1
        else:
            hi += 1
    return " ".join(p.strip() for p in parts[lo:hi]).strip(" ,，;；")


def blanked(text: str, span: str) -> str | None:
    """The text with its one occurrence of span replaced by the blank; None when it is unsafe."""
    if text.count(span) != 1 or not balanced(text) or not balanced(span) or dangling(text):
        return None
    out = text.replace(span, BLANK)
    if out.lstrip(" (“\"'").startswith(BLANK):
        return None  # a blank first reads as a riddle, not a sentence
    return out if _stands_alone(out) else None


def _stands_alone(gap: str) -> bool:
    """Enough words around the blank to ask something: eight Chinese characters (a Latin word
    counting two) or four Latin words."""
    rest = gap.replace(BLANK, " ")
    latin = len(re.findall(r"[A-Za-z]{2,}", rest))
    enough = cjk_count(rest) + 2 * latin >= 8 if CJK.search(rest) else latin >= 4
    return enough and gap.strip().strip(".").strip() != BLANK


#: an aside that tells the writer to learn the line ("（背！）", "(must know!)"): not said in a stem
_NOTE_TO_SELF = re.compile(
    r"\s*[(（]\s*(?:背|必背|背诵|重要|必考|记住|要记|must[- ]know|important|memori[sz]e|exam)"
    r"\s*[!！]*\s*[)）]",
    re.I,
)


#: a subject that points back to the line above: "Requests over the limit …", "The zone …"
_POINTS_UP = re.compile(r"^(?:\S+\s+){0,3}?(?:the|this|that|these|its)\s+[a-z]", re.I)


def with_subject(text: str, subject: str, parent: bool = False) -> str:
    """The clause with its subject in front when the clause does not name it. `parent`: the
    subject is the parent item's term, which a clause whose own subject says "the limit"
    ("Requests over the limit are rejected with 503") needs in front to mean anything."""
    subject = _NOTE_TO_SELF.sub("", subject)  # "关键参数（背！）：" says how to learn it
    if not subject or aside_label(subject) or _names_subject(text, subject):
        return text
    if has_own_subject(text, subject) and not (parent and _POINTS_UP.match(text)):
        return text
    if remark_label(text):  # "shared_buffers — rule of thumb: ~25% of RAM"
        return f"{subject.rstrip(':：')} — {text}"
    if subject.endswith((":", "：", ".", "。")):  # a lead-in, or the sentences before
        return f"{subject}{text}" if CJK.search(subject) else f"{subject} {text}"
    return f"{subject}：{text}" if CJK.search(text) else f"{subject}: {text}"


def _names_subject(text: str, subject: str) -> bool:
    """The text names the subject, as a word of its own when the subject is a Latin word:
    "terraform.tfstate" names no "State"."""
    if CJK.search(subject) or not re.fullmatch(r"[A-Za-z]+", subject):
        return subject.casefold() in text.casefold()
    return contains(text, subject)


#: shapes of a setting's or a command's name, as a cloze's subject ("retention.bytes")
_CODE_SHAPES = frozenset({"dotted", "snake", "kebab", "camel", "caps", "flag", "kv"})


#: the name a line opens with, before what it says of it: "translog durability 默认 …"
_LINE_HEAD = re.compile(
    r"^(?P<head>[A-Za-z][\w.-]*(?: [A-Za-z][\w.-]*){0,3}?)\s*(?:默认|是|[:：=]|\bis\b|\bdefaults?\b)"
)


def _with_line_subject(gap: str, said: str, sentence: str) -> str:
    """A cloze cut from a later clause of its line ("…；改 async 则每 sync_interval ___ 刷一次")
    with the name the line opens with in front: the clause goes on about it without saying
    it ("translog durability：改 async …"). A clause that opens by giving a setting of its own
    a value ("consumer `max.partition.fetch.bytes` 默认 ___") is about that one."""
    at = sentence.find(said[:12]) if said else -1
    if at <= 0 or not re.search(r"[;；]", sentence[:at]):
        return gap
    m = _LINE_HEAD.match(sentence)
    if m is None or contains(gap, m.group("head")):
        return gap
    if gives_own_setting(gap) or aside_label(m.group("head")):  # "me: …": the writer's aside
        return gap
    head = m.group("head")
    return f"{head}：{gap}" if CJK.search(gap) else f"{head}: {gap}"


def _with_lost_name(gap: str, f: Fact) -> str:
    """The cloze with the only code-like name of its sentence back in front when the cut left
    it out ("每个分区的大小上限默认是 ___" of `retention.bytes`): without it the stem no longer
    says what it is about. The blank's own unit ("kB" of "8 kB") names nothing."""
    code = f.block.inline.code
    # (a name said only in brackets is an example of something, "ingestion time
    # (`_PARTITIONTIME`)", not what the line is about; one of another circled member is
    # another member's)
    said = _circled_member(f.sentence, f.span) or f.sentence
    unbracketed = ASIDE.sub(" ", said)
    found = {n for _, n in names(said, code, skip=f.span)
             if (n in code or shape(n) in _CODE_SHAPES) and n not in f.span
             and n in unbracketed}  # fmt: skip
    if len(found) != 1 or contains(gap, next(iter(found))):
        return gap
    name = next(iter(found))
    return f"{name}：{gap}" if CJK.search(gap) else f"{name}: {gap}"


def distractors_for(
    f: Fact, pool: Pool, avoid: str, least: int = 2, vary: bool = True
) -> list[str]:
    n = parse_number(f.span)
    if f.role == "range":
        return class_ranges(f.span, avoid)
    if n is None:
        return []
    if _SENTINEL_NINES.fullmatch(f.span):
        # "PASS_MAX_DAYS 默认 99999（永不过期）": a "never" written as a run of nines, beside
        # runs of other lengths; 69999 and 79999 are no values anyone writes
        k = len(f.span)
        runs = ["9" * m for m in (k - 1, k + 1, k + 2) if m >= 3]
        return [r for r in runs if r not in avoid][:3]
    found = pool.numbers(n, f.role, f, avoid=avoid, least=least, vary=vary)
    if f.role == "code" and re.fullmatch(r"\d{3,}", f.span):
        # "perms ___" of 000 or 640: a mode (a status) has three digits at least; "22" is a
        # port the notes wrote (the same number as umask 022), no mode
        found = [o for o in found if not o.isdigit() or len(o) >= 3]
    if _ZERO_LED.fullmatch(f.span) or (f.span.isdigit() and any(map(_ZERO_LED.fullmatch, found))):
        # "umask 0022", "exam 002": digits led by a zero are written as a code is, beside
        # values of as many digits (0002, 1777); 666 or 3 beside it is the odd form, as 0777
        # is beside a plain 644
        wider = pool.numbers(n, f.role, f, avoid=avoid, want=_MORE, least=least, vary=vary)
        found = [o for o in dict.fromkeys([*found, *wider]) if _written_alike(o, f.span)][:3]
        if len(found) < least:
            return []
    return found


#: a run of nines standing for "no limit" (99999 days, 9999 retries)
_SENTINEL_NINES = re.compile(r"9{4,}")

#: options asked for when those offered first may not be written as the key is
_MORE = 8


def _written_alike(option: str, key: str) -> bool:
    """Two digit strings written alike: a zero-led key beside values of as many digits, a
    plain one beside plain ones."""
    if _ZERO_LED.fullmatch(key):
        return option.isdigit() and len(option) == len(key)
    return not _ZERO_LED.fullmatch(option)


#: a whole number written with a leading zero ("0022", "002", "0644")
_ZERO_LED = re.compile(r"0\d+")


_RANGE_ENDS = re.compile(r"(\d{3})(\s?(?:-|–|~|to)\s?)(\d{3})")


def class_ranges(span: str, avoid: str = "") -> list[str]:
    """Other ranges of whole status-code classes for a range of them ("200-399": 200-299,
    200-499, 100-399): an end moved by one class, each a range the notes could have said.
    Any other range has no kind to draw like values from: []."""
    m = _RANGE_ENDS.fullmatch(span.strip())
    if m is None:
        return []
    lo, sep, hi = int(m.group(1)), m.group(2), int(m.group(3))
    if not (100 <= lo < hi <= 599 and lo % 100 == 0 and hi % 100 == 99):
        return []
    ends = [(lo, hi - 100), (lo, hi + 100), (lo - 100, hi), (lo + 100, hi)]
    out = [f"{a}{sep}{b}" for a, b in ends if 100 <= a < b <= 599 and f"{a}{sep}{b}" not in avoid]
    return out[:3]


#: words a clause has and a setting's name does not: "polls /token every interval s" says
#: what happens, so "What is the default value of polls …?" reads as nonsense; it is a cloze
_CLAUSE_WORD = re.compile(r"\s(every|each|whenever|when|if|until|unless)\s", re.I)


def names_a_setting(subject: str) -> bool:
    """The label can stand after "the default value of": a name, not a clause."""
    return _CLAUSE_WORD.search(f" {subject} ") is None


#: a list's lead that names what its values measure: "Hash output sizes:", "Key lengths:"
_MEASURE_LEAD = re.compile(r"^(?P<noun>[A-Za-z][A-Za-z -]{2,40}?)\s*[:：]$")


def measured_by_lead(f: Fact) -> str:
    """What the item's list lead-in says its values are, in the singular and lower case ("hash
    output size"), when its last word is a measure's name; "" otherwise."""
    lead = f.block.lead.text.strip() if f.block.lead is not None else ""
    m = _MEASURE_LEAD.match(lead)
    if m is None or m.group("noun").split()[-1].lower() not in PROPERTY_HEADS:
        return ""
    found = category(m.group("noun"))
    return found.lower() if found else ""


#: a sentence that tells the reader what to study ("Memorise the 5 reserved IPs", "记住 …")
_STUDY_ORDER = re.compile(
    r"(?i:memori[sz]e|remember|learn|revise|review|don'?t forget|know)\b|记住|背下|记得|别忘"
)
#: a blank inside brackets: an aside of the sentence, not its claim
_DATED_ASIDE = re.compile(rf"[(（][^()（）]*{re.escape(BLANK)}[^()（）]*[)）]")


def dated_aside(f: Fact) -> bool:
    """A release number written in brackets ("(stable since 1.27)", "（7.0 起…）"): it dates
    the sentence's fact; asked, or swapped in a true/false, it is version trivia (reviews
    marked it so). A version the sentence states is asked, and so is every release of a
    section about releases ("## Release history": "… (curl 7.82+)")."""
    return (
        f.role == "version"
        and not _ABOUT_RELEASES.search(" ".join(f.section.path))
        and bool(_DATED_ASIDE.search(f.sentence.replace(f.span, BLANK, 1)))
    )


#: a heading whose section is about releases: there a release is the fact
_ABOUT_RELEASES = re.compile(r"(?i)\b(?:releases?|versions?|changes|what's new)\b|版本|发布|新特性")


#: a small value a line enumerates with its meaning: "0 = 每秒写+刷", "1（默认）：…", "2: …"
_ENUMERATED = re.compile(r"(?<![\w.])(\d)\s*(?:[(（][^)）]{0,6}[)）])?\s*(?:=|:|：)")


def _last_of_enumeration(gap: str, span: str) -> bool:
    """The key is one small value of an enumeration whose other values the stem says with their
    meanings ("=1（默认）：…；0 = …，___ = …" of 2): the missing one of a short run, worked out
    from the others rather than known."""
    if not re.fullmatch(r"\d", span.strip()):
        return False
    others = {int(m.group(1)) for m in _ENUMERATED.finditer(gap)} - {int(span)}
    run = sorted(others | {int(span)})
    return len(others) >= 2 and run == list(range(run[0], run[0] + len(run)))


def _width_shown(gap: str, span: str) -> bool:
    """A width in bits and the largest value it holds, one blanked beside the other ("窗口字段
    只有 ___ → 最大 65535 字节" of 16 位, or "16 位 → 最大 ___"): 65535 is 2^16 - 1, so the
    stem works the key out."""
    if "bit" not in span and "位" not in span and "bit" not in gap and "位" not in gap:
        return False  # most blanks: no width in bits on either side
    key = parse_number(span)
    if key is None:
        return False
    said = numbers_in(gap)
    return any(_holds(a, b) for a, b in [(key, m) for m in said] + [(m, key) for m in said])


def _holds(width: Number, value: Number) -> bool:
    """The value is the largest a width of bits holds (or one more): 16 bits and 65535."""
    n = width.value
    if width.unit != "bit" or not 4 <= n <= 64 or n != int(n):
        return False
    return value.unit != "bit" and value.value in (2 ** int(n), 2 ** int(n) - 1)


def _candidate(f: Fact, pool: Pool, vary: bool = True) -> Candidate | None:
    lang = lang_of(f)
    if f.attribute == "default" and f.subject and names_a_setting(f.subject):
        # a value the notes give the setting beside its default ("# default 150, the preset
        # writes 200") is no wrong option for it
        avoid = pool.said_after_default(f.subject, f.span)
        wrong = distractors_for(f, pool, avoid=avoid, vary=vary)
        named = "named" in f.extra  # "default port: 6379" names a port
        stem = default_named(f.subject, lang) if named else default_number(f.subject, lang)
        return build(NAME, "value", f, stem, f.span, wrong, lang,
                     rank=0, query=f"{f.subject} default")  # fmt: skip
    if f.attribute == "setting" and f.subject and names_a_setting(f.subject):
        # "maxmemory-samples: 5": asked by its label
        # a value the notes give the setting elsewhere ("raising it to 10") is no wrong option
        elsewhere = " ".join(t for t in pool.texts_naming(f.subject) if t != f.block.text)
        wrong = distractors_for(f, pool, avoid=elsewhere, vary=vary)
        measure = measured_by_lead(f)
        if f.role == "port" and not measure:
            stem = port_of(f.subject, lang)  # "JMX remote: 9010" under "Ports"
        else:
            stem = setting_value(f.subject, lang, measure)
        return build(NAME, "value", f, stem, f.span, wrong, lang, rank=0,
                     query=f.subject)  # fmt: skip
    if _STUDY_ORDER.match(f.sentence.lstrip("-*• ")):
        return None  # "Memorise the 5 reserved IPs …": a note to study, not the fact
    port_name = _port_named(f)
    if port_name:
        # "kube-apiserver — 6443": too few words for a cloze, yet the port of a name is a
        # classic question; the other ports of the notes are its options
        wrong = distractors_for(f, pool, avoid=f.sentence, vary=vary)
        return build(NAME, "value", f, port_of(port_name, lang), f.span, wrong, lang,
                     rank=0, query=port_name)  # fmt: skip
    said = with_question(
        arithmetic_cut(clause(f.sentence, f.span), f.span), f.block.text, f.sentence
    )  # the question the line answers stays with it
    if dangling(said):
        return None  # a subject in front would not give back what the cut took
    subject = f.subject or f.context
    if not subject and _MEMBER.fullmatch(said) and said != f.sentence:
        subject = label(f)  # "httpGet (success = ___)" cut from its list: under "Probes"
    elif not subject and said.startswith(f.span) and f.block.parent is None:
        # "11 nines durability for every class.": a sentence that opens with its number and
        # names nothing before it is read under its section's name, never as a bare riddle
        # (a nested item's is read under its parent item, or not asked)
        subject = label(f)
    text = with_subject(said, subject, parent=not f.subject)
    if subjectless(text):
        return None
    gap = blanked(text, f.span)
    if gap is None or computed(gap):
        return None
    if dated_aside(f):
        return None
    gap = _RESTATED.sub(BLANK, gap)  # "scale factor ___ (10 %)" would give 0.1 away
    gap = _without_reason_phrase(gap, f.span)
    gap = _without_restating_clause(gap, f.span)
    gap = _with_lost_name(gap, f)
    gap = _with_line_subject(gap, said, f.block.text)
    gap = _without_later_facts(gap)  # after the name: a name cut with them says nothing here
    if counted(gap, f.span) or _width_shown(gap, f.span) or _last_of_enumeration(gap, f.span):
        return None
    wrong = distractors_for(f, pool, avoid=gap, vary=vary)
    return build(NAME, "cloze", f, cloze(gap, lang), f.span, wrong, lang, rank=1, blank=f.span,
                 query=gap)  # fmt: skip


#: what a line naming a port may say besides its name and the port: "(API)", "healthz"
_PORT_REMARK = re.compile(r"\s*(?:[(（][^()（）]{0,20}[)）]|[A-Za-z]{1,12})?\s*")
#: between a name and its port: a dash, a colon, an arrow, "on"
_PORT_JOIN = re.compile(r"\s*(?:[—–:：=→]|->|-|\bon\b|\bport\b)+\s*", re.I)


def _port_named(f: Fact) -> str:
    """The name whose one port the line gives ("kube-apiserver — 6443", "SSH: 22 (TCP)"), or
    "" when the line says more than that."""
    if f.role != "port" or not f.context:
        return ""
    line = f.sentence.strip().rstrip(".。")
    name = f.context.strip()
    if not line.startswith(name) or len(numbers_in(line)) != 1:
        return ""
    rest = line[len(name) :]
    join = _PORT_JOIN.match(rest)
    if join is None or not join.group(0).strip():
        return ""
    rest = rest[join.end() :]
    if not rest.startswith(f.span):
        return ""
    return name if _PORT_REMARK.fullmatch(rest[len(f.span) :]) else ""


KINDS = ("number",)


def for_fact(f: Fact, pool: Pool) -> Iterator[Candidate]:
    """The number asked among near misses no other question offered beside the same key
    ("default 1" of two settings is not one card twice); where that set fails the gates, the
    first choice of near misses after all."""
    pool.varied = False
    c = _candidate(f, pool)
    varied = pool.varied
    if c is not None:
        yield c
    if varied:
        again = _candidate(f, pool, vary=False)
        if again is not None:
            yield again
