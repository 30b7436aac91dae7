"""Rules of `clue` that now stop reading a stem early (the answer's words covered, its acronym
spelled, a name's clipped parts) decide as their full reads did, on every stem, answer and
wrong options generation asks `clue` about for the test notes; and a case-blind pattern is
skipped only where it cannot match."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

import pytest

import questions.cues as cues
from questions.generate import generate_from_texts
from questions.tables import is_empty
from questions.text import may_hold_any_case
from tests.questions.test_fast_paths_5 import LINES, NAMES

NOTES = Path(__file__).parent / "notes"
#: notes of acronyms, clipped names, header names and Chinese descriptions: where the rules fire
ASKED = ["db-triage-acronyms.md", "clipped-cli-keys.md", "edge-proxy-headers.md",
         "cache-broker-config-zh.md", "db-mixed-zh.md", "git-flags.md"]  # fmt: skip
#: asks each rule reads to a give-away, beside those of the notes
FIRING = [
    ("允许的请求头", "Access-Control-Allow-Headers",
     ["Access-Control-Allow-Origin", "Access-Control-Expose-Headers"]),
    ("Which setting is everysec?", "once per second", ["always", "never"]),
    ("How does the Auto Scaling Group fail?", "UNABLE_TO_SEND_ASG", ["BAD_TOKEN", "NO_ROLE"]),
    ("fewest active connections", "least_conn", ["round_robin", "ip_hash"]),
]  # fmt: skip

Ask = tuple[str, str, tuple[str, ...]]


@pytest.fixture(scope="module")
def asked() -> list[Ask]:
    """(stem, answer, wrong options) of every `clue` generation reads, and the firing ones."""
    seen: list[Ask] = []
    inner = cues._clue

    def recording(
        stem: str, answer: str, wrong: tuple[str, ...], like: tuple[str, ...]
    ) -> str | None:
        seen.append((stem, answer, wrong))
        return inner(stem, answer, wrong, like)

    cues._clue = recording  # type: ignore[assignment]
    try:
        for name in ASKED:
            generate_from_texts([(name, (NOTES / name).read_text(encoding="utf-8"))], "b")
    finally:
        cues._clue = inner
    assert len(seen) > 100
    return [*dict.fromkeys(seen), *((s, a, tuple(w)) for s, a, w in FIRING)]


def _covered_afresh(stem: str, answer: str, wrong: Sequence[str]) -> str | None:
    if not wrong or sum(1 for w in cues.option_words(answer) if w.isalpha()) < 2:
        return None
    options = [answer, *wrong]
    said = cues.stem_words(stem)

    def matched(option: str) -> tuple[set[str], set[str], list[str]]:
        words = cues._distinctive(option, options)
        hits = [(w, s) for w in words for word, s in said if cues.alike(word, w)]
        return words, {w for w, _ in hits}, [s for _, s in hits]

    if len(cues._distinctive(answer, options)) < 2:
        return None
    words, hit, surfaces = matched(answer)
    if hit != words:
        return None
    if any(m[1] == m[0] for m in map(matched, wrong) if m[0]):
        return None
    return surfaces[0]


def _spelled_afresh(stem: str, answer: str, wrong: Sequence[str]) -> str | None:
    acronyms = cues._acronyms(answer)
    runs = cues._initials(stem) if acronyms else ()
    for acronym in acronyms:
        if sum(1 for w in wrong if acronym in cues._acronyms(w)) >= len(wrong) / 2:
            continue
        for initials, text in runs:
            if initials == acronym or (
                len(acronym) >= 3 and initials == acronym[:-1] and cues._capitalised(text)
            ):
                return text
    return None


def _clipped_afresh(stem: str, answer: str, wrong: Sequence[str]) -> str | None:
    def opens(text: str, clips: frozenset[str]) -> bool:
        return any(w.lower().startswith(tuple(clips)) for w in re.findall(r"[A-Za-z]{5,}", text))

    mine = cues._key_clips(answer)
    if mine:
        words = cues._clippable_words(stem)
        for m in words:
            word = m.lower()
            if not cues._clips_any(mine, word) or any(
                cues._clips_any(cues._key_clips(w), word) or cues._shares(word, w) for w in wrong
            ):
                continue
            if wrong and all(
                any(cues._clips_any(cues._key_clips(w), v.lower()) for v in words) for w in wrong
            ):
                return None
            return m
    names = ((n, cues._made_up_parts(n)) for n in cues._LATIN_TOKEN.findall(stem))
    for name, clips in ((n, c) for n, c in names if c):
        if opens(answer, clips) and not any(opens(w, clips) for w in wrong):
            return name
    return None


@pytest.mark.parametrize(
    ("rule", "afresh"),
    [
        (cues._covered, _covered_afresh),
        (cues._spelled, _spelled_afresh),
        (cues._clipped_part, _clipped_afresh),
    ],
)
def test_a_rule_that_stops_early_finds_what_its_full_read_found(
    asked: list[Ask], rule: object, afresh: object
) -> None:
    assert callable(rule) and callable(afresh)
    found = 0
    for stem, answer, wrong in asked:
        expected = afresh(stem, answer, wrong)
        assert rule(stem, answer, wrong) == expected, (stem, answer, wrong)
        found += expected is not None
    assert found > 0  # the rule gave something away somewhere, so a hit was compared too


#: the characters re takes for an ASCII letter without a case-blind fold of str.lower
ODD_LINES = ["ſtate of the İd", "the Kelvin sign: K", "ıd and ſ", "状态 state 的 İD", "kelvın"]


def test_a_case_blind_search_is_skipped_only_where_it_finds_nothing() -> None:
    words = [*[n for n in NAMES if n.isascii()][::3], "state", "id", "kelvin", "ID", "k", "s"]
    for line in [*LINES, *ODD_LINES]:
        for word in words:
            if re.search(re.escape(word), line, re.I):
                assert may_hold_any_case(line, word), (line, word)
    assert not may_hold_any_case("状态检查", "state")  # a line it rules out


def test_a_cached_empty_cell_reads_as_afresh() -> None:
    for text in [*LINES, "-", "n/a", "see above", "见上表", " — "]:
        assert is_empty(text) == is_empty.__wrapped__(text), text
        assert is_empty(text) == is_empty.__wrapped__(text), text  # the cached read
