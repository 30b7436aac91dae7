"""Two automatic players every question must survive before it is kept.

- The stem-only player sees the stem and the options, never the notes. If wording overlap, a
  lone kind or script, length or a blank points at the answer, it would score without knowing
  the fact: the question is dropped.
- The notes player retrieves the note units closest to the stem (BM25, bm25s) and looks for
  each option in them. The question is kept only when the notes support the answer and no other
  option nearly as well: two options true by the notes make an ambiguous question.

Retrieval is windowed: the notes are indexed in overlapping chunks of sections, and a question
is answered from the chunk around its own section. A question's evidence sits near it in the
notes, and the cost per question stays bounded however long the notes are (linear overall).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache

import bm25s
import numpy as np

from questions.ambiguity import denied_blank
from questions.candidate import Candidate
from questions.cues import (
    clue,
    computable,
    description_clue,
    expansions,
    letter_coded,
    numerals,
    restated,
    restating_aside,
    spelled_by,
    spelled_in_key,
    spelled_out,
    unnamed,
    worked_example,
)
from questions.distractors import head_noun
from questions.facts.model import Fact
from questions.facts.numbers import sentences
from questions.generators.pairings import PAIRED
from questions.parse.model import Document
from questions.reverse_cues import term_named
from questions.text import (
    Tokenizer,
    contains,
    contains_folded,
    english_word,
    folded,
    is_zh,
    norm,
)
from questions.values import family, fmt_number, parse_number
from questions.vocabulary import kind_of

logging.getLogger("bm25s").setLevel(logging.WARNING)

TOP_K = 6
#: the drop reason of a stem that says what the key's acronym stands for: it may be reworded
SPELLED_OUT = "stem says what the answer's acronym stands for"
#: a distractor whose support reaches this share of the answer's makes the question ambiguous
AMBIGUITY_RATIO = 0.6
#: a query token held by this share of a chunk's units or more is added as a dense row
_DENSE_SHARE = 0.25
#: sections per retrieval chunk; chunks overlap by half, so every question sees at least a
#: quarter of this many sections of context on each side of its own
CHUNK = 16
#: a blanked word used in this share of the sections (and at least this many) is the topic
TOPIC_SHARE = 1 / 3
TOPIC_SECTIONS = 3
_SUBJECT_STYLES = {"reverse", "predicate", "default", "command"}
#: ways of asking whose options are names, never sentences nor blanks
_NAME_STYLES = frozenset({"reverse", "predicate", "default"})


def written_alone(stem: str, value: str) -> bool:
    """The value stands in the stem as a literal of its own, not part of another one."""
    return re.search(rf"(?<![\w.'\"]){re.escape(value)}(?![\w.'\"])", stem) is not None


def stem_only(c: Candidate) -> str | None:
    """Why a player who never read the notes would find the answer, or None."""
    t = c.fact.table
    if (
        t is not None
        and c.fact.column >= 0
        and letter_coded(t.keys, tuple(t.column(c.fact.column)))
    ):
        return "the column's names spell their row's initial"  # HSET, HGET of Hash
    if c.kind == "truefalse":
        return statement_cue(c)
    answer, wrong = c.answer_text, c.distractors
    options = c.options
    if any("___" in o for o in options):
        return "blank inside a choice"
    keys = [norm(o) for o in options]
    numeric = all(parse_number(o) is not None for o in options)
    names = c.style in _NAME_STYLES  # options are names: VACUUM and VACUUM FULL are two things
    values = c.style == "result"  # values: 'a' and 'ababab', -1 and 1 are two results
    if (
        not numeric
        and not names
        and not values
        and any(a != b and (a in b or b in a) for a in keys for b in keys)
    ):
        return "one choice contains another"
    stem = c.prompt.replace("___", " ")
    listed = " / ".join(sorted(options))
    if listed in stem:  # "Which of ConfigMap / Secret …": the list of options says nothing
        stem = stem.replace(listed, " ")
    if c.style in PAIRED and t is not None:  # the stem names sides, aspects
        for said in sorted((*t.keys, *t.headers), key=len, reverse=True):
            stem = stem.replace(said, " ")
    if any(ch.isdigit() for ch in answer):
        stem = numerals(stem)  # "the ten slowest" names SLOWLOG GET 10; "a minute" is 1 min
    if values:
        if written_alone(stem, answer):
            return "answer is in the stem"  # `int(' 42 ')` gives 42; `int(3.9)` 3 is no echo
    elif contains(stem, answer) and not all(contains(stem, w) for w in wrong):
        return "answer is in the stem"
    number = parse_number(answer)
    written = fmt_number(number.value) if number is not None else ""
    if (  # a pattern only where the number occurs: one per number would flush re's cache
        number is not None
        and written in stem
        and re.search(rf"(?<![\d.]){re.escape(written)}(?![\d.])", stem)
    ):
        return "answer's number is in the stem"  # "max-age=3600 —— ___ 内…" with 3600 秒
    if number is not None and computable(c.prompt, answer):
        return "stem computes the answer"  # "___ (millicores), so 250m = a quarter of a core"
    if number is not None and (restated(stem, answer) or restating_aside(c.prompt)):
        return "stem states the answer in another unit"  # "1048588 bytes (~___)": 1 MiB
    if number is not None and worked_example(c.prompt, number.value):
        return "stem computes the answer"  # "6379 … + ___（e.g. 16379）": 10000
    if not c.notes_options and all(not _kin(answer, w) for w in wrong):
        return "answer alone in its kind"
    zh = [is_zh(o) for o in options]
    if len(set(zh)) > 1 and (zh.count(zh[c.answer]) == 1 or len(options) == 2):
        return "answer alone in its script"
    if (not c.notes_options and len(answer) >= 16 and len(wrong) >= 2
            and len(answer) > 1.6 * max(len(w) for w in wrong)):  # fmt: skip
        return "answer stands out by length"
    if c.style == "cloze" and number is None and denied_blank(c.prompt):
        return "a denial fits every choice"
    if alias_in_stem(stem, answer, wrong):
        return "stem gives the answer away"  # "low K+ → …" of "Potassium (K+)"
    if c.style in ("forward", "meaning") and alias_in_stem(answer, c.fact.subject, wrong):
        return "stem gives the answer away"  # "Sodium (Na+)" and "low Na+ → lithium toxicity"
    if c.style == "meaning":  # the stem names a term, the options say what terms do
        if term_named(stem, answer, wrong, c.fact.subject) is not None:
            return "stem gives the answer away"
    elif not values and clue(stem, answer, wrong, kin_descriptions(c)) is not None:
        # (a result shares the expression's literals by nature: "[1,2]" mapped is "[2, 4]")
        return "stem gives the answer away"
    if len(wrong) >= 2 and not numeric and odd_form(answer, wrong):
        return "answer stands out by form"
    return None


#: a short name in brackets after an option's name ("Potassium (K+)", "需求规格说明 (SRS)")
_ALIAS = re.compile(r"[(（]\s*([^()（）\s][^()（）]{0,11}?)\s*[)）]")


def alias_in_stem(stem: str, answer: str, wrong: Sequence[str]) -> bool:
    """The answer's bracketed short name, written with a capital or a sign, stands in the stem
    while no wrong option holds it: a player matches the symbols, knowing nothing."""
    for m in _ALIAS.finditer(answer):
        alias = m.group(1)
        if not re.search(r"[A-Z+]", alias) or any(alias in w for w in wrong):
            continue
        if re.search(rf"(?<![\w+]){re.escape(alias)}(?![\w+])", stem):
            return True
    return False


_QUOTE = re.compile(r"“([^”]*)”")
_TEMPLATE = re.compile(r"^(True or false:|判断正误：)\s*")


def statement_cue(c: Candidate) -> str | None:
    """A statement "X is described as “…”" whose description names the term it belongs to
    ("删除…" of DELETE, "first launch a new batch" of "Rolling with additional batch") is true
    at a glance when that term is X, and false at a glance when X is another."""
    f = c.fact
    quoted = _QUOTE.findall(c.prompt)
    owner = f.subject
    # "init containers run one after another": what is said of the term, without the term
    desc = quoted[-1] if quoted else _TEMPLATE.sub("", unnamed(c.prompt, [f.subject, *f.siblings]))
    if f.kind == "definition":
        terms = [f.subject, *f.siblings]
    elif f.kind == "property" and f.table is not None and f.column >= 0:
        terms = list(f.table.keys)
        cells = f.table.column(f.column)
        said = norm(desc)  # a cell may be said trimmed: its owner is the row that holds it
        if said not in norm(f.value):
            owner = next((k for k, v in zip(terms, cells, strict=False) if said in norm(v)), owner)
    else:
        return None
    rest = [t for t in terms if t != owner]
    if rest and description_clue(desc, owner, rest) is not None:
        return "statement gives its truth away"
    return None


def kin_descriptions(c: Candidate) -> list[str]:
    """What the notes say of the answer's kin: its column's other cells, or its siblings'
    descriptions (a reverse question's stem is one of these)."""
    f = c.fact
    if c.style == "step":  # a procedure's steps share its vocabulary ("image" in each)
        return [f.subject, *f.siblings]
    if c.style != "reverse":
        return []
    if f.table is not None and f.column >= 0:
        return [v for v in f.table.column(f.column) if v != f.value]
    return list(f.sibling_values)


_VALUE = re.compile(r"\S\s*(?::\s+|=)\S|\"")


_PATH_PREFIX = re.compile(r"^[a-z0-9][a-z0-9_.-]*/")


@lru_cache(maxsize=16384)
def _form(option: str) -> tuple[bool, bool, str]:
    """What a reader sees of an option's form: a value attached ("X: true", "a=1", a quoted
    value), a leading flag dash, and its namespace prefix ("kubernetes.io/"). Cached: a
    table's keys are the options of each of its rows' questions."""
    # a namespace is written in lower case ("kubernetes.io/", "apps/"); "Blue/green" and
    # "TCP/IP" are one name, not a prefix and a name
    prefix = _PATH_PREFIX.match(option)
    return (
        _VALUE.search(option) is not None,
        option.startswith("-"),
        prefix.group(0) if prefix else "",
    )


def odd_form(answer: str, wrong: Sequence[str]) -> bool:
    """The answer alone differs in form while the wrong options all agree: the only option
    with a value ("Access-Control-Allow-Credentials: true"), the only one without the prefix
    the others share ("Opaque" beside kubernetes.io/…)."""
    mine = _form(answer)
    forms = {_form(w) for w in wrong}
    return len(forms) == 1 and mine not in forms


def _kin(a: str, b: str) -> bool:
    """Two options of one surface kind; ALL_CAPS names go with ALL_CAPS_CODES; two values of
    one well-known kind however written ("global tables", "DynamoDB Streams")."""
    fa, fb = family(a), family(b)
    if fa == fb or ({fa, fb} == {"caps", "name"} and a.isupper() and b.isupper()):
        return True
    if kind_of(a) is not None and kind_of(a) == kind_of(b):
        return True
    return bool(head_noun(a)) and head_noun(a) == head_noun(
        b
    )  # "lifecycle policy", "Resource policy"


def _about(unit: Unit, f: Fact) -> bool:
    """A unit can tell what a term is only if it names the term, itself or in the heading or
    lead it sits under: "`DENSE_RANK`: ties share, no gap" says nothing of `RANK`, though its
    tokens hold "rank". A heading naming the term's kin too ("ROW_NUMBER vs RANK vs
    DENSE_RANK") does not say which of them a line under it is about."""
    if not f.subject.isascii():
        return True
    own, context = unit.text[unit.context :], unit.text[: unit.context]
    if _names_word(own, f.subject):
        return True
    return _names_word(context, f.subject) and not any(_names_word(context, s) for s in f.siblings)


def _names_word(text: str, term: str) -> bool:
    """The text names the term as a whole word, or its plural."""
    return any(contains(text, term + tail) for tail in ("", "s", "es"))


def shouted_word(option: str) -> bool:
    """A keyword written in capitals that is also an English word (`ROWS`, `RANGE`, `GROUPS`):
    the notes' lower-case word ("related rows") is the word, not the keyword."""
    return len(option) >= 3 and option.isupper() and option.isalpha() and english_word(option)


def _shouted_in(option: str, text: str) -> bool:
    return re.search(rf"(?<![A-Za-z]){re.escape(option)}(?![A-Za-z])", text) is not None


def _names_folded(text: str, normed_text: str, option: str, normed_option: str) -> bool:
    """A folded text names a folded option: holds it, or is it but for what `norm` drops; each
    text given with its `norm`, read once (a unit's by the unit, an option's per question)."""
    return contains_folded(text, option) or bool(normed_option and normed_option == normed_text)


@dataclass(frozen=True)
class Unit:
    text: str
    head: str  # the unit's subject (a defined term, a table key, a command), "" for sentences
    section: int
    #: length of the context written before a sentence (its heading, parent, lead-in): shared
    #: by the block's sentences, so tokenised once for them all
    context: int = 0

    @cached_property
    def folded_text(self) -> str:
        return folded(self.text)

    @cached_property
    def folded_head(self) -> str:
        return folded(self.head)

    @cached_property
    def normed_text(self) -> str:
        return norm(self.folded_text)

    @cached_property
    def normed_head(self) -> str:
        return norm(self.folded_head)


def units_of(doc: Document, facts: Sequence[Fact]) -> list[Unit]:
    """What the notes say, one unit per statement: definitions as term + description, table
    rows as "key | header: cell", commands with their comment, config lines giving a default, and
    every sentence (a sentence
    of a list item carries its parent and lead-in, which hold its subject)."""
    out: list[Unit] = []
    tables = {f.block.id: f.table for f in facts if f.table is not None}
    defined: dict[int, set[str]] = {}
    for f in facts:
        if f.kind == "definition":
            defined.setdefault(f.block.id, set()).add(f.subject)
            out.append(
                Unit(f"{f.context} {f.subject} {f.value}".strip(), f.subject, f.section.index)
            )
        elif f.kind == "command":
            out.append(Unit(f"{f.value} {f.subject}", f.value, f.section.index))
        elif f.block.kind == "code" and "setting" in f.extra:
            # a config line whose comment gives the setting's default: code is read no other way
            out.append(Unit(f.sentence, f.subject, f.section.index))
    for b in doc.content:
        s = b.section.index
        if b.kind == "code":
            continue
        if b.kind == "table" and b.table is not None:
            t = tables.get(b.id)  # read once, by the extraction
            if t is None:
                out += [Unit(" | ".join(r), "", s) for r in b.table.rows]
                continue
            for key, row in zip(t.keys, t.cells, strict=True):
                cells = " | ".join(f"{h}: {v}" for h, v in zip(t.headers, row, strict=True))
                out.append(Unit(f"{key} | {cells}", key, s))
            continue
        if len(defined.get(b.id, ())) >= 2 and b.kind == "item":
            # "`LAG(col, 1)` reads the previous row, `LEAD(col, 1)` reads the next row": its
            # terms' units say it clause by clause; the whole line names both beside each
            continue
        prefix = f"{b.section.heading} " if b.section.heading else ""
        prefix += (b.parent.text[:60] + " ") if b.parent is not None else ""
        prefix += (b.lead.text[:40] + " ") if b.lead is not None and b.kind == "item" else ""
        out += [Unit(prefix + sent, "", s, len(prefix)) for sent in sentences(b.text)]
    return out


class _Chunk:
    """One bm25s index over the units of a run of sections."""

    def __init__(self, units: list[Unit], tokens: list[list[str]]) -> None:
        self.units = units
        self.retriever = bm25s.BM25()
        self.retriever.index([t or ["_"] for t in tokens], show_progress=False)
        self.vocab = set(self.retriever.vocab_dict)
        self._dense: dict[int, np.ndarray] = {}  # `_scores`: a common token's scores, dense

    def top(self, query_tokens: list[str]) -> list[tuple[float, Unit]]:
        q = [t for t in query_tokens if t in self.vocab]
        if not q:
            return []
        scores = self._scores([self.retriever.vocab_dict[t] for t in q])
        k = min(TOP_K, len(scores))
        idx = np.argpartition(-scores, k - 1)[:k]
        ranked = sorted(((float(scores[i]), int(i)) for i in idx), key=lambda x: (-x[0], x[1]))
        return [(s, self.units[i]) for s, i in ranked if s > 0]

    def _scores(self, ids: list[int]) -> np.ndarray:
        """bm25s's `get_scores`, value for value: each query token's precomputed scores added
        to its documents' in query order, a token that most documents hold (a long list's
        common words, in every one of its thousands of units) by adding its scores as one
        dense row, zero where it is absent: adding zero to a sum of positive scores keeps it,
        and the rest is the same float32 addition, at a fraction of `np.add.at`'s cost."""
        index = self.retriever.scores
        data, indices, indptr = index["data"], index["indices"], index["indptr"]
        if max(ids) >= len(indptr) - 1:  # a token with no documents ("" of bm25s's vocabulary)
            return np.asarray(self.retriever.get_scores(ids))  # bm25s refuses it, as before
        n = index["num_docs"]
        scores = np.zeros(n, dtype=np.dtype(self.retriever.dtype))
        for t in ids:
            start, end = int(indptr[t]), int(indptr[t + 1])
            if end - start < n * _DENSE_SHARE:
                np.add.at(scores, indices[start:end], data[start:end])
                continue
            dense = self._dense.get(t)
            if dense is None:
                dense = np.zeros(n, dtype=scores.dtype)
                dense[indices[start:end]] = data[start:end]  # a token's documents are distinct
                self._dense[t] = dense
            scores += dense
        if self.retriever.nonoccurrence_array is not None:
            scores += self.retriever.nonoccurrence_array[np.asarray(ids)].sum()
        return scores


class NotesSolver:
    """BM25 over the notes near a question; answers whether they single out one option."""

    def __init__(self, doc: Document, facts: Sequence[Fact], tokenizer: Tokenizer) -> None:
        self.tok = tokenizer
        self.units = sorted(units_of(doc, facts), key=lambda u: u.section)
        self._chunks: dict[int, _Chunk | None] = {}
        self._by_section: dict[int, list[int]] = {}
        self._tokens: dict[int, list[str]] = {}  # a unit sits in two chunks: tokenised once
        self._index = {id(u): i for i, u in enumerate(self.units)}  # a retrieved unit's place
        self._token_sections: dict[str, set[int]] | None = None
        for i, u in enumerate(self.units):
            self._by_section.setdefault(u.section, []).append(i)
        #: what the notes' acronyms stand for ("Key Management Service KMS")
        self._expansions = expansions([*(s.heading for s in doc.sections),
                                       *(b.text for b in doc.content if b.kind != "code")])  # fmt: skip
        self._title_tokens = set(tokenizer.tokens(doc.title))
        self._heading_tokens = [set(tokenizer.tokens(s.heading)) for s in doc.sections if s.heading]

    @property
    def expansions(self) -> dict[str, str]:
        """What the notes' acronyms stand for."""
        return self._expansions

    def _unit_tokens(self, i: int) -> list[str]:
        if i not in self._tokens:
            u = self.units[i]
            self._tokens[i] = self.tok.joined_tokens(u.text[: u.context], u.text[u.context :])
        return self._tokens[i]

    def _chunk(self, section: int) -> _Chunk | None:
        """A chunk covers sections [k*H, k*H + 2H) (H = CHUNK / 2), so every section is in two
        chunks; a question takes the one where it has at least H/2 sections on each side."""
        half = CHUNK // 2
        k = section // half - (1 if section % half < half / 2 else 0)
        k = max(k, 0)
        if k not in self._chunks:
            lo, hi = k * half, (k + 2) * half
            ids = [i for s in range(max(lo, 0), hi) for i in self._by_section.get(s, ())]
            units = [self.units[i] for i in ids]
            self._chunks[k] = _Chunk(units, [self._unit_tokens(i) for i in ids]) if ids else None
        return self._chunks[k]

    def top(self, query: str, section: int) -> list[tuple[float, Unit]]:
        chunk = self._chunk(section)
        return chunk.top(self.tok.tokens(query)) if chunk is not None else []

    def support(
        self, c: Candidate, option: str, hits: Sequence[tuple[float, Unit]], rival: str = ""
    ) -> float:
        """Best score of a retrieved unit that names the option (as its subject, when the
        question asks for a subject); a unit naming the rival too tells them not apart."""
        subject_like = c.style in _SUBJECT_STYLES
        opt, riv = folded(option), folded(rival)
        opt_normed, riv_normed = norm(opt), norm(riv)
        keyword = shouted_word(option)
        best = 0.0
        for score, unit in hits:
            if subject_like and unit.head:
                where, normed = unit.folded_head, unit.normed_head
            else:
                where, normed = unit.folded_text, unit.normed_text
            if rival and _names_folded(where, normed, riv, riv_normed):
                continue
            if keyword and not _shouted_in(
                option, unit.head if subject_like and unit.head else unit.text
            ):
                continue  # "rows with equal values" names no `ROWS`
            if _names_folded(where, normed, opt, opt_normed):
                best = max(best, score)
        return best

    def _sections_of(self) -> dict[str, set[int]]:
        """Token -> the sections that use it, built once (linear in the notes)."""
        if self._token_sections is None:
            self._token_sections = {}
            for i, u in enumerate(self.units):
                for t in set(self._unit_tokens(i)):
                    self._token_sections.setdefault(t, set()).add(u.section)
        return self._token_sections

    def topic_word(self, term: str) -> bool:
        """The notes' subject ("HTTP" in "HTTP & 网络基础笔记"): blanked, it is filler ("开始传 ___
        数据"), the word a player who never read the notes would guess. A subject is named in
        the document's title, or in a third of the headings, or used in a third of the sections
        without any heading about it. A word a section is about (VACUUM beside "## VACUUM &
        autovacuum" in PostgreSQL notes) is a topic the notes teach, not their subject."""
        tokens = set(self.tok.tokens(term))
        if not tokens:
            return False
        if tokens <= self._title_tokens:
            return True
        named = sum(tokens <= h for h in self._heading_tokens)
        if named >= max(2, len(self._heading_tokens) * TOPIC_SHARE):
            return True
        index = self._sections_of()
        # one token: its own set, not a copy of it (a common word's set grows with the notes)
        sections = (
            index.get(next(iter(tokens)), set())
            if len(tokens) == 1
            else set.intersection(*(index.get(t, set()) for t in tokens))
        )
        wide = len(sections) >= max(TOPIC_SECTIONS, len(self._by_section) * TOPIC_SHARE)
        return wide and named == 0

    def check(self, c: Candidate) -> str | None:
        """Why the notes do not single out the answer, or None."""
        if (
            c.kind != "truefalse"
            and self._expansions
            and spelled_out(c.prompt, c.answer_text, c.distractors, self._expansions)
        ):
            return SPELLED_OUT
        if (
            c.style in ("forward", "meaning")
            and self._expansions
            and spelled_in_key(c.fact.subject, c.answer_text, c.distractors, self._expansions)
        ):
            return "choice says what the stem's acronym stands for"
        if c.style in ("forward", "meaning") and spelled_by(
            c.answer_text, c.fact.subject, c.distractors
        ):
            # ECC / "elliptic curve discrete log problem": the long form is read off the key
            # even where the notes never spell the acronym out
            return "choice says what the stem's acronym stands for"
        if c.style == "cloze" and c.generator == "term" and self.topic_word(c.answer_text):
            return "blank on a word the whole notes use"
        if c.kind == "truefalse" or c.style in ("predicate", "computed", "default", "step"):
            return None  # the options are one line's own set of values: that line decides
        if c.style == "result":
            return None  # each expression is written with its one value: its line decides
        if c.generator == "table":
            return None  # a table question's options are other rows: the table tells them apart
        query = re.sub(r"___", " ", c.query or c.prompt)
        hits = self.top(query, c.fact.section.index)
        if c.style in ("forward", "meaning"):
            hits = [(s, u) for s, u in hits if _about(u, c.fact)]
        key = self.support(c, c.answer_text, hits)
        if key <= 0:
            return "notes do not support the answer"
        asked = set(self.tok.tokens(query))
        own = [u for _, u in hits if u.head and norm(u.head) == norm(c.answer_text)]
        telling = asked & set(self._unit_tokens_of(own[0])) if own else set()
        for w in c.distractors:
            # a like term's own definition that lacks a word the key's has ("LEAD reads the
            # next row" for "reads the previous row") says the question is not of it
            rival_hits = [(sc, u) for sc, u in hits
                          if not (telling and u.head and norm(u.head) == norm(w)
                                  and not telling <= set(self._unit_tokens_of(u)))]  # fmt: skip
            if self.support(c, w, rival_hits, rival=c.answer_text) >= AMBIGUITY_RATIO * key:
                return "notes support another choice too"
        return None

    def _unit_tokens_of(self, unit: Unit) -> list[str]:
        """A retrieved unit's tokens, from the cache its chunk filled."""
        return self._unit_tokens(self._index[id(unit)])
