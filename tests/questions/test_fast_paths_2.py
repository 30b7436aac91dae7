"""More shortcuts that keep generation linear decide exactly as the plain comparisons they
replace: a lazy ranking is the full sort by likeness and seeded hash, a thin cell is checked
against a column as cell by cell, and the give-away checks that read the answer before the
stem find what reading the stem first found."""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Callable, Sequence

from questions.ambiguity import thin_fit, thin_fits_any
from questions.candidate import stable_int
from questions.cues import (
    _VALUE_FLAG,
    _abbreviates,
    _abbreviation,
    _covered,
    _distinctive,
    _latin_words,
    _value_letter,
    alike,
    option_words,
    stem_words,
)
from questions.distractors import (
    _noun_after,
    _similarities,
    by_likeness,
    likeliest,
    patterned,
    spread,
)
from questions.text import CJK, CJK_RUN, STOP_EN, english_word

# options in shapes that tie (a table's keys), that differ (names, codes) and that repeat
OPTIONS = [f"svc{i}x{j}" for i in range(2) for j in range(12)] + [
    "svc1x1", "alpha", "Alpha", "", "401", "403", "301", "VACUUM FULL", "VACUUM", "autovacuum",
    "Access-Control-Allow-Origin", "Access-Control-Allow-Headers", "删除", "-Fc", "-Fd",
]  # fmt: skip


def _full_sort(answer: str, others: Sequence[str], seed: str) -> list[str]:
    """The ranking as one sort by (likeness, seeded hash), every text hashed."""
    texts = list(dict.fromkeys(others))
    scores = _similarities(answer, texts)
    order = sorted(range(len(texts)), key=lambda i: (-scores[i], stable_int(seed, texts[i])))
    return [texts[i] for i in order]


def test_a_lazy_ranking_is_the_full_sort_by_likeness_and_seeded_hash() -> None:
    for answer in ("svc1x2", "alpha", "403", "VACUUM", "-Fc", "删除"):
        for seed in ("s1", "s2", answer):
            full = _full_sort(answer, OPTIONS, seed)
            assert list(likeliest(answer, OPTIONS, seed)) == full
            for limit in (1, 3, 40):
                assert by_likeness(answer, OPTIONS, seed, limit) == full[:limit]
    # the seed decides among ties, so the check above compares orders that differ by seed
    assert _full_sort("svc1x2", OPTIONS, "s1") != _full_sort("svc1x2", OPTIONS, "s2")


def test_a_thin_cell_fits_another_row_as_read_cell_by_cell() -> None:
    cells = ["handles job 1", "handles credentials", "stores logs", "请求成功", "创建成功",
             "handles", "job queue", "成功", "handles logs"]  # fmt: skip
    found = 0
    for column in itertools.permutations(cells, 4):
        for row, desc in enumerate(column):
            others = [c for i, c in enumerate(column) if i != row]
            expected = any(thin_fit(desc, o, column) for o in others)
            assert thin_fits_any(desc, others, column) == expected, (desc, column)
            assert thin_fits_any(desc, others) == any(thin_fit(desc, o) for o in others)
            found += expected
    assert found  # some cells do fit another row


def _stem_words_whole(stem: str) -> tuple[tuple[str, str], ...]:
    """`stem_words` as it read each token of every stem afresh."""
    from questions.cues import _LATIN_TOKEN, _NUMBER, _glosses

    out: list[tuple[str, str]] = []
    for m in _LATIN_TOKEN.finditer(stem):
        out += [(w, m.group(0)) for w in sorted(_latin_words(m.group(0)))]
    out += [(n, n) for n in _NUMBER.findall(stem)]
    for run in CJK_RUN.findall(stem):
        out += [(run[i : i + 2], run[i : i + 2]) for i in range(len(run) - 1)]
        out += [(e, w) for w, e in _glosses(run)]
    return tuple(dict.fromkeys(out))


def _abbreviation_all(stem: str, answer: str, wrong: Sequence[str]) -> str | None:
    """`_abbreviation` reading every option for every short token."""
    for m in re.finditer(r"(?<![A-Za-z])[a-z]{3,5}(?![A-Za-z])", stem):
        t = m.group(0)
        if english_word(t) or t in STOP_EN:
            continue
        hits = [o for o in (answer, *wrong) if any(_abbreviates(t, w) for w in option_words(o))]
        if hits and hits[0] is answer and len(hits) == 1:
            return t
    return None


def _value_letter_stem_first(stem: str, answer: str, wrong: Sequence[str]) -> str | None:
    """`_value_letter` reading the stem before the answer's flags."""
    quoted = re.search(r"“([^”]*)”", stem)
    first = re.search(r"[A-Za-z]+", quoted.group(1) if quoted else stem)
    if first is None:
        return None
    word = first.group(0).lower()
    theirs = {m.group(1) for w in wrong for m in _VALUE_FLAG.finditer(w)}
    for m in _VALUE_FLAG.finditer(answer):
        if word.startswith(m.group(1)) and not any(word.startswith(t) for t in theirs):
            return first.group(0)
    return None


def _covered_whole(stem: str, answer: str, wrong: Sequence[str]) -> str | None:
    """`_covered` without the cheap count of the answer's own words."""
    if not wrong:
        return None
    options = [answer, *wrong]
    said = stem_words(stem)

    def matched(option: str) -> tuple[set[str], set[str], list[str]]:
        words = _distinctive(option, options)
        hits = [(w, s) for w in words for word, s in said if alike(word, w)]
        return words, {w for w, _ in hits}, [s for _, s in hits]

    if len(_distinctive(answer, options)) < 2:
        return None
    words, hit, surfaces = matched(answer)
    if hit != words:
        return None
    if any(m[1] == m[0] for m in map(matched, wrong) if m[0]):
        return None
    return surfaces[0]


STEMS = [
    "Which svc routes traffic to pods?",
    "Which flag writes a custom format archive (`pg_dump -Fc …`)?",
    "custom format, restorable with pg_restore",
    "directory format, one file per table",
    "允许的请求头 Allow Headers",
    "Which header lists the allowed request headers?",
    "“handles job 1-10”",
    "cfg and svc and dpl tokens",
    "allows any origin",
    "the svc object",
    "",
]
ANSWERS = [
    ("Service", ["Deployment", "ConfigMap"]),
    ("pg_dump -Fc db", ["pg_dump -Fd db", "pg_dump -Ft db"]),
    ("-Fc", ["-Fd", "-Ft"]),
    ("Access-Control-Allow-Headers", ["Access-Control-Allow-Origin", "Access-Control-Expose-Headers"]),
    ("svc1x10", ["svc1x1", "svc1x11", "svc1x12"]),
    ("svc", []),
    ("Allow Headers", ["Expose Headers"]),
    ("Allow Origin", ["Expose Method", "Deny Method"]),
    ("Service", ["ServiceAccount", "Pod"]),
]  # fmt: skip


def test_give_away_checks_that_read_the_answer_first_find_what_the_stem_first_found() -> None:
    found = 0
    for stem, (answer, wrong) in itertools.product(STEMS, ANSWERS):
        assert stem_words(stem) == _stem_words_whole(stem)
        assert _abbreviation(stem, answer, wrong) == _abbreviation_all(stem, answer, wrong)
        assert _value_letter(stem, answer, wrong) == _value_letter_stem_first(stem, answer, wrong)
        assert _covered(stem, answer, wrong) == _covered_whole(stem, answer, wrong)
        found += any(
            f(stem, answer, wrong) is not None for f in (_abbreviation, _value_letter, _covered)
        )
    assert found >= 3  # the inputs hold give-aways each check finds, not only misses


def _noun_after_tagged(text: str, term: str) -> str:
    """`_noun_after` tagging the text afresh every time."""
    import jieba.posseg

    at = text.find(term)
    rest = text[at + len(term) : at + len(term) + 12].lstrip() if at >= 0 else ""
    if not rest or not CJK.match(rest):
        return ""
    words = [(w.word, w.flag) for w in jieba.posseg.cut(rest, HMM=False)][:3]
    if not words:
        return ""
    listed = len(words) == 3 and words[1][0] == "、" and words[2][1].startswith("n")
    return words[0][0] if words[0][1].startswith("n") or listed else ""


def test_the_noun_after_a_term_is_tagged_once_per_text_as_afresh() -> None:
    texts = ["RSA 密钥交换", "CA 签名、域名、有效期", "EC2重启实例", "KMS 密钥", "TLS", "TLS 1.3",
             "先用 RSA 密钥交换，再用 ECDHE 公钥"]  # fmt: skip
    nouns = set()
    for _ in range(2):  # the second pass reads what the first tagged
        for text, term in itertools.product(texts, ["RSA", "CA", "EC2", "KMS", "TLS", "ECDHE"]):
            assert _noun_after(text, term) == _noun_after_tagged(text, term), (text, term)
            nouns.add(_noun_after(text, term))
    assert {"密钥", "签名"} <= nouns


def _spread_measuring_each_set(
    v: float, pool: list[float], want: int, seed: str, distance: Callable[[float], float],
    reach: float,
) -> list[float]:  # fmt: skip
    """`spread` measuring every value again for every set it is in."""
    near = sorted(pool, key=lambda x: (distance(x), x))[: want * 2]
    if len(near) <= want:
        return sorted(near)
    place = stable_int("rank", seed) % (want + 1)

    def cost(c: tuple[float, ...]) -> tuple[bool, int, int, float, tuple[float, ...]]:
        far = sum(distance(x) > reach for x in c)
        below = sum(x < v for x in c)
        return patterned(v, c), far, abs(below - place), sum(map(distance, c)), c

    best = min(itertools.combinations(sorted(near), want), key=cost)
    if patterned(v, best):  # as `spread`: reach further when every near set is patterned
        wider = sorted(pool, key=lambda x: (distance(x), x))[: want * 3]
        best = min(itertools.combinations(sorted(wider), want), key=cost)
    return sorted(best)


def test_options_spread_around_a_number_as_when_each_set_measured_its_values() -> None:
    codes = [200.0, 201.0, 204.0, 301.0, 302.0, 304.0, 400.0, 401.0, 403.0, 404.0, 409.0, 500.0]
    sizes = [0.5, 1.0, 2.0, 4.0, 8.0, 16.0, 64.0, 100.0, 128.0, 1000.0]
    seen = set()
    for values, v, reach in ((codes, 403.0, 100.0), (codes, 500.0, 100.0), (sizes, 8.0, 1.7),
                             (sizes, 100.0, math.inf), (codes[:3], 201.0, 100.0)):  # fmt: skip
        for distance in (lambda x, v=v: abs(x - v), lambda x, v=v: abs(math.log(x / v))):
            for seed in ("a", "b", "c", "d"):
                for want in (2, 3):
                    pool = [x for x in values if x != v]
                    got = spread(v, pool, want, seed, distance, reach)
                    assert got == _spread_measuring_each_set(v, pool, want, seed, distance, reach)
                    seen.add(tuple(got))
    assert len(seen) > 10  # seeds, reaches and distances choose different sets
