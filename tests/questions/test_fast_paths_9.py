"""Shortcuts of session 19 decide exactly as the plain reads they replace: a set's cost read in
one loop in `spread`, a word's share of the wrong options counted only until told, a name's
kind read once in `TermKinds.unlike`, a description's own words read once in
`fitting_others`, an opening compared without a pattern in `_builds_on`, a value's significant
digits and a text's words kept, and an ASCII text told to hold no Chinese without a search."""

from __future__ import annotations

import itertools
import math
import random
import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from pathlib import Path

import pytest

import questions.ambiguity as ambiguity
import questions.distractors as distractors
import questions.solvers as solvers
import questions.term_kinds as term_kinds
from questions.candidate import stable_int
from questions.cues import _at_least_half
from questions.distractors import (
    _FAR,
    _NORM_WORD,
    SPREAD_READS,
    Pool,
    _id_distance,
    _log_distance,
    _patterned_set,
    _significant,
    norm_words,
    spread,
)
from questions.facts.extract import extract
from questions.parse import parse_document
from questions.solvers import units_of
from questions.term_kinds import TermKinds, _head, _zh_head, written_kind
from questions.text import CJK, CJK_RUN, cjk_runs, contains_folded, folded, has_cjk, norm
from questions.values import number_role, numbers_in

NOTES = Path(__file__).parent / "notes"
SAMPLES = ["kubernetes-ckad.md", "postgresql-ops.md", "redis-ops.md", "http-networking-zh.md",
           "comparison.md", "broker-client-settings.md"]  # fmt: skip


def _pool(text: str) -> tuple[Pool, list]:
    doc = parse_document(text, "n.md")
    facts = extract(doc)
    return Pool(doc, facts), facts


def _spread_plainly(
    v: float,
    pool: Iterable[float],
    want: int,
    seed: str,
    distance,
    reach: float = math.inf,
    taken: Collection[tuple[float, ...]] = (),
    slack: int = 0,
) -> list[float]:
    """`spread` as it sorted the sets by a cost read per set."""
    ranked = sorted(pool, key=lambda x: (distance(x), x))[: want * SPREAD_READS]
    near = ranked[: want * 2]
    if len(near) <= want:
        return sorted(near)
    place = stable_int("rank", seed) % (want + 1)
    away = {x: distance(x) for x in ranked}

    def cost(c: tuple[float, ...]):
        far = sum(away[x] > reach for x in c)
        below = sum(x < v for x in c)
        return (c in taken, max(far - slack, 0), abs(below - place), far,
                sum(map(away.__getitem__, c)), c)  # fmt: skip

    def best(sets):
        ranked_sets = sorted(sets, key=cost)
        for c in ranked_sets:
            if not _patterned_set(v, c):
                return c, False
        return ranked_sets[0], True

    chosen, odd = best(itertools.combinations(sorted(near), want))
    if odd:
        chosen, _ = best(itertools.combinations(sorted(ranked), want))
    return sorted(chosen)


def test_spread_chooses_the_set_sorting_every_set_by_its_cost_chose() -> None:
    rng = random.Random(19)
    odd = 0
    for n in range(600):
        v = rng.choice([357.0, 168.0, 403.0, 64.0, 1.5, 8080.0, float(rng.randint(1, 999))])
        # round values beside an unround key: the nearest sets all have a pattern
        pool = {rng.choice([10, 20, 25, 50, 100, 150, 200, 250, 300, 500, 600, 750, 714, 1000,
                            v * 2, v / 2, v + 1, 401, 404, 302, 9090, 2.0, 2.5])
                for _ in range(rng.randint(2, 12))} - {v}  # fmt: skip
        want = rng.choice([2, 3, 3, 3])
        seed = f"fact{n}"
        if rng.random() < 0.5:
            distance, reach, slack = (lambda x, v=v: _log_distance(x, v)), _FAR, 1
        else:
            role = rng.choice(["code", "key"])
            distance, reach, slack = _id_distance(v, role), 100.0 if role == "code" else math.inf, 0
        values = sorted(pool)
        taken = {c for c in itertools.combinations(values, want) if rng.random() < 0.3}
        got = spread(v, pool, want, seed, distance, reach, taken, slack)
        assert got == _spread_plainly(v, pool, want, seed, distance, reach, taken, slack), v
        near = sorted(sorted(pool, key=lambda x: (distance(x), x))[: want * 2])
        odd += len(near) > want and all(
            _patterned_set(v, c) for c in itertools.combinations(near, want)
        )
    assert odd  # the wider sets are chosen among too


def test_a_word_most_wrong_options_share_is_told_counting_until_half() -> None:
    for n in range(7):
        for said in itertools.product([False, True], repeat=n):
            plain = not (sum(said) < n / 2)
            assert _at_least_half(iter(said), n) == plain, said


def _unlike_plainly(kinds: TermKinds, answer: str, option: str) -> bool:
    """`TermKinds.unlike` as it read both names anew for every pair."""
    if (kinds.heading_only(option) and not kinds.heading(answer, held=True)) or (
        norm(option) in kinds._topics and norm(answer) not in kinds._topics
    ):
        head = _head(answer)
        return not head or head != _head(option)
    written = {written_kind(answer), written_kind(option)}
    if written == {"file", "folder"}:
        return True
    if written == {"caps", "word"} and kinds.code(answer) != kinds.code(option):
        return True
    mine, theirs = kinds.nouns(answer), kinds.nouns(option)
    if mine and theirs and not mine & theirs:
        return True
    if not {norm(answer), norm(option)} <= kinds._marked:
        return False
    heads = _zh_head(answer), _zh_head(option)
    return all(heads) and heads[0] != heads[1]


#: marked Chinese terms of two words: their head words say their kinds
_ZH_TERMS = """# 索引

## 结构

- **聚簇索引**：数据按主键顺序存放
- **覆盖索引**：查询的列都在索引里
- **叶子节点**：存放数据的节点
- **根节点**：树的顶端
"""


@pytest.mark.parametrize("name", [*SAMPLES, _ZH_TERMS])
def test_a_names_kind_read_once_tells_the_unlike_pairs_reading_both_told(name: str) -> None:
    text = name if name == _ZH_TERMS else (NOTES / name).read_text(encoding="utf-8")
    doc = parse_document(text, "n.md")
    kinds = TermKinds(doc)
    marked = sorted({m for b in doc.content for m in b.inline.marked})
    headings = sorted({s.heading for s in doc.sections if s.heading})
    # Chinese marked terms too: their head words tell two of them apart ("索引" / "节点")
    names = [*marked[:60], *[m for m in marked if has_cjk(m)][:30], *headings[:30]]
    names += ["LPUSH", "Hash", "./modules/vpc", "~/.terraformrc", "Build options"]
    unlike = 0
    for answer in names:
        for option in names:
            got = kinds.unlike(answer, option)
            assert got == _unlike_plainly(kinds, answer, option), (answer, option)
            unlike += got
    assert unlike  # both answers come


def _fitting_others_plainly(
    desc: str, options: Sequence[str], descriptions: Mapping[str, Sequence[str]], answer: str
) -> list[str]:
    """`fitting_others` as it read the description again for each option's description."""
    own = {o: list(descriptions.get(norm(o), ())) for o in options}
    said = [(p, d) for p, ds in own.items() for d in ds]
    head = ambiguity._verb_head(desc)
    out = []
    for o, descs in own.items():
        rest = ambiguity._Others(said, o)
        if (
            any(ambiguity.also_fits(desc, d, rest) for d in descs)
            or (head and any(head in ambiguity.lemma_words(d) and ambiguity.head_word(d) != head
                             for d in descs)
                and not all(head in ambiguity.lemma_words(r) for r in rest))
            or (answer and any(_builds_on_plainly(d, answer) for d in descs))
            or any(ambiguity.thin_fit(desc, d, (desc, *(x for _, x in said))) for d in descs)
            or (answer and ambiguity.does_it_too(desc, o, answer))
        ):  # fmt: skip
            out.append(o)
    return out


def _builds_on_plainly(desc: str, answer: str) -> bool:
    """`_builds_on` as it asked whether re.I may fold an opening's letter to ASCII first."""
    opening = desc.lstrip()[: len(answer)]
    plain = (answer.isascii() and not answer[:1].isspace()
             and not ambiguity._FOLDS_TO_ASCII & set(opening))  # fmt: skip
    if plain and not (opening.isascii() and opening.lower() == answer.lower()):
        return False
    m = re.match(rf"\s*{re.escape(answer)}\s*(\+|plus\b|and\b|with\b|then\b)", desc, re.I)
    return m is not None


@pytest.mark.parametrize("name", [n for n in SAMPLES if n != "comparison.md"])  # it defines none
def test_the_options_a_description_fits_are_found_reading_it_once(name: str) -> None:
    doc = parse_document((NOTES / name).read_text(encoding="utf-8"), name)
    facts = extract(doc)
    descriptions: dict[str, list[str]] = {}
    for f in facts:
        if f.kind == "definition":
            descriptions.setdefault(norm(f.subject), []).append(f.value)
    defined = [f for f in facts if f.kind == "definition" and f.siblings]
    assert defined
    for f in defined:
        for desc in (f.value, "vacuum + refresh planner statistics", "proxies the connections"):
            options = [*f.siblings, f.subject]
            got = ambiguity.fitting_others(desc, options, descriptions, f.subject)
            assert got == _fitting_others_plainly(desc, options, descriptions, f.subject)


def test_an_opening_is_compared_with_the_answer_as_the_pattern_compares_it() -> None:
    descs = ["vacuum + refresh", "VACUUM and more", "  Vacuum with x", "vacuumed then",
             "\u0130nit plus", "init plus", "\u212aey and", "key and", "ſet then", "set then",
             "é + x", "Redis with", "", "v", "vacuum"]  # fmt: skip
    answers = ["vacuum", "VACUUM", "init", "key", "set", "é", " lead", "", "Redis", "İnit"]
    for desc in descs:
        for answer in answers:
            got = ambiguity._builds_on(desc, answer)
            assert got == _builds_on_plainly(desc, answer), (desc, answer)
    assert ambiguity._builds_on("\u0130nit plus", "init")  # re.I folds İ to i: as before


def _significant_plainly(x: float) -> int:
    digits = f"{x:.6f}".rstrip("0").rstrip(".").replace(".", "").lstrip("0")
    return len(digits.rstrip("0")) or 1


def test_kept_significant_digits_are_those_of_each_value() -> None:
    # equal keys share a cache entry (-0.0 and 0.0, 1 and 1.0): their digits must agree too
    for x in [-0.0, 0.0, 1, 1.0, 0.5, 168.0, 600.0, 99.95, 1e-7, 1234567.0, -3.25, 3.25]:
        assert _significant(x) == _significant_plainly(x), x


def test_kept_words_are_the_words_of_the_text() -> None:
    for text in ["VACUUM FULL", "max_connections", "Pod-to-Pod traffic", "a b", "", "ßtraße"]:
        plain = [w for w in _NORM_WORD.findall(text.casefold()) if len(w) >= 3]
        assert norm_words(text) == frozenset(plain), text
        for other in ["vacuum", "connections max", "the pod", ""]:
            shared = bool(set(plain) & {w for w in _NORM_WORD.findall(other.casefold())
                                        if len(w) >= 3})  # fmt: skip
            assert (not norm_words(text).isdisjoint(norm_words(other))) == shared


def test_an_ascii_text_holds_no_chinese_as_the_search_finds() -> None:
    texts = ["plain ASCII", "", "端口 8080", "café", "ｆｕｌｌ", "\u3400", "\u9fff", "\uf900x",
             "mixed 中文 and 英文", "\u00e9\u4e00", "tab\tand\nnewline", "\x7f"]  # fmt: skip
    for text in texts:
        assert has_cjk(text) == (CJK.search(text) is not None), text
        assert cjk_runs(text) == CJK_RUN.findall(text), text
    assert term_kinds._zh_head("聚簇索引") == "索引"


def test_an_option_told_absent_by_its_pieces_is_nowhere_in_the_joined_text() -> None:
    lines = ["# Glossary", "", "## Terms", ""]
    lines += [f"- **Term{i}** – the component number {i} that runs job {i * 7}" for i in range(900)]
    pool, facts = _pool("\n".join(lines) + "\n")
    stem = facts[0].value
    pool.said_elsewhere("Term1", stem, facts[0])  # reads the sentences
    _, _, text, _ = pool._holding(stem, facts[0].subject)
    assert len(text) >= distractors._GRAMMED_LENGTH
    rng = random.Random(9)
    options = [f"term{i}" for i in range(0, 1200, 7)] + ["component number 12 that", "job 70",
               "runs job 7000", "term39 –", "nowhere at all", "the comp", "ponent num"]  # fmt: skip
    options += [text[a : a + rng.randint(1, 30)] for a in rng.sample(range(len(text) - 30), 200)]
    told = 0
    for _ in range(2):  # before and after its pieces are gathered
        for _ in range(distractors._GRAMMED_AFTER):
            pool._absent("warm up", text)
        for option in options:
            absent = pool._absent(option, text)
            assert not (absent and option in text), option
            told += absent
    assert told  # absent options are told so


def test_a_kept_number_role_is_the_role_read_anew() -> None:
    for name in SAMPLES:
        for b in parse_document((NOTES / name).read_text(encoding="utf-8"), name).content:
            for n in numbers_in(b.text):
                args = (b.text, n, b.section.heading, b.under)
                assert number_role(*args) == number_role.__wrapped__(*args), (n, b.text)


def test_a_set_told_patterned_by_its_odd_key_is_patterned() -> None:
    rng = random.Random(3)
    told = 0
    for _ in range(3000):
        v = rng.choice([357.0, 168.0, 1.25, 64.0, 4096.0, 86400000.0, 12.5, 999.0])
        others = tuple(rng.choice([10.0, 25.0, 100.0, 150.0, 300.0, 714.0, 1.5, 2.0, 5e7, 6e7,
                                   v, 128.0, 2048.0, 8192.0, 12.0])
                       for _ in range(rng.randint(0, 4)))  # fmt: skip
        if distractors._odd_key(v, others):
            told += 1
            assert distractors.patterned(v, others), (v, others)
    assert told


@pytest.mark.parametrize("name", SAMPLES[:4])
def test_a_unit_names_an_option_with_its_norm_read_once_as_read_anew(name: str) -> None:
    doc = parse_document((NOTES / name).read_text(encoding="utf-8"), name)
    facts = extract(doc)
    units = units_of(doc, facts)
    options = [folded(o) for f in facts[:60] for o in (f.subject, f.value) if o]
    options += [folded(u.head) for u in units[:40] if u.head] + ["", "`", "max-age"]
    named = 0
    for unit in units:
        for where, normed in ((unit.folded_text, unit.normed_text),
                              (unit.folded_head, unit.normed_head)):  # fmt: skip
            for option in options:
                plain = contains_folded(where, option) or bool(
                    norm(option) and norm(option) == norm(where)
                )
                got = solvers._names_folded(where, normed, option, norm(option))
                assert got == plain, (where, option)
                named += got
    assert named
