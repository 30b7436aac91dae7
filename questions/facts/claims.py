"""Claims written as prose: a contrast ("X 不会被A触发，会被B触发", "X is triggered by B, not
by A", "X 去掉了 A，只剩 B") and a predicate the notes grant one thing and deny the others ("Blue/green 是 ECS 的
部署方式" beside "Canary和Linear不是ECS的部署方式").

Both carry their own wrong options: the alternative the notes deny. So the question is sound by
the notes alone (exactly one option is what they state), whatever the subject.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from questions.facts.model import Fact
from questions.facts.numbers import sentences
from questions.nouns import singular_word
from questions.parse.model import Block
from questions.text import CJK, LEADING_ARTICLE, STOP_EN, balanced, norm, zh_denial

#: an alternative longer than this is a clause, not a thing to choose
MAX_ALTERNATIVE = 30
#: a subject longer than this is a sentence, not a thing the claim is about
MAX_SUBJECT = 40
_ZH_CONJ = re.compile(r"^(而是|而|但是|但|却|只|只会)\s*")
_EN_AUX = r"is|are|was|were|can|will|should|must|may"
_EN_NEG_FIRST = re.compile(
    rf"^(?P<subject>.+?)\s+(?P<aux>{_EN_AUX})\s*(?:not|n't)\s+(?P<rest>.+?)"
    r"(?:,?\s+but\s+|;\s*)(?P<other>.+?)[.!]?$",
    re.I,
)
_EN_NOT_AFTER = re.compile(r"^(?P<first>.+?),\s*(?:and\s+)?not\s+(?P<other>[^,;]+?)[.!]?$", re.I)
_EN_POS = re.compile(rf"^(?P<subject>.+?)\s+(?P<aux>{_EN_AUX})\s+(?P<rest>.+)$", re.I)
_PRONOUN = re.compile(r"^(it|this|that|these|those|they|there|which|what|you|we|i)\b", re.I)
_LATIN_END = re.compile(r"[A-Za-z0-9]$")
_LATIN_START = re.compile(r"^[A-Za-z0-9]")


def _alternative(text: str) -> bool:
    t = text.strip()
    return (
        0 < len(t) <= MAX_ALTERNATIVE
        and re.search(r"[A-Za-z0-9\u4e00-\u9fff]", t) is not None
        and not re.search(r"\bnot\b|[,，;；。]", t)
        and zh_denial(t) is None
        # "head block)", "(seconds between ops)": part of an aside, or one alone, names no thing
        and balanced(t)
        and not t.startswith(("(", "（"))
    )


def _subject(text: str) -> bool:
    t = text.strip()
    return 0 < len(t) <= MAX_SUBJECT and not _PRONOUN.match(t) and not re.search(r"[,，;；]", t)


def _frame(neg: str, pos: str) -> tuple[str, str, str, str] | None:
    """What two parallel clauses share before and after the part they differ in:
    ("会被log stream触发", "会被metric触发") -> ("会被", "log stream", "metric", "触发").
    The shared frame never cuts a Latin word."""
    p = 0
    while p < min(len(neg), len(pos)) and neg[p] == pos[p]:
        p += 1
    while (
        p
        and _LATIN_END.search(neg[:p])
        and (_LATIN_START.match(neg[p:]) or _LATIN_START.match(pos[p:]))
    ):
        p -= 1  # "log" / "lock": back off to the word's start
    q = 0
    while q < min(len(neg), len(pos)) - p and neg[-1 - q] == pos[-1 - q]:
        q += 1
    while (
        q
        and _LATIN_START.match(neg[len(neg) - q :])
        and (_LATIN_END.search(neg[: len(neg) - q]) or _LATIN_END.search(pos[: len(pos) - q]))
    ):
        q -= 1
    a, b = neg[p : len(neg) - q].strip(), pos[p : len(pos) - q].strip()
    if len(neg[:p].strip()) + len(neg[len(neg) - q :].strip()) < 1:
        return None  # nothing shared: two statements, not one contrast
    return neg[:p], a, b, neg[len(neg) - q :]


def _about_subject(subject: str, denied: str, stated: str) -> bool:
    """ "Series count is what kills it (…), not sample count": the denied thing is named as
    the subject is (one head noun), not as the stated one, so the sentence contrasts its
    subject and what it says of it is no alternative to the denied thing."""
    head = re.findall(r"[A-Za-z]{3,}", denied)
    if not head:
        return False
    word = singular_word(head[-1].casefold())
    named = {singular_word(w.casefold()) for w in re.findall(r"[A-Za-z]{3,}", subject)}
    said = {singular_word(w.casefold()) for w in re.findall(r"[A-Za-z]{3,}", stated)}
    return word in named and word not in said


def _contrast(
    block: Block, sentence: str, subject: str, frame: tuple[str, str, str, str], join: str
) -> Fact | None:
    before, denied, stated, after = frame
    if not (_subject(subject) and _alternative(denied) and _alternative(stated)):
        return None
    if norm(denied) == norm(stated) or _about_subject(subject, denied, stated):
        return None
    claim = f"{subject}{join}{before}{stated}{after}".strip()
    return Fact("contrast", subject.strip(), stated, block, block.line, sentence=sentence,
                span=stated, attribute=claim, siblings=(denied,), group=f"b{block.id}",
                role="contrast")  # fmt: skip


def _zh_contrast(block: Block, sentence: str) -> Fact | None:
    """ "X 不会被A触发，会被B触发": the negated clause first, its parallel after."""
    parts = re.split(r"[，,；;]\s*", sentence.rstrip("。.！!"), maxsplit=2)
    if len(parts) != 2:
        return None
    first, second = parts
    denial = zh_denial(first)
    if denial is None or zh_denial(second) is not None:
        return None
    subject = first[: denial[0]]
    # only the denying character goes: "不会被A" parallels "会被B"
    frame = _frame(first[denial[0] + 1 :].strip(), _ZH_CONJ.sub("", second.strip()))
    if frame is None:
        return None
    join = " " if subject.endswith(" ") else ""  # the notes' own spacing
    return _contrast(block, sentence, subject.strip(), frame, join)


def _en_contrast(block: Block, sentence: str) -> Fact | None:
    """ "X is not triggered by A but by B" and "X is triggered by B, not by A"."""
    m = _EN_NEG_FIRST.match(sentence)
    if m is not None:
        rest = m.group("rest").split()
        other = re.sub(rf"^(it|they)\s+({_EN_AUX})\s+", "", m.group("other"), flags=re.I)
        opening = other.split()[0] if other.split() else ""
        at = next((i for i, w in enumerate(rest) if w.casefold() == opening.casefold()), 0)
        neg = " ".join(rest[at:])
        shared = " ".join(rest[:at])
        frame = _frame(neg, other)
        if frame is None and at == 0:
            return None
        before, refused, stated, after = frame or ("", neg, other, "")
        lead = f"{m.group('subject')} {m.group('aux')} {shared}".rstrip() + " "
        return _contrast(block, sentence, m.group("subject"),
                         (lead[len(m.group("subject")) :] + before, refused, stated, after), "")  # fmt: skip
    m = _EN_NOT_AFTER.match(sentence)
    if m is None or " not " in f" {m.group('first')} ":
        return None
    pos = _EN_POS.match(m.group("first"))
    if pos is None:
        return None
    words: list[str] = m.group("first").split()
    denied: list[str] = m.group("other").split()
    # the stated alternative: the first's closing words after its last little word
    tail: list[str] = []
    for w in reversed(words):
        if w.casefold() in STOP_EN or len(tail) >= 4:
            break
        tail.insert(0, w)
    while denied and (denied[0].casefold() in STOP_EN or denied[0].casefold() in _PLACE):
        denied = denied[1:]  # "on the host, not inside the container": the thing alone
    if len(denied) > 2 and " ".join(denied[-2:]).casefold() in _DEGREE:
        denied = denied[:-2]  # "not sample count so much": the thing, without the hedge
    if not tail or not denied:
        return None
    head = " ".join(words[: len(words) - len(tail)])
    subject = pos.group("subject")
    return _contrast(block, sentence, subject,
                     (head[len(subject) :] + " ", " ".join(denied), " ".join(tail), ""), "")  # fmt: skip


#: "most other settings only a reload", "everything else just a rebuild": what the rest get
_EN_OTHERS = re.compile(
    r"^(?:but\s+|while\s+|whereas\s+)?(?:(?:most|all|every|any|the)\s+)?"
    r"(?:others?|everything else)(?:\s+[\w-]+)?\s+(?:(?:only|just)\s+)?"
    r"(?:(?:need|needs|require|requires|take|takes|get|gets|use|uses)\s+)?"
    r"(?:(?:only|just)\s+)?(?:(?:a|an|the)\s+)?(?!(?:a|an|the|only|just)\b)"
    r"(?P<alt>[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*)?)$",
    re.I,
)
_OTHERS_WORD = re.compile(r"\bother|\belse\b|其他|其它|别的|其余", re.I)
#: the verb that gives the one case its outcome ("changing X needs a full restart")
_EN_OUTCOME_VERB = re.compile(
    r"\b(?:needs?|requires?|forces?|triggers?|takes?|gets?|uses?)\b", re.I
)
#: the one case is named by what is done to it ("changing `a` or `b`"): longer than a name
MAX_CASE = 60


_ZH_OTHERS = re.compile(
    r"^(?:其他|其它|别的|其余)[^，,；;]{0,8}?(?:只需要|只需|只要|只|就)(?P<alt>[^，,；;]{1,20})$"
)
_ZH_OUTCOME = re.compile(r"(?:需要|必须|要|得)")


def _zh_others(block: Block, sentence: str) -> Fact | None:
    """ "改 shared_buffers 需要重启，其他参数只要 reload": the Chinese shape of the one case
    against the rest."""
    parts = re.split(r"\s*[，,；;]\s*", _bare(sentence).rstrip("。！"))
    if len(parts) != 2 or (m := _ZH_OTHERS.match(parts[1])) is None:
        return None
    first = parts[0]
    verb = _ZH_OUTCOME.search(first)
    if verb is None or zh_denial(first) is not None:
        return None
    subject, stated = first[: verb.start()].strip(), first[verb.end() :].strip()
    denied = m.group("alt").strip()
    if (
        not subject
        or len(subject) > MAX_CASE
        or not (_alternative(stated) and _alternative(denied))
    ):
        return None
    if norm(denied) == norm(stated) or denied in first:
        return None
    return Fact("contrast", subject, stated, block, block.line, sentence=sentence, span=stated,
                attribute=first.strip(), siblings=(denied,), group=f"b{block.id}",
                role="contrast")  # fmt: skip


def _en_others(block: Block, sentence: str) -> Fact | None:
    """ "changing X needs a full restart, most other settings only a reload": the one case's
    outcome (restart) against what the rest get (reload), the two options the notes give."""
    plain = _bare(sentence)
    parts = re.split(r"\s*[,;]\s*", plain)
    if len(parts) != 2:
        return None
    first, rest = parts
    m = _EN_OTHERS.match(rest)
    verbs = list(_EN_OUTCOME_VERB.finditer(first))
    if m is None or not verbs or re.search(r"\bnot\b|n't\b", first, re.I):
        return None
    words = len(m.group("alt").split())  # "an incremental build" against "a clean build"
    stated = re.search(rf"([A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*){{{words - 1}}})$", first)
    verb = verbs[-1]
    subject = first[: verb.start()].strip()
    if stated is None or stated.start() <= verb.end() or not subject or len(subject) > MAX_CASE:
        return None
    if _PRONOUN.match(subject) or stated.group(1).split()[0].casefold() in STOP_EN:
        return None
    denied = m.group("alt")
    if not (_alternative(denied) and _alternative(stated.group(1))):
        return None
    if norm(denied) == norm(stated.group(1)) or first.casefold().count(denied.casefold()):
        return None
    claim = first.strip()
    return Fact("contrast", subject, stated.group(1), block, block.line, sentence=sentence,
                span=stated.group(1), attribute=claim, siblings=(denied,), group=f"b{block.id}",
                role="contrast")  # fmt: skip


_EN_DENIED_PP = re.compile(
    r"^(?P<subject>[^,;]{2,40}?)\s+(?:is|are)(?:\s+not|n't)\s+(?P<pp>[a-z]+ed)\b(?P<cond>[^,;]*)$",
    re.I,
)
_EN_GRANTED_PP = re.compile(
    r"^(?P<subject>[^,;]{2,40}?)\s+(?:(?:do|does)\s+)?(?P<aux>get|gets|is|are)\s+(?P<pp>[a-z]+ed)\b"
    r"(?P<adv>(?:\s+[a-z]+ly)?)\s*$",
    re.I,
)
#: where a condition's clause ends: "when the ConfigMap changes -> u have to restart"
_CLAUSE_END = re.compile(r"\s*(?:->|→|=>|\(|:|\bso\b|\bbut\b).*$", re.I)


def _bare(sentence: str) -> str:
    plain, asides = sentence, 1
    while asides:  # "(`SELECT pg_reload_conf();`)": innermost parentheses first
        plain, asides = re.subn(r"\s*\([^()]*\)", "", plain)
    return plain.strip().rstrip(".!")


def _en_granted_participle(block: Block) -> Fact | None:
    """ "env vars are NOT updated when the ConfigMap changes. mounted volumes do get updated
    eventually": of the two things one item names, which one gets updated — the other is the
    lure, denied by the same item."""
    said = [_bare(s) for s in sentences(block.text)]
    denied = [m for s in said if (m := _EN_DENIED_PP.match(_CLAUSE_END.sub("", s)))]
    granted = [m for s in said if (m := _EN_GRANTED_PP.match(s))]
    if len(denied) != 1 or len(granted) != 1:
        return None
    no, yes = denied[0], granted[0]
    a, b = (
        LEADING_ARTICLE.sub("", no.group("subject")),
        LEADING_ARTICLE.sub("", yes.group("subject")),
    )
    if no.group("pp").casefold() != yes.group("pp").casefold() or norm(a) == norm(b):
        return None
    if not (_subject(a) and _subject(b)) or re.search(r"\bnot\b", b, re.I):
        return None
    # "are needed" asks "is needed", "do get updated" asks "gets updated"
    aux = "gets" if yes.group("aux").casefold().startswith("get") else "is"
    pred = " ".join([aux, yes.group("pp"), yes.group("adv").strip(), no.group("cond").strip()])
    pred = re.sub(r"\s+", " ", pred).strip()
    return Fact("predicate", b, b, block, block.line, sentence=block.text, span=b,
                attribute=pred, siblings=(a,), group=f"b{block.id}", role="predicate",
                extra=("verb",))  # fmt: skip


_REMOVED_ZH = re.compile(
    r"^(?P<first>(?P<subject>[^，,；;]+?)\s*(?:去掉|删掉|删除|移除|去除|取消|废弃)了?\s*"
    r"(?P<x>[A-Za-z(][\w()/+.-]*)[^，,；;]*?)\s*[，,；;]\s*(?:只剩下?|只保留|仅剩|只有)\s*"
    r"(?P<y>[A-Za-z(][\w()/+.-]*)"
)
_REMOVED_EN = re.compile(
    r"^(?P<first>(?P<subject>[^,;]+?)\s+(?:removed|removes|dropped|drops)\s+(?:the\s+|an?\s+)?"
    r"(?P<x>[A-Za-z(][\w()/+.-]*)[^,;]*?)\s*[,;]\s*only\s+(?P<y>[A-Za-z(][\w()/+.-]*)\s+"
    r"(?:is\s+|are\s+)?(?:left|remains?)\b",
    re.I,
)
_ONLY = re.compile(r"只剩|只保留|仅剩|只有|\bonly\b", re.I)


def _removed_only(block: Block, sentence: str) -> Fact | None:
    """ "TLS 1.3 去掉了 RSA 密钥交换，只剩 (EC)DHE", "X dropped A, only B is left": what was
    removed, against the one thing of its kind that is left."""
    m = (_REMOVED_ZH if CJK.search(sentence) else _REMOVED_EN).match(sentence)
    if m is None or not _subject(m.group("subject")):
        return None
    x, y = m.group("x").rstrip(".)"), m.group("y").rstrip(".")
    if not balanced(x) or not balanced(y) or norm(x) == norm(y):
        return None
    return Fact("contrast", m.group("subject").strip(), x, block, block.line, sentence=sentence,
                span=x, attribute=m.group("first").strip(), siblings=(y,), group=f"b{block.id}",
                role="contrast")  # fmt: skip


def contrast_facts(block: Block) -> list[Fact]:
    """Every contrast a paragraph or list item states, one per sentence."""
    out: list[Fact] = []
    for sentence in sentences(block.text):
        f = _zh_contrast(block, sentence) if CJK.search(sentence) else _en_contrast(block, sentence)
        if f is None and _OTHERS_WORD.search(sentence):
            f = _zh_others(block, sentence) if CJK.search(sentence) else _en_others(block, sentence)
        if f is None and _ONLY.search(sentence):
            f = _removed_only(block, sentence)
        if f is not None:
            out.append(f)
    # cheap word checks first: most items deny nothing and name no "other"
    asks_pair = re.search(r"\bnot\b|n't\b", block.text, re.I) and not CJK.search(block.text)
    granted = _en_granted_participle(block) if asks_pair else None
    return [*out, granted] if granted else out


_ZH_PREDICATE = re.compile(
    r"^(?P<subject>[^，,；;。是]{1,40}?)\s*(?P<neg>不是|是)\s*(?P<pred>[^，,；;。]{2,40})$"
)
_EN_PREDICATE = re.compile(
    r"^(?P<subject>[^,;]{1,40}?)\s+(?P<aux>is|are)\s+(?P<neg>not\s+)?(?P<pred>[^,;]{2,40}?)[.!]?$",
    re.I,
)
#: a hedge after a denied thing ("not X so much"): how firmly it is denied, not part of it
_DEGREE = frozenset({"so much", "as much", "that much", "per se", "as such"})
#: words that place a thing rather than name it ("not inside the container")
_PLACE = frozenset({"inside", "outside", "within", "into", "onto", "via", "behind", "beside"})
_CLAUSES = re.compile(r"\s*[,;，；]\s*(?:but\s+|while\s+|whereas\s+|而|但)?")
_SUBJECTS = re.compile(r"\s*(?:和|、|，|,|\band\b|\bor\b|或)\s*")
#: a Chinese predicate with an English aside after it ("ECS的部署方式 how u shift ur traffic")
_ASIDE = re.compile(r"(?<=[\u4e00-\u9fff])\s+[A-Za-z][A-Za-z\s',.!?-]*$")


def predicate(sentence: str) -> tuple[list[str], bool, str] | None:
    s = sentence.strip().rstrip("。.！!")
    m = _ZH_PREDICATE.match(s) if CJK.search(s) else _EN_PREDICATE.match(s)
    if m is None:
        return None
    pred = _ASIDE.sub("", m.group("pred")).strip()
    subjects = [LEADING_ARTICLE.sub("", x.strip()) for x in _SUBJECTS.split(m.group("subject"))]
    subjects = [x for x in subjects if x]
    if not subjects or not all(_subject(x) and len(x.split()) <= 4 for x in subjects):
        return None
    if re.search(r"\bnot\b", pred) or zh_denial(pred) is not None:
        return None
    negated = m.group("neg") == "不是" if CJK.search(s) else m.group("neg") is not None
    return subjects, negated, pred


def predicate_facts(blocks: Iterable[Block]) -> list[Fact]:
    """One thing the notes say is P, beside things they say are not P, in one section:
    "which of these is P?" with the denied things as the wrong options."""
    said: dict[tuple[int, str], list[tuple[Block, str, str, bool, str]]] = defaultdict(list)
    for b in blocks:
        if b.kind not in ("paragraph", "item"):
            continue
        for sentence in sentences(b.text):
            # a whole sentence, else its clauses ("Image layers are not writable, the
            # container layer is writable")
            whole = predicate(sentence)
            clauses = [whole] if whole else [predicate(c) for c in _CLAUSES.split(sentence)]
            for found in clauses:
                if found is None:
                    continue
                subjects, negated, pred = found
                for x in subjects:
                    said[(b.section.index, norm(pred))].append((b, sentence, x, negated, pred))
    out: list[Fact] = []
    for claims in said.values():
        pos = [c for c in claims if not c[3]]
        neg = [c[2] for c in claims if c[3]]
        names = {norm(c[2]) for c in pos}
        if len(names) != 1 or not neg or names & {norm(n) for n in neg}:
            continue
        b, sentence, subject, _, pred = pos[0]
        out.append(Fact("predicate", subject, subject, b, b.line, sentence=sentence, span=subject,
                        attribute=pred, siblings=tuple(dict.fromkeys(neg)),
                        group=f"p{b.section.index}", role="predicate"))  # fmt: skip
    return out
