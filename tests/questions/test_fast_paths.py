"""The shortcuts that keep generation cheap decide exactly as the comparisons they skip: a
limited ranking is the head of the full one, a prefixed word is told by its ending, a word
that is not plain Latin is alike only to itself, and a column's shared words are read only
when a thin description shares a word with the option."""

from __future__ import annotations

from questions.ambiguity import thin_fit
from questions.cues import _shares, alike
from questions.distractors import by_likeness


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
