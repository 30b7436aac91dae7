"""Pure functions of one text that the give-away and paraphrase checks read again for every
stem are kept once computed, and decide as computing them afresh; a word holding a digit is
its own lemma without asking lemminflect, whose tables hold no such word."""

from __future__ import annotations

import re
from pathlib import Path

import lemminflect
import pytest
from lemminflect.core.Lemmatizer import Lemmatizer

from questions import cues, paraphrase, text
from questions.distractors import Pool
from questions.facts.extract import extract
from questions.facts.model import Fact
from questions.generators import tables
from questions.paraphrase import compared_term
from questions.parse.markdown import parse_document
from questions.text import CJK_RUN, contains_folded, norm

NOTES = [
    *sorted((Path(__file__).parent / "notes").glob("*.md")),
    Path(__file__).resolve().parents[2] / "questions/notes/aws-developer-associate.md",
]


def _tokens() -> list[str]:
    found: dict[str, None] = {}
    for path in NOTES:
        for m in cues._LATIN_TOKEN.finditer(path.read_text(encoding="utf-8")):
            found[m.group(0)] = None
    return list(found)


def _runs() -> list[str]:
    found: dict[str, None] = {}
    for path in NOTES:
        for run in CJK_RUN.findall(path.read_text(encoding="utf-8")):
            found[run] = None
    return list(found)


def test_a_tokens_parts_are_split_once_as_afresh() -> None:
    tokens = _tokens()
    assert len(tokens) > 500
    cues._parts.cache_clear()
    for token in tokens:
        assert cues._parts(token) == tuple(cues._parts.__wrapped__(token)), token
        cues._parts(token)
    assert cues._parts.cache_info().hits >= len(tokens)


def test_a_chinese_runs_glosses_are_read_once_as_afresh() -> None:
    runs = _runs()
    assert len(runs) > 50
    cues._glosses.cache_clear()
    for run in runs:
        for chars in (True, False):
            assert cues._glosses(run, chars) == tuple(cues._glosses.__wrapped__(run, chars))
            cues._glosses(run, chars)
    assert cues._glosses.cache_info().hits >= 2 * len(runs)


def test_an_options_glued_names_are_read_once_as_afresh() -> None:
    tokens = _tokens()
    paraphrase._glued_words.cache_clear()
    glued = 0
    for token in tokens:
        fresh = paraphrase._glued_words.__wrapped__(token)
        assert paraphrase._glued_words(token) == tuple(fresh), token
        paraphrase._glued_words(token)
        glued += bool(fresh)
    assert glued > 5  # names glued from words and plain names are both compared
    assert paraphrase._glued_words.cache_info().hits >= len(tokens)


def test_lemminflects_tables_hold_no_word_with_a_digit() -> None:
    """Why a word with a digit is its own lemma: lemminflect looks words up in these tables."""
    lemmatizer = Lemmatizer()
    for table in (lemmatizer._getLemmaDict(), lemmatizer._getOverridesDict()):
        assert len(table) > 50
        assert not [w for w in table if re.search(r"\d", w)]


def test_a_word_with_a_digit_is_its_own_lemma_without_a_look_up(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    words = [t for t in _tokens() if re.search(r"\d", t)] + ["svc12x3", "http2s", "k8s", "v1beta1"]
    assert len(words) > 20
    for w in words:
        assert not lemminflect.getAllLemmas(w)  # the look-up finds nothing: the word itself
    looked_up: list[str] = []
    real = lemminflect.getAllLemmas

    def counted(word: str, upos: str | None = None) -> dict[str, tuple[str, ...]]:
        looked_up.append(word)
        return real(word, upos)

    monkeypatch.setattr(lemminflect, "getAllLemmas", counted)
    text.lemma.cache_clear()
    assert [text.lemma(w) for w in words] == words
    assert looked_up == []
    assert text.lemma("limits") == "limit" and looked_up == ["limits"]


def _table_facts(text: str) -> tuple[Pool, list[Fact]]:
    doc = parse_document(text, "t.md")
    facts = extract(doc)
    return Pool(doc, facts), [f for f in facts if f.kind == "property" and f.table is not None]


def test_a_row_property_reads_the_column_only_until_three_options(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Once three of its cells are taken, the rest of a big column is never offered: its cells
    are not checked for the keys they name."""
    rows = "\n".join(f"| svc{i} | {1000 + i} | handles job {i} in queue q{i} |" for i in range(20))
    pool, facts = _table_facts(
        f"## Services\n\n| Service | Port | notes |\n|---|---|---|\n{rows}\n"
    )
    asked = [f for f in facts if f.attribute == "notes"]
    assert len(asked) == 20
    checked: list[str] = []

    def counted(h: str, n: str) -> bool:
        checked.append(h)
        return contains_folded(h, n)

    before = [tables._forward(f, f.table, pool) for f in asked if f.table is not None]
    monkeypatch.setattr(tables, "contains_folded", counted)
    after = [tables._forward(f, f.table, pool) for f in asked if f.table is not None]
    assert after == before and all(c is not None and len(c.options) == 4 for c in after)
    # each cell read is checked against the twenty keys: about four cells of twenty per row
    assert len(checked) <= 4 * 20 * len(asked)


def test_a_description_that_compares_with_nothing_reads_no_term(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    terms = ["COPY", "ADD", "RUN", "CMD", *(f"svc{i}" for i in range(20))]
    read: list[str] = []

    def counted(t: str) -> str:
        read.append(t)
        return norm(t)

    monkeypatch.setattr(paraphrase, "norm", counted)
    assert compared_term("also extracts tar archives from the build context", "ADD", terms) is None
    assert read == []
    assert compared_term("like COPY but also extracts tar archives", "ADD", terms) == "COPY"
    assert compared_term("unlike svc3 it restarts", "svc4", terms) == "svc3"
