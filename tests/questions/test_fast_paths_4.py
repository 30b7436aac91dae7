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
from questions.text import CJK_RUN

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
