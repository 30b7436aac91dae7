"""True/false, only where nothing better fits: the notes' own claim, or the same claim with one
value swapped for a same-kind value from the notes (a near-miss number, the other marked term
of the same line), never a negation toggled, so the true and the false statement read alike and
only knowing the fact tells them apart."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from questions.ambiguity import THIN, content_words, fitting_others, vague
from questions.bank import TRUE_FALSE
from questions.candidate import Candidate, stable_int
from questions.cues import description_clue, short_name_of, without
from questions.distractors import Pool, same_call
from questions.facts.extract import markup
from questions.facts.model import Fact
from questions.facts.numbers import has_own_subject
from questions.generators.common import explanation, lang_of
from questions.generators.definitions import no_description, of_another, standalone
from questions.generators.numbers import (
    clause,
    dated_aside,
    distractors_for,
    subjectless,
    with_subject,
)
from questions.generators.tables import column_kinds, limited, overlaps, sharing_a_lack
from questions.headers import values_a_setting
from questions.nouns import FILING_WORDS, singular_word
from questions.stems import (
    cell_attr,
    cut_off,
    described_as,
    singular_predicate,
    table_statement,
    true_false,
)
from questions.subjects import label
from questions.tables import Table, is_empty, polarity, row_names
from questions.text import (
    ASIDE,
    balanced,
    cjk_count,
    contains,
    cut_short,
    find_apart,
    inside_code,
    lemma_words,
    norm,
)
from questions.values import family, parse_number

NAME = "true_false"
_INSTRUCTION = re.compile(
    r"^(use|set|check|run|add|make sure|don'?t|do not|never|always|remember|note|see|read|try|"
    r"avoid|put|write|watch|lower|install|e\.g|确保|记得|注意|不要|别|请|使用|用)\b",
    re.I,
)
_NEGATION = re.compile(
    r"\b(not|no|never|cannot|can't|isn't|doesn't|don't|won't)\b|不|没|无|非", re.I
)
_NEGATED_ASIDE = re.compile(r"\s*[(（][^)）]*(\bnot\b|\bNOT\b|不|没)[^)）]*[)）]")


#: a label the writer files a line under, no part of what it claims
_WRITER_LABEL = re.compile(rf"^{FILING_WORDS}\s*[:：]\s*", re.I)


def claim(f: Fact) -> str | None:
    """The self-contained statement a fact makes, or None (instructions, questions, fragments)."""
    if f.kind not in ("number", "term") or f.block.kind in ("table", "code"):
        return None  # a config line and its comment ("hz 20  # default 10") is code, no claim
    if dated_aside(f):
        return None
    subject = f.subject if f.kind == "number" else f.context
    text = with_subject(clause(f.sentence, f.span), subject)
    if not subject and (not has_own_subject(text) or subjectless(text)):
        return None  # "default port 5432", "Now recommended for …": true or false of what?
    text = _NEGATED_ASIDE.sub("", text).strip()
    unlabelled = _WRITER_LABEL.sub("", text)  # "cheat: errors propagate → CBC, CFB."
    if unlabelled != text:
        heading = label(f)  # "basics: 128 bits, …" under "## IPv6" is said of IPv6
        text = f"{heading}: {unlabelled}" if heading else unlabelled
    if not balanced(text) or len(text) > 160 or _INSTRUCTION.match(text):
        return None
    if _NEGATION.search(text):
        return None  # a negated claim made false reads as a riddle ("64Mi is not 128M")
    if text.rstrip().endswith(("?", "？", ":", "：")) or text.count(f.span) != 1:
        return None
    if _restated(text, f.span):
        return None  # "644 = rw-r--r--": the value said again in a notation; 633 beside it is
        # false by the line alone
    if not contains(text, f.span) or len(re.findall(r"[A-Za-z\u4e00-\u9fff]+", text)) < 4:
        return None
    if not says_something(text, f.block.inline.code) or cut_in_code(f):
        return None
    return text


#: a value's notation after it ("= rw-r--r--"), and what may not stand before the value
_NOTATION_AFTER = re.compile(r"\s*=\s*(?=\S*[^\w\s])\S")
_IN_VALUE = re.compile(r"[\w.]")


def _restated(text: str, span: str) -> bool:
    r"""`re.search(rf"(?<![\w.]){re.escape(span)}\s*=\s*(?=\S*[^\w\s])\S", text)`
    without a pattern per span: spans are many, and their patterns would push the fixed ones
    out of re's cache."""
    at = text.find(span)
    while at >= 0:
        if not (at and _IN_VALUE.match(text, at - 1)) and _NOTATION_AFTER.match(
            text, at + len(span)
        ):
            return True
        at = text.find(span, at + 1)
    return False


_ASIDE = re.compile(r"[(（][^()（）]*[)）]")


def says_something(text: str, codes: tuple[str, ...]) -> bool:
    """The statement says something of its terms: words of its own beside the code spans and
    asides it lists. "`FOR SHARE` (instead of `LOCK IN SHARE MODE`), `SKIP LOCKED`" lists
    syntax with no predicate: neither true nor false, and a swap inside it reads as nonsense."""
    rest = text
    for c in sorted(codes, key=len, reverse=True):  # the longest first: no half span is left
        rest = rest.replace(c, " ")
    rest = _ASIDE.sub(" ", rest)
    return len(re.findall(r"[A-Za-z]{2,}", rest)) + cjk_count(rest) >= 2


def cut_in_code(f: Fact) -> bool:
    """The fact's sentence begins or ends inside a code span of its line ("SELECT ... FOR
    SHARE" split at its dots): half a span is no term, and the claim says what it cut off."""
    line = f.block.inline.text
    start = line.find(f.sentence)
    if start < 0:
        return False
    code = f.block.inline.code
    return any(inside_code(line, end, code) for end in (start, start + len(f.sentence)))


def _quoted(span: str) -> bool:
    """A quoted string, no command: "<type> <size>\\0<content>" is never swapped for `git init …`."""
    return span.strip()[:1] in ('"', "'")


def _swap(f: Fact, pool: Pool, text: str) -> str | None:
    """The statement with its value swapped for a same-kind value of the notes."""
    if f.kind == "number":
        wrong = [w for w in distractors_for(f, pool, avoid=text, least=1) if plausible(f.span, w)]
    else:
        if short_name_of(text, f.span) is not None:
            return None  # "… into a **volume group** (VG)": swapped, the VG still names it
        marked = f.block.inline.code if f.role == "code" else f.block.inline.strong
        wordy = bool(re.search(r"\w", f.span))
        wrong = [m for m in marked if m != f.span and not contains(text, m)
                 and _quoted(m) == _quoted(f.span)
                 and bool(re.search(r"\w", m)) == wordy  # ".*api.*" is no "=" of the line
                 # a folder for a folder, and never a path inside the true one ("/etc/systemd/
                 # system/" swapped for "/etc/systemd/system/sshd.service.d/override.conf")
                 and m.endswith("/") == f.span.endswith("/")
                 and f.span not in m and m not in f.span
                 and peer(f.block.inline.text, f.span, m, pool)
                 and pool.same_kind(f.span, m, f)]  # fmt: skip
    at = _own_place(f, text)
    if at is None:
        return None  # "/etc" only inside "/etc/systemd/system/": no value of its own to swap
    for w in wrong:
        false = text[:at] + w + text[at + len(f.span) :]
        if _NEGATION.findall(false) == _NEGATION.findall(text):  # no negation made or lost
            return false
    return None


def _own_place(f: Fact, text: str) -> int | None:
    """Where the value stands in the statement: a code path where it is a whole token, not the
    start of a longer path (`/etc` inside `/etc/systemd/system/`)."""
    if f.kind == "number" or f.role != "code":
        at = text.find(f.span)
        return at if at >= 0 else None
    at = find_apart(text, f.span, _IN_PATH)  # no pattern per span, as in `_restated`
    return at if at >= 0 else None


_IN_PATH = re.compile(r"[\w/.-]")


#: a false number this many times the true one (or as small a share of it) reads as absurd
#: alone in a statement ("1000 keepalive probes"): no knowledge is needed to reject it
ABSURD_RATIO = 10.0


def plausible(true: str, false: str) -> bool:
    """A false value a reader who has not learnt the fact could believe: of the same unit and
    within an order of magnitude of the true value. (Among options a far value is one of
    several; in a true/false statement it is the whole question.)"""
    t, w = parse_number(true), parse_number(false)
    if t is None or w is None:
        return True  # ranges and codes: their swaps are like values already
    if t.unit != w.unit:
        return True  # "30 seconds" beside "2 minutes": units the notes use alike
    a, b = abs(t.value), abs(w.value)
    if a == 0 or b == 0:
        return True  # 0 against 1: the usual near miss of a flag or a count
    return max(a, b) / min(a, b) < ABSURD_RATIO


def pair(f: Fact, pool: Pool) -> tuple[Candidate, Candidate] | None:
    """The true and the false statement of a fact, identical but for the swapped value."""
    text = claim(f)
    if text is None or _LEANS_BACK.search(text):
        return None
    false = _swap(f, pool, text)
    if false is None:
        return None
    return _pair(f, text, false)


def _pair(f: Fact, true: str, false: str) -> tuple[Candidate, Candidate]:
    lang = lang_of(f)
    why = explanation(f)

    def make(statement: str, truth: bool) -> Candidate:
        return Candidate(NAME, "tf-true" if truth else "tf-false", "truefalse", f,
                         true_false(statement, lang), TRUE_FALSE, 0 if truth else 1, why, lang,
                         rank=5)  # fmt: skip

    return make(true, True), make(false, False)


@lru_cache(maxsize=16384)  # asked once per other row of the column
def _said_without_its_row(cell: str, row: int, keys: tuple[str, ...]) -> str | None:
    """The cell without the words that name its own row, or None when nothing fair is left."""
    found = description_clue(cell, keys[row], [k for k in keys if k != keys[row]])
    if found is None:
        return cell
    trimmed = without(cell, [found])
    if trimmed is None or not standalone(trimmed) or len(content_words(trimmed)) <= THIN:
        return None  # "default type" is left of "default type, gets a virtual cluster IP"
    return trimmed


#: a value that is one word or identifier, its aside left out ("`all`（3.0+）", "none", "lz4")
_BARE_VALUE = re.compile(r"`?[\w.+-]+`?")


def _bare_value(cell: str) -> bool:
    """One word or identifier with no digit: one of a setting's enumerated values."""
    value = ASIDE.sub("", cell).strip()
    return _BARE_VALUE.fullmatch(value) is not None and not any(ch.isdigit() for ch in value)


def table_pair(f: Fact) -> tuple[str, str] | None:
    """A table cell as a statement, and the same statement with another row's cell (or, when
    every other cell names its own row, the cell said of another row)."""
    t = f.table
    if t is None or "matrix" in f.extra or len(f.value) > 80 or polarity(f.value) is not None:
        return None
    if not t.key_first:
        return None  # "10 次 ← Belady! 的LRU是…": a row named by a value says nothing of it
    if cut_short(f.value):
        return None  # "不能在以下": a cell the notes cut off is true of no row in particular
    column = t.column(f.column)
    names = row_names(t.keys)  # "-p 8080:80" names the row of "-p / --publish"
    if any(contains(f.value, k) for k in names) or re.match(r"(?i)(n/?a|none)\b", f.value):
        return None  # "nodePort range is …" names a row: true or false at a glance
    value = f.value
    found = description_clue(value, f.subject, [k for k in t.keys if k != f.subject])
    if found is not None:  # "… for an external name" of ExternalName: say it without that
        trimmed = without(value, [found])
        if trimmed is None or not standalone(trimmed):
            return None
        value = trimmed
    # "off" made false by "1000 ms", a `.ms` setting's 0 by "true": false at a glance
    kinds = column_kinds(tuple(column), t.keys)
    if values_a_setting(f.attribute) and kinds[f.row] == "text" and _bare_value(f.value):
        # a setting's word ("all", "none", "combined") is its own: another row's text is no
        # false value of it ("acks defaults to none", "log_format defaults to TLSv1.2")
        return None
    lacking = sharing_a_lack(t, f.column, f.row)  # a remark that may hold of both rows
    others = [
        c
        for i, c in enumerate(column)
        if i != f.row
        and not (i in lacking and limited(c))
        and kinds[i] == kinds[f.row]
        and not overlaps(c, f.value)
        and not any(contains(c, k) for k in names)
        and not _named_by_its_own_word(c, f.subject, t.keys)  # "needs init" said of init
        and not cut_short(c)
        and not is_empty(c)  # "The ENTRYPOINT of ping localhost is —": no value to swap in
    ]
    # a cell that names its own row ("…一个时间片" of 时间片轮转) makes a false statement at a
    # glance: it is said without the words that name it, or not at all
    others = [x for x in (_said_without_its_row(c, column.index(c), t.keys) for c in others) if x]
    # "默认值 / 备注": a value said as the default, a remark as a remark, never the two swapped
    attr = cell_attr(f.attribute, value)
    others = [c for c in others if cell_attr(f.attribute, c) == attr]
    lang = lang_of(f)
    true = table_statement(_named_key(f.subject, t), attr, value, lang)
    if true is None:
        return None  # a column that only explains ("why"), or a header no sentence is made of
    if not others:
        # every other cell names its row: the same cell said of another row is false too
        # only a row whose own cell is of this kind: a duration said of a size setting is
        # false at a glance ("batch.size defaults to 120000 (2 min)")
        keys = [
            k
            for i, k in enumerate(t.keys)
            if k != f.subject
            and not (i in lacking and limited(value))
            and kinds[i] == kinds[f.row]
            and not contains(value, k)
            and not _named_by_its_own_word(value, k, t.keys)  # "needs init" of terraform init
            # a row with the same cell ("discount: 60–91% | 60–91%") makes it true, not false
            and not overlaps(column[i], f.value)
        ]
        if not keys:
            return None
        swapped = _named_key(keys[stable_int(f.id) % len(keys)], t)
        false = table_statement(swapped, attr, value, lang)
        return None if false is None else (true, false)
    other = others[stable_int(f.id) % len(others)]
    if polarity(other) is not None:
        return None
    false = table_statement(_named_key(f.subject, t), attr, other, lang)
    return None if false is None else (true, false)


#: a row key of numbers only ("2, 3, 4", "0"): it says what it numbers only with its header
_BARE_NUMBERS = re.compile(r"[\d\s,./–-]+")


def _named_key(key: str, table: Table) -> str:
    """The row's key as a sentence says it: a key of numbers with its column's header ("SysV
    runlevel 2, 3, 4"), for "The systemd target of 2, 3, 4 is …" says of what nothing."""
    header = (table.key_header or "").strip()
    if header and _BARE_NUMBERS.fullmatch(key.strip()):
        return f"{header} {key.strip()}"
    return key


def named_in(text: str, term: str) -> bool:
    """The text names the term, word for word or by lemma ("an init container" / "init
    containers")."""
    words = lemma_words(term)
    return contains(text, term) or (bool(words) and words <= lemma_words(text))


def _named_by_its_own_word(text: str, term: str, kin: Sequence[str]) -> bool:
    """The text holds every word that tells the term from its kin, their shared words aside
    ("needs init" of terraform init beside terraform validate and terraform plan): said of
    another term, the statement is false at a glance."""
    shared = frozenset.intersection(*(lemma_words(k) for k in kin)) if kin else frozenset()
    own = lemma_words(term) - shared
    return bool(own) and own <= lemma_words(text)


def definition_pair(f: Fact, pool: Pool) -> tuple[str, str] | None:
    """ "Secrets Manager can easily rotate …" and the same with a like term of the notes
    ("AWS INSPECTOR can easily rotate …"): the term swapped, the description kept."""
    desc = f.value.strip().rstrip("。.")
    if no_description(f, pool):
        return None  # an aside or an example's output is neither its description nor another's
    if not f.siblings or len(desc) > 140 or not standalone(desc) or _NEGATION.search(desc):
        return None
    if vague(desc):
        return None  # "the fastest database …": an opinion is neither true nor false
    kind = f.category or f.role in ("member", "label", "heading") or f.group.startswith("b")
    # a substitute the description names ("an init container w/ …") would make it true
    # nor one whose own description the statement could mean ("… (log shipper, proxy)" of
    # the ambassador that "proxies the app's connections")
    fits = set(fitting_others(desc, f.siblings, pool.descriptions, f.subject))
    alike = markup(f) != "plain"  # siblings marked as it is are kin whatever their case
    # (marked: an unmarked item of its list, "appendfsync options:" over a nested list, is
    # a heading fragment, not a term to swap in)
    here = f.section.index
    others = [s for s in f.siblings if not named_in(desc, s) and s not in fits
              and not same_call(s, f.subject)  # `NTILE(4)` does what `NTILE(n)` does
              and (family(s) == family(f.subject) or (alike and pool.marked(s, here)))
              and peer(f.block.inline.text, f.subject, s, pool)]  # fmt: skip
    if not kind:
        # a plain list: only terms the author marked alike ("**init containers**" and
        # "native **sidecar**"), never "monitoring: XIDs are 32 bit"
        if alike:
            pass  # its siblings are the terms of its list marked as it is
        elif not pool.marked(f.subject, here):
            return None
        else:
            others = [s for s in others if pool.marked(s, here)]
    # a short name spelt from a term ("only TGW does this" of Transit Gateway) names it, and
    # so does the word that tells it from its kin ("needs init" of terraform init)
    others = [s for s in others if short_name_of(desc, s) is None
              and not _named_by_its_own_word(desc, s, [f.subject, *f.siblings])]  # fmt: skip
    if not others or named_in(desc, f.subject) or short_name_of(desc, f.subject) is not None:
        return None
    found = description_clue(desc, f.subject, f.siblings)
    if found is not None:  # "… for an external name" of ExternalName: say it without that
        trimmed = without(desc, [found])
        if trimmed is None or not standalone(trimmed) or not _keeps_most(trimmed, desc):
            return None
        desc = trimmed
    if of_another(desc, f):
        return None  # "BYOD is described as “vs COPE …”": the rest is of the contrasted term
    other = others[stable_int(f.id) % len(others)]
    lang = lang_of(f)

    def said(term: str) -> str:
        if lang == "en" and "verb" in f.extra:
            # "init containers run one after another", "Secrets Manager handles credentials"
            last = term.split()[-1]
            plural = singular_word(last) != last
            return f"{term} {desc if plural else singular_predicate(desc)}"
        return described_as(term, desc, lang)

    return said(f.subject), said(other)


def peer(line: str, term: str, other: str, pool: Pool) -> bool:
    """Whether the other term is a peer of the claim's term, fit to be swapped in for it. The line
    "`LOG` = `TRACE` | `DEBUG`; `TRACE` is the most verbose" uses `LOG` in another role: the
    setting whose value `TRACE` is, so "`LOG` is the most verbose" swaps a thing for its value.
    A term of the claim's own line is swapped in only when written as the fact's term is (the
    line's other flags, joins, commands), and never a term whose own description names the
    fact's term among its values ("trace | debug | info")."""
    if contains(line, other) and family(other) != family(term):
        return False
    key = norm(term)
    return not any(
        key in {norm(v) for v in _ALTERNATIVES.split(d)}
        for d in pool.descriptions.get(norm(other), ())
    )


#: what parts a list of values ("TRACE | DEBUG | INFO", "a, b 或 c")
_ALTERNATIVES = re.compile(r"\s*(?:[|/,，、;；]|\bor\b|或)\s*")


_QUALIFIER = re.compile(r"\s+(with|by|in|for|of|via|through|using|based)\b", re.I)


def _keeps_most(trimmed: str, desc: str) -> bool:
    """A statement whose qualifying phrase was cut, leaving less than half of what it said
    ("sends requests to the server" of "… with the fewest active connections"), is true of
    every term of its list: a statement is judged alone, with no other options to rule it
    out. A second clause cut whole ("…, each one must finish …") leaves a claim of its own; a
    phrase cut from inside a clause ("picks the server, weighted too") is a qualifier cut too."""
    if desc.startswith(trimmed):
        if not _QUALIFIER.match(desc[len(trimmed) :]):
            return True
    else:
        clauses = {c.strip() for c in _CLAUSE.split(desc)}
        if all(c.strip() in clauses for c in _CLAUSE.split(trimmed)):
            return True  # whole clauses of the line, one of them left out
    return 2 * len(content_words(trimmed)) > len(content_words(desc))


_CLAUSE = re.compile(r"[,;，；、]\s*")


#: a statement that ends by pointing back at what the notes said before it ("… returns
#: `Err(…)` instead", "… supports it too", "同理"): cut from that, it says no whole claim
_LEANS_BACK = re.compile(
    r"(?i)\b(?:instead|too|as well|either|otherwise|likewise)\W*$|(?:同理|同上|也一样|也是如此)\W*$"
)


def for_fact(f: Fact, pool: Pool) -> list[Candidate]:
    """The true and the false statement of a fact, or nothing."""
    if cut_off(f.sentence):
        return []  # "…, the thing with them is that they": no claim to call true or false
    statements = None
    if f.kind == "property":
        statements = table_pair(f)
    elif f.kind == "definition":
        # a term's condition read as "X is described as …" would say it is the term's meaning
        statements = None if f.condition else definition_pair(f, pool)
    else:
        p = pair(f, pool)
        return list(p) if p is not None else []
    if statements is None or _LEANS_BACK.search(statements[0]):
        return []
    return list(_pair(f, *statements))
