"""Which of the questions that passed the gates make the bank.

- the best one question per fact;
- a table row is asked once; two-option questions at most three times per list or table,
  the first of the notes first;
- no single block supplies more than a quarter of the bank;
- no question's stem states the number another question asks ("maxSurge (default 25%)"
  beside "maxSurge defaults to ___");
- true/false only for facts nothing else asks, at most 9 % of the bank (one true and one
  false on short notes), half true, half false;
- no explanation quotes the part of its line that answers another question of the bank: it
  is cut to its own sentence, clause or list member.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace

from questions.bank import MAX_EXPLANATION, BankQuestion
from questions.candidate import Candidate
from questions.explaining import answers, identity, own_part
from questions.generators.pairings import PAIRED, PROFILE
from questions.generators.pairings import STYLE as PAIRING
from questions.tables import polarity
from questions.text import CJK, STOP_EN, contains, folded, norm
from questions.values import parse_number

MAX_BLOCK_SHARE = 0.25
#: true/false is the weakest form, a last resort (strict reviewers call each one a coin toss):
#: never more than this share of a bank of any size
MAX_TRUE_FALSE_SHARE = 0.09
#: short notes may still hold one true and one false statement beside this many other questions
#: (a share of a handful of questions rounds down to none)
SHORT_NOTES_PAIR_AFTER = 2
#: a two-sided comparison is a coin toss per row: three of its rows are enough
MAX_TWO_OPTION_PER_SET = 3
#: ...and a comparison table's two sides are named in every stem, so common sense settles
#: more of its rows than of a list's: two of them, rows that are no yes/no first
MAX_TWO_SIDED_ROWS = 2
#: statements pairing a comparison's two sides with its aspects: each shows three aspects, so
#: a third question on the same two would mostly repeat what two have shown
MAX_PAIRINGS = 2
#: ...and a side asked for both values of a two-aspect comparison is the other side's
#: question mirrored: one of the two
MAX_PROFILES = 1
#: blanks cut from one sentence: more would paste the same sentence again
MAX_CLOZES = 2
#: properties of one labelled group asked among the same groups ("Which of these has this
#: property: …?" → API Gateway, eight times over): more teach the key, not the property
MAX_LABEL_PROPERTIES = 4
STYLE_ORDER = {"default": 0, "value": 0, "predicate": 0, "command": 0, "computed": 0,
               "reverse": 1, "pairing": 1, "profile": 1, "cloze": 2, "forward": 3, "meaning": 4}  # fmt: skip

Pick = tuple[Candidate, BankQuestion]


@dataclass(frozen=True)
class Plan:
    chosen: list[Pick]
    not_chosen: list[tuple[Candidate, str]]


#: what a number counts, most worth asking first (a version or year is trivia beside a limit)
ROLE_ORDER = {"quantity": 0, "range": 1, "code": 2, "port": 2, "key": 2, "version": 3, "year": 3}


def order(p: Pick) -> tuple[int, int, int, int, int, int, str]:
    """Best first: rank, way of asking, what a number counts, more options, the fuller fact,
    the sentence's first number (the rule before its example: "1 = 1000m, so 250m = …")."""
    c = p[0]
    role = ROLE_ORDER.get(c.fact.role.split(":")[0], 1) if c.fact.kind == "number" else 1
    fuller = -len(c.fact.value) if c.fact.kind == "property" else 0
    first = c.fact.sentence.find(c.fact.span) if c.fact.span else 0
    return (c.rank, STYLE_ORDER.get(c.style, 5), role, -len(c.options), fuller, first, c.prompt)


def coin_toss(c: Candidate) -> bool:
    """A choice between two options: a guess is right half the time."""
    return c.kind == "choice" and len(c.options) == 2


def coin_toss_reason(c: Candidate) -> str:
    """Why a two-option question is left as one: the notes give its fact no third option."""
    f = c.fact
    if f.table is not None and f.table.transposed:
        return "a comparison of two whose aspects no statement can pair"
    if c.generator == "claim" or c.style == "cloze":
        return "a two-way contrast in one line, no like option in the notes"
    if c.style == "default":
        return "the default of two named values"
    return "two terms told apart by a description, no third like term in the notes"


def _per_fact(choices: Sequence[Pick]) -> tuple[list[Pick], list[tuple[Candidate, str]]]:
    by_fact: dict[str, list[Pick]] = defaultdict(list)
    for p in choices:
        by_fact[p[0].fact.id].append(p)
    keep: list[Pick] = []
    drop: list[tuple[Candidate, str]] = []
    for picks in by_fact.values():
        # any question of three options or more before a coin toss of the same fact
        picks.sort(key=lambda p: (coin_toss(p[0]), order(p)))
        keep.append(picks[0])
        drop += [(p[0], "fact already asked") for p in picks[1:]]
    return keep, drop


def set_of(c: Candidate) -> str:
    """The set of like facts a question belongs to: a list, an enumeration, a table."""
    f = c.fact
    if f.table is not None:
        return f"t{f.block.id}"
    return f.group or f"b{f.block.id}"


def _row_of(c: Candidate) -> str | None:
    """A table row (or a comparison table's attribute): asked once."""
    f = c.fact
    if f.table is None or f.row < 0 or c.style == "predicate":
        return None
    return f"t{f.block.id}:{'c' + str(f.column) if f.table.transposed else 'r' + str(f.row)}"


def _cap_sets(picks: list[Pick]) -> tuple[list[Pick], list[tuple[Candidate, str]]]:
    keep: list[Pick] = []
    drop: list[tuple[Candidate, str]] = []
    two: Counter[str] = Counter()
    paired: Counter[str] = Counter()
    stated = {set_of(p[0]) for p in picks if p[0].style in PAIRED}  # tables asked so
    clozes: Counter[tuple[int, str]] = Counter()
    blanks: dict[tuple[int, str], list[str]] = defaultdict(list)
    rows: set[str] = set()
    mirrors: dict[tuple[int, frozenset[str]], str] = {}  # a line's described pair -> its key
    properties: Counter[tuple[str, str]] = Counter()  # (set, group) -> its properties asked
    for p in sorted(picks, key=lambda p: (_yes_no_row(p[0]), p[0].fact.line, order(p))):
        c = p[0]
        key = set_of(c)
        most = MAX_TWO_SIDED_ROWS if _two_sided(c) else MAX_TWO_OPTION_PER_SET
        row = _row_of(c)
        if row is not None and row in rows:
            drop.append((c, "table row already asked"))
        elif c.style == "cloze" and clozes[(c.fact.block.id, c.fact.sentence)] >= MAX_CLOZES:
            drop.append((c, "its sentence is already asked twice"))
        elif c.style == "cloze" and _same_blank(c, blanks[(c.fact.block.id, c.fact.sentence)]):
            drop.append((c, "its blank is already asked"))
        elif len(c.options) == 2 and two[key] >= most:
            drop.append((c, "two-option questions of its set are enough"))
        elif c.style == PAIRING and paired[key] >= MAX_PAIRINGS:
            drop.append((c, "its comparison is already asked twice"))
        elif c.style == PROFILE and paired[key] >= MAX_PROFILES:
            drop.append((c, "its comparison is already asked the other way round"))
        elif len(c.options) == 2 and c.fact.table is not None and key in stated:
            drop.append((c, "its comparison is asked by statements, no coin toss"))
        elif _mirrored(c, mirrors.get((c.fact.block.id, frozenset(c.options)))):
            drop.append((c, "its pair is already asked the other way round"))
        elif _label_property(c) and properties[(key, c.answer_text)] >= MAX_LABEL_PROPERTIES:
            drop.append((c, "its group's properties are asked often enough"))
        else:
            keep.append(p)
            two[key] += len(c.options) == 2
            paired[key] += c.style in PAIRED
            clozes[(c.fact.block.id, c.fact.sentence)] += c.style == "cloze"
            if c.style == "cloze":
                blanks[(c.fact.block.id, c.fact.sentence)].append(c.blank)
            if row is not None:
                rows.add(row)
            properties[(key, c.answer_text)] += _label_property(c)
            if _described_pair(c):
                mirrors.setdefault((c.fact.block.id, frozenset(c.options)), c.answer_text)
    return keep, drop


#: ways of asking that quote what one option is ("Which of these is described here: …")
_DESCRIBING = frozenset({"reverse", "forward", "meaning"})


def _described_pair(c: Candidate) -> bool:
    """A coin toss between two terms by what one of them is (not a comparison table's row:
    each row asks another attribute of the two)."""
    return len(c.options) == 2 and c.style in _DESCRIBING and c.fact.table is None


def _mirrored(c: Candidate, asked: str | None) -> bool:
    """The other half of a pair one line defines side by side, already asked (`asked`: its
    key): "default/min/max per container" of LimitRange beside "total for the namespace" of
    ResourceQuota. Knowing one answer gives the other, so a round asks one of the two. (A pair
    asked by its default, "which strategy is the default", is another fact, and so is each
    property of two lists, "at-least-once" of one queue type and "exactly-once" of the other.)"""
    return _described_pair(c) and asked is not None and asked != c.answer_text


def _label_property(c: Candidate) -> bool:
    """A property asked of the labelled group it is listed under ("Spanner: …")."""
    return c.style == "reverse" and "label" in c.fact.extra


def _two_sided(c: Candidate) -> bool:
    """A row of a comparison table asked as "which of A / B"."""
    return c.fact.table is not None and c.fact.table.transposed and len(c.options) == 2


def _yes_no_row(c: Candidate) -> bool:
    """A comparison row whose cells say only whether a side has it ("有（滑动窗口…）" / "没有"):
    the side with more features is the guess, so such rows come after the others."""
    t = c.fact.table
    if not _two_sided(c) or t is None:
        return False
    return any(polarity(cell) is not None for cell in t.column(c.fact.column))


def _same_blank(c: Candidate, asked: Sequence[str]) -> bool:
    """A cloze of a sentence whose blank holds or lies in a blank already asked of it
    ("If-None-Match" inside `If-None-Match: "abc123"`): the same gap asked twice."""
    mine = c.blank.casefold()
    return bool(mine) and any(mine in b.casefold() or b.casefold() in mine for b in asked if b)


def _cap_blocks(
    picks: list[Pick], keep_statements: bool = False
) -> tuple[list[Pick], list[tuple[Candidate, str]]]:
    """Drop the weakest questions of any block over a quarter of the bank; with
    `keep_statements`, never a true/false one (their balance is already struck)."""
    drop: list[tuple[Candidate, str]] = []
    if len({p[0].fact.block.id for p in picks}) < 4:
        return picks, drop
    for _ in range(8):
        cap = max(3, math.floor(MAX_BLOCK_SHARE * len(picks)))
        counts = Counter(p[0].fact.block.id for p in picks)
        over = {b for b, n in counts.items() if n > cap}
        if not over:
            break
        seen: Counter[int] = Counter()
        out: list[Pick] = []
        for p in sorted(picks, key=order):
            b = p[0].fact.block.id
            seen[b] += 1
            if b in over and seen[b] > cap and not (keep_statements and p[0].kind == "truefalse"):
                drop.append((p[0], "block already gives a quarter of the bank"))
                continue
            out.append(p)
        picks = out
    return picks, drop


def true_false_limit(others: int) -> int:
    """How many true/false questions a bank with this many other questions may hold: the share,
    or one pair on short notes."""
    share = math.floor(MAX_TRUE_FALSE_SHARE / (1 - MAX_TRUE_FALSE_SHARE) * others)
    return max(share, 2 if others >= SHORT_NOTES_PAIR_AFTER else 0)


def _true_false(
    tf: Sequence[Pick], chosen: Sequence[Pick]
) -> tuple[list[Pick], list[tuple[Candidate, str]]]:
    asked = {p[0].fact.id for p in chosen}
    rows = {_row_of(p[0]) for p in chosen} - {None}
    sentences = {(p[0].fact.block.id, p[0].fact.sentence) for p in chosen}
    sections_asked = {p[0].fact.section.index for p in chosen}
    pairs: dict[str, dict[bool, Pick]] = defaultdict(dict)
    for p in tf:
        f = p[0].fact
        if f.id in asked or _row_of(p[0]) in rows or (f.block.id, f.sentence) in sentences:
            continue  # its row or its sentence is already asked: nothing new to test
        pairs[f.id][p[0].answer == 0] = p
    complete = [v for v in pairs.values() if len(v) == 2]
    complete.sort(
        key=lambda v: (v[True][0].fact.section.index in sections_asked, v[True][0].fact.line)
    )
    limit = true_false_limit(len(chosen))
    picked: list[dict[bool, Pick]] = []
    named: set[str] = set()
    for v in complete:
        row = _row_of(v[True][0])
        terms = _terms_stated(v[len(picked) % 2 == 0][0])  # the statement it will give
        if len(picked) < limit and (row is None or row not in rows) and not terms & named:
            picked.append(v)
            rows.add(row)
            named |= terms
    picked = picked[: len(picked) - len(picked) % 2]  # as many true as false
    out: list[Pick] = [v[i % 2 == 0] for i, v in enumerate(picked)]
    taken = {id(p[0]) for p in out}
    drop = [(p[0], "true/false: something better asks it, or its share is full")
            for p in tf if id(p[0]) not in taken]  # fmt: skip
    return out, drop


def _terms_stated(c: Candidate) -> set[str]:
    """The terms a statement speaks of: its own, and a like term it swaps in. Two statements
    of one term ("sidecar is described as …", "sidecar runs one after another"), or of two
    terms whose meanings each swaps into the other ("tar -x creates an archive", "tar -c
    creates an archive"), answer each other."""
    f = c.fact
    return {norm(f.subject)} | {norm(s) for s in f.siblings if s and s in c.prompt}


#: how near a number the words that tie it to its fact must stand, in characters
NEAR = 40


def _states(prompt: str, value: str) -> int:
    """Where the prompt writes the value as a value ("25%" in "default 25%", not in "125%"),
    or -1."""
    v = " ".join(value.split())
    if not v:
        return -1
    # `re.search(rf"(?<![\w.]){re.escape(v)}(?![\w.]*\d)", prompt)` without a pattern per
    # value: an occurrence not inside a longer name or number, no digit in the run after it
    at = prompt.find(v)
    while at >= 0:
        end = at + len(v)
        if not (at and _NAME_CHAR.match(prompt, at - 1)):
            run = _NAME_RUN.match(prompt, end)
            if run is None or not _ANY_DIGIT.search(run.group(0)):
                return at
        at = prompt.find(v, at + 1)
    return -1


_NAME_CHAR = re.compile(r"[\w.]")
_NAME_RUN = re.compile(r"[\w.]*")
_ANY_DIGIT = re.compile(r"\d")


_WORD = re.compile(r"[A-Za-z_][\w.-]*[A-Za-z0-9_]|[\u4e00-\u9fff]{2,}")
#: a number with the word after it, its unit ("~2 billion", "200 million")
_OTHER_NUMBER = re.compile(r"(?<![\w.])\d[\d.,]*\s*(?:[A-Za-z%]+|[\u4e00-\u9fff])?")


def _anchors(c: Candidate) -> tuple[str, ...]:
    """What ties a number to its fact in another stem: the parameter it belongs to, or the
    words either side of it ("max ___ columns": max, columns)."""
    f = c.fact
    if f.subject:
        return (f.subject,)
    at = f.sentence.find(f.span) if f.span else -1
    if at < 0:
        return ()
    # another number's unit ("~2 billion") is no anchor: that number's own question blanks it
    head = _OTHER_NUMBER.sub(" ", f.sentence[:at])
    tail = _OTHER_NUMBER.sub(" ", f.sentence[at + len(f.span) :])
    before = [w for w in _WORD.findall(head) if w.casefold() not in STOP_EN]
    after = [w for w in _WORD.findall(tail) if w.casefold() not in STOP_EN]
    # a Chinese word of two characters is a word ("文件 666，目录 ___"); a Latin one of two
    # letters mostly no anchor, nor a word every default says ("默认", "最大")
    return tuple(w for w in (before[-1:] + after[:1])
                 if (len(w) >= 3 or CJK.match(w)) and w not in _ANY_NUMBERS_WORDS)  # fmt: skip


#: words said beside numbers of every kind: they tie a number to no one fact
_ANY_NUMBERS_WORDS = frozenset(
    {"默认", "默认值", "最大", "最小", "上限", "下限", "大约", "左右", "至少"}
)


_DIGITS = re.compile(r"\d+")


def _no_leaks(picks: list[Pick]) -> tuple[list[Pick], list[tuple[Candidate, str]]]:
    """Best first, drop a question whose stem states the number a kept one asks, with what ties
    it to that fact, or whose number a kept one so states: two questions of one bank must not
    answer each other. Kept stems and answers are indexed by their digits and by their line,
    so each question is compared only with the few that could leak (linear in the bank)."""
    keep: list[Pick] = []
    drop: list[tuple[Candidate, str]] = []
    # by first digits; each number also as written in a stem, so a stem without it is passed
    # over unread (small numbers recur in every copy of repeated notes)
    asked: dict[str, list[tuple[str, str, tuple[str, ...]]]] = defaultdict(list)
    stems: dict[str, list[str]] = defaultdict(list)  # kept prompts by every digit run in them
    named: dict[int, list[str]] = defaultdict(list)  # kept term answers by block
    here: dict[int, list[str]] = defaultdict(list)  # kept prompts by block

    def states(prompt: str, value: str, anchors: tuple[str, ...]) -> bool:
        at = _states(prompt, value)
        if at < 0 or not anchors:
            return False
        near = prompt[max(0, at - NEAR) : at + len(value) + NEAR].casefold()
        return all(a.casefold() in near for a in anchors)

    # a stem that quotes another line as its context ("<step 2>：没变 -> ___") is of both lines
    lines = _lines(picks)

    for p in sorted(picks, key=order):
        c, q = p
        number = q.choices[q.answer] if c.fact.kind in ("number", "default") else ""
        if c.fact.table is not None and q.kind == "choice":
            # a table's number, asked either way ("hz 的默认值", "哪个配置的默认值是“10”"), is
            # told by another question saying "hz 10"
            number = c.fact.value
        number = number if parse_number(number) is not None and c.style != "computed" else ""
        # rows of one table name each other's keys by design ("TCP / UDP 中哪一个…")
        lone = c.fact.table is None and c.style != "computed"
        term = q.choices[q.answer] if lone and q.kind == "choice" and not number else ""
        mine = _anchors(c) if number else ()
        key = next(iter(_DIGITS.findall(number)), "")
        written = " ".join(number.split())
        # what a question shows: its stem, and the descriptions it offers (a wrong one, "3,000
        # with batching", may be true of another row and state another question's key)
        shown = q.prompt if number else " | ".join([q.prompt, *q.choices])
        digits = set(_DIGITS.findall(shown))
        # a term answer leaks only within its own line: "HTTP/2: … 一个 ___ 连接" beside
        # "“多路复用 …” 说的是哪一项？" (elsewhere a term named in a stem is just a word)
        leaks = (
            any(states(shown, v, a) for d in digits for w, v, a in asked.get(d, ()) if w in shown)
            or bool(
                key
                and mine
                and any(states(k, number, mine) for k in stems.get(key, ()) if written in k)
            )  # states() needs both: skip early
            or (lone and any(contains(q.prompt, t) for b in lines(c) for t in named.get(b, ())))
            or bool(term and any(contains(k, term) for b in lines(c) for k in here.get(b, ())))
        )
        if leaks:
            drop.append((c, "another question's stem gives the answer"))
            continue
        keep.append(p)
        for d in digits:
            stems[d].append(shown)
        for b in lines(c):
            here[b].append(q.prompt)
        if key and c.kind == "choice":
            asked[key].append((written, number, mine))
        if term:
            for b in lines(c):
                named[b].append(term)
    return keep, drop


def _line_key(text: str) -> str:
    return " ".join(text.split()).rstrip("。.;；").casefold()


def make_plan(passed: Sequence[Pick]) -> Plan:
    choices = [p for p in passed if p[0].kind == "choice"]
    tf = [p for p in passed if p[0].kind == "truefalse"]
    chosen, dropped = _per_fact(choices)
    chosen, capped = _cap_sets(chosen)
    chosen, blocked = _cap_blocks(chosen)
    chosen, leaked = _no_leaks(chosen)
    tf_chosen, tf_dropped = _true_false(tf, chosen)
    if tf_chosen:  # a statement may state a number a choice question asks
        kept, tf_leaked = _no_leaks(chosen + tf_chosen)
        tf_chosen, unbalanced = _balanced([p for p in kept if p[0].kind == "truefalse"])
        tf_dropped += tf_leaked + unbalanced
    picked, told = _own_explanations(chosen + tf_chosen)
    picked, twice = _said_twice(picked)
    picked, mirrored = _one_per_pair(picked)
    # the cuts since may leave a block over its share of the smaller bank: held to it again
    picked, reblocked = _cap_blocks(picked, keep_statements=True)
    return Plan(
        picked,
        dropped + capped + blocked + leaked + tf_dropped + told + twice + mirrored + reblocked,
    )


def _one_per_pair(picks: list[Pick]) -> tuple[list[Pick], list[tuple[Candidate, str]]]:
    """One question of a two-option pair said in one place: "cswch/s or nvcswch/s: 自愿切换?"
    beside "…: 非自愿切换?" (the two items of one list, or the two cells of one table row) is
    one fact asked twice, the second answered by the first (a review). Rows of a two-sided
    comparison are other facts of the same pair, each asked."""
    seen: set[tuple[frozenset[str], str, int]] = set()
    drop: dict[int, Candidate] = {}
    for c, q in sorted(picks, key=order):
        if c.kind != "choice" or len(q.choices) != 2 or not c.fact.group:
            continue
        if c.fact.role == "label":
            continue  # "Fast-forward:" / "Three-way:" lists: each line another fact of the pair
        pair = (frozenset(folded(o) for o in q.choices), c.fact.group, c.fact.row)
        if pair in seen:
            drop[id(c)] = c
        seen.add(pair)
    out = [(c, "the other question of its pair is asked") for c in drop.values()]
    return [p for p in picks if id(p[0]) not in drop], out


def _said_twice(picks: list[Pick]) -> tuple[list[Pick], list[tuple[Candidate, str]]]:
    """One value of one setting asked once: a default the prose states ("gc.reflogExpire 默认
    90 天") and a config block's comment states again ("reflogExpire = 90.days ; 默认 90 天")
    are one fact to a player, though two lines of the notes; the better question is kept."""
    kept: list[Candidate] = []
    dropped: dict[int, Candidate] = {}
    for c, _ in sorted(picks, key=order):
        if c.generator == "number" and any(_same_value(c, k) for k in kept):
            dropped[id(c)] = c
        elif c.generator == "number":
            kept.append(c)
    drop = [(c, "the same value of the same setting is already asked") for c in dropped.values()]
    return [p for p in picks if id(p[0]) not in dropped], drop


def _same_value(a: Candidate, b: Candidate) -> bool:
    """The two ask one value, and one names the other's setting, or both blank it after the
    same words beside one name ("`everysec`：…，最多丢 ___" and "优点：…，最多丢 ___（everysec）")."""
    if folded(a.answer_text) != folded(b.answer_text):
        return False
    return _names_setting(a, b) or _names_setting(b, a) or _same_slot(a, b)


def _same_slot(a: Candidate, b: Candidate) -> bool:
    """Both blank the value right after the same word, and both stems write one name of their
    lines' code: one statement said in two places."""
    before_a, before_b = _before_blank(a.prompt), _before_blank(b.prompt)
    if len(before_a) < 2 or before_a != before_b:
        return False
    names = {n for n in (*a.fact.block.inline.code, *b.fact.block.inline.code) if len(n) >= 3}
    return any(n in a.prompt and n in b.prompt for n in names)


#: the last Latin word, or the last three Chinese characters, of a text
_LAST_WORD = re.compile(r"[A-Za-z]+$|[\u3400-\u9fff]{1,3}$")


def _before_blank(prompt: str) -> str:
    """The word or the three characters right before a cloze's blank, or ""."""
    head, sep, _ = prompt.partition("___")
    if not sep:
        return ""
    head = head.rstrip()
    m = _LAST_WORD.search(head)
    return m.group(0).casefold() if m else ""


def _names_setting(x: Candidate, y: Candidate) -> bool:
    """`y`'s stem names the setting `x` asks the value of."""
    return len(x.fact.subject) >= 3 and x.fact.subject.casefold() in y.prompt.casefold()


def _own_explanations(picks: list[Pick]) -> tuple[list[Pick], list[tuple[Candidate, str]]]:
    """Each explanation that would answer another question of its line (the whole "joins:
    Nested Loop (…), Hash Join (…)" under the question on Hash Join) cut to the part that
    holds its own question's answer, as wide as tells no other; where even that part answers
    the other (two questions of one statement: "X —— JS 能读到…" asked for X and for JS), the
    better question is kept, and the kept ones are cut again against each other only.
    Questions are compared within their lines only."""
    lines = _lines(picks)

    def cut(group: list[Pick], done: Mapping[int, Pick] | None = None) -> list[Pick]:
        """Each question's explanation cut against the other questions of its lines in
        `group`; `done`: questions already cut against those same questions, by identity."""
        # each key folded once, not once per question of its line (a table's rows are one line)
        by_line: dict[int, list[tuple[Pick, str]]] = defaultdict(list)
        for p in group:
            key = folded(p[1].answer_text) if p[1].kind == "choice" else ""
            for b in lines(p[0]):
                by_line[b].append((p, key))
        out: list[Pick] = []
        for c, q in group:
            if done is not None and id(c) in done:
                out.append(done[id(c)])
                continue
            near = [entry for b in lines(c) for entry in by_line[b]]

            def fine(text: str, near: list[tuple[Pick, str]] = near, mine: str = c.fact.id) -> bool:
                told = folded(text)  # an explanation without a key's words tells no answer
                return not any(
                    answers(text, o[1], o[0].fact.subject, o[0].query)
                    for o, key in near
                    if key and key in told and o[0].fact.id != mine
                )

            if not fine(c.explanation):
                needs, strong = identity(q, c.fact.subject, c.query)
                part = own_part(c.explanation, needs, clauses=strong, fine=fine)
                if part is not None:
                    q = replace(q, explanation=part[: MAX_EXPLANATION - 1] + "…"
                                if len(part) > MAX_EXPLANATION else part)  # fmt: skip
            out.append((c, q))
        return out

    first = cut(picks)
    #: a kept question with its key and explanation folded once: an explanation answers a
    #: question only where it holds the key (`answers`), so no other pair is read
    by_line_kept: dict[int, list[tuple[Pick, str, str]]] = defaultdict(list)
    kept: dict[int, Pick] = {}
    drop: list[tuple[Candidate, str]] = []
    for c, q in sorted(first, key=order):
        key, told = folded(q.answer_text), folded(q.explanation)
        near = [k for b in lines(c) for k in by_line_kept[b]]
        mine = c.fact.id
        if any(
            answers(theirs.explanation, q, c.fact.subject, c.query)
            for (other, theirs), _, their_told in near
            if key in their_told and other.fact.id != mine
        ):
            drop.append((c, "another question's explanation gives the answer"))
        elif any(
            answers(q.explanation, theirs, other.fact.subject, other.query)
            for (other, theirs), their_key, _ in near
            if their_key in told and other.fact.id != mine
        ):
            drop.append((c, "its explanation gives another question's answer"))
        else:
            kept[id(c)] = (c, q)
            for b in lines(c):
                by_line_kept[b].append(((c, q), key, told))
    # a question none of whose lines lost a question is cut against the same ones again, so
    # its first cut stands (a table is one line, and most lose none)
    touched = {b for c, _ in drop for b in lines(c)}
    done = {id(c): (c, q) for c, q in first if not lines(c) & touched}
    return cut([p for p in picks if id(p[0]) in kept], done), drop


def _lines(picks: Sequence[Pick]) -> Callable[[Candidate], set[int]]:
    """The lines (blocks) a question is of: its own, and the line its stem quotes as context
    ("<step 2>：没变 -> ___" is of both)."""
    by_text = {_line_key(p[0].fact.block.text): p[0].fact.block.id for p in picks}

    def lines(c: Candidate) -> set[int]:
        quoted = by_text.get(_line_key(c.fact.context)) if c.fact.context else None
        return {c.fact.block.id} | ({quoted} if quoted is not None else set())

    return lines


def _balanced(tf: list[Pick]) -> tuple[list[Pick], list[tuple[Candidate, str]]]:
    """As many true as false statements, the first of each kept."""
    true = [p for p in tf if p[0].answer == 0]
    false = [p for p in tf if p[0].answer != 0]
    n = min(len(true), len(false))
    keep = true[:n] + false[:n]
    kept = {id(p[0]) for p in keep}  # by identity: comparing two picks compares their facts
    drop = [(p[0], "true/false: as many true as false") for p in tf if id(p[0]) not in kept]
    return keep, drop
