"""The shortcuts that keep generation cheap decide exactly as the comparisons they skip: a
limited ranking is the head of the full one, a prefixed word is told by its ending, a word
that is not plain Latin is alike only to itself, and a column's shared words are read only
when a thin description shares a word with the option; a name given a value is found by fixed
patterns tried where the name occurs, as the one pattern per name found it."""

from __future__ import annotations

import functools
import itertools
import re
from pathlib import Path

from questions.ambiguity import content_words, said_with, thin_fit
from questions.cues import _clue, _shares, alike, clue
from questions.distractors import Pool, by_likeness, gives_value
from questions.facts.extract import extract
from questions.facts.model import Fact
from questions.generate import generate_document
from questions.generators.tables import _folded_all
from questions.parse.markdown import parse_document
from questions.solvers import kin_descriptions
from questions.text import folded


def test_a_limited_ranking_is_the_head_of_the_full_one_with_its_ties() -> None:
    # one table's keys: most score alike against the answer, so the cut falls inside a tie
    others = [f"svc{i}x{j}" for i in range(3) for j in range(20)] + ["alpha", "svc1x1"]
    full = by_likeness("svc1x2", others, "seed")
    for limit in (1, 3, 7, 40, 100):
        assert by_likeness("svc1x2", others, "seed", limit) == full[:limit]


def test_prefixed_words_and_lemmas_are_alike_and_other_openings_are_not() -> None:
    assert alike("lock", "unlock") and alike("reload", "load") and alike("disable", "able")
    assert not alike("lock", "bylock") and not alike("lock", "padlocks")
    assert alike("went", "go")  # different openings, one lemma
    assert alike("vacuum", "autovacuum") and not alike("install", "instances")


def test_a_word_that_is_not_plain_latin_shares_only_itself() -> None:
    assert _shares("删除", "删除 key") and not _shares("删除", "DELETE")
    assert _shares("3600", "3600 s") and not _shares("36", "3600 s")
    assert _shares("headers", "HEAD") and not _shares("install", "instances")


def test_a_thin_description_fits_an_option_unless_every_description_uses_the_word() -> None:
    mixed = ["handles credentials", "handles job queues", "stores logs"]
    assert thin_fit("handles credentials", "handles job queues", mixed)
    assert not thin_fit("handles credentials", "stores logs", mixed)
    every = ["handles credentials", "handles job queues", "handles logs"]
    assert not thin_fit("handles credentials", "handles job queues", every)
    assert thin_fit("handles credentials", "handles job queues")


def _gives_value_by_one_pattern(text: str, name: str) -> bool:
    """The pattern per name that gives_value replaces."""
    n = re.escape(name)
    return bool(
        re.search(
            rf"(?<![\w.-]){n}(?![\w-])\s*([=:]\s*(\d|(on|off|true|false)\b|['\x22]|\S+\s*($|[,;)])"
            rf"|\S+\s+(by\s+)?default\b)|[(（]\s*[\d.]+\s*\w*\s*[)）]"
            rf"|\s+defaults?\s+(to\s+|is\s+)?\S*\d)"
            rf"|\d[^()（）|]{{0,40}}[(（]\s*{n}\s*[)）]"
            rf"|(^|\|\s*){n}\s*\|.*\d",
            text,
        )
    )


def test_a_name_given_a_value_is_found_as_by_one_pattern_per_name() -> None:
    names = ["work_mem", "a_b", "x", "(x)", "pg_stat", ""]
    pieces = ["work_mem", "a_b", "x", "pg_stat_x", " = 1 min", ": on", "=off", ": 'a'", ": big,",
              " (50)", "（3 MB）", " defaults to 8", " default 128", "3 workers by default (",
              ")", "）", "| ", " | 4", "_", ".", "-", " ", "\n", "(", "5"]  # fmt: skip
    texts = ["".join(p) for n in (1, 2, 3) for p in itertools.product(pieces, repeat=n)]
    agree = 0
    for text in texts:
        for name in names:
            assert gives_value(text, name) == _gives_value_by_one_pattern(text, name), (text, name)
            agree += gives_value(text, name)
    assert agree > 1000  # the texts give values often enough to test both answers


NOTES = Path(__file__).parent / "notes"
SHAPES = ("postgresql-ops.md", "kubernetes-ckad.md", "http-networking-zh.md", "config.md",
          "terraform-networking.md", "redis-ops.md")  # fmt: skip


def _pool(name: str) -> tuple[Pool, list[Fact]]:
    doc = parse_document((NOTES / name).read_text(encoding="utf-8"), name)
    facts = extract(doc)
    return Pool(doc, facts), facts


def _lines_with_first_word(pool: Pool, name: str) -> list[str]:
    """Every line holding the name's first word as a word: what Pool read before it kept only
    the lines that write the name."""
    first = re.findall(r"[a-z0-9]+", name.casefold())
    texts = pool._texts()
    return (
        [t for t in texts if first[0] in re.findall(r"[a-z0-9]+", t.casefold())] if first else texts
    )


def _names(pool: Pool) -> list[str]:
    doc = pool.doc
    assert doc is not None
    spans = {s for b in doc.content for s in (*b.inline.code, *b.inline.strong)}
    return sorted(spans | {re.split(r"\s*[:=]", s)[0] for s in spans} | {"max", "x", ""})


def test_a_pool_reads_a_name_in_the_lines_that_write_it_as_in_every_line_of_its_word() -> None:
    said = 0
    for notes in SHAPES:
        fast, _ = _pool(notes)
        full, _ = _pool(notes)
        full._texts_with = functools.partial(_lines_with_first_word, full)  # type: ignore[method-assign]
        for name in _names(fast):
            for ask in ("_value_kind", "_valued", "_called", "_nouns_after", "key_values"):
                mine, theirs = getattr(fast, ask)(name), getattr(full, ask)(name)
                assert mine == theirs == getattr(fast, ask)(name), (notes, ask, name)
                said += bool(mine)
    assert said > 50  # names the notes give values, nouns and labels: both answers are tested


def test_a_sentence_names_an_option_only_when_its_folded_text_writes_it() -> None:
    found = 0
    for notes in SHAPES:
        pool, facts = _pool(notes)
        options = sorted({f.subject for f in facts if f.subject})[:80]
        for f in facts[:60]:
            stem = f.sentence
            for option in options:
                fast = pool.said_elsewhere(option, stem, f)
                words = frozenset(content_words(stem) - content_words(f.span or f.subject))
                every = [s for b, s in pool._sentences or [] if b != f.block.id
                         and words <= content_words(s)]  # fmt: skip
                assert fast == said_with(words, option, every), (notes, stem, option)
                found += fast
    assert found > 5


def test_a_tables_keys_are_folded_once_as_each_key_is_folded() -> None:
    for notes in SHAPES:
        _, facts = _pool(notes)
        for table in {id(f.table): f.table for f in facts if f.table is not None}.values():
            assert _folded_all(table.keys) == tuple(folded(k) for k in table.keys)
    assert _folded_all.cache_info().maxsize is not None  # bounded: a few tables' worth


def test_a_kept_give_away_is_the_one_found_afresh() -> None:
    found = 0
    for notes in SHAPES:
        result = generate_document(notes, (NOTES / notes).read_text(encoding="utf-8"))
        for c in result.candidates:
            args = (c.prompt, c.answer_text, c.distractors, kin_descriptions(c))
            fresh = _clue.__wrapped__(*args[:2], tuple(args[2]), tuple(args[3]))
            assert clue(*args) == fresh == clue(*args), args
            found += fresh is not None
    assert found > 10  # give-aways found and not found are both compared
    assert _clue.cache_info().maxsize is not None  # bounded: the last few thousand stems
