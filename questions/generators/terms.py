"""A marked term blanked out of its statement: "CPU above the limit -> container gets ___".

Asked only when the notes give at least two wrong options of the term's role and shape (other
marked terms of the same line, then of the section), none of them already in the sentence, and
never for one value of a list written in the sentence ("envFrom, ___ / secretKeyRef").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from questions.candidate import Candidate
from questions.clipping import asked_before, echoed, with_question
from questions.cues import unhinted
from questions.distractors import Pool, by_likeness
from questions.facts.model import Fact
from questions.generators.common import build, lang_of
from questions.generators.numbers import blanked, clause, dangling, subjectless, with_subject
from questions.stems import BLANK, cloze
from questions.text import contains, stressed

NAME = "term"
_LIST_SEP = r"(,|(?<!\bw)/|、|，|\bor\b|\band\b|和|或)"
_IN_LIST = re.compile(rf"{_LIST_SEP}\s*{re.escape(BLANK)}|{re.escape(BLANK)}\s*{_LIST_SEP}")


_ASIDE_AFTER_BLANK = re.compile(
    rf"{re.escape(BLANK)}\s*[(（][^)）]*(\bnot\b|\bNOT\b|不|没|非)[^)）]*[)）]"
    # "或者 ___（tini）": a short aside on the blank glosses the key ("(exit code 137)" adds a
    # fact of its own)
    rf"|{re.escape(BLANK)}\s*[(（][^()（）\d]{{1,20}}[)）]"
)


def _siblings(f: Fact, pool: Pool) -> list[str]:
    """The other marked spans of the same block and the fact's own set, the likeliest
    confusions, of the span's kind only (a line marks a column beside an index parameter:
    `created_at`, `pages_per_range`; the headings name WAL beside `VACUUM`)."""
    marked = f.block.inline.code if f.role == "code" else f.block.inline.strong
    alike = [m for m in marked if m != f.span and not stressed(m)] + list(f.siblings)
    return [m for m in alike if pool.same_kind(f.span, m, f)]


#: a blank with the number its name carries ("进程就是 ___ 1" of PID 1): the number tells the
#: key, and no other option is written with it
_NUMBERED = re.compile(rf"{re.escape(BLANK)} ?\d")


_NEGATION = re.compile(r"不|没|非|\b(not|never|no|cannot)\b|n't", re.I)


_CONDITION = re.compile(r"\b(when|if|unless|except)\b|如果|当|除非", re.I)


def _negated(gap: str) -> bool:
    """The blank sits in a denied clause ("Canary和Linear不是___的部署方式"): every wrong option
    makes a true statement too."""
    clause = next(c for c in [*re.split(r"[,，;；。.]", gap), gap] if BLANK in c)
    before = clause[: clause.index(BLANK)]
    found = list(_NEGATION.finditer(before))
    # "but not when mounted w/ ___": the blank names the exception, not what is denied
    return bool(found) and not _CONDITION.search(before[found[-1].end() :])


KINDS = ("term",)


#: a blank alone in the last clause, after a semicolon: "…; ___", "…；___。"
_BARE_BLANK_CLAUSE = re.compile(r"[;；]\s*___\s*[.。]?\s*$")


def _bare_pairing(gap: str, codes: tuple[str, ...]) -> bool:
    """The blank's clause is only code joined by "+": what the pair is for is said in no
    word of the clause, so every option pairs with it as well."""
    clause = next((c for c in re.split(r"[;；。]|\.\s", gap) if "___" in c), "")
    rest = clause.replace("___", " ")
    for c in sorted(codes, key=len, reverse=True):
        rest = rest.replace(c, " ")
    return "+" in clause and not re.search(r"[A-Za-z\u4e00-\u9fff]{2,}", rest)


def _token_form(code: str) -> str:
    """An escape (`\n`), a one-letter name (`x`), or a longer token: options of one form."""
    t = code.strip()
    if re.fullmatch(r"\\[A-Za-z0-9]+", t):
        return "escape"
    return "letter" if len(t) == 1 else "token"


def for_fact(f: Fact, pool: Pool) -> Iterator[Candidate]:
    said = with_question(clause(f.sentence, f.span), f.block.text, f.sentence)
    if dangling(said):
        return
    text = with_subject(said, f.context)
    if subjectless(text):
        return  # "really set by `staticPodPath` in ___": set by it, but what is?
    gap = blanked(text, f.span)
    if gap is None or _IN_LIST.search(gap):
        return
    gap = _ASIDE_AFTER_BLANK.sub(BLANK, gap)  # "gets ___ (not killed)", "___ (tini)" give it away
    if _bare_pairing(gap, f.block.inline.code):
        return  # "`delegate_to: localhost` + ___; …": two settings set side by side, no claim
    if _negated(gap) or _NUMBERED.search(gap):
        return
    if f.role == "listed":  # the list's other members: the notes' own options for the slot
        wrong = [s for s in f.siblings if not contains(gap, s)]
    elif f.role == "usage":
        wrong = pool.same_head(f.span, f, avoid=gap)
    else:
        wrong = pool.alternatives(f.span, f, (f.role,), siblings=_siblings(f, pool), avoid=gap,
                                  closed=f.role == "bold")  # fmt: skip
        kin = pool.prefix_kin(f.span, f, avoid=gap) if f.role == "code" else []
        if kin:  # useMemo beside the notes' other hooks, never beside console.time
            wrong = [w for w in wrong if w in kin] + [k for k in kin if k not in wrong]
            wrong = wrong[:3]
        if f.role == "code":  # `\n` beside `yield` and `x`: an escape, a keyword, a variable
            wrong = [w for w in wrong if _token_form(w) == _token_form(f.span)]
        mates = [m for m in pool.table_mates(f.span) if not contains(gap, m)]
        if len(mates) >= 2:  # CMS beside the collector table's other rows, never SATB or JEP
            ranked = by_likeness(f.span, mates, f.id)
            wrong = ([w for w in wrong if w in mates] + [m for m in ranked if m not in wrong])[:3]
    # two contrasted terms of one line; or the only other name of its head the notes write
    # as a kind ("REST API" beside "WebSocket API"): a pair, asked only if nothing else is
    pair = (f.role == "bold" and len(_siblings(f, pool)) == 1) or (
        f.role == "named" and len(f.siblings) == 1
    )
    if pair and len(wrong) < 2:  # two contrasted outcomes: the section's other outcomes join
        wrong += pool.outcomes(f.span, f, avoid=gap, want=3 - len(wrong), taken=wrong)
    gap = unhinted(gap, f.span, wrong)
    if _BARE_BLANK_CLAUSE.search(gap):
        return  # "creation-time by default; ___": the cut left the blank's clause empty
    question = asked_before(f.block.text, f.sentence)
    if question and question in gap and echoed(question, f.span, wrong):
        return  # the question the line answers names the key: nothing fair to ask
    lang = lang_of(f)
    own = pair or f.role == "listed"
    c = build(NAME, "cloze", f, cloze(gap, lang), f.span, wrong, lang, rank=2, blank=f.span,
              query=gap, closed=pair, notes_options=own)  # fmt: skip
    if c is not None:
        yield c
