"""Shortcuts that keep generation of one long list linear decide exactly as the plain reads
they replace: BM25 scores added as dense rows, the sentences holding a stem's words read a
slice at a time, an option found in them by one search, far options read only when the kind
rule judges each alone, a stem's denials read once, and a term's tables found by an index."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

import questions.distractors as distractors
from questions.ambiguity import content_words, said_with
from questions.distractors import MAX_SAID_HITS, Pool, _negated_words, ruled_out
from questions.facts.extract import extract
from questions.name_kinds import NameKinds, judged_alone, kept_by_kind
from questions.parse import parse_document
from questions.solvers import _DENSE_SHARE, Unit, _Chunk
from questions.text import folded, norm

NOTES = Path(__file__).parent / "notes"
#: notes of tables, lists and settings: terms in tables, values with kinds, like sentences
SAMPLES = ["kubernetes-ckad.md", "postgresql-ops.md", "redis-ops.md", "http-networking-zh.md",
           "comparison.md", "broker-client-settings.md"]  # fmt: skip


def _glossary(n: int) -> str:
    lines = ["# Glossary", "", "## Terms", ""]
    lines += [f"- **Term{i}** – the component number {i} that runs job {i * 7}" for i in range(n)]
    lines += ["", "## Other", "", "The component Term3 never runs a job in the system."]
    return "\n".join(lines) + "\n"


def _pool(text: str) -> tuple[Pool, list]:
    doc = parse_document(text, "n.md")
    facts = extract(doc)
    return Pool(doc, facts), facts


def test_bm25_scores_added_as_dense_rows_are_bm25s_scores_byte_for_byte() -> None:
    words = ["alpha", "beta", "gamma", "delta", "epsilon"]
    tokens = [["common", "word", words[i % 5], f"rare{i}"] + ["beta"] * (i % 3) for i in range(300)]
    tokens += [["only", "here"], []]
    chunk = _Chunk([Unit(" ".join(t), "", 0) for t in tokens], tokens)
    queries = [["common"], ["common", "rare7"], ["rare7", "common", "word", "beta"],
               ["alpha", "alpha", "common"], ["only"], ["gamma", "rare299", "here"]]  # fmt: skip
    index = chunk.retriever.scores
    held = len(index["indptr"]) - 1  # bm25s's vocabulary holds "" with no documents
    dense = [t for t, i in chunk.retriever.vocab_dict.items() if i < held
             and index["indptr"][i + 1] - index["indptr"][i] >= index["num_docs"] * _DENSE_SHARE]  # fmt: skip
    assert {"common", "word"} <= set(dense)  # the dense rows are read, and the sparse ones
    for q in queries:
        ids = [chunk.retriever.vocab_dict[t] for t in q]
        expected = chunk.retriever.get_scores(ids)
        for _ in range(2):  # as first built and as kept
            got = chunk._scores(ids)
            assert got.dtype == expected.dtype and got.tobytes() == expected.tobytes(), q


def test_the_sentences_holding_a_stems_words_are_the_first_of_their_intersection() -> None:
    pool, facts = _pool(_glossary(1200))
    pool.said_elsewhere("Term1", "the component number 1 that runs job 7", facts[0])  # reads them
    by_word = pool._by_word
    assert len(by_word["component"]) > 2 * MAX_SAID_HITS  # read a slice at a time
    for words in (["component", "run", "job"], ["component", "number", "system"],
                  ["component", "term3"], ["job", "nowhere"], ["never", "component", "run"]):  # fmt: skip
        sets = [set(by_word.get(w, ())) for w in words]
        expected = sorted(set.intersection(*sets))[:MAX_SAID_HITS]
        assert pool._holding_all(frozenset(words)) == expected, words


def _said_elsewhere_plainly(pool: Pool, option: str, stem: str, fact) -> bool:
    """`said_elsewhere` as it read every holding sentence for each option."""
    words = frozenset(content_words(stem) - content_words(fact.span or fact.subject))
    if len(words) < 2:
        return False
    sets = [set(pool._by_word.get(w, ())) for w in words]
    hits = sorted(set.intersection(*sets))[:MAX_SAID_HITS]
    written = folded(option)
    said = (pool._sentences[i][1] for i in hits
            if pool._sentences[i][0] != fact.block.id and written in pool._folded[i])  # fmt: skip
    return said_with(words, option, said)


@pytest.mark.parametrize("text", [_glossary(500), *(NOTES / n for n in SAMPLES[:3])])
def test_an_option_said_elsewhere_is_found_as_reading_each_sentence_found_it(text) -> None:
    text = text.read_text(encoding="utf-8") if isinstance(text, Path) else text
    pool, facts = _pool(text)
    defined = [f for f in facts if f.kind == "definition"][:120]
    options = [f.subject for f in defined] + ["", "component", "Term3 never"]
    found = 0
    for f in defined[:40]:
        for option in options:
            got = pool.said_elsewhere(option, f.value, f)
            assert got == _said_elsewhere_plainly(pool, option, f.value, f), (option, f.value)
            found += got
    if text.startswith("# Glossary"):  # its items say each other's words: both answers come
        assert found


def test_the_far_options_are_read_late_only_where_the_kind_rule_judges_each_alone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[tuple[str, list[str], NameKinds]] = []

    def recording(answer: str, wrong, kinds: NameKinds) -> list[str]:
        asked.append((answer, list(wrong), kinds))
        return kept_by_kind(answer, wrong, kinds)

    monkeypatch.setattr(distractors, "kept_by_kind", recording)
    for name in SAMPLES:
        pool, facts = _pool((NOTES / name).read_text(encoding="utf-8"))
        for f in facts:
            if f.kind in ("definition", "term"):
                pool.alternatives(f.subject, f, (f.role,), siblings=f.siblings)
    alone = [(a, w, k) for a, w, k in asked if judged_alone(a, k)]
    assert alone and len(alone) < len(asked)  # both ways are taken
    for answer, wrong, kinds in alone:
        each = [w for w in wrong if kept_by_kind(answer, [w], kinds)]
        assert kept_by_kind(answer, wrong, kinds) == each, answer


def _ruled_out_plainly(option: str, stem: str) -> bool:
    for m in distractors._NEGATED.finditer(stem):
        word = (m.group(1) or m.group(2)).casefold()
        if len(word) < 3 or word in distractors.STOP_EN:
            continue
        if any(t.casefold().startswith(word) for t in distractors._OPTION_TOKEN.findall(option)):
            return True
    return False


def test_a_stems_denials_read_once_rule_out_what_they_did() -> None:
    stems = ["Non-HTTP ___ traffic", "not a proxy, ___ is", "非 HTTP 的 ___", "without TLS ___",
             "except the pods, ___", "Which of these is not an option?", "___ runs", ""]  # fmt: skip
    options = ["HTTPS traffic", "Proxy", "tls", "pods", "HTTP/2", "an", "runs", "", "Pod"]
    for stem in stems:
        for option in options:
            assert ruled_out(option, stem) == _ruled_out_plainly(option, stem), (option, stem)
    assert _negated_words("Non-HTTP ___ traffic") == ("http",)


def test_a_terms_tables_are_found_by_their_index_as_by_reading_every_table() -> None:
    for name in (
        "comparison.md",
        "kubernetes-ckad.md",
        "postgresql-ops.md",
        "http-networking-zh.md",
    ):
        pool, _ = _pool((NOTES / name).read_text(encoding="utf-8"))
        keys = {k for ks in pool._table_keys.values() for k in ks}
        assert keys, name
        for key in [*keys, "nowhere"]:
            out: list[str] = []
            for block, ks in pool._table_keys.items():
                normed = [norm(k) for k in ks]
                if norm(key) in normed:
                    row = " | ".join(pool._table_cells[block][normed.index(norm(key))])
                    out += [
                        k for k in ks if norm(k) != norm(key) and not distractors.contains(row, k)
                    ]
            assert pool.table_mates(key) == list(dict.fromkeys(out)), key


def test_dense_rows_need_positive_scores() -> None:
    # adding a dense row's zeros keeps a sum only while every score is positive (BM25's are)
    chunk = _Chunk([Unit("a b", "", 0), Unit("a c", "", 0)], [["a", "b"], ["a", "c"]])
    assert np.all(chunk.retriever.scores["data"] > 0)


def test_a_token_without_documents_is_refused_as_bm25s_refuses_it() -> None:
    chunk = _Chunk([Unit("a b", "", 0), Unit("a c", "", 0)], [["a", "b"], ["a", "c"]])
    empty = chunk.retriever.vocab_dict[""]  # bm25s's vocabulary holds it, with no documents
    with pytest.raises(ValueError):
        chunk.retriever.get_scores([empty])
    with pytest.raises(ValueError):
        chunk._scores([empty])
