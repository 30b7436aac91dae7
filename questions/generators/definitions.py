"""Term <-> description: "Which QoS class is described here: …?" and the way back.

The options of "which term" are terms of the same role: the other items of the list, the other
values of the enumeration, the other labels, the other headings that name things. A term
defined alone in a paragraph has no such set, so it is asked only when the notes give it
siblings; descriptions are asked only when they stand alone as a description.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache
from weakref import WeakKeyDictionary

import jieba

from questions.ambiguity import (
    also_fits,
    content_words,
    denial_fits,
    denies,
    fitting_others,
    short_aside,
    unsettled,
    vague,
)
from questions.candidate import Candidate
from questions.clipping import lost_qualifier
from questions.cues import (
    CONTEXT_START,
    cleared,
    clue,
    headless,
    names_in_words,
    spliced,
)
from questions.distractors import SECTION_WINDOW, TYPED, Pool, acceptable, same_call
from questions.facts.commands import example_data, quoted_data
from questions.facts.definitions import remark_label
from questions.facts.extract import STATED_PAIR, markup
from questions.facts.model import Fact
from questions.generators.common import build, code_for_description, lang_of
from questions.long_forms import said_plainly, without_long_form
from questions.nouns import noun_for
from questions.parse.markdown import entry_term
from questions.quantities import parse_number
from questions.stems import (
    condition_of,
    forward_definition,
    label_property,
    member_value,
    pick_for,
    reverse_definition,
)
from questions.text import (
    CJK,
    cjk_count,
    contains,
    contains_folded,
    cut_short,
    english_word,
    folded,
    init_jieba,
    norm,
    split_sentences,
)
from questions.values import code_form, command_like, family, shape
from questions.vocabulary import kind_of

NAME = "definition"
MAX_DESC = 200
#: Chinese descriptions that are claims, not descriptions ("权限比IAM高", "不跟 lambda合作")
_ZH_CLAIM_START = {"不", "没", "没有", "不会", "不能", "比",
                   # a clause that goes on from the one before it ("之后动态调整", "然后…")
                   "之后", "然后", "随后", "此后", "接着", "而且", "并且", "但", "但是", "所以", "因此"}  # fmt: skip
_DANGLING = re.compile(r"\b(and|or|but|to|of|the|a|an|with|for|if|e\.g|i\.e)\.?$", re.I)
#: a word that points back to the line before ("`enable --now` does both in one step")
_POINTS_BACK = re.compile(
    r"\b(both|either|neither)(?=\s*$|\s*[,.;:)]|\s+(in|at|of them|of these|are|is|do|does)\b)|"
    r"\b(the former|the latter|the above|as above|see above)\b",
    re.I,
)
_FRAGMENT_START = re.compile(r"^(which|and|or|but|so|then|also|that|it|this|e\.g|i\.e)\b", re.I)


#: `standalone`'s words, compiled once: it reads every description of every term
_ALNUM = re.compile(r"[A-Za-z0-9]+")
#: a sentence's stop or a slash between words ("offline sync.", "mobile/web") breaks a token
_TOKEN_BREAK = re.compile(r"[\s,;()/]+|\.(?=\s|$)")
_PLAIN_WORD = re.compile(r"[A-Za-z][a-z'-]*")


#: a description that opens by setting another term against the subject ("vs COPE …")
_CONTRAST_OPENING = re.compile(r"^(?:vs\.?|versus|cf\.?)\s", re.I)


def of_another(desc: str, f: Fact) -> bool:
    """What a description says after its term's long form is cut is of another term: it sets
    one against the term ("vs COPE Corporate-Owned, …" of BYOD) or defines one ("XDR =
    extended across network, cloud, email" of EDR)."""
    if _CONTRAST_OPENING.match(desc):
        return True
    return any(
        m != f.subject and desc.startswith(m) and re.match(r"\s*=", desc[len(m) :])
        for m in f.block.inline.strong  # (a setting in code, "`backoffLimit: 4` -> …", is the term's)
    )


@lru_cache(maxsize=65536)
def standalone(desc: str) -> bool:
    """A description that reads on its own: long enough, not a clause cut from a sentence."""
    d = desc.strip()
    if cut_short(d):
        return False  # "不具备在以下AWS服务": the notes stop mid-phrase
    if CJK.search(d):
        if cjk_count(d) < 6:
            return False  # "ecs的部署方式": a category, not a description
        init_jieba()
        words = [w for w in jieba.lcut(d, HMM=False) if w.strip()]
        return bool(words) and words[0] not in _ZH_CLAIM_START and "比" not in words
    words = _ALNUM.findall(d)
    tokens = [w for w in _TOKEN_BREAK.split(d) if w]
    plain = [w for w in tokens if _PLAIN_WORD.fullmatch(w) and english_word(w)]
    if re.match(r"^[`\d][^,;]{0,20}=", d):
        return False  # "1 = 1 vCPU/core = 1000m": an equation, not a description
    return (
        len(words) >= 2
        and len(plain) >= max(2, 0.3 * len(tokens))  # "pg_stat_user_tables (n_dead_tup, …)"
        and len(d) >= 8
        and not _FRAGMENT_START.match(d)
        and not _DANGLING.search(d.rstrip(" .,;"))
        and not _POINTS_BACK.search(d)
    )


def thin_aside(f: Fact) -> bool:
    """A set's member described only by a short aside ("Nested Loop (small outer side)"): a hint
    at when the member is used, which another member may share (a Hash Join wants a small
    side too), so no question quotes it as what singles the member out."""
    return "aside" in f.extra and short_aside(f.value)


def no_description(f: Fact, pool: Pool) -> bool:
    """What the fact pairs with its term describes no term: a short aside, or the data an
    example of its section prints or writes ("`cat a.txt` → test content" beside
    `echo "test content" > a.txt`)."""
    return thin_aside(f) or example_data(f.value, _section_data(pool).get(f.section.index, ()))


_SECTION_DATA: WeakKeyDictionary[Pool, dict[int, tuple[str, ...]]] = WeakKeyDictionary()


def _section_data(pool: Pool) -> dict[int, tuple[str, ...]]:
    """The strings each section's code quotes (blocks and spans), read once per notes."""
    index = _SECTION_DATA.get(pool)
    if index is None:
        parts: dict[int, list[str]] = {}
        for b in pool.doc.content if pool.doc is not None else ():
            for code in (b.code, *b.inline.code):
                if code:
                    parts.setdefault(b.section.index, []).extend(quoted_data(code))
        index = {i: tuple(p) for i, p in parts.items()}
        _SECTION_DATA[pool] = index
    return index


def _one_name(term: str) -> bool:
    """ "Pod", "ReplicaSet": a one-word name, offered beside the notes' other one-word names."""
    return len(term.split()) == 1 and family(term) == "name"


def _closed(f: Fact) -> bool:
    """Terms of a closed set: an enumeration, labelled groups, a categorised list, or terms
    defined side by side in one line ("`LimitRange` = …; `ResourceQuota` = …")."""
    if f.role in ("member", "label") or f.group.startswith("b"):
        return True
    return f.category is not None and len(f.siblings) >= 1


def _widened(f: Fact) -> bool:
    """A closed pair that is no named set ("`LimitRange` = …; `ResourceQuota` = …", not "the
    two built-in strategies"): like terms of the notes may join it."""
    return (
        _closed(f) and len(f.siblings) == 1 and not f.category and f.role not in ("member", "label")
    )


def _pair(f: Fact) -> bool:
    """A list that defines exactly two like terms ("RDB = …", "AOF = …"): a pair the notes set
    against each other, asked as such when nothing else of their kind is near."""
    return len(f.siblings) == 1 and family(f.siblings[0]) == family(f.subject)


def shown(f: Fact) -> str:
    """The description a reverse question quotes: its first clause when the rest names the
    term or one of the options ("for slow starting apps; liveness & readiness checks …"), or
    when the rest is a clause about another term the line writes as code ("pulls in another
    unit …; `Wants=` is the weak form …")."""
    names = (f.subject, *f.siblings)
    others = [c for c in f.block.inline.code if norm(c) != norm(f.subject)]
    clauses = re.split(r"\s*[;；]\s*", f.value)
    about_other = any(c.startswith(o) for c in clauses[1:] for o in others)
    # the value folded once, not once per name (a long list's item has two dozen siblings)
    value = folded(f.value)
    if not about_other and not any(contains_folded(value, folded(n)) for n in names):
        return f.value
    # the first sentence when it stands alone ("actually executes the query -> real times …"
    # before "for UPDATE/DELETE wrap it: `BEGIN; EXPLAIN ANALYZE …`"), else the first clause
    firsts = (clauses[0],) if about_other else (split_sentences(f.value)[0], clauses[0])
    for first in firsts:
        first = first.strip().rstrip(".。")
        if first and first != f.value and not any(contains(first, n) for n in names):
            return first
    return f.value


#: a description longer than this is quoted by its first sentence when that sentence alone
#: singles out its term: an exam quotes what identifies the answer, not the whole note
LONG_DESC = 100


def first_sentence(desc: str, others: Sequence[str]) -> str:
    """ "smallest deployable unit in k8s" of a Pod's two sentences; the whole description when
    its first sentence is short of words or says no more than another term's description does
    ("Deploy the new version in batches" is the start of two policies' lines)."""
    first = split_sentences(desc)[0].strip().rstrip(".。")
    if len(desc) <= LONG_DESC or first == desc.strip().rstrip(".。") or not standalone(first):
        return desc
    if CONTEXT_START.match(first):
        return desc  # "by default every pod can reach every pod" sets the scene, says no what
    if len(content_words(first)) < 3 or said_by_another(first, others):
        return desc
    return first


def _unlike_entries(f: Fact, pool: Pool) -> frozenset[str]:
    """The entries of its list no option of an unmarked label may be: an unmarked "SLA:
    Standard 99.95 %, …" names what its line is about, not a thing of the kind of the marked
    terms other lines open with (**Autoclass** – …, **Signed URL** – …), when it is written
    unlike all of them. (An unmarked HTTP/1.1 beside **HTTP/2** and **HTTP/3** is one of
    them.)"""
    if f.role != "term" or f.block.kind != "item" or markup(f) != "plain":
        return frozenset()
    entries = _list_entries(pool).get(f.block.group, ())
    form = shape(f.subject)
    if len(entries) < 2 or any(shape(t) == form for t in entries):
        return frozenset()
    return frozenset(entries)


_LIST_ENTRIES: WeakKeyDictionary[Pool, dict[int, tuple[str, ...]]] = WeakKeyDictionary()


def _list_entries(pool: Pool) -> dict[int, tuple[str, ...]]:
    """The marked terms each list's items open with ("**Autoclass** – …"), read once per
    notes."""
    index = _LIST_ENTRIES.get(pool)
    if index is None:
        found: dict[int, list[str]] = {}
        for b in pool.doc.content if pool.doc is not None else ():
            term = entry_term(b.inline) if b.kind == "item" else None
            if term is not None:
                found.setdefault(b.group, []).append(term)
        index = {g: tuple(ts) for g, ts in found.items()}
        _LIST_ENTRIES[pool] = index
    return index


def said_by_another(text: str, others: Sequence[str]) -> bool:
    """Another term's description says all this text says: quoted, it singles nothing out."""
    words = content_words(text)
    return any(words <= content_words(o) for o in others)


#: a label of plain lower-case words: "load", "old annotation", "profile name"
_PLAIN_LABEL = re.compile(r"[a-z]+(?: [a-z]+){0,2}")


def _code_under_label(f: Fact) -> bool:
    """ "load: `apparmor_parser -q …`": the label says what the code is for, the code is no
    description of it; "which of these is described here: apparmor_parser …" → "load" asks
    nothing (the label beside "old annotation" and "profile name")."""
    value = f.value.lstrip(" `*")
    marked = (*f.block.inline.code, *f.block.inline.strong)
    if f.subject in marked or _PLAIN_LABEL.fullmatch(f.subject) is None:
        return False
    code = next((c for c in f.block.inline.code if len(c) > 3 and value.startswith(c)), None)
    if code is None:
        return False
    rest = re.sub(r"\s*[(（][^()（）]*[)）]", "", value[len(code) :])  # an aside says no what
    return len(re.findall(r"\w+", rest)) < 2  # "`mode = "host"` -> shares the node's …" does


def _reverse(f: Fact, pool: Pool) -> Candidate | None:
    """ "Which QoS class is described here: …?" """
    if f.role == "term" and _code_under_label(f):
        return None
    others = [d for s in f.siblings for d in pool.descriptions.get(norm(s), ())]
    desc = first_sentence(shown(f), others)
    if len(desc) > MAX_DESC:
        desc = split_sentences(desc)[0]
    if len(desc) > MAX_DESC or not standalone(desc):
        return None
    lang = lang_of(f)
    if (f.role == "term" and not f.category and not f.siblings and not _one_name(f.subject)
            and not pool.names_service(f.subject) and not pool.told_apart(f.subject)):  # fmt: skip
        return None  # a term with no like terms beside it has nothing to be confused with
        # (an AWS service has: the services of its area; a well-known feature: its kind's)
    if "claim" in f.extra and not f.siblings:
        return None  # "Client 验证证书链…": only its own list says what else could do it
    if vague(desc):
        return None  # "the fastest database …": an opinion singles nothing out
    if of_another(desc, f):
        return None  # "XDR = extended across …" under EDR: another term's line
    marked = f.block.inline
    near = ("bold",) * (f.subject in marked.strong) + ("code",) * (f.subject in marked.code)
    # terms the author marked alike in one list are kin whatever their case (**VACUUM FULL**
    # beside **autovacuum**): their siblings are already those marked as they are
    alike_marked = f.role == "term" and f.group.startswith("g") and markup(f) != "plain"
    # ...and only those: an unmarked item of the list ("appendfsync options:", the label of a
    # list nested under it) is a heading fragment, not another command
    siblings = [s for s in f.siblings if not alike_marked or pool.marked(s, f.section.index)]
    if f.role == "acronym":
        siblings += defined_acronyms(f, pool)
    # a term the notes define alone or beside one other, and list as a table's row elsewhere
    # (a data type's line beside the type table): that table's other rows are its like terms
    mates = (
        pool.table_mates(f.subject, f.section) if f.role == "term" and len(f.siblings) <= 1 else []
    )
    siblings += [m for m in mates if m not in siblings]
    # a term in code (a command, a setting) takes only the notes' other code as options, never
    # a plain term of its section ("commit id" beside `git add -p`)
    roles = () if markup(f) == "code" and f.role == "term" else (f.role,)

    def lures(text: str) -> list[str]:
        if _widened(f):
            # a pair the notes do not call the only two of a kind: the pair, then like terms
            # of the notes, so the question has three or four options, not a coin toss
            fits = fitting_others(text, f.siblings, pool.descriptions, f.subject)
            near_commands = pool.commands_near(f.subject, f) if command_like(f.subject) else []
            # a name whose form says its kind (a file, a setting) meets the notes' other code
            # of that form nearby too (`standby.signal` beside `pg_hba.conf`); a plain name in
            # code does not: `LimitRange` beside the notes' other names may meet a `B-tree`
            typed = ("code",) if not roles and family(f.subject) in TYPED else roles
            more = pool.alternatives(f.subject, f, typed, siblings=[*near_commands, *mates],
                                     avoid=text,
                                     near_roles=near, names_nearby=True, want=2,
                                     exclude=[*fits, *f.siblings])  # fmt: skip
            # never a second call of the key's function (`NTILE(4)` beside `NTILE(n)`)
            pair = [s for s in f.siblings if s not in fits and pool.same_kind(f.subject, s, f)
                    and acceptable(s, f.subject, (), sibling=True)]  # fmt: skip
            # a "pair" of two calls of one function is no pair: like terms stand alone
            calls = all(same_call(s, f.subject) for s in f.siblings)
            if more and (pair or (calls and len(more) >= 2)):
                return [*pair, *more]
        return pool.alternatives(f.subject, f, roles, siblings=siblings, avoid=text,
                                 closed=_closed(f), near_roles=near,
                                 names_nearby="claim" not in f.extra,
                                 any_shape=f.role in ("member", "label"),
                                 marked_term=alike_marked,
                                 exclude=fitting_others(text, f.siblings, pool.descriptions, f.subject))  # fmt: skip

    wrong = lures(desc)
    unlike = _unlike_entries(f, pool)
    if unlike & set(wrong):
        wrong = [w for w in wrong if w not in unlike]
        if len(wrong) < 2:
            return None  # "SLA" beside no label of its own kind: nothing to confuse it with
    if clue(desc, f.subject, wrong) is not None:
        # the description names its own term ("… by performing an immutable update"): ask it
        # without that part when what is left still singles the term out
        said = cleared(desc, f.subject, wrong)
        if said is not None and (spliced(desc, said) or headless(desc, said)):
            return None  # a phrase cut from inside
        cut = _fair_cut(said, desc, f, pool, lures)
        if cut is None:
            return None
        desc, wrong = cut
        if of_another(desc, f):
            return None  # what is left after the long form describes a contrasted term
    # two terms alone make a question only when the notes set them against each other: a list
    # of the two, or the two terms the author marked in a list of other remarks
    # (two plain paragraphs of a section are not set against each other: "同源 = …" and
    # "简单请求：…" are two topics, not a pair)
    listed = f.block.kind == "item" and pool.list_size(f.block) <= 2
    paired = _pair(f) and (listed or markup(f) != "plain")
    apart = paired and _named_apart(f.block.text, f.siblings[0], f.subject)
    if paired and not listed and not apart and len(wrong) < 2:
        # two defined terms of a longer list that marks more of their kind (four settings, two
        # of them defined) are no pair: the list's other terms of their form join them, so the
        # question is not a coin toss between two of the four; so does a term written as the
        # offered side is, marked as the two are (`ANALYZE` beside `EXPLAIN` and `EXPLAIN
        # ANALYZE`, never `localhost` beside **sidecar**)
        how = markup(f)
        kin = [
            t
            for t in _programs(_list_marks(pool).get(f.block.group, ()), f.subject)
            if t != f.subject and t not in wrong
            and (shape(t) == shape(f.subject)
                 or (shape(t) == shape(f.siblings[0]) and f.siblings[0] in wrong
                     and _marked_as(pool, f.block.group, t) == how))
            and t not in desc and acceptable(t, f.subject, wrong, sibling=True)
        ]  # fmt: skip
        if not kin and markup(f) == "code":
            # two commands side by side (`DEL` … / `UNLINK` …) are no pair when the sections
            # around them define more commands of their form (`PERSIST`, `SCAN`): those join
            kin = [t for t in _code_near(f, pool) if t not in wrong and t not in desc
                   and acceptable(t, f.subject, wrong, sibling=True)]  # fmt: skip
        if not kin:
            # the other side leads a list of its kind elsewhere too (**sidecar** among the
            # multi-container patterns): that list's terms are kin of the pair
            kin = [t for t in _listed_with(f, pool) if t not in wrong and t not in desc
                   and acceptable(t, f.subject, wrong, sibling=True)]  # fmt: skip
        kin = [t for t in kin if not _example_of(t, (f.subject, *f.siblings))]
        kin = [t for t in kin if t not in fitting_others(desc, kin, pool.descriptions, f.subject)]
        if kin and len(wrong) + len(kin) >= 2:
            wrong = [*wrong, *kin][:3]
            paired = False
        elif not _adjacent(pool, f.block.group, f.subject, f.siblings[0]):
            paired = False  # `umask 022` … `/tmp` … `chmod u+x`: two remarks, not a pair
    # two statement headings under one heading ("### Cognito sync …", "### user pool 是…")
    # are a pair the notes set side by side, as two terms of neighbouring items are
    stated = STATED_PAIR in f.extra and wrong == [f.siblings[0]]
    paired = paired or stated
    if denies(desc):
        # "does not talk to remote APIs": only terms the notes say do it are told apart
        wrong = [w for w in wrong if not denial_fits(desc, pool.descriptions.get(norm(w), ()))]
        if len(wrong) < 2:
            return None
    closed = _closed(f) or (len(wrong) < 2 and paired)
    noun = noun_for(f.subject, f.category, f.siblings, lang, wrong)
    kind = pool.known_kind(f.subject)
    if noun is None and lang == "en" and kind and all(kind_of(w) == kind for w in wrong):
        noun = kind  # "Which DynamoDB feature provides …?": the well-known kind
    if f.condition:
        prompt = condition_of(desc, noun, lang)
    elif "label" in f.extra:
        # an aspect line says its aspect ("caveat: conflicts stop it halfway"): the property
        # is what follows the label
        prompt = label_property(
            _LABELLED.sub("", desc).strip() if _aspect(desc) else desc, noun, lang
        )
    elif "pick" in f.extra:
        prompt = pick_for(desc, noun, lang)  # "relational + regional -> Cloud SQL"
    elif "member" in f.extra and f.context and not f.category:
        prompt = member_value(desc, f.context, lang)
    else:
        prompt = reverse_definition(desc, noun, lang, "verb" in f.extra)
    return build(NAME, "reverse", f, prompt, f.subject, wrong, lang, rank=0, query=desc,
                 notes_options=closed,
                 closed=closed and (len(f.siblings) == 1 or stated))  # fmt: skip


def _fair_cut(
    text: str | None, desc: str, f: Fact, pool: Pool, lures: Callable[[str], list[str]]
) -> tuple[str, list[str]] | None:
    """A description that names its own term, cut so that it does not, with the options the
    stem as written fits; None when what is left no longer singles the term out."""
    if text is None or text == desc or not standalone(text):
        return None
    if _said_of_another(text, f, pool):
        return None  # cut to what a sibling's own description says too
    again = lures(text)
    if lost_qualifier(text, f.subject, again):
        return None  # "applies only while opening …" told connect_timeout from the others
    return text, again


def defined_acronyms(f: Fact, pool: Pool) -> list[str]:
    """The acronyms the notes define near an abbreviation line's ("BGP 用于…" beside "X 简称
    SNMP，…"): kin of its short form as much as the acronyms only written in a sentence."""
    by_section = _acronyms_by_section(pool)
    here = f.section.index
    return [a for i in range(here - SECTION_WINDOW, here + SECTION_WINDOW + 1)
            for a in by_section.get(i, ()) if norm(a) != norm(f.subject)]  # fmt: skip


_ACRONYMS: WeakKeyDictionary[Pool, dict[int, list[str]]] = WeakKeyDictionary()
_LIST_MARKS: WeakKeyDictionary[Pool, dict[int, tuple[str, ...]]] = WeakKeyDictionary()


_LIST_PLACES: WeakKeyDictionary[Pool, dict[tuple[int, str], int]] = WeakKeyDictionary()
_LIST_CODE: WeakKeyDictionary[Pool, frozenset[tuple[int, str]]] = WeakKeyDictionary()


def _marked_as(pool: Pool, group: int, term: str) -> str:
    """How a list marks one of its terms: code, else bold (`_list_marks` holds only those)."""
    _list_marks(pool)
    return "code" if (group, term) in _LIST_CODE.get(pool, frozenset()) else "bold"


def _list_marks(pool: Pool) -> dict[int, tuple[str, ...]]:
    """The terms each list's items mark (code, bold), in order, read once per notes."""
    index = _LIST_MARKS.get(pool)
    if index is None:
        marks: dict[int, list[str]] = {}
        places: dict[tuple[int, str], int] = {}
        counts: dict[int, int] = {}
        for b in pool.doc.content if pool.doc is not None else ():
            if b.kind == "item":
                # an item that defines its marked term holds no other term of the list: a
                # mark in its description ("**hides** what the image had there", "`docker
                # rm`" of a volume's line) is a word of the description
                term = entry_term(b.inline)
                opening = [t for t in b.inline.marked if term is None or t == term]
                marks.setdefault(b.group, []).extend(opening)
                n = counts[b.group] = counts.get(b.group, -1) + 1
                for t in opening:
                    places.setdefault((b.group, t), n)
        index = {g: tuple(dict.fromkeys(ts)) for g, ts in marks.items()}
        _LIST_MARKS[pool] = index
        _LIST_PLACES[pool] = places
        _LIST_CODE[pool] = frozenset(
            (b.group, t) for b in pool.doc.content if b.kind == "item" for t in b.inline.code
        ) if pool.doc is not None else frozenset()  # fmt: skip
    return index


#: an argument of a command line: a flag, a path, an assignment or a number
_ARGUMENT = re.compile(r"\s(?:-{1,2}\w|[./~]|\S*=|\d)")


def _programs(terms: Sequence[str], subject: str) -> list[str]:
    """The list's terms as the subject is written: a bare program (`lsblk`) meets the other
    command lines of its list by their programs (`df` of `df -h`), else the terms as they are."""
    if not re.fullmatch(r"[a-z][a-z0-9_.-]*", subject):
        return list(terms)
    # only a command line with arguments (`df -h`, `ls /tmp`) is met by its program: "bind
    # mount" is a name of two words, not the program `bind`
    out = [t.split()[0] if command_like(t) and _ARGUMENT.search(t) else t for t in terms]
    return [t for t in dict.fromkeys(out) if t != subject]


#: how many sections either side count as "near" for a pair's like commands
_CODE_NEAR = 1


def _code_near(f: Fact, pool: Pool) -> list[str]:
    """Commands the notes define in code near the fact's section, written as its term is (a
    bare `PERSIST` beside `UNLINK`, not `TTL key`), its own section's first: the terms a
    reader of those sections could mix up with it."""
    here = f.section.index
    by_section = _code_terms_by_section(pool)
    # the near sections' terms in the pool's order, as a scan of every definition meets them
    near = sorted(
        (n, d)
        for i in range(here - _CODE_NEAR, here + _CODE_NEAR + 1)
        for n, d in by_section.get(i, ())
    )
    found = [
        (abs(d.section.index - here), d.subject)
        for _, d in near
        if norm(d.subject) != norm(f.subject)
        and d.subject not in f.siblings
        and shape(d.subject) == shape(f.subject)
        and code_form(d.subject) == code_form(f.subject)
        # a command line meets command lines of its own program (`git fetch`, not
        # `access_log off` beside `nginx -t`)
        and (not command_like(f.subject) or d.subject.split()[0] == f.subject.split()[0])
    ]
    return list(dict.fromkeys(t for _, t in sorted(found, key=lambda x: x[0])))


_DEFINED: WeakKeyDictionary[Pool, dict[str, list[Fact]]] = WeakKeyDictionary()


def _listed_with(f: Fact, pool: Pool) -> list[str]:
    """The terms another list defines beside the fact's one sibling, of the fact's family and
    kind: the sibling's kin there are the fact's kin too."""
    index = _DEFINED.get(pool)
    if index is None:
        index = {}
        for d in pool.definitions:
            if d.role == "term" and d.group.startswith("g"):
                index.setdefault(norm(d.subject), []).append(d)
        _DEFINED[pool] = index
    own = {norm(f.subject), *map(norm, f.siblings)}
    found = [
        t
        for s in f.siblings
        for d in index.get(norm(s), ())
        if d.group != f.group
        for t in d.siblings
        if norm(t) not in own and family(t) == family(f.subject) and pool.same_kind(f.subject, t, f)
    ]
    return list(dict.fromkeys(found))


def _example_of(text: str, terms: Sequence[str]) -> bool:
    """A marked span that writes one of the terms among more words than a variant adds
    (`MULTI; FLUSHALL ASYNC; EXEC`, not `VACUUM FULL` beside `VACUUM`): a use, no term."""
    return any(contains(text, t) and len(text.split()) > len(t.split()) + 1 for t in terms)


def _named_apart(text: str, other: str, term: str) -> bool:
    """The line names the other term by itself, not only inside the term's own name
    (`EXPLAIN` in `EXPLAIN ANALYZE …` is no mention of `EXPLAIN`)."""
    return other in text.replace(term, " ")


def _adjacent(pool: Pool, group: int, a: str, b: str) -> bool:
    """Two terms marked in neighbouring items of one list (`DEL` … / `UNLINK` …)."""
    _list_marks(pool)
    places = _LIST_PLACES.get(pool, {})
    pa, pb = places.get((group, a)), places.get((group, b))
    return pa is not None and pb is not None and abs(pa - pb) == 1


_CODE_TERMS: WeakKeyDictionary[Pool, dict[int, list[tuple[int, Fact]]]] = WeakKeyDictionary()


def _code_terms_by_section(pool: Pool) -> dict[int, list[tuple[int, Fact]]]:
    """The pool's terms defined in code by section, with their place among its definitions,
    read once per notes: every fact scanning every definition for its near ones grew with the
    square of the notes."""
    index = _CODE_TERMS.get(pool)
    if index is None:
        index = {}
        for n, d in enumerate(pool.definitions):
            if d.role == "term" and markup(d) == "code":
                index.setdefault(d.section.index, []).append((n, d))
        _CODE_TERMS[pool] = index
    return index


def _acronyms_by_section(pool: Pool) -> dict[int, list[str]]:
    """The pool's defined acronyms by section, read once per notes: every abbreviation line
    scanning every definition grew with the square of the notes."""
    index = _ACRONYMS.get(pool)
    if index is None:
        index = {}
        for d in pool.definitions:
            if d.role in _NAMED_ROLES and shape(d.subject) == "acronym":
                index.setdefault(d.section.index, []).append(d.subject)
        _ACRONYMS[pool] = index
    return index


#: roles of a term that names a thing of its own (not a value of a set: FIFO of "SQS type")
_NAMED_ROLES = frozenset({"term", "heading", "acronym"})


def _said_of_another(text: str, f: Fact, pool: Pool) -> bool:
    """A cut description a sibling's description says too ("Deploy the new version to a fresh
    group" of Traffic splitting, said of Immutable too): leaving that sibling out of the options
    would not make the quote name one thing."""
    others = [d for s in f.siblings for d in pool.descriptions.get(norm(s), ())]
    return said_by_another(text, others)


#: a description that only gives a value ("defaults to 75 seconds."): the default question
#: asks it; offered among what other terms are, it is of another kind
_ONLY_A_VALUE = re.compile(
    r"^\s*((is\s+)?(on|off|set)\s+by\s+default|(defaults?|is)\s+(to\s+)?[\d.,]+\s*\w{0,8})\s*\.?\s*$",
    re.I,
)


def _forward(f: Fact, pool: Pool) -> Candidate | None:
    """Descriptions of the sibling terms as options; only short, standalone ones of terms of
    the term's own kind (a timeout setting's description beside other timeouts', not a body
    size's), and none that could describe the term as well ("proxies the app's connections"
    beside a sidecar that is "a helper … (log shipper, proxy)")."""
    if len(f.value) > 80 or len(f.siblings) < 2 or not standalone(f.value):
        return None
    if f.role in ("label",) or _ONLY_A_VALUE.match(f.value) or code_for_description(f):
        return None
    lang = lang_of(f)
    owner = {d: s for s in f.siblings for d in pool.descriptions.get(norm(s), ())}
    data = _section_data(pool).get(f.section.index, ())
    wrong: list[str] = []
    for d in f.sibling_values:
        if len(wrong) == 3:
            break  # enough options: a long list's every other line need not be read
        rest = [x for x in f.sibling_values if x != d]
        if also_fits(f.value, d, rest) or also_fits(d, f.value, rest):
            continue
        if unsettled(d, f.value):
            continue  # what one does not do, the other may not do either
        if "aside" in f.extra and short_aside(d):
            continue  # a sibling's hint may fit this member too
        if example_data(d, data):
            continue  # what an example prints describes no term
        if d in owner and not pool.same_kind(f.subject, owner[d], f):
            continue
        if d in owner and names_in_words(d, owner[d]):
            continue  # "default type, gets a virtual cluster IP" names ClusterIP: not this one
        plain = said_plainly(d, owner.get(d, ""), f.siblings)  # never "Cloud Access … Broker; …"
        if plain and standalone(plain) and acceptable(plain, f.value, wrong):
            wrong.append(plain)
    key = without_long_form(f.value, f.subject)
    if not key:
        return None  # only its acronym spelled out: no meaning to offer
    prompt = forward_definition(f.subject, noun_for(f.subject, f.category, f.siblings, lang), lang)
    return build(NAME, "forward", f, prompt, key, wrong, lang, rank=1, query=f.subject,
                 notes_options=True)  # fmt: skip


def _label_forward(f: Fact, pool: Pool) -> Candidate | None:
    """A line of one of two labelled lists ("standard type" / "FIFO type"): "which label has
    it" is a coin toss between the two, so it is also asked with the other list's lines as
    options, "Which description fits the AWS SQS type FIFO?" (the label's own other lines are
    true of it too, never offered)."""
    if "label" not in f.extra or len(f.siblings) != 1 or len(f.value) > 80:
        return None
    if not standalone(f.value):
        return None
    mine = set(pool.descriptions.get(norm(f.subject), ()))
    wrong: list[str] = []
    for d in pool.descriptions.get(norm(f.siblings[0]), ()):
        if d in mine or also_fits(f.value, d, []) or not standalone(d) or _aspect(d):
            continue
        if acceptable(d, f.value, wrong) and len(wrong) < 3:
            wrong.append(d)
    if len(wrong) < 2:
        return None
    lang = lang_of(f)
    prompt = forward_definition(f.subject, noun_for(f.subject, f.category, f.siblings, lang), lang)
    return build(NAME, "forward", f, prompt, f.value, wrong, lang, rank=1, query=f.subject,
                 notes_options=True)  # fmt: skip


#: a line that opens with a label and a colon ("危害: 队列溢出时…", "tip: …")
_LABELLED = re.compile(r"^(?P<label>[^:：]{1,12})\s*[:：]")


def _aspect(line: str) -> bool:
    """The line says an aspect of its term ("危害: …"), not what the term is."""
    m = _LABELLED.match(line)
    return m is not None and remark_label(m.group("label"))


KINDS = ("definition",)


def for_fact(f: Fact, pool: Pool) -> Iterator[Candidate]:
    c = _reverse(f, pool)
    if c is not None:
        yield c
    if f.condition:
        return  # the term's description is its meaning, never what must hold once it is used
    if parse_number(f.subject) is not None:
        return  # "how many /30s in a /24? → 64": no "Which description fits 64?"
    c = _forward(f, pool) or _label_forward(f, pool)
    if c is not None:
        yield c
